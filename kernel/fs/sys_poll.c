/*
 * sys_poll.c: poll, ppoll, select and pselect6. All four ask the same
 * question of a set of descriptors, "is any of you ready?", and sleep on the
 * system-wide poll queue (kuid/poll.h) until the answer changes, a signal
 * arrives or the time runs out.
 */
#include <kuid/clock.h>
#include <kuid/file.h>
#include <kuid/fs_syscalls.h>
#include <kuid/heap.h>
#include <kuid/poll.h>
#include <kuid/signal.h>
#include <kuid/string.h>
#include <kuid/wait.h>
#include <uapi/errno.h>
#include <uapi/poll.h>
#include <uapi/time.h>

#include "fs_syscall_helpers.h"

static struct wait_queue poll_waiters = {
	.lock = SPINLOCK_INIT("poll waiters"),
	.waiters = LIST_INIT(poll_waiters.waiters),
};

/* Bumped on every notification, so a sleeper can tell that something changed. */
static unsigned long poll_generation;

/* Files without a poll operation (regular files, /dev/null) are always ready. */
#define ALWAYS_READY (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM)

/* Readiness that poll reports whether it was asked for or not. */
#define ALWAYS_REPORTED (POLLERR | POLLHUP | POLLNVAL)

/* An infinite wait, in clock ticks. */
#define WAIT_FOREVER INT64_MAX

void poll_notify(void)
{
	__atomic_add_fetch(&poll_generation, 1, __ATOMIC_RELEASE);
	wake_up_all(&poll_waiters);
}

unsigned int file_poll(struct file *file)
{
	if (!file->operations->poll)
		return ALWAYS_READY;
	return file->operations->poll(file);
}

/* What one descriptor reports: POLLNVAL when it is not open. */
static unsigned int poll_descriptor(int fd)
{
	struct file *file = file_from_fd(fd);
	unsigned int events;

	if (!file)
		return POLLNVAL;
	events = file_poll(file);
	file_put(file);
	return events;
}

/*
 * Sleep until the next poll_notify, a signal, or the end of `*ticks_left`.
 * Returns 0 to look again, -EINTR, or 1 when the time is up.
 */
static int poll_sleep(unsigned long seen_generation, int64_t *ticks_left)
{
	int64_t left;

	if (*ticks_left <= 0)
		return 1;
	left = wait_event_interruptible_timeout(
		&poll_waiters,
		__atomic_load_n(&poll_generation, __ATOMIC_ACQUIRE) != seen_generation,
		*ticks_left == WAIT_FOREVER ? (int64_t)CLOCK_TICKS_PER_SECOND * 3600 : *ticks_left);
	if (left < 0)
		return -EINTR;
	if (*ticks_left != WAIT_FOREVER)
		*ticks_left = left;
	return 0;
}

static int64_t ticks_from_milliseconds(int milliseconds)
{
	if (milliseconds < 0)
		return WAIT_FOREVER;
	return (int64_t)clock_ticks_from_milliseconds((uint64_t)milliseconds);
}

/* seconds + nanoseconds as ticks, rounded up; durations of centuries wait forever. */
static int64_t ticks_from_duration(int64_t seconds, int64_t nanoseconds)
{
	if (seconds > INT64_MAX / NSEC_PER_SEC - 1)
		return WAIT_FOREVER;
	return clock_ticks_from_nanoseconds(seconds * NSEC_PER_SEC + nanoseconds);
}

/* A user timespec as ticks (NULL: forever). */
static int ticks_from_user_timespec(const struct timespec __user *user_timeout, int64_t *ticks)
{
	struct timespec timeout;

	if (!user_timeout) {
		*ticks = WAIT_FOREVER;
		return 0;
	}
	if (copy_from_user(&timeout, user_timeout, sizeof(timeout)) < 0)
		return -EFAULT;
	if (timeout.tv_sec < 0 || timeout.tv_nsec < 0 || timeout.tv_nsec >= NSEC_PER_SEC)
		return -EINVAL;
	*ticks = ticks_from_duration(timeout.tv_sec, timeout.tv_nsec);
	return 0;
}

static long do_poll(struct pollfd *descriptors, unsigned int count, int64_t ticks_left)
{
	for (;;) {
		unsigned long generation = __atomic_load_n(&poll_generation, __ATOMIC_ACQUIRE);
		long ready = 0;
		int slept;

		for (unsigned int i = 0; i < count; i++) {
			struct pollfd *entry = &descriptors[i];
			unsigned int events = 0;

			if (entry->fd >= 0)
				events = poll_descriptor(entry->fd) &
					 ((unsigned int)(uint16_t)entry->events | ALWAYS_REPORTED);
			entry->revents = (int16_t)events;
			if (events)
				ready++;
		}
		if (ready)
			return ready;
		slept = poll_sleep(generation, &ticks_left);
		if (slept < 0)
			return slept;
		if (slept > 0)
			return 0;
	}
}

static long poll_user_descriptors(struct pollfd __user *user_descriptors, unsigned int count,
				  int64_t ticks)
{
	size_t size = (size_t)count * sizeof(struct pollfd);
	struct pollfd *descriptors = NULL;
	long result;

	if (count > (unsigned int)fd_limit())
		return -EINVAL;
	if (count > 0) {
		descriptors = kmalloc(size);
		if (!descriptors)
			return -ENOMEM;
		if (copy_from_user(descriptors, user_descriptors, size) < 0) {
			result = -EFAULT;
			goto out;
		}
	}
	result = do_poll(descriptors, count, ticks);
	/* Linux copies revents back even when interrupted. */
	if (count > 0 && copy_to_user(user_descriptors, descriptors, size) < 0)
		result = -EFAULT;
out:
	kfree(descriptors);
	return result;
}

long sys_poll(struct pollfd __user *descriptors, unsigned int count, int timeout_milliseconds)
{
	return poll_user_descriptors(descriptors, count,
				     ticks_from_milliseconds(timeout_milliseconds));
}

/* ppoll and pselect6 block `mask` for the duration of the call. */
static int replace_signal_mask(const kernel_sigset_t __user *user_mask, size_t mask_size)
{
	kernel_sigset_t mask;

	if (!user_mask)
		return 0;
	if (mask_size != sizeof(kernel_sigset_t))
		return -EINVAL;
	if (copy_from_user(&mask, user_mask, sizeof(mask)) < 0)
		return -EFAULT;
	signal_set_mask_until_return(mask);
	return 0;
}

long sys_ppoll(struct pollfd __user *descriptors, unsigned int count,
	       const struct timespec __user *timeout, const kernel_sigset_t __user *mask,
	       size_t mask_size)
{
	int64_t ticks;
	int error = ticks_from_user_timespec(timeout, &ticks);

	if (error == 0)
		error = replace_signal_mask(mask, mask_size);
	if (error)
		return error;
	return poll_user_descriptors(descriptors, count, ticks);
}

/* ---- select ---- */

#define BITS_PER_WORD (8 * sizeof(unsigned long))

struct select_sets {
	fd_set read, write, except;
};

static bool fd_set_has(const fd_set *set, int fd)
{
	return (set->fds_bits[fd / BITS_PER_WORD] >> (fd % BITS_PER_WORD)) & 1;
}

static void fd_set_add(fd_set *set, int fd)
{
	set->fds_bits[fd / BITS_PER_WORD] |= 1UL << (fd % BITS_PER_WORD);
}

static int copy_set_in(fd_set *set, const fd_set __user *user_set, size_t bytes)
{
	memset(set, 0, sizeof(*set));
	if (user_set && copy_from_user(set, user_set, bytes) < 0)
		return -EFAULT;
	return 0;
}

/* select's readiness classes, as Linux derives them from poll bits. */
#define SELECT_READ (POLLIN | POLLRDNORM | POLLRDBAND | POLLHUP | POLLERR)
#define SELECT_WRITE (POLLOUT | POLLWRNORM | POLLWRBAND | POLLERR)
#define SELECT_EXCEPT POLLPRI

/* One pass over the sets; fills `ready` and returns the count, or -EBADF. */
static long select_scan(int count, const struct select_sets *wanted, struct select_sets *ready)
{
	long total = 0;

	memset(ready, 0, sizeof(*ready));
	for (int fd = 0; fd < count; fd++) {
		bool in_read = fd_set_has(&wanted->read, fd);
		bool in_write = fd_set_has(&wanted->write, fd);
		bool in_except = fd_set_has(&wanted->except, fd);
		unsigned int events;

		if (!in_read && !in_write && !in_except)
			continue;
		events = poll_descriptor(fd);
		if (events & POLLNVAL)
			return -EBADF;
		if (in_read && (events & SELECT_READ)) {
			fd_set_add(&ready->read, fd);
			total++;
		}
		if (in_write && (events & SELECT_WRITE)) {
			fd_set_add(&ready->write, fd);
			total++;
		}
		if (in_except && (events & SELECT_EXCEPT)) {
			fd_set_add(&ready->except, fd);
			total++;
		}
	}
	return total;
}

static long do_select(int count, fd_set __user *user_read, fd_set __user *user_write,
		      fd_set __user *user_except, int64_t ticks_left)
{
	struct select_sets wanted, ready;
	size_t bytes;
	long result;

	if (count < 0)
		return -EINVAL;
	if (count > FD_SETSIZE)
		count = FD_SETSIZE;	/* Linux quietly caps at the table size */
	bytes = ALIGN_UP((size_t)count, BITS_PER_WORD) / 8;
	if (copy_set_in(&wanted.read, user_read, bytes) < 0 ||
	    copy_set_in(&wanted.write, user_write, bytes) < 0 ||
	    copy_set_in(&wanted.except, user_except, bytes) < 0)
		return -EFAULT;

	for (;;) {
		unsigned long generation = __atomic_load_n(&poll_generation, __ATOMIC_ACQUIRE);
		int slept;

		result = select_scan(count, &wanted, &ready);
		if (result != 0)
			break;
		slept = poll_sleep(generation, &ticks_left);
		if (slept < 0) {
			result = slept;
			break;
		}
		if (slept > 0)
			break;
	}
	if (result < 0)
		return result;
	if ((user_read && copy_to_user(user_read, &ready.read, bytes) < 0) ||
	    (user_write && copy_to_user(user_write, &ready.write, bytes) < 0) ||
	    (user_except && copy_to_user(user_except, &ready.except, bytes) < 0))
		return -EFAULT;
	return result;
}

long sys_select(int count, fd_set __user *read_set, fd_set __user *write_set,
		fd_set __user *except_set, struct timeval __user *user_timeout)
{
	struct timeval timeout;
	int64_t ticks = WAIT_FOREVER;

	if (user_timeout) {
		if (copy_from_user(&timeout, user_timeout, sizeof(timeout)) < 0)
			return -EFAULT;
		if (timeout.tv_sec < 0 || timeout.tv_usec < 0 || timeout.tv_usec >= 1000000)
			return -EINVAL;
		ticks = ticks_from_duration(timeout.tv_sec, timeout.tv_usec * 1000);
	}
	return do_select(count, read_set, write_set, except_set, ticks);
}

/* pselect6's sixth argument: the mask and its size, packed in user memory. */
struct pselect_mask_argument {
	const kernel_sigset_t __user *mask;
	size_t size;
};

long sys_pselect6(int count, fd_set __user *read_set, fd_set __user *write_set,
		  fd_set __user *except_set, const struct timespec __user *timeout,
		  const struct pselect_mask_argument __user *mask_argument)
{
	struct pselect_mask_argument mask = { NULL, 0 };
	int64_t ticks;
	int error = ticks_from_user_timespec(timeout, &ticks);

	if (error)
		return error;
	if (mask_argument && copy_from_user(&mask, mask_argument, sizeof(mask)) < 0)
		return -EFAULT;
	error = replace_signal_mask(mask.mask, mask.size);
	if (error)
		return error;
	return do_select(count, read_set, write_set, except_set, ticks);
}
