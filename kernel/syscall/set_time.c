/*
 * set_time.c: clock_settime(2). There is one clock for the whole machine, whatever the
 * namespaces, so setting it needs CAP_SYS_TIME in the *initial* user namespace (R4.11): root
 * of a container gets EPERM (Obs 9d). Only CLOCK_REALTIME can be set, as on Linux.
 */
#include <kuid/capability.h>
#include <kuid/clock.h>
#include <kuid/cred.h>
#include <kuid/syscall_handlers.h>
#include <kuid/user_memory.h>
#include <uapi/errno.h>
#include <uapi/time.h>

/* Linux's order: copy, the clock, the value, then the capability. */
long sys_clock_settime(int clock, const struct timespec __user *time)
{
	struct timespec value;

	if (copy_from_user(&value, time, sizeof(value)))
		return -EFAULT;
	/* The CPU-time clocks refuse with EPERM whoever asks; the others cannot be set. */
	if (clock == CLOCK_PROCESS_CPUTIME_ID || clock == CLOCK_THREAD_CPUTIME_ID)
		return -EPERM;
	if (clock != CLOCK_REALTIME)
		return -EINVAL;
	if (value.tv_sec < 0 || value.tv_nsec < 0 || value.tv_nsec >= NSEC_PER_SEC)
		return -EINVAL;
	if (!capable(CAP_SYS_TIME))
		return userns_refuse(NULL, RULE_R4_11_INITIAL_NS_ONLY, 0,
				     "setting the clock needs CAP_SYS_TIME in the initial ns", EPERM);
	clock_set_wall_nanoseconds(value.tv_sec * NSEC_PER_SEC + value.tv_nsec);
	return 0;
}
