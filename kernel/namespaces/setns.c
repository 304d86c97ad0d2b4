/*
 * setns.c: setns(2): move the caller into the namespace an nsfs file names (R5.7-R5.9).
 *
 * The walk of a call: the descriptor must be an open nsfs file (EBADF, EINVAL: kuid has no
 * pidfds); nstype must be 0 or the file's type (EINVAL), and that is checked before any
 * permission, so a wrong type is EINVAL even for a caller who could not join (R12.5). Then
 * the type's own rules: joining a user namespace resets the credentials to full capabilities
 * there (R5.8, R4.5); joining any other type needs CAP_SYS_ADMIN over the namespace's owner
 * and in the caller's own user namespace (R5.9), and swaps that one member of the caller's
 * namespace set. docs/namespaces.md walks through it with the R-numbers.
 */
#include <kuid/capability.h>
#include <kuid/cred.h>
#include <kuid/fd_table.h>
#include <kuid/file.h>
#include <kuid/mount_namespace.h>
#include <kuid/nsfs.h>
#include <kuid/nsproxy.h>
#include <kuid/pid_namespace.h>
#include <kuid/syscall_handlers.h>
#include <kuid/task.h>
#include <kuid/user_namespace.h>
#include <uapi/capability.h>
#include <uapi/errno.h>
#include <uapi/sched.h>

static void describe_caller(const struct task *task, struct setns_situation *situation)
{
	situation->other_threads =
		__atomic_load_n(&task->process->live_threads, __ATOMIC_RELAXED) > 1;
	situation->fs_shared = __atomic_load_n(&task->fs->references, __ATOMIC_RELAXED) > 1;
	situation->active_pid_ns = current_pid_ns();
}

/* R5.8, then the R4.5 credential reset: every capability in the target, securebits 0. */
static int join_user_namespace(const struct setns_situation *situation,
			       struct user_namespace *target)
{
	struct cred *new_cred;
	int error = setns_check_user_ns(current_cred(), target, situation, NULL);

	if (error)
		return error;
	new_cred = cred_prepare();
	if (!new_cred)
		return -ENOMEM;
	put_user_ns(new_cred->user_ns);
	set_cred_user_ns(new_cred, get_user_ns(target));	/* ids stay as they are */
	return cred_commit(new_cred);
}

/* R5.9: the caller's namespace set with this one member swapped. */
static int join_namespace(struct task *task, const struct setns_situation *situation,
			  struct ns_common *ns)
{
	struct namespace_set *new_set;
	struct mount_namespace *mnt;
	int error = setns_check_other_ns(current_cred(), ns, situation, NULL);

	if (error)
		return error;
	error = namespace_set_replace(current_namespaces(), ns, &new_set);
	if (error)
		return error;
	/* Joining a mount namespace moves root and cwd to its "/", as Linux does. */
	if (ns->operations->type == NS_TYPE_MNT && (mnt = to_mount_ns(ns))->root.mount) {
		struct path top;

		mount_namespace_top(mnt, &top);
		fs_context_set_root(task->fs, &top);
		fs_context_set_cwd(task->fs, &top);
		path_put(&top);
	}
	task_switch_namespaces(task, new_set);
	return 0;
}

long sys_setns(int fd, int nstype)
{
	struct task *task = current_task();
	struct setns_situation situation;
	struct file *file;
	struct ns_common *ns;
	long error;

	file = files_table_get_file(task->files, fd);
	if (!file)
		return -EBADF;
	ns = nsfs_file_namespace(file);
	if (!ns) {
		error = userns_refuse(NULL, RULE_R5_7_SETNS_ARGUMENTS, 0,
				      "not a namespace file (kuid has no pidfds)", EINVAL);
		goto out;
	}
	/* R12.5: the type first, before any permission. */
	if (nstype != 0 && (unsigned int)nstype != ns->operations->clone_flag) {
		error = userns_refuse(NULL, RULE_R5_7_SETNS_ARGUMENTS, 0,
				      "nstype is not the namespace's type", EINVAL);
		goto out;
	}
	describe_caller(task, &situation);
	if (ns->operations->type == NS_TYPE_USER)
		error = join_user_namespace(&situation, to_user_ns(ns));
	else
		error = join_namespace(task, &situation, ns);
out:
	file_put(file);
	return error;
}
