/*
 * fs_syscall_helpers.h: the prologue every file system call shares: copy the
 * path from user memory, find the file behind a descriptor, find where an
 * *at() call starts, and translate ids at the user boundary. Private to
 * kernel/fs/sys_*.c.
 */
#ifndef KUID_FS_SYSCALL_HELPERS_H
#define KUID_FS_SYSCALL_HELPERS_H

#include <kuid/fd_table.h>
#include <kuid/file.h>
#include <kuid/uidgid.h>
#include <kuid/user_memory.h>
#include <kuid/vfs.h>

/*
 * A kernel copy of a user path (kmalloc'd; 256 bytes, or PATH_MAX for a longer
 * path): 0, -EFAULT, or -ENAMETOOLONG. Free it with kfree.
 */
int path_from_user(const char __user *user_path, char **path);

/* The file behind fd, with a reference (file_put it), or NULL: the caller says -EBADF. */
struct file *file_from_fd(int fd);
/*
 * The same, but NULL for an O_PATH descriptor too: it only names a place, so
 * calls that use the open file itself say -EBADF for it, as Linux's fdget does.
 */
struct file *open_file_from_fd(int fd);

/* Where an open file is, as a path: its mount and its inode (no new reference). */
static inline struct path file_place(const struct file *file)
{
	return (struct path){ file->path.mount, file->inode };
}

/* How many descriptors the caller may have: RLIMIT_NOFILE, at most FD_MAX. */
int fd_limit(void);
/* Install at the lowest free fd >= minimum below fd_limit(); -EMFILE keeps the reference. */
int install_fd(struct file *file, int minimum, bool close_on_exec);

/*
 * Where a walk of `path` starts for an *at() call: the cwd for AT_FDCWD,
 * else the directory open as dirfd (-EBADF if none). An absolute path never
 * looks at dirfd, as on Linux. A reference in *start.
 */
int at_start(int dirfd, const char *path, struct path *start);

/*
 * The walk flags an *at() call's AT_SYMLINK_NOFOLLOW and AT_EMPTY_PATH ask
 * for: follow a last symlink unless told not to; an empty path only if told.
 */
unsigned int lookup_flags_from_at(int at_flags);

/* Copy, start and walk in one: what most name-based calls begin with. */
int user_path_walk(int dirfd, const char __user *user_path, unsigned int flags,
		   struct lookup_result *result);
int user_path_lookup(int dirfd, const char __user *user_path, unsigned int flags,
		     struct path *found);

/* rmdir and unlinkat(AT_REMOVEDIR): "." is invalid, ".." not empty, "/" busy. */
long fs_remove_directory(int dirfd, const char __user *path);

/*
 * Ids cross the user boundary here, and only here, for the file system calls:
 * make_kuid/from_kuid_munged in the caller's user namespace (R7.1, R7.4).
 * Coming in, an id the namespace does not map is INVALID_UID / INVALID_GID.
 */
kuid_t fs_kuid_from_user(uid_t uid);
kgid_t fs_kgid_from_user(gid_t gid);
uid_t fs_kuid_to_user(kuid_t uid);
gid_t fs_kgid_to_user(kgid_t gid);

#endif
