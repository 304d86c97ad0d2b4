/*
 * nsproxy.h: the namespace set, what Linux calls the nsproxy: one object per task naming the
 * uts, ipc, mount, net and cgroup namespaces it lives in and the pid namespace its future
 * children will live in. Tasks share one set (a reference each) until one of them changes a
 * namespace; then it gets a new set. The user namespace is not here: it lives in the
 * credentials (cred->user_ns, R1.2), because capabilities are judged against it.
 *
 * Every namespace in a set is owned by a user namespace (ns_common.owner, R5.10), the
 * credentials' namespace of the task that created it: ownership decides who may change it or
 * join it. docs/namespaces.md draws the tree and walks clone, unshare and setns through.
 */
#ifndef KUID_NSPROXY_H
#define KUID_NSPROXY_H

#include <kuid/ns_common.h>
#include <kuid/types.h>
#include <kuid/userns_rules.h>
#include <uapi/sched.h>

struct cred;
struct task;
struct fs_context;
struct uts_namespace;
struct ipc_namespace;
struct mount_namespace;
struct pid_namespace;
struct net_namespace;
struct cgroup_namespace;

struct namespace_set {
	unsigned int references;			/* atomic: one per task using the set */

	/* Fixed once the set is made: a change makes a new set. Each a reference. */
	struct uts_namespace *uts;
	struct ipc_namespace *ipc;
	struct mount_namespace *mnt;
	struct pid_namespace *pid_for_children;		/* R5.6: not the task's own pid ns */
	struct net_namespace *net;
	struct cgroup_namespace *cgroup;
};

/* The CLONE_NEW* flags of the namespaces a set holds (all but CLONE_NEWUSER). */
#define NAMESPACE_SET_FLAGS	(CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWPID | \
				 CLONE_NEWNET | CLONE_NEWCGROUP)

/* Pid 1's set: the initial namespaces with their fixed inode numbers (R6.4). Never freed. */
extern struct namespace_set init_namespace_set;

struct namespace_set *namespace_set_get(struct namespace_set *set);
/* The last put drops the set's reference on each namespace. namespace_set_put(NULL) is fine. */
void namespace_set_put(struct namespace_set *set);

/*
 * A new set for clone or unshare: for every CLONE_NEW* flag in `flags`, a new namespace
 * created by `creator` (owned by creator->user_ns, charged to its euid, R1.8); the others are
 * shared with `old`. The caller has checked CAP_SYS_ADMIN (R5.2, R5.5). Returns 0 and a set
 * of one reference in *result, or -ENOSPC (a ucount limit, the inode pool, the pid ns depth),
 * -EINVAL (R5.6: the caller already chose a pid ns for its children), -ENOMEM. *refusal
 * (may be NULL) names the rule of a refusal.
 */
int namespace_set_create(unsigned long flags, struct namespace_set *old,
			 const struct cred *creator, struct namespace_set **result,
			 struct userns_refusal *refusal);

/* ---- the namespaces of a task ---- */

/* The calling task's set (init's for a kernel thread). No reference: valid while it runs. */
struct namespace_set *current_namespaces(void);

/* Give `task` the set `set` (taking over the caller's reference) and put its old one. */
void task_switch_namespaces(struct task *task, struct namespace_set *set);

/*
 * For /proc/PID/ns/X (procfs) and setns: the namespace of type `clone_flag` (one CLONE_NEW*
 * constant) that `task` is in, with a reference (ns_put it). CLONE_NEWUSER: its credentials'
 * namespace; CLONE_NEWPID: its process's own (active) pid namespace. NULL when the task has
 * exited (its namespaces are gone, procfs says ENOENT) or the type is not modelled.
 */
struct ns_common *task_namespace_get(struct task *task, unsigned long clone_flag);

/*
 * /proc/PID/ns/pid_for_children: the pid namespace the task's next children go to, with a
 * reference. NULL until that namespace has its first process (R5.6, R6.2: ENOENT).
 */
struct ns_common *task_pid_for_children_get(struct task *task);

/* "user", "uts", "ipc", "pid", "net", "mnt", "cgroup": the /proc/PID/ns name of the type. */
const char *ns_common_name(const struct ns_common *ns);

/*
 * A copy of `old` in which the namespace of ns's type is ns (setns, R5.9). ns must not be a
 * user namespace. 0 and one reference in *result, or -ENOMEM.
 */
int namespace_set_replace(struct namespace_set *old, struct ns_common *ns,
			  struct namespace_set **result);

/* ---- clone (kernel/namespaces/clone_namespaces.c) ---- */

/*
 * R5.2: the set of a child that clone is making with `flags`, whose credentials (already
 * made, with their new user namespace if CLONE_NEWUSER) are child_cred. Without CLONE_NEW*
 * flags the caller's set is shared. Otherwise: CAP_SYS_ADMIN in child_cred's user namespace
 * or -EPERM; CLONE_NEWIPC with CLONE_SYSVSEM -EINVAL (R5.1); then namespace_set_create's
 * errors. One reference in *result.
 */
int namespace_set_for_child(unsigned long flags, const struct cred *child_cred,
			    struct namespace_set **result, struct userns_refusal *refusal);

/* ---- unshare's flags (kernel/namespaces/unshare_flags.c, pure) ---- */

/* R5.4: the flags unshare accepts, after adding what they imply. */
#define UNSHARE_ACCEPTED_FLAGS	(CLONE_THREAD | CLONE_FS | CLONE_NEWNS | CLONE_SIGHAND | \
				 CLONE_VM | CLONE_FILES | CLONE_SYSVSEM | CLONE_NEWUTS | \
				 CLONE_NEWIPC | CLONE_NEWNET | CLONE_NEWUSER | CLONE_NEWPID | \
				 CLONE_NEWCGROUP | CLONE_NEWTIME)

/* R5.4: NEWUSER => THREAD|FS, VM => SIGHAND, SIGHAND => THREAD, NEWNS => FS. */
unsigned long unshare_implied_flags(unsigned long flags);

/* What unshare's checks need to know about the caller's process. */
struct unshare_situation {
	bool other_threads;		/* the process has more than this thread */
	bool shared_signal_handlers;	/* another task shares the handler table */
	bool shared_memory;		/* another task shares the address space (vfork) */
};

/*
 * R5.4: flags (implications already added) that unshare must refuse with -EINVAL: one it does
 * not take, or THREAD/SIGHAND/VM when something really is shared. 0 otherwise.
 */
int unshare_check_flags(unsigned long flags, const struct unshare_situation *situation,
			struct userns_refusal *refusal);

/* ---- setns's rules (kernel/namespaces/setns_rules.c) ---- */

struct user_namespace;

/* What setns's checks need to know about the caller besides its credentials. */
struct setns_situation {
	bool other_threads;			/* the process has more than this thread */
	bool fs_shared;				/* root and cwd shared (a CLONE_FS child) */
	struct pid_namespace *active_pid_ns;	/* the pid namespace the process lives in */
};

/*
 * R5.8: may `cred` join the user namespace `target`? -EINVAL for its own namespace, other
 * threads or a shared fs context, -EPERM without CAP_SYS_ADMIN in target (R4.1). 0: yes.
 */
int setns_check_user_ns(const struct cred *cred, struct user_namespace *target,
			const struct setns_situation *situation, struct userns_refusal *refusal);

/*
 * R5.9: may `cred` join ns (not a user namespace)? -EPERM without CAP_SYS_ADMIN over ns's
 * owner and in cred's own namespace (mount: CAP_SYS_CHROOT too); -EINVAL for a mount ns with
 * a shared fs context, or a pid ns not at or below the caller's. 0: yes.
 */
int setns_check_other_ns(const struct cred *cred, struct ns_common *ns,
			 const struct setns_situation *situation, struct userns_refusal *refusal);

/*
 * For tests and leak checks: how many non-initial uts, ipc, mount, pid, net and cgroup
 * namespaces and namespace sets exist.
 */
unsigned int namespaces_alive(void);
unsigned int namespace_sets_alive(void);

#endif /* KUID_NSPROXY_H */
