/*
 * proc_status.c: /proc/PID/status, the human-readable summary of a process, in the order of
 * Linux 6.18's (fs/proc/array.c). Ids are shown in the user namespace of whoever opened the
 * file, 65534 when it cannot name them (R7.1); pids as the pid namespace the proc instance was
 * mounted for numbers them (R12.1). Memory figures are left out for now.
 */
#include <kuid/capability.h>
#include <kuid/cred.h>
#include <kuid/fd_table.h>
#include <kuid/pid_namespace.h>
#include <kuid/user_namespace.h>
#include <uapi/stat.h>

#include "proc_task_snapshot.h"

/*
 * R12.1: an id of the task (its pid, its group...) as each pid namespace numbers it, from the
 * instance's namespace down to the task's own: "NSpid:\t4012\t7\t1". As on Linux the levels
 * are the task's; an id from above a level (a group led from outside) is 0 there.
 */
static void show_namespace_pids(struct seq_buffer *seq, const char *label,
				const struct task_snapshot *task, const struct pid *id)
{
	const struct pid *levels = task->thread_pid;

	seq_printf(seq, "%s:", label);
	for (unsigned int level = task->pid_ns->level; levels && level <= levels->level; level++)
		seq_printf(seq, "\t%d", pid_number_in(id, levels->numbers[level].ns));
	seq_printf(seq, "\n");
}

static void show_ids(struct seq_buffer *seq, const struct cred *cred, struct user_namespace *ns)
{
	const struct group_info *groups = cred->groups;

	seq_printf(seq, "Uid:\t%u\t%u\t%u\t%u\n", from_kuid_munged(ns, cred->uid),
		   from_kuid_munged(ns, cred->euid), from_kuid_munged(ns, cred->suid),
		   from_kuid_munged(ns, cred->fsuid));
	seq_printf(seq, "Gid:\t%u\t%u\t%u\t%u\n", from_kgid_munged(ns, cred->gid),
		   from_kgid_munged(ns, cred->egid), from_kgid_munged(ns, cred->sgid),
		   from_kgid_munged(ns, cred->fsgid));
	seq_printf(seq, "FDSize:\t%d\n", FD_MAX);
	seq_printf(seq, "Groups:\t");
	for (unsigned int i = 0; groups && i < groups->count; i++)
		seq_printf(seq, "%s%u", i ? " " : "", from_kgid_munged(ns, groups->groups[i]));
	/* Linux ends the list with a space, even an empty one. */
	seq_printf(seq, " \n");
}

static void show_status(struct seq_buffer *seq, const struct task_snapshot *task,
			struct user_namespace *reader_ns)
{
	const struct cred *cred = task->cred;

	seq_printf(seq, "Name:\t%s\n", task->comm);
	seq_printf(seq, "Umask:\t%04o\n", task->umask);
	seq_printf(seq, "State:\t%c (%s)\n", task->state, task->state_name);
	seq_printf(seq, "Tgid:\t%d\nNgid:\t0\nPid:\t%d\nPPid:\t%d\nTracerPid:\t0\n", task->tgid,
		   task->pid, task->parent_pid);
	show_ids(seq, cred, reader_ns);
	show_namespace_pids(seq, "NStgid", task, task->process_pid);
	show_namespace_pids(seq, "NSpid", task, task->thread_pid);
	show_namespace_pids(seq, "NSpgid", task, task->group_pid);
	show_namespace_pids(seq, "NSsid", task, task->session_pid);
	seq_printf(seq, "Kthread:\t0\n");
	seq_printf(seq, "Threads:\t%u\n", task->threads);
	seq_printf(seq, "SigQ:\t0/%llu\n", (unsigned long long)task->sigpending_limit);
	seq_printf(seq, "SigPnd:\t%016llx\nShdPnd:\t%016llx\n", (unsigned long long)task->pending,
		   (unsigned long long)task->shared_pending);
	seq_printf(seq, "SigBlk:\t%016llx\nSigIgn:\t%016llx\nSigCgt:\t%016llx\n",
		   (unsigned long long)task->blocked, (unsigned long long)task->ignored,
		   (unsigned long long)task->caught);
	seq_printf(seq, "CapInh:\t%016llx\nCapPrm:\t%016llx\nCapEff:\t%016llx\n",
		   (unsigned long long)cred->cap_inheritable.bits,
		   (unsigned long long)cred->cap_permitted.bits,
		   (unsigned long long)cred->cap_effective.bits);
	seq_printf(seq, "CapBnd:\t%016llx\nCapAmb:\t%016llx\n",
		   (unsigned long long)cred->cap_bounding.bits,
		   (unsigned long long)cred->cap_ambient.bits);
	seq_printf(seq, "NoNewPrivs:\t0\nSeccomp:\t0\nSeccomp_filters:\t0\n");
	seq_printf(seq, "voluntary_ctxt_switches:\t0\nnonvoluntary_ctxt_switches:\t0\n");
}

ssize_t proc_status_show(pid_t pid, struct user_namespace *reader_ns, char *buffer, size_t size)
{
	struct task_snapshot task;
	struct seq_buffer seq;
	int error = task_snapshot_take(pid, &init_pid_ns, &task);

	if (error < 0)
		return error;
	seq_init_fixed(&seq, buffer, size);
	show_status(&seq, &task, reader_ns);
	task_snapshot_release(&task);
	return seq.error ? seq.error : (ssize_t)seq.length;
}

static int proc_status_seq(struct seq_buffer *seq, struct proc_file *file)
{
	struct task_snapshot task;
	int error = task_snapshot_take(file->pid, file->pid_ns, &task);

	if (error < 0)
		return error;
	show_status(seq, &task, file->opener->user_ns);
	task_snapshot_release(&task);
	return 0;
}

const struct proc_entry proc_status_entry = {
	.name = "status",
	.mode = S_IFREG | 0444,
	.show = proc_status_seq,
	.seq_file = true,
};
