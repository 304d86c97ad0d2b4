/*
 * signal_send.c: making a signal pending.
 *
 * Theory of operation. Sending decides three things under the target's
 * signal lock (kuid/signal.h): what the signal does at once (SIGCONT wakes a
 * stopped task, stop signals and SIGCONT cancel each other), whether it is
 * thrown away (ignored and not blocked: Linux drops it right here, so it can
 * never interrupt a sleep), and which queue gets it: the thread's own for
 * tkill and faults, the process's shared one otherwise. Then the target
 * thread is woken, whatever it sleeps on: a wait_event_interruptible sees
 * signal_pending() and returns -EINTR, an uninterruptible wait goes back to
 * sleep. Nothing here sleeps, so signals can be sent from interrupts (SIGALRM).
 *
 * Lock order: the tasks lock, then a signal lock, then wait queues and the
 * scheduler. Sending never takes the tasks lock, so it may be called with it held.
 */
#include <kuid/capability.h>
#include <kuid/cred.h>
#include <kuid/pid_namespace.h>
#include <kuid/sched.h>
#include <kuid/signal.h>
#include <kuid/string.h>
#include <kuid/task.h>
#include <uapi/capability.h>
#include <uapi/errno.h>

#include "signal_internal.h"

struct wait_queue signal_stopped_tasks = {
	.lock = SPINLOCK_INIT("stopped tasks"),
	.waiters = LIST_INIT(signal_stopped_tasks.waiters),
};

bool signal_lock(struct task *task, unsigned long *irq_state)
{
	struct signal_handlers *handlers;

	/*
	 * execve may swap in a private table; with interrupts off it cannot run
	 * between reading the pointer and taking its lock (one CPU).
	 */
	*irq_state = arch_irq_save();
	handlers = task->signals.handlers;
	if (!handlers) {
		arch_irq_restore(*irq_state);
		return false;
	}
	spin_lock(&handlers->lock);
	return true;
}

void signal_unlock(struct task *task, unsigned long irq_state)
{
	spin_unlock(&task->signals.handlers->lock);
	arch_irq_restore(irq_state);
}

kernel_sigset_t signal_pending_set(const struct task *task)
{
	kernel_sigset_t pending = task->signals.pending.signals;

	if (task->signals.shared_pending)
		pending |= task->signals.shared_pending->signals;
	return pending;
}

bool signal_pending(const struct task *task)
{
	kernel_sigset_t pending = signal_pending_set(task);

	/* A word-sized read: a racing send is seen now or at the next check. */
	return (pending & ~task->signals.blocked) != 0;
}

bool current_signal_pending(void)
{
	struct task *task = current_task();

	return task && signal_pending(task);
}

/* Drop pending instances of `signals` from the thread's and the process's queues. */
static void discard_pending(struct task *target, kernel_sigset_t signals)
{
	signal_queue_discard(&target->signals.pending, signals);
	if (target->signals.shared_pending)
		signal_queue_discard(target->signals.shared_pending, signals);
}

/* What SIGCONT and the stop signals do at the moment they are sent. Lock held. */
static void apply_stop_and_continue(struct task *target, int signal)
{
	if (sigset_has(SIGNALS_STOP, signal)) {
		discard_pending(target, SIGNAL_BIT(SIGCONT));
	} else if (signal == SIGCONT) {
		discard_pending(target, SIGNALS_STOP);
		if (target->signals.stopped) {
			target->signals.stopped = false;
			target->signals.continued = true;
			wake_up_all(&signal_stopped_tasks);
		}
	}
}

static void wake_target(struct task *target, int signal)
{
	struct thread *thread = target->thread;

	if (signal == SIGKILL)
		wake_up_all(&signal_stopped_tasks);
	if (thread && (signal == SIGKILL || !sigset_has(target->signals.blocked, signal)))
		thread_wake(thread);
}

/*
 * Was the signal sent from above the target's pid namespace (Linux's "force")? The kernel's
 * own signals (no siginfo, SI_KERNEL) count as such; a process's (kill, tkill, sigqueue: a
 * user si_code) does when the target's namespace cannot see the sender.
 */
static bool sent_from_above(const struct task *target, const siginfo_t *info)
{
	struct task *sender = current_task();

	if (!info || info->si_code == SI_KERNEL)
		return true;
	if (info->si_code > 0)
		return false;	/* the kernel reporting something (SIGCHLD...) */
	return !sender ||
	       !pid_number_in(sender->process->process_pid, target->process->pid_namespace);
}

/*
 * R12.2: a namespace's init (the initial one's too) drops every signal it has no handler for,
 * SIGKILL and SIGSTOP included, unless those two come from above its namespace. Lock held.
 */
static bool init_drops(const struct task *target, const struct kernel_sigaction *action,
		       int signal, const siginfo_t *info)
{
	if (!target->process || !__atomic_load_n(&target->process->unkillable, __ATOMIC_RELAXED) ||
	    action->sa_handler != SIG_DFL)
		return false;
	if (signal != SIGKILL && signal != SIGSTOP)
		return true;
	return !sent_from_above(target, info);
}

static int send(struct task *target, int signal, const siginfo_t *info, bool to_thread)
{
	const struct kernel_sigaction *action;
	struct signal_queue *queue;
	siginfo_t kernel_info;
	unsigned long irq_state;
	int result = 0;

	if (!signal_is_valid(signal))
		return -EINVAL;
	if (!info) {
		memset(&kernel_info, 0, sizeof(kernel_info));
		kernel_info.si_signo = signal;
		kernel_info.si_code = SI_KERNEL;
		info = &kernel_info;
	}
	/* A task that has already let go of its signal state is as good as gone. */
	if (!signal_lock(target, &irq_state))
		return 0;

	action = &target->signals.handlers->actions[signal - 1];
	/* Dropped before it does anything, like an ignored signal: kill still returns 0. */
	if (init_drops(target, action, signal, info))
		goto out;
	apply_stop_and_continue(target, signal);
	/* A blocked signal is kept: the handler may change before it is unblocked. */
	if (signal_is_ignored_by(action, signal) &&
	    !sigset_has(target->signals.blocked, signal))
		goto out;

	queue = to_thread || !target->signals.shared_pending ? &target->signals.pending
							    : target->signals.shared_pending;
	result = signal_queue_add(queue, info);
	if (result == 0)
		wake_target(target, signal);
out:
	signal_unlock(target, irq_state);
	return result;
}

int signal_send(struct task *target, int signal, const struct kernel_siginfo *info)
{
	return send(target, signal, info, false);
}

int signal_send_to_thread(struct task *target, int signal, const struct kernel_siginfo *info)
{
	return send(target, signal, info, true);
}

/* ---- Process groups ---- */

struct group_send {
	pid_t group;
	int signal;
	bool found;
};

/* Called with the tasks lock held, for each live process. */
static int send_to_group_member(struct process *process, void *context)
{
	struct group_send *request = context;
	struct task *task;

	if (process->process_group != request->group)
		return 0;
	list_for_each_entry(task, &process->threads, process_node) {
		if (task->exited)
			continue;
		request->found = true;
		signal_send(task, request->signal, NULL);
		break;
	}
	return 0;
}

int signal_send_to_group(int process_group, int signal)
{
	struct group_send request = { .group = process_group, .signal = signal };

	if (!signal_is_valid(signal))
		return -EINVAL;
	process_for_each(send_to_group_member, &request);
	return request.found ? 0 : -ESRCH;
}

/* ---- Faults ---- */

void signal_force_fault(int signal, int code, uint64_t address)
{
	struct task *task = current_task();
	struct kernel_sigaction *action;
	unsigned long irq_state;
	siginfo_t info;

	if (!task || !signal_lock(task, &irq_state))
		return;
	/*
	 * A fault cannot be ignored or blocked: the program would only fault
	 * again at the same instruction. Linux's force_sig_info resets both.
	 */
	action = &task->signals.handlers->actions[signal - 1];
	if (action->sa_handler == SIG_IGN || sigset_has(task->signals.blocked, signal)) {
		action->sa_handler = SIG_DFL;
		task->signals.blocked = sigset_remove(task->signals.blocked, signal);
	}
	/* R12.2's protection ends here: an init that faults without a handler dies of it. */
	if (action->sa_handler == SIG_DFL && task->process)
		__atomic_store_n(&task->process->unkillable, false, __ATOMIC_RELAXED);
	task->signals.fault_address = address;
	memset(&info, 0, sizeof(info));
	info.si_signo = signal;
	info.si_code = code;
	info.fields.fault.addr = address;
	signal_queue_add(&task->signals.pending, &info);
	signal_unlock(task, irq_state);
}

/* ---- kill(2)'s pieces ---- */

void siginfo_for_user_kill(siginfo_t *info, int signal, int sender_pid, uid_t sender_uid)
{
	memset(info, 0, sizeof(*info));
	info->si_signo = signal;
	info->si_code = SI_USER;
	info->fields.kill.pid = sender_pid;
	info->fields.kill.uid = sender_uid;
}

bool may_signal(const struct cred *sender, const struct task *target)
{
	const struct cred *target_cred = task_get_cred(target);
	bool allowed;

	/*
	 * R8.1, Linux's kill_ok_by_cred: the sender's real or effective uid is
	 * the target's real or saved uid (kernel ids, so this holds across
	 * namespaces: equal global uids always match), or the sender has
	 * CAP_KILL over the target's user namespace, which the namespace's own
	 * root has and so has the namespace's owner in the parent (R4.1).
	 */
	allowed = uid_eq(sender->euid, target_cred->suid) ||
		  uid_eq(sender->euid, target_cred->uid) ||
		  uid_eq(sender->uid, target_cred->suid) ||
		  uid_eq(sender->uid, target_cred->uid) ||
		  has_ns_capability(sender, target_cred->user_ns, CAP_KILL);
	put_cred(target_cred);
	return allowed;
}
