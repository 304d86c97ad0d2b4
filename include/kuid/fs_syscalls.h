/*
 * fs_syscalls.h: the file system calls (kernel/fs/sys_*.c), with the
 * arguments Linux gives them. The lines in kernel/syscall/syscall_list.h
 * connect their numbers to these handlers. Each returns a value or a
 * negative errno.
 */
#ifndef KUID_FS_SYSCALLS_H
#define KUID_FS_SYSCALLS_H

#include <kuid/types.h>
#include <kuid/uidgid.h>
#include <kuid/user_memory.h>
#include <uapi/poll.h>
#include <uapi/signal.h>

struct iovec;
struct pollfd;
struct pselect_mask_argument;
struct timeval;
struct stat;
struct statx;
struct statfs;
struct timespec;

/* Reading and writing: sys_read_write.c */
long sys_read(int fd, void __user *buffer, size_t count);
long sys_write(int fd, const void __user *buffer, size_t count);
long sys_readv(int fd, const struct iovec __user *vectors, int count);
long sys_writev(int fd, const struct iovec __user *vectors, int count);
long sys_pread64(int fd, void __user *buffer, size_t count, int64_t offset);
long sys_pwrite64(int fd, const void __user *buffer, size_t count, int64_t offset);
long sys_lseek(int fd, int64_t offset, int whence);
long sys_sendfile(int out_fd, int in_fd, int64_t __user *offset, size_t count);

/* Opening and closing: sys_open.c */
long sys_open(const char __user *path, int flags, uint32_t mode);
long sys_openat(int dirfd, const char __user *path, int flags, uint32_t mode);
long sys_creat(const char __user *path, uint32_t mode);
long sys_close(int fd);

/* Attributes: sys_stat.c */
long sys_stat(const char __user *path, struct stat __user *buffer);
long sys_lstat(const char __user *path, struct stat __user *buffer);
long sys_fstat(int fd, struct stat __user *buffer);
long sys_newfstatat(int dirfd, const char __user *path, struct stat __user *buffer, int flags);
long sys_statx(int dirfd, const char __user *path, int flags, unsigned int mask,
	       struct statx __user *buffer);
long sys_statfs(const char __user *path, struct statfs __user *buffer);
long sys_fstatfs(int fd, struct statfs __user *buffer);

/* Directories and the process's places: sys_directory.c */
long sys_getdents64(int fd, void __user *buffer, unsigned int count);
long sys_mkdir(const char __user *path, uint32_t mode);
long sys_mkdirat(int dirfd, const char __user *path, uint32_t mode);
long sys_rmdir(const char __user *path);
long sys_chdir(const char __user *path);
long sys_fchdir(int fd);
long sys_getcwd(char __user *buffer, size_t size);
long sys_chroot(const char __user *path);

/* Names: sys_names.c */
long sys_unlink(const char __user *path);
long sys_unlinkat(int dirfd, const char __user *path, int flags);
long sys_rename(const char __user *old_path, const char __user *new_path);
long sys_renameat(int old_dirfd, const char __user *old_path, int new_dirfd,
		  const char __user *new_path);
long sys_renameat2(int old_dirfd, const char __user *old_path, int new_dirfd,
		   const char __user *new_path, unsigned int flags);
long sys_link(const char __user *old_path, const char __user *new_path);
long sys_linkat(int old_dirfd, const char __user *old_path, int new_dirfd,
		const char __user *new_path, int flags);
long sys_symlink(const char __user *target, const char __user *link_path);
long sys_symlinkat(const char __user *target, int new_dirfd, const char __user *link_path);
long sys_readlink(const char __user *path, char __user *buffer, int size);
long sys_readlinkat(int dirfd, const char __user *path, char __user *buffer, int size);
long sys_mknod(const char __user *path, uint32_t mode, unsigned int device);
long sys_mknodat(int dirfd, const char __user *path, uint32_t mode, unsigned int device);

/* Modes, owners, access, sizes, times: sys_attributes.c */
long sys_chmod(const char __user *path, uint32_t mode);
long sys_fchmod(int fd, uint32_t mode);
long sys_fchmodat(int dirfd, const char __user *path, uint32_t mode);
long sys_chown(const char __user *path, uid_t uid, gid_t gid);
long sys_lchown(const char __user *path, uid_t uid, gid_t gid);
long sys_fchown(int fd, uid_t uid, gid_t gid);
long sys_fchownat(int dirfd, const char __user *path, uid_t uid, gid_t gid, int flags);
long sys_access(const char __user *path, int mode);
long sys_faccessat(int dirfd, const char __user *path, int mode);
long sys_faccessat2(int dirfd, const char __user *path, int mode, int flags);
long sys_truncate(const char __user *path, int64_t length);
long sys_ftruncate(int fd, int64_t length);
long sys_utimensat(int dirfd, const char __user *path, const struct timespec __user *times,
		   int flags);
long sys_umask(uint32_t mask);

/* Descriptors: sys_descriptors.c */
long sys_dup(int fd);
long sys_dup2(int old_fd, int new_fd);
long sys_dup3(int old_fd, int new_fd, int flags);
long sys_fcntl(int fd, int command, unsigned long argument);
long sys_ioctl(int fd, unsigned int request, unsigned long argument);
long sys_pipe(int __user *fds);
long sys_pipe2(int __user *fds, int flags);
long sys_sync(void);

/* Mounting: sys_mount.c, mount_umount.c, mount_pivot_root.c */
long sys_mount(const char __user *source, const char __user *target,
	       const char __user *type, unsigned long flags, const void __user *data);
long sys_umount2(const char __user *target, int flags);
long sys_pivot_root(const char __user *new_root, const char __user *put_old);

/* Waiting for several descriptors: sys_poll.c */
long sys_poll(struct pollfd __user *descriptors, unsigned int count, int timeout_milliseconds);
long sys_ppoll(struct pollfd __user *descriptors, unsigned int count,
	       const struct timespec __user *timeout, const kernel_sigset_t __user *mask,
	       size_t mask_size);
long sys_select(int count, fd_set __user *read_set, fd_set __user *write_set,
		fd_set __user *except_set, struct timeval __user *timeout);
long sys_pselect6(int count, fd_set __user *read_set, fd_set __user *write_set,
		  fd_set __user *except_set, const struct timespec __user *timeout,
		  const struct pselect_mask_argument __user *mask_argument);

#endif
