/*
 * tty_devices.c: the terminals as character devices. Opening one of
 * /dev/ttyS0..2 (4:64..66), /dev/console (5:1) or /dev/tty (5:0) finds its
 * struct tty and keeps it in file->private; reads, writes and ioctls then go
 * to tty.c and tty_ioctl.c. ttys are never freed, so files hold no reference.
 */
#include <kuid/device.h>
#include <kuid/panic.h>
#include <kuid/tty.h>
#include <uapi/errno.h>
#include <uapi/fcntl.h>

#include "tty_internal.h"

#define SERIAL_FIRST_MINOR	64
#define TTY_MINOR		0	/* /dev/tty: the caller's controlling terminal */
#define CONSOLE_MINOR		1	/* /dev/console: COM1's tty */

static ssize_t tty_file_read(struct file *file, void *buffer, size_t count, uint64_t *position)
{
	(void)position;
	return tty_read(file->private, buffer, count, (file->flags & O_NONBLOCK) != 0);
}

static ssize_t tty_file_write(struct file *file, const void *buffer, size_t count,
			      uint64_t *position)
{
	(void)position;
	return tty_write(file->private, buffer, count);
}

static long tty_file_ioctl(struct file *file, unsigned int request, unsigned long argument)
{
	return tty_ioctl(file->private, request, argument);
}

static unsigned int tty_file_poll(struct file *file)
{
	struct tty *tty = file->private;
	unsigned int events = POLL_OUT;	/* output never waits */

	if (line_discipline_readable(&tty->discipline, tty->discipline.termios.c_cc[VMIN]))
		events |= POLL_IN;
	return events;
}

static int serial_open(struct inode *inode, struct file *file)
{
	struct tty *tty = tty_serial(inode->device.minor - SERIAL_FIRST_MINOR);

	if (!tty)
		return -ENXIO;	/* the port is not there */
	file->private = tty;
	if (!(file->flags & O_NOCTTY))
		tty_acquire_on_open(tty);
	return 0;
}

static int auxiliary_open(struct inode *inode, struct file *file)
{
	/* Linux never makes /dev/console or /dev/tty a controlling terminal on open. */
	struct tty *tty = inode->device.minor == CONSOLE_MINOR ? tty_serial(0)
								: tty_of_current_session();

	if (!tty)
		return -ENXIO;	/* /dev/tty without a controlling terminal */
	file->private = tty;
	return 0;
}

static const struct file_operations serial_operations = {
	.open = serial_open,
	.read = tty_file_read,
	.write = tty_file_write,
	.ioctl = tty_file_ioctl,
	.poll = tty_file_poll,
};

static const struct file_operations auxiliary_operations = {
	.open = auxiliary_open,
	.read = tty_file_read,
	.write = tty_file_write,
	.ioctl = tty_file_ioctl,
	.poll = tty_file_poll,
};

void tty_devices_register(void)
{
	if (device_register(TTY_SERIAL_MAJOR, SERIAL_FIRST_MINOR, TTY_SERIAL_COUNT, "ttyS",
			    &serial_operations) < 0 ||
	    device_register(TTY_AUX_MAJOR, TTY_MINOR, 2, "tty and console",
			    &auxiliary_operations) < 0)
		panic("tty: cannot register the terminal devices");
}
