/*
 * Basic types and helper macros used all over kuid. This header compiles both
 * in the freestanding kernel and on the host for unit tests (KUID_HOSTED).
 */
#ifndef KUID_TYPES_H
#define KUID_TYPES_H

/* The three headers a freestanding compiler must provide without any C library. */
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/*
 * ssize_t belongs to POSIX, not to freestanding C. C11 allows the same
 * typedef twice, so this one agrees with the C library's on the host.
 */
typedef long ssize_t;

/* Number of elements in an array (not a pointer: sizeof would lie). */
#define ARRAY_SIZE(array) (sizeof(array) / sizeof((array)[0]))

/* Round to a multiple of alignment, which must be a power of two. */
#define ALIGN_DOWN(value, alignment) ((value) & ~((__typeof__(value))(alignment) - 1))
#define ALIGN_UP(value, alignment) ALIGN_DOWN((value) + (alignment) - 1, alignment)
#define IS_ALIGNED(value, alignment) (((value) & ((__typeof__(value))(alignment) - 1)) == 0)

/*
 * From a pointer to a member, get back the structure that contains it. This
 * is how intrusive lists (kuid/list.h) find the object a list node lives in.
 */
#define container_of(pointer, type, member) \
	((type *)((char *)(pointer) - offsetof(type, member)))

/*
 * Smaller and larger of two values. Each argument is evaluated exactly once,
 * so MIN(i++, j) behaves as a reader expects. The host's <sys/param.h> has
 * its own MIN and MAX that evaluate twice; ours replace them.
 */
#undef MIN
#undef MAX
#define MIN(a, b) __extension__({         \
	__typeof__(a) min_a_ = (a);       \
	__typeof__(b) min_b_ = (b);       \
	min_a_ < min_b_ ? min_a_ : min_b_; \
})
#define MAX(a, b) __extension__({         \
	__typeof__(a) max_a_ = (a);       \
	__typeof__(b) max_b_ = (b);       \
	max_a_ > max_b_ ? max_a_ : max_b_; \
})

/* Hints to the compiler about which way a branch usually goes. */
#define likely(condition) __builtin_expect(!!(condition), 1)
#define unlikely(condition) __builtin_expect(!!(condition), 0)

/* Attributes, spelled once here so the rest of the code reads plainly. */
#define __unused __attribute__((unused))
#define __packed __attribute__((packed))
#define __noreturn __attribute__((noreturn))

#endif /* KUID_TYPES_H */
