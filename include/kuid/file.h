/*
 * file.h: open files. A struct file is what an open() made: the place it was
 * opened at, the access mode and flags, the current offset, and the
 * operations that do the reading and writing (a RAM file's, a pipe end's, a
 * device driver's). File descriptors (fd_table.h) point at files; dup() and
 * fork() share one struct file, and with it the offset. Every file_get has
 * its file_put; the last put calls release.
 */
#ifndef KUID_FILE_H
#define KUID_FILE_H

#include <kuid/types.h>
#include <kuid/user_memory.h>
#include <kuid/vfs.h>
#include <uapi/fcntl.h>

struct file;

/* poll() bits, Linux's values. */
#define POLL_IN		0x0001
#define POLL_OUT	0x0004
#define POLL_ERR	0x0008
#define POLL_HUP	0x0010

/*
 * What a kind of open file does. Buffers are kernel memory: the system-call
 * layer copies from and to user memory in chunks, so a driver never touches
 * user memory and never holds a lock across a page fault. `position` is the
 * offset to use (the file's, or pread's) and is advanced by what was done.
 * Anything left NULL means: not supported (-EINVAL for read and write,
 * -ESPIPE for seeking, -ENOTTY for ioctl, -ENOTDIR for iterate).
 */
struct file_operations {
	/* Called once by open; may refuse (-ENXIO) or block (a FIFO). */
	int (*open)(struct inode *inode, struct file *file);
	ssize_t (*read)(struct file *file, void *buffer, size_t count, uint64_t *position);
	ssize_t (*write)(struct file *file, const void *buffer, size_t count,
			 uint64_t *position);
	/* Seekable files say so; the VFS does the arithmetic (SEEK_SET/CUR/END). */
	bool seekable;
	/*
	 * Like Linux's seq_files (seq_open clears FMODE_PWRITE): lseek and pread work, but
	 * pwrite is -ESPIPE. /proc/PID/uid_map relies on it (R3.4).
	 */
	bool no_positioned_write;
	/* Call write even for 0 bytes: an empty write to a /proc map is -EINVAL (R3.8). */
	bool writes_empty;
	/* ioctl gets the user's argument as it came: the driver copies through user_memory.h. */
	long (*ioctl)(struct file *file, unsigned int request, unsigned long argument);
	int (*iterate)(struct file *file, directory_emit_t emit, void *context);
	unsigned int (*poll)(struct file *file);
	/* The last reference is gone. */
	void (*release)(struct file *file);
};

struct file {
	unsigned int references;		/* atomic */
	unsigned int flags;			/* O_ACCMODE, O_APPEND, O_NONBLOCK, O_PATH ... */
	uint64_t position;			/* protected by vfs_lock for seekable files */
	struct path path;			/* where it was opened; mount NULL for a pipe */
	struct inode *inode;			/* a reference */
	const struct file_operations *operations;
	void *private;				/* the driver's */
	/*
	 * The opener's credentials, a reference (R4.2 file_ns_capable, R3.13): what
	 * some files allow depends on who opened them, not on who uses the fd now.
	 */
	const struct cred *f_cred;
	/*
	 * The name it was opened by, for /proc/PID/fd/N and exe: the directory (a reference)
	 * and the last component (kmalloc'd). kuid has no dentries and a regular file does not
	 * know its directory, so the open remembers it. Empty (NULL) for directories, which
	 * know their parent, and for files without a name (pipes, an open through a magic link).
	 */
	struct path directory;
	char *name;
};

/* Flags F_SETFL may change. */
#define FILE_STATUS_SETTABLE_FLAGS (O_APPEND | O_NONBLOCK)

/* A new file of one reference on `inode` (which gains one); NULL when out of memory. */
struct file *file_new(struct inode *inode, const struct path *path, unsigned int flags,
		      const struct file_operations *operations);
void file_get(struct file *file);
void file_put(struct file *file);

static inline bool file_readable(const struct file *file)
{
	unsigned int access = file->flags & O_ACCMODE;

	return (file->flags & O_PATH) == 0 && (access == O_RDONLY || access == O_RDWR);
}

static inline bool file_writable(const struct file *file)
{
	unsigned int access = file->flags & O_ACCMODE;

	return (file->flags & O_PATH) == 0 && (access == O_WRONLY || access == O_RDWR);
}

/*
 * Opening. vfs_open follows open(2): flags are O_*, mode is for O_CREAT
 * (the umask of `fs` is applied). The result is one reference in *file.
 */
int vfs_open(struct fs_context *fs, const struct path *start, const char *pathname,
	     unsigned int flags, uint32_t mode, struct file **file);
/* Remember that `file` was opened as `name` in `directory` (see struct file). */
void file_set_name(struct file *file, const struct path *directory, const char *name);

/* Open an inode already found (device nodes go to their driver). */
int vfs_open_inode(const struct path *path, unsigned int flags, struct file **file);

/* For the kernel itself, relative to the root: pid 1's /dev/console. */
int vfs_open_kernel(const char *pathname, unsigned int flags, struct file **file);
/*
 * For execve: a regular file the caller may execute. -EACCES when it is not
 * a regular file, lacks execute permission for the caller, or lies on a
 * noexec mount; -ENOENT, -ENOTDIR, -ELOOP, -ENAMETOOLONG from the walk.
 */
int vfs_open_for_exec(const char *pathname, struct file **file);

/* Read into kernel memory at `offset`, without moving the file's offset. */
ssize_t kernel_read(struct file *file, void *buffer, size_t count, uint64_t offset);
ssize_t kernel_write(struct file *file, const void *buffer, size_t count, uint64_t offset);

/*
 * Read and write with user buffers, as the system calls do. `position` NULL
 * means the file's own offset (read/write), else that offset (pread/pwrite).
 */
ssize_t vfs_read(struct file *file, void __user *buffer, size_t count, uint64_t *position);
ssize_t vfs_write(struct file *file, const void __user *buffer, size_t count,
		  uint64_t *position);

/* Operations of regular RAM files and directories (kernel/fs/file_regular.c). */
extern const struct file_operations regular_file_operations;
extern const struct file_operations directory_file_operations;
/* For an O_PATH descriptor: nothing but a place. */
extern const struct file_operations path_only_file_operations;

/*
 * Pipes (kernel/fs/pipe.c): a 64 KiB buffer between a reading and a writing
 * end. pipe_create makes both ends of an anonymous pipe; flags are O_NONBLOCK.
 */
#define PIPE_CAPACITY (64 * 1024)
int pipe_create(unsigned int flags, struct file **read_end, struct file **write_end);
/* Open one end of a FIFO inode (called from vfs_open_inode). */
int fifo_open(struct inode *inode, struct file *file);
/* The FIFO's pipe goes with its inode. */
void fifo_inode_destroy(struct inode *inode);
bool file_is_pipe(const struct file *file);

#endif
