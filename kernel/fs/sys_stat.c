/*
 * sys_stat.c: what stat, statx and statfs report about an inode and its file
 * system, in Linux's structures (uapi/stat.h). Ids leave the kernel through
 * fs_kuid_to_user, the one place they are translated.
 */
#include <kuid/fs_syscalls.h>
#include <kuid/page_alloc.h>
#include <kuid/string.h>
#include <uapi/errno.h>
#include <uapi/fcntl.h>
#include <uapi/mount.h>
#include <uapi/stat.h>

#include "fs_syscall_helpers.h"

#define BLOCK_SIZE 4096
#define SECTOR_SIZE 512

/* 512-byte blocks a file uses: whole pages for file data, nothing for the rest. */
static int64_t blocks_of(const struct inode *inode)
{
	if (!S_ISREG(inode->mode))
		return 0;
	return (int64_t)(ALIGN_UP(inode->size, (uint64_t)BLOCK_SIZE) / SECTOR_SIZE);
}

static void fill_stat(struct inode *inode, struct stat *stat)
{
	memset(stat, 0, sizeof(*stat));
	vfs_lock();
	stat->st_dev = device_number_encode(inode->super_block->device);
	stat->st_ino = inode->number;
	stat->st_nlink = inode->nlink;
	stat->st_mode = inode->mode;
	stat->st_uid = fs_kuid_to_user(inode->uid);
	stat->st_gid = fs_kgid_to_user(inode->gid);
	if (S_ISCHR(inode->mode) || S_ISBLK(inode->mode))
		stat->st_rdev = device_number_encode(inode->device);
	stat->st_size = (int64_t)inode->size;
	stat->st_blksize = BLOCK_SIZE;
	stat->st_blocks = blocks_of(inode);
	stat->st_atime = (uint64_t)inode->access_time.seconds;
	stat->st_atime_nsec = inode->access_time.nanoseconds;
	stat->st_mtime = (uint64_t)inode->modify_time.seconds;
	stat->st_mtime_nsec = inode->modify_time.nanoseconds;
	stat->st_ctime = (uint64_t)inode->change_time.seconds;
	stat->st_ctime_nsec = inode->change_time.nanoseconds;
	vfs_unlock();
}

static long copy_stat_out(struct inode *inode, struct stat __user *buffer)
{
	struct stat stat;

	fill_stat(inode, &stat);
	return copy_to_user(buffer, &stat, sizeof(stat));
}

long sys_newfstatat(int dirfd, const char __user *path, struct stat __user *buffer, int flags)
{
	struct path found;
	long result;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT))
		return -EINVAL;
	result = user_path_lookup(dirfd, path, lookup_flags_from_at(flags), &found);
	if (result < 0)
		return result;
	result = copy_stat_out(found.inode, buffer);
	path_put(&found);
	return result;
}

long sys_stat(const char __user *path, struct stat __user *buffer)
{
	return sys_newfstatat(AT_FDCWD, path, buffer, 0);
}

long sys_lstat(const char __user *path, struct stat __user *buffer)
{
	return sys_newfstatat(AT_FDCWD, path, buffer, AT_SYMLINK_NOFOLLOW);
}

long sys_fstat(int fd, struct stat __user *buffer)
{
	struct file *file = file_from_fd(fd);
	long result;

	if (!file)
		return -EBADF;
	result = copy_stat_out(file->inode, buffer);
	file_put(file);
	return result;
}

static struct statx_timestamp statx_time(struct vfs_time time)
{
	return (struct statx_timestamp){ .tv_sec = time.seconds, .tv_nsec = time.nanoseconds };
}

long sys_statx(int dirfd, const char __user *path, int flags, unsigned int mask,
	       struct statx __user *buffer)
{
	struct statx result = { 0 };
	struct stat stat;
	struct path found;
	long error;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT | AT_STATX_SYNC_TYPE))
		return -EINVAL;
	if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE || (mask & STATX__RESERVED))
		return -EINVAL;
	error = user_path_lookup(dirfd, path, lookup_flags_from_at(flags), &found);
	if (error < 0)
		return error;

	fill_stat(found.inode, &stat);
	/* Everything stat has, whatever was asked: Linux may give more than the mask. */
	result.stx_mask = STATX_BASIC_STATS;
	result.stx_blksize = (uint32_t)stat.st_blksize;
	result.stx_nlink = (uint32_t)stat.st_nlink;
	result.stx_uid = stat.st_uid;
	result.stx_gid = stat.st_gid;
	result.stx_mode = (uint16_t)stat.st_mode;
	result.stx_ino = stat.st_ino;
	result.stx_size = (uint64_t)stat.st_size;
	result.stx_blocks = (uint64_t)stat.st_blocks;
	result.stx_attributes_mask = STATX_ATTR_MOUNT_ROOT;
	if (found.mount && found.inode == found.mount->root)
		result.stx_attributes |= STATX_ATTR_MOUNT_ROOT;
	vfs_lock();
	result.stx_atime = statx_time(found.inode->access_time);
	result.stx_mtime = statx_time(found.inode->modify_time);
	result.stx_ctime = statx_time(found.inode->change_time);
	result.stx_rdev_major = found.inode->device.major;
	result.stx_rdev_minor = found.inode->device.minor;
	result.stx_dev_major = found.inode->super_block->device.major;
	result.stx_dev_minor = found.inode->super_block->device.minor;
	vfs_unlock();
	if (!S_ISCHR(found.inode->mode) && !S_ISBLK(found.inode->mode))
		result.stx_rdev_major = result.stx_rdev_minor = 0;
	path_put(&found);
	return copy_to_user(buffer, &result, sizeof(result));
}

/* statfs flags from mount flags; mounts are "relatime" by default, as on Linux. */
static int64_t statfs_flags(const struct mount *mount)
{
	int64_t flags = ST_VALID | ST_RELATIME;

	if (!mount)
		return flags;
	if (mount->flags & MS_RDONLY)
		flags |= ST_RDONLY;
	if (mount->flags & MS_NOSUID)
		flags |= ST_NOSUID;
	if (mount->flags & MS_NODEV)
		flags |= ST_NODEV;
	if (mount->flags & MS_NOEXEC)
		flags |= ST_NOEXEC;
	return flags;
}

static long copy_statfs_out(const struct path *place, struct statfs __user *buffer)
{
	struct super_block *super_block = place->inode->super_block;
	/* tmpfs may use half of memory by default, as on Linux. */
	int64_t blocks = (int64_t)page_alloc_total_count() / 2;
	int64_t free_blocks = MIN((int64_t)page_alloc_free_count(), blocks);
	struct statfs result = {
		.f_type = super_block->magic,
		.f_bsize = BLOCK_SIZE,
		.f_blocks = blocks,
		.f_bfree = free_blocks,
		.f_bavail = free_blocks,
		.f_files = free_blocks,
		.f_ffree = free_blocks,
		.f_namelen = NAME_MAX,
		.f_frsize = BLOCK_SIZE,
		.f_flags = statfs_flags(place->mount),
	};

	return copy_to_user(buffer, &result, sizeof(result));
}

long sys_statfs(const char __user *path, struct statfs __user *buffer)
{
	struct path found;
	long result = user_path_lookup(AT_FDCWD, path, LOOKUP_FOLLOW, &found);

	if (result < 0)
		return result;
	result = copy_statfs_out(&found, buffer);
	path_put(&found);
	return result;
}

long sys_fstatfs(int fd, struct statfs __user *buffer)
{
	struct file *file = file_from_fd(fd);
	struct path place;
	long result;

	if (!file)
		return -EBADF;
	place = file_place(file);
	result = copy_statfs_out(&place, buffer);
	file_put(file);
	return result;
}
