/*
 * file_size_limit.c: RLIMIT_FSIZE, the largest a process may make a regular
 * file. As Linux (generic_write_check_limits, inode_newsize_ok): a write that
 * starts at or past the limit, or a truncate that would grow the file past
 * it, fails with -EFBIG and sends the caller SIGXFSZ (whose default action
 * kills with a core dump; a program that ignores it just sees EFBIG). A write
 * that starts below the limit is cut short at it, without a signal.
 */
#include <kuid/signal.h>
#include <kuid/task.h>
#include <kuid/vfs.h>
#include <uapi/errno.h>
#include <uapi/signal.h>

static int refuse_file_growth(void)
{
	struct task *task = current_task();

	/* Linux sends it to the calling thread (send_sig), as SIGPIPE. */
	if (task)
		signal_send_to_thread(task, SIGXFSZ, NULL);
	return -EFBIG;
}

int file_size_limit_write(uint64_t position, size_t *count)
{
	uint64_t limit = current_limit(RLIMIT_FSIZE);

	if (limit == RLIM64_INFINITY || *count == 0)
		return 0;
	if (position >= limit)
		return refuse_file_growth();
	if (*count > limit - position)
		*count = (size_t)(limit - position);
	return 0;
}

int file_size_limit_truncate(uint64_t old_size, uint64_t new_size)
{
	if (new_size <= old_size || new_size <= current_limit(RLIMIT_FSIZE))
		return 0;	/* shrinking is always allowed */
	return refuse_file_growth();
}
