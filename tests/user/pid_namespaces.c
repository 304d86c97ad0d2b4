/*
 * pid_namespaces.c: pid namespaces as a program sees them (linux-userns-rules.md R5.1, R5.6,
 * R5.9, R6.7, R12.1-R12.3): numbers per namespace, the namespace's init as reaper and its
 * protection from signals, the death of the namespace with its init, unshare and setns, and
 * /proc's NSpid line. Runs as root; the last scenario drops to uid 1000 and uses a user
 * namespace. Processes made inside a namespace report through their exit status.
 */
#define _GNU_SOURCE
#include <poll.h>
#include <sched.h>
#include <stdint.h>
#include <grp.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <time.h>

#include "lib/check.h"

#define NS_GET_PARENT _IO(0xb7, 0x2)
#define DEEPEST_LEVEL 32	/* R5.6: pid namespaces nest 32 deep */

/* clone(2) like fork: the child continues here on a copy of the stack. */
static pid_t clone_process(unsigned long flags)
{
	return (pid_t)syscall(SYS_clone, flags | SIGCHLD, 0, NULL, NULL, 0);
}

/* A helper's way to report: exit with the check's number when it does not hold. */
#define EXPECT_OR_EXIT(number, condition) \
	do {                               \
		if (!(condition))          \
			_exit(number);     \
	} while (0)

static void sleep_milliseconds(int milliseconds)
{
	struct timespec time = { milliseconds / 1000, (milliseconds % 1000) * 1000000L };

	while (nanosleep(&time, &time) < 0 && errno == EINTR)
		;
}

static void test_clone_numbers(void)
{
	pid_t child = clone_process(CLONE_NEWPID);

	if (child == 0) {
		EXPECT_OR_EXIT(1, getpid() == 1);
		EXPECT_OR_EXIT(2, getppid() == 0);
		EXPECT_OR_EXIT(3, syscall(SYS_gettid) == 1);
		/* Group and session are the parent's, led from outside: 0 here. */
		EXPECT_OR_EXIT(4, getpgid(0) == 0 && getsid(0) == 0);
		EXPECT_OR_EXIT(5, setsid() == 1 && getpgid(0) == 1 && getsid(0) == 1);
		pid_t grandchild = fork();
		if (grandchild == 0)
			_exit(getpid() == 2 && getppid() == 1 ? 0 : 1);
		int status;
		EXPECT_OR_EXIT(6, grandchild == 2);
		EXPECT_OR_EXIT(7, waitpid(-1, &status, 0) == 2 && status == 0);
		_exit(0);
	}
	ok(child > 1, "clone(CLONE_NEWPID) gives the parent an ordinary pid (%d)", child);
	is_int(wait_for(child), 0,
	       "the child is pid 1, tid 1, ppid 0, group and session 0 until setsid, forks pid 2");
}

static void test_orphans_reaped_by_init(void)
{
	pid_t child = clone_process(CLONE_NEWPID);

	if (child == 0) {
		pid_t middle = fork(), orphan;
		int status;

		if (middle == 0) {
			orphan = fork();
			if (orphan == 0) {
				/* Wait to be orphaned, then see the namespace's init adopt us. */
				for (int i = 0; i < 400 && getppid() != 1; i++)
					sleep_milliseconds(5);
				_exit(getppid() == 1 ? 42 : 1);
			}
			_exit(orphan);	/* tell the init who the orphan is */
		}
		EXPECT_OR_EXIT(1, waitpid(middle, &status, 0) == middle && WIFEXITED(status));
		orphan = WEXITSTATUS(status);
		EXPECT_OR_EXIT(2, waitpid(-1, &status, 0) == orphan);
		EXPECT_OR_EXIT(3, WIFEXITED(status) && WEXITSTATUS(status) == 42);
		_exit(0);
	}
	is_int(wait_for(child), 0,
	       "an orphan inside is adopted (ppid 1) and reaped by the ns init");
}

static void test_init_signals(void)
{
	int ready[2];
	char byte = 0;

	if (pipe(ready) < 0)
		return (void)ok(0, "pipe");
	pid_t child = clone_process(CLONE_NEWPID);

	if (child == 0) {
		close(ready[0]);
		/* From inside, without a handler: dropped, SIGKILL and SIGSTOP included. */
		EXPECT_OR_EXIT(1, kill(1, SIGKILL) == 0);
		EXPECT_OR_EXIT(2, kill(getpid(), SIGTERM) == 0 && kill(1, SIGSTOP) == 0);
		pid_t member = fork();
		if (member == 0)
			_exit(kill(1, SIGKILL) == 0 && kill(1, SIGUSR1) == 0 ? 0 : 1);
		int status;
		EXPECT_OR_EXIT(3, waitpid(member, &status, 0) == member && status == 0);
		write(ready[1], "r", 1);
		for (;;)
			pause();
	}
	close(ready[1]);
	ok(read(ready[0], &byte, 1) == 1,
	   "the ns init survives SIGKILL, SIGSTOP, SIGTERM, SIGUSR1 sent from inside its ns");
	/* From outside: a signal it does not handle is dropped, but SIGKILL is delivered. */
	kill(child, SIGUSR1);
	sleep_milliseconds(100);
	is_int(waitpid(child, NULL, WNOHANG), 0,
	       "SIGUSR1 from outside without a handler is dropped");
	expect_ok(kill(child, SIGKILL), "kill(ns init, SIGKILL) from outside");
	int status = wait_for(child);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "and it dies of it (%s)",
	   status_text(status));
	close(ready[0]);
}

static volatile sig_atomic_t sender_pid = -1;

static void record_sender(int signal_number, siginfo_t *info, void *context)
{
	(void)signal_number, (void)context;
	sender_pid = info->si_pid;
}

static void test_sender_from_outside(void)
{
	int ready[2];
	char byte;

	if (pipe(ready) < 0)
		return (void)ok(0, "pipe");
	pid_t child = clone_process(CLONE_NEWPID);

	if (child == 0) {
		struct sigaction action = { .sa_sigaction = record_sender, .sa_flags = SA_SIGINFO };

		sigaction(SIGUSR1, &action, NULL);
		close(ready[0]);
		write(ready[1], "r", 1);
		for (int i = 0; i < 400 && sender_pid < 0; i++)
			sleep_milliseconds(5);
		_exit(sender_pid == 0 ? 0 : 1);
	}
	close(ready[1]);
	read(ready[0], &byte, 1);
	kill(child, SIGUSR1);
	is_int(wait_for(child), 0, "a handled signal from outside reaches the init with si_pid 0");
	close(ready[0]);
}

static void test_init_death_kills_members(void)
{
	int alive[2];
	char byte;

	if (pipe(alive) < 0)
		return (void)ok(0, "pipe");
	pid_t child = clone_process(CLONE_NEWPID);

	if (child == 0) {
		close(alive[0]);
		if (fork() == 0) {
			/* A member that would live for ever, holding the pipe's write end. */
			for (;;)
				pause();
		}
		if (fork() == 0) {
			if (fork() == 0)
				for (;;)
					pause();
			for (;;)
				pause();
		}
		_exit(7);
	}
	close(alive[1]);
	int status = wait_for(child);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 7, "the ns init exits (%s)",
	   status_text(status));
	/* Every write end was a member's: end of file at once means they are all gone. */
	struct pollfd poll_fd = { .fd = alive[0], .events = POLLIN };
	ok(poll(&poll_fd, 1, 2000) == 1 && read(alive[0], &byte, 1) == 0,
	   "once its wait returns, every other member is dead (R12.3)");
	close(alive[0]);
}

static void test_unshare(void)
{
	pid_t self = getpid();
	char link[64];
	int status;

	expect_ok(unshare(CLONE_NEWPID), "unshare(CLONE_NEWPID)");
	is_int(getpid(), self, "unshare does not move the caller");
	expect_errno(readlink("/proc/self/ns/pid_for_children", link, sizeof link), ENOENT,
		     "pid_for_children before the first child");
	expect_errno(unshare(CLONE_NEWPID), EINVAL, "a second unshare(CLONE_NEWPID)");
	expect_errno(syscall(SYS_clone, CLONE_THREAD | CLONE_SIGHAND | CLONE_VM, 0, NULL, NULL, 0),
		     EINVAL, "a thread while pid_for_children differs from the active ns (R5.1)");
	pid_t child = fork();
	if (child == 0)
		_exit(getpid() == 1 && getppid() == 0 ? 0 : 1);
	ok(child > 1, "the first child has an ordinary pid outside (%d)", child);
	is_int(wait_for(child), 0, "and is pid 1 with ppid 0 inside");
	ok(readlink("/proc/self/ns/pid_for_children", link, sizeof link) > 0,
	   "pid_for_children exists after the first child");
	/* Its init is dead: nothing may enter any more. */
	errno = 0;
	child = fork();
	if (child == 0)
		_exit(0);
	if (child > 0)
		waitpid(child, &status, 0);
	ok(child < 0 && errno == ENOMEM, "fork into the namespace after its init died: ENOMEM "
	   "(got %d, %s)", child, child < 0 ? errno_name(errno) : "no error");
}

static void test_status_line(void)
{
	char path[64], text[4096], want[64];
	pid_t child = clone_process(CLONE_NEWPID);

	if (child == 0)
		for (;;)
			pause();
	snprintf(path, sizeof path, "/proc/%d/status", child);
	int fd = open(path, O_RDONLY);
	ssize_t length = fd >= 0 ? read(fd, text, sizeof text - 1) : -1;
	if (fd >= 0)
		close(fd);
	text[length > 0 ? length : 0] = '\0';
	snprintf(want, sizeof want, "\nNSpid:\t%d\t1\n", child);
	ok(strstr(text, want) != NULL, "the parent's /proc shows the child's NSpid: %d and 1",
	   child);
	snprintf(want, sizeof want, "\nNStgid:\t%d\t1\n", child);
	ok(strstr(text, want) != NULL, "and its NStgid");
	kill(child, SIGKILL);
	wait_for(child);
}

/* How deep unshare-and-fork goes: exits with the depth at which unshare said ENOSPC. */
static int nest(int depth)
{
	if (unshare(CLONE_NEWPID) < 0)
		return errno == ENOSPC ? depth : 200;
	pid_t child = fork();
	if (child == 0)
		_exit(getpid() == 1 ? nest(depth + 1) : 201);
	int status = wait_for(child);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 202;
}

static void test_depth_and_joining(void)
{
	int parent_ns = open("/proc/self/ns/pid", O_RDONLY);
	pid_t child = spawn();

	if (child == 0)
		_exit(nest(0));
	is_int(WEXITSTATUS(wait_for(child)), DEEPEST_LEVEL,
	       "unshare(CLONE_NEWPID) at level 32 fails with ENOSPC");

	child = clone_process(CLONE_NEWPID);
	if (child == 0) {
		int own = open("/proc/self/ns/pid", O_RDONLY);
		EXPECT_OR_EXIT(1, own >= 0 && ioctl(own, NS_GET_PARENT) < 0 && errno == EPERM);
		EXPECT_OR_EXIT(2, setns(parent_ns, CLONE_NEWPID) < 0 && errno == EINVAL);
		for (;;)
			pause();
	}
	char path[64];
	snprintf(path, sizeof path, "/proc/%d/ns/pid", child);
	int child_ns = open(path, O_RDONLY);
	struct stat own, parent;
	int parent_fd = child_ns >= 0 ? ioctl(child_ns, NS_GET_PARENT) : -1;
	ok(parent_fd >= 0 && fstat(parent_fd, &parent) == 0 && fstat(parent_ns, &own) == 0 &&
	   own.st_ino == parent.st_ino, "NS_GET_PARENT from outside: the caller's pid ns");
	if (parent_fd >= 0)
		close(parent_fd);
	expect_ok(setns(child_ns, CLONE_NEWPID), "setns into a child pid namespace");
	pid_t joined = fork();
	if (joined == 0)
		_exit(getpid() == 2 && getppid() == 0 ? 0 : 1);
	is_int(wait_for(joined), 0, "only the next child is in it: pid 2 there, ppid 0");
	kill(child, SIGKILL);
	int status = wait_for(child);
	ok(WIFSIGNALED(status), "inside, NS_GET_PARENT is EPERM and setns upwards EINVAL (%s)",
	   status_text(status));
	close(child_ns);
	close(parent_ns);
}

static void test_unprivileged(void)
{
	pid_t child = spawn();

	if (child == 0) {
		EXPECT_OR_EXIT(10, setgroups(0, NULL) == 0 && setgid(1000) == 0);
		EXPECT_OR_EXIT(10, setuid(1000) == 0);
		EXPECT_OR_EXIT(11, clone_process(CLONE_NEWPID) < 0 && errno == EPERM);
		pid_t inner = clone_process(CLONE_NEWUSER | CLONE_NEWPID);
		if (inner == 0)
			_exit(getpid() == 1 && getppid() == 0 ? 0 : 1);
		EXPECT_OR_EXIT(12, inner > 1);
		_exit(wait_for(inner) == 0 ? 0 : 13);
	}
	is_int(wait_for(child), 0, "uid 1000: CLONE_NEWPID alone is EPERM, with CLONE_NEWUSER the "
	       "child is pid 1 with ppid 0");
}

int main(void)
{
	plan(27);
	scenario("clone(CLONE_NEWPID): numbers per namespace", test_clone_numbers);
	scenario("the ns init reaps orphans", test_orphans_reaped_by_init);
	scenario("signals to the ns init", test_init_signals);
	scenario("si_pid of a sender outside", test_sender_from_outside);
	scenario("the init's death ends the namespace", test_init_death_kills_members);
	scenario("unshare(CLONE_NEWPID)", test_unshare);
	scenario("NSpid in /proc/PID/status", test_status_line);
	scenario("depth, NS_GET_PARENT, setns", test_depth_and_joining);
	scenario("unprivileged, with a user namespace", test_unprivileged);
	return finish();
}
