/*
 * proc_boot.c: kuid mounts proc on /proc itself at boot, so the first program already finds
 * /proc/self; an init that mounts it again simply covers this one, as on Linux.
 */
#include <kuid/fd_table.h>
#include <kuid/printk.h>
#include <kuid/vfs.h>
#include <uapi/errno.h>
#include <uapi/mount.h>

#include "procfs_internal.h"

void procfs_mount_at_boot(void)
{
	struct fs_context *fs = fs_context_create_root();
	struct path where;
	int error = -ENOMEM;

	if (fs) {
		error = path_lookup(fs, &fs->root, "/proc", LOOKUP_DIRECTORY, &where);
		fs_context_put(fs);
	}
	if (error == 0) {
		error = vfs_mount_at(&where, "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC);
		path_put(&where);
	}
	if (error < 0)
		printk(LOG_WARNING, "kuid: cannot mount proc on /proc: error %d\n", error);
}
