/*
 * namespace_set.c: the namespace set (Linux's nsproxy): which uts, ipc, mount, net and cgroup
 * namespaces a task is in, and which pid namespace its children will be in.
 *
 * Theory of operation. A set is shared by every task made without a CLONE_NEW* flag: fork
 * takes a reference. A set never changes once made; clone, unshare and setns make a new one
 * (namespace_set_create, or a copy edited before anyone sees it) and switch the task to it.
 * The set holds a reference to each namespace; a namespace holds one to its owner, the user
 * namespace (R5.10). So a task keeps its namespaces alive, and they keep their owners alive.
 *
 * Locking. A task replaces its own `namespaces` pointer (switch, exit) under namespaces_lock;
 * another task's pointer is read under it too (procfs's /proc/PID/ns, task_namespace_get),
 * long enough to take a reference to a namespace in it. A task reads its own without the
 * lock: only it changes it.
 */
#include <kuid/cred.h>
#include <kuid/heap.h>
#include <kuid/identity_namespaces.h>
#include <kuid/mount_namespace.h>
#include <kuid/nsproxy.h>
#include <kuid/pid_namespace.h>
#include <kuid/spinlock.h>
#include <kuid/task.h>
#include <kuid/user_namespace.h>
#include <kuid/uts_namespace.h>
#include <uapi/errno.h>

struct namespace_set init_namespace_set = {
	.references = 1,	/* never put: the initial set is never freed */
	.uts = &init_uts_ns,
	.ipc = &init_ipc_ns,
	.mnt = &init_mount_ns,
	.pid_for_children = &init_pid_ns,
	.net = &init_net_ns,
	.cgroup = &init_cgroup_ns,
};

static struct spinlock namespaces_lock = SPINLOCK_INIT("task namespaces");
static unsigned int sets_alive;	/* atomic: sets made and not yet freed */

unsigned int namespace_sets_alive(void)
{
	return __atomic_load_n(&sets_alive, __ATOMIC_RELAXED);
}

struct namespace_set *namespace_set_get(struct namespace_set *set)
{
	__atomic_add_fetch(&set->references, 1, __ATOMIC_RELAXED);
	return set;
}

/* Drop the set's references on its namespaces; a half-made set has NULLs, which is fine. */
static void put_members(struct namespace_set *set)
{
	put_uts_ns(set->uts);
	put_ipc_ns(set->ipc);
	put_mount_ns(set->mnt);
	put_pid_ns(set->pid_for_children);
	put_net_ns(set->net);
	put_cgroup_ns(set->cgroup);
}

void namespace_set_put(struct namespace_set *set)
{
	if (!set || __atomic_sub_fetch(&set->references, 1, __ATOMIC_ACQ_REL) != 0)
		return;
	put_members(set);
	kfree(set);
	__atomic_sub_fetch(&sets_alive, 1, __ATOMIC_RELAXED);
}

/* R5.6: a second pid ns is refused until the caller's children live in the first. */
static int create_pid_for_children(unsigned long flags, struct namespace_set *old,
				   const struct cred *creator, struct namespace_set *set,
				   struct userns_refusal *refusal)
{
	if (!(flags & CLONE_NEWPID)) {
		set->pid_for_children = get_pid_ns(old->pid_for_children);
		return 0;
	}
	if (old->pid_for_children != current_pid_ns())
		return userns_refuse(refusal, RULE_R5_6_PID_NAMESPACE, 0,
				     "unshare(CLONE_NEWPID) already chose the children's pid ns",
				     EINVAL);
	return pid_namespace_create(old->pid_for_children, creator, &set->pid_for_children,
				    refusal);
}

/* Keep the old namespace: the new set takes its own reference to it. */
#define share(slot, old_namespace, old_common)	\
	do {					\
		ns_get(old_common);		\
		*(slot) = (old_namespace);	\
	} while (0)

/*
 * Linux's create_new_namespaces, in its order: mnt, uts, ipc, pid, cgroup, net. Each either
 * a new namespace owned by creator's user namespace, or a reference to the old one.
 */
int namespace_set_create(unsigned long flags, struct namespace_set *old,
			 const struct cred *creator, struct namespace_set **result,
			 struct userns_refusal *refusal)
{
	struct namespace_set *set = kzalloc(sizeof(*set));
	int error = 0;

	if (!set)
		return -ENOMEM;
	set->references = 1;
	__atomic_add_fetch(&sets_alive, 1, __ATOMIC_RELAXED);

	if (flags & CLONE_NEWNS)
		error = mount_namespace_create(old->mnt, creator, &set->mnt, refusal);
	else
		share(&set->mnt, old->mnt, &old->mnt->ns);
	if (error)
		goto out;
	if (flags & CLONE_NEWUTS)
		error = uts_namespace_create(old->uts, creator, &set->uts, refusal);
	else
		share(&set->uts, old->uts, &old->uts->ns);
	if (error)
		goto out;
	if (flags & CLONE_NEWIPC)
		error = ipc_namespace_create(creator, &set->ipc, refusal);
	else
		share(&set->ipc, old->ipc, &old->ipc->identity.ns);
	if (error)
		goto out;
	error = create_pid_for_children(flags, old, creator, set, refusal);
	if (error)
		goto out;
	if (flags & CLONE_NEWCGROUP)
		error = cgroup_namespace_create(creator, &set->cgroup, refusal);
	else
		share(&set->cgroup, old->cgroup, &old->cgroup->identity.ns);
	if (error)
		goto out;
	if (flags & CLONE_NEWNET)
		error = net_namespace_create(creator, &set->net, refusal);
	else
		share(&set->net, old->net, &old->net->identity.ns);
out:
	if (error) {
		namespace_set_put(set);		/* puts whatever was taken so far */
		return error;
	}
	*result = set;
	return 0;
}

struct namespace_set *current_namespaces(void)
{
	struct task *task = current_task();

	return task && task->namespaces ? task->namespaces : &init_namespace_set;
}

void task_switch_namespaces(struct task *task, struct namespace_set *set)
{
	struct namespace_set *old;

	spin_lock(&namespaces_lock);
	old = task->namespaces;
	task->namespaces = set;
	spin_unlock(&namespaces_lock);
	namespace_set_put(old);		/* may free namespaces: not under the lock */
}

/* The member of `set` that `clone_flag` names, or NULL. */
static struct ns_common *set_member(struct namespace_set *set, unsigned long clone_flag)
{
	switch (clone_flag) {
	case CLONE_NEWUTS:
		return &set->uts->ns;
	case CLONE_NEWIPC:
		return &set->ipc->identity.ns;
	case CLONE_NEWNS:
		return &set->mnt->ns;
	case CLONE_NEWNET:
		return &set->net->identity.ns;
	case CLONE_NEWCGROUP:
		return &set->cgroup->identity.ns;
	case CLONE_NEWPID:
		return &set->pid_for_children->ns;
	default:
		return NULL;
	}
}

/* A reference to a member of the task's set; NULL once the task has exited. */
static struct ns_common *task_set_member_get(struct task *task, unsigned long clone_flag)
{
	struct ns_common *ns = NULL;

	spin_lock(&namespaces_lock);
	if (task->namespaces)
		ns = set_member(task->namespaces, clone_flag);
	if (ns)
		ns_get(ns);
	spin_unlock(&namespaces_lock);
	return ns;
}

struct ns_common *task_namespace_get(struct task *task, unsigned long clone_flag)
{
	struct ns_common *ns;
	const struct cred *cred;

	switch (clone_flag) {
	case CLONE_NEWUSER:
		cred = task_get_cred(task);
		ns = ns_get(&cred->user_ns->ns);
		put_cred(cred);
		return ns;
	case CLONE_NEWPID:
		/* The process's own, fixed for its life; like the others, gone once it exited. */
		spin_lock(&namespaces_lock);
		ns = task->namespaces ? ns_get(&task->process->pid_namespace->ns) : NULL;
		spin_unlock(&namespaces_lock);
		return ns;
	default:
		return task_set_member_get(task, clone_flag);
	}
}

struct ns_common *task_pid_for_children_get(struct task *task)
{
	struct ns_common *ns = task_set_member_get(task, CLONE_NEWPID);

	/* R5.6: it exists only once its first process (the reaper) does. */
	if (ns && !__atomic_load_n(&to_pid_ns(ns)->has_init, __ATOMIC_ACQUIRE)) {
		ns_put(ns);
		ns = NULL;
	}
	return ns;
}

const char *ns_common_name(const struct ns_common *ns)
{
	return ns->operations->name;
}

int namespace_set_replace(struct namespace_set *old, struct ns_common *ns,
			  struct namespace_set **result)
{
	struct namespace_set *set;
	int error;

	/* No flags: a new set sharing everything of old, each member with its own reference. */
	error = namespace_set_create(0, old, current_cred(), &set, NULL);
	if (error)
		return error;
	ns_get(ns);
	switch (ns->operations->type) {
	case NS_TYPE_UTS:
		put_uts_ns(set->uts);
		set->uts = to_uts_ns(ns);
		break;
	case NS_TYPE_IPC:
		put_ipc_ns(set->ipc);
		set->ipc = container_of(ns, struct ipc_namespace, identity.ns);
		break;
	case NS_TYPE_MNT:
		put_mount_ns(set->mnt);
		set->mnt = to_mount_ns(ns);
		break;
	case NS_TYPE_PID:
		put_pid_ns(set->pid_for_children);
		set->pid_for_children = to_pid_ns(ns);
		break;
	case NS_TYPE_NET:
		put_net_ns(set->net);
		set->net = container_of(ns, struct net_namespace, identity.ns);
		break;
	default:
		put_cgroup_ns(set->cgroup);
		set->cgroup = container_of(ns, struct cgroup_namespace, identity.ns);
		break;
	}
	*result = set;
	return 0;
}
