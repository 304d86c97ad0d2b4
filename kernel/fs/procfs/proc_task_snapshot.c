/*
 * proc_task_snapshot.c: everything /proc/PID/status and /proc/PID/stat print about a process,
 * copied at one moment. The copy is taken with the tasks lock held (interrupts off, one CPU),
 * so the family, the signal state and the name all belong to the same instant.
 */
#include <kuid/cred.h>
#include <kuid/fd_table.h>
#include <kuid/pid_namespace.h>
#include <kuid/string.h>
#include <uapi/errno.h>
#include <uapi/signal.h>

#include "proc_task_snapshot.h"

static void copy_signal_state(struct task *task, struct task_snapshot *snapshot)
{
	struct signal_handlers *handlers = task->signals.handlers;

	if (!task->signals_ready)
		return;
	snapshot->pending = task->signals.pending.signals;
	if (task->signals.shared_pending)
		snapshot->shared_pending = task->signals.shared_pending->signals;
	snapshot->blocked = task->signals.blocked;
	if (!handlers)
		return;
	for (int signal = 1; signal <= SIGNAL_COUNT; signal++) {
		uint64_t handler = handlers->actions[signal - 1].sa_handler;

		if (handler == (uint64_t)SIG_IGN)
			snapshot->ignored = sigset_add(snapshot->ignored, signal);
		else if (handler != (uint64_t)SIG_DFL)
			snapshot->caught = sigset_add(snapshot->caught, signal);
	}
}

/* The ids, as numbers in the snapshot's namespace and as references. Tasks lock held. */
static void copy_ids(struct task *task, struct process *process, struct task_snapshot *snapshot)
{
	struct pid_namespace *ns = snapshot->pid_ns;

	snapshot->thread_pid = get_pid(task->thread_pid);
	snapshot->process_pid = get_pid(process->process_pid);
	snapshot->group_pid = get_pid(process->group_pid);
	snapshot->session_pid = get_pid(process->session_pid);
	snapshot->pid = pid_number_in(task->thread_pid, ns);
	snapshot->tgid = pid_number_in(process->process_pid, ns);
	snapshot->parent_pid = process->parent ? pid_number_in(process->parent->process_pid, ns)
					       : 0;
	snapshot->process_group = pid_number_in(process->group_pid, ns);
	snapshot->session = pid_number_in(process->session_pid, ns);
}

int task_snapshot_take(pid_t pid, struct pid_namespace *pid_ns, struct task_snapshot *snapshot)
{
	struct task *task = proc_task_get(pid);
	struct process *process;
	unsigned long irq_state;

	*snapshot = (struct task_snapshot){ .pid_ns = pid_ns };
	if (!task)
		return -ESRCH;
	snapshot->cred = task_get_cred(task);
	irq_state = tasks_lock();
	process = task->process;
	memcpy(snapshot->comm, task->comm, sizeof(snapshot->comm));
	snapshot->comm[sizeof(snapshot->comm) - 1] = '\0';
	copy_ids(task, process, snapshot);
	snapshot->threads = process->live_threads;
	snapshot->sigpending_limit = process->limits[RLIMIT_SIGPENDING].rlim_cur;
	if (task->fs)
		snapshot->umask = task->fs->umask;
	if (process->state == PROCESS_ZOMBIE)
		snapshot->state = 'Z', snapshot->state_name = "zombie";
	else if (process->stop_report)
		snapshot->state = 'T', snapshot->state_name = "stopped";
	else if (task == current_task() || (task->thread && task->thread->state != THREAD_BLOCKED))
		snapshot->state = 'R', snapshot->state_name = "running";
	else
		snapshot->state = 'S', snapshot->state_name = "sleeping";
	copy_signal_state(task, snapshot);
	tasks_unlock(irq_state);
	task_put(task);
	return snapshot->cred ? 0 : -ESRCH;
}

void task_snapshot_release(struct task_snapshot *snapshot)
{
	put_cred(snapshot->cred);
	snapshot->cred = NULL;
	put_pid(snapshot->thread_pid);
	put_pid(snapshot->process_pid);
	put_pid(snapshot->group_pid);
	put_pid(snapshot->session_pid);
	snapshot->thread_pid = snapshot->process_pid = NULL;
	snapshot->group_pid = snapshot->session_pid = NULL;
}
