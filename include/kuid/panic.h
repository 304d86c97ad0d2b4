/*
 * panic.h: stop the kernel with a reason. panic() prints "KERNEL PANIC:" and
 * the reason, a backtrace, and leaves QEMU with the failure status.
 */
#ifndef KUID_PANIC_H
#define KUID_PANIC_H

#include <kuid/types.h>

__noreturn void panic(const char *format, ...) __attribute__((format(printf, 1, 2)));

/* A broken invariant is a kernel bug: say which, where. */
#define BUG_ON(condition)                                                          \
	do {                                                                       \
		if (unlikely(condition))                                           \
			panic("BUG: %s at %s:%d", #condition, __FILE__, __LINE__); \
	} while (0)

#endif
