/*
 * resource_limit.c: getrlimit, setrlimit and prlimit64. Each process has its
 * own table of limits (inherited at fork, kept across execve). Anyone may
 * lower a limit or move the soft limit up to the hard one; raising the hard
 * limit takes CAP_SYS_RESOURCE. Who enforces what:
 *	RLIMIT_NOFILE	new descriptors (kernel/fs/fs_syscall_helpers.c), never above the table
 *	RLIMIT_AS	mmap, mremap, brk (kernel/mm/mmap.c)
 *	RLIMIT_FSIZE	write and truncate of regular files (kernel/fs/file_size_limit.c)
 *	RLIMIT_NPROC	clone and fork (kernel/task/process_count_limit.c)
 *	RLIMIT_NICE	setpriority (kernel/syscall/priority.c)
 * RLIMIT_STACK sizes nothing yet (the stack region is always 8 MiB).
 */
#include <kuid/capability.h>
#include <kuid/cred.h>
#include <kuid/syscall_handlers.h>
#include <kuid/task.h>
#include <kuid/user_memory.h>
#include <uapi/capability.h>
#include <uapi/errno.h>
#include <uapi/resource.h>

#include "task_internal.h"

/*
 * Read and/or replace one limit of `process`. new_limit NULL: read only.
 * 0, -EINVAL (soft above hard, a file limit above the table), -EPERM.
 */
static int exchange_limit(struct process *process, unsigned int resource,
			  const struct rlimit64 *new_limit, struct rlimit64 *old_limit)
{
	unsigned long irq_state;
	struct rlimit64 *limit;
	int error = 0;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (new_limit && new_limit->rlim_cur > new_limit->rlim_max)
		return -EINVAL;
	if (new_limit && resource == RLIMIT_NOFILE && new_limit->rlim_max > TASK_OPEN_FILES_LIMIT)
		return -EPERM;	/* Linux: above fs.nr_open */

	irq_state = tasks_lock();
	limit = &process->limits[resource];
	if (old_limit)
		*old_limit = *limit;
	if (new_limit && new_limit->rlim_max > limit->rlim_max && !capable(CAP_SYS_RESOURCE))
		error = -EPERM;
	else if (new_limit)
		*limit = *new_limit;
	tasks_unlock(irq_state);
	return error;
}

/*
 * Another process's limits, read or written, as Linux allows it: the caller's real uid and
 * gid equal every uid and gid of the target, or the caller has CAP_SYS_RESOURCE in the
 * target's user namespace. Its own limits are always the caller's to see.
 */
static int may_touch_limits_of(struct process *process)
{
	const struct cred *caller = current_cred();
	const struct cred *target;
	struct task *task;
	bool same_ids;
	int error = 0;

	if (process == current_task()->process)
		return 0;
	task = process_signal_target(process);
	if (!task)
		return -ESRCH;
	target = task_get_cred(task);
	same_ids = uid_eq(caller->uid, target->uid) && uid_eq(caller->uid, target->euid) &&
		   uid_eq(caller->uid, target->suid) && gid_eq(caller->gid, target->gid) &&
		   gid_eq(caller->gid, target->egid) && gid_eq(caller->gid, target->sgid);
	if (!same_ids && !has_ns_capability(caller, target->user_ns, CAP_SYS_RESOURCE))
		error = -EPERM;
	put_cred(target);
	task_put(task);
	return error;
}

uint64_t current_limit(unsigned int resource)
{
	struct task *task = current_task();

	if (!task || !task->process || resource >= RLIM_NLIMITS)
		return RLIM64_INFINITY;
	/* One 64-bit load: a setrlimit racing with us is seen before or after, never half. */
	return __atomic_load_n(&task->process->limits[resource].rlim_cur, __ATOMIC_RELAXED);
}

long sys_prlimit64(int pid, unsigned int resource, const struct rlimit64 __user *new_limit,
		   struct rlimit64 __user *old_limit)
{
	struct rlimit64 new_value, old_value;
	struct process *process;
	long error;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (new_limit && copy_from_user(&new_value, new_limit, sizeof(new_value)))
		return -EFAULT;
	process = pid == 0 ? process_get(current_task()->process)
			   : process_find(pid_global_from_caller(pid));	/* R12.1 */
	if (!process)
		return -ESRCH;
	error = may_touch_limits_of(process);
	if (!error)
		error = exchange_limit(process, resource, new_limit ? &new_value : NULL,
				       &old_value);
	process_put(process);
	if (!error && old_limit && copy_to_user(old_limit, &old_value, sizeof(old_value)))
		error = -EFAULT;
	return error;
}

long sys_getrlimit(unsigned int resource, struct rlimit __user *limit)
{
	struct rlimit64 value;
	int error = exchange_limit(current_task()->process, resource, NULL, &value);

	if (error)
		return error;
	return copy_to_user(limit, &value, sizeof(value));
}

long sys_setrlimit(unsigned int resource, const struct rlimit __user *limit)
{
	struct rlimit64 value;

	if (copy_from_user(&value, limit, sizeof(value)))
		return -EFAULT;
	return exchange_limit(current_task()->process, resource, &value, NULL);
}
