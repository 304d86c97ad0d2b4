/*
 * process_group.c: process groups and sessions, the units of job control.
 * A shell puts each pipeline in a process group of its own (setpgid) so that
 * the terminal can signal the whole job at once; a login starts a session
 * (setsid). The rules are POSIX's, with Linux's errno for each refusal.
 */
#include <kuid/syscall_handlers.h>
#include <kuid/task.h>
#include <uapi/errno.h>

/* Is there a process in `session` whose group is `group`? Called with the tasks lock held. */
struct group_search {
	pid_t session;
	pid_t group;
};

static int group_exists_in_session(struct process *process, void *context)
{
	struct group_search *search = context;

	return process->session == search->session && process->process_group == search->group;
}

/* Checks under the lock: the caller's own list of processes is stable. */
static int check_setpgid(struct process *self, struct process *target)
{
	if (target != self && target->parent != self)
		return -ESRCH;
	if (target != self && target->session != self->session)
		return -EPERM;
	if (target != self && target->has_execed)
		return -EACCES;
	if (target->session == target->pid)
		return -EPERM;	/* a session leader stays in its group */
	return 0;
}

long sys_setpgid(int pid, int process_group)
{
	struct process *self = current_task()->process;
	struct process *target;
	struct group_search search;
	unsigned long irq_state;
	int error;

	if (pid == 0)
		pid = self->pid;
	if (process_group == 0)
		process_group = pid;
	if (process_group < 0)
		return -EINVAL;
	target = process_find(pid);
	if (!target)
		return -ESRCH;

	irq_state = tasks_lock();
	error = check_setpgid(self, target);
	tasks_unlock(irq_state);
	/* Joining another group: it must exist in the same session. */
	if (!error && process_group != target->pid) {
		search = (struct group_search){ .session = self->session, .group = process_group };
		if (!process_for_each(group_exists_in_session, &search))
			error = -EPERM;
	}
	if (!error) {
		irq_state = tasks_lock();
		target->process_group = process_group;
		tasks_unlock(irq_state);
	}
	process_put(target);
	return error;
}

/* The group or session of process pid (0: the caller), by the given reader. */
static long read_id(int pid, bool session)
{
	struct process *process;
	long result;

	if (pid < 0)
		return -ESRCH;
	process = pid == 0 ? process_get(current_task()->process) : process_find(pid);
	if (!process)
		return -ESRCH;
	result = session ? process->session : process->process_group;
	process_put(process);
	return result;
}

long sys_getpgid(int pid)
{
	return read_id(pid, false);
}

long sys_getpgrp(void)
{
	return read_id(0, false);
}

long sys_getsid(int pid)
{
	return read_id(pid, true);
}

static int is_group_named(struct process *process, void *context)
{
	return process->process_group == *(pid_t *)context;
}

long sys_setsid(void)
{
	struct process *self = current_task()->process;
	unsigned long irq_state;
	pid_t pid = self->pid;

	/* A group leader cannot leave its group: another process could be in it. */
	if (process_for_each(is_group_named, &pid))
		return -EPERM;
	irq_state = tasks_lock();
	self->session = pid;
	self->process_group = pid;
	tasks_unlock(irq_state);
	return pid;
}
