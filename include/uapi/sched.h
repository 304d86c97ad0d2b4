/* Flags of clone, clone3 and unshare, and clone3's argument structure, as Linux defines them.
 * The CLONE_NEW* flags also name namespace types (setns, NS_GET_NSTYPE). */
#ifndef KUID_UAPI_SCHED_H
#define KUID_UAPI_SCHED_H

#include <stdint.h>

#define CSIGNAL                 0x000000ffu     /* clone: low byte is the exit signal */
#define CLONE_NEWTIME           0x00000080u     /* new time namespace (unshare/clone3 only) */
#define CLONE_VM                0x00000100u     /* share the address space */
#define CLONE_FS                0x00000200u     /* share root, cwd and umask */
#define CLONE_FILES             0x00000400u     /* share the descriptor table */
#define CLONE_SIGHAND           0x00000800u     /* share signal handlers */
#define CLONE_PIDFD             0x00001000u     /* return a pidfd to the parent */
#define CLONE_PTRACE            0x00002000u
#define CLONE_VFORK             0x00004000u     /* parent sleeps until the child execs or exits */
#define CLONE_PARENT            0x00008000u     /* child gets the caller's parent */
#define CLONE_THREAD            0x00010000u     /* same thread group */
#define CLONE_NEWNS             0x00020000u     /* new mount namespace */
#define CLONE_SYSVSEM           0x00040000u
#define CLONE_SETTLS            0x00080000u     /* set the fs base to the tls argument */
#define CLONE_PARENT_SETTID     0x00100000u     /* store the child's tid in the parent */
#define CLONE_CHILD_CLEARTID    0x00200000u     /* zero it and futex-wake when the child exits */
#define CLONE_DETACHED          0x00400000u     /* ignored */
#define CLONE_UNTRACED          0x00800000u
#define CLONE_CHILD_SETTID      0x01000000u     /* store the child's tid in the child */
#define CLONE_NEWCGROUP         0x02000000u     /* new cgroup namespace */
#define CLONE_NEWUTS            0x04000000u     /* new hostname namespace */
#define CLONE_NEWIPC            0x08000000u     /* new System V IPC namespace */
#define CLONE_NEWUSER           0x10000000u     /* new user namespace */
#define CLONE_NEWPID            0x20000000u     /* new pid namespace */
#define CLONE_NEWNET            0x40000000u     /* new network namespace */
#define CLONE_IO                0x80000000u

/* Only clone3 can pass these: they do not fit in clone's 32-bit flags. */
#define CLONE_CLEAR_SIGHAND     0x100000000ULL  /* reset all handlers to SIG_DFL in the child */
#define CLONE_INTO_CGROUP       0x200000000ULL  /* start the child in the cgroup `cgroup` */

/* clone3's argument. User space passes its size, so older, shorter versions still work. */
struct clone_args {
	uint64_t flags;
	uint64_t pidfd;                 /* user address of an int: CLONE_PIDFD */
	uint64_t child_tid;             /* user address: CLONE_CHILD_SETTID / _CLEARTID */
	uint64_t parent_tid;            /* user address: CLONE_PARENT_SETTID */
	uint64_t exit_signal;           /* signal sent to the parent at exit */
	uint64_t stack;                 /* lowest address of the child's stack */
	uint64_t stack_size;
	uint64_t tls;
	uint64_t set_tid;               /* user address of an array of pids to choose */
	uint64_t set_tid_size;
	uint64_t cgroup;                /* a cgroup directory fd: CLONE_INTO_CGROUP */
};

#define CLONE_ARGS_SIZE_VER0    64      /* up to tls */
#define CLONE_ARGS_SIZE_VER1    80      /* up to set_tid_size */
#define CLONE_ARGS_SIZE_VER2    88      /* up to cgroup */

/* Scheduling policies. */
#define SCHED_NORMAL            0
#define SCHED_FIFO              1
#define SCHED_RR                2
#define SCHED_BATCH             3
#define SCHED_IDLE              5
#define SCHED_DEADLINE          6
#define SCHED_RESET_ON_FORK     0x40000000

#endif /* KUID_UAPI_SCHED_H */
