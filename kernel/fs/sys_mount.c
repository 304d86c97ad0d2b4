/*
 * sys_mount.c: mount(2). One system call, several operations, chosen by the flags in Linux's
 * order: a per-mount remount (MS_REMOUNT|MS_BIND), a remount, a bind mount, a propagation
 * change, a move, else a new instance of tmpfs, ramfs or proc. Every operation needs
 * CAP_SYS_ADMIN over the owner of the caller's mount namespace (R9.1) and works only on mounts
 * of that namespace (Linux's check_mnt: EINVAL otherwise).
 */
#include <kuid/capability.h>
#include <kuid/cred.h>
#include <kuid/fs_syscalls.h>
#include <kuid/heap.h>
#include <kuid/mount.h>
#include <kuid/mount_namespace.h>
#include <kuid/pid_namespace.h>
#include <kuid/string.h>
#include <kuid/user_namespace.h>
#include <uapi/capability.h>
#include <uapi/errno.h>
#include <uapi/fcntl.h>
#include <uapi/mount.h>
#include <uapi/stat.h>

#include "fs_syscall_helpers.h"

#define FS_TYPE_NAME_MAX 32
#define MS_NOUSER	(1ul << 31)	/* never valid from user space */
#define PROPAGATION_FLAGS (MS_SHARED | MS_PRIVATE | MS_SLAVE | MS_UNBINDABLE)

/* What mount(2) was asked, in kernel memory. */
struct mount_request {
	char type[FS_TYPE_NAME_MAX];	/* "" when none was given */
	char *source;			/* NULL when none was given */
	unsigned long flags;
	unsigned int mount_flags;	/* the per-mount flags asked for (mount_flags.c) */
};

/* Is `place` the root of its mount (Linux's path_mounted)? */
static bool is_mount_root(const struct path *place)
{
	return place->inode == place->mount->root;
}

/* A path named by the caller, from its cwd. */
static int lookup_source(const char *name, struct path *found)
{
	struct path start;
	int error;

	if (!name || !name[0])
		return -EINVAL;
	error = at_start(AT_FDCWD, name, &start);
	if (error < 0)
		return error;
	error = path_lookup(current_fs(), &start, name, LOOKUP_FOLLOW, found);
	path_put(&start);
	return error;
}

/* MS_REMOUNT|MS_BIND: only this mount's flags; its locks stay (R9.6). */
static int reconfigure_mount(const struct path *where, const struct mount_request *request)
{
	struct mount *mount = where->mount;
	int error = 0;

	vfs_lock();
	if (!mount_is_current(mount) || !is_mount_root(where))
		error = -EINVAL;
	else
		error = mount_flags_keep_locks(mount, request->mount_flags, NULL);
	if (error == 0)
		mount->flags = request->mount_flags;
	vfs_unlock();
	return error;
}

/* MS_REMOUNT: the mount's flags and the instance's read-only state. */
static int remount(const struct path *where, const struct mount_request *request)
{
	struct mount *mount = where->mount;
	struct super_block *super_block = mount->super_block;
	struct user_namespace *owner = super_block->user_ns ? super_block->user_ns : &init_user_ns;
	int error;

	if (!mount_is_current(mount) || !is_mount_root(where))
		return -EINVAL;
	error = mount_flags_keep_locks(mount, request->mount_flags, NULL);
	if (error < 0)
		return error;
	/* Changing the instance is for whoever it belongs to: not an inherited root fs. */
	if (!ns_capable(owner, CAP_SYS_ADMIN))
		return userns_refuse(NULL, RULE_R9_2_NEW_INSTANCE, 0,
				     "remounting an instance needs CAP_SYS_ADMIN over its owner",
				     EPERM);
	vfs_lock();
	super_block->read_only = request->flags & MS_RDONLY;
	mount->flags = request->mount_flags;
	vfs_unlock();
	return 0;
}

/*
 * For MS_BIND and MS_MOVE: look the source up, then hold `where` and the VFS
 * lock, with place the topmost mount on `where`, as Linux's lock_mount does.
 */
static int lock_source_and_place(const struct mount_request *request, const struct path *where,
				 struct path *source, struct path *place)
{
	int error = lookup_source(request->source, source);

	if (error < 0)
		return error;
	*place = *where;
	path_get(place);
	vfs_lock();
	mount_follow_down(place);
	return 0;
}

/* Undo lock_source_and_place; after the unlock, put the mounts gathered on doomed. */
static void unlock_source_and_place(struct path *source, struct path *place,
				    struct list_node *doomed)
{
	vfs_unlock();
	mount_put_doomed(doomed);
	path_put(place);
	path_put(source);
}

/* MS_BIND: a copy of the source's mount (and with MS_REC what is below it) on `where`. */
static int bind_mount(const struct path *where, const struct mount_request *request)
{
	struct list_node doomed = LIST_INIT(doomed);
	bool recursive = request->flags & MS_REC;
	struct path source, place;
	struct mount *copy;
	int error = lock_source_and_place(request, where, &source, &place);

	if (error < 0)
		return error;
	if (!mount_is_current(place.mount) || !mount_is_current(source.mount) ||
	    source.mount->unbindable) {
		error = -EINVAL;
	} else if (!recursive && mount_has_locked_children(source.mount, source.inode)) {
		/* A plain bind would show what the locked mounts cover. */
		error = userns_refuse(NULL, RULE_R9_6_LOCKED_FLAGS, 0,
				      "a bind without MS_REC of a tree with locked mounts", EINVAL);
	} else if (S_ISDIR(place.inode->mode) != S_ISDIR(source.inode->mode)) {
		error = -ENOTDIR;
	} else {
		error = mount_tree_copy(source.mount, source.inode,
					recursive ? COPY_RECURSIVE : 0, &copy, &doomed);
	}
	if (error == 0) {
		copy->locks &= ~MOUNT_LOCKED;	/* the caller made it, the caller may remove it */
		mount_attach(copy, place.mount, place.inode);
		mount_propagate_attach(copy, place.mount, place.inode, &doomed);
	}
	unlock_source_and_place(&source, &place, &doomed);
	return error;
}

/* MS_SHARED, MS_PRIVATE, MS_SLAVE, MS_UNBINDABLE: exactly one, maybe with MS_REC. */
static int change_propagation(const struct path *where, const struct mount_request *request)
{
	unsigned long type = request->flags & ~(unsigned long)(MS_REC | MS_SILENT);
	int error = 0;

	if (!is_mount_root(where))
		return -EINVAL;
	if ((type & (type - 1)) != 0 || (type & ~(unsigned long)PROPAGATION_FLAGS))
		return -EINVAL;
	vfs_lock();
	if (!mount_is_current(where->mount))
		error = -EINVAL;
	else
		mount_change_propagation(where->mount, type, request->flags & MS_REC);
	vfs_unlock();
	return error;
}

/* Does the tree below `top` hold an unbindable mount? */
static bool tree_has_unbindable(struct mount *top)
{
	for (struct mount *mount = top; mount; mount = mount_next_in_tree(mount, top))
		if (mount->unbindable)
			return true;
	return false;
}

/* The checks of MS_MOVE, in Linux's order; called with vfs_lock held. */
static int check_move(struct mount *moved, const struct path *source, const struct path *place)
{
	struct mount *parent = mount_parent(moved);

	if (!is_mount_root(source) || !mount_is_current(moved) ||
	    !mount_is_current(place->mount) || !parent)
		return -EINVAL;
	if (moved->locks & MOUNT_LOCKED)
		return userns_refuse(NULL, RULE_R9_5_LOCKED_MOUNT, 0,
				     "a locked mount cannot be moved off what it covers", EINVAL);
	if (S_ISDIR(place->inode->mode) != S_ISDIR(source->inode->mode))
		return -EINVAL;
	if (parent->peer_group)
		return -EINVAL;		/* the peers would keep a copy there */
	if (place->mount->peer_group && tree_has_unbindable(moved))
		return -EINVAL;
	for (struct mount *at = place->mount; at; at = mount_parent(at))
		if (at == moved)
			return -ELOOP;	/* under itself */
	return 0;
}

/* MS_MOVE: the source's mount, and everything on it, goes to `where`. */
static int move_mount(const struct path *where, const struct mount_request *request)
{
	struct list_node doomed = LIST_INIT(doomed);
	struct path source, place, old_place = { NULL, NULL };
	int error = lock_source_and_place(request, where, &source, &place);

	if (error < 0)
		return error;
	error = check_move(source.mount, &source, &place);
	if (error == 0) {
		mount_move(source.mount, place.mount, place.inode, &old_place);
		mount_propagate_attach(source.mount, place.mount, place.inode, &doomed);
	}
	unlock_source_and_place(&source, &place, &doomed);
	path_put(&old_place);
	return error;
}

/*
 * R9.3: a proc instance in a namespace owned by another than the initial user namespace only
 * while the namespace shows a whole proc already, with the same locked ro and atime state and
 * nothing locked over it but on empty directories. *locks: what the new mount inherits.
 */
static int check_proc_visible(unsigned int mount_flags, unsigned int *locks)
{
	struct mount_namespace *ns = current_mount_ns();
	struct mount *mount, *child;
	int error = userns_refuse(NULL, RULE_R9_3_TOO_REVEALING, 0,
				  "no fully visible proc in this mount namespace", EPERM);

	if (ns->ns.owner == &init_user_ns)
		return 0;
	vfs_lock();
	list_for_each_entry(mount, &ns->mounts, node) {
		if (mount->super_block->magic != PROC_SUPER_MAGIC || mount->root->parent)
			continue;	/* not proc, or only a part of it */
		if ((mount->locks & MOUNT_LOCK_READONLY) && !(mount_flags & MS_RDONLY))
			continue;
		if ((mount->locks & MOUNT_LOCK_ATIME) &&
		    (mount->flags & MOUNT_ATIME_FLAGS) != (mount_flags & MOUNT_ATIME_FLAGS))
			continue;
		bool hidden = false;

		list_for_each_entry(child, &mount->children, sibling) {
			struct inode *covered = child->mountpoint;

			if ((child->locks & MOUNT_LOCKED) &&
			    !(S_ISDIR(covered->mode) && covered->operations->is_empty &&
			      covered->operations->is_empty(covered)))
				hidden = true;
		}
		if (hidden)
			continue;
		*locks = mount->locks & (MOUNT_LOCK_READONLY | MOUNT_LOCK_ATIME);
		error = 0;
		break;
	}
	vfs_unlock();
	return error;
}

/* A new instance: tmpfs and ramfs for the mounter's namespace, proc for its pid ns (R9.2). */
static int new_mount(const struct path *where, const struct mount_request *request)
{
	bool proc = strcmp(request->type, "proc") == 0;
	struct user_namespace *owner = proc ? current_pid_ns()->ns.owner : current_user_ns();
	unsigned int locks = 0;
	int error;

	if (!request->type[0])
		return -EINVAL;
	if (!proc && strcmp(request->type, "tmpfs") != 0 && strcmp(request->type, "ramfs") != 0)
		return -ENODEV;
	if (!ns_capable(owner, CAP_SYS_ADMIN))
		return userns_refuse(NULL, RULE_R9_2_NEW_INSTANCE, 0,
				     proc ? "proc needs CAP_SYS_ADMIN over the pid ns's owner"
					  : "a new instance needs CAP_SYS_ADMIN in one's user ns",
				     EPERM);
	if (proc) {
		error = check_proc_visible(request->mount_flags, &locks);
		if (error < 0)
			return error;
	}
	return mount_new_instance(where, request->type, request->source, request->mount_flags,
				  locks);
}

/* Linux's path_mount: which operation the flags ask for. */
static int mount_at(const struct path *where, struct mount_request *request)
{
	unsigned long flags = request->flags;
	int error;

	if (flags & MS_NOUSER)
		return -EINVAL;
	error = mount_may_mount(NULL);
	if (error < 0)
		return error;
	request->mount_flags = mount_flags_requested(flags, where->mount);
	if ((flags & (MS_REMOUNT | MS_BIND)) == (MS_REMOUNT | MS_BIND))
		return reconfigure_mount(where, request);
	if (flags & MS_REMOUNT)
		return remount(where, request);
	if (flags & MS_BIND)
		return bind_mount(where, request);
	if (flags & PROPAGATION_FLAGS)
		return change_propagation(where, request);
	if (flags & MS_MOVE)
		return move_mount(where, request);
	return new_mount(where, request);
}

long sys_mount(const char __user *source, const char __user *target,
	       const char __user *user_type, unsigned long flags, const void __user *data)
{
	struct mount_request request = { .flags = flags };
	struct path where;
	long error = 0;

	(void)data;	/* size=, mode=... options: not in kuid */
	if ((request.flags & MS_MGC_MSK) == MS_MGC_VAL)
		request.flags &= ~(unsigned long)MS_MGC_MSK;
	if (user_type) {
		error = copy_string_from_user(request.type, user_type, sizeof(request.type));
		if (error == -ENAMETOOLONG)
			error = -ENODEV;	/* no type has so long a name */
		else if (error > 0)
			error = 0;		/* its length */
	}
	if (error == 0 && source)
		error = path_from_user(source, &request.source);
	if (error == 0)
		error = user_path_lookup(AT_FDCWD, target, LOOKUP_FOLLOW, &where);
	if (error == 0) {
		error = mount_at(&where, &request);
		path_put(&where);
	}
	kfree(request.source);
	return error;
}
