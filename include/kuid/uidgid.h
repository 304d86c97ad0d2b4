/*
 * uidgid.h: kernel user and group ids.
 *
 * A process sees user ids (uid_t) that are relative to its user namespace:
 * uid 0 inside a container is not uid 0 of the host. Inside the kernel every
 * id is kept in one global space, the kernel id (kuid_t, kgid_t), and is
 * translated only at the system-call boundary, with make_kuid() on the way
 * in and from_kuid() on the way out. Wrapping the kernel id in a one-field
 * struct makes the compiler refuse to mix the two: `kuid_t k = 5;` and
 * `uid_t u = k;` do not compile. Compare with uid_eq(), never with ==.
 */
#ifndef KUID_UIDGID_H
#define KUID_UIDGID_H

#include <kuid/types.h>

typedef uint32_t uid_t;
typedef uint32_t gid_t;

typedef struct {
	uid_t value;
} kuid_t;

typedef struct {
	gid_t value;
} kgid_t;

/* R1.1: kernel id 0 is the host's root; 0xffffffff is never a valid id. */
#define GLOBAL_ROOT_UID ((kuid_t){ 0 })
#define GLOBAL_ROOT_GID ((kgid_t){ 0 })
#define INVALID_UID ((kuid_t){ (uid_t)-1 })
#define INVALID_GID ((kgid_t){ (gid_t)-1 })

/* The raw value, for printing and for tables indexed by kernel id. */
static inline uid_t __kuid_val(kuid_t uid)
{
	return uid.value;
}

static inline gid_t __kgid_val(kgid_t gid)
{
	return gid.value;
}

static inline bool uid_eq(kuid_t left, kuid_t right)
{
	return left.value == right.value;
}

static inline bool gid_eq(kgid_t left, kgid_t right)
{
	return left.value == right.value;
}

static inline bool uid_lt(kuid_t left, kuid_t right)
{
	return left.value < right.value;
}

static inline bool gid_lt(kgid_t left, kgid_t right)
{
	return left.value < right.value;
}

static inline bool uid_valid(kuid_t uid)
{
	return !uid_eq(uid, INVALID_UID);
}

static inline bool gid_valid(kgid_t gid)
{
	return !gid_eq(gid, INVALID_GID);
}

#endif
