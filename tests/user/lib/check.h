/*
 * check.h: kuid's own small TAP helper for the programs in tests/user/.
 *
 * A program calls plan(N), runs its scenarios with scenario("name", fn) and
 * ends with `return finish();`. Each scenario runs in a forked process, so a
 * crash or a stray signal in one cannot spoil the next. The scenario process
 * prints its own "ok N - ..." lines with one write(2) each (no stdio
 * buffering, so output survives a crash), and sends one byte per result
 * ('p' passed, 'f' failed, 's' skipped) up a pipe; the top-level process adds
 * those up, so the totals stay right even when the scenario dies half way.
 *
 * Only the scenario process itself may report results. Helper processes it
 * forks (spawn()) must report through their exit status or a pipe instead.
 *
 * Every process is bounded in time: the top level re-arms alarm(10) before
 * each scenario, and each scenario process arms its own alarm(10) (alarms
 * are not inherited by fork). A scenario that uses alarm() itself re-arms
 * the guard afterwards with guard().
 *
 * The last line is "N passed, N failed" (skips count as passed); finish()
 * returns 0 iff nothing failed and the plan was kept.
 */
#ifndef KUID_TESTS_USER_CHECK_H
#define KUID_TESTS_USER_CHECK_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define CHECK_GUARD_SECONDS 10

static int check_planned = -1;
static int check_number;                 /* results printed so far */
static int check_passed, check_failed, check_skipped;
static int check_tally_fd = -1;          /* inside a scenario: pipe to the top */
static volatile pid_t check_running_pid; /* the scenario the top level waits for */

static inline void check_write(const char *text, size_t length)
{
	while (length > 0) {
		ssize_t done = write(1, text, length);
		if (done < 0 && errno == EINTR)
			continue;
		if (done <= 0)
			return;
		text += done;
		length -= (size_t)done;
	}
}

static inline void check_printf(const char *format, ...) __attribute__((format(printf, 1, 2)));
static inline void check_printf(const char *format, ...)
{
	char line[600];
	va_list args;
	va_start(args, format);
	int length = vsnprintf(line, sizeof line, format, args);
	va_end(args);
	if (length < 0)
		return;
	if ((size_t)length >= sizeof line)
		length = sizeof line - 1;
	check_write(line, (size_t)length);
}

/* The name of an errno value, for messages. */
static const char *errno_name(int error)
{
	static const struct { int value; const char *name; } names[] = {
		{0, "0"}, {EPERM, "EPERM"}, {ENOENT, "ENOENT"}, {ESRCH, "ESRCH"},
		{EINTR, "EINTR"}, {EIO, "EIO"}, {ENXIO, "ENXIO"}, {E2BIG, "E2BIG"},
		{ENOEXEC, "ENOEXEC"}, {EBADF, "EBADF"}, {ECHILD, "ECHILD"},
		{EAGAIN, "EAGAIN"}, {ENOMEM, "ENOMEM"}, {EACCES, "EACCES"},
		{EFAULT, "EFAULT"}, {EBUSY, "EBUSY"}, {EEXIST, "EEXIST"},
		{EXDEV, "EXDEV"}, {ENODEV, "ENODEV"}, {ENOTDIR, "ENOTDIR"},
		{EISDIR, "EISDIR"}, {EINVAL, "EINVAL"}, {ENFILE, "ENFILE"},
		{EMFILE, "EMFILE"}, {ENOTTY, "ENOTTY"}, {ETXTBSY, "ETXTBSY"},
		{EFBIG, "EFBIG"}, {ENOSPC, "ENOSPC"}, {ESPIPE, "ESPIPE"},
		{EROFS, "EROFS"}, {EMLINK, "EMLINK"}, {EPIPE, "EPIPE"},
		{ERANGE, "ERANGE"}, {ENAMETOOLONG, "ENAMETOOLONG"},
		{ENOSYS, "ENOSYS"}, {ENOTEMPTY, "ENOTEMPTY"}, {ELOOP, "ELOOP"},
		{EOVERFLOW, "EOVERFLOW"}, {EOPNOTSUPP, "EOPNOTSUPP"},
	};
	static char other[32];
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].value == error)
			return names[i].name;
	snprintf(other, sizeof other, "errno %d", error);
	return other;
}

/* A wait status in words, for messages. */
static const char *status_text(int status)
{
	static char text[48];
	if (WIFEXITED(status))
		snprintf(text, sizeof text, "exit %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(text, sizeof text, "signal %d", WTERMSIG(status));
	else
		snprintf(text, sizeof text, "status 0x%x", (unsigned)status);
	return text;
}

/* One result: kind is 'p', 'f' or 's'. */
static inline void check_result(char kind, const char *text)
{
	check_number++;
	if (kind == 'p')
		check_passed++;
	else if (kind == 's')
		check_skipped++;
	else
		check_failed++;
	if (kind == 's')
		check_printf("ok %d # SKIP %s\n", check_number, text);
	else
		check_printf("%s %d - %s\n", kind == 'p' ? "ok" : "not ok", check_number, text);
	if (check_tally_fd >= 0)
		while (write(check_tally_fd, &kind, 1) < 0 && errno == EINTR)
			;
}

static inline int ok(int condition, const char *format, ...) __attribute__((format(printf, 2, 3)));
static inline int ok(int condition, const char *format, ...)
{
	char text[400];
	va_list args;
	va_start(args, format);
	vsnprintf(text, sizeof text, format, args);
	va_end(args);
	check_result(condition ? 'p' : 'f', text);
	return condition;
}

static inline void skip(const char *format, ...) __attribute__((format(printf, 1, 2)));
static inline void skip(const char *format, ...)
{
	char text[400];
	va_list args;
	va_start(args, format);
	vsnprintf(text, sizeof text, format, args);
	va_end(args);
	check_result('s', text);
}

/* A comment line: "# ...". */
static inline void note(const char *format, ...) __attribute__((format(printf, 1, 2)));
static inline void note(const char *format, ...)
{
	char text[400];
	va_list args;
	va_start(args, format);
	vsnprintf(text, sizeof text, format, args);
	va_end(args);
	check_printf("# %s\n", text);
}

static inline int check_is_int(long long got, long long want, const char *format, ...)
	__attribute__((format(printf, 3, 4)));
static inline int check_is_int(long long got, long long want, const char *format, ...)
{
	char text[400];
	va_list args;
	va_start(args, format);
	vsnprintf(text, sizeof text, format, args);
	va_end(args);
	if (got == want)
		return ok(1, "%s", text);
	return ok(0, "%s: got %lld, want %lld", text, got, want);
}
#define is_int(got, want, ...) check_is_int((long long)(got), (long long)(want), __VA_ARGS__)

static inline int check_errno_result(long result, int error, int want, const char *format, ...)
	__attribute__((format(printf, 4, 5)));
static inline int check_errno_result(long result, int error, int want, const char *format, ...)
{
	char text[400];
	va_list args;
	va_start(args, format);
	vsnprintf(text, sizeof text, format, args);
	va_end(args);
	if (result == -1 && error == want)
		return ok(1, "%s fails with %s", text, errno_name(want));
	if (result == -1)
		return ok(0, "%s: want %s, got %s", text, errno_name(want), errno_name(error));
	return ok(0, "%s: want %s, but it returned %ld", text, errno_name(want), result);
}

static inline int check_success_result(long result, int error, const char *format, ...)
	__attribute__((format(printf, 3, 4)));
static inline int check_success_result(long result, int error, const char *format, ...)
{
	char text[400];
	va_list args;
	va_start(args, format);
	vsnprintf(text, sizeof text, format, args);
	va_end(args);
	if (result != -1)
		return ok(1, "%s", text);
	return ok(0, "%s: failed with %s", text, errno_name(error));
}

/* EXPR (evaluated once) must return -1 with errno == ERROR. */
#define expect_errno(expr, error, ...)                                          \
	({                                                                      \
		errno = 0;                                                      \
		long check_value_ = (long)(expr);                               \
		int check_error_ = errno;                                       \
		check_errno_result(check_value_, check_error_, (error), __VA_ARGS__); \
	})

/* EXPR (evaluated once) must not return -1. */
#define expect_ok(expr, ...)                                                    \
	({                                                                      \
		errno = 0;                                                      \
		long check_value_ = (long)(expr);                               \
		int check_error_ = errno;                                       \
		check_success_result(check_value_, check_error_, __VA_ARGS__);  \
	})

/* Re-arm this process's time bound (after a test used alarm() itself). */
static inline void guard(void)
{
	signal(SIGALRM, SIG_DFL);
	alarm(CHECK_GUARD_SECONDS);
}

/*
 * fork() for a helper process below a scenario: it must not report results
 * (it loses the tally pipe) and gets its own time bound.
 */
static inline pid_t spawn(void)
{
	pid_t pid = fork();
	if (pid == 0) {
		if (check_tally_fd >= 0)
			close(check_tally_fd);
		check_tally_fd = -1;
		guard();
	}
	return pid;
}

/* waitpid() that retries on EINTR; returns the wait status, or -1. */
static inline int wait_for(pid_t pid)
{
	int status;
	pid_t done;
	do
		done = waitpid(pid, &status, 0);
	while (done < 0 && errno == EINTR);
	return done == pid ? status : -1;
}

static inline int finish(void);

static inline void check_timed_out(int signal_number)
{
	(void)signal_number;
	if (check_running_pid > 0)
		kill(check_running_pid, SIGKILL);
	check_result('f', "time-out: the program ran longer than its time bound");
	_exit(finish());
}

static inline void plan(int count)
{
	/* Start from a known state whatever the caller left: nothing blocked,
	 * every signal at its default action (ignored ones are inherited). */
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	for (int number = 1; number < 32; number++)
		if (number != SIGKILL && number != SIGSTOP)
			signal(number, SIG_DFL);
	check_planned = count;
	check_printf("1..%d\n", count);
	signal(SIGALRM, check_timed_out);
	alarm(CHECK_GUARD_SECONDS);
}

/* Run FN in a forked scenario process and count its results here. */
static inline void scenario(const char *name, void (*fn)(void))
{
	int tally[2];
	if (pipe2(tally, O_CLOEXEC) < 0) {
		check_result('f', name);
		return;
	}
	signal(SIGALRM, check_timed_out);
	alarm(CHECK_GUARD_SECONDS);
	check_printf("# %s\n", name);
	pid_t pid = fork();
	if (pid < 0) {
		close(tally[0]);
		close(tally[1]);
		ok(0, "%s: fork failed with %s", name, errno_name(errno));
		return;
	}
	if (pid == 0) {
		close(tally[0]);
		check_tally_fd = tally[1];
		guard();
		fn();
		_exit(0);
	}
	check_running_pid = pid;
	close(tally[1]);
	char kinds[256];
	for (;;) {
		ssize_t count = read(tally[0], kinds, sizeof kinds);
		if (count < 0 && errno == EINTR)
			continue;
		if (count <= 0)
			break;
		for (ssize_t i = 0; i < count; i++) {
			check_number++;
			if (kinds[i] == 'p')
				check_passed++;
			else if (kinds[i] == 's')
				check_skipped++;
			else
				check_failed++;
		}
	}
	close(tally[0]);
	int status = wait_for(pid);
	check_running_pid = 0;
	if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		ok(0, "%s: the scenario process ended with %s", name,
		   status == -1 ? "no status" : status_text(status));
}

static inline int finish(void)
{
	alarm(0);
	if (check_planned >= 0 && check_number != check_planned) {
		check_printf("# planned %d results, got %d\n", check_planned, check_number);
		int missing = check_planned - check_number;
		check_failed += missing > 0 ? missing : -missing;
	}
	if (check_skipped > 0)
		check_printf("# %d skipped (counted as passed)\n", check_skipped);
	check_printf("%d passed, %d failed\n", check_passed + check_skipped, check_failed);
	return check_failed == 0 ? 0 : 1;
}

/* Helpers most programs need. */

/* The absolute path of this program, from argv[0] (no /proc needed). */
static char check_self_path[4096];
static inline void remember_self(const char *argv0)
{
	if (argv0[0] == '/') {
		snprintf(check_self_path, sizeof check_self_path, "%s", argv0);
		return;
	}
	char cwd[2048];
	if (!getcwd(cwd, sizeof cwd))
		cwd[0] = '\0';
	snprintf(check_self_path, sizeof check_self_path, "%.2047s/%.2040s", cwd, argv0);
}

/* Write all of TEXT to a new file PATH with MODE; returns 0 or -1. */
static inline int write_file(const char *path, const char *text, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
	if (fd < 0)
		return -1;
	size_t length = strlen(text);
	ssize_t done = write(fd, text, length);
	close(fd);
	return done == (ssize_t)length ? 0 : -1;
}

/* Read at most SIZE-1 bytes of PATH into BUFFER, NUL-terminated; -1 on error. */
static inline ssize_t read_file(const char *path, char *buffer, size_t size)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	size_t total = 0;
	while (total + 1 < size) {
		ssize_t done = read(fd, buffer + total, size - 1 - total);
		if (done <= 0)
			break;
		total += (size_t)done;
	}
	close(fd);
	buffer[total] = '\0';
	return (ssize_t)total;
}

/* Become an unprivileged user (uid and gid 1000, no groups); 0 or -1. */
static inline int become_user(void)
{
	gid_t none[1];
	if (setgroups(0, none) != 0)
		return -1;
	if (setresgid(1000, 1000, 1000) != 0)
		return -1;
	return setresuid(1000, 1000, 1000);
}

/* Remove PATH and everything below it (best effort, without following links). */
static inline void remove_tree(const char *path)
{
	struct stat info;
	if (lstat(path, &info) != 0)
		return;
	if (S_ISDIR(info.st_mode)) {
		DIR *directory = opendir(path);
		if (directory) {
			struct dirent *entry;
			while ((entry = readdir(directory)) != NULL) {
				if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
					continue;
				size_t head = strlen(path), tail = strlen(entry->d_name);
				char *child = malloc(head + tail + 2);
				if (!child)
					continue;
				memcpy(child, path, head);
				child[head] = '/';
				memcpy(child + head + 1, entry->d_name, tail + 1);
				remove_tree(child);
				free(child);
			}
			closedir(directory);
		}
		rmdir(path);
	} else {
		unlink(path);
	}
}

/*
 * Make a private directory /tmp/kuid-NAME.XXXXXX (mode 0755, so that a test
 * that drops to uid 1000 can still reach it), chdir into it, and remember it
 * for cleanup(). Scenarios inherit the working directory.
 */
static char check_private_dir[128];
static inline int enter_private_dir(const char *name)
{
	snprintf(check_private_dir, sizeof check_private_dir, "/tmp/kuid-%s.XXXXXX", name);
	if (!mkdtemp(check_private_dir))
		return -1;
	if (chmod(check_private_dir, 0755) != 0 || chdir(check_private_dir) != 0)
		return -1;
	return 0;
}

static inline void cleanup(void)
{
	if (check_private_dir[0] == '\0')
		return;
	if (chdir("/") != 0)
		return;
	remove_tree(check_private_dir);
}

#endif /* KUID_TESTS_USER_CHECK_H */
