/*
 * user_memory.c: kuid/user_memory.h on x86_64. The range is checked against
 * the user half first, so a program cannot make the kernel read or write
 * kernel memory; the copy itself runs in user_copy.S, whose faults become
 * -EFAULT (page_fault.c).
 */
#include <kuid/elf.h>
#include <kuid/user_memory.h>
#include <uapi/errno.h>
#include <arch/memory_layout.h>
#include <arch/user_mode.h>

extern const char user_copy_start[], user_copy_end[];

bool user_copy_contains(uint64_t rip)
{
	return rip >= (uint64_t)user_copy_start && rip < (uint64_t)user_copy_end;
}

bool user_range_is_valid(uintptr_t address, size_t length)
{
	/* Written so that address + length cannot wrap around. */
	return address <= ELF_USER_SPACE_END && length <= ELF_USER_SPACE_END - address;
}

int copy_from_user(void *destination, const void __user *source, size_t length)
{
	if (length == 0)
		return 0;
	if (!user_range_is_valid((uintptr_t)source, length))
		return -EFAULT;
	return arch_copy_user(destination, source, length);
}

int copy_to_user(void __user *destination, const void *source, size_t length)
{
	if (length == 0)
		return 0;
	if (!user_range_is_valid((uintptr_t)destination, length))
		return -EFAULT;
	return arch_copy_user(destination, source, length);
}

int clear_user(void __user *destination, size_t length)
{
	if (length == 0)
		return 0;
	if (!user_range_is_valid((uintptr_t)destination, length))
		return -EFAULT;
	return arch_clear_user(destination, length);
}

/*
 * Copy a page at a time (never across a page boundary before looking for the
 * NUL), so a string that ends just before an unmapped page is still read.
 */
long copy_string_from_user(char *destination, const char __user *source, size_t size)
{
	uintptr_t address = (uintptr_t)source;
	size_t copied = 0;

	while (copied < size) {
		size_t chunk = MIN(size - copied, PAGE_SIZE - (address + copied) % PAGE_SIZE);
		int error = copy_from_user(destination + copied, (const char *)address + copied,
					   chunk);

		if (error)
			return error;
		for (size_t i = 0; i < chunk; i++)
			if (destination[copied + i] == '\0')
				return (long)(copied + i);
		copied += chunk;
	}
	return -ENAMETOOLONG;
}
