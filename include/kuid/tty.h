/*
 * tty.h: terminals. A tty joins a device that moves bytes (a serial port)
 * to the programs that read and write it, through a line discipline
 * (kuid/line_discipline.h: echo, line editing, ^C) and the job-control rules
 * of a controlling terminal: one session owns it, one process group of that
 * session is in the foreground and may read; the others get SIGTTIN.
 *
 * A key press travels: UART interrupt -> tty_receive_from_interrupt (a small
 * raw ring) -> the "tty input" thread -> tty_receive -> the line discipline
 * (echo, editing, signals) -> readers sleeping in tty_read. docs/tty.md.
 *
 * The devices: /dev/ttyS0..2 (4:64..66) are COM1..COM3, /dev/console (5:1)
 * is COM1's tty, /dev/tty (5:0) is the caller's controlling terminal.
 * ttys live as long as the kernel: they are static and need no reference count.
 */
#ifndef KUID_TTY_H
#define KUID_TTY_H

#include <kuid/line_discipline.h>
#include <kuid/spinlock.h>
#include <kuid/types.h>
#include <kuid/wait.h>
#include <uapi/termios.h>

#define TTY_SERIAL_COUNT	3	/* ttyS0..ttyS2: COM1..COM3 */
#define TTY_RAW_BUFFER_SIZE	256	/* bytes the interrupt may queue before the thread runs */
#define TTY_DEFAULT_ROWS	24
#define TTY_DEFAULT_COLUMNS	80

/* How a tty gives bytes to its hardware. Called with the tty's lock held: must not sleep. */
typedef void (*tty_output_fn)(void *driver_data, const char *bytes, size_t length);

struct tty {
	/* Fixed when the tty is set up. */
	const char *name;
	tty_output_fn output;
	void *driver_data;

	/* Protected by `lock`. */
	struct spinlock lock;
	struct line_discipline discipline;
	struct winsize window_size;
	int session;			/* the session it controls, 0 if none */
	int foreground_group;		/* process group that may read, 0 if none */

	/* Readers wait here for a line (or bytes); the input thread wakes them. */
	struct wait_queue readers;

	/* Protected by `raw_lock` (interrupts off): bytes the UART delivered. */
	struct spinlock raw_lock;
	uint8_t raw[TTY_RAW_BUFFER_SIZE];
	size_t raw_start;
	size_t raw_count;
};

/* Set up a tty with default settings, writing through `output`. Also used by tests. */
void tty_setup(struct tty *tty, const char *name, tty_output_fn output, void *driver_data);

/*
 * Bring the serial ttys up (those whose port exists), register the devices
 * with the VFS and start the input thread. Called once at boot.
 */
void tty_init(void);

/* The tty of serial port `port` (0..2), or NULL if the port is missing. */
struct tty *tty_serial(unsigned int port);

/* ---- Input ---- */

/* From the UART's interrupt handler: queue one byte for the input thread. */
void tty_receive_from_interrupt(unsigned int port, uint8_t byte);

/* Typed bytes, in thread context: line discipline, echo, signals to the foreground group. */
void tty_receive(struct tty *tty, const void *bytes, size_t length);

/* ---- What programs do (the file operations call these) ---- */

/*
 * Read like read(2): blocks until a line (canonical) or VMIN bytes are
 * there, unless `nonblocking` (-EAGAIN). -EINTR when a signal comes;
 * -EIO or -EINTR (after SIGTTIN) for a background process.
 */
ssize_t tty_read(struct tty *tty, void *buffer, size_t count, bool nonblocking);
/* Write processed output (ONLCR...). -EINTR after SIGTTOU with TOSTOP in the background. */
ssize_t tty_write(struct tty *tty, const void *buffer, size_t count);
/* The terminal ioctls (TCGETS, TIOCSPGRP, ...); `argument` is the user's. -ENOTTY if unknown. */
long tty_ioctl(struct tty *tty, unsigned int request, unsigned long argument);

/* ---- Controlling terminals ---- */

/* The controlling terminal of the current task's session, or NULL. */
struct tty *tty_of_current_session(void);

/*
 * The leader of `session` is exiting: its terminal is released and its
 * foreground group gets SIGHUP and SIGCONT, as on Linux. The process engineer
 * calls this from task exit.
 */
void tty_session_leader_exited(int session);

#endif /* KUID_TTY_H */
