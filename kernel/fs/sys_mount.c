/*
 * sys_mount.c: mount(2) of a new tmpfs or ramfs instance on a directory, and
 * umount2(2). Other file systems, bind mounts, moves, remounts and
 * propagation are not in kuid yet (-ENODEV or -EINVAL).
 */
#include <kuid/capability.h>
#include <kuid/cred.h>
#include <kuid/fs_syscalls.h>
#include <kuid/heap.h>
#include <kuid/string.h>
#include <kuid/user_namespace.h>
#include <uapi/capability.h>
#include <uapi/errno.h>
#include <uapi/fcntl.h>
#include <uapi/mount.h>

#include "fs_syscall_helpers.h"

#define FS_TYPE_NAME_MAX 32
/* Per-mount flags a new mount keeps. */
#define MOUNT_KEPT_FLAGS (MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC)
/* Flags kuid takes and ignores: they change nothing for a RAM file system. */
#define MOUNT_IGNORED_FLAGS                                                              \
	(MS_SYNCHRONOUS | MS_MANDLOCK | MS_DIRSYNC | MS_NOATIME | MS_NODIRATIME | MS_SILENT | \
	 MS_RELATIME | MS_STRICTATIME | MS_LAZYTIME | MS_NOSYMFOLLOW)

/*
 * Who may make a new instance: CAP_SYS_ADMIN over the initial namespace; for proc, for now,
 * over the caller's own (R9.2 and R9.3 will name the pid namespace's owner and what is visible).
 */
static bool may_mount_type(const char *type)
{
	if (strcmp(type, "proc") == 0)
		return ns_capable(current_user_ns(), CAP_SYS_ADMIN);
	return capable(CAP_SYS_ADMIN);
}

long sys_mount(const char __user *source, const char __user *target,
	       const char __user *user_type, unsigned long flags, const void __user *data)
{
	char type[FS_TYPE_NAME_MAX];
	struct path where;
	long error;

	(void)source;	/* tmpfs has no device: the source is only a name for the table */
	(void)data;	/* size=, mode=... options: not yet */
	if ((flags & MS_MGC_MSK) == MS_MGC_VAL)
		flags &= ~MS_MGC_MSK;
	if (flags & ~(unsigned long)(MOUNT_KEPT_FLAGS | MOUNT_IGNORED_FLAGS))
		return -EINVAL;		/* bind, move, remount, propagation */
	if (!user_type)
		return -EINVAL;
	error = copy_string_from_user(type, user_type, sizeof(type));
	if (error < 0)
		return error == -ENAMETOOLONG ? -ENODEV : error;
	if (!may_mount_type(type))
		return -EPERM;
	error = user_path_lookup(AT_FDCWD, target, LOOKUP_FOLLOW, &where);
	if (error < 0)
		return error;
	error = vfs_mount_at(&where, type, (unsigned int)flags & MOUNT_KEPT_FLAGS);
	path_put(&where);
	return error;
}

long sys_umount2(const char __user *target, int flags)
{
	unsigned int lookup_flags = LOOKUP_FOLLOW;
	struct path where;
	long error;

	if (flags & ~(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW))
		return -EINVAL;
	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (flags & UMOUNT_NOFOLLOW)
		lookup_flags &= ~LOOKUP_FOLLOW;
	error = user_path_lookup(AT_FDCWD, target, lookup_flags, &where);
	if (error < 0)
		return error;
	error = vfs_unmount(&where);
	path_put(&where);
	return error;
}
