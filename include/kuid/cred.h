/*
 * cred.h: credentials, the "who am I" of a task.
 *
 * A struct cred holds a task's user and group ids (as kernel ids), its
 * supplementary groups, its five capability sets, its securebits and the
 * user namespace it lives in. Credentials are shared and never changed in
 * place: to change them, a task copies its own (cred_prepare), edits the
 * copy, and installs it (cred_commit). Readers therefore never see a
 * half-made change, and a struct cred that two tasks share stays valid for
 * both. Every get_cred() has its put_cred().
 */
#ifndef KUID_CRED_H
#define KUID_CRED_H

#include <kuid/types.h>
#include <kuid/uidgid.h>

/* A capability set: bit N is capability N of include/uapi/capability.h. */
typedef struct {
	uint64_t bits;
} kernel_cap_t;

/* Supplementary groups, sorted by kernel id so membership is a binary search. */
struct group_info {
	unsigned int references;
	unsigned int count;
	kgid_t groups[];
};

struct user_namespace;

struct cred {
	unsigned int references;

	kuid_t uid;	/* real: who started the task */
	kuid_t euid;	/* effective: whose rights it uses */
	kuid_t suid;	/* saved: what it may switch back to */
	kuid_t fsuid;	/* file system: owner of new files, subject of access checks */
	kgid_t gid, egid, sgid, fsgid;
	struct group_info *groups;

	kernel_cap_t cap_inheritable;
	kernel_cap_t cap_permitted;
	kernel_cap_t cap_effective;
	kernel_cap_t cap_bounding;
	kernel_cap_t cap_ambient;
	unsigned int securebits;

	struct user_namespace *user_ns;
};

static inline bool cap_raised(kernel_cap_t set, int capability)
{
	return (set.bits >> capability) & 1;
}

static inline kernel_cap_t cap_raise(kernel_cap_t set, int capability)
{
	set.bits |= 1ull << capability;
	return set;
}

static inline kernel_cap_t cap_lower(kernel_cap_t set, int capability)
{
	set.bits &= ~(1ull << capability);
	return set;
}

#endif
