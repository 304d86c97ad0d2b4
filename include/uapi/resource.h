/* Resource limits (getrlimit, setrlimit, prlimit64) and resource usage (getrusage, wait4)
 * with Linux x86_64 numbers and layouts. */
#ifndef KUID_UAPI_RESOURCE_H
#define KUID_UAPI_RESOURCE_H

#include <stdint.h>
#include "time.h"

#define RLIMIT_CPU              0       /* CPU seconds */
#define RLIMIT_FSIZE            1       /* largest file size */
#define RLIMIT_DATA             2       /* data segment and heap */
#define RLIMIT_STACK            3       /* main thread stack */
#define RLIMIT_CORE             4       /* core file size */
#define RLIMIT_RSS              5
#define RLIMIT_NPROC            6       /* processes per real user id */
#define RLIMIT_NOFILE           7       /* one more than the highest descriptor number */
#define RLIMIT_MEMLOCK          8
#define RLIMIT_AS               9       /* address space */
#define RLIMIT_LOCKS            10
#define RLIMIT_SIGPENDING       11
#define RLIMIT_MSGQUEUE         12
#define RLIMIT_NICE             13
#define RLIMIT_RTPRIO           14
#define RLIMIT_RTTIME           15
#define RLIM_NLIMITS            16

#define RLIM_INFINITY           (~0ULL)
#define RLIM64_INFINITY         (~0ULL)

/* On x86_64 struct rlimit and struct rlimit64 are the same two 64-bit words. */
struct rlimit {
	uint64_t rlim_cur;              /* the limit enforced */
	uint64_t rlim_max;              /* how far an unprivileged process may raise rlim_cur */
};

struct rlimit64 {
	uint64_t rlim_cur;
	uint64_t rlim_max;
};

/* getrusage's who. */
#define RUSAGE_SELF             0
#define RUSAGE_CHILDREN         (-1)
#define RUSAGE_THREAD           1

struct rusage {
	struct timeval ru_utime;        /* user CPU time */
	struct timeval ru_stime;        /* system CPU time */
	int64_t ru_maxrss;              /* kilobytes */
	int64_t ru_ixrss;
	int64_t ru_idrss;
	int64_t ru_isrss;
	int64_t ru_minflt;
	int64_t ru_majflt;
	int64_t ru_nswap;
	int64_t ru_inblock;
	int64_t ru_oublock;
	int64_t ru_msgsnd;
	int64_t ru_msgrcv;
	int64_t ru_nsignals;
	int64_t ru_nvcsw;
	int64_t ru_nivcsw;
};

/* getpriority and setpriority. */
#define PRIO_PROCESS            0
#define PRIO_PGRP               1
#define PRIO_USER               2

#endif /* KUID_UAPI_RESOURCE_H */
