/*
 * hostile: nothing a user program does may break the kernel. Children dropped
 * to uid 65534, with no capabilities and low resource limits, call each system
 * call of an allow-list hundreds of times with adversarial arguments from a
 * fixed-seed generator; each must end by itself. Then targeted checks that bad
 * pointers, fds, flags and lengths get Linux's errno, and that the parent
 * still works afterwards.
 *
 * Safe to run as root on a real machine: every hostile call is made after the
 * privilege drop, and calls that could reach outside the calling process even
 * unprivileged (kill, reboot, mount, sync, ptrace, ...) are not in the list.
 */
#include "lib/check.h"

#include <limits.h>
#include <sched.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <time.h>

#define NOBODY 65534
#define CALLS_PER_SYSCALL 200
#define CHILD_DEADLINE_SECONDS 8

/* Addresses no user pointer may reach: the direct map, the kernel image, non-canonical. */
#define KERNEL_DIRECT_MAP 0xffff800000000000UL
#define KERNEL_IMAGE 0xffffffff80000000UL
#define NON_CANONICAL 0x0000800000000000UL

/*
 * The memory hostile calls may aim at, so that mprotect, munmap, madvise and
 * mremap never reach this program's own code, data or stack:
 *   [0, 1 MiB)            PROT_NONE
 *   scratch, 4 pages      read-write; valid buffers point here
 *   1 page                read-only (the kernel may read it, not write it)
 *   [.., 8 MiB)           PROT_NONE
 *   1 page at 8 MiB       unmapped
 *   [.., 32 MiB)          PROT_NONE; hostile addresses stay below 16 MiB and
 *                         lengths at most 16 MiB, so no call reaches past the end
 */
#define REGION_SIZE (32UL << 20)
#define SCRATCH_OFFSET (1UL << 20)
#define SCRATCH_SIZE (4 * 4096UL)
#define UNMAPPED_OFFSET (8UL << 20)

struct hostile_memory {
	char *region;
	char *scratch;
	char *read_only;
	char *unmapped;
	struct timespec zero_time;	/* a zero timeout, so no call blocks */
};
static struct hostile_memory memory;

/* What kind of value each argument gets. */
enum argument_kind {
	JUNK,		/* unused by the call: any 64-bit value */
	POINTER,	/* a buffer or structure */
	PATH,		/* a path name */
	FD,		/* a file descriptor */
	LENGTH,		/* a size or count */
	FLAGS,		/* a bit mask */
	NUMBER,		/* an int: a mode, a command, an id, a resource */
	SIGNAL,		/* a signal number */
	ZERO,		/* always 0: a pid meaning "myself", a timeout in ms */
	ZERO_TIME,	/* a zero timespec/timeval, so the call cannot block */
	MEMORY,		/* an address for the memory calls: inside the region or hostile */
	MEMORY_LENGTH,	/* a length for the memory calls that cannot reach past the region */
	BREAK,		/* a brk address: never one inside this program's own heap */
	PRCTL_OPTION,	/* any prctl option but PR_SET_SECCOMP */
};

/*
 * One allowed system call. `dies_by` is a signal Linux itself may send for
 * the call (rseq with a bad area: SIGSEGV); 0 if the child must exit by itself.
 */
struct hostile_call {
	long number;
	const char *name;
	enum argument_kind arguments[6];
	int dies_by;
};

#define CALL(name, ...) { SYS_##name, #name, { __VA_ARGS__ }, 0 }

/*
 * The allow-list. Left out on purpose: everything that blocks (pause, futex,
 * nanosleep, rt_sigsuspend, ...), ends or replaces the process (exit, execve,
 * rt_sigreturn, arch_prctl), makes processes (fork, clone), sets timers that
 * would fire signals (alarm, setitimer), or could reach other processes or
 * the machine (kill, tkill, tgkill, rt_sigqueueinfo, reboot, mount, umount2,
 * chroot, sync, sethostname, setdomainname, swapon, init_module, ptrace).
 */
static const struct hostile_call calls[] = {
	CALL(read, FD, POINTER, LENGTH),
	CALL(write, FD, POINTER, LENGTH),
	CALL(open, PATH, FLAGS, NUMBER),
	CALL(close, FD),
	CALL(stat, PATH, POINTER),
	CALL(fstat, FD, POINTER),
	CALL(lstat, PATH, POINTER),
	CALL(poll, POINTER, LENGTH, ZERO),
	CALL(lseek, FD, LENGTH, NUMBER),
	CALL(mmap, MEMORY, MEMORY_LENGTH, FLAGS, FLAGS, FD, LENGTH),
	CALL(mprotect, MEMORY, MEMORY_LENGTH, FLAGS),
	CALL(munmap, MEMORY, MEMORY_LENGTH),
	CALL(brk, BREAK),
	CALL(rt_sigaction, SIGNAL, POINTER, POINTER, LENGTH),
	CALL(rt_sigprocmask, NUMBER, POINTER, POINTER, LENGTH),
	CALL(ioctl, FD, FLAGS, POINTER),
	CALL(pread64, FD, POINTER, LENGTH, LENGTH),
	CALL(pwrite64, FD, POINTER, LENGTH, LENGTH),
	CALL(readv, FD, POINTER, LENGTH),
	CALL(writev, FD, POINTER, LENGTH),
	CALL(access, PATH, FLAGS),
	CALL(pipe, POINTER),
	CALL(select, LENGTH, POINTER, POINTER, POINTER, ZERO_TIME),
	CALL(sched_yield),
	CALL(mremap, MEMORY, MEMORY_LENGTH, MEMORY_LENGTH, FLAGS, MEMORY),
	CALL(madvise, MEMORY, MEMORY_LENGTH, NUMBER),
	CALL(dup, FD),
	CALL(dup2, FD, FD),
	CALL(getitimer, NUMBER, POINTER),
	CALL(getpid),
	CALL(sendfile, FD, FD, POINTER, LENGTH),
	CALL(wait4, NUMBER, POINTER, FLAGS, POINTER),
	CALL(uname, POINTER),
	CALL(fcntl, FD, NUMBER, LENGTH),
	CALL(truncate, PATH, LENGTH),
	CALL(ftruncate, FD, LENGTH),
	CALL(getcwd, POINTER, LENGTH),
	CALL(chdir, PATH),
	CALL(fchdir, FD),
	CALL(rename, PATH, PATH),
	CALL(mkdir, PATH, NUMBER),
	CALL(rmdir, PATH),
	CALL(creat, PATH, NUMBER),
	CALL(link, PATH, PATH),
	CALL(unlink, PATH),
	CALL(symlink, PATH, PATH),
	CALL(readlink, PATH, POINTER, LENGTH),
	CALL(chmod, PATH, NUMBER),
	CALL(fchmod, FD, NUMBER),
	CALL(chown, PATH, NUMBER, NUMBER),
	CALL(fchown, FD, NUMBER, NUMBER),
	CALL(lchown, PATH, NUMBER, NUMBER),
	CALL(umask, NUMBER),
	CALL(gettimeofday, POINTER, POINTER),
	CALL(getrlimit, NUMBER, POINTER),
	CALL(sysinfo, POINTER),
	CALL(setuid, NUMBER),
	CALL(setgid, NUMBER),
	CALL(setpgid, NUMBER, NUMBER),
	CALL(setsid),
	CALL(setreuid, NUMBER, NUMBER),
	CALL(setregid, NUMBER, NUMBER),
	CALL(getgroups, LENGTH, POINTER),
	CALL(setgroups, LENGTH, POINTER),
	CALL(setresuid, NUMBER, NUMBER, NUMBER),
	CALL(getresuid, POINTER, POINTER, POINTER),
	CALL(setresgid, NUMBER, NUMBER, NUMBER),
	CALL(getresgid, POINTER, POINTER, POINTER),
	CALL(getpgid, NUMBER),
	CALL(setfsuid, NUMBER),
	CALL(setfsgid, NUMBER),
	CALL(getsid, NUMBER),
	CALL(capget, POINTER, POINTER),
	CALL(capset, POINTER, POINTER),
	CALL(rt_sigpending, POINTER, LENGTH),
	CALL(sigaltstack, POINTER, POINTER),
	CALL(mknod, PATH, NUMBER, NUMBER),
	CALL(statfs, PATH, POINTER),
	CALL(fstatfs, FD, POINTER),
	CALL(prctl, PRCTL_OPTION, LENGTH, LENGTH, LENGTH, LENGTH),
	CALL(setrlimit, NUMBER, POINTER),
	CALL(gettid),
	CALL(time, POINTER),
	CALL(getdents64, FD, POINTER, LENGTH),
	CALL(set_tid_address, POINTER),
	CALL(clock_gettime, NUMBER, POINTER),
	CALL(clock_getres, NUMBER, POINTER),
	CALL(waitid, NUMBER, NUMBER, POINTER, FLAGS, POINTER),
	CALL(openat, FD, PATH, FLAGS, NUMBER),
	CALL(mkdirat, FD, PATH, NUMBER),
	CALL(mknodat, FD, PATH, NUMBER, NUMBER),
	CALL(fchownat, FD, PATH, NUMBER, NUMBER, FLAGS),
	CALL(newfstatat, FD, PATH, POINTER, FLAGS),
	CALL(unlinkat, FD, PATH, FLAGS),
	CALL(renameat, FD, PATH, FD, PATH),
	CALL(linkat, FD, PATH, FD, PATH, FLAGS),
	CALL(symlinkat, PATH, FD, PATH),
	CALL(readlinkat, FD, PATH, POINTER, LENGTH),
	CALL(fchmodat, FD, PATH, NUMBER, FLAGS),
	CALL(faccessat, FD, PATH, NUMBER, FLAGS),
	CALL(pselect6, LENGTH, POINTER, POINTER, POINTER, ZERO_TIME, POINTER),
	CALL(ppoll, POINTER, LENGTH, ZERO_TIME, POINTER, LENGTH),
	CALL(unshare, FLAGS),
	CALL(set_robust_list, POINTER, LENGTH),
	CALL(utimensat, FD, PATH, POINTER, FLAGS),
	CALL(dup3, FD, FD, FLAGS),
	CALL(pipe2, POINTER, FLAGS),
	CALL(prlimit64, ZERO, NUMBER, POINTER, POINTER),
	CALL(setns, FD, FLAGS),
	CALL(getcpu, POINTER, POINTER, POINTER),
	CALL(renameat2, FD, PATH, FD, PATH, FLAGS),
	CALL(getrandom, POINTER, LENGTH, FLAGS),
	CALL(statx, FD, PATH, FLAGS, FLAGS, POINTER),
	CALL(faccessat2, FD, PATH, NUMBER, FLAGS),
	{ SYS_rseq, "rseq", { POINTER, LENGTH, FLAGS, NUMBER }, SIGSEGV },
	{ 100000, "a number no kernel has", { JUNK }, 0 },
	{ -1, "syscall number -1", { JUNK }, 0 },
};
#define CALL_COUNT ((int)(sizeof calls / sizeof calls[0]))

/* ---- The generator: xorshift64*, seeded per call so each child can be replayed. ---- */

static uint64_t generator_state;

static uint64_t next_random(void)
{
	generator_state ^= generator_state >> 12;
	generator_state ^= generator_state << 25;
	generator_state ^= generator_state >> 27;
	return generator_state * 0x2545f4914f6cdd1dULL;
}

#define PICK(table) (table)[next_random() % (sizeof(table) / sizeof((table)[0]))]

static const char long_path[] =
	"/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/x";
/* Longer than PATH_MAX: filled with 'a' by the child. */
static char huge_path[PATH_MAX + 64];

static uint64_t hostile_pointer(void)
{
	const uint64_t choices[] = {
		0, (uint64_t)-1, KERNEL_DIRECT_MAP, KERNEL_IMAGE, NON_CANONICAL,
		KERNEL_DIRECT_MAP - 8, 0x1000, (uint64_t)memory.unmapped,
		(uint64_t)memory.region,				/* PROT_NONE */
		(uint64_t)memory.read_only,
		(uint64_t)memory.scratch, (uint64_t)memory.scratch,	/* valid: twice */
		(uint64_t)memory.scratch + 1, (uint64_t)memory.scratch + 3,	/* misaligned */
		(uint64_t)memory.scratch + SCRATCH_SIZE - 1,	/* straddles into read-only */
		(uint64_t)memory.read_only + 4096 - 4,		/* straddles into PROT_NONE */
	};
	return PICK(choices);
}

static uint64_t hostile_value(enum argument_kind kind)
{
	static const uint64_t lengths[] = {
		0, 1, 7, 8, 16, 128, 4096, 65536, 0x7fffffff, 0x80000000, 0xffffffff,
		(uint64_t)-1, (uint64_t)INT64_MAX, 1ULL << 40, (uint64_t)-4096,
	};
	static const uint64_t numbers[] = {
		0, 1, 2, 3, 4, 5, 8, 15, 16, 64, 0777, (uint64_t)-1, (uint64_t)INT_MIN,
		INT_MAX, 0x100000000ULL, NOBODY, 0x1002,
	};
	static const uint64_t fds[] = {
		0, 1, 2, 3, 4, 5, 6, 7, (uint64_t)-1, (uint64_t)-100 /* AT_FDCWD */,
		(uint64_t)INT_MIN, INT_MAX, 1023, 1024, 1ULL << 32 | 5,
	};
	static const uint64_t signals[] = {
		0, 1, SIGKILL, SIGSTOP, SIGSEGV, SIGCHLD, SIGUSR1, 31, 32, 34, 64, 65,
		(uint64_t)-1, INT_MAX,
	};
	static const char *const paths[] = {
		"", "/", ".", "..", "hostile-file", "hostile-missing", "/nonexistent/x",
		"hostile-file/x", long_path, huge_path, "/dev/null", "/proc/self/status",
	};
	static const uint64_t breaks[] = {
		0, (uint64_t)-1, KERNEL_DIRECT_MAP, KERNEL_IMAGE, NON_CANONICAL, 0x1000,
	};

	switch (kind) {
	case POINTER:
		return hostile_pointer();
	case PATH:
		return next_random() % 3 == 0 ? hostile_pointer() : (uint64_t)PICK(paths);
	case FD:
		return PICK(fds);
	case LENGTH:
		return next_random() % 4 == 0 ? next_random() % 8192 : PICK(lengths);
	case FLAGS:
		switch (next_random() % 4) {
		case 0: return 0;
		case 1: return (uint64_t)-1;
		case 2: return 1ULL << (next_random() % 32);
		default: return next_random() & 0xffffffff;
		}
	case NUMBER:
		return next_random() % 4 == 0 ? next_random() & 0xffffffff : PICK(numbers);
	case SIGNAL:
		return PICK(signals);
	case ZERO:
		return 0;
	case ZERO_TIME:
		memset(&memory.zero_time, 0, sizeof memory.zero_time);
		return (uint64_t)&memory.zero_time;
	case MEMORY: {
		/* Not 0 or other low addresses: 16 MiB from there would reach the program. */
		const uint64_t choices[] = {
			(uint64_t)memory.region, (uint64_t)memory.scratch,
			(uint64_t)memory.scratch + 4096, (uint64_t)memory.scratch + 1,
			(uint64_t)memory.read_only, (uint64_t)memory.unmapped,
			(uint64_t)memory.region + REGION_SIZE / 2 - 4096,
			KERNEL_DIRECT_MAP, KERNEL_IMAGE, NON_CANONICAL, (uint64_t)-4096,
		};
		return PICK(choices);
	}
	case MEMORY_LENGTH: {
		const uint64_t choices[] = {
			0, 1, 4095, 4096, 8192, SCRATCH_SIZE, SCRATCH_SIZE + 4096,
			REGION_SIZE / 2, (uint64_t)-1, (uint64_t)-4096,
		};
		return PICK(choices);
	}
	case BREAK:
		return PICK(breaks);
	case PRCTL_OPTION: {
		/* Seccomp and syscall user dispatch would make later calls die by design. */
		uint64_t option = next_random() % 4 == 0 ? next_random() : next_random() % 64;
		return option == PR_SET_SECCOMP || option == 59 /* PR_SET_SYSCALL_USER_DISPATCH */
			       ? PR_GET_SECCOMP
			       : option;
	}
	case JUNK:
	default:
		return next_random();
	}
}

/* Does the call read or write buffers (and so the scratch memory must stay in place)? */
static bool takes_buffers(const struct hostile_call *call)
{
	for (int i = 0; i < 6; i++)
		if (call->arguments[i] == POINTER || call->arguments[i] == PATH)
			return true;
	return false;
}

/*
 * Fill the scratch buffer: random bytes, or words that are hostile pointers
 * and lengths (so that iovecs, sigactions and the like point somewhere bad).
 */
static void stir_scratch(void)
{
	uint64_t *words = (uint64_t *)memory.scratch;
	bool structured = next_random() & 1;

	for (size_t i = 0; i < 64; i++)
		words[i] = !structured ? next_random() :
			   i % 2 ? hostile_value(LENGTH) : hostile_pointer();
}

/* ---- The hostile child ---- */

/* Child exit codes that mean "did not even start". */
enum {
	CHILD_SET_UP_FAILED = 3,
	CHILD_STILL_PRIVILEGED = 4,
};

/* The fds every hostile call may name: 0-2 /dev/null, 3-4 a pipe, 5 a file, 6 /, 7 /dev/zero. */
static int open_hostile_fds(void)
{
	int pipe_fds[2];

	for (int fd = 0; fd < 1024; fd++)
		close(fd);
	if (open("/dev/null", O_RDWR) != 0 || dup(0) != 1 || dup(0) != 2)
		return -1;
	if (pipe2(pipe_fds, O_NONBLOCK) != 0 || pipe_fds[0] != 3 || pipe_fds[1] != 4)
		return -1;
	if (open("hostile-file", O_RDWR) != 5 || open("/", O_RDONLY | O_DIRECTORY) != 6 ||
	    open("/dev/zero", O_RDONLY) != 7)
		return -1;
	return 0;
}

static int set_low_limits(void)
{
	const struct { int resource; rlim_t value; } limits[] = {
		{ RLIMIT_AS, 256UL << 20 },
		{ RLIMIT_NPROC, 0 },
		{ RLIMIT_FSIZE, 1UL << 20 },
		{ RLIMIT_NOFILE, 32 },
		{ RLIMIT_CORE, 0 },
	};

	for (size_t i = 0; i < sizeof limits / sizeof limits[0]; i++) {
		struct rlimit limit = { limits[i].value, limits[i].value };
		if (setrlimit(limits[i].resource, &limit) != 0)
			return -1;
	}
	return 0;
}

/* Become uid and gid 65534 with no groups; any capability left is a refusal to go on. */
static int drop_to_nobody(void)
{
	gid_t none[1] = { 0 };
	struct { uint32_t version; int pid; } header = { 0x20080522, 0 };
	struct { uint32_t effective, permitted, inheritable; } sets[2];

	if (setgroups(0, none) != 0 || setresgid(NOBODY, NOBODY, NOBODY) != 0 ||
	    setresuid(NOBODY, NOBODY, NOBODY) != 0)
		return -1;
	if (syscall(SYS_capget, &header, sets) != 0)
		return -1;
	if (geteuid() != NOBODY || sets[0].effective || sets[0].permitted || sets[1].effective ||
	    sets[1].permitted)
		return -1;
	return 0;
}

static int map_region(void)
{
	char *region = mmap(NULL, REGION_SIZE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (region == MAP_FAILED)
		return -1;
	memory.region = region;
	memory.scratch = region + SCRATCH_OFFSET;
	memory.read_only = memory.scratch + SCRATCH_SIZE;
	memory.unmapped = region + UNMAPPED_OFFSET;
	if (mprotect(memory.scratch, SCRATCH_SIZE, PROT_READ | PROT_WRITE) != 0 ||
	    mprotect(memory.read_only, 4096, PROT_READ) != 0 || munmap(memory.unmapped, 4096) != 0)
		return -1;
	memset(huge_path, 'a', sizeof huge_path - 1);
	return 0;
}

/* Runs in the forked child: set up, drop privileges, then the hostile calls. */
static void hostile_child(const struct hostile_call *call)
{
	if (check_tally_fd >= 0)
		close(check_tally_fd);
	if (open_hostile_fds() != 0 || map_region() != 0)
		_exit(CHILD_SET_UP_FAILED);
	signal(SIGPIPE, SIG_IGN);	/* a full pipe or a big file: errors, not deaths */
	signal(SIGXFSZ, SIG_IGN);
	if (set_low_limits() != 0)
		_exit(CHILD_SET_UP_FAILED);
	if (drop_to_nobody() != 0)
		_exit(CHILD_STILL_PRIVILEGED);
	alarm(CHILD_DEADLINE_SECONDS - 2);

	generator_state = 0x9e3779b97f4a7c15ULL ^ (uint64_t)call->number;
	/* The memory calls may unmap the scratch memory: they must not write it. */
	bool stir = takes_buffers(call);
	for (int round = 0; round < CALLS_PER_SYSCALL; round++) {
		long arguments[6];

		if (stir)
			stir_scratch();
		for (int i = 0; i < 6; i++)
			arguments[i] = (long)hostile_value(call->arguments[i]);
		syscall(call->number, arguments[0], arguments[1], arguments[2], arguments[3],
			arguments[4], arguments[5]);
	}
	_exit(0);
}

/* waitpid with a deadline: the child may have blocked SIGALRM. -1 if it had to be killed. */
static int wait_with_deadline(pid_t pid, int seconds)
{
	for (int waited = 0; waited < seconds * 100; waited++) {
		int status;
		pid_t done = waitpid(pid, &status, WNOHANG);
		if (done == pid)
			return status;
		if (done < 0 && errno != EINTR)
			return -2;
		usleep(10000);
	}
	kill(pid, SIGKILL);
	wait_for(pid);
	return -1;
}

static void fuzz_one(const struct hostile_call *call)
{
	pid_t pid = fork();

	if (pid < 0) {
		ok(0, "%s: fork failed with %s", call->name, errno_name(errno));
		return;
	}
	if (pid == 0)
		hostile_child(call);
	int status = wait_with_deadline(pid, CHILD_DEADLINE_SECONDS);
	guard();
	if (status == -1)
		ok(0, "%s: the child hung (killed after %d s)", call->name, CHILD_DEADLINE_SECONDS);
	else if (status == -2)
		ok(0, "%s: the child was lost", call->name);
	else if (WIFEXITED(status) && WEXITSTATUS(status) == CHILD_STILL_PRIVILEGED)
		ok(0, "%s: could not drop privileges; no hostile call was made", call->name);
	else if (WIFEXITED(status) && WEXITSTATUS(status) == CHILD_SET_UP_FAILED)
		ok(0, "%s: the child could not set itself up", call->name);
	else
		ok((WIFEXITED(status) && WEXITSTATUS(status) == 0) ||
			   (WIFSIGNALED(status) && WTERMSIG(status) == call->dies_by &&
			    call->dies_by != 0),
		   "%s: %d hostile calls, the caller survives (%s)", call->name,
		   CALLS_PER_SYSCALL, status_text(status));
}

static void test_hostile_calls(void)
{
	for (int i = 0; i < CALL_COUNT; i++)
		fuzz_one(&calls[i]);
}

/* ---- Targeted checks: each bad input gets Linux's errno ---- */

#define BAD ((void *)KERNEL_DIRECT_MAP)
#define BAD_IMAGE ((void *)KERNEL_IMAGE)

/* The targeted checks run unprivileged too, so that they test the same thing as root or not. */
static void become_nobody_or_die(void)
{
	if (drop_to_nobody() != 0) {
		ok(0, "could not drop privileges");
		_exit(1);
	}
}

static void test_bad_pointers(void)
{
	int zero = open("/dev/zero", O_RDONLY);
	int pipe_fds[2];
	char buffer[64];

	ok(zero >= 0 && pipe(pipe_fds) == 0, "set-up: /dev/zero and a pipe");
	become_nobody_or_die();
	expect_errno(syscall(SYS_read, zero, NULL, 16), EFAULT, "read into NULL");
	expect_errno(syscall(SYS_read, zero, BAD, 16), EFAULT, "read into the kernel's direct map");
	expect_errno(syscall(SYS_read, zero, BAD_IMAGE, 16), EFAULT, "read into the kernel image");
	expect_errno(syscall(SYS_write, pipe_fds[1], NULL, 16), EFAULT, "write from NULL");
	expect_errno(syscall(SYS_write, pipe_fds[1], BAD, 16), EFAULT,
		     "write from a kernel address");
	expect_errno(syscall(SYS_stat, NULL, buffer), EFAULT, "stat of a NULL path");
	expect_errno(syscall(SYS_stat, "/", BAD), EFAULT, "stat into a kernel address");
	expect_errno(syscall(SYS_open, NULL, O_RDONLY), EFAULT, "open of a NULL path");
	expect_errno(syscall(SYS_open, BAD_IMAGE, O_RDONLY), EFAULT,
		     "open of a kernel-address path");
	expect_errno(syscall(SYS_uname, BAD), EFAULT, "uname into a kernel address");
	expect_errno(syscall(SYS_getcwd, NULL, 4096), EFAULT, "getcwd into NULL");
	expect_errno(syscall(SYS_pipe, NULL), EFAULT, "pipe into NULL");
	expect_errno(syscall(SYS_pipe, BAD), EFAULT, "pipe into a kernel address");
	/* The fds pipe made before it failed to store them must be gone again. */
	int next = dup(0);
	ok(next == pipe_fds[1] + 1, "a failed pipe leaves no fds behind (next fd %d)", next);
	expect_errno(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, NULL), EFAULT,
		     "clock_gettime into NULL");
	expect_errno(syscall(SYS_rt_sigaction, SIGUSR1, BAD, NULL, 8), EFAULT,
		     "rt_sigaction from a kernel address");
	expect_errno(syscall(SYS_rt_sigaction, SIGUSR1, NULL, BAD, 8), EFAULT,
		     "rt_sigaction into a kernel address");
	expect_errno(syscall(SYS_nanosleep, NULL, NULL), EFAULT, "nanosleep of NULL");
	expect_errno(syscall(SYS_execve, NULL, NULL, NULL), EFAULT, "execve of a NULL path");
}

static void test_wait4_bad_status_pointer(void)
{
	become_nobody_or_die();
	pid_t pid = spawn();
	if (pid == 0)
		_exit(7);
	usleep(50000);
	expect_errno(syscall(SYS_wait4, pid, BAD, 0, NULL), EFAULT,
		     "wait4 with a kernel-address status pointer");
	/* Linux reaps the child even though it could not store the status. */
	expect_errno(waitpid(pid, NULL, WNOHANG), ECHILD, "the child was reaped all the same");
}

static void test_bad_fds(void)
{
	char byte;
	struct stat info;

	become_nobody_or_die();
	expect_errno(read(-1, &byte, 1), EBADF, "read from fd -1");
	expect_errno(write(1024, &byte, 1), EBADF, "write to fd 1024");
	expect_errno(close(INT_MAX), EBADF, "close of fd INT_MAX");
	expect_errno(fstat(1023, &info), EBADF, "fstat of fd 1023");
	expect_errno(dup(-1), EBADF, "dup of fd -1");
	expect_errno(dup2(-5, 10), EBADF, "dup2 of fd -5");
	expect_errno(lseek(1023, 0, SEEK_SET), EBADF, "lseek on fd 1023");
	expect_errno(fchdir(-1), EBADF, "fchdir to fd -1");
	expect_errno(fcntl(INT_MAX, F_GETFD), EBADF, "fcntl on fd INT_MAX");
	expect_errno(syscall(SYS_getdents64, -1, &info, sizeof info), EBADF, "getdents64 on fd -1");
	expect_errno(openat(-1, "relative", O_RDONLY), EBADF, "openat from dirfd -1");
	expect_errno(mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, -1, 0), EBADF,
		     "mmap of fd -1 without MAP_ANONYMOUS");
}

static void test_bad_flags(void)
{
	int fds[2];
	siginfo_t info;

	become_nobody_or_die();
	expect_errno(syscall(SYS_open, ".", O_TMPFILE | O_RDONLY, 0600), EINVAL,
		     "open O_TMPFILE without write access");
	expect_errno(syscall(SYS_pipe2, fds, 1), EINVAL, "pipe2 with an unknown flag");
	expect_errno(syscall(SYS_pipe2, fds, -1), EINVAL, "pipe2 with every flag bit set");
	expect_errno(syscall(SYS_dup3, 0, 0, 0), EINVAL, "dup3 onto the same fd");
	expect_errno(syscall(SYS_dup3, 0, 9, 1), EINVAL, "dup3 with an unknown flag");
	expect_errno(syscall(SYS_clone, CLONE_SIGHAND, NULL, NULL, NULL, 0), EINVAL,
		     "clone with CLONE_SIGHAND but not CLONE_VM");
	expect_errno(syscall(SYS_clone, CLONE_THREAD | CLONE_VM, NULL, NULL, NULL, 0), EINVAL,
		     "clone with CLONE_THREAD but not CLONE_SIGHAND");
	expect_errno(syscall(SYS_clone, CLONE_NEWUSER | CLONE_FS, NULL, NULL, NULL, 0), EINVAL,
		     "clone with CLONE_NEWUSER and CLONE_FS");
	expect_errno(syscall(SYS_unshare, -1), EINVAL, "unshare with every flag bit set");
	expect_errno(syscall(SYS_unshare, 0x1), EINVAL, "unshare with a signal-number bit");
	expect_errno(mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), EINVAL,
		     "mmap of length 0");
	expect_errno(mmap(NULL, 4096, PROT_READ, MAP_ANONYMOUS, -1, 0), EINVAL,
		     "mmap neither private nor shared");
	expect_errno(mmap((void *)0x10001000, 4096, PROT_READ,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 1), EINVAL,
		     "mmap with a misaligned offset");
	expect_errno(mmap((void *)0x10000001, 4096, PROT_READ,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0), EINVAL,
		     "mmap MAP_FIXED at a misaligned address");
	char *page = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	expect_errno(madvise(page + 1, 4096, MADV_DONTNEED), EINVAL,
		     "madvise a misaligned address");
	expect_errno(madvise(page, 4096, 12345), EINVAL, "madvise with an unknown advice");
	expect_errno(waitid(P_ALL, 0, &info, 0), EINVAL, "waitid with no options");
	expect_errno(waitid((idtype_t)42, 0, &info, WEXITED), EINVAL,
		     "waitid with an unknown idtype");
	expect_errno(waitid(P_ALL, 0, &info, -1), EINVAL, "waitid with every option bit set");
	expect_errno(syscall(SYS_rt_sigaction, SIGUSR1, NULL, NULL, 7), EINVAL,
		     "rt_sigaction with sigsetsize 7");
	expect_errno(syscall(SYS_rt_sigaction, SIGKILL, page, NULL, 8), EINVAL,
		     "rt_sigaction for SIGKILL");
	expect_errno(syscall(SYS_kill, getpid(), 65), EINVAL, "kill with signal 65");
	expect_errno(syscall(SYS_clock_gettime, 12345, page), EINVAL,
		     "clock_gettime of clock 12345");
	struct timespec too_long = { 0, 1000000000 };
	expect_errno(nanosleep(&too_long, NULL), EINVAL, "nanosleep with tv_nsec = 10^9");
	expect_errno(syscall(SYS_arch_prctl, 0x1002 /* ARCH_SET_FS */, NON_CANONICAL), EPERM,
		     "arch_prctl ARCH_SET_FS to a non-canonical address");
	expect_errno(syscall(SYS_arch_prctl, 0x1002, KERNEL_DIRECT_MAP), EPERM,
		     "arch_prctl ARCH_SET_FS to a kernel address");
	expect_errno(syscall(100000), ENOSYS, "system call 100000");
	expect_errno(syscall(-1), ENOSYS, "system call -1");
}

static void test_long_names(void)
{
	static char path[PATH_MAX + 100];
	static char component[300];
	struct stat info;

	become_nobody_or_die();
	memset(path, 'a', sizeof path - 1);
	component[0] = '/';
	memset(component + 1, 'b', sizeof component - 2);
	expect_errno(open(path, O_RDONLY), ENAMETOOLONG, "open of a path longer than PATH_MAX");
	expect_errno(stat(path, &info), ENAMETOOLONG, "stat of a path longer than PATH_MAX");
	expect_errno(chdir(path), ENAMETOOLONG, "chdir to a path longer than PATH_MAX");
	expect_errno(open(component, O_RDONLY), ENAMETOOLONG,
		     "open of a 298-byte name component");
	expect_errno(mkdir(component, 0755), ENAMETOOLONG, "mkdir of a 298-byte name component");
}

/* After all that, this process can still do everything a program does. */
static void test_parent_still_works(void)
{
	int fds[2];
	char text[8] = "";

	is_int(getppid() > 0, 1, "getppid");
	ok(pipe(fds) == 0 && write(fds[1], "alive", 5) == 5 && read(fds[0], text, 5) == 5 &&
		   memcmp(text, "alive", 5) == 0,
	   "a pipe still carries bytes");
	pid_t pid = spawn();
	if (pid == 0)
		_exit(42);
	is_int(WEXITSTATUS(wait_for(pid)), 42, "fork, exit and wait still work");
	ok(read_file("hostile-file", text, sizeof text) >= 0, "the test file can still be read");
}

#define TARGETED_CHECKS (20 + 2 + 12 + 28 + 5 + 4)

int main(void)
{
	if (enter_private_dir("hostile") != 0 || write_file("hostile-file", "x", 0644) != 0) {
		printf("1..1\nnot ok 1 - cannot make the private directory\n0 passed, 1 failed\n");
		return 1;
	}
	plan(CALL_COUNT + TARGETED_CHECKS);
	scenario("hostile arguments to every allowed system call", test_hostile_calls);
	scenario("bad pointers get EFAULT", test_bad_pointers);
	scenario("wait4 with a bad status pointer", test_wait4_bad_status_pointer);
	scenario("bad fds get EBADF", test_bad_fds);
	scenario("bad flags and values get EINVAL", test_bad_flags);
	scenario("long names get ENAMETOOLONG", test_long_names);
	scenario("the parent still works", test_parent_still_works);
	cleanup();
	return finish();
}
