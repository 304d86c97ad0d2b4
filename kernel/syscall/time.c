/*
 * time.c: the clocks user programs read and the sleeps they take.
 *
 * CLOCK_MONOTONIC (and BOOTTIME, RAW, COARSE) counts timer ticks since boot,
 * so it advances in steps of 10 ms. CLOCK_REALTIME adds the date read from
 * the CMOS clock (kernel/time/wall_clock.c). kuid does not account CPU time
 * yet: the CPU-time clocks report the time since boot, an upper bound.
 *
 * Sleeps are interruptible: a signal ends them early with -EINTR and, for
 * relative sleeps, the time that was left.
 */
#include <kuid/clock.h>
#include <kuid/syscall_handlers.h>
#include <kuid/task.h>
#include <kuid/user_memory.h>
#include <uapi/errno.h>
#include <uapi/time.h>


static struct timespec timespec_from_nanoseconds(int64_t nanoseconds)
{
	return (struct timespec){ .tv_sec = nanoseconds / NSEC_PER_SEC,
				  .tv_nsec = nanoseconds % NSEC_PER_SEC };
}

/* The time of a clock in nanoseconds. -EINVAL for a clock kuid does not have. */
static int clock_read(int clock, int64_t *nanoseconds)
{
	switch (clock) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
	case CLOCK_TAI:
		*nanoseconds = clock_wall_nanoseconds();
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
		*nanoseconds = clock_monotonic_nanoseconds();
		return 0;
	default:
		return -EINVAL;
	}
}

long sys_clock_gettime(int clock, struct timespec __user *time)
{
	struct timespec answer;
	int64_t now;
	int error = clock_read(clock, &now);

	if (error)
		return error;
	answer = timespec_from_nanoseconds(now);
	return copy_to_user(time, &answer, sizeof(answer));
}

long sys_clock_getres(int clock, struct timespec __user *resolution)
{
	struct timespec answer = timespec_from_nanoseconds(CLOCK_NANOSECONDS_PER_TICK);
	int64_t now;
	int error = clock_read(clock, &now);

	if (error)
		return error;
	if (!resolution)
		return 0;
	return copy_to_user(resolution, &answer, sizeof(answer));
}

long sys_gettimeofday(struct timeval __user *time, struct timezone __user *zone)
{
	struct timezone utc = { 0, 0 };
	struct timeval answer;
	int64_t now;

	clock_read(CLOCK_REALTIME, &now);
	answer = (struct timeval){ .tv_sec = now / NSEC_PER_SEC,
				   .tv_usec = (now % NSEC_PER_SEC) / 1000 };
	if (time && copy_to_user(time, &answer, sizeof(answer)))
		return -EFAULT;
	if (zone && copy_to_user(zone, &utc, sizeof(utc)))
		return -EFAULT;
	return 0;
}

long sys_time(int64_t __user *seconds)
{
	int64_t now;

	clock_read(CLOCK_REALTIME, &now);
	now /= NSEC_PER_SEC;
	if (seconds && copy_to_user(seconds, &now, sizeof(now)))
		return -EFAULT;
	return now;
}

static int read_duration(const struct timespec __user *source, struct timespec *duration)
{
	if (copy_from_user(duration, source, sizeof(*duration)))
		return -EFAULT;
	if (duration->tv_sec < 0 || duration->tv_nsec < 0 || duration->tv_nsec >= NSEC_PER_SEC)
		return -EINVAL;
	return 0;
}

/*
 * Sleep until the monotonic time `deadline` (nanoseconds since boot). 0, or
 * -EINTR if a signal came first (then *left is the time still to go).
 */
static int sleep_until(int64_t deadline, int64_t *left)
{
	struct task *task = current_task();

	for (;;) {
		int64_t now = clock_monotonic_nanoseconds();

		*left = deadline - now;
		if (*left <= 0)
			return 0;
		if (task && signal_pending(task))
			return -EINTR;
		/* A signal wakes a sleeping thread early (thread_wake); then we look again. */
		thread_sleep_milliseconds((uint64_t)(*left + 999999) / 1000000);
	}
}

static long relative_sleep(const struct timespec *duration, struct timespec __user *remaining)
{
	int64_t nanoseconds, left;
	struct timespec rest;
	int error;

	/* Durations beyond ~292 years would overflow: sleep "forever" instead. */
	if (duration->tv_sec > INT64_MAX / NSEC_PER_SEC - 1)
		nanoseconds = INT64_MAX / 2;
	else
		nanoseconds = duration->tv_sec * NSEC_PER_SEC + duration->tv_nsec;
	error = sleep_until(clock_monotonic_nanoseconds() + nanoseconds, &left);
	if (error == -EINTR && remaining) {
		rest = timespec_from_nanoseconds(left);
		if (copy_to_user(remaining, &rest, sizeof(rest)))
			return -EFAULT;
	}
	return error;
}

long sys_nanosleep(const struct timespec __user *duration, struct timespec __user *remaining)
{
	struct timespec request;
	int error = read_duration(duration, &request);

	if (error)
		return error;
	return relative_sleep(&request, remaining);
}

long sys_clock_nanosleep(int clock, int flags, const struct timespec __user *request,
			 struct timespec __user *remaining)
{
	struct timespec when;
	int64_t now, target, left;
	int error;

	if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC && clock != CLOCK_BOOTTIME &&
	    clock != CLOCK_TAI)
		return -EINVAL;
	if (flags & ~TIMER_ABSTIME)
		return -EINVAL;
	error = read_duration(request, &when);
	if (error)
		return error;
	if (!(flags & TIMER_ABSTIME))
		return relative_sleep(&when, remaining);
	/* An absolute time on `clock`: turn it into a monotonic deadline. */
	error = clock_read(clock, &now);
	if (error)
		return error;
	target = when.tv_sec * NSEC_PER_SEC + when.tv_nsec;
	return sleep_until(clock_monotonic_nanoseconds() + (target - now), &left);
}
