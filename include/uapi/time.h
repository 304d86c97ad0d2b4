/* Time structures and clock ids of the Linux x86_64 system calls
 * (clock_gettime, nanosleep, gettimeofday, setitimer). */
#ifndef KUID_UAPI_TIME_H
#define KUID_UAPI_TIME_H

#include <stdint.h>

#define NSEC_PER_SEC    1000000000L
#define USEC_PER_SEC    1000000L

struct timespec {
	int64_t tv_sec;
	int64_t tv_nsec;                /* 0 .. 999999999 */
};

struct timeval {
	int64_t tv_sec;
	int64_t tv_usec;                /* 0 .. 999999 */
};

struct timezone {
	int32_t tz_minuteswest;
	int32_t tz_dsttime;
};

struct itimerval {
	struct timeval it_interval;     /* reload value, 0 for one shot */
	struct timeval it_value;        /* time to the next expiry, 0 disarms */
};

struct itimerspec {
	struct timespec it_interval;
	struct timespec it_value;
};

/* Clock ids. */
#define CLOCK_REALTIME                  0       /* wall clock, can jump */
#define CLOCK_MONOTONIC                 1       /* since boot, not counting suspend */
#define CLOCK_PROCESS_CPUTIME_ID        2
#define CLOCK_THREAD_CPUTIME_ID         3
#define CLOCK_MONOTONIC_RAW             4
#define CLOCK_REALTIME_COARSE           5
#define CLOCK_MONOTONIC_COARSE          6
#define CLOCK_BOOTTIME                  7       /* since boot, counting suspend */
#define CLOCK_REALTIME_ALARM            8
#define CLOCK_BOOTTIME_ALARM            9
#define CLOCK_TAI                       11

/* clock_nanosleep and timer_settime: the time is absolute, not relative. */
#define TIMER_ABSTIME   0x01

/* setitimer and getitimer. */
#define ITIMER_REAL     0               /* wall time; SIGALRM */
#define ITIMER_VIRTUAL  1               /* user CPU time; SIGVTALRM */
#define ITIMER_PROF     2               /* user and system CPU time; SIGPROF */

#endif /* KUID_UAPI_TIME_H */
