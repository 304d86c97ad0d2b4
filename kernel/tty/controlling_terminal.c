/*
 * controlling_terminal.c: job control on a terminal. A session may own one
 * terminal, its controlling terminal (tty->session); one process group of
 * that session is the terminal's foreground group (tty->foreground_group):
 * it receives ^C and may read. A background process that reads gets SIGTTIN
 * and stops; one that changes the settings (or writes, with TOSTOP) gets
 * SIGTTOU. This is what lets a shell run `vi` in the foreground and `make &`
 * behind it. The rules and errno values are Linux's (drivers/tty/tty_jobctrl.c).
 *
 * The terminal records the session; a process finds its terminal by looking
 * for the one that records its session, so struct process needs no field.
 */
#include <kuid/cred.h>
#include <kuid/signal.h>
#include <kuid/task.h>
#include <kuid/tty.h>
#include <uapi/capability.h>
#include <uapi/errno.h>

#include "tty_internal.h"

static bool is_session_leader(const struct process *process)
{
	return process->session == process->pid;
}

bool tty_is_current_controlling(struct tty *tty)
{
	struct task *task = current_task();

	return task && tty->session != 0 && tty->session == task->process->session;
}

struct tty *tty_of_current_session(void)
{
	for (unsigned int index = 0; index < TTY_SERIAL_COUNT; index++) {
		struct tty *tty = tty_at(index);

		if (tty && tty_is_current_controlling(tty))
			return tty;
	}
	return NULL;
}

/* Is `signal` ignored or blocked by the current task? (Then job control does not stop it.) */
static bool current_ignores_or_blocks(int signal)
{
	struct task *task = current_task();
	const struct kernel_sigaction *action = &task->signals.handlers->actions[signal - 1];

	return action->sa_handler == SIG_IGN || sigset_has(task->signals.blocked, signal);
}

int tty_job_control_check(struct tty *tty, int signal)
{
	struct task *task = current_task();
	unsigned long irq_state;
	int foreground;

	/* Kernel threads, and terminals that are not the caller's, are not policed. */
	if (!task || !tty_is_current_controlling(tty))
		return 0;
	irq_state = spin_lock_irqsave(&tty->lock);
	foreground = tty->foreground_group;
	spin_unlock_irqrestore(&tty->lock, irq_state);
	if (foreground == 0 || foreground == task->process->process_group)
		return 0;

	if (current_ignores_or_blocks(signal))
		return signal == SIGTTIN ? -EIO : 0;
	/* Linux also answers EIO to an orphaned process group, which no one could continue. */
	signal_send_to_group(task->process->process_group, signal);
	return -EINTR;
}

void tty_acquire_on_open(struct tty *tty)
{
	struct task *task = current_task();
	unsigned long irq_state;

	if (!task || !is_session_leader(task->process) || tty_of_current_session())
		return;
	irq_state = spin_lock_irqsave(&tty->lock);
	if (tty->session == 0) {
		tty->session = task->process->session;
		tty->foreground_group = task->process->process_group;
	}
	spin_unlock_irqrestore(&tty->lock, irq_state);
}

int tty_make_controlling(struct tty *tty, bool steal)
{
	struct task *task = current_task();
	struct tty *current_terminal = tty_of_current_session();
	unsigned long irq_state;
	int result = 0;

	if (!task)
		return -EPERM;
	if (current_terminal == tty && is_session_leader(task->process))
		return 0;
	if (!is_session_leader(task->process) || current_terminal)
		return -EPERM;

	irq_state = spin_lock_irqsave(&tty->lock);
	/* Another session's terminal can only be taken by force, by an administrator. */
	if (tty->session != 0 && !(steal && capable(CAP_SYS_ADMIN))) {
		result = -EPERM;
	} else {
		tty->session = task->process->session;
		tty->foreground_group = task->process->process_group;
	}
	spin_unlock_irqrestore(&tty->lock, irq_state);
	return result;
}

/* The session lets go of the terminal; its foreground group is hung up on. */
static void release(struct tty *tty, bool hang_up)
{
	unsigned long irq_state = spin_lock_irqsave(&tty->lock);
	int foreground = tty->foreground_group;

	tty->session = 0;
	tty->foreground_group = 0;
	spin_unlock_irqrestore(&tty->lock, irq_state);
	if (hang_up && foreground > 0) {
		signal_send_to_group(foreground, SIGHUP);
		signal_send_to_group(foreground, SIGCONT);
	}
}

int tty_give_up_controlling(struct tty *tty)
{
	struct task *task = current_task();

	if (!tty_is_current_controlling(tty))
		return -ENOTTY;
	/*
	 * Only a session leader's TIOCNOTTY releases the terminal (and hangs up
	 * the foreground group). Linux lets any other process drop its own link
	 * to it; kuid keeps the link per session, so for them this does nothing.
	 */
	if (is_session_leader(task->process))
		release(tty, true);
	return 0;
}

void tty_session_leader_exited(int session)
{
	struct tty *tty;

	for (unsigned int index = 0; index < TTY_SERIAL_COUNT; index++) {
		tty = tty_at(index);
		if (tty && session != 0 && tty->session == session)
			release(tty, true);
	}
}

struct group_search {
	pid_t session;
	pid_t group;
};

/* Called with the tasks lock held. */
static int group_is_in_session(struct process *process, void *context)
{
	struct group_search *search = context;

	return process->process_group == search->group && process->session == search->session;
}

static int group_exists(struct process *process, void *context)
{
	return process->process_group == *(pid_t *)context;
}

int tty_set_foreground_group(struct tty *tty, int process_group)
{
	struct group_search search = { .session = tty->session, .group = process_group };
	unsigned long irq_state;
	int result;

	if (!tty_is_current_controlling(tty))
		return -ENOTTY;
	result = tty_job_control_check(tty, SIGTTOU);
	if (result < 0)
		return result;
	if (process_group < 0)
		return -EINVAL;
	if (!process_for_each(group_is_in_session, &search))
		return process_for_each(group_exists, &process_group) ? -EPERM : -ESRCH;

	irq_state = spin_lock_irqsave(&tty->lock);
	tty->foreground_group = process_group;
	spin_unlock_irqrestore(&tty->lock, irq_state);
	return 0;
}
