/*
 * sys_attributes.c: changing what stat shows: the mode (chmod), the owner
 * (chown), the size (truncate), the times (utimensat); asking what one may
 * do (access); and the umask. Each ownership rule is Linux's, noted where it
 * is applied.
 */
#include <kuid/cred.h>
#include <kuid/fs_syscalls.h>
#include <kuid/heap.h>
#include <kuid/userns_rules.h>
#include <uapi/errno.h>
#include <uapi/fcntl.h>
#include <uapi/fs.h>
#include <uapi/mount.h>
#include <uapi/stat.h>
#include <uapi/time.h>

#include "fs_syscall_helpers.h"

#define NO_CHANGE ((uint32_t)-1)	/* chown's -1: leave this id alone */

static bool read_only(const struct path *place)
{
	return place->mount && (place->mount->flags & MS_RDONLY);
}

/* chmod: only the owner (or CAP_FOWNER) may; set-group-ID needs the group (or CAP_FSETID). */
static long change_mode(const struct path *place, uint32_t mode)
{
	struct inode *inode = place->inode;
	long error = 0;

	if (read_only(place))
		return -EROFS;
	vfs_lock();
	if (!inode_owner_or_capable(inode)) {
		error = -EPERM;
		goto out;
	}
	mode &= 07777;
	if ((mode & S_ISGID) && !caller_in_group(inode->gid) && !capable_fsetid(inode))
		mode &= ~(uint32_t)S_ISGID;
	inode->mode = (inode->mode & S_IFMT) | mode;
	vfs_touch(inode, false);
out:
	vfs_unlock();
	return error;
}

long sys_fchmodat(int dirfd, const char __user *path, uint32_t mode)
{
	struct path found;
	long error = user_path_lookup(dirfd, path, LOOKUP_FOLLOW, &found);

	if (error < 0)
		return error;
	error = change_mode(&found, mode);
	path_put(&found);
	return error;
}

long sys_chmod(const char __user *path, uint32_t mode)
{
	return sys_fchmodat(AT_FDCWD, path, mode);
}

long sys_fchmod(int fd, uint32_t mode)
{
	struct file *file = open_file_from_fd(fd);
	struct path place;
	long error;

	if (!file)
		return -EBADF;
	place = file_place(file);
	error = change_mode(&place, mode);
	file_put(file);
	return error;
}

/*
 * chown (R7.4): the owner may only be "changed" to itself, by the owner;
 * the group to one of the owner's groups, by the owner; anything else needs
 * CAP_CHOWN. A non-directory then loses set-user-ID, and set-group-ID when it
 * means "run as group" or the caller could not have set it. Linux does this
 * even for root.
 */
static long change_owner(const struct path *place, uint32_t user_uid, uint32_t user_gid)
{
	struct inode *inode = place->inode;
	kuid_t fsuid = current_cred()->fsuid;
	kuid_t uid = fs_kuid_from_user(user_uid);
	kgid_t gid = fs_kgid_from_user(user_gid);
	bool is_owner;
	long error = 0;

	/* R7.4: an id the caller's namespace does not map cannot be given to a file. */
	if ((user_uid != NO_CHANGE && !uid_valid(uid)) ||
	    (user_gid != NO_CHANGE && !gid_valid(gid)))
		return userns_refuse(NULL, RULE_R7_4_CHOWN, 0, "the new owner is not mapped",
				     EINVAL);
	if (read_only(place))
		return -EROFS;
	vfs_lock();
	is_owner = uid_eq(fsuid, inode->uid);
	/* R7.4, R4.3: CAP_CHOWN counts only over a file whose uid and gid the caller can name. */
	if (user_uid != NO_CHANGE && !(is_owner && uid_eq(uid, inode->uid)) &&
	    !capable_chown(inode)) {
		error = userns_refuse(NULL, RULE_R7_4_CHOWN, 0, "not the owner, no CAP_CHOWN",
				      EPERM);
		goto out;
	}
	if (user_gid != NO_CHANGE &&
	    !(is_owner && (gid_eq(gid, inode->gid) || caller_in_group(gid))) &&
	    !capable_chown(inode)) {
		error = userns_refuse(NULL, RULE_R7_4_CHOWN, 0,
				      "not the owner in that group, no CAP_CHOWN", EPERM);
		goto out;
	}
	if (!S_ISDIR(inode->mode)) {
		uint32_t drop = S_ISUID;

		if ((inode->mode & S_ISGID) &&
		    ((inode->mode & S_IXGRP) ||
		     (!caller_in_group(inode->gid) && !capable_fsetid(inode))))
			drop |= S_ISGID;
		inode->mode &= ~drop;
	}
	if (user_uid != NO_CHANGE)
		inode->uid = uid;
	if (user_gid != NO_CHANGE)
		inode->gid = gid;
	vfs_touch(inode, false);
out:
	vfs_unlock();
	return error;
}

long sys_fchownat(int dirfd, const char __user *path, uid_t uid, gid_t gid, int flags)
{
	struct path found;
	long error;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	error = user_path_lookup(dirfd, path, lookup_flags_from_at(flags), &found);
	if (error < 0)
		return error;
	error = change_owner(&found, uid, gid);
	path_put(&found);
	return error;
}

long sys_chown(const char __user *path, uid_t uid, gid_t gid)
{
	return sys_fchownat(AT_FDCWD, path, uid, gid, 0);
}

long sys_lchown(const char __user *path, uid_t uid, gid_t gid)
{
	return sys_fchownat(AT_FDCWD, path, uid, gid, AT_SYMLINK_NOFOLLOW);
}

long sys_fchown(int fd, uid_t uid, gid_t gid)
{
	struct file *file = open_file_from_fd(fd);
	struct path place;
	long error;

	if (!file)
		return -EBADF;
	place = file_place(file);
	error = change_owner(&place, uid, gid);
	file_put(file);
	return error;
}

/*
 * access answers for the real user, not the effective one: the question a
 * set-user-ID program asks about the user who ran it. So the check runs
 * with a copy of the caller's credentials holding the real ids, and (for
 * anyone but root) no capabilities, as Linux's access_override_creds does.
 */
static void real_id_credentials(struct cred *checker)
{
	*checker = *current_cred();
	checker->fsuid = checker->uid;
	checker->fsgid = checker->gid;
	if (!uid_eq(checker->uid, GLOBAL_ROOT_UID))
		checker->cap_effective = (kernel_cap_t){ 0 };
	else
		checker->cap_effective = checker->cap_permitted;
}

long sys_faccessat2(int dirfd, const char __user *user_path, int mode, int flags)
{
	struct lookup_result result;
	struct cred checker;
	const struct cred *cred = current_cred();
	struct path start;
	char *path;
	long error;

	if (mode & ~MAY_ACCESS_MASK)
		return -EINVAL;
	if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (!(flags & AT_EACCESS)) {
		real_id_credentials(&checker);
		cred = &checker;
	}

	error = path_from_user(user_path, &path);
	if (error < 0)
		return error;
	error = at_start(dirfd, path, &start);
	if (error < 0)
		goto free_path;
	error = path_walk_as(cred, current_fs(), &start, path, lookup_flags_from_at(flags),
			     &result);
	path_put(&start);
	if (error < 0)
		goto free_path;

	if ((mode & MAY_WRITE) && read_only(&result.found) &&
	    (S_ISREG(result.found.inode->mode) || S_ISDIR(result.found.inode->mode) ||
	     S_ISLNK(result.found.inode->mode)))
		error = -EROFS;
	else if (mode)
		error = inode_permission_as(cred, result.found.inode, mode);
	lookup_result_release(&result);
free_path:
	kfree(path);
	return error;
}

long sys_faccessat(int dirfd, const char __user *path, int mode)
{
	return sys_faccessat2(dirfd, path, mode, 0);
}

long sys_access(const char __user *path, int mode)
{
	return sys_faccessat2(AT_FDCWD, path, mode, 0);
}

long sys_truncate(const char __user *path, int64_t length)
{
	struct path found;
	long error;

	if (length < 0)
		return -EINVAL;
	error = user_path_lookup(AT_FDCWD, path, LOOKUP_FOLLOW, &found);
	if (error < 0)
		return error;
	if (S_ISDIR(found.inode->mode))
		error = -EISDIR;
	else if (!S_ISREG(found.inode->mode))
		error = -EINVAL;
	else if (read_only(&found))
		error = -EROFS;
	else
		error = inode_permission(found.inode, MAY_WRITE);
	if (error == 0)
		error = vfs_truncate(found.inode, (uint64_t)length);
	path_put(&found);
	return error;
}

long sys_ftruncate(int fd, int64_t length)
{
	struct file *file = open_file_from_fd(fd);
	long error;

	if (!file)
		return -EBADF;
	if (length < 0 || !S_ISREG(file->inode->mode) || !file_writable(file))
		error = -EINVAL;
	else
		error = vfs_truncate(file->inode, (uint64_t)length);
	file_put(file);
	return error;
}

static bool valid_time(const struct timespec *time)
{
	return time->tv_nsec == UTIME_NOW || time->tv_nsec == UTIME_OMIT ||
	       (time->tv_nsec >= 0 && time->tv_nsec < NSEC_PER_SEC);
}

static struct vfs_time time_from(const struct timespec *time, struct vfs_time now)
{
	if (time->tv_nsec == UTIME_NOW)
		return now;
	return (struct vfs_time){ time->tv_sec, (uint32_t)time->tv_nsec };
}

/*
 * Setting times to "now" needs write permission (or ownership); setting
 * them to anything else needs ownership (or CAP_FOWNER): otherwise anyone
 * who can write a file could fake when it changed.
 */
static long change_times(const struct path *place, const struct timespec *times)
{
	struct inode *inode = place->inode;
	struct vfs_time now = vfs_now();
	bool only_now = times[0].tv_nsec == UTIME_NOW && times[1].tv_nsec == UTIME_NOW;
	long error = 0;

	if (times[0].tv_nsec == UTIME_OMIT && times[1].tv_nsec == UTIME_OMIT)
		return 0;
	if (read_only(place))
		return -EROFS;
	if (!inode_owner_or_capable(inode)) {
		if (!only_now)
			return -EPERM;
		error = inode_permission(inode, MAY_WRITE);
		if (error < 0)
			return error;
	}
	vfs_lock();
	if (times[0].tv_nsec != UTIME_OMIT)
		inode->access_time = time_from(&times[0], now);
	if (times[1].tv_nsec != UTIME_OMIT)
		inode->modify_time = time_from(&times[1], now);
	inode->change_time = now;
	vfs_unlock();
	return error;
}

long sys_utimensat(int dirfd, const char __user *path, const struct timespec __user *user_times,
		   int flags)
{
	struct timespec times[2] = { { 0, UTIME_NOW }, { 0, UTIME_NOW } };
	struct path found;
	long error;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (user_times) {
		if (copy_from_user(times, user_times, sizeof(times)) < 0)
			return -EFAULT;
		if (!valid_time(&times[0]) || !valid_time(&times[1]))
			return -EINVAL;
	}
	if (!path) {
		/* futimens: the file open as dirfd itself. */
		struct file *file = file_from_fd(dirfd);

		if (!file)
			return -EBADF;
		found = file_place(file);
		path_get(&found);
		file_put(file);
	} else {
		error = user_path_lookup(dirfd, path, lookup_flags_from_at(flags), &found);
		if (error < 0)
			return error;
	}
	error = change_times(&found, times);
	path_put(&found);
	return error;
}

long sys_umask(uint32_t mask)
{
	struct fs_context *fs = current_fs();

	return __atomic_exchange_n(&fs->umask, mask & 0777, __ATOMIC_RELAXED);
}
