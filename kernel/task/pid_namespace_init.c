/*
 * pid_namespace_init.c: the init of a pid namespace, the first process made in it. It is pid 1
 * there and adopts the namespace's orphans (R12.2); when it ends, the namespace ends with it
 * (R12.3): every other member, and every member of the namespaces below, is killed, nothing may
 * enter any more (fork into it is -ENOMEM, pid.c), and the init becomes a zombie only once they
 * are all gone, so whoever waits for it knows the namespace is empty. (Signals the init ignores
 * are the signal code's: signal_send.c.) The initial namespace's init is the boot's /init,
 * whose end is the machine's (exit.c).
 */
#include <kuid/pid_namespace.h>
#include <kuid/sched.h>
#include <kuid/signal.h>
#include <kuid/task.h>
#include <uapi/signal.h>

#include "task_internal.h"

/* How long the zap sleeps between two looks at a namespace that is not empty yet. */
#define ZAP_POLL_MILLISECONDS 5

void pid_namespace_init_register(struct process *process)
{
	struct pid_namespace *ns = process->pid_namespace;

	if (ns->level == 0 || pid_own_number(process->process_pid) != 1)
		return;
	ns->child_reaper = process;
	process->pid_namespace_init = true;
	__atomic_store_n(&process->unkillable, true, __ATOMIC_RELAXED);
	/* R5.6: from now on /proc/PID/ns/pid_for_children exists for its creator. */
	__atomic_store_n(&ns->has_init, true, __ATOMIC_RELEASE);
}

void pid_namespace_init_unregister(struct process *process)
{
	struct pid_namespace *ns = process->pid_namespace;

	if (ns->child_reaper != process)
		return;
	/*
	 * As Linux's free_pid for a failed first fork: the namespace never had an init and
	 * never will, so a later fork into it is -ENOMEM, and pid_for_children stays absent.
	 */
	ns->child_reaper = NULL;
	ns->dying = true;
	__atomic_store_n(&ns->has_init, false, __ATOMIC_RELEASE);
}

struct process *pid_namespace_reaper_for(struct process *process)
{
	struct process *reaper = process->pid_namespace->child_reaper;

	/* The init itself has no children left by now: its zap reaped them all. */
	return reaper == process ? NULL : reaper;
}

/* Is process a member of init's namespace, or of one below it, other than init? */
static bool is_other_member(const struct process *process, const struct process *init)
{
	return process != init &&
	       pid_ns_is_same_or_ancestor(init->pid_namespace, process->pid_namespace);
}

/* Called with the tasks lock held, for every process (zombies too). */
static int kill_member(struct process *process, void *context)
{
	struct process *init = context;
	struct task *task;

	if (!is_other_member(process, init) || process->state != PROCESS_ALIVE ||
	    __atomic_load_n(&process->group_exiting, __ATOMIC_ACQUIRE))
		return 0;
	/* A kernel SIGKILL (no siginfo): a nested init cannot refuse it (R12.2). */
	list_for_each_entry(task, &process->threads, process_node) {
		if (!task->exited) {
			signal_send(task, SIGKILL, NULL);
			break;
		}
	}
	return 0;
}

/* Stops the walk at the first member found. */
static int find_member(struct process *process, void *context)
{
	return is_other_member(process, context) ? 1 : 0;
}

/* Kill the members still alive; true while any member (a zombie too) is left. */
static bool kill_members(struct process *init)
{
	unsigned long irq_state = tasks_lock();
	bool left;

	process_for_each_locked(kill_member, init, true);
	left = process_for_each_locked(find_member, init, true) != 0;
	tasks_unlock(irq_state);
	return left;
}

/* Reap one zombie child of init: true if there was one. */
static bool reap_one_child(struct process *init)
{
	unsigned long irq_state = tasks_lock();
	struct process *child, *zombie = NULL;

	list_for_each_entry(child, &init->children, sibling_node) {
		if (child->state == PROCESS_ZOMBIE) {
			zombie = child;
			list_remove(&zombie->sibling_node);
			pid_table_remove_process(zombie);
			break;
		}
	}
	tasks_unlock(irq_state);
	if (zombie)
		process_put(zombie);	/* the parent's reference */
	return zombie != NULL;
}

void pid_namespace_zap(struct process *init)
{
	struct pid_namespace *ns = init->pid_namespace;
	unsigned long irq_state = tasks_lock();

	/* R12.3: from now on fork into the namespace, or one below, is -ENOMEM (pid.c). */
	ns->dying = true;
	tasks_unlock(irq_state);

	/*
	 * The members end as SIGKILL reaches them; the init's own children it reaps here, and
	 * orphans come to it as their parents die. Members whose parent is outside are reaped
	 * by that parent, which tells nobody here: a short sleep between looks is simpler than a
	 * wake-up from every reap. A member forked just before `dying` was set is caught by the
	 * next look, which kills again whoever is still alive.
	 */
	for (;;) {
		while (reap_one_child(init))
			;
		if (!kill_members(init))
			break;
		thread_sleep_milliseconds(ZAP_POLL_MILLISECONDS);
	}

	irq_state = tasks_lock();
	ns->child_reaper = NULL;	/* nothing is left to adopt; the init goes next */
	tasks_unlock(irq_state);
}
