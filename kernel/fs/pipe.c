/*
 * pipe.c: pipes and FIFOs. A pipe is a ring buffer of PIPE_CAPACITY bytes
 * with a count of open reading ends and writing ends.
 *   read:  takes what is there; blocks while empty and a writer is open;
 *          returns 0 (end of file) once no writer is left.
 *   write: blocks while full; with no reader left it fails with EPIPE (and
 *          the writer gets SIGPIPE). A write of at most PIPE_BUF bytes goes in
 *          whole or waits: it is never interleaved with another writer's.
 * With O_NONBLOCK, what would block fails with EAGAIN instead.
 *
 * Every pipe belongs to an inode: a FIFO's (made at its first open) or, for
 * pipe(2), an anonymous inode of its own, so fstat works on both alike. The
 * inode holds one reference to the pipe and each open end another.
 *
 * Lock: pipe->lock (with interrupts off: the holder is never preempted)
 * protects the buffer and the counts. It is never held while sleeping.
 */
#include <kuid/cred.h>
#include <kuid/file.h>
#include <kuid/heap.h>
#include <kuid/poll.h>
#include <kuid/spinlock.h>
#include <kuid/signal.h>
#include <kuid/string.h>
#include <kuid/task.h>
#include <kuid/user_memory.h>
#include <kuid/wait.h>
#include <uapi/errno.h>
#include <uapi/ioctl.h>
#include <uapi/limits.h>
#include <uapi/stat.h>
#include <uapi/termios.h>

#define PIPEFS_MAGIC 0x50495045

/* Every wait of a pipe ends early, with -EINTR, when a signal comes. */
#define pipe_wait(queue, condition) wait_event_interruptible(queue, condition)

struct pipe {
	unsigned int references;	/* atomic: the inode and each open end */
	struct spinlock lock;

	/* Protected by lock. */
	uint8_t *buffer;		/* PIPE_CAPACITY bytes, allocated at the first write */
	size_t start;			/* where the oldest byte is */
	size_t count;			/* bytes in the buffer */
	unsigned int readers, writers;	/* open ends */
	unsigned int reader_opens, writer_opens; /* ever opened: FIFO opens wait on these */

	struct wait_queue readable;	/* readers: data came, or the last writer left */
	struct wait_queue writable;	/* writers: room came, or the last reader left */
};

/* The anonymous inodes of pipe(2) belong to this always-present file system. */
static struct super_block pipe_super_block = {
	.references = 1,
	.type_name = "pipefs",
	.magic = PIPEFS_MAGIC,
	.device = { 0, 12 },
	.next_inode_number = 1,
};

static const struct file_operations pipe_operations;

static struct pipe *pipe_new(void)
{
	struct pipe *pipe = kzalloc(sizeof(*pipe));

	if (!pipe)
		return NULL;
	pipe->references = 1;
	spin_lock_init(&pipe->lock, "pipe");
	wait_queue_init(&pipe->readable);
	wait_queue_init(&pipe->writable);
	return pipe;
}

static void pipe_get(struct pipe *pipe)
{
	__atomic_add_fetch(&pipe->references, 1, __ATOMIC_RELAXED);
}

static void pipe_put(struct pipe *pipe)
{
	if (!pipe || __atomic_sub_fetch(&pipe->references, 1, __ATOMIC_ACQ_REL) != 0)
		return;
	kfree(pipe->buffer);
	kfree(pipe);
}

void fifo_inode_destroy(struct inode *inode)
{
	pipe_put(inode->fifo);
	inode->fifo = NULL;
}

bool file_is_pipe(const struct file *file)
{
	return file->operations == &pipe_operations;
}

/* Copy up to `count` bytes out of the ring; lock held. */
static size_t take_bytes(struct pipe *pipe, uint8_t *out, size_t count)
{
	size_t taken = 0;

	count = MIN(count, pipe->count);
	while (taken < count) {
		size_t chunk = MIN(count - taken, PIPE_CAPACITY - pipe->start);

		memcpy(out + taken, pipe->buffer + pipe->start, chunk);
		pipe->start = (pipe->start + chunk) % PIPE_CAPACITY;
		pipe->count -= chunk;
		taken += chunk;
	}
	return taken;
}

/* Copy up to `count` bytes into the free part of the ring; lock held. */
static size_t put_bytes(struct pipe *pipe, const uint8_t *in, size_t count)
{
	size_t put = 0;

	count = MIN(count, PIPE_CAPACITY - pipe->count);
	while (put < count) {
		size_t end = (pipe->start + pipe->count) % PIPE_CAPACITY;
		size_t chunk = MIN(count - put, PIPE_CAPACITY - end);

		memcpy(pipe->buffer + end, in + put, chunk);
		pipe->count += chunk;
		put += chunk;
	}
	return put;
}

static ssize_t pipe_read(struct file *file, void *buffer, size_t count, uint64_t *position)
{
	struct pipe *pipe = file->private;
	unsigned long irq_state;
	ssize_t result;
	bool must_wait;
	int error;

	(void)position;
	for (;;) {
		must_wait = false;
		irq_state = spin_lock_irqsave(&pipe->lock);
		if (pipe->count > 0)
			result = (ssize_t)take_bytes(pipe, buffer, count);
		else if (pipe->writers == 0)
			result = 0;		/* end of file */
		else if (file->flags & O_NONBLOCK)
			result = -EAGAIN;
		else
			must_wait = true;
		spin_unlock_irqrestore(&pipe->lock, irq_state);

		if (!must_wait)
			break;
		error = pipe_wait(&pipe->readable, pipe->count > 0 || pipe->writers == 0);
		if (error < 0)
			return error;
	}
	if (result > 0) {
		wake_up_all(&pipe->writable);
		poll_notify();
	}
	return result;
}

/* SIGPIPE for a write with no reader (Linux sends it from the pipe, too). */
static void signal_broken_pipe(void)
{
	struct task *task = current_task();

	if (task)
		signal_send_to_thread(task, SIGPIPE, NULL);
}

static ssize_t pipe_write(struct file *file, const void *buffer, size_t count,
			  uint64_t *position)
{
	struct pipe *pipe = file->private;
	const uint8_t *in = buffer;
	size_t written = 0;
	unsigned long irq_state;
	int error = 0;

	(void)position;
	while (written < count) {
		size_t left = count - written;
		bool broken = false;

		irq_state = spin_lock_irqsave(&pipe->lock);
		if (pipe->readers == 0) {
			broken = true;
		} else if (pipe->buffer) {
			size_t room = PIPE_CAPACITY - pipe->count;

			/* Small writes go in whole or not at all. */
			if (left > PIPE_BUF || room >= left)
				written += put_bytes(pipe, in + written, left);
		}
		spin_unlock_irqrestore(&pipe->lock, irq_state);

		if (broken) {
			signal_broken_pipe();
			error = -EPIPE;
			break;
		}
		if (!pipe->buffer) {
			/* The first write brings the buffer; allocated outside the lock. */
			uint8_t *fresh = kmalloc(PIPE_CAPACITY);

			if (!fresh) {
				error = -ENOMEM;
				break;
			}
			irq_state = spin_lock_irqsave(&pipe->lock);
			if (!pipe->buffer) {
				pipe->buffer = fresh;
				fresh = NULL;
			}
			spin_unlock_irqrestore(&pipe->lock, irq_state);
			kfree(fresh);
			continue;
		}
		wake_up_all(&pipe->readable);
		poll_notify();
		if (written == count)
			break;
		if (file->flags & O_NONBLOCK) {
			error = -EAGAIN;
			break;
		}
		left = count - written;
		error = pipe_wait(&pipe->writable,
				  pipe->readers == 0 ||
				  PIPE_CAPACITY - pipe->count >= (left > PIPE_BUF ? 1 : left));
		if (error < 0)
			break;
	}
	return written > 0 ? (ssize_t)written : error;
}

static unsigned int pipe_poll(struct file *file)
{
	struct pipe *pipe = file->private;
	unsigned int events = 0;
	unsigned long irq_state = spin_lock_irqsave(&pipe->lock);

	if (file_readable(file)) {
		if (pipe->count > 0)
			events |= POLL_IN;
		if (pipe->writers == 0)
			events |= POLL_HUP;
	}
	if (file_writable(file)) {
		if (pipe->count < PIPE_CAPACITY)
			events |= POLL_OUT;
		if (pipe->readers == 0)
			events |= POLL_ERR;
	}
	spin_unlock_irqrestore(&pipe->lock, irq_state);
	return events;
}

static long pipe_ioctl(struct file *file, unsigned int request, unsigned long argument)
{
	struct pipe *pipe = file->private;
	int available;

	if (request != FIONREAD)
		return -ENOTTY;
	available = (int)__atomic_load_n(&pipe->count, __ATOMIC_RELAXED);
	return copy_to_user((void __user *)argument, &available, sizeof(available));
}

static void pipe_release(struct file *file)
{
	struct pipe *pipe = file->private;
	unsigned int access = file->flags & O_ACCMODE;
	unsigned long irq_state = spin_lock_irqsave(&pipe->lock);

	/* The mirror of fifo_open's counting. */
	if (access != O_WRONLY)
		pipe->readers--;
	if (access != O_RDONLY)
		pipe->writers--;
	spin_unlock_irqrestore(&pipe->lock, irq_state);
	/* The other side may be waiting for exactly this. */
	wake_up_all(&pipe->readable);
	wake_up_all(&pipe->writable);
	poll_notify();
	pipe_put(pipe);
}

static const struct file_operations pipe_operations = {
	.read = pipe_read,
	.write = pipe_write,
	.ioctl = pipe_ioctl,
	.poll = pipe_poll,
	.release = pipe_release,
};

/* The inode's pipe, made at the first open; the inode keeps a reference. */
static struct pipe *fifo_pipe(struct inode *inode)
{
	struct pipe *fresh = NULL, *pipe;

	vfs_lock();
	pipe = inode->fifo;
	vfs_unlock();
	if (pipe)
		return pipe;
	fresh = pipe_new();
	if (!fresh)
		return NULL;
	vfs_lock();
	if (!inode->fifo) {
		inode->fifo = fresh;
		fresh = NULL;
	}
	pipe = inode->fifo;
	vfs_unlock();
	pipe_put(fresh);	/* someone else was quicker */
	return pipe;
}

/*
 * Opening a FIFO: a reader waits for a writer and a writer for a reader
 * (unless O_NONBLOCK: then a reader goes ahead and a writer fails with
 * ENXIO); opening for both never waits.
 */
int fifo_open(struct inode *inode, struct file *file)
{
	struct pipe *pipe = fifo_pipe(inode);
	unsigned int access = file->flags & O_ACCMODE;
	bool nonblocking = file->flags & O_NONBLOCK;
	unsigned long irq_state;
	unsigned int seen;
	int error = 0;

	if (!pipe)
		return -ENOMEM;
	irq_state = spin_lock_irqsave(&pipe->lock);
	if (access == O_WRONLY && nonblocking && pipe->readers == 0) {
		error = -ENXIO;
	} else {
		if (access != O_WRONLY) {
			pipe->readers++;
			pipe->reader_opens++;
		}
		if (access != O_RDONLY) {
			pipe->writers++;
			pipe->writer_opens++;
		}
	}
	spin_unlock_irqrestore(&pipe->lock, irq_state);
	if (error < 0)
		return error;

	pipe_get(pipe);
	file->private = pipe;
	file->operations = &pipe_operations;
	wake_up_all(&pipe->readable);
	wake_up_all(&pipe->writable);
	poll_notify();

	if (access == O_RDONLY && !nonblocking && pipe->writers == 0) {
		seen = pipe->writer_opens;
		error = pipe_wait(&pipe->readable, pipe->writer_opens != seen);
	} else if (access == O_WRONLY && pipe->readers == 0) {
		seen = pipe->reader_opens;
		error = pipe_wait(&pipe->writable, pipe->reader_opens != seen);
	}
	if (error < 0) {
		/* Interrupted: undo the counting here, since the caller will not release. */
		pipe_release(file);
		file->private = NULL;
		file->operations = &path_only_file_operations;
	}
	return error;
}

int pipe_create(unsigned int flags, struct file **read_end, struct file **write_end)
{
	const struct cred *cred = current_cred();
	struct inode *inode = inode_new(&pipe_super_block, S_IFIFO | S_IRUSR | S_IWUSR);
	struct pipe *pipe;
	int error = -ENOMEM;

	if (!inode)
		return -ENOMEM;
	inode->uid = cred->fsuid;
	inode->gid = cred->fsgid;
	pipe = pipe_new();
	if (!pipe)
		goto out;
	inode->fifo = pipe;		/* the inode's reference */

	*read_end = file_new(inode, NULL, O_RDONLY | (flags & O_NONBLOCK), &pipe_operations);
	*write_end = file_new(inode, NULL, O_WRONLY | (flags & O_NONBLOCK), &pipe_operations);
	if (!*read_end || !*write_end) {
		/* Not yet ends of the pipe: drop the operations so put does not release. */
		if (*read_end)
			(*read_end)->operations = &path_only_file_operations;
		if (*write_end)
			(*write_end)->operations = &path_only_file_operations;
		file_put(*read_end);
		file_put(*write_end);
		goto out;
	}
	pipe->readers = pipe->writers = 1;
	pipe->reader_opens = pipe->writer_opens = 1;
	pipe_get(pipe);
	pipe_get(pipe);
	(*read_end)->private = pipe;
	(*write_end)->private = pipe;
	error = 0;
out:
	inode_put(inode);	/* the files hold it now, or it goes */
	return error;
}
