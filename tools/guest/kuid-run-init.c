/*
 * kuid-run-init: the first process of a tools/kuid-run boot (the kernel runs it
 * as pid 1 through init=/sbin/kuid-run-init). It is an ordinary static Linux
 * program, so the very same file also boots Debian's Linux kernel; that is how
 * the protocol below is checked against Linux.
 *
 * It reads the job file /kuid-run/job, prepares the machine (/proc, /tmp, the
 * output ports), runs each program in turn as a child (uid 0, cwd /), and
 * reports on /dev/console (its own fds 0, 1, 2):
 *
 *   kuid-run: start NAME
 *   kuid-run: exit NAME status N      the program exited with status N
 *   kuid-run: exit NAME signal N      it was killed by signal N
 *   kuid-run: exit NAME timeout       it ran longer than the time-out
 *   kuid-run: all done
 *
 * then powers the machine off with reboot(LINUX_REBOOT_CMD_POWER_OFF).
 * Lines starting "kuid-run: note:" explain anything unusual.
 *
 * Programs see "/" as a tmpfs filled from the initramfs, as on an installed
 * system, so pivot_root works. kuid boots that way; Linux makes the initramfs
 * itself ("rootfs") the root, which pivot_root refuses to move, so on Linux
 * this init first copies the tree into a tmpfs and moves that onto "/", as
 * switch_root does.
 *
 * The programs' stdout goes to /dev/ttyS1 (COM2) and their stderr to
 * /dev/ttyS2 (COM3), both switched to raw output (no \n -> \r\n), so the host
 * gets the bytes exactly as written. stdin stays /dev/console.
 *
 * The job file, one directive per line:
 *   timeout SECONDS     time-out for each following program (default 120)
 *   merge-stderr 0|1    1: stderr goes to the stdout port too
 *   markers 0|1         1: before each program, write the line
 *                       "\001kuid-run: begin INDEX NAME" on the stdout port,
 *                       so the host can split several programs' output
 *   run WORD...         run a program: the words are its argv, argv[0] is also
 *                       the path executed. In a word, %XX stands for the byte
 *                       with hex value XX (spaces, %, newlines, anything).
 * Other lines (comments with #, blank lines) are ignored.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#define JOB_FILE "/kuid-run/job"
#define MAX_WORDS 256

static int console = 1;

static void say(const char *format, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *format, ...)
{
	char line[1024];
	va_list args;
	va_start(args, format);
	int length = vsnprintf(line, sizeof line - 1, format, args);
	va_end(args);
	if (length < 0)
		return;
	if (length > (int)sizeof line - 2)
		length = (int)sizeof line - 2;
	line[length++] = '\n';
	const char *at = line;
	while (length > 0) {
		ssize_t done = write(console, at, (size_t)length);
		if (done < 0 && errno == EINTR)
			continue;
		if (done <= 0)
			return;
		at += done;
		length -= (int)done;
	}
}

static void write_all(int fd, const char *text, size_t length)
{
	while (length > 0) {
		ssize_t done = write(fd, text, length);
		if (done < 0 && errno == EINTR)
			continue;
		if (done <= 0)
			return;
		text += done;
		length -= (size_t)done;
	}
}

/* Linux mounts nothing on /dev in an initramfs; kuid provides /dev itself. */
static void mount_devtmpfs_once(void)
{
	static int tried;
	if (tried)
		return;
	tried = 1;
	mkdir("/dev", 0755);
	if (mount("devtmpfs", "/dev", "devtmpfs", 0, NULL) != 0)
		say("kuid-run: note: mounting devtmpfs on /dev failed: %s", strerror(errno));
}

/* Without fds 0-2 (a Linux initramfs without /dev/console), make them. */
static void make_sure_of_console(void)
{
	if (fcntl(1, F_GETFD) != -1)
		return;
	mount_devtmpfs_once();
	int fd = open("/dev/console", O_RDWR | O_NOCTTY);
	if (fd < 0)
		return;
	for (int i = 0; i < 3; i++)
		if (fd != i)
			dup2(fd, i);
	if (fd > 2)
		close(fd);
}

/* Open a serial port for output, with raw output processing. */
static int open_port(const char *path)
{
	int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT) {
		mount_devtmpfs_once();
		fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	}
	if (fd < 0) {
		say("kuid-run: note: cannot open %s (%s); using the console instead", path,
		    strerror(errno));
		return -1;
	}
	struct termios settings;
	if (ioctl(fd, TCGETS, &settings) == 0) {
		settings.c_oflag &= ~(tcflag_t)OPOST;
		if (ioctl(fd, TCSETS, &settings) != 0)
			say("kuid-run: note: TCSETS on %s failed: %s", path, strerror(errno));
	} else {
		say("kuid-run: note: TCGETS on %s failed: %s", path, strerror(errno));
	}
	return fd;
}

/* Copy one directory tree (files, directories, symbolic links) into another. */
static void copy_tree(const char *from, const char *to)
{
	DIR *directory = opendir(from);
	struct dirent *entry;

	if (!directory)
		return;
	while ((entry = readdir(directory)) != NULL) {
		char source[4096], target[4096];
		struct stat status;

		if (!strcmp(entry->d_name, ".") || !strcmp(entry->d_name, ".."))
			continue;
		snprintf(source, sizeof source, "%s/%s", from, entry->d_name);
		snprintf(target, sizeof target, "%s/%s", to, entry->d_name);
		if (lstat(source, &status) != 0)
			continue;
		if (S_ISDIR(status.st_mode)) {
			mkdir(target, status.st_mode & 07777);
			copy_tree(source, target);
		} else if (S_ISLNK(status.st_mode)) {
			char link[4096];
			ssize_t length = readlink(source, link, sizeof link - 1);

			if (length >= 0) {
				link[length] = '\0';
				if (symlink(link, target) != 0)
					continue;
			}
		} else if (S_ISREG(status.st_mode)) {
			int in = open(source, O_RDONLY | O_CLOEXEC);
			int out = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
				       status.st_mode & 07777);
			char buffer[65536];
			ssize_t count;

			while (in >= 0 && out >= 0 && (count = read(in, buffer, sizeof buffer)) > 0)
				write_all(out, buffer, (size_t)count);
			if (in >= 0)
				close(in);
			if (out >= 0)
				close(out);
		} else {
			continue;	/* devices and FIFOs: /dev is mounted afresh */
		}
		lchown(target, status.st_uid, status.st_gid);
	}
	closedir(directory);
}

/* True when "/" is Linux's initramfs itself (fs type rootfs in /proc/mounts). */
static int root_is_initramfs(void)
{
	char line[256] = "";
	FILE *mounts = fopen("/proc/mounts", "re");

	if (!mounts)
		return 0;
	while (fgets(line, sizeof line, mounts))
		if (!strncmp(line, "rootfs / rootfs ", 16)) {
			fclose(mounts);
			return 1;
		}
	fclose(mounts);
	return 0;
}

/* Make "/" a tmpfs holding a copy of the initramfs (see the top of this file). */
static void leave_initramfs_root(void)
{
	static const char new_root[] = "/.kuid-run-root";
	static const char *const copied[] = { "bin", "sbin", "usr", "etc", "root", "kuid-run" };

	if (!root_is_initramfs())
		return;
	if (mkdir(new_root, 0755) != 0 || mount("tmpfs", new_root, "tmpfs", 0, "mode=0755") != 0) {
		say("kuid-run: note: cannot make a tmpfs root: %s", strerror(errno));
		return;
	}
	/* Everything but the mount points and the new root itself. */
	for (size_t i = 0; i < sizeof copied / sizeof copied[0]; i++) {
		char from[64], to[64];

		snprintf(from, sizeof from, "/%s", copied[i]);
		snprintf(to, sizeof to, "%s/%s", new_root, copied[i]);
		mkdir(to, 0755);
		copy_tree(from, to);
	}
	if (chdir(new_root) != 0 || mount(".", "/", NULL, MS_MOVE, NULL) != 0 || chroot(".") != 0 ||
	    chdir("/") != 0) {
		say("kuid-run: note: cannot move the tmpfs onto /: %s", strerror(errno));
		return;
	}
	mkdir("/proc", 0555);
	mkdir("/dev", 0755);
	mkdir("/tmp", 01777);
	if (mount("proc", "/proc", "proc", 0, NULL) != 0 ||
	    mount("devtmpfs", "/dev", "devtmpfs", 0, NULL) != 0)
		say("kuid-run: note: remounting /proc or /dev failed: %s", strerror(errno));
}

static void prepare_machine(void)
{
	if (mkdir("/proc", 0555) != 0 && errno != EEXIST)
		say("kuid-run: note: mkdir /proc failed: %s", strerror(errno));
	if (mount("proc", "/proc", "proc", 0, NULL) != 0)
		say("kuid-run: note: /proc not mounted: mount failed with %s (errno %d)",
		    strerror(errno), errno);
	if (mkdir("/tmp", 01777) != 0 && errno != EEXIST)
		say("kuid-run: note: mkdir /tmp failed: %s", strerror(errno));
	if (chmod("/tmp", 01777) != 0)
		say("kuid-run: note: chmod 1777 /tmp failed: %s", strerror(errno));
	leave_initramfs_root();
}

static char *read_job_file(void)
{
	int fd = open(JOB_FILE, O_RDONLY);
	if (fd < 0) {
		say("kuid-run: note: cannot open %s: %s", JOB_FILE, strerror(errno));
		return NULL;
	}
	size_t size = 0, capacity = 4096;
	char *text = malloc(capacity);
	for (;;) {
		if (size + 1 >= capacity) {
			capacity *= 2;
			text = realloc(text, capacity);
		}
		if (!text)
			return NULL;
		ssize_t done = read(fd, text + size, capacity - size - 1);
		if (done < 0 && errno == EINTR)
			continue;
		if (done <= 0)
			break;
		size += (size_t)done;
	}
	close(fd);
	text[size] = '\0';
	return text;
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Split LINE (modified in place) into words, decoding %XX. Returns the count. */
static int split_words(char *line, char **words, int max_words)
{
	int count = 0;
	char *in = line;
	while (*in) {
		while (*in == ' ' || *in == '\t')
			in++;
		if (!*in)
			break;
		if (count == max_words - 1)
			break;
		char *out = in;
		words[count++] = out;
		while (*in && *in != ' ' && *in != '\t') {
			if (in[0] == '%' && hex_value(in[1]) >= 0 && hex_value(in[2]) >= 0) {
				*out++ = (char)(hex_value(in[1]) * 16 + hex_value(in[2]));
				in += 3;
			} else {
				*out++ = *in++;
			}
		}
		if (*in)
			in++;
		*out = '\0';
	}
	words[count] = NULL;
	return count;
}

static volatile sig_atomic_t alarm_rang;
static void on_alarm(int number)
{
	(void)number;
	alarm_rang = 1;
}

/*
 * Wait for PID, reaping any other child (orphans are re-parented to pid 1)
 * on the way. Returns 1 with *status set, or 0 if the alarm rang first.
 */
static int wait_for_job(pid_t pid, int *status)
{
	for (;;) {
		pid_t done = waitpid(-1, status, 0);
		if (done == pid)
			return 1;
		if (done < 0 && errno == EINTR && alarm_rang)
			return 0;
		if (done < 0 && errno == ECHILD)
			return 0;
	}
}

static void run_program(char **argv, int index, unsigned timeout_seconds, int out, int err,
			int markers)
{
	const char *name = argv[0];
	say("kuid-run: start %s", name);
	if (markers && out >= 0) {
		char marker[600];
		int length = snprintf(marker, sizeof marker, "\001kuid-run: begin %d %s\n", index, name);
		if (length > 0 && length < (int)sizeof marker)
			write_all(out, marker, (size_t)length);
	}

	/* The child reports a failed execve through this pipe (closed on success). */
	int exec_report[2];
	if (pipe2(exec_report, O_CLOEXEC) != 0) {
		say("kuid-run: note: pipe2 failed: %s", strerror(errno));
		exec_report[0] = exec_report[1] = -1;
	}
	pid_t pid = fork();
	if (pid < 0) {
		say("kuid-run: note: fork failed: %s", strerror(errno));
		say("kuid-run: exit %s status 127", name);
		return;
	}
	if (pid == 0) {
		static char *environment[] = {
			"PATH=/bin:/sbin:/usr/bin:/usr/sbin", "HOME=/root", "TERM=vt100", NULL,
		};
		setpgid(0, 0); /* its own group, so a time-out can kill everything it started */
		if (out >= 0)
			dup2(out, 1);
		if (err >= 0)
			dup2(err, 2);
		sigset_t none;
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		signal(SIGALRM, SIG_DFL);
		if (chdir("/") != 0)
			_exit(127);
		execve(argv[0], argv, environment);
		int error = errno;
		if (exec_report[1] >= 0)
			write_all(exec_report[1], (const char *)&error, sizeof error);
		_exit(127);
	}
	if (exec_report[1] >= 0)
		close(exec_report[1]);

	alarm_rang = 0;
	alarm(timeout_seconds);
	int status = 0;
	int finished = wait_for_job(pid, &status);
	alarm(0);
	if (!finished) {
		kill(-pid, SIGKILL);
		kill(pid, SIGKILL);
		alarm_rang = 0;
		alarm(10);
		int reaped = wait_for_job(pid, &status);
		alarm(0);
		if (!reaped)
			say("kuid-run: note: %s did not die after SIGKILL", name);
	}
	if (exec_report[0] >= 0) {
		int error = 0;
		if (read(exec_report[0], &error, sizeof error) == (ssize_t)sizeof error)
			say("kuid-run: note: cannot execute %s: %s (errno %d)", name, strerror(error),
			    error);
		close(exec_report[0]);
	}
	/* Whatever the program left running in its group goes too. */
	kill(-pid, SIGKILL);
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;

	if (!finished)
		say("kuid-run: exit %s timeout", name);
	else if (WIFEXITED(status))
		say("kuid-run: exit %s status %d", name, WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		say("kuid-run: exit %s signal %d", name, WTERMSIG(status));
	else
		say("kuid-run: exit %s status 255", name);
}

static void power_off(void)
{
	sync();
	reboot(RB_POWER_OFF);
	say("kuid-run: note: reboot(POWER_OFF) failed: %s", strerror(errno));
	for (;;)
		pause();
}

int main(void)
{
	make_sure_of_console();
	console = 1;
	say("kuid-run: init started (pid %d)", (int)getpid());

	struct sigaction action;
	memset(&action, 0, sizeof action);
	action.sa_handler = on_alarm; /* no SA_RESTART: waitpid must return EINTR */
	sigaction(SIGALRM, &action, NULL);

	prepare_machine();
	char *job = read_job_file();
	if (!job) {
		say("kuid-run: all done");
		power_off();
	}

	int out = open_port("/dev/ttyS1");
	int err = open_port("/dev/ttyS2");
	unsigned timeout_seconds = 120;
	int merge = 0, markers = 0, index = 0;
	char *words[MAX_WORDS];
	char *line = job;
	while (line && *line) {
		char *next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		int count = split_words(line, words, MAX_WORDS);
		if (count >= 2 && strcmp(words[0], "timeout") == 0) {
			timeout_seconds = (unsigned)strtoul(words[1], NULL, 10);
			if (timeout_seconds == 0)
				timeout_seconds = 120;
		} else if (count >= 2 && strcmp(words[0], "merge-stderr") == 0) {
			merge = atoi(words[1]);
		} else if (count >= 2 && strcmp(words[0], "markers") == 0) {
			markers = atoi(words[1]);
		} else if (count >= 2 && strcmp(words[0], "run") == 0) {
			run_program(words + 1, index++, timeout_seconds, out, merge ? out : err, markers);
		}
		line = next;
	}
	say("kuid-run: all done");
	power_off();
	return 0;
}
