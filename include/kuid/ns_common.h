/*
 * ns_common.h: what every kind of namespace has in common (user, uts, ipc, pid, net, mnt,
 * cgroup, time): its type, its nsfs inode number (the number /proc/PID/ns/X shows, R6.1), a
 * reference count, and the user namespace that owns it. Each namespace struct embeds one
 * struct ns_common; nsfs and setns work on that part alone and reach the whole namespace
 * through container_of and the type's operations.
 */
#ifndef KUID_NS_COMMON_H
#define KUID_NS_COMMON_H

#include <kuid/types.h>

enum ns_type {
	NS_TYPE_USER,
	NS_TYPE_UTS,
	NS_TYPE_IPC,
	NS_TYPE_PID,
	NS_TYPE_NET,
	NS_TYPE_MNT,
	NS_TYPE_CGROUP,
	NS_TYPE_TIME,
	NS_TYPE_COUNT
};

/*
 * R6.4: the initial namespaces have fixed inode numbers (Linux's uapi nsfs.h). Every namespace
 * created later takes a number from one pool shared by all types, starting at
 * NS_INODE_NUMBER_POOL_FIRST (ns_inode_number.c).
 */
#define NS_INITIAL_IPC_INODE_NUMBER	0xEFFFFFFFu
#define NS_INITIAL_UTS_INODE_NUMBER	0xEFFFFFFEu
#define NS_INITIAL_USER_INODE_NUMBER	0xEFFFFFFDu
#define NS_INITIAL_PID_INODE_NUMBER	0xEFFFFFFCu
#define NS_INITIAL_CGROUP_INODE_NUMBER	0xEFFFFFFBu
#define NS_INITIAL_TIME_INODE_NUMBER	0xEFFFFFFAu
#define NS_INITIAL_NET_INODE_NUMBER	0xEFFFFFF9u
#define NS_INITIAL_MNT_INODE_NUMBER	0xEFFFFFF8u

/*
 * The pool: NS_INODE_NUMBER_POOL_SIZE numbers from 0xF0000000 on. Linux's pool is only bounded
 * by memory; kuid's is a fixed bitmap, so at most this many namespaces (of all types together,
 * the initial ones not counted) exist at once. A freed number is handed out again, lowest
 * first, as Linux does (Obs 5c).
 */
#define NS_INODE_NUMBER_POOL_FIRST	0xF0000000u
#define NS_INODE_NUMBER_POOL_SIZE	4096

struct ns_common;
struct user_namespace;

/* What differs between the types; one constant table per type. */
struct ns_operations {
	const char *name;	/* "user": the text of /proc/PID/ns/user is "user:[4026531837]" */
	enum ns_type type;
	uint32_t clone_flag;	/* CLONE_NEWUSER, ...: what NS_GET_NSTYPE returns (R6.8) */
	/* Free the namespace whose last reference was just dropped (ns_put calls it). */
	void (*release)(struct ns_common *ns);
};

struct ns_common {
	unsigned int references;		/* atomic; ns_get/ns_put */
	unsigned int inode_number;		/* R6.3: st_ino of /proc/PID/ns/X */
	const struct ns_operations *operations;
	/*
	 * R5.10: the user namespace that owns this one, fixed at creation; a reference. NULL for a
	 * user namespace: its owner is its parent (struct user_namespace's parent field).
	 */
	struct user_namespace *owner;
};

static inline struct ns_common *ns_get(struct ns_common *ns)
{
	__atomic_add_fetch(&ns->references, 1, __ATOMIC_RELAXED);
	return ns;
}

/*
 * Drop one reference; the last one releases the namespace through its operations. The
 * acquire-release ordering makes every write done under an earlier reference visible to the
 * code that frees it. ns_put(NULL) does nothing.
 */
static inline void ns_put(struct ns_common *ns)
{
	if (ns && __atomic_sub_fetch(&ns->references, 1, __ATOMIC_ACQ_REL) == 0)
		ns->operations->release(ns);
}

/*
 * R6.4: a number from the shared pool into *inode_number: 0, or -ENOSPC when all
 * NS_INODE_NUMBER_POOL_SIZE numbers are in use. Every allocation has its ns_inode_number_free.
 */
int ns_inode_number_alloc(unsigned int *inode_number);
void ns_inode_number_free(unsigned int inode_number);

/* How many numbers of the pool are in use now (for tests and leak checks). */
unsigned int ns_inode_numbers_in_use(void);

#endif /* KUID_NS_COMMON_H */
