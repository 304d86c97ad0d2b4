/*
 * tty_internal.h: what the files of kernel/tty/ share with each other.
 * Not an interface: the rest of the kernel uses kuid/tty.h.
 */
#ifndef KERNEL_TTY_TTY_INTERNAL_H
#define KERNEL_TTY_TTY_INTERNAL_H

#include <kuid/tty.h>

struct process;

/*
 * controlling_terminal.c: may the current process use `tty` as `signal`
 * says (SIGTTIN: read; SIGTTOU: write with TOSTOP, change settings)? 0 if
 * so; otherwise its process group got the signal and the call ends with
 * -EINTR (restarted once the group is continued), or -EIO when the signal
 * is ignored or blocked (SIGTTIN only: SIGTTOU ignored or blocked allows).
 */
int tty_job_control_check(struct tty *tty, int signal);

/* Is `tty` the controlling terminal of the current process's session? */
bool tty_is_current_controlling(struct tty *tty);

/* An open without O_NOCTTY by a session leader without a terminal acquires this one. */
void tty_acquire_on_open(struct tty *tty);

/* TIOCSCTTY, TIOCNOTTY, TIOCSPGRP. */
int tty_make_controlling(struct tty *tty, bool steal);
int tty_give_up_controlling(struct tty *tty);
int tty_set_foreground_group(struct tty *tty, int process_group);

/* Every tty there is (the serial ones), for looking up a session's terminal. */
struct tty *tty_at(unsigned int index);

/* tty_devices.c: register /dev/ttyS0..2, /dev/console and /dev/tty. */
void tty_devices_register(void);

#endif
