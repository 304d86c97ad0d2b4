/* File types, permission bits and the structures of stat, statx and statfs on Linux x86_64.
 * The layouts are the kernel's, field for field, so they can be copied straight to user space. */
#ifndef KUID_UAPI_STAT_H
#define KUID_UAPI_STAT_H

#include <stdint.h>

/* The file type: the top four bits of a mode, a number rather than a set of bits. */
#define S_IFMT          00170000
#define S_IFSOCK        0140000
#define S_IFLNK         0120000
#define S_IFREG         0100000
#define S_IFBLK         0060000
#define S_IFDIR         0040000
#define S_IFCHR         0020000
#define S_IFIFO         0010000

#define S_ISLNK(mode)   (((mode) & S_IFMT) == S_IFLNK)
#define S_ISREG(mode)   (((mode) & S_IFMT) == S_IFREG)
#define S_ISDIR(mode)   (((mode) & S_IFMT) == S_IFDIR)
#define S_ISCHR(mode)   (((mode) & S_IFMT) == S_IFCHR)
#define S_ISBLK(mode)   (((mode) & S_IFMT) == S_IFBLK)
#define S_ISFIFO(mode)  (((mode) & S_IFMT) == S_IFIFO)
#define S_ISSOCK(mode)  (((mode) & S_IFMT) == S_IFSOCK)

/* Permission bits: the low twelve bits of a mode. */
#define S_ISUID         0004000         /* set user id on execution */
#define S_ISGID         0002000         /* set group id on execution */
#define S_ISVTX         0001000         /* sticky: only owners may unlink in a directory */
#define S_IRWXU         00700
#define S_IRUSR         00400
#define S_IWUSR         00200
#define S_IXUSR         00100
#define S_IRWXG         00070
#define S_IRGRP         00040
#define S_IWGRP         00020
#define S_IXGRP         00010
#define S_IRWXO         00007
#define S_IROTH         00004
#define S_IWOTH         00002
#define S_IXOTH         00001

/* stat, fstat, lstat, newfstatat: 144 bytes. */
struct stat {
	uint64_t st_dev;                /* device of the file system */
	uint64_t st_ino;
	uint64_t st_nlink;
	uint32_t st_mode;
	uint32_t st_uid;
	uint32_t st_gid;
	uint32_t st_pad0;
	uint64_t st_rdev;               /* the device, for a device file */
	int64_t st_size;
	int64_t st_blksize;             /* preferred I/O size */
	int64_t st_blocks;              /* 512-byte blocks allocated */
	uint64_t st_atime;
	uint64_t st_atime_nsec;
	uint64_t st_mtime;
	uint64_t st_mtime_nsec;
	uint64_t st_ctime;
	uint64_t st_ctime_nsec;
	int64_t st_reserved[3];
};

/* statx: 256 bytes; stx_mask says which fields the kernel filled in. */
struct statx_timestamp {
	int64_t tv_sec;
	uint32_t tv_nsec;
	int32_t reserved;
};

struct statx {
	uint32_t stx_mask;              /* STATX_* bits actually filled in */
	uint32_t stx_blksize;
	uint64_t stx_attributes;        /* STATX_ATTR_* */
	uint32_t stx_nlink;
	uint32_t stx_uid;
	uint32_t stx_gid;
	uint16_t stx_mode;
	uint16_t stx_spare0;
	uint64_t stx_ino;
	uint64_t stx_size;
	uint64_t stx_blocks;
	uint64_t stx_attributes_mask;   /* which STATX_ATTR_* bits this file system knows */
	struct statx_timestamp stx_atime;
	struct statx_timestamp stx_btime;       /* creation time */
	struct statx_timestamp stx_ctime;
	struct statx_timestamp stx_mtime;
	uint32_t stx_rdev_major;
	uint32_t stx_rdev_minor;
	uint32_t stx_dev_major;
	uint32_t stx_dev_minor;
	uint64_t stx_mnt_id;
	uint32_t stx_dio_mem_align;
	uint32_t stx_dio_offset_align;
	uint64_t stx_spare3[12];
};

/* The mask argument of statx (fields wanted) and stx_mask (fields given). */
#define STATX_TYPE              0x00000001u     /* stx_mode & S_IFMT */
#define STATX_MODE              0x00000002u     /* stx_mode & ~S_IFMT */
#define STATX_NLINK             0x00000004u
#define STATX_UID               0x00000008u
#define STATX_GID               0x00000010u
#define STATX_ATIME             0x00000020u
#define STATX_MTIME             0x00000040u
#define STATX_CTIME             0x00000080u
#define STATX_INO               0x00000100u
#define STATX_SIZE              0x00000200u
#define STATX_BLOCKS            0x00000400u
#define STATX_BASIC_STATS       0x000007ffu     /* everything struct stat has */
#define STATX_BTIME             0x00000800u
#define STATX_MNT_ID            0x00001000u
#define STATX_DIOALIGN          0x00002000u
#define STATX_ALL               0x00000fffu     /* deprecated */
#define STATX__RESERVED         0x80000000u     /* must be refused: reserved for a bigger struct */

/* stx_attributes. */
#define STATX_ATTR_COMPRESSED   0x00000004
#define STATX_ATTR_IMMUTABLE    0x00000010
#define STATX_ATTR_APPEND       0x00000020
#define STATX_ATTR_NODUMP       0x00000040
#define STATX_ATTR_ENCRYPTED    0x00000800
#define STATX_ATTR_AUTOMOUNT    0x00001000
#define STATX_ATTR_MOUNT_ROOT   0x00002000
#define STATX_ATTR_VERITY       0x00100000
#define STATX_ATTR_DAX          0x00200000

/* statfs, fstatfs: 120 bytes. */
struct statfs {
	int64_t f_type;                 /* a *_MAGIC number below */
	int64_t f_bsize;
	int64_t f_blocks;
	int64_t f_bfree;
	int64_t f_bavail;
	int64_t f_files;
	int64_t f_ffree;
	int32_t f_fsid[2];
	int64_t f_namelen;
	int64_t f_frsize;
	int64_t f_flags;                /* ST_* */
	int64_t f_spare[4];
};

/* f_flags of statfs. */
#define ST_RDONLY       0x0001
#define ST_NOSUID       0x0002
#define ST_NODEV        0x0004
#define ST_NOEXEC       0x0008
#define ST_SYNCHRONOUS  0x0010
#define ST_VALID        0x0020          /* f_flags is filled in */
#define ST_MANDLOCK     0x0040
#define ST_NOATIME      0x0400
#define ST_NODIRATIME   0x0800
#define ST_RELATIME     0x1000
#define ST_NOSYMFOLLOW  0x2000

/* f_type of the file systems kuid has. */
#define RAMFS_MAGIC     0x858458f6
#define TMPFS_MAGIC     0x01021994
#define PROC_SUPER_MAGIC 0x9fa0
#define SYSFS_MAGIC     0x62656572
#define DEVPTS_SUPER_MAGIC 0x1cd1
#define NSFS_MAGIC      0x6e736673

#endif /* KUID_UAPI_STAT_H */
