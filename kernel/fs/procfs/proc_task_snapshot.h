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
	/* As the reading instance's pid namespace numbers them (R12.1); 0: it cannot see them. */
	pid_t pid, tgid, parent_pid, process_group, session;
	/* The ids themselves, for status's NSpid lines: references, put by the release. */
	struct pid *thread_pid, *process_pid, *group_pid, *session_pid;
	struct pid_namespace *pid_ns;	/* the instance's (no reference: the caller holds it) */
	unsigned int threads;
	uint32_t umask;
	uint64_t sigpending_limit;
	kernel_sigset_t pending, shared_pending, blocked, ignored, caught;
	const struct cred *cred;	/* a reference */
};

/*
 * Process pid (the kernel's name) with its pids as pid_ns numbers them. 0, or -ESRCH if the
 * process is gone. Every successful take has its release.
 */
int task_snapshot_take(pid_t pid, struct pid_namespace *pid_ns, struct task_snapshot *snapshot);
void task_snapshot_release(struct task_snapshot *snapshot);

#endif
