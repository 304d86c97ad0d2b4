/*
 * proc_task_snapshot.h: one consistent copy of what /proc/PID/status and stat report about a
 * process (proc_task_snapshot.c). Not a public header.
 */
#ifndef KUID_FS_PROCFS_PROC_TASK_SNAPSHOT_H
#define KUID_FS_PROCFS_PROC_TASK_SNAPSHOT_H

#include <kuid/signal.h>

#include "procfs_internal.h"

struct task_snapshot {
	char comm[TASK_COMM_LEN];
	char state;			/* R, S, T, Z as ps shows it */
	const char *state_name;		/* "running" ... for status */
	pid_t pid, tgid, parent_pid, process_group, session;
	unsigned int threads;
	uint32_t umask;
	uint64_t sigpending_limit;
	kernel_sigset_t pending, shared_pending, blocked, ignored, caught;
	const struct cred *cred;	/* a reference */
};

/* 0, or -ESRCH if the process is gone. Every successful take has its release. */
int task_snapshot_take(pid_t pid, struct task_snapshot *snapshot);
void task_snapshot_release(struct task_snapshot *snapshot);

#endif
