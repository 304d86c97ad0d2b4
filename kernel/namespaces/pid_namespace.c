/*
 * pid_namespace.c: pid namespaces as objects: a tree (parent, level) of namespaces, each owned
 * by a user namespace and numbering its processes itself (kernel/task/pid.c). A process lives
 * in one (struct process's pid_namespace, its "active" one); unshare(CLONE_NEWPID) and setns
 * change only where the caller's future children go (pid_for_children in the namespace set,
 * R5.6). The life of a namespace's init, and its death, are kernel/task/pid_namespace_init.c's.
 */
#include <kuid/cred.h>
#include <kuid/heap.h>
#include <kuid/pid_namespace.h>
#include <kuid/task.h>
#include <kuid/user_namespace.h>
#include <uapi/errno.h>
#include <uapi/sched.h>

#include "namespace_internal.h"

static void pid_ns_release(struct ns_common *ns);

static const struct ns_operations pid_ns_operations = {
	.name = "pid",
	.type = NS_TYPE_PID,
	.clone_flag = CLONE_NEWPID,
	.release = pid_ns_release,
};

struct pid_namespace init_pid_ns = {
	.ns = {
		.references = 1,	/* init_namespace_set's, never put */
		.inode_number = NS_INITIAL_PID_INODE_NUMBER,
		.operations = &pid_ns_operations,
		.owner = &init_user_ns,
	},
	.parent = NULL,
	.level = 0,
	.has_init = true,	/* pid 1 */
	.numbers = LIST_INIT(init_pid_ns.numbers),
	.pid_max = PID_MAX,
};

struct pid_namespace *task_active_pid_namespace(struct task *task)
{
	return task && task->process && task->process->pid_namespace ?
		       task->process->pid_namespace : &init_pid_ns;
}

struct pid_namespace *current_pid_ns(void)
{
	return task_active_pid_namespace(current_task());
}

bool pid_ns_is_same_or_ancestor(const struct pid_namespace *ancestor,
				const struct pid_namespace *pid_ns)
{
	while (pid_ns && pid_ns->level > ancestor->level)
		pid_ns = pid_ns->parent;
	return pid_ns == ancestor;
}

int pid_namespace_create(struct pid_namespace *parent, const struct cred *creator,
			 struct pid_namespace **result, struct userns_refusal *refusal)
{
	struct pid_namespace *pid_ns;
	int error;

	/*
	 * R5.6: the new namespace's owner must be at or below the parent's owner, or a process
	 * could gain power over processes its namespace cannot reach.
	 */
	if (!user_ns_is_same_or_ancestor(parent->ns.owner, creator->user_ns))
		return userns_refuse(refusal, RULE_R5_6_PID_NAMESPACE, 0,
				     "the new pid ns's owner is not below the parent's owner",
				     EINVAL);
	if (parent->level + 1 > PID_NAMESPACE_MAX_LEVEL)
		return userns_refuse(refusal, RULE_R5_6_PID_NAMESPACE, 0,
				     "pid namespaces nest at most 32 deep", ENOSPC);
	pid_ns = kzalloc(sizeof(*pid_ns));
	if (!pid_ns)
		return -ENOMEM;
	error = namespace_birth(&pid_ns->ns, &pid_ns_operations, creator, UCOUNT_PID_NAMESPACES,
				&pid_ns->ucounts, refusal);
	if (error) {
		kfree(pid_ns);
		return error;
	}
	pid_ns->parent = get_pid_ns(parent);
	pid_ns->level = parent->level + 1;
	list_init(&pid_ns->numbers);
	pid_ns->pid_max = PID_MAX;	/* Linux: the parent's pid_max; kuid's is one constant */
	*result = pid_ns;
	return 0;
}

/* Free one whose last reference is gone, and its parents whose last one that was: a loop. */
static void pid_ns_release(struct ns_common *ns)
{
	struct pid_namespace *pid_ns = to_pid_ns(ns);

	while (pid_ns) {
		struct pid_namespace *parent = pid_ns->parent;

		namespace_death(&pid_ns->ns, pid_ns->ucounts, UCOUNT_PID_NAMESPACES);
		kfree(pid_ns);
		if (!parent ||
		    __atomic_sub_fetch(&parent->ns.references, 1, __ATOMIC_ACQ_REL) != 0)
			break;
		pid_ns = parent;
	}
}

void put_pid_ns(struct pid_namespace *pid_ns)
{
	if (pid_ns)
		ns_put(&pid_ns->ns);
}
