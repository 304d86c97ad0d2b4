/*
 * proc_stat.c: /proc/PID/stat, the one-line, 52-field form of status that ps and top parse,
 * plus /proc/PID/comm. Fields kuid does not keep (page faults, CPU times, memory
 * addresses) are 0, as Linux prints for what it hides.
 */
#include <kuid/string.h>
#include <uapi/stat.h>

#include "proc_task_snapshot.h"

/* Linux's defaults for what kuid has no notion of yet. */
#define DEFAULT_PRIORITY	20		/* field 18: nice 0 */
#define RSS_LIMIT_UNLIMITED	18446744073709551615ull

static int proc_stat_seq(struct seq_buffer *seq, struct proc_file *file)
{
	struct task_snapshot task;
	int error = task_snapshot_take(file->pid, file->pid_ns, &task);

	if (error < 0)
		return error;
	/* 1-9: pid (comm) state ppid pgrp session tty_nr tpgid flags; pids as /proc numbers them */
	seq_printf(seq, "%d (%s) %c %d %d %d 0 -1 0 ", task.pid, task.comm, task.state,
		   task.parent_pid, task.process_group, task.session);
	/* 10-17: page faults and CPU times; 18-21: priority nice num_threads itrealvalue */
	seq_printf(seq, "0 0 0 0 0 0 0 0 %d 0 %u 0 ", DEFAULT_PRIORITY, task.threads);
	/* 22-30: starttime vsize rss rsslim startcode endcode startstack kstkesp kstkeip */
	seq_printf(seq, "0 0 0 %llu 0 0 0 0 0 ", RSS_LIMIT_UNLIMITED);
	/* 31-34: the signal sets, in decimal (obsolete, but ps reads them) */
	seq_printf(seq, "%llu %llu %llu %llu ",
		   (unsigned long long)(task.pending | task.shared_pending),
		   (unsigned long long)task.blocked, (unsigned long long)task.ignored,
		   (unsigned long long)task.caught);
	/* 35-44: wchan nswap cnswap exit_signal processor rt_priority policy blkio guest cguest */
	seq_printf(seq, "0 0 0 17 0 0 0 0 0 0 ");
	/* 45-52: data, brk, argument and environment addresses, exit_code */
	seq_printf(seq, "0 0 0 0 0 0 0 0\n");
	task_snapshot_release(&task);
	return 0;
}

const struct proc_entry proc_stat_entry = {
	.name = "stat",
	.mode = S_IFREG | 0444,
	.show = proc_stat_seq,
	.seq_file = true,
};

static int proc_comm_seq(struct seq_buffer *seq, struct proc_file *file)
{
	struct task_snapshot task;
	int error = task_snapshot_take(file->pid, file->pid_ns, &task);

	if (error < 0)
		return error;
	seq_printf(seq, "%s\n", task.comm);
	task_snapshot_release(&task);
	return 0;
}

const struct proc_entry proc_comm_entry = {
	.name = "comm",
	.mode = S_IFREG | 0644,
	.show = proc_comm_seq,
	.seq_file = true,
};
