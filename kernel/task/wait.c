/*
 * wait.c: wait4 and waitid, how a parent learns that a child ended (or
 * stopped, or continued) and collects its status. Collecting an ended child
 * ("reaping") removes the zombie for good and frees its pid.
 *
 * The status word is Linux's (uapi/wait.h): exit code << 8 for an exit, the
 * signal number for a death by signal, 0x7f | signal << 8 for a stop, 0xffff
 * for a continue.
 *
 * Pids cross the boundary in the waiter's pid namespace (R12.1): the pid or
 * group asked for is turned into the kernel's name for it (a number the
 * namespace does not have selects nobody: ECHILD), and the child found is
 * reported by the number the waiter's namespace gives it.
 */
#include <kuid/pid_namespace.h>
#include <kuid/string.h>
#include <kuid/syscall_handlers.h>
#include <kuid/task.h>
#include <kuid/user_memory.h>
#include <uapi/errno.h>
#include <uapi/resource.h>
#include <uapi/signal.h>
#include <uapi/wait.h>

#include "task_internal.h"

/* Which children a wait is about. */
struct wait_request {
	enum { WAIT_ANY, WAIT_PID, WAIT_GROUP } selector;
	pid_t id;
	int options;
	bool reap;			/* false with WNOWAIT */
};

/* What a wait found. */
struct wait_result {
	pid_t pid;
	int status;			/* the wait status word */
	int code;			/* CLD_* for waitid */
	int signal_or_code;		/* waitid's si_status */
};

static bool child_selected(const struct process *child, const struct wait_request *request)
{
	int options = request->options;

	switch (request->selector) {
	case WAIT_PID:
		if (child->pid != request->id)
			return false;
		break;
	case WAIT_GROUP:
		if (child->process_group != request->id)
			return false;
		break;
	case WAIT_ANY:
		break;
	}
	/* "Clone" children (exit signal other than SIGCHLD) need __WCLONE or __WALL. */
	if (options & __WALL)
		return true;
	return ((options & __WCLONE) != 0) == (child->exit_signal != SIGCHLD);
}

/* Remove a zombie for good. Called with the tasks lock held; the caller puts the reference. */
static void reap(struct process *child)
{
	list_remove(&child->sibling_node);
	pid_table_remove_process(child);
}

/* The child as the waiter's namespace numbers it. */
static pid_t reported_pid(const struct process *child)
{
	return pid_number_in(child->process_pid, current_pid_ns());
}

static void describe_end(struct process *child, struct wait_result *result)
{
	int status = child->exit_status;

	result->pid = reported_pid(child);
	result->status = status;
	if (WIFEXITED(status)) {
		result->code = CLD_EXITED;
		result->signal_or_code = WEXITSTATUS(status);
	} else {
		result->code = WCOREDUMP(status) ? CLD_DUMPED : CLD_KILLED;
		result->signal_or_code = WTERMSIG(status);
	}
}

/*
 * One look at the children. Returns 1 with *result filled when one was
 * collected, 0 when some child may still change, -ECHILD when none matches.
 * *reaped receives a zombie to put after the lock is released.
 */
static int scan_children(struct process *self, const struct wait_request *request,
			 struct wait_result *result, struct process **reaped)
{
	unsigned long irq_state = tasks_lock();
	bool any_selected = false;
	struct process *child;
	int found = 0;

	list_for_each_entry(child, &self->children, sibling_node) {
		if (!child_selected(child, request))
			continue;
		any_selected = true;
		if (child->state == PROCESS_ZOMBIE && (request->options & WEXITED)) {
			describe_end(child, result);
			if (request->reap) {
				reap(child);
				*reaped = child;
			}
			found = 1;
			break;
		}
		if (child->stop_report && (request->options & WUNTRACED)) {
			result->pid = reported_pid(child);
			result->status = W_STOPCODE(child->stop_report);
			result->code = CLD_STOPPED;
			result->signal_or_code = child->stop_report;
			if (request->reap)
				child->stop_report = 0;
			found = 1;
			break;
		}
		if (child->continue_report && (request->options & WCONTINUED)) {
			result->pid = reported_pid(child);
			result->status = W_CONTINUED;
			result->code = CLD_CONTINUED;
			result->signal_or_code = SIGCONT;
			if (request->reap)
				child->continue_report = false;
			found = 1;
			break;
		}
	}
	tasks_unlock(irq_state);
	if (!found && !any_selected)
		return -ECHILD;
	return found;
}

static int do_wait(const struct wait_request *request, struct wait_result *result)
{
	struct process *self = current_task()->process;
	struct process *reaped = NULL;
	int found = 0;
	int error;

	/* A change between two scans wakes the queue, so the condition is checked under wait. */
	error = wait_event_interruptible(&self->child_event,
					 (found = scan_children(self, request, result, &reaped)) != 0 ||
					 (request->options & WNOHANG));
	if (reaped)
		process_put(reaped);	/* the parent's reference */
	if (found < 0)
		return found;
	if (found == 0)
		return error ? error : 0;	/* WNOHANG, nothing yet */
	return result->pid;
}

/*
 * The kernel's name for a pid or group the caller named. A number its namespace does not have
 * becomes NOBODY, which no child's pid or group ever equals (0 would: group 0 exists).
 */
#define NOBODY (-1)

static pid_t selected_id(pid_t number)
{
	pid_t global = pid_global_from_caller(number);

	return global ? global : NOBODY;
}

/* Turn wait4's pid argument into a selector. */
static void select_by_pid(struct wait_request *request, int pid)
{
	if (pid < -1) {
		request->selector = WAIT_GROUP;
		request->id = selected_id(-pid);
	} else if (pid == -1) {
		request->selector = WAIT_ANY;
	} else if (pid == 0) {
		request->selector = WAIT_GROUP;
		request->id = current_task()->process->process_group;
	} else {
		request->selector = WAIT_PID;
		request->id = selected_id(pid);
	}
}

/* kuid does not account CPU time yet: the resource usage is all zero. */
static int copy_zero_usage(struct rusage __user *usage)
{
	struct rusage zero_usage;

	memset(&zero_usage, 0, sizeof(zero_usage));
	return copy_to_user(usage, &zero_usage, sizeof(zero_usage));
}

long sys_wait4(int pid, int __user *status, int options, struct rusage __user *usage)
{
	struct wait_request request = { .reap = true };
	struct wait_result result = { 0 };
	long found;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	/* INT_MIN has no group to name: Linux refuses it. */
	if (pid == (int)0x80000000)
		return -ESRCH;
	select_by_pid(&request, pid);
	request.options = options | WEXITED;
	found = do_wait(&request, &result);
	if (found > 0 && status && copy_to_user(status, &result.status, sizeof(result.status)))
		return -EFAULT;
	if (found > 0 && usage && copy_zero_usage(usage))
		return -EFAULT;
	return found;
}

long sys_waitid(int id_type, int id, struct siginfo __user *info, int options,
		struct rusage __user *usage)
{
	struct wait_request request = { .reap = !(options & WNOWAIT), .options = options };
	struct wait_result result = { 0 };
	siginfo_t report;
	long found;

	if (options & ~(WNOHANG | WNOWAIT | WEXITED | WSTOPPED | WCONTINUED | __WNOTHREAD |
			__WCLONE | __WALL))
		return -EINVAL;
	if (!(options & (WEXITED | WSTOPPED | WCONTINUED)))
		return -EINVAL;
	switch (id_type) {
	case P_ALL:
		request.selector = WAIT_ANY;
		break;
	case P_PID:
		if (id <= 0)
			return -EINVAL;
		request.selector = WAIT_PID;
		request.id = selected_id(id);
		break;
	case P_PGID:
		if (id < 0)
			return -EINVAL;
		request.selector = WAIT_GROUP;
		request.id = id ? selected_id(id) : current_task()->process->process_group;
		break;
	default:
		return -EINVAL;		/* P_PIDFD needs pidfds */
	}

	found = do_wait(&request, &result);
	if (found < 0)
		return found;
	/* With WNOHANG and nothing to report, Linux clears the siginfo (si_pid 0). */
	memset(&report, 0, sizeof(report));
	if (found > 0) {
		report.si_signo = SIGCHLD;
		report.si_code = result.code;
		report.fields.child.pid = result.pid;
		report.fields.child.status = result.signal_or_code;
	}
	if (info && copy_to_user(info, &report, sizeof(report)))
		return -EFAULT;
	if (usage && copy_zero_usage(usage))
		return -EFAULT;
	return 0;
}

/* Record what the parent's wait will report, and wake it. */
static void report_to_parent(struct process *process, int stop_report, bool continue_report)
{
	unsigned long irq_state = tasks_lock();
	/* A reference: once the lock is dropped the parent may end and be reaped. */
	struct process *parent = process->parent ? process_get(process->parent) : NULL;

	process->stop_report = stop_report;
	process->continue_report = continue_report;
	tasks_unlock(irq_state);
	if (parent) {
		wake_up_all(&parent->child_event);
		process_put(parent);
	}
}

void process_report_stopped(struct process *process, int signal)
{
	report_to_parent(process, signal, false);
}

void process_report_continued(struct process *process)
{
	report_to_parent(process, 0, true);
}
