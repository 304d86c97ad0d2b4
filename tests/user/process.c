/*
 * process: fork, vfork, clone (as C libraries use it), wait4 and its status
 * encoding, execve (of itself, of #! scripts, and its errors), the auxiliary
 * vector, process ids, orphans, process groups and sessions, exit_group.
 */
#include "lib/check.h"

#include <sched.h>
#include <spawn.h>
#include <stdint.h>
#include <sys/auxv.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>

extern char **environ;

static void sleep_ms(long milliseconds)
{
	struct timespec pause_for = { milliseconds / 1000, (milliseconds % 1000) * 1000000 };
	while (nanosleep(&pause_for, &pause_for) != 0 && errno == EINTR)
		;
}

/*
 * Re-executed as: process --exec-child EXPECTED_EXECFN a "b c" "" d
 * with the environment exactly KUID_A=1, KUID_B=two words.
 * Exits 42 when argv, envp and the auxiliary vector are as expected.
 */
static int exec_child(int argc, char **argv)
{
	int good = argc == 7 && strcmp(argv[3], "a") == 0 && strcmp(argv[4], "b c") == 0 &&
		   strcmp(argv[5], "") == 0 && strcmp(argv[6], "d") == 0 && argv[7] == NULL;
	int environment = environ && environ[0] && environ[1] && !environ[2] &&
			  strcmp(environ[0], "KUID_A=1") == 0 &&
			  strcmp(environ[1], "KUID_B=two words") == 0;
	const char *execfn = (const char *)getauxval(AT_EXECFN);
	int auxv = execfn && strcmp(execfn, argv[2]) == 0 && getauxval(AT_PAGESZ) == 4096;
	return (good ? 0 : 1) | (environment ? 0 : 2) | (auxv ? 0 : 4) | 40;
}

/* Re-executed as an interpreter: process --interp SCRIPT ARG: exit 43 if so. */
static int interpreter(int argc, char **argv)
{
	return argc == 4 && strstr(argv[2], "interp-script") && strcmp(argv[3], "arg") == 0 ? 43 : 1;
}

static void test_fork_and_wait(void)
{
	int codes[] = { 0, 1, 255, 42 };
	for (int i = 0; i < 4; i++) {
		pid_t pid = fork();
		if (pid == 0)
			_exit(codes[i]);
		int status = -1;
		pid_t done = wait4(pid, &status, 0, NULL);
		ok(done == pid && WIFEXITED(status) && WEXITSTATUS(status) == codes[i] &&
		   status == codes[i] << 8, "wait4: exit %d gives status 0x%x (got 0x%x)", codes[i],
		   (unsigned)(codes[i] << 8), (unsigned)status);
	}
	pid_t pid = fork();
	if (pid == 0) {
		for (;;)
			pause();
	}
	kill(pid, SIGKILL);
	int status;
	ok(waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL &&
	   status == SIGKILL, "killed by SIGKILL: status 9 (got 0x%x)", (unsigned)status);

	pid = fork();
	if (pid == 0)
		exit(7); /* exit(), not _exit(): atexit and stdio flushing on the way */
	ok(wait_for(pid) == 7 << 8, "exit(7) through the C library");

	struct rusage usage;
	pid = fork();
	if (pid == 0)
		_exit(3);
	memset(&usage, 0xff, sizeof usage);
	ok(wait4(pid, &status, 0, &usage) == pid && usage.ru_utime.tv_sec >= 0 &&
	   usage.ru_utime.tv_usec >= 0 && usage.ru_utime.tv_usec < 1000000,
	   "wait4 fills in struct rusage");

	/* wait(-1) takes any child; several children are all reaped. */
	for (int i = 0; i < 3; i++)
		if (fork() == 0)
			_exit(10 + i);
	int seen = 0;
	for (int i = 0; i < 3; i++) {
		if (wait(&status) > 0 && WIFEXITED(status))
			seen |= 1 << (WEXITSTATUS(status) - 10);
	}
	is_int(seen, 7, "wait reaps three children, each once");
	expect_errno(wait(&status), ECHILD, "wait with no children left");
	expect_errno(waitpid(getppid(), &status, 0), ECHILD, "waitpid of a process that is not a child");
	expect_errno(waitpid(pid, &status, 0x1000), EINVAL, "waitpid with unknown options");

	/* WNOHANG: 0 while the child runs, its pid once it has exited. */
	int gate[2];
	pipe(gate);
	pid = fork();
	if (pid == 0) {
		char byte;
		close(gate[1]);
		read(gate[0], &byte, 1);
		_exit(5);
	}
	close(gate[0]);
	is_int(waitpid(pid, &status, WNOHANG), 0, "WNOHANG while the child runs returns 0");
	close(gate[1]);
	pid_t reaped = 0;
	for (int i = 0; i < 500 && reaped == 0; i++) {
		reaped = waitpid(pid, &status, WNOHANG);
		if (reaped == 0)
			sleep_ms(10);
	}
	ok(reaped == pid && WEXITSTATUS(status) == 5, "WNOHANG returns the child once it exited");
}

static void test_ids(void)
{
	pid_t me = getpid();
	ok(me > 0, "getpid is positive");
	ok(getppid() > 0 && getppid() != me, "getppid is another process");
	is_int(syscall(SYS_gettid), me, "gettid == getpid in a single-threaded process");
	int channel[2];
	pipe(channel);
	pid_t pid = fork();
	if (pid == 0) {
		pid_t ids[2] = { getpid(), getppid() };
		write(channel[1], ids, sizeof ids);
		_exit(0);
	}
	pid_t ids[2] = { 0, 0 };
	read(channel[0], ids, sizeof ids);
	wait_for(pid);
	is_int(ids[0], pid, "the child's getpid is what fork returned");
	is_int(ids[1], me, "the child's getppid is the parent");
	ok(getuid() == 0 && geteuid() == 0 && getgid() == 0 && getegid() == 0, "running as root");

	/* An orphan gets a new parent: init or a subreaper, never the dead one. */
	pid_t middle = fork();
	if (middle == 0) {
		pid_t orphan = fork();
		if (orphan == 0) {
			pid_t parent = getppid();
			write(channel[1], &parent, sizeof parent);
			/* Wait (bounded) until the middle process has gone. */
			for (int i = 0; i < 500 && getppid() == parent; i++)
				sleep_ms(10);
			pid_t adopted = getppid();
			write(channel[1], &adopted, sizeof adopted);
			_exit(0);
		}
		pid_t parent_seen;
		read(channel[0], &parent_seen, sizeof parent_seen);
		write(channel[1], &parent_seen, sizeof parent_seen);
		_exit(0);
	}
	/* The middle process echoes the first report back after reading it. */
	pid_t first = 0, adopted = 0;
	sleep_ms(50);
	is_int(wait_for(middle), 0, "the middle process exits");
	read(channel[0], &first, sizeof first);
	read(channel[0], &adopted, sizeof adopted);
	is_int(first, middle, "the grandchild's parent was the middle process");
	ok(adopted != middle && adopted > 0, "after it died the orphan was adopted (by %d)", (int)adopted);
}

static void test_vfork_clone(void)
{
	pid_t parent = getpid();
	pid_t pid = vfork();
	if (pid == 0)
		_exit(getppid() == parent ? 3 : 4);
	int status = wait_for(pid);
	ok(pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 3, "vfork: the child runs and exits");

	/* glibc's fork(): clone(CHILD_SETTID | CHILD_CLEARTID | SIGCHLD) on the same stack. */
	static volatile pid_t child_tid;
	long result = syscall(SYS_clone, CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | SIGCHLD,
			      0, NULL, &child_tid, 0);
	if (result == 0)
		_exit(child_tid == getpid() ? 6 : 7);
	status = wait_for((pid_t)result);
	ok(result > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 6,
	   "clone like glibc's fork: CLONE_CHILD_SETTID wrote the tid in the child (%s)",
	   status_text(status));
	ok(child_tid == 0, "the parent's copy of the tid word is untouched");

	/* clone(SIGCHLD) alone is fork. */
	result = syscall(SYS_clone, SIGCHLD, 0, NULL, NULL, 0);
	if (result == 0)
		_exit(8);
	ok(result > 0 && wait_for((pid_t)result) == 8 << 8, "clone(SIGCHLD) behaves like fork");
	pid_t parent_tid = 0;
	result = syscall(SYS_clone, CLONE_PARENT_SETTID | SIGCHLD, 0, &parent_tid, NULL, 0);
	if (result == 0)
		_exit(0);
	ok(result > 0 && parent_tid == result, "CLONE_PARENT_SETTID stores the tid in the parent");
	wait_for((pid_t)result);
	expect_errno(syscall(SYS_clone, CLONE_SIGHAND | SIGCHLD, 0, NULL, NULL, 0), EINVAL,
		     "CLONE_SIGHAND without CLONE_VM");

	/* musl's posix_spawn: clone(CLONE_VM | CLONE_VFORK | SIGCHLD) on a new stack. */
	char *argv[] = { check_self_path, "--exit", "44", NULL };
	pid_t spawned;
	int error = posix_spawn(&spawned, check_self_path, NULL, NULL, argv, environ);
	ok(error == 0, "posix_spawn of this program (%s)", errno_name(error));
	ok(error == 0 && wait_for(spawned) == 44 << 8, "the spawned program ran and exited 44");
	char *missing[] = { "/nonexistent/program", NULL };
	error = posix_spawn(&spawned, missing[0], NULL, NULL, missing, environ);
	if (error == 0)
		wait_for(spawned);
	is_int(error, ENOENT, "posix_spawn of a missing program reports ENOENT");
}

static void test_exec(void)
{
	pid_t pid = fork();
	if (pid == 0) {
		char *argv[] = { check_self_path, "--exec-child", check_self_path, "a", "b c", "", "d", NULL };
		char *envp[] = { "KUID_A=1", "KUID_B=two words", NULL };
		execve(check_self_path, argv, envp);
		_exit(100 + errno);
	}
	int status = wait_for(pid);
	ok(WIFEXITED(status) && WEXITSTATUS(status) >= 40 && WEXITSTATUS(status) < 48,
	   "execve of this program (%s)", status_text(status));
	is_int(WEXITSTATUS(status) & 1, 0, "argv arrives intact");
	is_int(WEXITSTATUS(status) & 2, 0, "envp arrives intact");
	is_int(WEXITSTATUS(status) & 4, 0, "AT_EXECFN is the path given to execve");

	/* A #! script whose interpreter is this program. */
	char script[4200];
	snprintf(script, sizeof script, "#!%s --interp\nnot read\n", check_self_path);
	write_file("interp-script", script, 0755);
	pid = fork();
	if (pid == 0) {
		char *argv[] = { "interp-script", "arg", NULL };
		char *envp[] = { NULL };
		execve("interp-script", argv, envp);
		_exit(100 + errno);
	}
	is_int(wait_for(pid), 43 << 8,
	       "#! script: interpreter, its argument, the script path, then the arguments");

	/* A #! script run by /bin/sh, when there is one. */
	if (access("/bin/sh", X_OK) == 0) {
		write_file("sh-script", "#!/bin/sh\nexit $(( 6 + 1 ))\n", 0755);
		pid = fork();
		if (pid == 0) {
			char *argv[] = { "./sh-script", NULL };
			char *envp[] = { "PATH=/bin:/usr/bin", NULL };
			execve("./sh-script", argv, envp);
			_exit(100 + errno);
		}
		is_int(wait_for(pid), 7 << 8, "a #!/bin/sh script runs and exits 7");
	} else {
		skip("no /bin/sh: #!/bin/sh script not tried");
	}

	char *argv[] = { "x", NULL };
	char *envp[] = { NULL };
	write_file("garbage", "this is not a program\n\x01\x02\x03", 0755);
	expect_errno(execve("garbage", argv, envp), ENOEXEC, "execve of garbage");
	write_file("empty", "", 0755);
	expect_errno(execve("empty", argv, envp), ENOEXEC, "execve of an empty file");
	write_file("bad-elf", "\177ELF\002\001\001\0\0\0\0\0\0\0\0\0garbage", 0755);
	expect_errno(execve("bad-elf", argv, envp), ENOEXEC, "execve of a truncated ELF header");
	expect_errno(execve("missing", argv, envp), ENOENT, "execve of a missing file");
	write_file("not-executable", "#!/bin/sh\n", 0644);
	expect_errno(execve("not-executable", argv, envp), EACCES, "execve of a 0644 file");
	mkdir("a-directory", 0755);
	expect_errno(execve("a-directory", argv, envp), EACCES, "execve of a directory");
	write_file("bad-interp", "#!/nonexistent/interpreter\n", 0755);
	expect_errno(execve("bad-interp", argv, envp), ENOENT, "#! with a missing interpreter");
	expect_errno(execve("garbage/x", argv, envp), ENOTDIR, "execve through a file");
	expect_errno(execve(NULL, argv, envp), EFAULT, "execve of a NULL path");

	/* A failed execve leaves the process as it was. */
	ok(getpid() > 0 && access("garbage", F_OK) == 0, "the process survives failed execves");
}

static void test_auxv(void)
{
	is_int(getauxval(AT_PAGESZ), 4096, "AT_PAGESZ is 4096");
	is_int(getauxval(AT_UID), getuid(), "AT_UID");
	is_int(getauxval(AT_EUID), geteuid(), "AT_EUID");
	is_int(getauxval(AT_GID), getgid(), "AT_GID");
	is_int(getauxval(AT_EGID), getegid(), "AT_EGID");
	is_int(getauxval(AT_SECURE), 0, "AT_SECURE is 0");
	const unsigned char *random_bytes = (const unsigned char *)getauxval(AT_RANDOM);
	int nonzero = 0;
	if (random_bytes)
		for (int i = 0; i < 16; i++)
			nonzero |= random_bytes[i];
	ok(random_bytes && nonzero, "AT_RANDOM points to 16 readable bytes, not all zero");
	const char *execfn = (const char *)getauxval(AT_EXECFN);
	ok(execfn && execfn[0], "AT_EXECFN is a string (%s)", execfn ? execfn : "null");
	ok(getauxval(AT_PHDR) != 0 && getauxval(AT_PHNUM) > 0, "AT_PHDR and AT_PHNUM");
	is_int(getauxval(AT_PHENT), 56, "AT_PHENT is the size of an ELF64 program header");
	ok(getauxval(AT_ENTRY) != 0, "AT_ENTRY");
}

static void test_groups_and_sessions(void)
{
	pid_t me = getpid();
	ok(getpgid(0) == getpgrp() && getpgrp() > 0, "getpgid(0) == getpgrp()");
	ok(getsid(0) >= 0 && getsid(0) == getsid(getpid()), "getsid(0) == getsid(getpid())");
	is_int(getpgid(me), getpgrp(), "getpgid(getpid())");

	/* A child makes its own group, then its own session. */
	int answers[2];
	pipe(answers);
	pid_t pid = fork();
	if (pid == 0) {
		int results[8], n = 0;
		results[n++] = setpgid(0, 0) == 0 && getpgid(0) == getpid();
		errno = 0;
		results[n++] = setsid() == -1 && errno == EPERM; /* now a group leader */
		write(answers[1], results, sizeof results);
		_exit(0);
	}
	int results[8] = {0};
	read(answers[0], results, sizeof results);
	wait_for(pid);
	ok(results[0], "setpgid(0, 0) makes a new process group");
	ok(results[1], "setsid by a process-group leader fails with EPERM");

	int gate[2];
	pipe(gate);
	pid = fork();
	if (pid == 0) {
		int session_results[4], n = 0;
		pid_t session = setsid();
		session_results[n++] = session == getpid();
		session_results[n++] = getsid(0) == getpid() && getpgrp() == getpid();
		errno = 0;
		session_results[n++] = setpgid(0, getppid()) == -1 && errno == EPERM;
		session_results[n++] = 1;
		write(answers[1], session_results, sizeof session_results);
		close(gate[1]);
		char byte;
		read(gate[0], &byte, 1);
		_exit(0);
	}
	int session_results[4] = {0};
	read(answers[0], session_results, sizeof session_results);
	ok(session_results[0], "setsid returns the new session id (the caller's pid)");
	ok(session_results[1], "the caller leads its new session and process group");
	ok(session_results[2], "a session leader cannot change its process group (EPERM)");
	is_int(getsid(pid), pid, "getsid of the child shows its session");
	expect_errno(setpgid(pid, getpgrp()), EPERM, "setpgid of a child in another session");
	close(gate[1]);
	wait_for(pid);

	/* A child may be moved into a new group by its parent, until it execs. */
	int hold[2];
	pipe(hold);
	pid = fork();
	if (pid == 0) {
		char byte;
		close(hold[1]);
		read(hold[0], &byte, 1);
		_exit(0);
	}
	close(hold[0]);
	ok(setpgid(pid, pid) == 0 && getpgid(pid) == pid, "a parent sets its child's group");
	close(hold[1]);
	wait_for(pid);
	expect_errno(setpgid(0, -1), EINVAL, "setpgid to a negative group");
	expect_errno(setpgid(1, 1), ESRCH, "setpgid of a process that is not a child");
	expect_errno(setpgid(0, 999999), EPERM, "setpgid into a group that does not exist");
	pid_t gone = fork();
	if (gone == 0)
		_exit(0);
	wait_for(gone);
	expect_errno(getpgid(gone), ESRCH, "getpgid of a process that has gone");
	expect_errno(getsid(gone), ESRCH, "getsid of a process that has gone");
	expect_errno(kill(gone, 0), ESRCH, "kill(0) of a process that has gone");
}

static void test_exit(void)
{
	pid_t pid = fork();
	if (pid == 0) {
		syscall(SYS_exit_group, 9);
		_exit(1);
	}
	is_int(wait_for(pid), 9 << 8, "exit_group(9)");
	pid = fork();
	if (pid == 0) {
		syscall(SYS_exit, 300);
		_exit(1);
	}
	is_int(wait_for(pid), (300 & 0xff) << 8, "exit(300) keeps the low 8 bits");
	pid = fork();
	if (pid == 0)
		return; /* returning from main's caller would be odd: just fall out */
	is_int(wait_for(pid), 0, "a scenario that returns exits 0");
}

int main(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "--exec-child") == 0)
		return exec_child(argc, argv);
	if (argc >= 2 && strcmp(argv[1], "--interp") == 0)
		return interpreter(argc, argv);
	if (argc == 3 && strcmp(argv[1], "--exit") == 0)
		return atoi(argv[2]);
	remember_self(argv[0]);
	plan(78);
	if (enter_private_dir("process") != 0) {
		ok(0, "make a private directory under /tmp: %s", errno_name(errno));
		return finish();
	}
	scenario("fork, wait4, waitpid", test_fork_and_wait);
	scenario("process ids and orphans", test_ids);
	scenario("vfork, clone, posix_spawn", test_vfork_clone);
	scenario("execve", test_exec);
	scenario("the auxiliary vector", test_auxv);
	scenario("process groups and sessions", test_groups_and_sessions);
	scenario("exit and exit_group", test_exit);
	cleanup();
	return finish();
}
