/*
 * pid_table.c: the tables of live tasks and processes, and finding one by the kernel's name
 * for it (its number in the initial pid namespace, kuid/pid.h). A system call that takes a pid
 * first turns the caller's number into that name (pid_global_from_caller), so every lookup
 * here sees only what the caller's namespace can see. Both tables are lists walked under the
 * tasks lock.
 */
#include <kuid/task.h>
#include <uapi/errno.h>

static struct list_node all_tasks = LIST_INIT(all_tasks);
static struct list_node all_processes = LIST_INIT(all_processes);

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

int process_for_each_locked(int (*fn)(struct process *process, void *context), void *context,
			    bool zombies_too)
{
	struct process *process, *next;
	int result = 0;

	list_for_each_entry_safe(process, next, &all_processes, table_node) {
		if (process->state != PROCESS_ALIVE && !zombies_too)
			continue;
		result = fn(process, context);
		if (result)
			break;
	}
	return result;
}

int process_for_each(int (*fn)(struct process *process, void *context), void *context)
{
	unsigned long irq_state = tasks_lock();
	int result = process_for_each_locked(fn, context, false);

	tasks_unlock(irq_state);
	return result;
}
