/*
 * unshare.c: unshare(2): the caller stops sharing what the flags name, and moves into new
 * namespaces (R5.4, R5.5).
 *
 * Everything new is made first, in Linux's order: a private copy of the root and cwd if they
 * are shared, a private descriptor table if it is shared, new credentials in a new user
 * namespace, then the other new namespaces, owned by that user namespace. Only when all of it
 * exists is it installed: a failure anywhere leaves the caller exactly as it was.
 */
#include <kuid/address_space.h>
#include <kuid/capability.h>
#include <kuid/cred.h>
#include <kuid/fd_table.h>
#include <kuid/mount_namespace.h>
#include <kuid/nsproxy.h>
#include <kuid/signal.h>
#include <kuid/syscall_handlers.h>
#include <kuid/task.h>
#include <kuid/user_namespace.h>
#include <kuid/vfs.h>
#include <uapi/capability.h>
#include <uapi/errno.h>
#include <uapi/sched.h>

/* What unshare makes before it changes anything; NULL: nothing new of that kind. */
struct unshare_plan {
	struct fs_context *fs;
	struct files_table *files;
	struct cred *cred;
	struct namespace_set *namespaces;
};

static void describe_caller(const struct task *task, struct unshare_situation *situation)
{
	situation->other_threads =
		__atomic_load_n(&task->process->live_threads, __ATOMIC_RELAXED) > 1;
	situation->shared_signal_handlers =
		__atomic_load_n(&task->signals.handlers->references, __ATOMIC_RELAXED) > 1;
	situation->shared_memory = task->address_space &&
		__atomic_load_n(&task->address_space->references, __ATOMIC_RELAXED) > 1;
}

/* Make the new things of the plan, in R5.5's order. */
static int make_plan(unsigned long flags, struct task *task, struct unshare_plan *plan,
		     struct userns_refusal *refusal)
{
	const struct cred *creator;
	int error;

	/* A shared fs context is copied, never refused (R5.4, Obs 5a). */
	if ((flags & CLONE_FS) && task->fs &&
	    __atomic_load_n(&task->fs->references, __ATOMIC_RELAXED) > 1) {
		plan->fs = fs_context_copy(task->fs);
		if (!plan->fs)
			return -ENOMEM;
	}
	if ((flags & CLONE_FILES) && task->files &&
	    __atomic_load_n(&task->files->references, __ATOMIC_RELAXED) > 1) {
		plan->files = files_table_copy(task->files);
		if (!plan->files)
			return -ENOMEM;
	}
	if (flags & CLONE_NEWUSER) {
		plan->cred = cred_prepare();
		if (!plan->cred)
			return -ENOMEM;
		error = create_user_ns(plan->cred, current_chrooted(), refusal);	/* R5.3 */
		if (error)
			return error;
	}
	if (!(flags & NAMESPACE_SET_FLAGS))
		return 0;
	/* R5.5: owned by the new user namespace if there is one, and the caps checked there. */
	creator = plan->cred ? plan->cred : current_cred();
	if (!ns_capable(creator->user_ns, CAP_SYS_ADMIN))
		return userns_refuse(refusal, RULE_R5_2_NAMESPACE_CAPABILITY, 0,
				     "new namespaces need CAP_SYS_ADMIN in their owner", EPERM);
	return namespace_set_create(flags, current_namespaces(), creator, &plan->namespaces,
				    refusal);
}

/* Install the plan: namespaces, fs, files, then the credentials, as Linux commits them. */
static void commit_plan(struct task *task, struct unshare_plan *plan)
{
	/* CLONE_NEWNS: root and cwd move to their copies, as Linux's copy_mnt_ns. */
	if (plan->namespaces && plan->namespaces->mnt != current_namespaces()->mnt)
		mount_namespace_move_fs(plan->namespaces->mnt, plan->fs ? plan->fs : task->fs);
	if (plan->namespaces) {
		task_switch_namespaces(task, plan->namespaces);
		plan->namespaces = NULL;
	}
	if (plan->fs)
		plan->fs = __atomic_exchange_n(&task->fs, plan->fs, __ATOMIC_ACQ_REL);
	if (plan->files)
		plan->files = __atomic_exchange_n(&task->files, plan->files, __ATOMIC_ACQ_REL);
	if (plan->cred) {
		cred_commit(plan->cred);
		plan->cred = NULL;
	}
	/* plan->fs and plan->files now hold the old, shared ones: put by the caller. */
}

long sys_unshare(unsigned long flags)
{
	struct task *task = current_task();
	struct unshare_plan plan = { 0 };
	struct unshare_situation situation;
	long error;

	flags = unshare_implied_flags(flags);
	describe_caller(task, &situation);
	error = unshare_check_flags(flags, &situation, NULL);
	if (error)
		return error;
	error = make_plan(flags, task, &plan, NULL);
	if (!error)
		commit_plan(task, &plan);

	/* One way out: whatever the plan still holds is either unused or the old shared one. */
	namespace_set_put(plan.namespaces);
	if (plan.cred)
		cred_abort(plan.cred);
	if (plan.files)
		files_table_put(plan.files);
	if (plan.fs)
		fs_context_put(plan.fs);
	return error;
}
