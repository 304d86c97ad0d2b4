/*
 * sys_names.c: the calls that add, remove and move names: unlink, rename,
 * link, symlink, mknod, and readlink to read a link's text. The checks on
 * the directories and the files are vfs_* (name_operations.c); here are the
 * path rules: what "." and ".." and trailing slashes mean for each call.
 */
#include <kuid/cred.h>
#include <kuid/fs_syscalls.h>
#include <kuid/heap.h>
#include <kuid/userns_rules.h>
#include <uapi/capability.h>
#include <uapi/errno.h>
#include <uapi/fcntl.h>
#include <uapi/stat.h>

#include "fs_syscall_helpers.h"

long sys_unlinkat(int dirfd, const char __user *path, int flags)
{
	struct lookup_result result;
	long error;

	if (flags & ~AT_REMOVEDIR)
		return -EINVAL;
	if (flags & AT_REMOVEDIR)
		return fs_remove_directory(dirfd, path);
	error = user_path_walk(dirfd, path, 0, &result);
	if (error < 0)
		return error;
	error = result.last == LAST_NORMAL ? vfs_unlink(&result.parent, result.name, false) :
					     -EISDIR;
	lookup_result_release(&result);
	return error;
}

long sys_unlink(const char __user *path)
{
	return sys_unlinkat(AT_FDCWD, path, 0);
}

long sys_renameat2(int old_dirfd, const char __user *old_path, int new_dirfd,
		   const char __user *new_path, unsigned int flags)
{
	struct lookup_result old_result, new_result;
	long error;

	if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE | RENAME_WHITEOUT))
		return -EINVAL;
	if ((flags & RENAME_EXCHANGE) && (flags & (RENAME_NOREPLACE | RENAME_WHITEOUT)))
		return -EINVAL;
	error = user_path_walk(old_dirfd, old_path, 0, &old_result);
	if (error < 0)
		return error;
	error = user_path_walk(new_dirfd, new_path, LOOKUP_MAY_BE_MISSING, &new_result);
	if (error < 0) {
		lookup_result_release(&old_result);
		return error;
	}
	if (old_result.last != LAST_NORMAL || new_result.last != LAST_NORMAL)
		error = -EBUSY;
	else if (new_result.trailing_slash && !S_ISDIR(old_result.found.inode->mode))
		error = -ENOTDIR;
	else
		error = vfs_rename(&old_result.parent, old_result.name, &new_result.parent,
				   new_result.name, flags);
	lookup_result_release(&new_result);
	lookup_result_release(&old_result);
	return error;
}

long sys_renameat(int old_dirfd, const char __user *old_path, int new_dirfd,
		  const char __user *new_path)
{
	return sys_renameat2(old_dirfd, old_path, new_dirfd, new_path, 0);
}

long sys_rename(const char __user *old_path, const char __user *new_path)
{
	return sys_renameat2(AT_FDCWD, old_path, AT_FDCWD, new_path, 0);
}

/*
 * Where a new non-directory name goes: the parent and name of a path that
 * must not exist yet (-EEXIST), with no trailing slash (-ENOENT: only
 * directories may be named with one).
 */
static long new_name_place(int dirfd, const char __user *path, struct lookup_result *result)
{
	long error = user_path_walk(dirfd, path, LOOKUP_MAY_BE_MISSING, result);

	if (error < 0)
		return error;
	if (result->found.inode || result->last != LAST_NORMAL)
		error = -EEXIST;
	else if (result->trailing_slash)
		error = -ENOENT;
	if (error < 0)
		lookup_result_release(result);
	return error;
}

long sys_linkat(int old_dirfd, const char __user *old_path, int new_dirfd,
		const char __user *new_path, int flags)
{
	unsigned int lookup_flags = 0;
	struct lookup_result new_result;
	struct path target;
	long error;

	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (flags & AT_SYMLINK_FOLLOW)
		lookup_flags |= LOOKUP_FOLLOW;
	/* Linking an open file by its descriptor is for the privileged only. */
	if (flags & AT_EMPTY_PATH) {
		if (!capable(CAP_DAC_READ_SEARCH))
			return -ENOENT;
		lookup_flags |= LOOKUP_EMPTY;
	}
	error = user_path_lookup(old_dirfd, old_path, lookup_flags, &target);
	if (error < 0)
		return error;
	error = new_name_place(new_dirfd, new_path, &new_result);
	if (error == 0) {
		error = target.mount ? vfs_link(&new_result.parent, new_result.name, &target) :
				       -EXDEV;
		lookup_result_release(&new_result);
	}
	path_put(&target);
	return error;
}

long sys_link(const char __user *old_path, const char __user *new_path)
{
	return sys_linkat(AT_FDCWD, old_path, AT_FDCWD, new_path, 0);
}

long sys_symlinkat(const char __user *user_target, int new_dirfd, const char __user *link_path)
{
	struct lookup_result result;
	struct inode *created;
	char *target;
	long error;

	error = path_from_user(user_target, &target);
	if (error < 0)
		return error;
	if (target[0] == '\0') {
		kfree(target);
		return -ENOENT;
	}
	error = new_name_place(new_dirfd, link_path, &result);
	if (error == 0) {
		error = vfs_create(&result.parent, result.name, S_IFLNK | 0777, NO_DEVICE, target,
				   &created);
		if (error == 0)
			inode_put(created);
		lookup_result_release(&result);
	}
	kfree(target);
	return error;
}

long sys_symlink(const char __user *target, const char __user *link_path)
{
	return sys_symlinkat(target, AT_FDCWD, link_path);
}

long sys_readlinkat(int dirfd, const char __user *path, char __user *buffer, int size)
{
	struct path found;
	char *text;
	ssize_t length;
	long error;

	if (size <= 0)
		return -EINVAL;
	/* An empty path reads the link open as dirfd (O_PATH | O_NOFOLLOW). */
	error = user_path_lookup(dirfd, path, LOOKUP_EMPTY, &found);
	if (error < 0)
		return error;
	text = kmalloc(PATH_MAX);
	if (!text) {
		error = -ENOMEM;
		goto out;
	}
	length = vfs_readlink(found.inode, text, MIN((size_t)size, (size_t)PATH_MAX));
	if (length >= 0 && copy_to_user(buffer, text, (size_t)length) < 0)
		length = -EFAULT;
	error = length;
	kfree(text);
out:
	path_put(&found);
	return error;
}

long sys_readlink(const char __user *path, char __user *buffer, int size)
{
	return sys_readlinkat(AT_FDCWD, path, buffer, size);
}

long sys_mknodat(int dirfd, const char __user *path, uint32_t mode, unsigned int device)
{
	struct lookup_result result;
	struct inode *created;
	uint32_t type = mode & S_IFMT;
	long error;

	if (type == 0)
		type = S_IFREG;
	if (type == S_IFDIR)
		return -EPERM;
	if (type != S_IFREG && type != S_IFCHR && type != S_IFBLK && type != S_IFIFO &&
	    type != S_IFSOCK)
		return -EINVAL;
	error = new_name_place(dirfd, path, &result);
	if (error < 0)
		return error;
	/*
	 * Device nodes open hardware: only for those trusted with it, which means
	 * CAP_MKNOD in the initial namespace; a container root never is (R7.7, R4.11).
	 */
	if ((type == S_IFCHR || type == S_IFBLK) && !capable(CAP_MKNOD)) {
		error = userns_refuse(NULL, RULE_R7_7_DEVICE_NODES, 0,
				      "mknod of a device needs CAP_MKNOD in the initial namespace",
				      EPERM);
	} else {
		mode = type | (mode & 07777 & ~current_fs()->umask);
		error = vfs_create(&result.parent, result.name, mode, device_number_decode(device),
				   NULL, &created);
		if (error == 0)
			inode_put(created);
	}
	lookup_result_release(&result);
	return error;
}

long sys_mknod(const char __user *path, uint32_t mode, unsigned int device)
{
	return sys_mknodat(AT_FDCWD, path, mode, device);
}
