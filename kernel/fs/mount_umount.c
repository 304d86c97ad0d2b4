/*
 * mount_umount.c: umount2(2). A mount comes off its tree when nobody uses it and nothing is
 * mounted on it, or at once with MNT_DETACH (lazily: it lives on while files in it are open);
 * MNT_EXPIRE unmounts an idle mount on the second call. A locked mount never comes off (R9.5):
 * it covers something its namespace's owner was not meant to see.
 */
#include <kuid/capability.h>
#include <kuid/fd_table.h>
#include <kuid/fs_syscalls.h>
#include <kuid/mount.h>
#include <kuid/mount_namespace.h>
#include <kuid/user_namespace.h>
#include <uapi/capability.h>
#include <uapi/errno.h>
#include <uapi/fcntl.h>

#include "fs_syscall_helpers.h"

/* The tree's reference and the caller's: anything more is an open file, a cwd or a root. */
#define IDLE_REFERENCES 2

static bool is_busy(struct mount *mount)
{
	return !list_empty(&mount->children) ||
	       __atomic_load_n(&mount->references, __ATOMIC_RELAXED) > IDLE_REFERENCES;
}

/* Linux's do_umount, once can_umount said yes; vfs_lock held. */
static int detach(struct mount *mount, int flags, const struct path *caller_root,
		  struct list_node *doomed)
{
	if (!mount_parent(mount))
		return -EINVAL;		/* a namespace's root ("rootfs") stays */
	if (flags & MNT_EXPIRE) {
		if (mount == caller_root->mount || (flags & (MNT_FORCE | MNT_DETACH)))
			return -EINVAL;
		if (is_busy(mount))
			return -EBUSY;
		if (!mount->expiry_mark) {
			mount->expiry_mark = true;	/* unmounted by the next call if idle */
			return -EAGAIN;
		}
	}
	/* Linux would make the caller's root read-only here; kuid keeps it, busy. */
	if (mount == caller_root->mount && !(flags & MNT_DETACH))
		return -EBUSY;
	if (!(flags & MNT_DETACH) && is_busy(mount))
		return -EBUSY;
	mount_propagate_detach(mount, doomed);
	mount_detach_tree(mount, doomed);
	return 0;
}

int mount_umount(const struct path *place, int flags, struct userns_refusal *refusal)
{
	struct list_node doomed = LIST_INIT(doomed);
	struct mount *mount = place->mount;
	struct user_namespace *owner = mount->super_block->user_ns;
	struct path caller_root = { NULL, NULL };
	int error = mount_may_mount(refusal);
	/* MNT_FORCE would end the instance's work for everyone: its owner's decision. */
	bool may_force = !(flags & MNT_FORCE) ||
			 ns_capable(owner ? owner : &init_user_ns, CAP_SYS_ADMIN);

	if (error < 0)
		return error;
	if (current_fs())
		fs_context_get_root(current_fs(), &caller_root);
	vfs_lock();
	if (place->inode != mount->root || !mount_is_current(mount))
		error = -EINVAL;	/* not a mount point, or not in the caller's namespace */
	else if (mount->locks & MOUNT_LOCKED)
		error = userns_refuse(refusal, RULE_R9_5_LOCKED_MOUNT, 0,
				      "a locked mount cannot be unmounted", EINVAL);
	else if (!may_force)
		error = -EPERM;
	else
		error = detach(mount, flags, &caller_root, &doomed);
	vfs_unlock();
	mount_put_doomed(&doomed);
	path_put(&caller_root);
	return error;
}

long sys_umount2(const char __user *target, int flags)
{
	unsigned int lookup_flags = LOOKUP_FOLLOW;
	struct path where;
	long error;

	if (flags & ~(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW))
		return -EINVAL;
	if (flags & UMOUNT_NOFOLLOW)
		lookup_flags &= ~LOOKUP_FOLLOW;
	error = user_path_lookup(AT_FDCWD, target, lookup_flags, &where);
	if (error < 0)
		return error;
	/* "." in a covered cwd names the mount on top, as Linux's LOOKUP_MOUNTPOINT. */
	vfs_lock();
	mount_follow_down(&where);
	vfs_unlock();
	error = mount_umount(&where, flags, NULL);
	inode_put(where.inode);
	mount_put_keeping_mark(where.mount);
	return error;
}
