/*
 * bench: system-call micro-benchmarks, the same static binary natively, in
 * kuid and in Linux under QEMU (tools/bench-user compares them; docs/benchmarks.md
 * says what each case means). Usage: bench [CASE...] (default: every case).
 * Output, one line per case:  BENCH NAME ns_per_op N   or   BENCH NAME n/a (REASON)
 * plus "BENCH uptime_ms N" first: CLOCK_MONOTONIC when the program started,
 * roughly how long the kernel took to boot up to here.
 *
 * Each case runs in growing batches until a batch takes at least 0.2 s (or
 * BENCH_MIN_SECONDS from the environment), so slow machines stay quick and
 * kuid's tick-grained clock is precise enough. A case whose set-up a kernel
 * refuses (no user namespaces natively in a container, a namespace kind not
 * there yet) says n/a with the call that failed and its error, and the others
 * go on. The cases that need a fresh process per operation say so in their
 * names or in the docs; a "difference" case measures two loops one after the
 * other and prints the difference per operation.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char *self_path;
static double min_seconds = 0.2;

/* Why the case running now cannot go on ("unshare: Operation not permitted"), or "". */
static char failure[160];

/*
 * A child that fails writes its reason here before it exits with status 1;
 * the parent reads it back (report_child_failure). One pipe for the whole run.
 */
static int failure_pipe[2] = { -1, -1 };

static double now_seconds(void)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

/* Note the first failure of this case: "WHAT: strerror(errno)". Returns false. */
static int failed(const char *what)
{
	if (!failure[0])
		snprintf(failure, sizeof failure, "%s: %s", what, strerror(errno));
	return 0;
}

/* In a child: send the reason to the parent and exit with status 1. */
static _Noreturn void child_failed(const char *what)
{
	char reason[160];
	int length = snprintf(reason, sizeof reason, "%s: %s\n", what, strerror(errno));

	if (write(failure_pipe[1], reason, (size_t)length) < 0)
		_exit(2);
	_exit(1);
}

/* Wait for pid; false (with the child's reason) unless it exited with status 0. */
static int wait_child(pid_t pid)
{
	int status;

	if (waitpid(pid, &status, 0) != pid)
		return failed("waitpid");
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 1;
	if (!failure[0]) {
		ssize_t got = read(failure_pipe[0], failure, sizeof failure - 1);

		if (got > 0 && failure[got - 1] == '\n')
			got--;
		failure[got > 0 ? got : 0] = '\0';
		if (!failure[0])
			snprintf(failure, sizeof failure, "child status %#x", status);
	}
	return 0;
}

/* Write a whole string to a file (a /proc map file, say). */
static int write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY);
	ssize_t length = (ssize_t)strlen(text);

	if (fd < 0)
		return -1;
	if (write(fd, text, (size_t)length) != length) {
		int saved = errno;
		close(fd);
		errno = saved;
		return -1;
	}
	return close(fd);
}

/* ---- issue 3: the basic system calls ---- */

static int case_getpid(long count)
{
	for (long i = 0; i < count; i++)
		syscall(SYS_getpid);
	return 1;
}

/*
 * fork count times; each child runs child_work (if any), which calls
 * child_failed when its work fails, then exits; wait for each in turn.
 */
static int fork_and_wait(long count, void (*child_work)(void))
{
	for (long i = 0; i < count; i++) {
		pid_t pid = fork();
		if (pid < 0)
			return failed("fork");
		if (pid == 0) {
			if (child_work)
				child_work();
			_exit(0);
		}
		if (!wait_child(pid))
			return 0;
	}
	return 1;
}

static int case_fork(long count)
{
	return fork_and_wait(count, NULL);
}

static void child_exec_self(void)
{
	char *argv[] = { (char *)self_path, "--exit", NULL };
	char *envp[] = { NULL };
	execve(self_path, argv, envp);
	child_failed("execve of itself");
}

static int case_exec(long count)
{
	return fork_and_wait(count, child_exec_self);
}

static int case_pipe(long count)
{
	int there[2], back[2];
	if (pipe(there) != 0 || pipe(back) != 0)
		return failed("pipe");
	pid_t pid = fork();
	if (pid < 0)
		return failed("fork");
	if (pid == 0) {
		char byte;
		close(there[1]);
		close(back[0]);
		while (read(there[0], &byte, 1) == 1)
			if (write(back[1], &byte, 1) != 1)
				_exit(1);
		_exit(0);
	}
	close(there[0]);
	close(back[1]);
	char byte = 'p';
	int ok = 1;
	for (long i = 0; i < count && ok; i++) {
		if (write(there[1], &byte, 1) != 1 || read(back[0], &byte, 1) != 1)
			ok = failed("pipe round trip");
	}
	close(there[1]);
	close(back[0]);
	waitpid(pid, NULL, 0);
	return ok;
}

static const char *small_file = "/tmp/kuid-bench-small-file";

/* Open, read and close a file of exactly expected_size bytes, count times. */
static int read_whole_file(const char *path, long count, ssize_t expected_size)
{
	char buffer[256];
	for (long i = 0; i < count; i++) {
		int fd = open(path, O_RDONLY);
		if (fd < 0)
			return failed(path);
		ssize_t got = read(fd, buffer, sizeof buffer);
		close(fd);
		if (got != expected_size) {
			errno = got < 0 ? errno : EIO;
			return failed("read");
		}
	}
	return 1;
}

static int case_open_read_close(long count)
{
	return read_whole_file(small_file, count, 100);
}

/* ---- issue 4: user namespaces ---- */

static int case_getuid(long count)
{
	for (long i = 0; i < count; i++)
		syscall(SYS_getuid);
	return 1;
}

static void child_unshare_user(void)
{
	if (unshare(CLONE_NEWUSER) != 0)
		child_failed("unshare(CLONE_NEWUSER)");
}

/* fork; the child unshares a user namespace and exits; wait. */
static int case_unshare_user(long count)
{
	return fork_and_wait(count, child_unshare_user);
}

/*
 * clone with flags and no new stack: like fork, the child runs on a
 * copy-on-write copy of this stack, so it may return from syscall().
 */
static int clone_and_wait(unsigned long flags, const char *what, long count)
{
	for (long i = 0; i < count; i++) {
		long pid = syscall(SYS_clone, flags | SIGCHLD, 0, 0, 0, 0);
		if (pid < 0)
			return failed(what);
		if (pid == 0)
			_exit(0);
		if (!wait_child((pid_t)pid))
			return 0;
	}
	return 1;
}

static int case_clone_newuser(long count)
{
	return clone_and_wait(CLONE_NEWUSER, "clone(CLONE_NEWUSER)", count);
}

/* The one-line uid_map each child of case_unshare_user_and_map writes. */
static char own_uid_map_line[32];

static void child_unshare_user_and_map(void)
{
	child_unshare_user();
	if (write_file("/proc/self/uid_map", own_uid_map_line) != 0)
		child_failed("write /proc/self/uid_map");
}

/* Like case_unshare_user, and the child also writes its own one-line uid_map. */
static int case_unshare_user_and_map(long count)
{
	/*
	 * Our own effective uid outside (read before unsharing: inside, it is the
	 * overflow uid until mapped), as uid 1 inside: no privilege needed. Mapping
	 * root inside would need CAP_SETFCAP, which a container's root may lack;
	 * the cost is the same.
	 */
	snprintf(own_uid_map_line, sizeof own_uid_map_line, "1 %u 1\n", (unsigned)geteuid());
	return fork_and_wait(count, child_unshare_user_and_map);
}

static int case_read_uid_map(long count)
{
	/* The initial namespace's map: one line of 3 fields of 10 with 2 spaces and a newline. */
	return read_whole_file("/proc/self/uid_map", count, 33);
}

static const char *owned_file = "/tmp/kuid-bench-owned-file";

/*
 * stat a file whose owner the map translates: the ns id of the file's kernel
 * uid is found by searching the map's lower ranges (from_kuid), here through
 * 1 extent or through 340 with the owner in the last one.
 */
#define MAPPED_OWNER_NS		678		/* the owner as the namespace sees it */
#define MAPPED_OWNER_KERNEL	1678		/* and outside it */

static int case_stat_owner(long count)
{
	struct stat status;
	for (long i = 0; i < count; i++) {
		if (stat(owned_file, &status) != 0)
			return failed("stat");
		if (status.st_uid != MAPPED_OWNER_NS) {
			errno = EINVAL;
			return failed("stat: the owner is not the mapped one");
		}
	}
	return 1;
}

/* ---- issue 5: the namespaces of a container ---- */

/* The namespace flags clone takes, every one Linux lets an unprivileged user create. */
#define EVERY_CLONE_NAMESPACE (CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | \
			       CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWCGROUP)

static int case_clone_every_namespace(long count)
{
	return clone_and_wait(EVERY_CLONE_NAMESPACE, "clone(every CLONE_NEW* flag)", count);
}

/* An open /proc/PID/ns/user of a child that waits, for setns. */
static int user_ns_fd = -1;

static void child_setns_user(void)
{
	if (setns(user_ns_fd, CLONE_NEWUSER) != 0)
		child_failed("setns(CLONE_NEWUSER)");
}

/* fork; the child enters user_ns_fd's namespace and exits; wait. */
static int case_fork_setns(long count)
{
	return fork_and_wait(count, child_setns_user);
}

static void child_unshare_mount_ns(void)
{
	if (unshare(CLONE_NEWNS) != 0)
		child_failed("unshare(CLONE_NEWNS)");
}

/* fork; the child unshares its mount namespace (a copy of the caller's); wait. */
static int case_unshare_mount_ns(long count)
{
	return fork_and_wait(count, child_unshare_mount_ns);
}

static const char *jail_root = "/tmp/kuid-bench-jail";

/* In the jail's first process (pid 1 of its pid namespace): its file system. */
static _Noreturn void jail_init(void)
{
	char path[64];

	/* Nothing done here may leak into the parent's mount namespace. */
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
		child_failed("mount / private");
	if (mount("jail", jail_root, "tmpfs", 0, NULL) != 0)
		child_failed("mount tmpfs");
	snprintf(path, sizeof path, "%s/old", jail_root);
	if (mkdir(path, 0700) != 0)
		child_failed("mkdir old");
	snprintf(path, sizeof path, "%s/proc", jail_root);
	if (mkdir(path, 0555) != 0)
		child_failed("mkdir proc");
	snprintf(path, sizeof path, "%s/old", jail_root);
	if (syscall(SYS_pivot_root, jail_root, path) != 0)
		child_failed("pivot_root");
	if (chdir("/") != 0)
		child_failed("chdir /");
	if (mount("proc", "/proc", "proc", 0, NULL) != 0)
		child_failed("mount proc");
	if (umount2("/old", MNT_DETACH) != 0)
		child_failed("umount2 /old");
	_exit(0);
}

/*
 * One jail: the child unshares every namespace, the parent writes its uid and
 * gid maps, then the child starts the jail's pid 1, which pivots into a fresh
 * tmpfs and mounts its own /proc.
 */
static int one_jail(void)
{
	int ready[2], go[2];
	char byte = 0, path[64];

	if (pipe(ready) != 0 || pipe(go) != 0)
		return failed("pipe");
	pid_t pid = fork();
	if (pid < 0)
		return failed("fork");
	if (pid == 0) {
		close(ready[0]);
		close(go[1]);
		if (unshare(CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC |
			    CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWCGROUP) != 0)
			child_failed("unshare(every namespace)");
		if (write(ready[1], "r", 1) != 1 || read(go[0], &byte, 1) != 1 || byte != 'g')
			_exit(1);	/* the parent has said why */
		pid_t init = fork();
		if (init < 0)
			child_failed("fork of the jail's init");
		if (init == 0)
			jail_init();
		int status;
		if (waitpid(init, &status, 0) != init)
			child_failed("waitpid of the jail's init");
		_exit(WIFEXITED(status) ? WEXITSTATUS(status) : 1);
	}
	close(ready[1]);
	close(go[0]);
	int ok = read(ready[0], &byte, 1) == 1;
	if (ok) {
		snprintf(path, sizeof path, "/proc/%d/uid_map", (int)pid);
		ok = write_file(path, "0 0 1\n") == 0 || failed("write uid_map");
	}
	if (ok) {
		snprintf(path, sizeof path, "/proc/%d/gid_map", (int)pid);
		ok = write_file(path, "0 0 1\n") == 0 || failed("write gid_map");
	}
	if (write(go[1], ok ? "g" : "x", 1) != 1 && ok)
		ok = failed("write to the child");
	close(ready[0]);
	close(go[1]);
	return wait_child(pid) && ok;
}

static int case_jail(long count)
{
	for (long i = 0; i < count; i++)
		if (!one_jail())
			return 0;
	return 1;
}

/* ---- measuring ---- */

/*
 * Seconds per operation of run: growing batches until one takes min_seconds.
 * 0 if run failed (failure says why).
 */
static double seconds_per_op(int (*run)(long), long first_count)
{
	long count = first_count;
	if (!run(count > 10 ? 10 : count)) /* warm up, and see that it works at all */
		return 0;
	for (;;) {
		double start = now_seconds();
		if (!run(count))
			return 0;
		double elapsed = now_seconds() - start;
		if (elapsed >= min_seconds || count >= (1L << 40))
			return elapsed / (double)count;
		/* Aim straight for the time bound, at least doubling. */
		double factor = elapsed > 0 ? 1.3 * min_seconds / elapsed : 10;
		count = (long)((double)count * (factor < 2 ? 2 : factor > 100 ? 100 : factor));
	}
}

static void report(const char *name, double seconds)
{
	if (seconds > 0)
		printf("BENCH %s ns_per_op %.0f\n", name, seconds * 1e9);
	else
		printf("BENCH %s n/a (%s)\n", name, failure[0] ? failure : "failed");
	fflush(stdout);
}

static void measure(const char *name, int (*run)(long), long first_count)
{
	failure[0] = '\0';
	report(name, seconds_per_op(run, first_count));
}

/*
 * What `with` costs more than `without` per operation: both measured now, one
 * after the other. Prints the difference as NAME and the whole of `with` as
 * NAME_whole.
 */
static void measure_difference(const char *name, int (*with)(long), int (*without)(long),
			       long first_count)
{
	char whole_name[64];
	double with_seconds, without_seconds = 0;

	failure[0] = '\0';
	with_seconds = seconds_per_op(with, first_count);
	if (with_seconds > 0)
		without_seconds = seconds_per_op(without, first_count);
	snprintf(whole_name, sizeof whole_name, "%s_whole", name);
	report(whole_name, with_seconds);
	if (with_seconds > 0 && without_seconds > 0 && with_seconds <= without_seconds) {
		snprintf(failure, sizeof failure, "below the noise: %.0f ns with it, %.0f without",
			 with_seconds * 1e9, without_seconds * 1e9);
		without_seconds = 0;
	}
	report(name, without_seconds > 0 ? with_seconds - without_seconds : 0);
}

/* ---- the cases that need something set up first ---- */

static void bench_uid_map_write(const char *name)
{
	measure_difference(name, case_unshare_user_and_map, case_unshare_user, 4);
}

/*
 * stat in a namespace whose uid map has extent_count extents, the file's
 * owner in the last one. The map is written by the parent (root outside),
 * which may write any number of extents; the child measures and prints.
 */
static void bench_stat_owner(const char *name, int extent_count)
{
	char map[4096];
	size_t used = 0;
	int ready[2], go[2];
	char byte = 0, path[64];

	failure[0] = '\0';
	/* Extent i: "i*2 1000+i*2 1"; 1 extent: "678 1678 1" alone. Under 4096 bytes either way. */
	for (int i = 0; i < extent_count; i++) {
		int first = extent_count == 1 ? MAPPED_OWNER_NS : i * 2;
		used += (size_t)snprintf(map + used, sizeof map - used, "%d %d 1\n", first,
					 first + MAPPED_OWNER_KERNEL - MAPPED_OWNER_NS);
	}
	int fd = open(owned_file, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || close(fd) != 0 || chown(owned_file, MAPPED_OWNER_KERNEL, 0) != 0) {
		failed("create and chown the owned file");
		report(name, 0);
		return;
	}
	if (pipe(ready) != 0 || pipe(go) != 0) {
		failed("pipe");
		report(name, 0);
		return;
	}
	pid_t pid = fork();
	if (pid < 0) {
		failed("fork");
		report(name, 0);
		return;
	}
	if (pid == 0) {
		close(ready[0]);
		close(go[1]);
		if (unshare(CLONE_NEWUSER) != 0) {
			failed("unshare(CLONE_NEWUSER)");
			report(name, 0);
			/* Reported here: "x" tells the parent to stay quiet. */
			(void)!write(ready[1], "x", 1);
			_exit(0);
		}
		if (write(ready[1], "r", 1) != 1 || read(go[0], &byte, 1) != 1 || byte != 'g')
			_exit(0);	/* the parent reports */
		measure(name, case_stat_owner, 1000);
		_exit(0);
	}
	close(ready[1]);
	close(go[0]);
	int ok = read(ready[0], &byte, 1) == 1 && byte == 'r';
	if (ok) {
		snprintf(path, sizeof path, "/proc/%d/uid_map", (int)pid);
		ok = write_file(path, map) == 0 || failed("write a uid_map");
	}
	if (byte == 'r')
		(void)!write(go[1], ok ? "g" : "x", 1);
	close(ready[0]);
	close(go[1]);
	waitpid(pid, NULL, 0);
	if (!ok && byte != 'x')
		report(name, 0);	/* the map write failed, or the child died early */
	unlink(owned_file);
}

/* setns into a user namespace: fork+setns+exit+wait minus fork+exit+wait. */
static void bench_setns_user(const char *name)
{
	int ready[2];
	char path[64], byte;

	failure[0] = '\0';
	if (pipe(ready) != 0) {
		failed("pipe");
		report(name, 0);
		return;
	}
	/* The namespace's holder: unshares, says so, and waits until its pipe closes. */
	pid_t holder = fork();
	if (holder == 0) {
		close(ready[0]);
		if (unshare(CLONE_NEWUSER) != 0)
			child_failed("unshare(CLONE_NEWUSER)");
		if (write(ready[1], "r", 1) != 1)
			_exit(1);
		pause();
		_exit(0);
	}
	close(ready[1]);
	if (holder < 0 || read(ready[0], &byte, 1) != 1) {
		if (holder < 0)
			failed("fork");
		else
			wait_child(holder);
		close(ready[0]);
		report(name, 0);
		return;
	}
	close(ready[0]);
	snprintf(path, sizeof path, "/proc/%d/ns/user", (int)holder);
	user_ns_fd = open(path, O_RDONLY | O_CLOEXEC);
	if (user_ns_fd < 0) {
		failed(path);
		report(name, 0);
	} else {
		measure_difference(name, case_fork_setns, case_fork, 4);
		close(user_ns_fd);
		user_ns_fd = -1;
	}
	kill(holder, SIGKILL);
	waitpid(holder, NULL, 0);
}

#define MOUNT_COUNT 100
static const char *mounts_dir = "/tmp/kuid-bench-mounts";

/*
 * unshare(CLONE_NEWNS) in forked children of a process whose mount namespace
 * holds 100 more tmpfs mounts: the copy of the mount tree is what grows.
 * The whole thing runs in a child with its own mount namespace, so that the
 * mounts never reach the caller's; the child measures and prints.
 */
static void bench_unshare_mount_ns(const char *name)
{
	char path[64];

	failure[0] = '\0';
	mkdir(mounts_dir, 0755);
	for (int i = 0; i < MOUNT_COUNT; i++) {
		snprintf(path, sizeof path, "%s/%d", mounts_dir, i);
		mkdir(path, 0755);
	}
	pid_t pid = fork();
	if (pid == 0) {
		int ok = unshare(CLONE_NEWNS) == 0 || failed("unshare(CLONE_NEWNS)");
		if (ok && mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
			ok = failed("mount / private");
		for (int i = 0; ok && i < MOUNT_COUNT; i++) {
			snprintf(path, sizeof path, "%s/%d", mounts_dir, i);
			if (mount("bench", path, "tmpfs", 0, NULL) != 0)
				ok = failed("mount tmpfs");
		}
		if (ok)
			measure(name, case_unshare_mount_ns, 4);
		else
			report(name, 0);
		_exit(0);
	}
	if (pid < 0) {
		failed("fork");
		report(name, 0);
	} else {
		waitpid(pid, NULL, 0);
	}
	for (int i = 0; i < MOUNT_COUNT; i++) {
		snprintf(path, sizeof path, "%s/%d", mounts_dir, i);
		rmdir(path);
	}
	rmdir(mounts_dir);
}

static void bench_jail(const char *name)
{
	mkdir(jail_root, 0755);
	measure(name, case_jail, 2);
	rmdir(jail_root);
}

/* ---- the list ---- */

struct bench_case {
	const char *name;
	int (*run)(long);		/* a plain loop measured by measure(), or */
	void (*bench)(const char *name);	/* one that sets up and reports itself */
	long first_count;
};

static void bench_stat_1_extent(const char *name)
{
	bench_stat_owner(name, 1);
}

static void bench_stat_340_extents(const char *name)
{
	bench_stat_owner(name, 340);
}

static const struct bench_case cases[] = {
	/* issue 3 */
	{ "getpid", case_getpid, NULL, 1000 },
	{ "fork_exit_wait", case_fork, NULL, 4 },
	{ "execve", case_exec, NULL, 2 },
	{ "pipe_pingpong", case_pipe, NULL, 100 },
	{ "open_read_close", case_open_read_close, NULL, 100 },
	/* issue 4 */
	{ "getuid", case_getuid, NULL, 1000 },
	{ "unshare_user_child", case_unshare_user, NULL, 4 },
	{ "clone_newuser", case_clone_newuser, NULL, 4 },
	{ "uid_map_write", NULL, bench_uid_map_write, 0 },
	{ "uid_map_read", case_read_uid_map, NULL, 100 },
	{ "stat_1_extent", NULL, bench_stat_1_extent, 0 },
	{ "stat_340_extents", NULL, bench_stat_340_extents, 0 },
	/* issue 5 */
	{ "setns_user", NULL, bench_setns_user, 0 },
	{ "clone_every_ns", case_clone_every_namespace, NULL, 4 },
	{ "unshare_mount_ns_100", NULL, bench_unshare_mount_ns, 0 },
	{ "jail_setup", NULL, bench_jail, 0 },
};

static int selected(const char *name, int argc, char **argv)
{
	if (argc <= 1)
		return 1;
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], name) == 0)
			return 1;
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "--exit") == 0)
		return 0;
	double started = now_seconds();
	printf("BENCH uptime_ms %.0f\n", started * 1000);
	fflush(stdout);
	self_path = argv[0];
	const char *seconds = getenv("BENCH_MIN_SECONDS");
	if (seconds && atof(seconds) > 0)
		min_seconds = atof(seconds);
	/* Non-blocking reads: a child that died without a word must not hang the parent. */
	if (pipe2(failure_pipe, O_CLOEXEC | O_NONBLOCK) != 0) {
		perror("pipe2");
		return 1;
	}

	int fd = open(small_file, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	char hundred[100];
	memset(hundred, 'b', sizeof hundred);
	if (fd < 0 || write(fd, hundred, sizeof hundred) != 100) {
		perror("create the small file");
		return 1;
	}
	close(fd);

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if (!selected(cases[i].name, argc, argv))
			continue;
		if (cases[i].run)
			measure(cases[i].name, cases[i].run, cases[i].first_count);
		else
			cases[i].bench(cases[i].name);
	}
	unlink(small_file);
	printf("BENCH done\n");
	return 0;
}
