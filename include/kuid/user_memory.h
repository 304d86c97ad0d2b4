/*
 * user_memory.h: the only way the kernel touches user memory.
 *
 * A user pointer is just a number a program handed us: it may point into the
 * kernel, at nothing, or at memory another thread unmaps a moment later.
 * These helpers check that the whole range lies in the user half and then
 * copy; if a page turns out to be missing, the page-fault handler makes the
 * copy return -EFAULT instead of crashing the kernel. `__user` marks such
 * pointers for the reader (the compiler ignores it).
 */
#ifndef KUID_USER_MEMORY_H
#define KUID_USER_MEMORY_H

#include <kuid/types.h>

#define __user

/* 0, or -EFAULT if any byte of the user range is not accessible. */
int copy_from_user(void *destination, const void __user *source, size_t length);
int copy_to_user(void __user *destination, const void *source, size_t length);
int clear_user(void __user *destination, size_t length);

/*
 * Copy a NUL-terminated string of at most `size` bytes including the NUL.
 * Returns its length, -EFAULT, or -ENAMETOOLONG when no NUL came in time.
 */
long copy_string_from_user(char *destination, const char __user *source, size_t size);

/* True when [address, address + length) lies entirely in the user half. */
bool user_range_is_valid(uintptr_t address, size_t length);

#endif
