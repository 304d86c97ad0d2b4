/*
 * kill.c: kill, tkill and tgkill, the system calls that send signals.
 * kill(2) names a process (pid > 0), the caller's process group (0), every
 * process it may signal (-1) or a process group (< -1). Signal 0 sends
 * nothing: it only asks whether the target exists and may be signalled.
 * Pids are the caller's pid namespace's numbers (R12.1): a process its
 * namespace cannot see cannot be named, and kill(-1) reaches only the
 * processes it sees, never its namespace's init.
 */
#include <kuid/cred.h>
#include <kuid/pid_namespace.h>
#include <kuid/signal.h>
#include <kuid/syscall_handlers.h>
#include <kuid/task.h>
#include <kuid/user_namespace.h>
#include <uapi/errno.h>

#define INIT_PID 1

/* The caller's own pid, as its namespace numbers it. */
static pid_t caller_pid(void)
{
	return pid_own_number(current_task()->process->process_pid);
}

/* The siginfo of a signal sent by the calling process. */
static void siginfo_from_caller(siginfo_t *info, int signal, int code)
{
	/* The kernel id: send_checked turns it into each receiver's view (R8.2). */
	siginfo_for_user_kill(info, signal, caller_pid(), __kuid_val(current_cred()->uid));
	info->si_code = code;
}

/*
 * R8.1, Linux's check_kill_permission: a process may always signal itself,
 * SIGCONT may go to anyone in the sender's session (job control), and
 * otherwise may_signal decides.
 */
static bool may_send(struct task *target, int signal)
{
	struct process *sender = current_task()->process;

	if (target->process == sender)
		return true;
	if (signal == SIGCONT && target->process->session == sender->session)
		return true;
	return may_signal(current_cred(), target);
}

/* One target thread: permission, then (unless signal 0) the send itself. */
static int send_checked(struct task *target, int signal, const siginfo_t *info, bool to_thread)
{
	siginfo_t translated = *info;
	const struct cred *target_cred;

	if (!may_send(target, signal))
		return userns_refuse(NULL, RULE_R8_1_KILL, 0,
				     "no matching uid and no CAP_KILL over the target", EPERM);
	if (signal == 0)
		return 0;
	/* R8.2: si_uid is the sender's uid as the receiver's namespace names it. */
	target_cred = task_get_cred(target);
	translated.fields.kill.uid = from_kuid_munged(target_cred->user_ns, current_cred()->uid);
	put_cred(target_cred);
	/*
	 * R12.1: a sender the receiver's pid namespace cannot see (it lives above) is pid 0
	 * there. As on Linux, a visible sender keeps the number its own namespace gives it.
	 */
	if (!pid_number_in(current_task()->process->process_pid, target->process->pid_namespace))
		translated.fields.kill.pid = 0;
	return to_thread ? signal_send_to_thread(target, signal, &translated)
			 : signal_send(target, signal, &translated);
}

/* ---- Many processes: a group, or everyone (kill -1) ---- */

struct kill_many {
	bool everyone;		/* kill(-1): every visible process but init and the caller */
	pid_t group;		/* else this group (the kernel's name for it) */
	int signal;
	const siginfo_t *info;
	struct process *caller;
	int sent;		/* how many accepted it */
	int error;		/* the last refusal */
};

/*
 * kill(-1): a process the caller's pid namespace numbers, other than that namespace's init
 * (number 1 there) and the caller itself, as Linux's task_pid_vnr(p) > 1.
 */
static bool reached_by_kill_all(const struct process *process, const struct process *caller)
{
	return process != caller &&
	       pid_number_in(process->process_pid, caller->pid_namespace) > INIT_PID;
}

/* Called with the tasks lock held, for each live process. */
static int kill_one_of_many(struct process *process, void *context)
{
	struct kill_many *request = context;
	struct task *task;
	int result;

	if (request->everyone ? !reached_by_kill_all(process, request->caller)
			      : process->process_group != request->group)
		return 0;
	list_for_each_entry(task, &process->threads, process_node) {
		if (task->exited)
			continue;
		result = send_checked(task, request->signal, request->info, false);
		if (result == 0)
			request->sent++;
		else
			request->error = result;
		break;
	}
	return 0;
}

static long kill_many(bool everyone, pid_t group, int signal, const siginfo_t *info)
{
	struct kill_many request = {
		.everyone = everyone,
		.group = group,
		.signal = signal,
		.info = info,
		.caller = current_task()->process,
		.error = -ESRCH,
	};

	process_for_each(kill_one_of_many, &request);
	/* As Linux: success if anyone got it, else the last reason (ESRCH if nobody matched). */
	return request.sent > 0 ? 0 : request.error;
}

/* Process pid of the caller's pid namespace. */
static long kill_process(pid_t pid, int signal, const siginfo_t *info)
{
	struct process *process = process_find(pid_global_from_caller(pid));
	struct task *target = NULL;
	long result = -ESRCH;

	if (process)
		target = process_signal_target(process);
	if (target)
		result = send_checked(target, signal, info, false);

	if (target)
		task_put(target);
	if (process)
		process_put(process);
	return result;
}

long sys_kill(int pid, int signal)
{
	siginfo_t info;
	pid_t group;

	if (signal < 0 || signal > SIGNAL_COUNT)
		return -EINVAL;
	siginfo_from_caller(&info, signal, SI_USER);
	if (pid > 0)
		return kill_process(pid, signal, &info);
	if (pid == 0)
		return kill_many(false, current_task()->process->process_group, signal, &info);
	if (pid == -1)
		return kill_many(true, 0, signal, &info);
	/* -INT_MIN has no positive counterpart; Linux says ESRCH. */
	if (pid == (int)0x80000000)
		return -ESRCH;
	group = pid_global_from_caller(-pid);
	if (!group)
		return -ESRCH;	/* no such group in the caller's pid namespace */
	return kill_many(false, group, signal, &info);
}

/* One thread, found by its id (and, for tgkill, its process), in the caller's pid ns. */
static long kill_thread(pid_t process_id, pid_t tid, int signal)
{
	struct task *target;
	siginfo_t info;
	long result = -ESRCH;

	if (tid <= 0 || signal < 0 || signal > SIGNAL_COUNT)
		return -EINVAL;
	target = task_find(pid_global_from_caller(tid));
	if (!target)
		return -ESRCH;
	if (process_id <= 0 ||
	    pid_number_in(target->process->process_pid, current_pid_ns()) == process_id) {
		siginfo_from_caller(&info, signal, SI_TKILL);
		result = send_checked(target, signal, &info, true);
	}
	task_put(target);
	return result;
}

long sys_tkill(int tid, int signal)
{
	return kill_thread(0, tid, signal);
}

long sys_tgkill(int process_id, int tid, int signal)
{
	if (process_id <= 0)
		return -EINVAL;
	return kill_thread(process_id, tid, signal);
}

/*
 * rt_sigqueueinfo and rt_tgsigqueueinfo: a signal with information the sender
 * wrote itself (sigqueue's value). A process may not pretend to be the kernel
 * or kill(): a non-negative si_code, or SI_TKILL, is refused for anyone but
 * itself, as Linux does.
 */
static int copy_queued_info(siginfo_t *info, int signal, const siginfo_t __user *user_info,
			    bool to_self)
{
	if (copy_from_user(info, user_info, sizeof(*info)) < 0)
		return -EFAULT;
	if ((info->si_code >= 0 || info->si_code == SI_TKILL) && !to_self)
		return -EPERM;
	info->si_signo = signal;
	return 0;
}

long sys_rt_sigqueueinfo(int pid, int signal, const siginfo_t __user *user_info)
{
	siginfo_t info;
	int error;

	if (signal < 0 || signal > SIGNAL_COUNT)
		return -EINVAL;
	error = copy_queued_info(&info, signal, user_info, pid == caller_pid());
	if (error)
		return error;
	return kill_process(pid, signal, &info);
}

long sys_rt_tgsigqueueinfo(int process_id, int tid, int signal, const siginfo_t __user *user_info)
{
	struct task *target;
	siginfo_t info;
	long result;

	if (process_id <= 0 || tid <= 0 || signal < 0 || signal > SIGNAL_COUNT)
		return -EINVAL;
	result = copy_queued_info(&info, signal, user_info, process_id == caller_pid());
	if (result)
		return result;
	target = task_find(pid_global_from_caller(tid));
	if (!target)
		return -ESRCH;
	result = -ESRCH;
	if (pid_number_in(target->process->process_pid, current_pid_ns()) == process_id)
		result = send_checked(target, signal, &info, true);
	task_put(target);
	return result;
}
