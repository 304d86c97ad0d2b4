/*
 * pid.c: handing out process ids, one number per pid-namespace level (R12.1, kuid/pid.h), and
 * translating numbers between a namespace and the kernel's own names (the initial namespace's
 * numbers). The tables of tasks and processes are pid_table.c's.
 *
 * Each namespace numbers on its own: its counter goes up from its last number, wraps at its
 * pid_max back to 2 (1 is its init's for good), and skips numbers still taken there. A number
 * is taken while its struct pid lives, which a process's group and session keep alive too, so
 * a group id never names a new, unrelated process. Each namespace keeps its numbers in a list
 * walked under the tasks lock; a teaching kernel runs a few dozen processes, so a linear walk
 * is plenty.
 */
#include <kuid/heap.h>
#include <kuid/pid.h>
#include <kuid/pid_namespace.h>
#include <kuid/task.h>
#include <uapi/errno.h>

static unsigned int alive_count;	/* atomic: struct pids made and not yet freed */

unsigned int pids_alive(void)
{
	return __atomic_load_n(&alive_count, __ATOMIC_RELAXED);
}

/* Called with the tasks lock held. */
static bool number_taken(const struct pid_namespace *ns, pid_t number)
{
	const struct pid_number *taken;

	list_for_each_entry(taken, &ns->numbers, node)
		if (taken->number == number)
			return true;
	return false;
}

/* The next free number of ns, or -EAGAIN. Called with the tasks lock held. */
static pid_t next_free_number(struct pid_namespace *ns)
{
	for (pid_t tries = 0; tries < ns->pid_max; tries++) {
		pid_t candidate = ns->last_number + 1;

		/* 1 is the init's for good: wrapping starts at 2. */
		if (candidate > ns->pid_max)
			candidate = 2;
		ns->last_number = candidate;
		if (!number_taken(ns, candidate))
			return candidate;
	}
	return -EAGAIN;
}

/*
 * Take a number at every level, deepest first, and enter each in its namespace's list.
 * Called with the tasks lock held; on failure nothing stays taken.
 */
static int take_numbers(struct pid *pid, struct pid_namespace *ns)
{
	int error = 0;
	int level;

	/* R12.3: the init of ns or of a namespace above has died; nothing may enter. */
	for (struct pid_namespace *above = ns; above; above = above->parent)
		if (above->dying)
			return userns_refuse(NULL, RULE_R12_3_INIT_DEATH, 0,
					     "the pid namespace's init has died", ENOMEM);
	for (level = (int)ns->level; level >= 0; level--, ns = ns->parent) {
		pid_t number = next_free_number(ns);

		if (number < 0) {
			error = number;
			break;
		}
		pid->numbers[level] = (struct pid_number){ .number = number, .ns = ns, .pid = pid };
		list_add_tail(&ns->numbers, &pid->numbers[level].node);
	}
	if (error)
		for (level++; level <= (int)pid->level; level++)
			list_remove(&pid->numbers[level].node);
	return error;
}

int pid_alloc(struct pid_namespace *ns, struct pid **result)
{
	size_t size = sizeof(struct pid) + (ns->level + 1) * sizeof(struct pid_number);
	struct pid *pid = kzalloc(size);
	unsigned long irq_state;
	int error;

	if (!pid)
		return -ENOMEM;
	pid->references = 1;
	pid->level = ns->level;
	irq_state = tasks_lock();
	error = take_numbers(pid, ns);
	tasks_unlock(irq_state);
	if (error) {
		kfree(pid);
		return error;
	}
	get_pid_ns(ns);		/* the deepest namespace, which holds those above */
	__atomic_add_fetch(&alive_count, 1, __ATOMIC_RELAXED);
	*result = pid;
	return 0;
}

struct pid *get_pid(struct pid *pid)
{
	if (pid)
		__atomic_add_fetch(&pid->references, 1, __ATOMIC_RELAXED);
	return pid;
}

void put_pid(struct pid *pid)
{
	struct pid_namespace *ns;
	unsigned long irq_state;

	if (!pid || __atomic_sub_fetch(&pid->references, 1, __ATOMIC_ACQ_REL) != 0)
		return;
	ns = pid->numbers[pid->level].ns;
	irq_state = tasks_lock();
	for (unsigned int level = 0; level <= pid->level; level++)
		list_remove(&pid->numbers[level].node);
	tasks_unlock(irq_state);
	kfree(pid);
	__atomic_sub_fetch(&alive_count, 1, __ATOMIC_RELAXED);
	put_pid_ns(ns);		/* may free namespaces: not under the lock */
}

pid_t pid_global_number(const struct pid *pid)
{
	return pid ? pid->numbers[0].number : 0;
}

pid_t pid_number_in(const struct pid *pid, const struct pid_namespace *ns)
{
	if (!pid || ns->level > pid->level || pid->numbers[ns->level].ns != ns)
		return 0;
	return pid->numbers[ns->level].number;
}

pid_t pid_own_number(const struct pid *pid)
{
	return pid ? pid->numbers[pid->level].number : 0;
}

pid_t pid_global_of_locked(pid_t number, struct pid_namespace *ns)
{
	const struct pid_number *taken;

	if (number <= 0)
		return 0;
	list_for_each_entry(taken, &ns->numbers, node)
		if (taken->number == number)
			return taken->pid->numbers[0].number;
	return 0;
}

pid_t pid_global_of(pid_t number, struct pid_namespace *ns)
{
	unsigned long irq_state = tasks_lock();
	pid_t global = pid_global_of_locked(number, ns);

	tasks_unlock(irq_state);
	return global;
}

pid_t pid_global_from_caller(pid_t number)
{
	return pid_global_of(number, current_pid_ns());
}

pid_t pid_caller_number_of_global(pid_t global)
{
	const struct pid_number *taken;
	unsigned long irq_state;
	pid_t number = 0;

	/* Find the id by its kernel name (the initial namespace's number)... */
	irq_state = tasks_lock();
	if (global > 0)
		list_for_each_entry(taken, &init_pid_ns.numbers, node)
			if (taken->number == global) {
				/* ...then say how the caller's namespace numbers it. */
				number = pid_number_in(taken->pid, current_pid_ns());
				break;
			}
	tasks_unlock(irq_state);
	return number;
}

unsigned int pid_namespace_numbers_in_use(const struct pid_namespace *ns)
{
	const struct pid_number *taken;
	unsigned int count = 0;

	list_for_each_entry(taken, &ns->numbers, node)
		count++;
	return count;
}
