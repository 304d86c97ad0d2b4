/*
 * sys_descriptors.c: the calls about descriptors rather than files: dup and
 * its kin, fcntl, the generic part of ioctl, pipe, and sync (which has
 * nothing to do: every file kuid has lives in memory already).
 */
#include <kuid/fs_syscalls.h>
#include <uapi/errno.h>
#include <uapi/fcntl.h>
#include <uapi/termios.h>

#include "fs_syscall_helpers.h"

long sys_dup(int fd)
{
	struct file *file = file_from_fd(fd);
	long result;

	if (!file)
		return -EBADF;
	result = install_fd(file, 0, false);
	if (result < 0)
		file_put(file);
	return result;
}

static long duplicate_to(int old_fd, int new_fd, bool close_on_exec)
{
	struct file *file = file_from_fd(old_fd);
	long result;

	if (!file)
		return -EBADF;
	if (new_fd < 0 || new_fd >= fd_limit()) {
		file_put(file);
		return -EBADF;
	}
	result = files_table_install_at(current_files(), file, new_fd, close_on_exec);
	if (result < 0)
		file_put(file);
	return result;
}

long sys_dup2(int old_fd, int new_fd)
{
	/* dup2(fd, fd) only checks that fd is open. */
	if (old_fd == new_fd) {
		struct file *file = file_from_fd(old_fd);

		if (!file)
			return -EBADF;
		file_put(file);
		return new_fd;
	}
	return duplicate_to(old_fd, new_fd, false);
}

long sys_dup3(int old_fd, int new_fd, int flags)
{
	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (old_fd == new_fd)
		return -EINVAL;
	return duplicate_to(old_fd, new_fd, flags & O_CLOEXEC);
}

static long duplicate_from(struct file *file, unsigned long minimum, bool close_on_exec)
{
	long result;

	if (minimum >= (unsigned long)fd_limit())
		return -EINVAL;
	file_get(file);
	result = install_fd(file, (int)minimum, close_on_exec);
	if (result < 0)
		file_put(file);
	return result;
}

long sys_fcntl(int fd, int command, unsigned long argument)
{
	struct files_table *files = current_files();
	struct file *file = file_from_fd(fd);
	long result;

	if (!file)
		return -EBADF;
	switch (command) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		result = duplicate_from(file, argument, command == F_DUPFD_CLOEXEC);
		break;
	case F_GETFD:
		result = files_table_get_close_on_exec(files, fd) > 0 ? FD_CLOEXEC : 0;
		break;
	case F_SETFD:
		result = files_table_set_close_on_exec(files, fd, argument & FD_CLOEXEC);
		break;
	case F_GETFL:
		result = file->flags;
		break;
	case F_SETFL:
		if (file->flags & O_PATH) {
			result = -EBADF;
			break;
		}
		/* Only these can change; the access mode and the rest stay as opened. */
		__atomic_store_n(&file->flags,
				 (file->flags & ~FILE_STATUS_SETTABLE_FLAGS) |
					 ((unsigned int)argument & FILE_STATUS_SETTABLE_FLAGS),
				 __ATOMIC_RELAXED);
		result = 0;
		break;
	case F_GETPIPE_SZ:
		result = file_is_pipe(file) ? PIPE_CAPACITY : -EBADF;
		break;
	default:
		result = (file->flags & O_PATH) ? -EBADF : -EINVAL;
		break;
	}
	file_put(file);
	return result;
}

static long set_nonblocking(struct file *file, const int __user *user_value)
{
	int value;

	if (copy_from_user(&value, user_value, sizeof(value)) < 0)
		return -EFAULT;
	if (value)
		__atomic_or_fetch(&file->flags, O_NONBLOCK, __ATOMIC_RELAXED);
	else
		__atomic_and_fetch(&file->flags, ~(unsigned int)O_NONBLOCK, __ATOMIC_RELAXED);
	return 0;
}

long sys_ioctl(int fd, unsigned int request, unsigned long argument)
{
	struct file *file = open_file_from_fd(fd);
	long result;

	if (!file)
		return -EBADF;
	/* Requests about the descriptor or the open file, whatever it is. */
	switch (request) {
	case FIOCLEX:
	case FIONCLEX:
		result = files_table_set_close_on_exec(current_files(), fd, request == FIOCLEX);
		break;
	case FIONBIO:
		result = set_nonblocking(file, (const int __user *)argument);
		break;
	default:
		result = file->operations->ioctl ?
				 file->operations->ioctl(file, request, argument) :
				 -ENOTTY;
		break;
	}
	file_put(file);
	return result;
}

long sys_pipe2(int __user *user_fds, int flags)
{
	struct files_table *files = current_files();
	struct file *read_end, *write_end;
	int fds[2];
	long error;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK | O_DIRECT))
		return -EINVAL;
	error = pipe_create((unsigned int)flags & O_NONBLOCK, &read_end, &write_end);
	if (error < 0)
		return error;
	fds[0] = install_fd(read_end, 0, flags & O_CLOEXEC);
	if (fds[0] < 0) {
		file_put(read_end);
		file_put(write_end);
		return fds[0];
	}
	fds[1] = install_fd(write_end, 0, flags & O_CLOEXEC);
	if (fds[1] < 0) {
		files_table_close(files, fds[0]);
		file_put(write_end);
		return fds[1];
	}
	if (copy_to_user(user_fds, fds, sizeof(fds)) < 0) {
		files_table_close(files, fds[0]);
		files_table_close(files, fds[1]);
		return -EFAULT;
	}
	return 0;
}

long sys_pipe(int __user *fds)
{
	return sys_pipe2(fds, 0);
}

long sys_sync(void)
{
	return 0;
}
