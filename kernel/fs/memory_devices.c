/*
 * memory_devices.c: /dev/null (1:3), which swallows writes and is always at
 * its end, and /dev/zero (1:5), which reads as endless zeros. Both seek
 * anywhere and stay where they are, as on Linux.
 */
#include <kuid/device.h>
#include <kuid/panic.h>
#include <kuid/string.h>

#define NULL_MINOR 3
#define ZERO_MINOR 5

static ssize_t null_read(struct file *file, void *buffer, size_t count, uint64_t *position)
{
	(void)file, (void)buffer, (void)count, (void)position;
	return 0;
}

static ssize_t swallow_write(struct file *file, const void *buffer, size_t count,
			     uint64_t *position)
{
	(void)file, (void)buffer, (void)position;
	return (ssize_t)count;
}

static ssize_t zero_read(struct file *file, void *buffer, size_t count, uint64_t *position)
{
	(void)file, (void)position;
	memset(buffer, 0, count);
	return (ssize_t)count;
}

static const struct file_operations null_operations = {
	.read = null_read,
	.write = swallow_write,
	.seekable = true,
};

static const struct file_operations zero_operations = {
	.read = zero_read,
	.write = swallow_write,
	.seekable = true,
};

void memory_devices_register(void)
{
	if (device_register(MEMORY_MAJOR, NULL_MINOR, 1, "null", &null_operations) < 0 ||
	    device_register(MEMORY_MAJOR, ZERO_MINOR, 1, "zero", &zero_operations) < 0)
		panic("cannot register /dev/null and /dev/zero");
}
