/*
 * mount_pivot_root.c: pivot_root(2). The mount at new_root becomes the caller's "/" and the
 * old root mount moves to put_old, below it; then the old tree can be unmounted
 * (umount2(put_old, MNT_DETACH)), which is how a container leaves its host's files behind.
 * The checks and their errors are Linux's, in its order (pivot_root(2)).
 */
#include <kuid/fd_table.h>
#include <kuid/fs_syscalls.h>
#include <kuid/mount.h>
#include <uapi/errno.h>
#include <uapi/fcntl.h>

#include "fs_syscall_helpers.h"

static bool is_mount_root(const struct path *place)
{
	return place->inode == place->mount->root;
}

/* Called with vfs_lock held; `old` is the topmost mount on put_old. */
static int check_pivot(const struct path *new, const struct path *old, const struct path *root)
{
	struct mount *new_mount = new->mount, *root_mount = root->mount;
	struct mount *new_parent = mount_parent(new_mount), *root_parent = mount_parent(root_mount);

	/* Shared mounts would propagate the move to their peers: not done (EINVAL). */
	if (old->mount->peer_group || (new_parent && new_parent->peer_group) ||
	    (root_parent && root_parent->peer_group))
		return -EINVAL;
	if (!mount_is_current(root_mount) || !mount_is_current(new_mount))
		return -EINVAL;
	if (new_mount->locks & MOUNT_LOCKED)
		return userns_refuse(NULL, RULE_R9_5_LOCKED_MOUNT, 0,
				     "new_root is a locked mount: it cannot leave what it covers",
				     EINVAL);
	if (new->inode->nlink == 0)
		return -ENOENT;		/* new_root was removed */
	if (new_mount == root_mount || old->mount == root_mount)
		return -EBUSY;		/* on the same mount as the current root */
	if (!is_mount_root(root) || !root_parent)
		return -EINVAL;		/* the current root is not a mount point */
	if (!is_mount_root(new) || !new_parent)
		return -EINVAL;		/* new_root is not a mount point */
	if (!path_is_reachable(old, new))
		return -EINVAL;		/* put_old is not underneath new_root */
	if (!path_is_reachable(new, root))
		return -EINVAL;		/* new_root is outside the caller's root */
	return 0;
}

/* Old root onto put_old, new root onto where the old one was. vfs_lock held. */
static void pivot(struct mount *new_mount, struct path *old, struct mount *root_mount,
		  struct path *released)
{
	struct path root_place, new_place;

	/* A locked old root hands its lock to the new one: what it covered stays covered. */
	if (root_mount->locks & MOUNT_LOCKED) {
		new_mount->locks |= MOUNT_LOCKED;
		root_mount->locks &= ~MOUNT_LOCKED;
	}
	mount_move(root_mount, old->mount, old->inode, &root_place);
	mount_move(new_mount, root_place.mount, root_place.inode, &new_place);
	released[0] = root_place;
	released[1] = new_place;
}

long sys_pivot_root(const char __user *new_root, const char __user *put_old)
{
	struct path new = { NULL, NULL }, old = { NULL, NULL }, root = { NULL, NULL };
	struct path released[2] = { { NULL, NULL }, { NULL, NULL } };
	unsigned int flags = LOOKUP_FOLLOW | LOOKUP_DIRECTORY;
	long error = mount_may_mount(NULL);

	if (error == 0)
		error = user_path_lookup(AT_FDCWD, new_root, flags, &new);
	if (error == 0)
		error = user_path_lookup(AT_FDCWD, put_old, flags, &old);
	if (error < 0)
		goto out;
	fs_context_get_root(current_fs(), &root);
	vfs_lock();
	mount_follow_down(&old);
	error = check_pivot(&new, &old, &root);
	if (error == 0)
		pivot(new.mount, &old, root.mount, released);
	vfs_unlock();
	if (error == 0) {
		/* The caller's root and cwd follow; other processes keep theirs (docs/files.md). */
		struct path cwd;

		fs_context_get_cwd(current_fs(), &cwd);
		if (path_equal(&cwd, &root))
			fs_context_set_cwd(current_fs(), &new);
		fs_context_set_root(current_fs(), &new);
		path_put(&cwd);
	}
out:
	path_put(&released[0]);
	path_put(&released[1]);
	path_put(&root);
	path_put(&old);
	path_put(&new);
	return error;
}
