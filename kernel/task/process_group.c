/*
 * process_group.c: process groups and sessions, the units of job control.
 * A shell puts each pipeline in a process group of its own (setpgid) so that
 * the terminal can signal the whole job at once; a login starts a session
 * (setsid). The rules are POSIX's, with Linux's errno for each refusal.
 *
 * Group and session ids are ids like pids (kuid/pid.h): a process holds a
 * reference to the struct pid of each, so the number stays taken while the
 * group lives, and each caller sees it in its own pid namespace (R12.1; a
 * group led from a namespace above the caller's reads 0).
 */
#include <kuid/pid_namespace.h>
#include <kuid/syscall_handlers.h>
#include <kuid/task.h>
#include <uapi/errno.h>

/* Is there a process in `session` whose group is `group`? Called with the tasks lock held. */
struct group_search {
	pid_t session;
	pid_t group;
	struct pid *group_pid;		/* found: that group's id (no reference) */
};

static int group_exists_in_session(struct process *process, void *context)
{
	struct group_search *search = context;

	if (process->session != search->session || process->process_group != search->group)
		return 0;
	search->group_pid = process->group_pid;
	return 1;
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

/*
 * Put target in the group whose id is `group`, with the reference `group_pid` (taken over).
 * The old group's reference is returned to be put once the lock is released.
 */
static struct pid *set_group(struct process *target, pid_t group, struct pid *group_pid)
{
	struct pid *old = target->group_pid;

	target->process_group = group;
	target->group_pid = group_pid;
	return old;
}

/* Called with the tasks lock held: the group target joins, or -EPERM if it does not exist. */
static int find_group(struct process *self, struct process *target, pid_t group,
		      struct pid **group_pid)
{
	struct group_search search = { .session = self->session, .group = group };

	if (group == target->pid) {
		*group_pid = get_pid(target->process_pid);	/* a new group, target leads it */
		return 0;
	}
	/* Joining another group: it must exist in the same session. */
	if (!group || !process_for_each_locked(group_exists_in_session, &search, false))
		return -EPERM;
	*group_pid = get_pid(search.group_pid);
	return 0;
}

long sys_setpgid(int pid, int process_group)
{
	struct process *self = current_task()->process;
	struct pid *group_pid = NULL, *old_group = NULL;
	struct process *target;
	unsigned long irq_state;
	pid_t group;
	int error;

	if (process_group < 0)
		return -EINVAL;
	target = pid == 0 ? process_get(self) : process_find(pid_global_from_caller(pid));
	if (!target)
		return -ESRCH;
	/* The caller names the group in its own pid namespace; 0 is the target's own pid. */
	group = process_group == 0 ? target->pid : pid_global_from_caller(process_group);

	irq_state = tasks_lock();
	error = check_setpgid(self, target);
	if (!error)
		error = find_group(self, target, group, &group_pid);
	if (!error)
		old_group = set_group(target, group, group_pid);
	tasks_unlock(irq_state);
	put_pid(old_group);
	process_put(target);
	return error;
}

/* The group or session of process pid (0: the caller), as the caller's namespace numbers it. */
static long read_id(int pid, bool session)
{
	struct process *process;
	unsigned long irq_state;
	long result;

	if (pid < 0)
		return -ESRCH;
	process = pid == 0 ? process_get(current_task()->process)
			   : process_find(pid_global_from_caller(pid));
	if (!process)
		return -ESRCH;
	irq_state = tasks_lock();
	result = pid_number_in(session ? process->session_pid : process->group_pid,
			       current_pid_ns());
	tasks_unlock(irq_state);
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
	struct pid *old_group, *old_session;
	unsigned long irq_state;
	pid_t pid = self->pid;

	/* A group leader cannot leave its group: another process could be in it. */
	if (process_for_each(is_group_named, &pid))
		return -EPERM;
	irq_state = tasks_lock();
	old_session = self->session_pid;
	self->session = pid;
	self->session_pid = get_pid(self->process_pid);
	old_group = set_group(self, pid, get_pid(self->process_pid));
	tasks_unlock(irq_state);
	put_pid(old_group);
	put_pid(old_session);
	return pid_own_number(self->process_pid);
}
