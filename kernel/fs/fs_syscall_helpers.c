/*
 * fs_syscall_helpers.c: the shared prologue of the file system calls (see
 * fs_syscall_helpers.h).
 */
#include <kuid/cred.h>
#include <kuid/heap.h>
#include <kuid/task.h>
#include <uapi/resource.h>
#include <uapi/errno.h>
#include <uapi/fcntl.h>

#include "fs_syscall_helpers.h"

/*
 * Most paths are short: try a small buffer first, a heap object of one of its
 * size classes, and only a path that does not fit gets a PATH_MAX buffer and
 * is copied again. A PATH_MAX object takes pages of its own from page_alloc,
 * which was a fair part of every open and stat (docs/benchmarks.md).
 */
#define SHORT_PATH_SIZE 256

int path_from_user(const char __user *user_path, char **path)
{
	size_t size = SHORT_PATH_SIZE;
	long length;

	for (;;) {
		char *copy = kmalloc(size);

		*path = NULL;
		if (!copy)
			return -ENOMEM;
		length = copy_string_from_user(copy, user_path, size);
		if (length >= 0) {
			*path = copy;
			return 0;
		}
		kfree(copy);
		if (length != -ENAMETOOLONG || size == PATH_MAX)
			return (int)length;
		size = PATH_MAX;
	}
}

struct file *file_from_fd(int fd)
{
	struct files_table *files = current_files();

	return files ? files_table_get_file(files, fd) : NULL;
}

struct file *open_file_from_fd(int fd)
{
	struct file *file = file_from_fd(fd);

	if (file && (file->flags & O_PATH)) {
		file_put(file);
		return NULL;
	}
	return file;
}

unsigned int lookup_flags_from_at(int at_flags)
{
	unsigned int flags = LOOKUP_FOLLOW;

	if (at_flags & AT_SYMLINK_NOFOLLOW)
		flags &= ~LOOKUP_FOLLOW;
	if (at_flags & AT_EMPTY_PATH)
		flags |= LOOKUP_EMPTY;
	return flags;
}

int fd_limit(void)
{
	struct task *task = current_task();
	uint64_t limit = FD_MAX;

	if (task && task->process)
		limit = MIN(limit, task->process->limits[RLIMIT_NOFILE].rlim_cur);
	return (int)limit;
}

int install_fd(struct file *file, int minimum, bool close_on_exec)
{
	return files_table_install_below(current_files(), file, minimum, fd_limit(),
					 close_on_exec);
}

int at_start(int dirfd, const char *path, struct path *start)
{
	struct fs_context *fs = current_fs();
	struct file *file;

	if (path[0] == '/' || dirfd == AT_FDCWD) {
		fs_context_get_cwd(fs, start);
		return 0;
	}
	file = file_from_fd(dirfd);
	if (!file)
		return -EBADF;
	if (file->path.mount) {
		*start = file->path;
		path_get(start);
	} else {
		/* A pipe has no place: only AT_EMPTY_PATH can use it (fstat on a pipe). */
		*start = (struct path){ NULL, file->inode };
		inode_get(file->inode);
	}
	file_put(file);
	return 0;
}

int user_path_walk(int dirfd, const char __user *user_path, unsigned int flags,
		   struct lookup_result *result)
{
	struct path start;
	char *path;
	int error;

	error = path_from_user(user_path, &path);
	if (error < 0)
		return error;
	error = at_start(dirfd, path, &start);
	if (error == 0) {
		if (!start.mount && path[0] != '\0')
			error = -ENOTDIR;	/* a pipe as the directory of a relative path */
		else
			error = path_walk(current_fs(), &start, path, flags, result);
		path_put(&start);
	}
	kfree(path);
	return error;
}

int user_path_lookup(int dirfd, const char __user *user_path, unsigned int flags,
		     struct path *found)
{
	struct lookup_result result;
	int error = user_path_walk(dirfd, user_path, flags & ~LOOKUP_MAY_BE_MISSING, &result);

	if (error < 0)
		return error;
	*found = result.found;
	result.found = (struct path){ NULL, NULL };
	lookup_result_release(&result);
	return 0;
}

/*
 * File owners cross the user boundary like every other id (R7.1, R7.4): in
 * the caller's user namespace, through kernel/cred/id_syscalls.c.
 */
kuid_t fs_kuid_from_user(uid_t uid)
{
	return uid_from_user(uid);
}

kgid_t fs_kgid_from_user(gid_t gid)
{
	return gid_from_user(gid);
}

uid_t fs_kuid_to_user(kuid_t uid)
{
	return uid_to_user(uid);
}

gid_t fs_kgid_to_user(kgid_t gid)
{
	return gid_to_user(gid);
}
