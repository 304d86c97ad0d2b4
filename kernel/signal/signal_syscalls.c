/*
 * signal_syscalls.c: the system calls that set up and wait for signals:
 * rt_sigaction, rt_sigprocmask, rt_sigpending, rt_sigsuspend, pause,
 * sigaltstack and rt_sigreturn. Each copies its arguments in, changes the
 * caller's state under its signal lock, and copies results out after
 * unlocking (user memory may fault, which must never happen under a lock).
 */
#include <kuid/sched.h>
#include <kuid/signal.h>
#include <kuid/syscall_handlers.h>
#include <kuid/task.h>
#include <kuid/user_memory.h>
#include <kuid/user_registers.h>
#include <uapi/errno.h>

#include "signal_internal.h"

/* The sa_flags Linux keeps; others read back as 0 so programs can probe (UAPI_SA_FLAGS). */
#define SIGACTION_KNOWN_FLAGS                                                         \
	(SA_NOCLDSTOP | SA_NOCLDWAIT | SA_SIGINFO | SA_ONSTACK | SA_RESTART | SA_NODEFER | \
	 SA_RESETHAND | SA_EXPOSE_TAGBITS | SA_RESTORER)

struct user_registers *signal_current_registers(void)
{
	return user_registers_of(thread_current());
}

long sys_rt_sigaction(int signal, const struct kernel_sigaction __user *new_action,
		      struct kernel_sigaction __user *old_action, size_t sigset_size)
{
	struct task *task = current_task();
	struct kernel_sigaction action, previous;
	unsigned long irq_state;

	if (sigset_size != sizeof(kernel_sigset_t) || !signal_is_valid(signal))
		return -EINVAL;
	if (new_action && !signal_can_be_caught(signal))
		return -EINVAL;
	if (new_action && copy_from_user(&action, new_action, sizeof(action)) < 0)
		return -EFAULT;

	signal_lock(task, &irq_state);
	previous = task->signals.handlers->actions[signal - 1];
	if (new_action) {
		action.sa_flags &= SIGACTION_KNOWN_FLAGS;
		action.sa_mask &= ~SIGNALS_UNBLOCKABLE;
		task->signals.handlers->actions[signal - 1] = action;
		/* POSIX: setting a pending signal to be ignored discards it. */
		if (signal_is_ignored_by(&action, signal)) {
			signal_queue_discard(&task->signals.pending, SIGNAL_BIT(signal));
			if (task->signals.shared_pending)
				signal_queue_discard(task->signals.shared_pending,
						     SIGNAL_BIT(signal));
		}
	}
	signal_unlock(task, irq_state);

	if (old_action && copy_to_user(old_action, &previous, sizeof(previous)) < 0)
		return -EFAULT;
	return 0;
}

long sys_rt_sigprocmask(int how, const kernel_sigset_t __user *new_set,
			kernel_sigset_t __user *old_set, size_t sigset_size)
{
	struct task *task = current_task();
	kernel_sigset_t set = 0, previous;
	unsigned long irq_state;
	int result = 0;

	if (sigset_size != sizeof(kernel_sigset_t))
		return -EINVAL;
	if (new_set && copy_from_user(&set, new_set, sizeof(set)) < 0)
		return -EFAULT;

	signal_lock(task, &irq_state);
	previous = task->signals.blocked;
	if (new_set)
		result = sigprocmask_apply(&task->signals.blocked, how, set);
	signal_unlock(task, irq_state);

	if (result == 0 && old_set && copy_to_user(old_set, &previous, sizeof(previous)) < 0)
		result = -EFAULT;
	/* Newly unblocked signals are delivered by return_to_user, before the program runs on. */
	return result;
}

long sys_rt_sigpending(kernel_sigset_t __user *set, size_t sigset_size)
{
	struct task *task = current_task();
	kernel_sigset_t pending;
	unsigned long irq_state;

	/* Linux accepts a shorter set here (it copies that many bytes), not a longer one. */
	if (sigset_size > sizeof(kernel_sigset_t))
		return -EINVAL;
	signal_lock(task, &irq_state);
	/* Pending and unblocked ones are about to be delivered: only the blocked ones wait. */
	pending = signal_pending_set(task) & task->signals.blocked;
	signal_unlock(task, irq_state);
	if (copy_to_user(set, &pending, sigset_size) < 0)
		return -EFAULT;
	return 0;
}

/* Sleep until a signal is pending. Nobody wakes the private queue: sending wakes the thread. */
static long wait_for_signal(void)
{
	struct wait_queue nobody_wakes_this;

	wait_queue_init(&nobody_wakes_this);
	return wait_event_interruptible(&nobody_wakes_this, false);
}

long sys_pause(void)
{
	/* Returns -EINTR after a handler ran; signal_restart.c restarts it otherwise. */
	return wait_for_signal();
}

long sys_rt_sigsuspend(const kernel_sigset_t __user *mask, size_t sigset_size)
{
	kernel_sigset_t new_mask;

	if (sigset_size != sizeof(kernel_sigset_t))
		return -EINVAL;
	if (copy_from_user(&new_mask, mask, sizeof(new_mask)) < 0)
		return -EFAULT;
	/* The handler's frame saves the old mask, so it comes back after the handler. */
	signal_set_mask_until_return(new_mask);
	return wait_for_signal();
}

long sys_sigaltstack(const stack_t __user *new_stack, stack_t __user *old_stack)
{
	struct task_signals *signals = &current_task()->signals;
	uint64_t stack_pointer = user_registers_stack_pointer(signal_current_registers());
	stack_t previous = {
		.ss_sp = signals->alternate_stack_base,
		.ss_size = signals->alternate_stack_size,
	};
	stack_t requested;

	if (signals->alternate_stack_size == 0)
		previous.ss_flags = SS_DISABLE;
	else
		previous.ss_flags = (signal_on_alternate_stack(signals, stack_pointer) ? SS_ONSTACK
										: 0) |
				    (int32_t)(signals->alternate_stack_flags & SS_AUTODISARM);

	if (new_stack) {
		int32_t mode;

		if (copy_from_user(&requested, new_stack, sizeof(requested)) < 0)
			return -EFAULT;
		/* A handler running on the stack cannot pull it out from under itself. */
		if (signal_on_alternate_stack(signals, stack_pointer))
			return -EPERM;
		mode = requested.ss_flags & ~(int32_t)SS_AUTODISARM;
		if (mode != 0 && mode != SS_DISABLE && mode != SS_ONSTACK)
			return -EINVAL;
		if (mode == SS_DISABLE) {
			signals->alternate_stack_base = 0;
			signals->alternate_stack_size = 0;
			signals->alternate_stack_flags = SS_DISABLE;
		} else {
			if (requested.ss_size < MINSIGSTKSZ)
				return -ENOMEM;
			signals->alternate_stack_base = requested.ss_sp;
			signals->alternate_stack_size = requested.ss_size;
			signals->alternate_stack_flags = (uint32_t)requested.ss_flags & SS_AUTODISARM;
		}
	}
	if (old_stack && copy_to_user(old_stack, &previous, sizeof(previous)) < 0)
		return -EFAULT;
	return 0;
}

long sys_rt_sigreturn(void)
{
	struct task *task = current_task();
	struct user_registers *registers = signal_current_registers();
	kernel_sigset_t blocked;
	unsigned long irq_state;
	long return_value;

	if (arch_signal_frame_return(registers, &task->signals, task->cpu_state, &blocked,
				     &return_value) < 0) {
		/* A frame that does not read back kills the program, as on Linux. */
		signal_force_fault(SIGSEGV, SI_KERNEL, 0);
		return user_registers_return_value(registers);
	}
	signal_lock(task, &irq_state);
	task->signals.blocked = blocked;
	signal_unlock(task, irq_state);
	return return_value;
}
