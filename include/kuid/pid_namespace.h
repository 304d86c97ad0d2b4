/*
 * pid_namespace.h: the pid namespace: its identity, parent, level and owner, its own numbering
 * of processes (its table of numbers, its counter, its pid_max; kuid/pid.h), and its init, the
 * first process made in it: pid 1 there, the reaper of its orphans, protected from its own
 * namespace's signals (R12.2), whose death ends the namespace (R12.3). A process lives in one
 * (its "active" one); where its children will live is pid_for_children (R5.6).
 */
#ifndef KUID_PID_NAMESPACE_H
#define KUID_PID_NAMESPACE_H

#include <kuid/list.h>
#include <kuid/ns_common.h>
#include <kuid/pid.h>
#include <kuid/types.h>
#include <kuid/userns_rules.h>

struct cred;
struct process;
struct task;
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

	/* The numbering (kernel/task/pid.c). Protected by the tasks lock. */
	struct list_node numbers;	/* struct pid_number of every id numbered here */
	pid_t last_number;		/* the last number handed out; the next try is one more */
	pid_t pid_max;			/* the highest number; then the count wraps to 2 */
	/*
	 * Protected by the tasks lock. child_reaper: its init (pid 1 here), which orphans of the
	 * namespace go to; NULL before it exists (and for init_pid_ns in the test entry, which has
	 * no init program). dying: the init has ended (or its fork failed), so every member is
	 * killed and nothing may enter any more (R12.3: fork into it is -ENOMEM).
	 */
	struct process *child_reaper;
	bool dying;
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

/*
 * The pid namespace `task` lives in, its "active" one (Linux's task_active_pid_ns): the one
 * its getpid answers in, fixed for its life. init_pid_ns for NULL (a kernel thread). No
 * reference: valid while the task is held.
 */
struct pid_namespace *task_active_pid_namespace(struct task *task);

/* Is `ancestor` the namespace itself or one of its ancestors? */
bool pid_ns_is_same_or_ancestor(const struct pid_namespace *ancestor,
				const struct pid_namespace *pid_ns);

#endif /* KUID_PID_NAMESPACE_H */
