/*
 * file_regular.c: the open-file operations of regular files and directories
 * of any file system (they call the inode's operations under vfs_lock), and
 * of O_PATH descriptors, which can do nothing but name a place.
 */
#include <kuid/file.h>
#include <uapi/errno.h>
#include <uapi/stat.h>

static ssize_t regular_read(struct file *file, void *buffer, size_t count, uint64_t *position)
{
	struct inode *inode = file->inode;
	ssize_t got;

	vfs_lock();
	got = inode->operations->read(inode, buffer, count, *position);
	vfs_unlock();
	if (got > 0)
		*position += (uint64_t)got;
	return got;
}

static ssize_t regular_write(struct file *file, const void *buffer, size_t count,
			     uint64_t *position)
{
	struct inode *inode = file->inode;
	ssize_t put;

	vfs_lock();
	/* O_APPEND: the end is found under the lock, so appends never overwrite each other. */
	if (file->flags & O_APPEND)
		*position = inode->size;
	put = file_size_limit_write(*position, &count);	/* RLIMIT_FSIZE */
	if (put == 0) {
		vfs_drop_privileges(inode);
		put = inode->operations->write(inode, buffer, count, *position);
	}
	if (put > 0) {
		*position += (uint64_t)put;
		vfs_touch(inode, true);
	}
	vfs_unlock();
	return put;
}

const struct file_operations regular_file_operations = {
	.read = regular_read,
	.write = regular_write,
	.seekable = true,
};

/* getdents: the file's position is the directory's own resume point. */
static int directory_iterate(struct file *file, directory_emit_t emit, void *context)
{
	struct inode *inode = file->inode;
	int error;

	vfs_lock();
	if (inode->nlink == 0)
		error = -ENOENT;	/* removed while open: nothing left to list */
	else
		error = inode->operations->iterate(inode, &file->position, emit, context);
	vfs_unlock();
	return error;
}

const struct file_operations directory_file_operations = {
	.iterate = directory_iterate,
	.seekable = true,
};

const struct file_operations path_only_file_operations = {
	.seekable = false,
};
