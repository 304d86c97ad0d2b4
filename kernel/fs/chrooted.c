/*
 * chrooted.c: is the calling process inside a chroot? A chrooted process may
 * not create a user namespace (R5.3): with a namespace's CAP_SYS_CHROOT it
 * could chroot again and walk out of the jail.
 */
#include <kuid/fd_table.h>
#include <kuid/vfs.h>

bool current_chrooted(void)
{
	struct fs_context *fs = current_fs();
	struct path process_root, mount_root;
	bool chrooted;

	if (!fs)
		return false;	/* a kernel thread has no root of its own */
	/*
	 * The root of everything: the root mount's root directory. chroot("/")
	 * leaves the process exactly there, so it does not count as chrooted.
	 */
	if (vfs_root(&mount_root) < 0)
		return false;
	fs_context_get_root(fs, &process_root);
	chrooted = !path_equal(&process_root, &mount_root);
	path_put(&process_root);
	path_put(&mount_root);
	return chrooted;
}
