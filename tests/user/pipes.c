/*
 * pipes: pipe and pipe2 (O_CLOEXEC, O_NONBLOCK), end of file once every
 * writer is gone, EPIPE and SIGPIPE without a reader, EAGAIN, a blocked reader
 * woken by a writer in another process, a large transfer between processes,
 * and ESPIPE for seeks.
 */
#include "lib/check.h"

#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>

static void sleep_ms(long milliseconds)
{
	struct timespec pause_for = { milliseconds / 1000, (milliseconds % 1000) * 1000000 };
	while (nanosleep(&pause_for, &pause_for) != 0 && errno == EINTR)
		;
}

static void test_basics(void)
{
	int ends[2];
	ok(pipe(ends) == 0, "pipe");
	ok(ends[0] >= 0 && ends[1] >= 0 && ends[0] != ends[1], "two distinct descriptors");
	is_int(fcntl(ends[0], F_GETFL) & O_ACCMODE, O_RDONLY, "the read end is O_RDONLY");
	is_int(fcntl(ends[1], F_GETFL) & O_ACCMODE, O_WRONLY, "the write end is O_WRONLY");
	is_int(fcntl(ends[0], F_GETFD), 0, "pipe: no FD_CLOEXEC");
	ok(write(ends[1], "hello", 5) == 5, "write 5 bytes");
	char buffer[16] = {0};
	is_int(read(ends[0], buffer, 3), 3, "read 3 of them");
	is_int(read(ends[0], buffer + 3, sizeof buffer), 2, "a read returns what is there (2)");
	ok(strcmp(buffer, "hello") == 0, "the bytes come out in order");
	struct stat info;
	ok(fstat(ends[0], &info) == 0 && S_ISFIFO(info.st_mode), "fstat: S_IFIFO");
	expect_errno(write(ends[0], "x", 1), EBADF, "write on the read end");
	expect_errno(read(ends[1], buffer, 1), EBADF, "read on the write end");
	expect_errno(lseek(ends[0], 0, SEEK_SET), ESPIPE, "lseek on a pipe");
	expect_errno(pread(ends[0], buffer, 1, 0), ESPIPE, "pread on a pipe");
	expect_errno(pwrite(ends[1], "x", 1, 0), ESPIPE, "pwrite on a pipe");
	close(ends[1]);
	is_int(read(ends[0], buffer, 1), 0, "read returns 0 once the writer is closed");
	close(ends[0]);

	ok(pipe2(ends, O_CLOEXEC) == 0, "pipe2(O_CLOEXEC)");
	ok(fcntl(ends[0], F_GETFD) == FD_CLOEXEC && fcntl(ends[1], F_GETFD) == FD_CLOEXEC,
	   "both ends have FD_CLOEXEC");
	close(ends[0]);
	close(ends[1]);
	ok(pipe2(ends, O_NONBLOCK) == 0, "pipe2(O_NONBLOCK)");
	ok((fcntl(ends[0], F_GETFL) & O_NONBLOCK) && (fcntl(ends[1], F_GETFL) & O_NONBLOCK),
	   "both ends are O_NONBLOCK");
	expect_errno(read(ends[0], buffer, 1), EAGAIN, "an empty non-blocking pipe: EAGAIN");
	long total = 0;
	char block[1024];
	memset(block, 'f', sizeof block);
	for (;;) {
		ssize_t done = write(ends[1], block, sizeof block);
		if (done < 0)
			break;
		total += done;
		if (total > 16 * 1024 * 1024)
			break;
	}
	int error = errno;
	ok(error == EAGAIN, "writing into a full non-blocking pipe: EAGAIN (%s)", errno_name(error));
	ok(total >= 4096 && total <= 16 * 1024 * 1024, "the pipe held at least 4096 bytes (%ld)", total);
	long drained = 0;
	for (int i = 0; i < 8; i++) {
		ssize_t done = read(ends[0], block, sizeof block);
		if (done > 0)
			drained += done;
	}
	is_int(drained, 8192, "reading 8 KiB makes room");
	ok(write(ends[1], block, 16) == 16, "so a small write fits again");
	close(ends[0]);
	close(ends[1]);
	expect_errno(pipe2(ends, 0x10), EINVAL, "pipe2 with an unknown flag");
	expect_errno(syscall(SYS_pipe, NULL), EFAULT, "pipe into a NULL array");
}

static void test_no_reader(void)
{
	int ends[2];
	pipe(ends);
	close(ends[0]);
	signal(SIGPIPE, SIG_IGN);
	expect_errno(write(ends[1], "x", 1), EPIPE, "write with no reader (SIGPIPE ignored)");
	close(ends[1]);

	pipe(ends);
	pid_t pid = spawn();
	if (pid == 0) {
		signal(SIGPIPE, SIG_DFL);
		close(ends[0]);
		write(ends[1], "x", 1);
		_exit(0);
	}
	close(ends[0]);
	close(ends[1]);
	int status = wait_for(pid);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE,
	   "with the default action, write with no reader kills with SIGPIPE (%s)",
	   status_text(status));

	/* A handler for SIGPIPE runs, and write still fails with EPIPE. */
	pipe(ends);
	pid = spawn();
	if (pid == 0) {
		close(ends[0]);
		sigset_t set;
		sigemptyset(&set);
		sigaddset(&set, SIGPIPE);
		sigprocmask(SIG_BLOCK, &set, NULL);
		errno = 0;
		int failed = write(ends[1], "x", 1) == -1 && errno == EPIPE;
		sigset_t pending;
		sigpending(&pending);
		_exit(failed && sigismember(&pending, SIGPIPE) ? 0 : 1);
	}
	close(ends[0]);
	close(ends[1]);
	is_int(wait_for(pid), 0, "with SIGPIPE blocked: EPIPE, and SIGPIPE is pending");
}

static void test_between_processes(void)
{
	int ends[2];
	pipe(ends);
	pid_t pid = spawn();
	if (pid == 0) {
		close(ends[0]);
		sleep_ms(200);
		write(ends[1], "wake", 4);
		sleep_ms(100);
		_exit(0);
	}
	close(ends[1]);
	char buffer[8] = {0};
	struct timespec before, after;
	clock_gettime(CLOCK_MONOTONIC, &before);
	ssize_t count = read(ends[0], buffer, sizeof buffer);
	clock_gettime(CLOCK_MONOTONIC, &after);
	ok(count == 4 && memcmp(buffer, "wake", 4) == 0, "a blocked reader gets the other process's bytes");
	long waited = (after.tv_sec - before.tv_sec) * 1000 + (after.tv_nsec - before.tv_nsec) / 1000000;
	ok(waited >= 150, "it blocked until they were written (%ld ms)", waited);
	is_int(read(ends[0], buffer, sizeof buffer), 0, "EOF when the writer exits");
	is_int(wait_for(pid), 0, "the writer exited normally");
	close(ends[0]);

	/* A blocked writer is woken by a reader: 1 MiB through the pipe. */
	pipe(ends);
	const long size = 1 << 20;
	pid = spawn();
	if (pid == 0) {
		close(ends[0]);
		static unsigned char chunk[3001];
		long sent = 0;
		while (sent < size) {
			long piece = size - sent < (long)sizeof chunk ? size - sent : (long)sizeof chunk;
			for (long i = 0; i < piece; i++)
				chunk[i] = (unsigned char)((sent + i) * 7);
			ssize_t done = write(ends[1], chunk, (size_t)piece);
			if (done <= 0)
				_exit(1);
			sent += done;
		}
		_exit(0);
	}
	close(ends[1]);
	static unsigned char received[4096];
	long got = 0;
	int in_order = 1;
	for (;;) {
		ssize_t done = read(ends[0], received, sizeof received);
		if (done <= 0)
			break;
		for (ssize_t i = 0; i < done; i++)
			if (received[i] != (unsigned char)((got + i) * 7))
				in_order = 0;
		got += done;
	}
	is_int(got, size, "1 MiB went through the pipe");
	ok(in_order, "every byte arrived in order");
	is_int(wait_for(pid), 0, "the writer wrote everything");
	close(ends[0]);

	/* PIPE_BUF-sized writes from two writers are not interleaved. */
	pipe(ends);
	pid_t writers[2];
	for (int w = 0; w < 2; w++) {
		writers[w] = spawn();
		if (writers[w] == 0) {
			close(ends[0]);
			char record[512];
			memset(record, w ? 'B' : 'A', sizeof record);
			for (int i = 0; i < 64; i++)
				if (write(ends[1], record, sizeof record) != (ssize_t)sizeof record)
					_exit(1);
			_exit(0);
		}
	}
	close(ends[1]);
	char record[512];
	int records = 0, whole = 1;
	for (;;) {
		size_t have = 0;
		while (have < sizeof record) {
			ssize_t done = read(ends[0], record + have, sizeof record - have);
			if (done <= 0)
				break;
			have += (size_t)done;
		}
		if (have == 0)
			break;
		if (have != sizeof record)
			whole = 0;
		for (size_t i = 1; i < have; i++)
			if (record[i] != record[0])
				whole = 0;
		records++;
	}
	close(ends[0]);
	ok(wait_for(writers[0]) == 0 && wait_for(writers[1]) == 0, "both writers finished");
	ok(records == 128 && whole, "128 records of 512 bytes, none interleaved");
}

static void test_close_on_exec(void)
{
	int ends[2];
	pipe2(ends, O_CLOEXEC);
	pid_t pid = spawn();
	if (pid == 0) {
		char *argv[] = { check_self_path, "--probe", NULL };
		char *envp[] = { NULL };
		dup2(ends[1], 20);
		execve(check_self_path, argv, envp);
		_exit(100);
	}
	close(ends[1]);
	char buffer[8] = {0};
	ssize_t count = read(ends[0], buffer, sizeof buffer);
	ok(count == 2 && memcmp(buffer, "ok", 2) == 0,
	   "the dup2 copy survives execve while the O_CLOEXEC end is closed");
	is_int(read(ends[0], buffer, sizeof buffer), 0, "EOF after the new program exits");
	is_int(wait_for(pid), 0, "the exec'd program exits 0");
	close(ends[0]);
}

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "--probe") == 0)
		return write(20, "ok", 2) == 2 ? 0 : 1;
	remember_self(argv[0]);
	plan(42);
	scenario("pipe and pipe2", test_basics);
	scenario("no reader: EPIPE and SIGPIPE", test_no_reader);
	scenario("between processes", test_between_processes);
	scenario("pipes across execve", test_close_on_exec);
	return finish();
}
