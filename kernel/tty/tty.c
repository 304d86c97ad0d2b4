/*
 * tty.c: terminals between a serial port and the programs that use it.
 *
 * Theory of operation. Input crosses two halves. The UART's interrupt
 * handler only queues bytes in the tty's small raw ring (raw_lock, interrupts
 * off) and wakes the "tty input" thread. That thread feeds them to the line
 * discipline under the tty's lock, in ordinary thread context, where echoing,
 * waking readers and signalling a process group (^C) are all allowed.
 * Readers sleep on `readers` until the line discipline has something for them.
 * Output is written through the line discipline (ONLCR) straight to the
 * port, polled, under the tty's lock, so echo and program output never mix
 * within one write.
 *
 * Lock order: tty->lock, then a wait queue's lock. raw_lock nests inside nothing.
 */
#include <kuid/arch.h>
#include <kuid/clock.h>
#include <kuid/panic.h>
#include <kuid/poll.h>
#include <kuid/printk.h>
#include <kuid/sched.h>
#include <kuid/signal.h>
#include <kuid/string.h>
#include <kuid/task.h>
#include <kuid/tty.h>
#include <uapi/errno.h>

#include "tty_internal.h"

static struct tty serial_ttys[TTY_SERIAL_COUNT];
static bool serial_tty_present[TTY_SERIAL_COUNT];
static const char *const serial_tty_names[TTY_SERIAL_COUNT] = { "ttyS0", "ttyS1", "ttyS2" };

/* The input thread sleeps here until an interrupt queues a byte. */
static struct wait_queue input_waiters;
static struct thread *input_thread;

static void discipline_emit(void *context, const char *bytes, size_t length)
{
	struct tty *tty = context;

	if (length > 0)
		tty->output(tty->driver_data, bytes, length);
}

void tty_setup(struct tty *tty, const char *name, tty_output_fn output, void *driver_data)
{
	memset(tty, 0, sizeof(*tty));
	tty->name = name;
	tty->output = output;
	tty->driver_data = driver_data;
	spin_lock_init(&tty->lock, "tty");
	spin_lock_init(&tty->raw_lock, "tty raw input");
	line_discipline_init(&tty->discipline, discipline_emit, tty);
	tty->window_size = (struct winsize){ .ws_row = TTY_DEFAULT_ROWS,
					     .ws_col = TTY_DEFAULT_COLUMNS };
	wait_queue_init(&tty->readers);
}

struct tty *tty_serial(unsigned int port)
{
	if (port >= TTY_SERIAL_COUNT || !serial_tty_present[port])
		return NULL;
	return &serial_ttys[port];
}

struct tty *tty_at(unsigned int index)
{
	return tty_serial(index);
}

/* ---- Input ---- */

void tty_receive(struct tty *tty, const void *bytes, size_t length)
{
	const uint8_t *typed = bytes;

	for (size_t i = 0; i < length; i++) {
		unsigned long irq_state = spin_lock_irqsave(&tty->lock);
		int signal = line_discipline_receive(&tty->discipline, typed[i]);
		int group = tty->foreground_group;

		spin_unlock_irqrestore(&tty->lock, irq_state);
		/* Outside the lock: signalling a group walks the task list. */
		if (signal && group > 0)
			signal_send_to_group(group, signal);
	}
	wake_up_all(&tty->readers);
	poll_notify();
}

void tty_receive_from_interrupt(unsigned int port, uint8_t byte)
{
	struct tty *tty = tty_serial(port);
	unsigned long irq_state;

	if (!tty)
		return;
	irq_state = spin_lock_irqsave(&tty->raw_lock);
	/* A full ring drops the byte, as a UART whose FIFO overflows would. */
	if (tty->raw_count < TTY_RAW_BUFFER_SIZE) {
		tty->raw[(tty->raw_start + tty->raw_count) % TTY_RAW_BUFFER_SIZE] = byte;
		tty->raw_count++;
	}
	spin_unlock_irqrestore(&tty->raw_lock, irq_state);
	wake_up_one(&input_waiters);
}

/* Move one tty's queued raw bytes into a local buffer. */
static size_t raw_take(struct tty *tty, uint8_t *buffer, size_t size)
{
	unsigned long irq_state = spin_lock_irqsave(&tty->raw_lock);
	size_t count = MIN(size, tty->raw_count);

	for (size_t i = 0; i < count; i++) {
		buffer[i] = tty->raw[tty->raw_start];
		tty->raw_start = (tty->raw_start + 1) % TTY_RAW_BUFFER_SIZE;
	}
	tty->raw_count -= count;
	spin_unlock_irqrestore(&tty->raw_lock, irq_state);
	return count;
}

static bool any_raw_input(void)
{
	for (unsigned int port = 0; port < TTY_SERIAL_COUNT; port++)
		if (serial_tty_present[port] &&
		    __atomic_load_n(&serial_ttys[port].raw_count, __ATOMIC_RELAXED) > 0)
			return true;
	return false;
}

/* The bottom half: runs the line discipline for what the interrupts queued. */
static void tty_input_thread(void *argument)
{
	uint8_t buffer[64];

	(void)argument;
	for (;;) {
		wait_event(&input_waiters, any_raw_input());
		for (unsigned int port = 0; port < TTY_SERIAL_COUNT; port++) {
			size_t count;

			if (!serial_tty_present[port])
				continue;
			while ((count = raw_take(&serial_ttys[port], buffer, sizeof(buffer))) > 0)
				tty_receive(&serial_ttys[port], buffer, count);
		}
	}
}

/* ---- Reading and writing ---- */

/* Is there something for a reader, as VMIN asks? Called without the lock: a hint only. */
static bool tty_readable(struct tty *tty)
{
	const struct termios *termios = &tty->discipline.termios;

	return line_discipline_readable(&tty->discipline, termios->c_cc[VMIN]);
}

/*
 * Non-canonical VMIN = 0, VTIME = t: wait up to t tenths of a second for one
 * byte; input wakes the readers' queue, and a signal ends the wait early.
 */
static void wait_with_timeout(struct tty *tty, unsigned int tenths)
{
	uint64_t ticks = clock_ticks_from_milliseconds((uint64_t)tenths * 100);

	wait_event_interruptible_timeout(&tty->readers,
					 line_discipline_bytes_ready(&tty->discipline) > 0, ticks);
}

ssize_t tty_read(struct tty *tty, void *buffer, size_t count, bool nonblocking)
{
	const struct termios *termios = &tty->discipline.termios;
	unsigned long irq_state;
	ssize_t result;

	result = tty_job_control_check(tty, SIGTTIN);
	if (result < 0)
		return result;
	if (count == 0)
		return 0;

	if (!(termios->c_lflag & ICANON) && termios->c_cc[VMIN] == 0) {
		/* VMIN 0: never block for long; VTIME bounds the wait. */
		if (termios->c_cc[VTIME] > 0 && !nonblocking)
			wait_with_timeout(tty, termios->c_cc[VTIME]);
	} else if (nonblocking) {
		if (!tty_readable(tty))
			return -EAGAIN;
	} else {
		result = wait_event_interruptible(&tty->readers, tty_readable(tty));
		if (result < 0)
			return result;
	}

	irq_state = spin_lock_irqsave(&tty->lock);
	result = (ssize_t)line_discipline_read(&tty->discipline, buffer, count);
	spin_unlock_irqrestore(&tty->lock, irq_state);
	return result;
}

ssize_t tty_write(struct tty *tty, const void *buffer, size_t count)
{
	unsigned long irq_state;
	int allowed = 0;

	if (tty->discipline.termios.c_lflag & TOSTOP)
		allowed = tty_job_control_check(tty, SIGTTOU);
	if (allowed < 0)
		return allowed;

	irq_state = spin_lock_irqsave(&tty->lock);
	line_discipline_write(&tty->discipline, buffer, count);
	spin_unlock_irqrestore(&tty->lock, irq_state);
	return (ssize_t)count;
}

/* ---- Boot ---- */

static void serial_output(void *driver_data, const char *bytes, size_t length)
{
	arch_serial_write((unsigned int)(uintptr_t)driver_data, bytes, length);
}

void tty_init(void)
{
	wait_queue_init(&input_waiters);
	for (unsigned int port = 0; port < TTY_SERIAL_COUNT; port++) {
		if (!arch_serial_present(port))
			continue;
		tty_setup(&serial_ttys[port], serial_tty_names[port], serial_output,
			  (void *)(uintptr_t)port);
		serial_tty_present[port] = true;
	}
	input_thread = thread_create("tty input", tty_input_thread, NULL, THREAD_DETACHED);
	if (!input_thread)
		panic("tty: cannot start the input thread");
	for (unsigned int port = 0; port < TTY_SERIAL_COUNT; port++)
		if (serial_tty_present[port])
			arch_serial_enable_receive(port);
	tty_devices_register();
}
