/*
 * tty_ioctl.c: the terminal ioctls: settings (TCGETS/TCSETS*), window size,
 * foreground process group, controlling terminal, queue sizes and flushing.
 * Arguments are user pointers, copied through user_memory.h outside the lock.
 */
#include <kuid/pid.h>
#include <kuid/poll.h>
#include <kuid/signal.h>
#include <kuid/task.h>
#include <kuid/tty.h>
#include <kuid/user_memory.h>
#include <uapi/errno.h>

#include "tty_internal.h"

#define N_TTY 0		/* the only line discipline, as TIOCGETD reports it */

static long get_termios(struct tty *tty, struct termios __user *destination)
{
	unsigned long irq_state = spin_lock_irqsave(&tty->lock);
	struct termios termios = tty->discipline.termios;

	spin_unlock_irqrestore(&tty->lock, irq_state);
	return copy_to_user(destination, &termios, sizeof(termios));
}

static long set_termios(struct tty *tty, unsigned int request,
			const struct termios __user *source)
{
	struct termios termios;
	unsigned long irq_state;
	int result = tty_job_control_check(tty, SIGTTOU);

	if (result < 0)
		return result;
	if (copy_from_user(&termios, source, sizeof(termios)) < 0)
		return -EFAULT;
	irq_state = spin_lock_irqsave(&tty->lock);
	/* Output is never queued, so "after output drains" (TCSETSW) is now. */
	if (request == TCSETSF)
		line_discipline_flush_input(&tty->discipline);
	line_discipline_set_termios(&tty->discipline, &termios);
	spin_unlock_irqrestore(&tty->lock, irq_state);
	/* Leaving canonical mode can make a half-typed line readable. */
	wake_up_all(&tty->readers);
	poll_notify();
	return 0;
}

static long set_window_size(struct tty *tty, const struct winsize __user *source)
{
	struct winsize size;
	unsigned long irq_state;
	bool changed;
	int foreground;

	if (copy_from_user(&size, source, sizeof(size)) < 0)
		return -EFAULT;
	irq_state = spin_lock_irqsave(&tty->lock);
	changed = size.ws_row != tty->window_size.ws_row || size.ws_col != tty->window_size.ws_col ||
		  size.ws_xpixel != tty->window_size.ws_xpixel ||
		  size.ws_ypixel != tty->window_size.ws_ypixel;
	tty->window_size = size;
	foreground = tty->foreground_group;
	spin_unlock_irqrestore(&tty->lock, irq_state);
	/* Full-screen programs redraw when told the size changed. */
	if (changed && foreground > 0)
		signal_send_to_group(foreground, SIGWINCH);
	return 0;
}

static long flush(struct tty *tty, unsigned long queue)
{
	unsigned long irq_state;
	int result;

	if (queue != TCIFLUSH && queue != TCOFLUSH && queue != TCIOFLUSH)
		return -EINVAL;
	result = tty_job_control_check(tty, SIGTTOU);
	if (result < 0)
		return result;
	/* Output is never queued: only typed input can be thrown away. */
	if (queue != TCOFLUSH) {
		irq_state = spin_lock_irqsave(&tty->lock);
		line_discipline_flush_input(&tty->discipline);
		spin_unlock_irqrestore(&tty->lock, irq_state);
	}
	return 0;
}

/* Copy one int out; the common shape of the TIOCG* requests. */
static long put_int(int __user *destination, int value)
{
	return copy_to_user(destination, &value, sizeof(value));
}

long tty_ioctl(struct tty *tty, unsigned int request, unsigned long argument)
{
	void __user *user_argument = (void __user *)argument;
	unsigned long irq_state;
	struct winsize size;
	int value;

	switch (request) {
	case TCGETS:
		return get_termios(tty, user_argument);
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		return set_termios(tty, request, user_argument);
	case TIOCGWINSZ:
		irq_state = spin_lock_irqsave(&tty->lock);
		size = tty->window_size;
		spin_unlock_irqrestore(&tty->lock, irq_state);
		return copy_to_user(user_argument, &size, sizeof(size));
	case TIOCSWINSZ:
		return set_window_size(tty, user_argument);
	case TIOCGPGRP:
		if (!tty_is_current_controlling(tty))
			return -ENOTTY;
		/* The tty keeps kernel names; the caller sees its pid namespace's numbers. */
		return put_int(user_argument, pid_caller_number_of_global(tty->foreground_group));
	case TIOCSPGRP:
		if (copy_from_user(&value, user_argument, sizeof(value)) < 0)
			return -EFAULT;
		if (value < 0)
			return -EINVAL;
		return tty_set_foreground_group(tty, pid_global_from_caller(value));
	case TIOCGSID:
		if (!tty_is_current_controlling(tty))
			return -ENOTTY;
		return put_int(user_argument, pid_caller_number_of_global(tty->session));
	case TIOCSCTTY:
		return tty_make_controlling(tty, argument == 1);
	case TIOCNOTTY:
		return tty_give_up_controlling(tty);
	case FIONREAD:
		irq_state = spin_lock_irqsave(&tty->lock);
		value = (int)line_discipline_bytes_ready(&tty->discipline);
		spin_unlock_irqrestore(&tty->lock, irq_state);
		return put_int(user_argument, value);
	case TIOCOUTQ:
		return put_int(user_argument, 0);	/* output is written at once */
	case TCFLSH:
		return flush(tty, argument);
	case TCSBRK:	/* tcdrain: nothing is ever waiting to go out */
	case TCXONC:	/* output is never paused, so there is nothing to resume */
	case TIOCEXCL:
	case TIOCNXCL:
		return 0;
	case TIOCGETD:
		return put_int(user_argument, N_TTY);
	case TIOCSETD:
		if (copy_from_user(&value, user_argument, sizeof(value)) < 0)
			return -EFAULT;
		return value == N_TTY ? 0 : -EINVAL;
	default:
		return -ENOTTY;
	}
}
