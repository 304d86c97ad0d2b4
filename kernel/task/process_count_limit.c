/*
 * process_count_limit.c: RLIMIT_NPROC, how many tasks one user may have. clone
 * and fork refuse a new task with -EAGAIN when the new task's real uid already
 * has that many, unless that uid is the initial namespace's root or the caller
 * has CAP_SYS_RESOURCE or CAP_SYS_ADMIN (Linux's rule in copy_process).
 *
 * What is counted differs from Linux in two documented ways, to stay simple:
 *	- Linux keeps a counter per (user namespace, uid) (its "ucounts") and checks
 *	  every namespace up to the initial one; kuid counts by kernel uid alone,
 *	  across all namespaces (the uid an id map gives is the same kernel uid).
 *	- the count is made on demand, by walking every process, not kept; threads
 *	  count (as in Linux), but a zombie does not (Linux counts it until reaped).
 */
#include <kuid/capability.h>
#include <kuid/cred.h>
#include <kuid/task.h>
#include <uapi/capability.h>
#include <uapi/errno.h>

#include "task_internal.h"

struct uid_count {
	kuid_t uid;
	uint64_t tasks;
};

static int count_tasks_of(struct process *process, void *context)
{
	struct uid_count *count = context;
	struct task *task;

	/* One CPU and the tasks lock held (interrupts off): no cred can be freed under us. */
	list_for_each_entry(task, &process->threads, process_node)
		if (uid_eq(task->cred->uid, count->uid))
			count->tasks++;
	return 0;
}

int check_process_count_limit(const struct cred *child_cred)
{
	struct uid_count count = { .uid = child_cred->uid, .tasks = 0 };
	uint64_t limit = current_limit(RLIMIT_NPROC);
	unsigned long irq_state;

	if (limit == RLIM64_INFINITY || uid_eq(child_cred->uid, GLOBAL_ROOT_UID))
		return 0;
	irq_state = tasks_lock();
	process_for_each_locked(count_tasks_of, &count, false);
	tasks_unlock(irq_state);
	if (count.tasks < limit)
		return 0;
	if (capable(CAP_SYS_RESOURCE) || capable(CAP_SYS_ADMIN))
		return 0;
	return -EAGAIN;
}
