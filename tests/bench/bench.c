/*
 * bench: system-call micro-benchmarks, the same static binary natively, in
 * kuid and in Linux under QEMU (tools/bench-user compares them).
 * Output, one line per case:  BENCH NAME ns_per_op N
 * plus "BENCH uptime_ms N" first: CLOCK_MONOTONIC when the program started,
 * roughly how long the kernel took to boot up to here.
 * Each case runs in growing batches until a batch takes at least 0.2 s
 * (or BENCH_MIN_SECONDS from the environment), so slow machines stay quick.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char *self_path;
static double min_seconds = 0.2;

static double now_seconds(void)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

static void fail(const char *what)
{
	printf("BENCH-ERROR %s: %s\n", what, strerror(errno));
	fflush(stdout);
	exit(1);
}

static void case_getpid(long count)
{
	for (long i = 0; i < count; i++)
		syscall(SYS_getpid);
}

static void case_fork(long count)
{
	for (long i = 0; i < count; i++) {
		pid_t pid = fork();
		if (pid < 0)
			fail("fork");
		if (pid == 0)
			_exit(0);
		if (waitpid(pid, NULL, 0) != pid)
			fail("waitpid");
	}
}

static void case_exec(long count)
{
	for (long i = 0; i < count; i++) {
		pid_t pid = fork();
		if (pid < 0)
			fail("fork");
		if (pid == 0) {
			char *argv[] = { (char *)self_path, "--exit", NULL };
			char *envp[] = { NULL };
			execve(self_path, argv, envp);
			_exit(127);
		}
		int status;
		if (waitpid(pid, &status, 0) != pid || status != 0)
			fail("execve of itself");
	}
}

static void case_pipe(long count)
{
	int there[2], back[2];
	if (pipe(there) != 0 || pipe(back) != 0)
		fail("pipe");
	pid_t pid = fork();
	if (pid < 0)
		fail("fork");
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
	for (long i = 0; i < count; i++) {
		if (write(there[1], &byte, 1) != 1 || read(back[0], &byte, 1) != 1)
			fail("pipe round trip");
	}
	close(there[1]);
	close(back[0]);
	waitpid(pid, NULL, 0);
}

static const char *small_file = "/tmp/kuid-bench-small-file";

static void case_open_read_close(long count)
{
	char buffer[256];
	for (long i = 0; i < count; i++) {
		int fd = open(small_file, O_RDONLY);
		if (fd < 0)
			fail("open");
		if (read(fd, buffer, sizeof buffer) != 100)
			fail("read");
		close(fd);
	}
}

static void measure(const char *name, void (*run)(long), long first_count)
{
	long count = first_count;
	run(count > 10 ? 10 : count); /* warm up */
	for (;;) {
		double start = now_seconds();
		run(count);
		double elapsed = now_seconds() - start;
		if (elapsed >= min_seconds || count >= (1L << 40)) {
			printf("BENCH %s ns_per_op %.0f\n", name, elapsed * 1e9 / (double)count);
			fflush(stdout);
			return;
		}
		/* Aim straight for the time bound, at least doubling. */
		double factor = elapsed > 0 ? 1.3 * min_seconds / elapsed : 10;
		count = (long)((double)count * (factor < 2 ? 2 : factor > 100 ? 100 : factor));
	}
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

	int fd = open(small_file, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	char hundred[100];
	memset(hundred, 'b', sizeof hundred);
	if (fd < 0 || write(fd, hundred, sizeof hundred) != 100)
		fail("create the small file");
	close(fd);

	measure("getpid", case_getpid, 1000);
	measure("fork_exit_wait", case_fork, 4);
	measure("execve", case_exec, 2);
	measure("pipe_pingpong", case_pipe, 100);
	measure("open_read_close", case_open_read_close, 100);
	unlink(small_file);
	printf("BENCH done\n");
	return 0;
}
