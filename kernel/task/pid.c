/*
 * pid.c: the pid table: which numbers are in use, and finding a task or a
 * process by its number. Every pid question goes through this file, so that
 * pid namespaces can later change the numbering in one place.
 *
 * Numbers are handed out in increasing order, wrapping at PID_MAX back to 2,
 * and a number is skipped while any task, process, process group or session
 * still uses it, as on Linux (a group id must not name a new, unrelated
 * process). The table is two lists walked under the tasks lock; a teaching
 * kernel runs a few dozen processes, so a linear walk is plenty.
 */
#include <kuid/task.h>
#include <uapi/errno.h>

static struct list_node all_tasks = LIST_INIT(all_tasks);
static struct list_node all_processes = LIST_INIT(all_processes);
static pid_t last_pid;

/* Called with the tasks lock held. */
static bool pid_in_use(pid_t pid)
{
	struct process *process;
	struct task *task;

	list_for_each_entry(task, &all_tasks, table_node)
		if (task->tid == pid)
			return true;
	list_for_each_entry(process, &all_processes, table_node)
		if (process->pid == pid || process->process_group == pid ||
		    process->session == pid)
			return true;
	return false;
}

pid_t pid_allocate(void)
{
	unsigned long irq_state = tasks_lock();
	pid_t result = -EAGAIN;

	for (int tries = 0; tries < PID_MAX; tries++) {
		pid_t candidate = last_pid + 1;

		/* pid 1 is init's for good: wrapping starts at 2. */
		if (candidate > PID_MAX)
			candidate = 2;
		last_pid = candidate;
		if (!pid_in_use(candidate)) {
			result = candidate;
			break;
		}
	}
	/*
	 * The number is not in the table yet; on one CPU with the caller adding
	 * it before anyone else allocates, that is enough. (SMP would reserve it.)
	 */
	tasks_unlock(irq_state);
	return result;
}

void pid_table_add_task(struct task *task)
{
	list_add_tail(&all_tasks, &task->table_node);
}

void pid_table_remove_task(struct task *task)
{
	list_remove(&task->table_node);
}

void pid_table_add_process(struct process *process)
{
	list_add_tail(&all_processes, &process->table_node);
}

void pid_table_remove_process(struct process *process)
{
	list_remove(&process->table_node);
}

struct task *task_find(pid_t tid)
{
	unsigned long irq_state = tasks_lock();
	struct task *found = NULL, *task;

	list_for_each_entry(task, &all_tasks, table_node) {
		if (task->tid == tid && !task->exited) {
			found = task_get(task);
			break;
		}
	}
	tasks_unlock(irq_state);
	return found;
}

struct process *process_find(pid_t pid)
{
	unsigned long irq_state = tasks_lock();
	struct process *found = NULL, *process;

	list_for_each_entry(process, &all_processes, table_node) {
		if (process->pid == pid) {
			found = process_get(process);
			break;
		}
	}
	tasks_unlock(irq_state);
	return found;
}

struct task *process_signal_target(struct process *process)
{
	unsigned long irq_state = tasks_lock();
	struct task *found = NULL, *task;

	list_for_each_entry(task, &process->threads, process_node) {
		if (!task->exited) {
			found = task_get(task);
			break;
		}
	}
	tasks_unlock(irq_state);
	return found;
}

int process_for_each(int (*fn)(struct process *process, void *context), void *context)
{
	unsigned long irq_state = tasks_lock();
	struct process *process;
	int result = 0;

	list_for_each_entry(process, &all_processes, table_node) {
		if (process->state != PROCESS_ALIVE)
			continue;
		result = fn(process, context);
		if (result)
			break;
	}
	tasks_unlock(irq_state);
	return result;
}
