/*
 * device.c: the character-device registry, a small table from major and a
 * range of minors to a driver's file operations (see kuid/device.h).
 */
#include <kuid/device.h>
#include <kuid/spinlock.h>
#include <uapi/errno.h>

struct device_registration {
	uint32_t major;
	uint32_t first_minor;
	uint32_t count;			/* 0: a free slot */
	const char *name;
	const struct file_operations *operations;
};

static struct device_registration registrations[DEVICE_REGISTRATIONS_MAX];
static struct spinlock registry_lock = SPINLOCK_INIT("device registry");

static bool covers(const struct device_registration *registration, uint32_t major,
		   uint32_t minor)
{
	return registration->count && registration->major == major &&
	       minor >= registration->first_minor &&
	       minor - registration->first_minor < registration->count;
}

static bool overlaps(const struct device_registration *registration, uint32_t major,
		     uint32_t first_minor, uint32_t count)
{
	uint32_t end = first_minor + count;
	uint32_t registered_end = registration->first_minor + registration->count;

	return registration->count && registration->major == major &&
	       first_minor < registered_end && registration->first_minor < end;
}

int device_register(uint32_t major, uint32_t first_minor, uint32_t count, const char *name,
		    const struct file_operations *operations)
{
	struct device_registration *free_slot = NULL;
	int error = 0;

	if (count == 0 || first_minor + count < first_minor || !operations)
		return -EINVAL;
	spin_lock(&registry_lock);
	for (size_t i = 0; i < DEVICE_REGISTRATIONS_MAX; i++) {
		if (overlaps(&registrations[i], major, first_minor, count)) {
			error = -EBUSY;
			goto out;
		}
		if (!registrations[i].count && !free_slot)
			free_slot = &registrations[i];
	}
	if (!free_slot) {
		error = -ENOSPC;
		goto out;
	}
	*free_slot = (struct device_registration){ major, first_minor, count, name, operations };
out:
	spin_unlock(&registry_lock);
	return error;
}

const struct file_operations *device_find(struct device_number number)
{
	const struct file_operations *operations = NULL;

	spin_lock(&registry_lock);
	for (size_t i = 0; i < DEVICE_REGISTRATIONS_MAX; i++)
		if (covers(&registrations[i], number.major, number.minor))
			operations = registrations[i].operations;
	spin_unlock(&registry_lock);
	return operations;
}
