/*
 * signals: handlers, SA_SIGINFO, masks and pending signals, SIGCHLD, kill and
 * its errors, process-group signals, alarm, pause, sigsuspend, SA_RESTART,
 * SIGKILL and SIGSTOP rules, default actions and their wait statuses, a
 * SIGSEGV from a NULL write, and what execve keeps and resets.
 */
#include "lib/check.h"

#include <setjmp.h>
#include <sys/syscall.h>
#include <time.h>

static volatile sig_atomic_t handled_count;
static volatile sig_atomic_t handled_signal;
static volatile int info_signo, info_code, info_pid, info_uid, info_status, info_has_context;
static volatile void *info_address;

/* Write to a small address; through a volatile pointer so the compiler keeps it. */
static void write_to(unsigned long address)
{
	volatile int *volatile pointer = (volatile int *)address;
	*pointer = 1;
}

static void count_handler(int number)
{
	handled_count++;
	handled_signal = number;
}

static void info_handler(int number, siginfo_t *info, void *context)
{
	handled_count++;
	handled_signal = number;
	info_signo = info->si_signo;
	info_code = info->si_code;
	info_pid = info->si_pid;
	info_uid = (int)info->si_uid;
	info_status = info->si_status;
	info_address = info->si_addr;
	info_has_context = context != NULL;
}

static int install(int number, void (*handler)(int), int flags)
{
	struct sigaction action;
	memset(&action, 0, sizeof action);
	action.sa_handler = handler;
	action.sa_flags = flags;
	sigemptyset(&action.sa_mask);
	return sigaction(number, &action, NULL);
}

static int install_info(int number, int flags)
{
	struct sigaction action;
	memset(&action, 0, sizeof action);
	action.sa_sigaction = info_handler;
	action.sa_flags = SA_SIGINFO | flags;
	sigemptyset(&action.sa_mask);
	return sigaction(number, &action, NULL);
}

/* Re-executed with --after-exec: report what survived execve. */
static int after_exec(void)
{
	struct sigaction action;
	int result = 0;
	sigaction(SIGUSR1, NULL, &action);
	if (action.sa_handler != SIG_DFL)
		result |= 1; /* a handler must be reset to SIG_DFL */
	sigaction(SIGUSR2, NULL, &action);
	if (action.sa_handler != SIG_IGN)
		result |= 2; /* an ignored signal stays ignored */
	sigset_t mask;
	sigprocmask(SIG_SETMASK, NULL, &mask);
	if (!sigismember(&mask, SIGTERM))
		result |= 4; /* the mask is kept */
	sigset_t pending;
	sigpending(&pending);
	if (!sigismember(&pending, SIGTERM))
		result |= 8; /* a pending signal stays pending */
	return result;
}

static void test_handlers(void)
{
	ok(install(SIGUSR1, count_handler, 0) == 0, "sigaction installs a handler");
	handled_count = 0;
	ok(raise(SIGUSR1) == 0, "raise(SIGUSR1)");
	ok(handled_count == 1 && handled_signal == SIGUSR1, "the handler ran once, with the signal number");
	ok(kill(getpid(), SIGUSR1) == 0 && handled_count == 2, "kill(getpid()) runs it before returning");

	struct sigaction old;
	ok(sigaction(SIGUSR1, NULL, &old) == 0 && old.sa_handler == count_handler,
	   "sigaction reports the installed handler");

	ok(install_info(SIGUSR2, 0) == 0, "a SA_SIGINFO handler");
	kill(getpid(), SIGUSR2);
	ok(info_signo == SIGUSR2 && info_code == SI_USER && info_pid == getpid() && info_uid == 0,
	   "siginfo from kill: si_signo, si_code SI_USER, si_pid, si_uid (code %d pid %d uid %d)",
	   info_code, info_pid, info_uid);
	ok(info_has_context, "the handler gets a ucontext");
	raise(SIGUSR2);
	is_int(info_code, SI_TKILL, "siginfo from raise (tkill): si_code SI_TKILL");
	union sigval value = { .sival_int = 7 };
	sigqueue(getpid(), SIGUSR2, value);
	is_int(info_code, SI_QUEUE, "siginfo from sigqueue: si_code SI_QUEUE");

	/* The signal is blocked while its handler runs; SA_NODEFER lifts that. */
	ok(install(SIGUSR1, SIG_IGN, 0) == 0, "SIG_IGN");
	handled_count = 0;
	raise(SIGUSR1);
	ok(handled_count == 0, "an ignored signal does nothing");
	ok(install(SIGUSR1, SIG_DFL, 0) == 0, "back to SIG_DFL");
	expect_errno(install(SIGKILL, count_handler, 0), EINVAL, "a handler for SIGKILL");
	expect_errno(install(SIGSTOP, count_handler, 0), EINVAL, "a handler for SIGSTOP");
	expect_errno(install(SIGKILL, SIG_IGN, 0), EINVAL, "ignoring SIGKILL");
	ok(sigaction(SIGKILL, NULL, &old) == 0 && old.sa_handler == SIG_DFL,
	   "reading SIGKILL's action is allowed");
	expect_errno(sigaction(0, NULL, &old), EINVAL, "sigaction of signal 0");
	expect_errno(sigaction(65, NULL, &old), EINVAL, "sigaction of signal 65");
	expect_errno(syscall(SYS_rt_sigaction, SIGUSR1, NULL, &old, 4), EINVAL,
		     "rt_sigaction with a wrong sigset size");
}

static void test_masks(void)
{
	install(SIGUSR1, count_handler, 0);
	handled_count = 0;
	sigset_t block, old, pending;
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	ok(sigprocmask(SIG_BLOCK, &block, &old) == 0, "block SIGUSR1");
	ok(!sigismember(&old, SIGUSR1), "it was not blocked before");
	raise(SIGUSR1);
	raise(SIGUSR1);
	ok(handled_count == 0, "a blocked signal is not delivered");
	ok(sigpending(&pending) == 0 && sigismember(&pending, SIGUSR1), "it is pending");
	ok(sigprocmask(SIG_UNBLOCK, &block, NULL) == 0, "unblock it");
	is_int(handled_count, 1, "it is delivered once on unblock (standard signals do not queue)");
	ok(sigpending(&pending) == 0 && !sigismember(&pending, SIGUSR1), "and no longer pending");

	/* Real-time signals queue. */
	install(SIGRTMIN, count_handler, 0);
	handled_count = 0;
	sigemptyset(&block);
	sigaddset(&block, SIGRTMIN);
	sigprocmask(SIG_BLOCK, &block, NULL);
	raise(SIGRTMIN);
	raise(SIGRTMIN);
	raise(SIGRTMIN);
	sigprocmask(SIG_UNBLOCK, &block, NULL);
	is_int(handled_count, 3, "a real-time signal sent 3 times is delivered 3 times");

	sigset_t all, now;
	sigfillset(&all);
	sigprocmask(SIG_SETMASK, &all, NULL);
	sigprocmask(SIG_SETMASK, NULL, &now);
	ok(!sigismember(&now, SIGKILL) && !sigismember(&now, SIGSTOP) && sigismember(&now, SIGTERM),
	   "SIGKILL and SIGSTOP cannot be blocked");
	sigemptyset(&all);
	sigprocmask(SIG_SETMASK, &all, NULL);
	expect_errno(sigprocmask(99, &all, NULL), EINVAL, "sigprocmask with a bad how");

	/* sa_mask is added while the handler runs. */
	install(SIGUSR1, count_handler, 0);
	struct sigaction action;
	memset(&action, 0, sizeof action);
	action.sa_sigaction = info_handler;
	action.sa_flags = SA_SIGINFO;
	sigemptyset(&action.sa_mask);
	sigaddset(&action.sa_mask, SIGUSR1);
	sigaction(SIGUSR2, &action, NULL);
	sigprocmask(SIG_SETMASK, &all, NULL);

	/* sigsuspend: wait with a temporary mask. */
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, NULL);
	handled_count = 0;
	raise(SIGUSR1);
	sigset_t wait_mask;
	sigemptyset(&wait_mask);
	int result = sigsuspend(&wait_mask);
	ok(result == -1 && errno == EINTR && handled_count == 1,
	   "sigsuspend delivers the pending signal and returns EINTR");
	sigprocmask(SIG_SETMASK, NULL, &now);
	ok(sigismember(&now, SIGUSR1), "sigsuspend puts the old mask back");
	sigprocmask(SIG_UNBLOCK, &block, NULL);
}

static void test_children(void)
{
	install_info(SIGCHLD, 0);
	handled_count = 0;
	pid_t pid = spawn();
	if (pid == 0)
		_exit(5);
	/* Wait for the signal, then reap. */
	for (int i = 0; i < 1000 && handled_count == 0; i++) {
		struct timespec tick = { 0, 5000000 };
		nanosleep(&tick, NULL);
	}
	ok(handled_count >= 1 && handled_signal == SIGCHLD, "SIGCHLD arrives when a child exits");
	ok(info_pid == pid && info_code == CLD_EXITED && info_status == 5,
	   "siginfo: si_pid, si_code CLD_EXITED, si_status 5 (pid %d code %d status %d)",
	   info_pid, info_code, info_status);
	is_int(wait_for(pid), 5 << 8, "the child is still there to be reaped");

	pid = spawn();
	if (pid == 0) {
		for (;;)
			pause();
	}
	handled_count = 0;
	kill(pid, SIGTERM);
	for (int i = 0; i < 1000 && handled_count == 0; i++) {
		struct timespec tick = { 0, 5000000 };
		nanosleep(&tick, NULL);
	}
	ok(info_code == CLD_KILLED && info_status == SIGTERM,
	   "a killed child: si_code CLD_KILLED, si_status SIGTERM");
	wait_for(pid);

	/* With SIGCHLD ignored (SIG_IGN), children are reaped by themselves. */
	install(SIGCHLD, SIG_IGN, 0);
	pid = spawn();
	if (pid == 0)
		_exit(0);
	int status;
	errno = 0;
	pid_t reaped = waitpid(pid, &status, 0);
	ok(reaped == -1 && errno == ECHILD, "SIGCHLD ignored: no zombie, waitpid fails with ECHILD");
	install(SIGCHLD, SIG_DFL, 0);
}

static void test_kill(void)
{
	expect_errno(kill(getpid(), 999), EINVAL, "kill with signal 999");
	expect_errno(kill(getpid(), -1), EINVAL, "kill with signal -1");
	ok(kill(getpid(), 0) == 0, "kill(self, 0) checks existence");
	pid_t gone = spawn();
	if (gone == 0)
		_exit(0);
	wait_for(gone);
	expect_errno(kill(gone, SIGTERM), ESRCH, "kill of a process that has gone");
	expect_errno(kill(-gone, SIGTERM), ESRCH, "kill of a process group that does not exist");

	/* kill(0, sig) reaches the whole process group, the sender included. */
	pid_t leader = spawn();
	if (leader == 0) {
		setpgid(0, 0);
		install(SIGUSR1, count_handler, 0);
		int ready[2];
		pipe(ready);
		pid_t member = fork();
		if (member == 0) {
			sigset_t none;
			sigemptyset(&none);
			handled_count = 0;
			write(ready[1], "r", 1);
			while (handled_count == 0)
				sigsuspend(&none);
			_exit(7);
		}
		char byte;
		read(ready[0], &byte, 1);
		handled_count = 0;
		kill(0, SIGUSR1);
		int got_own = handled_count == 1;
		int status = wait_for(member);
		_exit(got_own && status == 7 << 8 ? 0 : 1);
	}
	is_int(wait_for(leader), 0, "kill(0, SIGUSR1) reaches the sender and its group's other member");

	/* An unprivileged process may not signal root's processes. */
	pid_t target = spawn();
	if (target == 0) {
		for (;;)
			pause();
	}
	pid_t user = spawn();
	if (user == 0) {
		if (become_user() != 0)
			_exit(2);
		errno = 0;
		_exit(kill(target, SIGTERM) == -1 && errno == EPERM ? 0 : 1);
	}
	is_int(wait_for(user), 0, "uid 1000 cannot kill a root process (EPERM)");
	kill(target, SIGKILL);
	wait_for(target);
}

static void test_alarm_pause(void)
{
	install(SIGALRM, count_handler, 0);
	handled_count = 0;
	alarm(0); /* the guard's own alarm */
	is_int(alarm(1), 0, "alarm(1) with no alarm pending returns 0");
	int result = pause();
	ok(result == -1 && errno == EINTR, "pause returns -1 with EINTR");
	ok(handled_count == 1 && handled_signal == SIGALRM, "the SIGALRM handler ran");
	alarm(5);
	unsigned left = alarm(0);
	ok(left >= 4 && left <= 5, "alarm(0) returns the seconds left (%u)", left);

	/* SA_RESTART: a read interrupted by a handler is restarted. */
	int ends[2];
	pipe(ends);
	install(SIGALRM, count_handler, SA_RESTART);
	pid_t writer = spawn();
	if (writer == 0) {
		struct timespec wait_a_bit = { 1, 500000000 };
		nanosleep(&wait_a_bit, NULL);
		write(ends[1], "x", 1);
		_exit(0);
	}
	handled_count = 0;
	alarm(1);
	char byte = 0;
	ssize_t count = read(ends[0], &byte, 1);
	ok(count == 1 && byte == 'x' && handled_count == 1,
	   "with SA_RESTART the interrupted read goes on and gets the byte");
	wait_for(writer);

	install(SIGALRM, count_handler, 0);
	handled_count = 0;
	alarm(1);
	errno = 0;
	count = read(ends[0], &byte, 1);
	ok(count == -1 && errno == EINTR && handled_count == 1,
	   "without SA_RESTART the read fails with EINTR");
	guard();
}

static void test_default_actions(void)
{
	static const struct { int number; const char *name; } deadly[] = {
		{ SIGTERM, "SIGTERM" }, { SIGINT, "SIGINT" }, { SIGHUP, "SIGHUP" },
		{ SIGUSR1, "SIGUSR1" }, { SIGALRM, "SIGALRM" }, { SIGKILL, "SIGKILL" },
	};
	for (size_t i = 0; i < sizeof deadly / sizeof deadly[0]; i++) {
		pid_t pid = spawn();
		if (pid == 0) {
			raise(deadly[i].number);
			_exit(100);
		}
		int status = wait_for(pid);
		ok(WIFSIGNALED(status) && WTERMSIG(status) == deadly[i].number && !WCOREDUMP(status),
		   "default action of %s: killed, wait status %d (got %s)", deadly[i].name,
		   deadly[i].number, status_text(status));
	}
	pid_t pid = spawn();
	if (pid == 0) {
		raise(SIGCHLD);
		raise(SIGURG);
		raise(SIGWINCH);
		_exit(0);
	}
	is_int(wait_for(pid), 0, "SIGCHLD, SIGURG, SIGWINCH are ignored by default");

	pid = spawn();
	if (pid == 0) {
		write_to(0);
		_exit(100);
	}
	int status = wait_for(pid);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
	   "a NULL write kills with SIGSEGV (%s)", status_text(status));

	pid = spawn();
	if (pid == 0) {
		install_info(SIGSEGV, SA_RESETHAND);
		write_to(0);
		_exit(100);
	}
	status = wait_for(pid);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
	   "a SIGSEGV handler with SA_RESETHAND runs once, then the fault kills");

}

static sigjmp_buf fault_return;
static void fault_handler(int number, siginfo_t *info, void *context)
{
	(void)context;
	info_signo = number;
	info_code = info->si_code;
	info_address = info->si_addr;
	siglongjmp(fault_return, 1);
}

static void test_fault_info(void)
{
	struct sigaction action;
	memset(&action, 0, sizeof action);
	action.sa_sigaction = fault_handler;
	action.sa_flags = SA_SIGINFO;
	sigaction(SIGSEGV, &action, NULL);
	info_signo = 0;
	if (sigsetjmp(fault_return, 1) == 0)
		write_to(32);
	ok(info_signo == SIGSEGV && info_code == SEGV_MAPERR && info_address == (void *)32,
	   "SIGSEGV siginfo: SEGV_MAPERR and si_addr of the fault (code %d addr %p)", info_code,
	   (void *)info_address);
	sigset_t now;
	sigprocmask(SIG_SETMASK, NULL, &now);
	ok(!sigismember(&now, SIGSEGV), "siglongjmp out of the handler restored the mask");
	info_signo = 0;
	if (sigsetjmp(fault_return, 1) == 0)
		write_to(48);
	ok(info_signo == SIGSEGV && info_address == (void *)48, "a second fault is caught too");
}

static void test_exec(void)
{
	install(SIGUSR1, count_handler, 0);
	install(SIGUSR2, SIG_IGN, 0);
	sigset_t block;
	sigemptyset(&block);
	sigaddset(&block, SIGTERM);
	sigprocmask(SIG_BLOCK, &block, NULL);
	raise(SIGTERM);
	pid_t pid = spawn();
	if (pid == 0) {
		char *argv[] = { check_self_path, "--after-exec", NULL };
		char *envp[] = { NULL };
		/* The child has no pending SIGTERM of its own (fork clears pending). */
		raise(SIGTERM);
		execve(check_self_path, argv, envp);
		_exit(100);
	}
	int status = wait_for(pid);
	ok(WIFEXITED(status) && WEXITSTATUS(status) != 100, "execve of this program (%s)", status_text(status));
	is_int(WEXITSTATUS(status) & 1, 0, "execve resets a caught signal to SIG_DFL");
	is_int(WEXITSTATUS(status) & 2, 0, "execve keeps SIG_IGN");
	is_int(WEXITSTATUS(status) & 4, 0, "execve keeps the signal mask");
	is_int(WEXITSTATUS(status) & 8, 0, "execve keeps pending signals");

	pid = spawn();
	if (pid == 0) {
		sigset_t pending;
		sigpending(&pending);
		_exit(sigismember(&pending, SIGTERM) ? 1 : 0);
	}
	is_int(wait_for(pid), 0, "a forked child starts with no pending signals");
	pid = spawn();
	if (pid == 0) {
		sigset_t mask;
		sigprocmask(SIG_SETMASK, NULL, &mask);
		struct sigaction action;
		sigaction(SIGUSR1, NULL, &action);
		_exit(sigismember(&mask, SIGTERM) && action.sa_handler == count_handler ? 0 : 1);
	}
	is_int(wait_for(pid), 0, "a forked child keeps the mask and the handlers");
}

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "--after-exec") == 0)
		return after_exec();
	remember_self(argv[0]);
	plan(69);
	scenario("handlers and sigaction", test_handlers);
	scenario("masks, pending, sigsuspend", test_masks);
	scenario("SIGCHLD", test_children);
	scenario("kill", test_kill);
	scenario("alarm, pause, SA_RESTART", test_alarm_pause);
	scenario("default actions", test_default_actions);
	scenario("SIGSEGV information", test_fault_info);
	scenario("signals across fork and execve", test_exec);
	return finish();
}
