/*
 * exit.c: the end of threads and processes.
 *
 * A thread ends in task_exit: it gives back the program's resources, leaves
 * its process and its kernel thread ends. When the last thread of a process
 * goes, the process becomes a zombie: its children go to the init of its pid
 * namespace (pid 1 there, R12.2), its parent is told (the exit signal,
 * normally SIGCHLD, and a wake-up of a wait4 in progress), and it waits to be
 * reaped (wait.c). When a namespace's init ends, its namespace is emptied
 * first (R12.3, pid_namespace_init.c); when the initial namespace's init
 * ends, so does the machine: QEMU exits with success iff init's status is 0.
 *
 * exit_group and fatal signals end every thread: the first one marks the
 * process as exiting with its status and kills the others, which notice in
 * return_to_user on their way back to user mode.
 */
#include <kuid/address_space.h>
#include <kuid/arch.h>
#include <kuid/futex.h>
#include <kuid/pid_namespace.h>
#include <kuid/printk.h>
#include <kuid/syscall_handlers.h>
#include <kuid/task.h>
#include <kuid/tty.h>
#include <kuid/user_memory.h>
#include <uapi/signal.h>
#include <uapi/wait.h>

#include "task_internal.h"

static struct process *init_process;

void task_set_init_process(struct process *process)
{
	init_process = process;
	/* Linux's init is a namespace init like any other: the reaper, protected (R12.2). */
	init_pid_ns.child_reaper = process;
	process->pid_namespace_init = true;
	__atomic_store_n(&process->unkillable, true, __ATOMIC_RELAXED);
}

/*
 * Hand the children of an ending process to the init of its pid namespace. Called with the
 * tasks lock held. Returns that init, with a reference, when a zombie moved to it (it must be
 * woken to reap it), else NULL.
 */
static struct process *reparent_children(struct process *process)
{
	struct process *reaper = pid_namespace_reaper_for(process);
	struct process *child, *next;
	bool zombie_moved = false;

	if (!reaper)
		return NULL;	/* no init to adopt them (the test entry has none) */
	list_for_each_entry_safe(child, next, &process->children, sibling_node) {
		list_remove(&child->sibling_node);
		child->parent = reaper;
		list_add_tail(&reaper->children, &child->sibling_node);
		if (child->state == PROCESS_ZOMBIE)
			zombie_moved = true;
	}
	return zombie_moved ? process_get(reaper) : NULL;
}

/* The SIGCHLD a parent receives about a child that ended with wait_status. */
static void child_exit_siginfo(siginfo_t *info, const struct process *child,
			       const struct process *parent, int signal)
{
	int status = child->exit_status;

	*info = (siginfo_t){ .si_signo = signal };
	if (WIFEXITED(status)) {
		info->si_code = CLD_EXITED;
		info->fields.child.status = WEXITSTATUS(status);
	} else {
		info->si_code = WCOREDUMP(status) ? CLD_DUMPED : CLD_KILLED;
		info->fields.child.status = WTERMSIG(status);
	}
	/* The child as the parent's namespace numbers it (R12.1). */
	info->fields.child.pid = pid_number_in(child->process_pid, parent->pid_namespace);
}

static void signal_process(struct process *process, int signal, const siginfo_t *info)
{
	struct task *target = process_signal_target(process);

	if (target) {
		signal_send(target, signal, info);
		task_put(target);
	}
}

__noreturn static void init_ended(int wait_status)
{
	if (WIFEXITED(wait_status))
		printk(LOG_INFO, "kuid: init exited with status %d\n", WEXITSTATUS(wait_status));
	else
		printk(LOG_INFO, "kuid: init killed by signal %d\n", WTERMSIG(wait_status));
	arch_exit(wait_status == 0);
}

/*
 * Does the parent ask for its children to vanish when they end (SIGCHLD set
 * to SIG_IGN, or SA_NOCLDWAIT)? Then nobody will wait for them: no zombie.
 * Called with the tasks lock held; the action is read without the signal
 * lock, which at worst sees the action of a moment ago.
 */
static bool parent_ignores_children(struct process *parent)
{
	struct task *task;

	list_for_each_entry(task, &parent->threads, process_node) {
		const struct kernel_sigaction *action;

		if (task->exited || !task->signals_ready)
			continue;
		action = &task->signals.handlers->actions[SIGCHLD - 1];
		return action->sa_handler == SIG_IGN || (action->sa_flags & SA_NOCLDWAIT);
	}
	return false;
}

/*
 * The last thread is gone: the process becomes a zombie and its parent
 * learns about it, or, if the parent ignores its children, it is reaped at
 * once. Returns the parent to signal (a reference), or NULL.
 */
static struct process *process_end(struct process *process, int wait_status,
				   unsigned long *irq_state)
{
	struct process *parent = process->parent;
	struct process *reaper_to_wake;
	bool reaped_now = false;

	if (!process->group_exiting)
		process->exit_status = wait_status;
	reaper_to_wake = reparent_children(process);
	process->state = PROCESS_ZOMBIE;
	if (parent && process->exit_signal == SIGCHLD && parent_ignores_children(parent)) {
		list_remove(&process->sibling_node);
		pid_table_remove_process(process);
		reaped_now = true;
	}
	if (parent)
		process_get(parent);
	tasks_unlock(*irq_state);

	if (process == init_process)
		init_ended(process->exit_status);
	/* A session leader's terminal is let go and its foreground group hung up on. */
	if (process->session == process->pid)
		tty_session_leader_exited(process->session);
	interval_timer_cancel(current_task());
	if (reaper_to_wake) {
		wake_up_all(&reaper_to_wake->child_event);
		process_put(reaper_to_wake);
	}
	if (parent)
		wake_up_all(&parent->child_event);	/* a waitpid may now see ECHILD */
	else
		wake_up_all(&process->child_event);	/* a spawned process: the kernel waits */
	if (reaped_now) {
		process_put(process);			/* the parent's reference */
		process_put(parent);
		parent = NULL;				/* the signal is ignored anyway */
	}
	*irq_state = tasks_lock();
	return parent;
}

__noreturn void task_exit(int wait_status)
{
	struct task *task = current_task();
	struct process *process = task->process;
	struct process *parent = NULL;
	unsigned long irq_state;
	bool last_thread;
	int zero = 0;

	/*
	 * pthread_join sleeps in FUTEX_WAIT until this word becomes 0: clear
	 * it and wake the joiner, before the address space goes.
	 */
	if (task->clear_child_tid) {
		copy_to_user((void __user *)task->clear_child_tid, &zero, sizeof(zero));
		if (task->address_space)
			futex_wake(task->address_space, task->clear_child_tid, 1);
	}
	task_release_resources(task);	/* memory first: a vfork parent may go on */
	task_release_vfork_parent(task);

	irq_state = tasks_lock();
	task->exited = true;
	pid_table_remove_task(task);
	list_remove(&task->process_node);
	last_thread = --process->live_threads == 0;
	/* R12.3: a namespace's init empties its namespace before it becomes a zombie. */
	if (last_thread && process->pid_namespace_init && process != init_process) {
		tasks_unlock(irq_state);
		pid_namespace_zap(process);
		irq_state = tasks_lock();
	}
	if (last_thread)
		parent = process_end(process, wait_status, &irq_state);
	tasks_unlock(irq_state);

	if (parent) {
		if (process->exit_signal) {
			siginfo_t info;

			child_exit_siginfo(&info, process, parent, process->exit_signal);
			signal_process(parent, process->exit_signal, &info);
		}
		process_put(parent);
	}

	/* From here on the scheduler must treat this thread as a kernel thread. */
	arch_irq_disable();
	thread_current()->task = NULL;
	task->thread = NULL;
	task_put(task);		/* the thread's reference */
	thread_exit();
}

/* Kill the other live threads of the process, one at a time (the lock cannot be held). */
static void kill_other_threads(struct task *self)
{
	for (;;) {
		unsigned long irq_state = tasks_lock();
		struct task *victim = NULL, *task;

		list_for_each_entry(task, &self->process->threads, process_node) {
			if (task != self && !task->exited && !task->exit_signal_sent) {
				task->exit_signal_sent = true;
				victim = task_get(task);
				break;
			}
		}
		tasks_unlock(irq_state);
		if (!victim)
			return;
		signal_send_to_thread(victim, SIGKILL, NULL);
		task_put(victim);
	}
}

__noreturn void task_exit_group(int wait_status)
{
	struct task *task = current_task();
	struct process *process = task->process;
	unsigned long irq_state = tasks_lock();

	/* The first to ask decides the status; later deaths only follow it. */
	if (!process->group_exiting) {
		process->exit_status = wait_status;
		__atomic_store_n(&process->group_exiting, true, __ATOMIC_RELEASE);
	}
	tasks_unlock(irq_state);
	kill_other_threads(task);
	task_exit(process->exit_status);
}

void task_kill_other_threads_for_exec(struct task *self)
{
	unsigned long irq_state = tasks_lock();
	struct task *task;

	list_for_each_entry(task, &self->process->threads, process_node)
		if (task != self)
			__atomic_store_n(&task->exec_kill, true, __ATOMIC_RELEASE);
	tasks_unlock(irq_state);
	kill_other_threads(self);
}

long sys_exit(int code)
{
	task_exit(W_EXITCODE(code, 0));
}

long sys_exit_group(int code)
{
	task_exit_group(W_EXITCODE(code, 0));
}
