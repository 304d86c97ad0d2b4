/*
 * misc: the small system calls: uname, getrandom, clocks and nanosleep,
 * prlimit64, umask, arch_prctl, set_tid_address, getcwd/chdir/fchdir,
 * chroot, sched_yield.
 */
#include "lib/check.h"

#include <sched.h>
#include <stdint.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <time.h>

#define KUID_ARCH_SET_FS 0x1002
#define KUID_ARCH_GET_FS 0x1003

/* A system call that never touches errno (which lives behind %fs). */
static long raw_syscall2(long number, long first, long second)
{
	long result;
	__asm__ volatile("syscall"
			 : "=a"(result)
			 : "a"(number), "D"(first), "S"(second)
			 : "rcx", "r11", "memory");
	return result;
}

static long elapsed_ns(const struct timespec *before, const struct timespec *after)
{
	return (after->tv_sec - before->tv_sec) * 1000000000L + (after->tv_nsec - before->tv_nsec);
}

static void test_uname(void)
{
	struct utsname names;
	ok(uname(&names) == 0, "uname");
	ok(names.sysname[0] && names.nodename[0] && names.release[0] && names.version[0],
	   "sysname, nodename, release, version are not empty");
	ok(strcmp(names.machine, "x86_64") == 0, "machine is x86_64 (%s)", names.machine);
	expect_errno(syscall(SYS_uname, NULL), EFAULT, "uname into NULL");
}

static void test_random(void)
{
	unsigned char first[64], second[64];
	memset(first, 0, sizeof first);
	memset(second, 0, sizeof second);
	is_int(getrandom(first, sizeof first, 0), 64, "getrandom returns the length asked for");
	is_int(getrandom(second, sizeof second, GRND_NONBLOCK), 64, "getrandom with GRND_NONBLOCK");
	ok(memcmp(first, second, sizeof first) != 0, "two calls give different bytes");
	int nonzero = 0;
	for (size_t i = 0; i < sizeof first; i++)
		nonzero += first[i] != 0;
	ok(nonzero > 32, "the bytes are not mostly zero");
	is_int(getrandom(first, 0, 0), 0, "getrandom of 0 bytes");
	expect_errno(getrandom(first, 16, 0x100), EINVAL, "getrandom with an unknown flag");
	expect_errno(getrandom(NULL, 16, 0), EFAULT, "getrandom into NULL");
}

static void test_clocks(void)
{
	struct timespec before, after, resolution;
	ok(clock_gettime(CLOCK_MONOTONIC, &before) == 0, "clock_gettime(CLOCK_MONOTONIC)");
	int increasing = 1;
	struct timespec previous = before;
	for (int i = 0; i < 1000; i++) {
		struct timespec now;
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (elapsed_ns(&previous, &now) < 0)
			increasing = 0;
		previous = now;
	}
	ok(increasing, "CLOCK_MONOTONIC never goes back");
	ok(before.tv_nsec >= 0 && before.tv_nsec < 1000000000, "tv_nsec is in range");
	struct timespec real;
	ok(clock_gettime(CLOCK_REALTIME, &real) == 0 && real.tv_sec > 1500000000,
	   "CLOCK_REALTIME is after 2017 (%lld)", (long long)real.tv_sec);
	ok(clock_getres(CLOCK_MONOTONIC, &resolution) == 0 && resolution.tv_sec == 0 &&
	   resolution.tv_nsec > 0, "clock_getres(CLOCK_MONOTONIC)");
	ok(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &after) == 0, "the clock_gettime system call itself");
	expect_errno(syscall(SYS_clock_gettime, 12345, &after), EINVAL, "clock_gettime of an unknown clock");
	struct timeval tv;
	ok(gettimeofday(&tv, NULL) == 0 && tv.tv_sec > 1500000000, "gettimeofday");
	ok(time(NULL) > 1500000000, "time");

	struct timespec sleep_for = { 0, 50 * 1000000 };
	clock_gettime(CLOCK_MONOTONIC, &before);
	ok(nanosleep(&sleep_for, NULL) == 0, "nanosleep 50 ms");
	clock_gettime(CLOCK_MONOTONIC, &after);
	long slept = elapsed_ns(&before, &after);
	ok(slept >= 50 * 1000000L, "it slept at least 50 ms (%ld us)", slept / 1000);
	ok(slept < 5000 * 1000000L, "and not absurdly long");
	struct timespec bad = { 0, 1000000000 };
	expect_errno(nanosleep(&bad, NULL), EINVAL, "nanosleep with tv_nsec = 1e9");
	struct timespec negative = { -1, 0 };
	expect_errno(nanosleep(&negative, NULL), EINVAL, "nanosleep with a negative time");
	clock_gettime(CLOCK_MONOTONIC, &before);
	struct timespec target = before;
	target.tv_nsec += 30 * 1000000;
	if (target.tv_nsec >= 1000000000) {
		target.tv_sec++;
		target.tv_nsec -= 1000000000;
	}
	ok(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &target, NULL) == 0,
	   "clock_nanosleep TIMER_ABSTIME");
	clock_gettime(CLOCK_MONOTONIC, &after);
	ok(elapsed_ns(&target, &after) >= 0, "it woke up after the deadline");
}

static void test_limits(void)
{
	struct rlimit limit, changed;
	ok(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &limit) == 0, "prlimit64 get RLIMIT_NOFILE");
	ok(limit.rlim_cur > 0 && limit.rlim_cur <= limit.rlim_max, "0 < soft <= hard");
	ok(syscall(SYS_prlimit64, 0, RLIMIT_STACK, NULL, &limit) == 0 && limit.rlim_cur >= 65536,
	   "prlimit64 get RLIMIT_STACK (at least 64 KiB)");
	struct rlimit lower = { 100, 200 };
	struct rlimit old;
	ok(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, &lower, &old) == 0, "prlimit64 lowers RLIMIT_NOFILE");
	ok(getrlimit(RLIMIT_NOFILE, &changed) == 0 && changed.rlim_cur == 100 && changed.rlim_max == 200,
	   "getrlimit sees 100/200");
	struct rlimit inverted = { 300, 200 };
	expect_errno(setrlimit(RLIMIT_NOFILE, &inverted), EINVAL, "soft above hard");
	expect_errno(syscall(SYS_prlimit64, 0, 999, NULL, &limit), EINVAL, "an unknown resource");
	expect_errno(syscall(SYS_prlimit64, 999999, RLIMIT_NOFILE, NULL, &limit), ESRCH,
		     "prlimit64 of a missing process");
	struct rlimit stack = { 1 << 20, RLIM_INFINITY };
	getrlimit(RLIMIT_STACK, &limit);
	stack.rlim_max = limit.rlim_max;
	ok(setrlimit(RLIMIT_STACK, &stack) == 0 && getrlimit(RLIMIT_STACK, &limit) == 0 &&
	   limit.rlim_cur == 1 << 20, "lower RLIMIT_STACK's soft limit to 1 MiB");
	pid_t pid = spawn();
	if (pid == 0) {
		struct rlimit seen;
		getrlimit(RLIMIT_NOFILE, &seen);
		if (seen.rlim_cur != 100)
			_exit(1);
		if (become_user() != 0)
			_exit(2);
		struct rlimit raise_hard = { 100, 400 };
		errno = 0;
		_exit(setrlimit(RLIMIT_NOFILE, &raise_hard) == -1 && errno == EPERM ? 0 : 3);
	}
	is_int(wait_for(pid), 0, "a child inherits limits; uid 1000 cannot raise a hard limit (EPERM)");
}

static void test_process_state(void)
{
	mode_t old = umask(0123);
	is_int(umask(old), 0123, "umask returns the mask set before");

	/* ARCH_SET_FS round trip. The C library keeps its thread pointer in %fs,
	 * so nothing but raw system calls may run until it is put back. */
	unsigned long saved = 0, read_back = 0, restored = 0;
	long get_result = raw_syscall2(SYS_arch_prctl, KUID_ARCH_GET_FS, (long)&saved);
	static unsigned long fake_tls[8];
	long set_result = raw_syscall2(SYS_arch_prctl, KUID_ARCH_SET_FS, (long)fake_tls);
	long reget_result = raw_syscall2(SYS_arch_prctl, KUID_ARCH_GET_FS, (long)&read_back);
	long restore_result = raw_syscall2(SYS_arch_prctl, KUID_ARCH_SET_FS, (long)saved);
	raw_syscall2(SYS_arch_prctl, KUID_ARCH_GET_FS, (long)&restored);
	ok(get_result == 0 && saved != 0, "ARCH_GET_FS returns the C library's thread pointer");
	ok(set_result == 0 && reget_result == 0 && read_back == (unsigned long)fake_tls,
	   "ARCH_SET_FS then ARCH_GET_FS gives the same value back");
	ok(restore_result == 0 && restored == saved, "and the old value can be put back");
	unsigned long through_fs;
	__asm__ volatile("mov %%fs:0, %0" : "=r"(through_fs));
	is_int(through_fs, saved, "%%fs:0 is the thread pointer itself (x86_64 TLS ABI)");
	expect_errno(syscall(SYS_arch_prctl, 0x9999, 0), EINVAL, "arch_prctl with an unknown code");
	expect_errno(syscall(SYS_arch_prctl, KUID_ARCH_SET_FS, 0xffff800000000000UL), EPERM,
		     "ARCH_SET_FS to a kernel address");

	pid_t pid = spawn();
	if (pid == 0) {
		static int clear_me;
		long tid = syscall(SYS_set_tid_address, &clear_me);
		_exit(tid == getpid() ? 0 : 1);
	}
	is_int(wait_for(pid), 0, "set_tid_address returns the caller's tid");
	ok(sched_yield() == 0, "sched_yield");
}

static void test_directories(void)
{
	char path[4096];
	ok(chdir("/") == 0 && getcwd(path, sizeof path) && strcmp(path, "/") == 0, "chdir / and getcwd");
	char private_dir[] = "/tmp/kuid-misc.XXXXXX";
	ok(mkdtemp(private_dir) != NULL && chmod(private_dir, 0755) == 0, "mkdtemp under /tmp");
	ok(chdir(private_dir) == 0, "chdir into it");
	char resolved[4096];
	snprintf(resolved, sizeof resolved, "%s", private_dir);
	ok(getcwd(path, sizeof path) && strcmp(path, resolved) == 0, "getcwd shows it (%s)", path);
	mkdir("deeper", 0755);
	ok(chdir("deeper") == 0 && getcwd(path, sizeof path) && strstr(path, "/deeper"),
	   "a relative chdir");
	ok(chdir("..") == 0 && getcwd(path, sizeof path) && strcmp(path, resolved) == 0, "chdir ..");
	expect_errno(syscall(SYS_getcwd, path, 3), ERANGE, "getcwd into a too small buffer");
	write_file("plain", "", 0644);
	expect_errno(chdir("plain"), ENOTDIR, "chdir to a file");
	expect_errno(chdir("missing"), ENOENT, "chdir to a missing directory");
	int fd = open("deeper", O_RDONLY | O_DIRECTORY);
	chdir("/");
	ok(fchdir(fd) == 0 && getcwd(path, sizeof path) && strstr(path, "/deeper"), "fchdir");
	close(fd);
	fd = open("../plain", O_RDONLY);
	expect_errno(fchdir(fd), ENOTDIR, "fchdir to a file");
	close(fd);
	expect_errno(fchdir(999), EBADF, "fchdir to a bad fd");
	chdir(private_dir);

	/* chroot: inside, / is the jail and .. cannot leave it. */
	mkdir("jail", 0755);
	mkdir("jail/inner", 0755);
	write_file("jail/marker", "jail", 0644);
	pid_t pid = spawn();
	if (pid == 0) {
		int result = 0;
		if (chroot("jail") != 0)
			_exit(1);
		if (chdir("/") != 0)
			_exit(2);
		char inside[256];
		if (!getcwd(inside, sizeof inside) || strcmp(inside, "/") != 0)
			result |= 4;
		if (access("/marker", F_OK) != 0 || access("/inner", F_OK) != 0)
			result |= 8;
		struct stat root, up;
		if (stat("/", &root) != 0 || stat("/../../..", &up) != 0 || root.st_ino != up.st_ino)
			result |= 16;
		if (chdir("../../..") != 0 || !getcwd(inside, sizeof inside) || strcmp(inside, "/") != 0)
			result |= 32;
		if (access("/tmp", F_OK) == 0)
			result |= 64;
		_exit(result);
	}
	int status = wait_for(pid);
	ok(WIFEXITED(status) && (WEXITSTATUS(status) & 3) == 0, "chroot into a directory as root");
	is_int(WEXITSTATUS(status) & 4, 0, "inside, getcwd is /");
	is_int(WEXITSTATUS(status) & 8, 0, "inside, / is the jail");
	is_int(WEXITSTATUS(status) & 16, 0, "inside, /.. is / itself");
	is_int(WEXITSTATUS(status) & 32, 0, "chdir ../../.. stays at /");
	is_int(WEXITSTATUS(status) & 64, 0, "the outside (/tmp) cannot be seen");
	expect_errno(chroot("plain"), ENOTDIR, "chroot to a file");
	expect_errno(chroot("missing"), ENOENT, "chroot to a missing directory");
	pid = spawn();
	if (pid == 0) {
		if (become_user() != 0)
			_exit(2);
		errno = 0;
		_exit(chroot("jail") == -1 && errno == EPERM ? 0 : 1);
	}
	is_int(wait_for(pid), 0, "uid 1000 cannot chroot (EPERM)");
	chdir("/");
	remove_tree(private_dir);
}

/* Linux's number for CAP_SYS_RESOURCE (musl has no <linux/capability.h>). */
#define CAP_SYS_RESOURCE 24

/* Whether the effective set holds capability `number` (capget, version 3). */
static int has_capability(int number)
{
	struct {
		uint32_t version;
		int pid;
	} header = { 0x20080522, 0 };
	struct {
		uint32_t effective, permitted, inheritable;
	} data[2];
	if (syscall(SYS_capget, &header, data) != 0)
		return 0;
	return (data[number / 32].effective >> (number % 32)) & 1;
}

/* In a child as uid:gid `id` (0 stays root): 0 when prlimit64 on pid gives `expected` errno (0: success). */
static int prlimit_as(uid_t id, pid_t pid, int expected)
{
	pid_t child = spawn();
	if (child == 0) {
		struct rlimit limit;
		gid_t none[1];
		if (id != 0 && (setgroups(0, none) != 0 || setresgid(id, id, id) != 0 ||
				setresuid(id, id, id) != 0))
			_exit(2);
		long result = syscall(SYS_prlimit64, pid, RLIMIT_NOFILE, NULL, &limit);
		_exit(expected == 0 ? result != 0 : !(result == -1 && errno == expected));
	}
	int status = wait_for(child);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Another process's limits: same real ids as all of its ids, or CAP_SYS_RESOURCE over it. */
static void test_limits_of_others(void)
{
	pid_t target = spawn();
	if (target == 0) {
		if (become_user() != 0)
			_exit(2);
		for (;;)
			pause();
	}
	usleep(100000);		/* let it become uid 1000 */
	/* Root passes on CAP_SYS_RESOURCE alone (some sandboxes take even that from root). */
	if (has_capability(CAP_SYS_RESOURCE))
		ok(prlimit_as(0, target, 0) == 0, "root with CAP_SYS_RESOURCE may read its limits");
	else
		ok(prlimit_as(0, target, EPERM) == 0, "root without CAP_SYS_RESOURCE may not: EPERM");
	ok(prlimit_as(1000, target, 0) == 0, "so may uid 1000, whose ids all match");
	ok(prlimit_as(1001, target, EPERM) == 0, "uid 1001 may not: EPERM");
	kill(target, SIGKILL);
	wait_for(target);
}

int main(void)
{
	plan(70);
	scenario("uname", test_uname);
	scenario("getrandom", test_random);
	scenario("clocks and sleeping", test_clocks);
	scenario("resource limits", test_limits);
	scenario("resource limits of other processes", test_limits_of_others);
	scenario("umask, arch_prctl, set_tid_address, sched_yield", test_process_state);
	scenario("getcwd, chdir, fchdir, chroot", test_directories);
	return finish();
}
