/*
 * file.c: open files: making one (open, for the kernel, for exec), sharing
 * it (file_get/file_put), and reading and writing it. User memory is copied
 * through a kernel buffer in chunks here, once, so no driver or file system
 * ever touches user memory itself (see struct file_operations).
 */
#include <kuid/cred.h>
#include <kuid/device.h>
#include <kuid/fd_table.h>
#include <kuid/file.h>
#include <kuid/heap.h>
#include <kuid/string.h>
#include <kuid/user_memory.h>
#include <uapi/errno.h>
#include <uapi/mount.h>
#include <uapi/stat.h>

/* The largest chunk copied at once, and Linux's cap on one read or write. */
#define IO_CHUNK_MAX		(64 * 1024)
#define READ_WRITE_COUNT_MAX	0x7ffff000u

/* Flags that belong to the open call only, not to the open file. */
#define OPEN_ONLY_FLAGS (O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC)

struct file *file_new(struct inode *inode, const struct path *path, unsigned int flags,
		      const struct file_operations *operations)
{
	struct file *file = kzalloc(sizeof(*file));

	if (!file)
		return NULL;
	file->references = 1;
	file->flags = flags;
	file->operations = operations;
	file->inode = inode;
	inode_get(inode);
	file->f_cred = get_cred(current_cred());
	if (path) {
		file->path = *path;
		path_get(path);
	}
	return file;
}

void file_get(struct file *file)
{
	__atomic_add_fetch(&file->references, 1, __ATOMIC_RELAXED);
}

void file_put(struct file *file)
{
	if (!file || __atomic_sub_fetch(&file->references, 1, __ATOMIC_ACQ_REL) != 0)
		return;
	if (file->operations->release)
		file->operations->release(file);
	inode_put(file->inode);
	path_put(&file->path);
	path_put(&file->directory);
	kfree(file->name);
	put_cred(file->f_cred);
	kfree(file);
}

void file_set_name(struct file *file, const struct path *directory, const char *name)
{
	size_t length = strlen(name) + 1;

	if (S_ISDIR(file->inode->mode) || !directory->inode)
		return;
	/* Out of memory: the file simply has no name to show (readlink says ENOENT). */
	file->name = kmalloc(length);
	if (!file->name)
		return;
	memcpy(file->name, name, length);
	file->directory = *directory;
	path_get(directory);
}

/* Which operations serve an inode of this type, or an errno. */
static int operations_for(struct inode *inode, const struct path *path, unsigned int flags,
			  const struct file_operations **operations)
{
	if (flags & O_PATH) {
		*operations = &path_only_file_operations;
		return 0;
	}
	/* A file system with files of its own kind (procfs) says so in the inode. */
	if (inode->file_operations && (S_ISREG(inode->mode) || S_ISDIR(inode->mode))) {
		*operations = inode->file_operations;
		return 0;
	}
	switch (inode->mode & S_IFMT) {
	case S_IFREG:
		*operations = &regular_file_operations;
		return 0;
	case S_IFDIR:
		*operations = &directory_file_operations;
		return 0;
	case S_IFCHR:
		if (path && path->mount && (path->mount->flags & MS_NODEV))
			return -EACCES;
		*operations = device_find(inode->device);
		return *operations ? 0 : -ENXIO;
	case S_IFIFO:
		*operations = NULL;	/* fifo_open picks the end's operations */
		return 0;
	case S_IFLNK:
		return -ELOOP;
	default:
		return -ENXIO;		/* block devices and sockets: none in kuid */
	}
}

int vfs_open_inode(const struct path *path, unsigned int flags, struct file **result)
{
	const struct file_operations *operations;
	struct file *file;
	int error;

	error = operations_for(path->inode, path, flags, &operations);
	if (error < 0)
		return error;
	if (!operations)
		operations = &path_only_file_operations;
	file = file_new(path->inode, path, flags, operations);
	if (!file)
		return -ENOMEM;

	if (S_ISFIFO(path->inode->mode) && !(flags & O_PATH))
		error = fifo_open(path->inode, file);	/* sets the operations of its end */
	else if (operations->open)
		error = operations->open(path->inode, file);
	if (error < 0) {
		/* Never opened, so nothing to release: drop the operations before the put. */
		file->operations = &path_only_file_operations;
		file_put(file);
		return error;
	}
	file->flags &= ~OPEN_ONLY_FLAGS;
	*result = file;
	return 0;
}

/* The permission an open asks for: its access mode, and write for O_TRUNC. */
static int access_wanted(unsigned int flags)
{
	int want = 0;

	switch (flags & O_ACCMODE) {
	case O_RDONLY:
		want = MAY_READ;
		break;
	case O_WRONLY:
		want = MAY_WRITE;
		break;
	default:
		want = MAY_READ | MAY_WRITE;
		break;
	}
	if (flags & O_TRUNC)
		want |= MAY_WRITE;
	return want;
}

/* May the caller open this existing file this way? */
static int may_open(const struct path *path, unsigned int flags)
{
	struct inode *inode = path->inode;
	int want = access_wanted(flags);

	if (S_ISLNK(inode->mode))
		return -ELOOP;		/* O_NOFOLLOW met a link */
	if (S_ISDIR(inode->mode) && (want & MAY_WRITE))
		return -EISDIR;
	if ((want & MAY_WRITE) && (path->mount->flags & MS_RDONLY) &&
	    (S_ISREG(inode->mode) || S_ISDIR(inode->mode)))
		return -EROFS;
	return inode_permission(inode, want);
}

int vfs_open(struct fs_context *fs, const struct path *start, const char *pathname,
	     unsigned int flags, uint32_t mode, struct file **file)
{
	struct lookup_result result;
	unsigned int lookup_flags = 0;
	bool exclusive = (flags & O_CREAT) && (flags & O_EXCL);
	struct path opened;
	struct inode *created = NULL;
	int error;

	if (!(flags & O_NOFOLLOW) && !exclusive)
		lookup_flags |= LOOKUP_FOLLOW;
	if (flags & O_DIRECTORY)
		lookup_flags |= LOOKUP_DIRECTORY;
	if ((flags & O_CREAT) && !(flags & O_PATH))
		lookup_flags |= LOOKUP_MAY_BE_MISSING;
	flags |= O_LARGEFILE;	/* implied on 64-bit, and F_GETFL shows it, as on Linux */

	error = path_walk(fs, start, pathname, lookup_flags, &result);
	if (error < 0)
		return error;

	if (!result.found.inode) {
		/* O_CREAT of a missing name: a new regular file, mode less the umask. */
		if (result.trailing_slash) {
			error = -EISDIR;
			goto out;
		}
		mode = S_IFREG | (mode & 07777 & ~fs->umask);
		error = vfs_create(&result.parent, result.name, mode, NO_DEVICE, NULL, &created);
		if (error < 0)
			goto out;
		opened = (struct path){ result.parent.mount, created };
		/* The creator may use the file as asked, whatever mode it was given. */
		error = vfs_open_inode(&opened, flags, file);
		if (error == 0)
			file_set_name(*file, &result.parent, result.name);
		goto out;
	}

	if (exclusive) {
		error = -EEXIST;
		goto out;
	}
	if ((flags & O_CREAT) && S_ISDIR(result.found.inode->mode)) {
		error = -EISDIR;
		goto out;
	}
	if (flags & O_PATH) {
		error = vfs_open_inode(&result.found, flags & (O_PATH | O_CLOEXEC | O_DIRECTORY |
							      O_NOFOLLOW | O_LARGEFILE), file);
		goto out;
	}
	error = may_open(&result.found, flags);
	if (error < 0)
		goto out;
	if ((flags & O_TRUNC) && S_ISREG(result.found.inode->mode)) {
		error = vfs_truncate(result.found.inode, 0);
		if (error < 0)
			goto out;
	}
	error = vfs_open_inode(&result.found, flags, file);
out:
	if (error == 0 && !created && result.last == LAST_NORMAL && !result.magic_link)
		file_set_name(*file, &result.parent, result.name);
	inode_put(created);
	lookup_result_release(&result);
	return error;
}

int vfs_open_kernel(const char *pathname, unsigned int flags, struct file **file)
{
	struct fs_context *fs = fs_context_create_root();
	int error;

	if (!fs)
		return -ENOMEM;
	error = vfs_open(fs, &fs->root, pathname, flags, 0, file);
	fs_context_put(fs);
	return error;
}

int vfs_open_for_exec(const char *pathname, struct file **file)
{
	struct fs_context *fs = current_fs();
	struct lookup_result result;
	struct path cwd;
	int error;

	fs_context_get_cwd(fs, &cwd);
	error = path_walk(fs, &cwd, pathname, LOOKUP_FOLLOW, &result);
	path_put(&cwd);
	if (error < 0)
		return error;
	if (!S_ISREG(result.found.inode->mode) || (result.found.mount->flags & MS_NOEXEC))
		error = -EACCES;
	else
		error = inode_permission(result.found.inode, MAY_EXEC);
	/* Execute permission is enough: a program may be unreadable to its user. */
	if (error == 0)
		error = vfs_open_inode(&result.found, O_RDONLY | O_LARGEFILE, file);
	/* Its name is /proc/PID/exe's text. */
	if (error == 0 && result.last == LAST_NORMAL && !result.magic_link)
		file_set_name(*file, &result.parent, result.name);
	lookup_result_release(&result);
	return error;
}

ssize_t kernel_read(struct file *file, void *buffer, size_t count, uint64_t offset)
{
	uint64_t position = offset;

	if (!file->operations->read)
		return -EINVAL;
	return file->operations->read(file, buffer, count, &position);
}

ssize_t kernel_write(struct file *file, const void *buffer, size_t count, uint64_t offset)
{
	uint64_t position = offset;

	if (!file->operations->write)
		return -EINVAL;
	return file->operations->write(file, buffer, count, &position);
}

/*
 * A seekable file (a regular file, /dev/zero) is read until the count is met;
 * a pipe or a terminal gives what it has, once, so a reader is never blocked
 * after some data came.
 */
static bool reads_whole_count(const struct file *file)
{
	return file->operations->seekable;
}

/*
 * vfs_read and vfs_write move data through a kernel buffer of at most
 * IO_CHUNK_MAX bytes, so a file's operations never touch user memory.
 */
static int transfer_begin(const void __user *buffer, size_t count, uint8_t **chunk,
			  size_t *chunk_size)
{
	if (!user_range_is_valid((uintptr_t)buffer, count))
		return -EFAULT;
	*chunk_size = MIN(count, (size_t)IO_CHUNK_MAX);
	*chunk = kmalloc(*chunk_size);
	return *chunk ? 0 : -ENOMEM;
}

/* Free the buffer and record where the transfer stopped. */
static void transfer_end(struct file *file, uint64_t *position, uint64_t at, uint8_t *chunk)
{
	kfree(chunk);
	if (position)
		*position = at;
	else
		file->position = at;
}

ssize_t vfs_read(struct file *file, void __user *buffer, size_t count, uint64_t *position)
{
	uint64_t at = position ? *position : file->position;
	size_t chunk_size, done = 0;
	ssize_t result = 0;
	uint8_t *chunk;
	int error;

	if (!file_readable(file))
		return -EBADF;
	if (!file->operations->read)
		return S_ISDIR(file->inode->mode) ? -EISDIR : -EINVAL;
	count = MIN(count, (size_t)READ_WRITE_COUNT_MAX);
	if (count == 0)
		return 0;
	error = transfer_begin(buffer, count, &chunk, &chunk_size);
	if (error)
		return error;
	while (done < count) {
		size_t wanted = MIN(count - done, chunk_size);
		ssize_t got = file->operations->read(file, chunk, wanted, &at);

		if (got < 0) {
			result = got;
			break;
		}
		if (copy_to_user((uint8_t __user *)buffer + done, chunk, (size_t)got) < 0) {
			result = -EFAULT;
			break;
		}
		done += (size_t)got;
		if ((size_t)got < wanted || !reads_whole_count(file))
			break;
	}
	transfer_end(file, position, at, chunk);
	return done > 0 ? (ssize_t)done : result;
}

ssize_t vfs_write(struct file *file, const void __user *buffer, size_t count,
		  uint64_t *position)
{
	uint64_t at = position ? *position : file->position;
	size_t chunk_size, done = 0;
	ssize_t result = 0;
	uint8_t *chunk;
	int error;

	if (!file_writable(file))
		return -EBADF;
	if (!file->operations->write)
		return -EINVAL;
	count = MIN(count, (size_t)READ_WRITE_COUNT_MAX);
	if (count == 0) {
		if (!file->operations->writes_empty)
			return 0;
		return file->operations->write(file, "", 0, position ? position :
								       &file->position);
	}
	error = transfer_begin(buffer, count, &chunk, &chunk_size);
	if (error)
		return error;
	while (done < count) {
		size_t wanted = MIN(count - done, chunk_size);
		ssize_t put;

		if (copy_from_user(chunk, (const uint8_t __user *)buffer + done, wanted) < 0) {
			result = -EFAULT;
			break;
		}
		put = file->operations->write(file, chunk, wanted, &at);
		if (put < 0) {
			result = put;
			break;
		}
		done += (size_t)put;
		if ((size_t)put < wanted)
			break;
	}
	transfer_end(file, position, at, chunk);
	return done > 0 ? (ssize_t)done : result;
}
