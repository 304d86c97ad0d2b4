/*
 * sys_directory.c: reading directories (getdents64), making and removing
 * them, and the process's two places: its current directory (chdir, fchdir,
 * getcwd) and its root (chroot).
 */
#include <kuid/capability.h>
#include <kuid/cred.h>
#include <kuid/fs_syscalls.h>
#include <kuid/heap.h>
#include <kuid/string.h>
#include <kuid/user_namespace.h>
#include <uapi/capability.h>
#include <uapi/dirent.h>
#include <uapi/errno.h>
#include <uapi/fcntl.h>
#include <uapi/stat.h>

#include "fs_syscall_helpers.h"

#define GETDENTS_BUFFER_MAX (64 * 1024)

/* Records packed into a kernel buffer, later copied out whole. */
struct dirent_buffer {
	uint8_t *bytes;
	size_t size;
	size_t used;
	bool full;		/* a record did not fit */
};

static bool emit_dirent(void *context, const struct directory_entry_info *entry)
{
	struct dirent_buffer *buffer = context;
	size_t length = ALIGN_UP(offsetof(struct linux_dirent64, d_name) + entry->name_length + 1,
				 (size_t)8);
	struct linux_dirent64 *record;

	if (length > buffer->size - buffer->used) {
		buffer->full = true;
		return false;
	}
	record = (struct linux_dirent64 *)(buffer->bytes + buffer->used);
	memset(record, 0, length);
	record->d_ino = entry->inode_number;
	record->d_off = (int64_t)entry->next_position;
	record->d_reclen = (uint16_t)length;
	record->d_type = entry->type;
	memcpy(record->d_name, entry->name, entry->name_length);
	buffer->used += length;
	return true;
}

long sys_getdents64(int fd, void __user *user_buffer, unsigned int count)
{
	struct file *file = open_file_from_fd(fd);
	struct dirent_buffer buffer = { 0 };
	long result;

	if (!file)
		return -EBADF;
	if (!file->operations->iterate) {
		result = -ENOTDIR;
		goto out;
	}
	buffer.size = MIN((size_t)count, (size_t)GETDENTS_BUFFER_MAX);
	buffer.bytes = kmalloc(MAX(buffer.size, (size_t)1));
	if (!buffer.bytes) {
		result = -ENOMEM;
		goto out;
	}
	result = file->operations->iterate(file, emit_dirent, &buffer);
	if (result == 0) {
		/* Not even one record fitted: the buffer is too small. */
		if (buffer.used == 0 && buffer.full)
			result = -EINVAL;
		if (buffer.used > 0)
			result = copy_to_user(user_buffer, buffer.bytes, buffer.used) < 0 ?
					 -EFAULT :
					 (long)buffer.used;
	}
	kfree(buffer.bytes);
out:
	file_put(file);
	return result;
}

long sys_mkdirat(int dirfd, const char __user *path, uint32_t mode)
{
	struct lookup_result result;
	struct inode *created;
	long error = user_path_walk(dirfd, path, LOOKUP_MAY_BE_MISSING, &result);

	if (error < 0)
		return error;
	if (result.found.inode) {
		error = -EEXIST;
	} else {
		/* Permission and sticky bits, less the umask; set-id bits come from the parent. */
		mode &= (S_IRWXU | S_IRWXG | S_IRWXO | S_ISVTX) & ~current_fs()->umask;
		error = vfs_create(&result.parent, result.name, S_IFDIR | mode, NO_DEVICE, NULL,
				   &created);
		if (error == 0)
			inode_put(created);
	}
	lookup_result_release(&result);
	return error;
}

long sys_mkdir(const char __user *path, uint32_t mode)
{
	return sys_mkdirat(AT_FDCWD, path, mode);
}

long fs_remove_directory(int dirfd, const char __user *path)
{
	struct lookup_result result;
	long error = user_path_walk(dirfd, path, 0, &result);

	if (error < 0)
		return error;
	switch (result.last) {
	case LAST_DOT:
		error = -EINVAL;
		break;
	case LAST_DOTDOT:
		error = -ENOTEMPTY;
		break;
	case LAST_ROOT:
		error = -EBUSY;
		break;
	case LAST_NORMAL:
		error = vfs_unlink(&result.parent, result.name, true);
		break;
	}
	lookup_result_release(&result);
	return error;
}

long sys_rmdir(const char __user *path)
{
	return fs_remove_directory(AT_FDCWD, path);
}

/* Make `place` the cwd (or the root): it must be a directory we may search. */
static long enter_directory(const struct path *place, bool as_root)
{
	long error;

	if (!S_ISDIR(place->inode->mode))
		return -ENOTDIR;
	error = inode_permission(place->inode, MAY_EXEC);
	if (error < 0)
		return error;
	if (as_root) {
		/* R9.7: CAP_SYS_CHROOT in the caller's own namespace: a container root may chroot. */
		if (!ns_capable(current_user_ns(), CAP_SYS_CHROOT))
			return userns_refuse(NULL, RULE_R9_7_CHROOT, 0,
					     "chroot without CAP_SYS_CHROOT in one's namespace",
					     EPERM);
		fs_context_set_root(current_fs(), place);
	} else {
		fs_context_set_cwd(current_fs(), place);
	}
	return 0;
}

long sys_chdir(const char __user *path)
{
	struct path found;
	long error = user_path_lookup(AT_FDCWD, path, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &found);

	if (error < 0)
		return error;
	error = enter_directory(&found, false);
	path_put(&found);
	return error;
}

long sys_fchdir(int fd)
{
	struct file *file = file_from_fd(fd);
	long error;

	if (!file)
		return -EBADF;
	error = file->path.mount ? enter_directory(&file->path, false) : -ENOTDIR;
	file_put(file);
	return error;
}

long sys_chroot(const char __user *path)
{
	struct path found;
	long error = user_path_lookup(AT_FDCWD, path, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &found);

	if (error < 0)
		return error;
	error = enter_directory(&found, true);
	path_put(&found);
	return error;
}

long sys_getcwd(char __user *user_buffer, size_t size)
{
	struct fs_context *fs = current_fs();
	struct path root, cwd;
	char *buffer = kmalloc(PATH_MAX);
	size_t length;
	long error;

	if (!buffer)
		return -ENOMEM;
	fs_context_get_root(fs, &root);
	fs_context_get_cwd(fs, &cwd);
	error = path_to_string(&root, &cwd, buffer, PATH_MAX, &length);
	if (error == 0 && length + 1 > size)
		error = -ERANGE;
	if (error == 0)
		error = copy_to_user(user_buffer, buffer, length + 1) < 0 ? -EFAULT :
									 (long)(length + 1);
	path_put(&cwd);
	path_put(&root);
	kfree(buffer);
	return error;
}
