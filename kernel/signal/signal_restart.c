/*
 * signal_restart.c: which interrupted system calls start again after a signal.
 *
 * Linux decides with private error codes a sleeping call returns instead of
 * EINTR (ERESTARTSYS, ERESTARTNOHAND, ERESTART_RESTARTBLOCK). kuid's sleeping
 * calls all return -EINTR (kuid/wait.h), so the decision is made here, once,
 * from the system-call number, with the rule Linux applies to that call:
 *
 *   IF_SA_RESTART   (Linux: ERESTARTSYS) reads, writes, ioctl, open, wait4,
 *                   locks, sockets: restarted when no handler ran or when the
 *                   handler has SA_RESTART.
 *   UNLESS_HANDLED  (ERESTARTNOHAND, ERESTART_RESTARTBLOCK) pause, sigsuspend,
 *                   poll, select, epoll, nanosleep: restarted only if no
 *                   handler ran (a stop and SIGCONT); after a handler, EINTR.
 *   NEVER           everything else: EINTR.
 *
 * Pure logic, unit tested on the host.
 */
#include <kuid/signal.h>
#include <uapi/syscall_numbers.h>

enum signal_restart_rule signal_restart_rule_of(long syscall_number)
{
	switch (syscall_number) {
	case __NR_read:
	case __NR_write:
	case __NR_readv:
	case __NR_writev:
	case __NR_pread64:
	case __NR_pwrite64:
	case __NR_preadv:
	case __NR_pwritev:
	case __NR_preadv2:
	case __NR_pwritev2:
	case __NR_ioctl:
	case __NR_open:
	case __NR_openat:
	case __NR_openat2:
	case __NR_creat:
	case __NR_wait4:
	case __NR_waitid:
	case __NR_fcntl:
	case __NR_flock:
	case __NR_futex:
	case __NR_sendfile:
	case __NR_splice:
	case __NR_tee:
	case __NR_vmsplice:
	case __NR_copy_file_range:
	case __NR_accept:
	case __NR_accept4:
	case __NR_connect:
	case __NR_recvfrom:
	case __NR_sendto:
	case __NR_recvmsg:
	case __NR_sendmsg:
	case __NR_recvmmsg:
	case __NR_sendmmsg:
		return SIGNAL_RESTART_IF_SA_RESTART;
	case __NR_pause:
	case __NR_rt_sigsuspend:
	case __NR_poll:
	case __NR_ppoll:
	case __NR_select:
	case __NR_pselect6:
	case __NR_epoll_wait:
	case __NR_epoll_pwait:
	case __NR_epoll_pwait2:
	case __NR_nanosleep:
	case __NR_clock_nanosleep:
		return SIGNAL_RESTART_UNLESS_HANDLED;
	default:
		return SIGNAL_RESTART_NEVER;
	}
}

bool signal_should_restart(long syscall_number, const struct kernel_sigaction *action)
{
	switch (signal_restart_rule_of(syscall_number)) {
	case SIGNAL_RESTART_IF_SA_RESTART:
		return action == NULL || (action->sa_flags & SA_RESTART);
	case SIGNAL_RESTART_UNLESS_HANDLED:
		return action == NULL;
	default:
		return false;
	}
}
