/*
 * sys_open.c: open, openat, creat and close. The work is vfs_open (file.c);
 * here are the flag checks and the new descriptor.
 */
#include <kuid/fs_syscalls.h>
#include <kuid/heap.h>
#include <uapi/errno.h>
#include <uapi/fcntl.h>

#include "fs_syscall_helpers.h"

/* Every flag open(2) knows; others are ignored, as Linux does for open (not openat2). */
#define OPEN_KNOWN_FLAGS                                                                  \
	(O_ACCMODE | O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_APPEND | O_NONBLOCK |       \
	 O_DSYNC | FASYNC | O_DIRECT | O_LARGEFILE | O_DIRECTORY | O_NOFOLLOW | O_NOATIME | \
	 O_CLOEXEC | O_SYNC | O_PATH | O_TMPFILE)

long sys_openat(int dirfd, const char __user *user_path, int flags, uint32_t mode)
{
	unsigned int open_flags = (unsigned int)flags & OPEN_KNOWN_FLAGS;
	struct file *file = NULL;
	struct path start;
	char *path;
	long result;

	/*
	 * O_TMPFILE: Linux checks the flags first (it needs O_DIRECTORY and write
	 * access), then asks the file system, and kuid's have no O_TMPFILE.
	 * O_CREAT with O_DIRECTORY is refused since Linux 6.4.
	 */
	if (open_flags & __O_TMPFILE)
		return (open_flags & O_DIRECTORY) && (open_flags & O_ACCMODE) != O_RDONLY ?
			       -EOPNOTSUPP :
			       -EINVAL;
	if ((open_flags & O_CREAT) && (open_flags & O_DIRECTORY))
		return -EINVAL;
	if (open_flags & O_PATH)
		open_flags &= O_PATH | O_CLOEXEC | O_DIRECTORY | O_NOFOLLOW;

	result = path_from_user(user_path, &path);
	if (result < 0)
		return result;
	result = at_start(dirfd, path, &start);
	if (result == 0) {
		if (start.mount)
			result = vfs_open(current_fs(), &start, path, open_flags, mode, &file);
		else
			result = -ENOTDIR;	/* a pipe as the directory */
		path_put(&start);
	}
	kfree(path);
	if (result < 0)
		return result;

	result = install_fd(file, 0, open_flags & O_CLOEXEC);
	if (result < 0)
		file_put(file);
	return result;
}

long sys_open(const char __user *path, int flags, uint32_t mode)
{
	return sys_openat(AT_FDCWD, path, flags, mode);
}

long sys_creat(const char __user *path, uint32_t mode)
{
	return sys_openat(AT_FDCWD, path, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

long sys_close(int fd)
{
	return files_table_close(current_files(), fd);
}
