/*
 * sys_read_write.c: read, write, their vector and positioned forms, lseek and
 * sendfile. The copying itself is vfs_read/vfs_write (file.c); these add
 * Linux's argument checks in Linux's order.
 */
#include <kuid/fs_syscalls.h>
#include <kuid/heap.h>
#include <uapi/errno.h>
#include <uapi/fs.h>
#include <uapi/stat.h>
#include <uapi/uio.h>

#include "fs_syscall_helpers.h"

#define SSIZE_MAX_VALUE ((size_t)INT64_MAX)
#define VECTOR_BOUNCE_MAX (64 * 1024)
#define SENDFILE_CHUNK (64 * 1024)

long sys_read(int fd, void __user *buffer, size_t count)
{
	struct file *file = file_from_fd(fd);
	long result;

	if (!file)
		return -EBADF;
	result = vfs_read(file, buffer, count, NULL);
	file_put(file);
	return result;
}

long sys_write(int fd, const void __user *buffer, size_t count)
{
	struct file *file = file_from_fd(fd);
	long result;

	if (!file)
		return -EBADF;
	result = vfs_write(file, buffer, count, NULL);
	file_put(file);
	return result;
}

long sys_pread64(int fd, void __user *buffer, size_t count, int64_t offset)
{
	struct file *file = file_from_fd(fd);
	uint64_t position = (uint64_t)offset;
	long result;

	if (!file)
		return -EBADF;
	if (offset < 0)
		result = -EINVAL;
	else if (!file->operations->seekable)
		result = -ESPIPE;
	else
		result = vfs_read(file, buffer, count, &position);
	file_put(file);
	return result;
}

long sys_pwrite64(int fd, const void __user *buffer, size_t count, int64_t offset)
{
	struct file *file = file_from_fd(fd);
	uint64_t position = (uint64_t)offset;
	long result;

	if (!file)
		return -EBADF;
	if (offset < 0)
		result = -EINVAL;
	else if (!file->operations->seekable || file->operations->no_positioned_write)
		result = -ESPIPE;
	else
		result = vfs_write(file, buffer, count, &position);
	file_put(file);
	return result;
}

/* The kernel copy of a user iovec array, with the total checked: 0 or an errno. */
static int copy_vectors(const struct iovec __user *user_vectors, int count,
			struct iovec **vectors, size_t *total)
{
	struct iovec *copy;

	if (count < 0 || count > UIO_MAXIOV)
		return -EINVAL;
	*total = 0;
	*vectors = NULL;
	if (count == 0)
		return 0;
	copy = kmalloc((size_t)count * sizeof(*copy));
	if (!copy)
		return -ENOMEM;
	if (copy_from_user(copy, user_vectors, (size_t)count * sizeof(*copy)) < 0) {
		kfree(copy);
		return -EFAULT;
	}
	for (int i = 0; i < count; i++) {
		if (copy[i].iov_len > SSIZE_MAX_VALUE - *total) {
			kfree(copy);
			return -EINVAL;
		}
		*total += copy[i].iov_len;
	}
	*vectors = copy;
	return 0;
}

/*
 * A pipe or terminal must see a vector as one read or write: a second read
 * could block after data came, and a split write could interleave with
 * another writer's. So those go through one kernel buffer.
 */
static long stream_vector_read(struct file *file, const struct iovec *vectors, int count,
			       size_t total)
{
	size_t size = MIN(total, (size_t)VECTOR_BOUNCE_MAX), given = 0;
	uint8_t *bounce = kmalloc(size);
	uint64_t position = 0;
	ssize_t got;

	if (!bounce)
		return -ENOMEM;
	got = file->operations->read(file, bounce, size, &position);
	for (int i = 0; got > 0 && i < count && given < (size_t)got; i++) {
		size_t part = MIN(vectors[i].iov_len, (size_t)got - given);

		if (copy_to_user(vectors[i].iov_base, bounce + given, part) < 0) {
			got = given ? (ssize_t)given : -EFAULT;
			break;
		}
		given += part;
	}
	kfree(bounce);
	return got;
}

static long stream_vector_write(struct file *file, const struct iovec *vectors, int count,
				size_t total)
{
	size_t size = MIN(total, (size_t)VECTOR_BOUNCE_MAX), taken = 0;
	uint8_t *bounce = kmalloc(size);
	uint64_t position = 0;
	long result;

	if (!bounce)
		return -ENOMEM;
	for (int i = 0; i < count && taken < size; i++) {
		size_t part = MIN(vectors[i].iov_len, size - taken);

		if (copy_from_user(bounce + taken, vectors[i].iov_base, part) < 0) {
			kfree(bounce);
			return -EFAULT;
		}
		taken += part;
	}
	result = file->operations->write(file, bounce, size, &position);
	kfree(bounce);
	return result;
}

static long vector_io(int fd, const struct iovec __user *user_vectors, int count, bool writing)
{
	struct file *file = file_from_fd(fd);
	struct iovec *vectors = NULL;
	size_t total, done = 0;
	long result = 0;

	if (!file)
		return -EBADF;
	result = copy_vectors(user_vectors, count, &vectors, &total);
	if (result < 0 || total == 0)
		goto out;
	if (writing ? !file_writable(file) : !file_readable(file)) {
		result = -EBADF;
	} else if (!(writing ? (void *)file->operations->write : (void *)file->operations->read)) {
		result = -EINVAL;
	} else if (!file->operations->seekable) {
		result = writing ? stream_vector_write(file, vectors, count, total) :
				   stream_vector_read(file, vectors, count, total);
	} else {
		/* A seekable file never blocks: one vector after another. */
		for (int i = 0; i < count; i++) {
			ssize_t part = writing ? vfs_write(file, vectors[i].iov_base,
							   vectors[i].iov_len, NULL) :
						 vfs_read(file, vectors[i].iov_base,
							  vectors[i].iov_len, NULL);

			if (part < 0) {
				result = done ? (long)done : part;
				goto out;
			}
			done += (size_t)part;
			if ((size_t)part < vectors[i].iov_len)
				break;
		}
		result = (long)done;
	}
out:
	kfree(vectors);
	file_put(file);
	return result;
}

long sys_readv(int fd, const struct iovec __user *vectors, int count)
{
	return vector_io(fd, vectors, count, false);
}

long sys_writev(int fd, const struct iovec __user *vectors, int count)
{
	return vector_io(fd, vectors, count, true);
}

long sys_lseek(int fd, int64_t offset, int whence)
{
	struct file *file = open_file_from_fd(fd);
	int64_t base, target;
	long result;

	if (!file)
		return -EBADF;
	if (!file->operations->seekable) {
		result = -ESPIPE;
		goto out;
	}
	vfs_lock();
	switch (whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = (int64_t)file->position;
		break;
	case SEEK_END:
		/* A directory's offset is a resume point, not a byte count: it has no end. */
		base = S_ISDIR(file->inode->mode) ? -1 : (int64_t)file->inode->size;
		break;
	case SEEK_DATA:
	case SEEK_HOLE:
		/* RAM files have no holes worth reporting: data up to the end, a hole there. */
		base = S_ISREG(file->inode->mode) ? 0 : -1;
		if (base == 0 && offset >= (int64_t)file->inode->size) {
			vfs_unlock();
			result = -ENXIO;
			goto out;
		}
		if (base == 0 && whence == SEEK_HOLE)
			offset = (int64_t)file->inode->size;
		break;
	default:
		base = -1;
		break;
	}
	if (base < 0 || __builtin_add_overflow(base, offset, &target) || target < 0) {
		result = -EINVAL;
	} else {
		file->position = (uint64_t)target;
		result = target;
	}
	vfs_unlock();
out:
	file_put(file);
	return result;
}

/* Copy up to count bytes from `in` at *position to `out`; what was moved, or an errno. */
static long copy_between(struct file *in, struct file *out, uint64_t *position, size_t count)
{
	size_t done = 0;
	uint8_t *chunk = kmalloc(MIN(MAX(count, (size_t)1), (size_t)SENDFILE_CHUNK));
	long result = 0;

	if (!chunk)
		return -ENOMEM;
	while (done < count) {
		size_t wanted = MIN(count - done, (size_t)SENDFILE_CHUNK);
		uint64_t out_position = out->position;
		ssize_t got = in->operations->read(in, chunk, wanted, position);
		ssize_t put;

		if (got <= 0) {
			result = got;
			break;
		}
		put = out->operations->write(out, chunk, (size_t)got, &out_position);
		if (out->operations->seekable)
			out->position = out_position;
		if (put < 0) {
			result = put;
			*position -= (uint64_t)got;	/* not consumed after all */
			break;
		}
		done += (size_t)put;
		if (put < got) {
			*position -= (uint64_t)(got - put);
			break;
		}
		if ((size_t)got < wanted)
			break;
	}
	kfree(chunk);
	return done > 0 ? (long)done : result;
}

long sys_sendfile(int out_fd, int in_fd, int64_t __user *user_offset, size_t count)
{
	struct file *in = file_from_fd(in_fd), *out = file_from_fd(out_fd);
	int64_t offset;
	uint64_t position;
	long result;

	if (!in || !out || !file_readable(in) || !file_writable(out)) {
		result = -EBADF;
		goto out;
	}
	/* Linux reads from files it could map: regular files here. */
	if (!S_ISREG(in->inode->mode) || !out->operations->write) {
		result = -EINVAL;
		goto out;
	}
	if ((out->flags & O_APPEND)) {
		result = -EINVAL;
		goto out;
	}
	if (user_offset) {
		if (copy_from_user(&offset, user_offset, sizeof(offset)) < 0) {
			result = -EFAULT;
			goto out;
		}
		if (offset < 0) {
			result = -EINVAL;
			goto out;
		}
		position = (uint64_t)offset;
	} else {
		position = in->position;
	}
	count = MIN(count, (size_t)0x7ffff000);
	result = count ? copy_between(in, out, &position, count) : 0;
	if (user_offset) {
		offset = (int64_t)position;
		if (copy_to_user(user_offset, &offset, sizeof(offset)) < 0 && result >= 0)
			result = -EFAULT;
	} else {
		in->position = position;
	}
out:
	file_put(in);
	file_put(out);
	return result;
}
