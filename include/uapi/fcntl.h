/* Flags of open/openat, the *at() family and fcntl, with Linux x86_64 values.
 * O_* values are octal, as Linux writes them. */
#ifndef KUID_UAPI_FCNTL_H
#define KUID_UAPI_FCNTL_H

/* The access mode is a two-bit number, not a set of bits. */
#define O_ACCMODE       00000003
#define O_RDONLY        00000000
#define O_WRONLY        00000001
#define O_RDWR          00000002

#define O_CREAT         00000100        /* create the file if missing */
#define O_EXCL          00000200        /* with O_CREAT: fail if it exists */
#define O_NOCTTY        00000400        /* do not become the controlling terminal */
#define O_TRUNC         00001000        /* truncate a regular file to length 0 */
#define O_APPEND        00002000        /* every write goes to the end */
#define O_NONBLOCK      00004000
#define O_NDELAY        O_NONBLOCK
#define O_DSYNC         00010000
#define FASYNC          00020000        /* SIGIO when I/O is possible */
#define O_DIRECT        00040000
#define O_LARGEFILE     00100000        /* implied on 64-bit; C libraries may pass 0 */
#define O_DIRECTORY     00200000        /* fail unless a directory */
#define O_NOFOLLOW      00400000        /* fail on a symbolic link in the last component */
#define O_NOATIME       01000000
#define O_CLOEXEC       02000000        /* set FD_CLOEXEC on the new descriptor */
#define O_SYNC          (04000000 | O_DSYNC)
#define O_PATH          010000000       /* a descriptor that only names a location */
#define __O_TMPFILE     020000000
#define O_TMPFILE       (__O_TMPFILE | O_DIRECTORY)     /* unnamed file in a directory */

/* The directory argument of the *at() calls meaning "the current directory". */
#define AT_FDCWD                (-100)

/* The flags argument of the *at() calls. Some share a bit: each call knows which it means. */
#define AT_SYMLINK_NOFOLLOW     0x100   /* do not follow a final symbolic link */
#define AT_EACCESS              0x200   /* faccessat: check with effective ids */
#define AT_REMOVEDIR            0x200   /* unlinkat: remove a directory */
#define AT_SYMLINK_FOLLOW       0x400   /* linkat: follow a final symbolic link */
#define AT_NO_AUTOMOUNT         0x800
#define AT_EMPTY_PATH           0x1000  /* an empty path means the descriptor itself */
#define AT_STATX_SYNC_TYPE      0x6000
#define AT_STATX_SYNC_AS_STAT   0x0000
#define AT_STATX_FORCE_SYNC     0x2000
#define AT_STATX_DONT_SYNC      0x4000
#define AT_RECURSIVE            0x8000

/* The flags argument of renameat2. */
#define RENAME_NOREPLACE        (1 << 0)        /* fail if the new name exists */
#define RENAME_EXCHANGE         (1 << 1)        /* swap the two names atomically */
#define RENAME_WHITEOUT         (1 << 2)

/* fcntl commands. */
#define F_DUPFD         0               /* duplicate to the lowest free fd >= arg */
#define F_GETFD         1               /* descriptor flags (FD_CLOEXEC) */
#define F_SETFD         2
#define F_GETFL         3               /* open file flags (O_*) */
#define F_SETFL         4
#define F_GETLK         5
#define F_SETLK         6
#define F_SETLKW        7
#define F_SETOWN        8
#define F_GETOWN        9
#define F_SETSIG        10
#define F_GETSIG        11
#define F_LINUX_SPECIFIC_BASE   1024
#define F_SETLEASE      (F_LINUX_SPECIFIC_BASE + 0)
#define F_GETLEASE      (F_LINUX_SPECIFIC_BASE + 1)
#define F_NOTIFY        (F_LINUX_SPECIFIC_BASE + 2)
#define F_DUPFD_CLOEXEC (F_LINUX_SPECIFIC_BASE + 6)     /* F_DUPFD, then set FD_CLOEXEC */
#define F_SETPIPE_SZ    (F_LINUX_SPECIFIC_BASE + 7)
#define F_GETPIPE_SZ    (F_LINUX_SPECIFIC_BASE + 8)
#define F_ADD_SEALS     (F_LINUX_SPECIFIC_BASE + 9)
#define F_GET_SEALS     (F_LINUX_SPECIFIC_BASE + 10)

/* The only descriptor flag. */
#define FD_CLOEXEC      1

/* Lock types of struct flock. */
#define F_RDLCK         0
#define F_WRLCK         1
#define F_UNLCK         2

#endif /* KUID_UAPI_FCNTL_H */
