/*
 * device.h: character devices. A driver registers its file operations for a
 * range of minor numbers of one major; opening a device inode (S_IFCHR with
 * major:minor) finds the driver here and gives the file its operations.
 * Without a driver, opening the node fails with -ENXIO, as on Linux.
 *
 * kuid's devices: 1:3 /dev/null and 1:5 /dev/zero (kernel/fs/memory_devices.c),
 * 5:0 /dev/tty, 5:1 /dev/console and 4:64..66 /dev/ttyS0..2 (kernel/tty/).
 */
#ifndef KUID_DEVICE_H
#define KUID_DEVICE_H

#include <kuid/file.h>
#include <kuid/types.h>

/* Linux's numbers for the devices kuid has. */
#define MEMORY_MAJOR	1	/* 3 null, 5 zero */
#define TTY_SERIAL_MAJOR 4	/* 64 + n: ttySn */
#define TTY_AUX_MAJOR	5	/* 0 tty, 1 console */

#define DEVICE_REGISTRATIONS_MAX 32

/*
 * Minors first .. first + count - 1 of `major` are served by `operations`.
 * -EBUSY if any of them is taken, -ENOSPC when the registry is full.
 * The driver's open() runs at each open and may set file->private.
 */
int device_register(uint32_t major, uint32_t first_minor, uint32_t count, const char *name,
		    const struct file_operations *operations);
/* The operations for a device number, or NULL. */
const struct file_operations *device_find(struct device_number number);

/* /dev/null and /dev/zero; called by vfs_init. */
void memory_devices_register(void);

#endif
