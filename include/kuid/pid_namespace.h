/*
 * pid_namespace.h: the pid namespace as an object: its identity, its parent and level, and
 * its owner. kuid does not number processes per namespace yet (every pid is the initial
 * namespace's); what is modelled is which namespace a process lives in, where its children
 * will live (pid_for_children, R5.6), and the rules of creating and joining them.
 */
#ifndef KUID_PID_NAMESPACE_H
#define KUID_PID_NAMESPACE_H

#include <kuid/ns_common.h>
#include <kuid/types.h>
#include <kuid/userns_rules.h>

struct cred;
struct ucounts;

/* R5.6: as Linux's MAX_PID_NS_LEVEL: a new pid namespace may be at most 32 levels deep. */
#define PID_NAMESPACE_MAX_LEVEL	32

struct pid_namespace {
	struct ns_common ns;		/* references, inode number, owner (R5.10) */
	struct ucounts *ucounts;	/* the creator's UCOUNT_PID_NAMESPACES charge (R1.8) */
	struct pid_namespace *parent;	/* a reference; NULL for init_pid_ns */
	unsigned int level;		/* 0 for init_pid_ns */
	/*
	 * Set when the first process enters the namespace (its init, the child reaper). Until
	 * then /proc/PID/ns/pid_for_children reads ENOENT (R5.6). Atomic.
	 */
	bool has_init;
};

/* Level 0, owned by init_user_ns, inode 0xEFFFFFFC. Never freed. */
extern struct pid_namespace init_pid_ns;

static inline struct pid_namespace *to_pid_ns(struct ns_common *ns)
{
	return container_of(ns, struct pid_namespace, ns);
}

static inline struct pid_namespace *get_pid_ns(struct pid_namespace *pid_ns)
{
	ns_get(&pid_ns->ns);
	return pid_ns;
}

/* put_pid_ns(NULL) does nothing. Freeing a namespace puts its parent, possibly freeing it. */
void put_pid_ns(struct pid_namespace *pid_ns);

/*
 * R5.6: a child of `parent` owned by creator's namespace. -EINVAL when that owner is not
 * `parent`'s owner or below it, -ENOSPC when too deep or over the ucount limit, -ENOMEM.
 */
int pid_namespace_create(struct pid_namespace *parent, const struct cred *creator,
			 struct pid_namespace **result, struct userns_refusal *refusal);

/* The pid namespace the calling process lives in (init's for a kernel thread). No reference. */
struct pid_namespace *current_pid_ns(void);

/* Is `ancestor` the namespace itself or one of its ancestors? */
bool pid_ns_is_same_or_ancestor(const struct pid_namespace *ancestor,
				const struct pid_namespace *pid_ns);

#endif /* KUID_PID_NAMESPACE_H */
