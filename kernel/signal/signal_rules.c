/*
 * signal_rules.c: the fixed rules of Linux signals, as pure functions: what a
 * signal does when nobody handles it, how rt_sigprocmask changes a mask, and
 * how a death by signal is written into a wait status. No locks, no tasks.
 */
#include <kuid/signal.h>
#include <uapi/errno.h>
#include <uapi/wait.h>

/*
 * signal(7)'s table. Signals missing here (0, and the real-time ones, which
 * have no entry) terminate; that is also what Linux does for them.
 */
static const enum signal_default_action default_actions[SIGNAL_COUNT + 1] = {
	[SIGHUP] = SIGNAL_DEFAULT_TERMINATE,
	[SIGINT] = SIGNAL_DEFAULT_TERMINATE,
	[SIGQUIT] = SIGNAL_DEFAULT_CORE,
	[SIGILL] = SIGNAL_DEFAULT_CORE,
	[SIGTRAP] = SIGNAL_DEFAULT_CORE,
	[SIGABRT] = SIGNAL_DEFAULT_CORE,
	[SIGBUS] = SIGNAL_DEFAULT_CORE,
	[SIGFPE] = SIGNAL_DEFAULT_CORE,
	[SIGKILL] = SIGNAL_DEFAULT_TERMINATE,
	[SIGUSR1] = SIGNAL_DEFAULT_TERMINATE,
	[SIGSEGV] = SIGNAL_DEFAULT_CORE,
	[SIGUSR2] = SIGNAL_DEFAULT_TERMINATE,
	[SIGPIPE] = SIGNAL_DEFAULT_TERMINATE,
	[SIGALRM] = SIGNAL_DEFAULT_TERMINATE,
	[SIGTERM] = SIGNAL_DEFAULT_TERMINATE,
	[SIGSTKFLT] = SIGNAL_DEFAULT_TERMINATE,
	[SIGCHLD] = SIGNAL_DEFAULT_IGNORE,
	[SIGCONT] = SIGNAL_DEFAULT_CONTINUE,
	[SIGSTOP] = SIGNAL_DEFAULT_STOP,
	[SIGTSTP] = SIGNAL_DEFAULT_STOP,
	[SIGTTIN] = SIGNAL_DEFAULT_STOP,
	[SIGTTOU] = SIGNAL_DEFAULT_STOP,
	[SIGURG] = SIGNAL_DEFAULT_IGNORE,
	[SIGXCPU] = SIGNAL_DEFAULT_CORE,
	[SIGXFSZ] = SIGNAL_DEFAULT_CORE,
	[SIGVTALRM] = SIGNAL_DEFAULT_TERMINATE,
	[SIGPROF] = SIGNAL_DEFAULT_TERMINATE,
	[SIGWINCH] = SIGNAL_DEFAULT_IGNORE,
	[SIGIO] = SIGNAL_DEFAULT_TERMINATE,
	[SIGPWR] = SIGNAL_DEFAULT_TERMINATE,
	[SIGSYS] = SIGNAL_DEFAULT_CORE,
};

enum signal_default_action signal_default_action(int signal)
{
	if (!signal_is_valid(signal))
		return SIGNAL_DEFAULT_TERMINATE;
	return default_actions[signal];
}

bool signal_is_ignored_by(const struct kernel_sigaction *action, int signal)
{
	/* SIGKILL and SIGSTOP cannot be ignored: sigaction refuses to try. */
	if (!signal_can_be_caught(signal))
		return false;
	if (action->sa_handler == SIG_IGN)
		return true;
	/*
	 * SIGCONT's default counts as ignoring too (Linux's SIG_KERNEL_IGNORE_MASK):
	 * its work, continuing a stopped process, is done when it is sent.
	 */
	return action->sa_handler == SIG_DFL &&
	       (signal_default_action(signal) == SIGNAL_DEFAULT_IGNORE ||
		signal_default_action(signal) == SIGNAL_DEFAULT_CONTINUE);
}

int sigprocmask_apply(kernel_sigset_t *blocked, int how, kernel_sigset_t set)
{
	switch (how) {
	case SIG_BLOCK:
		*blocked |= set;
		break;
	case SIG_UNBLOCK:
		*blocked &= ~set;
		break;
	case SIG_SETMASK:
		*blocked = set;
		break;
	default:
		return -EINVAL;
	}
	/* Asking to block SIGKILL or SIGSTOP is not an error; it just does not happen. */
	*blocked &= ~SIGNALS_UNBLOCKABLE;
	return 0;
}

int signal_death_wait_status(int signal)
{
	/*
	 * kuid writes no core file. Linux sets WCOREFLAG only when a core was
	 * really written, which with the default RLIMIT_CORE of 0 (and a plain
	 * file core_pattern) it is not: so both report the bare signal number.
	 */
	return W_EXITCODE(0, signal);
}

int signal_lowest(kernel_sigset_t set)
{
	if (set == 0)
		return 0;
	return __builtin_ctzll(set) + 1;
}
