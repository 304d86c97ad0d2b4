/*
 * fds: file descriptors: dup, dup2, dup3, fcntl (F_DUPFD, F_DUPFD_CLOEXEC,
 * F_GETFD/F_SETFD, F_GETFL/F_SETFL), close-on-exec across execve, the lowest
 * free number rule, shared offsets, EMFILE under a lowered RLIMIT_NOFILE.
 */
#include "lib/check.h"

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>

/* The raw call: musl's dup3() turns a call without O_CLOEXEC into dup2(). */
static long sys_dup3(int old_fd, int new_fd, int flags)
{
	return syscall(SYS_dup3, old_fd, new_fd, flags);
}

/* Re-executed with "--check-fds CLOSED OPEN": exit 0 iff CLOSED is closed and OPEN is open. */
static int check_fds_after_exec(const char *closed_text, const char *open_text)
{
	int closed = atoi(closed_text), open_fd = atoi(open_text);
	errno = 0;
	int closed_ok = fcntl(closed, F_GETFD) == -1 && errno == EBADF;
	int open_ok = fcntl(open_fd, F_GETFD) == 0;
	char byte;
	int readable = open_ok && pread(open_fd, &byte, 1, 0) == 1 && byte == 'K';
	return (closed_ok ? 0 : 1) | (open_ok ? 0 : 2) | (readable ? 0 : 4);
}

static int scratch_file(const char *name)
{
	return open(name, O_RDWR | O_CREAT | O_TRUNC, 0644);
}

static void test_dup(void)
{
	int fd = scratch_file("dup-file");
	ok(fd >= 0, "open a scratch file");
	int copy = dup(fd);
	ok(copy > fd, "dup returns a new descriptor (%d)", copy);
	ok(write(fd, "abcdef", 6) == 6, "write through the original");
	is_int(lseek(copy, 0, SEEK_CUR), 6, "a dup shares the file offset");
	lseek(copy, 2, SEEK_SET);
	is_int(lseek(fd, 0, SEEK_CUR), 2, "and the other way round");
	close(fd);
	char buffer[4] = {0};
	ok(read(copy, buffer, 3) == 3 && strcmp(buffer, "cde") == 0,
	   "the dup still works after the original is closed");

	/* The lowest free number is used. */
	int low = dup(copy);
	is_int(low, fd, "dup takes the lowest free number");
	close(low);

	int target = open("/", O_RDONLY);
	ok(dup2(copy, target) == target, "dup2 onto an open descriptor");
	is_int(lseek(target, 0, SEEK_CUR), 5, "it now refers to the file (and its offset)");
	is_int(dup2(copy, copy), copy, "dup2 of a descriptor onto itself returns it");
	expect_errno(dup2(999, 20), EBADF, "dup2 of a bad descriptor");
	expect_errno(dup2(copy, -1), EBADF, "dup2 onto -1");
	ok(dup2(copy, 200) == 200, "dup2 onto a high free number");
	close(200);

	expect_errno(sys_dup3(copy, copy, 0), EINVAL, "dup3 onto itself");
	expect_errno(sys_dup3(copy, 21, 0x4000), EINVAL, "dup3 with an unknown flag");
	ok(sys_dup3(copy, 21, O_CLOEXEC) == 21, "dup3 with O_CLOEXEC");
	is_int(fcntl(21, F_GETFD), FD_CLOEXEC, "dup3 O_CLOEXEC sets FD_CLOEXEC");
	ok(sys_dup3(copy, 22, 0) == 22 && fcntl(22, F_GETFD) == 0, "dup3 without flags");
	fcntl(copy, F_SETFD, FD_CLOEXEC);
	int plain = dup(copy);
	is_int(fcntl(plain, F_GETFD), 0, "dup does not copy FD_CLOEXEC");
	expect_errno(dup(999), EBADF, "dup of a bad descriptor");
	ok(close(plain) == 0, "close");
	expect_errno(close(plain), EBADF, "close twice");
	expect_errno(close(-1), EBADF, "close(-1)");

	/* Descriptor 0 is reused first once it is free. */
	close(0);
	int zero = open("dup-file", O_RDONLY);
	is_int(zero, 0, "open after close(0) returns 0");
}

static void test_fcntl(void)
{
	int fd = scratch_file("fcntl-file");
	int high = fcntl(fd, F_DUPFD, 10);
	ok(high >= 10, "F_DUPFD returns a number >= the minimum (%d)", high);
	is_int(fcntl(high, F_GETFD), 0, "F_DUPFD leaves FD_CLOEXEC clear");
	int next = fcntl(fd, F_DUPFD, 10);
	is_int(next, high + 1, "F_DUPFD takes the lowest free number above the minimum");
	int cloexec = fcntl(fd, F_DUPFD_CLOEXEC, 30);
	ok(cloexec >= 30 && fcntl(cloexec, F_GETFD) == FD_CLOEXEC, "F_DUPFD_CLOEXEC");
	expect_errno(fcntl(fd, F_DUPFD, -1), EINVAL, "F_DUPFD with a negative minimum");

	is_int(fcntl(fd, F_GETFD), 0, "F_GETFD: clear after open");
	ok(fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 && fcntl(fd, F_GETFD) == FD_CLOEXEC,
	   "F_SETFD sets FD_CLOEXEC");
	ok(fcntl(fd, F_SETFD, 0) == 0 && fcntl(fd, F_GETFD) == 0, "F_SETFD clears it");
	int with_flag = open("fcntl-file", O_RDONLY | O_CLOEXEC);
	is_int(fcntl(with_flag, F_GETFD), FD_CLOEXEC, "open with O_CLOEXEC sets FD_CLOEXEC");

	int flags = fcntl(fd, F_GETFL);
	is_int(flags & O_ACCMODE, O_RDWR, "F_GETFL: the access mode");
	ok((flags & (O_APPEND | O_NONBLOCK)) == 0, "F_GETFL: no O_APPEND, no O_NONBLOCK");
	is_int(fcntl(with_flag, F_GETFL) & O_ACCMODE, O_RDONLY, "F_GETFL of an O_RDONLY fd");
	ok(fcntl(fd, F_SETFL, O_APPEND) == 0 && (fcntl(fd, F_GETFL) & O_APPEND),
	   "F_SETFL O_APPEND");
	write(fd, "12345", 5);
	lseek(fd, 0, SEEK_SET);
	write(fd, "67", 2);
	struct stat info;
	ok(fstat(fd, &info) == 0 && info.st_size == 7, "writes go to the end after F_SETFL O_APPEND");
	ok(fcntl(fd, F_SETFL, 0) == 0 && !(fcntl(fd, F_GETFL) & O_APPEND), "F_SETFL clears O_APPEND");
	fcntl(with_flag, F_SETFL, O_RDWR);
	is_int(fcntl(with_flag, F_GETFL) & O_ACCMODE, O_RDONLY,
	       "F_SETFL cannot change the access mode");
	is_int(fcntl(high, F_GETFL) & O_APPEND, 0, "the flags are shared by dups (O_APPEND now clear)");
	fcntl(high, F_SETFL, O_APPEND);
	ok(fcntl(fd, F_GETFL) & O_APPEND, "F_SETFL through a dup shows on the original");

	int pipe_ends[2];
	pipe(pipe_ends);
	ok(fcntl(pipe_ends[0], F_SETFL, O_NONBLOCK) == 0 &&
	   (fcntl(pipe_ends[0], F_GETFL) & O_NONBLOCK), "F_SETFL O_NONBLOCK on a pipe");
	char byte;
	expect_errno(read(pipe_ends[0], &byte, 1), EAGAIN, "a non-blocking read of an empty pipe");
	expect_errno(fcntl(999, F_GETFL), EBADF, "F_GETFL of a bad descriptor");
	expect_errno(fcntl(fd, 12345), EINVAL, "an unknown fcntl command");
}

static void test_cloexec_exec(void)
{
	int fd = scratch_file("exec-file");
	write(fd, "K", 1);
	int kept = dup2(fd, 7);
	int closed = sys_dup3(fd, 8, O_CLOEXEC);
	ok(kept == 7 && closed == 8, "descriptors 7 (kept) and 8 (close-on-exec)");
	pid_t pid = spawn();
	if (pid == 0) {
		char *argv[] = { check_self_path, "--check-fds", "8", "7", NULL };
		char *envp[] = { NULL };
		execve(check_self_path, argv, envp);
		_exit(100);
	}
	int status = wait_for(pid);
	ok(WIFEXITED(status) && WEXITSTATUS(status) != 100, "execve of this program worked");
	is_int(WEXITSTATUS(status) & 1, 0, "FD_CLOEXEC descriptor is closed in the new program");
	is_int(WEXITSTATUS(status) & 6, 0, "the other descriptor is open and usable after execve");

	/* Descriptors are inherited by fork, with their shared offset. */
	int shared = scratch_file("fork-file");
	pid = spawn();
	if (pid == 0)
		_exit(write(shared, "child", 5) == 5 ? 0 : 1);
	is_int(wait_for(pid), 0, "the child wrote through the inherited descriptor");
	is_int(lseek(shared, 0, SEEK_CUR), 5, "the parent sees the child's offset");
	pid = spawn();
	if (pid == 0) {
		close(shared);
		_exit(0);
	}
	wait_for(pid);
	ok(write(shared, "!", 1) == 1, "closing in the child leaves the parent's descriptor open");
}

static void test_limits(void)
{
	struct rlimit limit;
	ok(getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur >= 20,
	   "RLIMIT_NOFILE is at least 20");
	limit.rlim_cur = 16;
	ok(setrlimit(RLIMIT_NOFILE, &limit) == 0, "lower RLIMIT_NOFILE to 16");
	int last = -1, count = 0;
	for (;;) {
		int fd = dup(1);
		if (fd < 0)
			break;
		last = fd;
		count++;
		if (count > 100)
			break;
	}
	int error = errno;
	is_int(last, 15, "the highest descriptor is 15");
	ok(error == EMFILE, "then dup fails with EMFILE (%s)", errno_name(error));
	expect_errno(dup2(1, 16), EBADF, "dup2 onto a number >= the limit");
	expect_errno(fcntl(1, F_DUPFD, 16), EINVAL, "F_DUPFD with a minimum >= the limit");
	expect_errno(open("/", O_RDONLY), EMFILE, "open with no free descriptor");
	close(5);
	is_int(open("/", O_RDONLY), 5, "a freed number is reused");
}

int main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "--check-fds") == 0)
		return check_fds_after_exec(argv[2], argv[3]);
	remember_self(argv[0]);
	plan(61);
	if (enter_private_dir("fds") != 0) {
		ok(0, "make a private directory under /tmp: %s", errno_name(errno));
		return finish();
	}
	scenario("dup, dup2, dup3", test_dup);
	scenario("fcntl", test_fcntl);
	scenario("close-on-exec and fork", test_cloexec_exec);
	scenario("RLIMIT_NOFILE and EMFILE", test_limits);
	cleanup();
	return finish();
}
