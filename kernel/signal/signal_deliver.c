/*
 * signal_deliver.c: acting on pending signals, on the way back to user mode.
 *
 * Theory of operation. return_to_user() calls signal_deliver() with the
 * registers the program will resume with. It takes the lowest-numbered
 * pending signal that is not blocked (the thread's own queue first, then the
 * process's) and does what its action says:
 *   SIG_IGN, or a default of ignore/continue: nothing; look at the next one.
 *   default stop: the task stops here until SIGCONT, then looks again.
 *   default terminate/core: the process ends with that signal in its status.
 *   a handler: the registers are rewritten to run it on a new frame
 *     (arch_signal_frame_build); at most one handler per return, as in Linux.
 * An interrupted system call (-EINTR in rax) is first either restarted (its
 * registers point back at the `syscall` instruction) or left to fail with
 * EINTR, by the rules in signal_restart.c.
 */
#include <kuid/pid_namespace.h>
#include <kuid/sched.h>
#include <kuid/signal.h>
#include <kuid/string.h>
#include <kuid/task.h>
#include <kuid/user_registers.h>
#include <uapi/errno.h>

#include "signal_internal.h"

/* The signal to act on next, taken out of its queue, or 0. Lock held. */
static int dequeue_signal(struct task *task, siginfo_t *info)
{
	kernel_sigset_t allowed = ~task->signals.blocked;
	int signal = signal_lowest(task->signals.pending.signals & allowed);

	if (signal) {
		signal_queue_take(&task->signals.pending, signal, info);
		return signal;
	}
	if (!task->signals.shared_pending)
		return 0;
	signal = signal_lowest(task->signals.shared_pending->signals & allowed);
	if (signal)
		signal_queue_take(task->signals.shared_pending, signal, info);
	return signal;
}

static bool kill_pending(const struct task *task)
{
	return sigset_has(signal_pending_set(task), SIGKILL);
}

/*
 * SIGCHLD to the parent about a stop (CLD_STOPPED) or a continue
 * (CLD_CONTINUED), unless its SIGCHLD action has SA_NOCLDSTOP. A parent that
 * ignores SIGCHLD drops it in signal_send, as Linux does.
 */
static void notify_parent(struct process *process, int code, int status)
{
	unsigned long irq_state = tasks_lock();
	struct process *parent = process->parent ? process_get(process->parent) : NULL;
	struct task *target;
	siginfo_t info;

	tasks_unlock(irq_state);
	if (!parent)
		return;
	target = process_signal_target(parent);
	if (target && !(target->signals.handlers->actions[SIGCHLD - 1].sa_flags & SA_NOCLDSTOP)) {
		memset(&info, 0, sizeof(info));
		info.si_signo = SIGCHLD;
		info.si_code = code;
		/* The child as the parent's pid namespace numbers it (R12.1). */
		info.fields.child.pid = pid_number_in(process->process_pid, parent->pid_namespace);
		info.fields.child.status = status;
		signal_send(target, SIGCHLD, &info);
	}
	if (target)
		task_put(target);
	process_put(parent);
}

void signal_stop_current(int signal)
{
	struct task *task = current_task();
	unsigned long irq_state;

	if (!signal_lock(task, &irq_state))
		return;
	task->signals.stopped = true;
	signal_unlock(task, irq_state);

	process_report_stopped(task->process, signal);
	notify_parent(task->process, CLD_STOPPED, signal);
	/* SIGCONT clears `stopped`; SIGKILL ends the stop without it. */
	wait_event(&signal_stopped_tasks, !task->signals.stopped || kill_pending(task));
}

/* Tell the parent about a SIGCONT that woke us, if one did. */
static void report_continue(struct task *task)
{
	unsigned long irq_state;
	bool continued;

	if (!signal_lock(task, &irq_state))
		return;
	continued = task->signals.continued;
	task->signals.continued = false;
	signal_unlock(task, irq_state);
	if (continued) {
		process_report_continued(task->process);
		notify_parent(task->process, CLD_CONTINUED, SIGCONT);
	}
}

/*
 * The frame for `signal` could not be written: SIGSEGV is forced on the
 * program (unblocked, not ignored). If the frame was SIGSEGV's own, its
 * handler cannot run either and the default action kills the program, as
 * Linux's force_sigsegv does.
 */
static void force_sigsegv(struct task *task, int signal)
{
	unsigned long irq_state;

	if (signal == SIGSEGV && signal_lock(task, &irq_state)) {
		task->signals.handlers->actions[SIGSEGV - 1].sa_handler = SIG_DFL;
		signal_unlock(task, irq_state);
	}
	signal_force_fault(SIGSEGV, SI_KERNEL, 0);
}

/* What an interrupted system call does now that `action` (NULL: none) runs. */
static void settle_interrupted_syscall(struct user_registers *registers,
				       const struct kernel_sigaction *action)
{
	long number = user_registers_syscall_number(registers);

	if (number < 0 || user_registers_return_value(registers) != -EINTR)
		return;
	if (signal_should_restart(number, action))
		arch_signal_restart_syscall(registers);
	/* Settled either way: a second look must not restart it twice. */
	user_registers_clear_syscall(registers);
}

/* Build the handler's frame and block what its sa_mask says. False if the frame failed. */
static bool run_handler(struct task *task, struct user_registers *registers,
			struct signal_delivery *delivery)
{
	kernel_sigset_t blocked_in_handler;
	unsigned long irq_state;

	settle_interrupted_syscall(registers, &delivery->action);
	if (arch_signal_frame_build(registers, delivery, &task->signals, task->cpu_state) < 0)
		return false;

	blocked_in_handler = delivery->blocked_to_restore | delivery->action.sa_mask;
	if (!(delivery->action.sa_flags & SA_NODEFER))
		blocked_in_handler = sigset_add(blocked_in_handler, delivery->signal);
	if (signal_lock(task, &irq_state)) {
		task->signals.blocked = blocked_in_handler & ~SIGNALS_UNBLOCKABLE;
		task->signals.restore_saved_blocked = false;
		signal_unlock(task, irq_state);
	}
	return true;
}

/*
 * Whether signal_deliver has anything to do: a signal to act on, a SIGCONT to report, a mask
 * to put back after rt_sigsuspend, or a system call that failed with EINTR to settle. Almost
 * every return to user mode has none, and this check spares it the three lock round trips
 * below, each of which turns interrupts off and on again: under QEMU's TCG every `sti` ends
 * the block of translated code, which makes it one of the dearest instructions of a short
 * system call (docs/benchmarks.md). The fields are read without the lock, as signal_pending
 * does: a signal sent just after this check is acted on at the next return to user mode,
 * exactly as one sent just after the lock was dropped would be.
 */
static bool signal_work_pending(const struct task *task, const struct user_registers *registers)
{
	return signal_pending(task) || task->signals.continued ||
	       task->signals.restore_saved_blocked ||
	       user_registers_return_value(registers) == -EINTR;
}

void signal_deliver(struct user_registers *registers)
{
	struct task *task = current_task();
	struct signal_delivery delivery;
	struct kernel_sigaction *action;
	unsigned long irq_state;
	int signal;

	if (!task || !signal_work_pending(task, registers))
		return;
	for (;;) {
		report_continue(task);
		if (!signal_lock(task, &irq_state))
			return;
		signal = dequeue_signal(task, &delivery.info);
		if (!signal) {
			signal_unlock(task, irq_state);
			break;
		}
		action = &task->signals.handlers->actions[signal - 1];
		delivery.signal = signal;
		delivery.action = *action;
		if (action->sa_handler != SIG_DFL && action->sa_handler != SIG_IGN) {
			/* rt_sigsuspend's caller gets its own mask back after the handler. */
			delivery.blocked_to_restore = task->signals.restore_saved_blocked
							      ? task->signals.saved_blocked
							      : task->signals.blocked;
			if (action->sa_flags & SA_RESETHAND)
				action->sa_handler = SIG_DFL;
		}
		signal_unlock(task, irq_state);

		if (delivery.action.sa_handler == SIG_IGN)
			continue;
		if (delivery.action.sa_handler != SIG_DFL) {
			if (run_handler(task, registers, &delivery))
				return;
			force_sigsegv(task, signal);
			continue;
		}
		/*
		 * R12.2: an init acts only on the SIGKILL and SIGSTOP that reached it from
		 * above; any other signal found here without a handler (queued while blocked,
		 * or before the handler was reset) is dropped, as at sending.
		 */
		if (__atomic_load_n(&task->process->unkillable, __ATOMIC_RELAXED) &&
		    signal != SIGKILL && signal != SIGSTOP)
			continue;
		switch (signal_default_action(signal)) {
		case SIGNAL_DEFAULT_IGNORE:
		case SIGNAL_DEFAULT_CONTINUE:
			break;
		case SIGNAL_DEFAULT_STOP:
			signal_stop_current(signal);
			break;
		case SIGNAL_DEFAULT_TERMINATE:
		case SIGNAL_DEFAULT_CORE:
			task_exit_group(signal_death_wait_status(signal));
		}
	}

	/* No handler ran. */
	settle_interrupted_syscall(registers, NULL);
	if (signal_lock(task, &irq_state)) {
		if (task->signals.restore_saved_blocked) {
			task->signals.blocked = task->signals.saved_blocked;
			task->signals.restore_saved_blocked = false;
		}
		signal_unlock(task, irq_state);
	}
}
