/*
 * procfs_files.c: the /proc/PID files programs read about themselves and others: exe (the
 * program file, which C libraries and busybox read at start), cmdline and environ (the
 * strings execve put on the stack, read out of another process's memory), and fd/ (one
 * magic link per descriptor). The inspecting ones are guarded by ptrace read access (R8.3):
 * another user's environ, exe and fd are EACCES. Runs as root (natively too).
 */
#include "lib/check.h"

#include <sys/prctl.h>

#define MARK "PROCFS_FILES_MARK=hello world"

/* readlink into a NUL-terminated buffer; the length or -1. */
static ssize_t read_link(const char *path, char *text, size_t size)
{
	ssize_t length = readlink(path, text, size - 1);

	text[length > 0 ? length : 0] = '\0';
	return length;
}

/* The whole of a /proc file (binary: NULs kept); its length or -1. */
static ssize_t read_whole(const char *path, char *buffer, size_t size)
{
	int fd = open(path, O_RDONLY);
	size_t total = 0;
	ssize_t got;

	if (fd < 0)
		return -1;
	while (total < size && (got = read(fd, buffer + total, size - total)) > 0)
		total += (size_t)got;
	close(fd);
	return (ssize_t)total;
}

static void test_exe_of_self(void)
{
	struct stat by_link, by_name;
	char text[4096];

	ok(read_link("/proc/self/exe", text, sizeof(text)) > 0 && text[0] == '/',
	   "readlink /proc/self/exe is an absolute path: %s", text);
	ok(stat(text, &by_link) == 0 && stat(check_self_path, &by_name) == 0 &&
	   by_link.st_ino == by_name.st_ino && by_link.st_dev == by_name.st_dev,
	   "it names the program that runs (%s)", check_self_path);
	ok(stat("/proc/self/exe", &by_link) == 0 && by_link.st_ino == by_name.st_ino,
	   "following the link reaches the program");
}

/*
 * A copy of this program in the private directory, run with known arguments and
 * environment; it waits on its stdin while the parent looks at it from outside.
 */
static void test_exec_with_arguments(void)
{
	static const char want_cmdline[] = "./copy\0--wait\0two words\0\0last";
	char path[256], expected[300], text[4096], buffer[8192];
	char *const argv[] = { "./copy", "--wait", "two words", "", "last", NULL };
	char *const envp[] = { "A=1", MARK, NULL };
	int gate[2], source, target;
	ssize_t length;
	pid_t child;

	/* Copy ourselves to ./copy. */
	source = open(check_self_path, O_RDONLY);
	target = open("copy", O_WRONLY | O_CREAT | O_TRUNC, 0755);
	while (source >= 0 && target >= 0 && (length = read(source, buffer, sizeof(buffer))) > 0)
		if (write(target, buffer, (size_t)length) != length)
			break;
	close(source);
	close(target);
	if (!ok(source >= 0 && target >= 0 && pipe(gate) == 0, "a copy of the program"))
		return;
	child = spawn();
	if (child == 0) {
		dup2(gate[0], 0);
		close(gate[1]);
		execve("./copy", argv, envp);
		_exit(127);
	}
	close(gate[0]);
	/* Wait until the exec is done: the child's exe changes to the copy. */
	snprintf(path, sizeof(path), "/proc/%d/exe", child);
	snprintf(expected, sizeof(expected), "%s/copy", getcwd(text, sizeof(text)));
	for (int tries = 0; tries < 2000; tries++) {
		if (read_link(path, text, sizeof(text)) > 0 && strcmp(text, expected) == 0)
			break;
		usleep(1000);
	}
	ok(strcmp(text, expected) == 0, "/proc/PID/exe of the exec'd copy: %s", text);

	snprintf(path, sizeof(path), "/proc/%d/cmdline", child);
	length = read_whole(path, buffer, sizeof(buffer));
	ok(length == (ssize_t)sizeof(want_cmdline) &&
	   memcmp(buffer, want_cmdline, sizeof(want_cmdline)) == 0,
	   "cmdline is argv, each with its NUL (%zd bytes)", length);

	snprintf(path, sizeof(path), "/proc/%d/environ", child);
	length = read_whole(path, buffer, sizeof(buffer));
	ok(length == (ssize_t)(sizeof("A=1") + sizeof(MARK)) &&
	   memcmp(buffer, "A=1\0" MARK, (size_t)length) == 0,
	   "environ is envp, each with its NUL (%zd bytes)", length);

	snprintf(path, sizeof(path), "/proc/%d/fd/0", child);
	{
		struct stat info;

		fstat(gate[1], &info);
		snprintf(expected, sizeof(expected), "pipe:[%lu]", (unsigned long)info.st_ino);
	}
	ok(read_link(path, text, sizeof(text)) > 0 && strcmp(text, expected) == 0,
	   "its fd 0 is the pipe: %s", text);
	close(gate[1]);
	is_int(wait_for(child), 0, "the copy saw its own cmdline and environ");
}

/* Run as ./copy --wait ...: check from inside, then wait for the parent. */
static int wait_mode(void)
{
	char buffer[4096];
	ssize_t length = read_whole("/proc/self/environ", buffer, sizeof(buffer));
	int status = 0;

	if (length <= 0 || !memmem(buffer, (size_t)length, MARK, sizeof(MARK)))
		status |= 1;
	length = read_whole("/proc/self/cmdline", buffer, sizeof(buffer));
	if (length < 7 || memcmp(buffer, "./copy", 7) != 0)
		status |= 2;
	while (read(0, buffer, sizeof(buffer)) > 0)
		;
	return status;
}

/* The names in /proc/self/fd; a bit per descriptor below 64. */
static unsigned long long listed_fds(void)
{
	DIR *directory = opendir("/proc/self/fd");
	unsigned long long seen = 0;
	struct dirent *entry;

	if (!directory)
		return 0;
	while ((entry = readdir(directory)))
		if (entry->d_name[0] != '.' && atoi(entry->d_name) < 64)
			seen |= 1ull << atoi(entry->d_name);
	closedir(directory);
	return seen;
}

static void test_fd_directory(void)
{
	char path[64], expected[300], text[4096], cwd[256];
	struct stat info;
	int fd, again, ns, pipe_ends[2];

	fd = open("data", O_RDWR | O_CREAT | O_TRUNC, 0644);
	if (!ok(fd >= 0 && write(fd, "0123456789", 10) == 10, "a new file"))
		return;
	ok((listed_fds() & (7ull | 1ull << fd)) == (7ull | 1ull << fd),
	   "/proc/self/fd lists 0, 1, 2 and %d", fd);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	snprintf(expected, sizeof(expected), "%s/data", getcwd(cwd, sizeof(cwd)));
	ok(read_link(path, text, sizeof(text)) > 0 && strcmp(text, expected) == 0,
	   "readlink gives its path: %s", text);
	ok(lstat(path, &info) == 0 && S_ISLNK(info.st_mode) && (info.st_mode & 0777) == 0700,
	   "a link lrwx------ for a read-write fd");

	/* Opening the link opens the file anew: its own offset. */
	again = open(path, O_RDONLY);
	ok(again >= 0 && again != fd && lseek(fd, 0, SEEK_CUR) == 10 &&
	   read(again, text, 4) == 4 && memcmp(text, "0123", 4) == 0,
	   "open of /proc/self/fd/N opens the file again, from offset 0");
	{
		struct stat by_name;

		ok(fstat(again, &info) == 0 && stat("data", &by_name) == 0 &&
		   info.st_ino == by_name.st_ino, "the same file");
	}
	close(again);

	ok(pipe(pipe_ends) == 0 && fstat(pipe_ends[0], &info) == 0, "a pipe");
	snprintf(path, sizeof(path), "/proc/self/fd/%d", pipe_ends[0]);
	snprintf(expected, sizeof(expected), "pipe:[%lu]", (unsigned long)info.st_ino);
	ok(read_link(path, text, sizeof(text)) > 0 && strcmp(text, expected) == 0,
	   "a pipe reads as %s", text);

	ns = open("/proc/self/ns/user", O_RDONLY);
	read_link("/proc/self/ns/user", expected, sizeof(expected));
	snprintf(path, sizeof(path), "/proc/self/fd/%d", ns);
	ok(ns >= 0 && read_link(path, text, sizeof(text)) > 0 && strcmp(text, expected) == 0,
	   "an nsfs file reads as %s", text);

	unlink("data");
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	snprintf(expected, sizeof(expected), "%s/data (deleted)", cwd);
	ok(read_link(path, text, sizeof(text)) > 0 && strcmp(text, expected) == 0,
	   "after unlink: %s", text);
	close(fd);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	expect_errno(readlink(path, text, sizeof(text)), ENOENT, "a closed fd has no link");
	expect_errno(open("/proc/self/fd/0999", O_RDONLY), ENOENT, "no leading zeros");
}

/* uid 1000 looking at a root process. */
static void test_other_users_process(void)
{
	char path[64], text[256];
	int gate[2], result[2];
	pid_t target, looker;

	if (!ok(pipe(gate) == 0 && pipe(result) == 0, "pipes"))
		return;
	target = spawn();
	if (target == 0) {
		close(gate[1]);
		read(gate[0], text, 1);
		_exit(0);
	}
	close(gate[0]);
	looker = spawn();
	if (looker == 0) {
		int errors[5];

		if (become_user() != 0)
			_exit(99);
		snprintf(path, sizeof(path), "/proc/%d/environ", target);
		errors[0] = open(path, O_RDONLY) < 0 ? errno : 0;
		snprintf(path, sizeof(path), "/proc/%d/exe", target);
		errors[1] = readlink(path, text, sizeof(text)) < 0 ? errno : 0;
		snprintf(path, sizeof(path), "/proc/%d/fd", target);
		errors[2] = opendir(path) ? 0 : errno;
		snprintf(path, sizeof(path), "/proc/%d/cwd", target);
		errors[3] = readlink(path, text, sizeof(text)) < 0 ? errno : 0;
		snprintf(path, sizeof(path), "/proc/%d/cmdline", target);
		errors[4] = read_whole(path, text, sizeof(text)) > 0 ? 0 : errno;
		write(result[1], errors, sizeof(errors));
		_exit(0);
	}
	close(result[1]);
	{
		int errors[5] = { -1, -1, -1, -1, -1 };

		read(result[0], errors, sizeof(errors));
		is_int(wait_for(looker), 0, "uid 1000 looked");
		is_int(errors[0], EACCES, "another user's environ: EACCES");
		is_int(errors[1], EACCES, "another user's exe: EACCES");
		is_int(errors[2], EACCES, "another user's fd/: EACCES");
		is_int(errors[3], EACCES, "another user's cwd: EACCES");
		is_int(errors[4], 0, "cmdline is for everyone");
	}
	close(gate[1]);
	wait_for(target);
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--wait") == 0)
		return wait_mode();
	if (geteuid() != 0) {
		printf("1..0 # SKIP needs root\n0 passed, 0 failed\n");
		return 0;
	}
	remember_self(argv[0]);
	plan(3 + 6 + 12 + 7);
	if (enter_private_dir("procfs") < 0) {
		ok(0, "make a private directory");
		return finish();
	}
	scenario("/proc/self/exe", test_exe_of_self);
	scenario("cmdline, environ, exe across an exec", test_exec_with_arguments);
	scenario("/proc/self/fd", test_fd_directory);
	scenario("another user's process", test_other_users_process);
	cleanup();
	return finish();
}
