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
 * The string is copied in pieces of at most STRING_PIECE bytes, each ending at
 * a multiple of STRING_PIECE in user memory, and the copy stops at the piece
 * that holds the NUL. Pieces never cross a page boundary (STRING_PIECE divides
 * the page size), so a string that ends just before an unmapped page is still
 * read. They are small because most strings are: a path of 20 bytes used to
 * cost a copy up to the end of its page, some 4000 bytes (docs/benchmarks.md).
 */
#define STRING_PIECE 64

long copy_string_from_user(char *destination, const char __user *source, size_t size)
{
	uintptr_t address = (uintptr_t)source;
	size_t copied = 0;

	_Static_assert(PAGE_SIZE % STRING_PIECE == 0, "pieces must not cross pages");
	while (copied < size) {
		size_t chunk = MIN(size - copied, STRING_PIECE - (address + copied) % STRING_PIECE);
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
