/*
 * proc_pid.c: the directory /proc/PID, one per live process, and the ways its files reach the
 * process: a reference to its task, its credentials, its root and cwd. A process that exits
 * takes its directory with it: lookups and opens then fail (-ENOENT, -ESRCH), while files
 * already open keep what they bound at open (the map files' namespace, R2.8).
 */
#include <kuid/cred.h>
#include <kuid/fd_table.h>
#include <kuid/string.h>
#include <kuid/user_namespace.h>
#include <uapi/errno.h>
#include <uapi/stat.h>

#include "procfs_internal.h"

struct task *proc_task_get(pid_t pid)
{
	struct task *task = task_find(pid);

	/* /proc/PID names processes: a thread's tid is not a directory here. */
	if (task && task->process->pid != pid) {
		task_put(task);
		task = NULL;
	}
	return task;
}

int proc_task_root(struct task *task, struct path *root)
{
	struct fs_context *fs = task_get_fs(task);

	if (!fs)
		return -ENOENT;
	fs_context_get_root(fs, root);
	fs_context_put(fs);
	return 0;
}

int proc_task_cwd(struct task *task, struct path *cwd)
{
	struct fs_context *fs = task_get_fs(task);

	if (!fs)
		return -ENOENT;
	fs_context_get_cwd(fs, cwd);
	fs_context_put(fs);
	return 0;
}

struct user_namespace *proc_task_user_ns(pid_t pid)
{
	struct task *task = proc_task_get(pid);
	const struct cred *cred;
	struct user_namespace *ns = NULL;

	if (!task)
		return NULL;
	cred = task_get_cred(task);
	if (cred && cred->user_ns)
		ns = get_user_ns(cred->user_ns);
	put_cred(cred);
	task_put(task);
	return ns;
}

/* Linux's order (fs/proc/base.c tgid_base_stuff), for what kuid has. */
static const struct proc_entry *const proc_pid_children[] = {
	&proc_fd_directory_entry,
	&proc_ns_directory_entry,
	&proc_environ_entry,
	&proc_status_entry,
	&proc_comm_entry,
	&proc_cmdline_entry,
	&proc_stat_entry,
	&proc_cwd_entry,
	&proc_root_link_entry,
	&proc_exe_entry,
	&proc_mounts_entry,
	&proc_mountinfo_entry,
	&proc_uid_map_entry,
	&proc_gid_map_entry,
	&proc_projid_map_entry,
	&proc_setgroups_entry,
};

const struct proc_entry proc_pid_entry = {
	.name = "PID",
	.mode = S_IFDIR | 0555,
	.children = proc_pid_children,
	.child_count = ARRAY_SIZE(proc_pid_children),
};
