/*
 * task.c: making and freeing tasks and processes, the tasks lock, and the
 * two moments a user thread crosses a boundary: the switch from one thread to
 * another (task_switch) and the return to user mode (return_to_user).
 */
#include <kuid/address_space.h>
#include <kuid/cred.h>
#include <kuid/fd_table.h>
#include <kuid/file.h>
#include <kuid/heap.h>
#include <kuid/nsproxy.h>
#include <kuid/panic.h>
#include <kuid/pid_namespace.h>
#include <kuid/spinlock.h>
#include <kuid/string.h>
#include <kuid/task.h>
#include <kuid/user_registers.h>
#include <uapi/errno.h>
#include <uapi/wait.h>

#include "task_internal.h"

static struct spinlock the_tasks_lock = SPINLOCK_INIT("tasks");

unsigned long tasks_lock(void)
{
	return spin_lock_irqsave(&the_tasks_lock);
}

void tasks_unlock(unsigned long irq_state)
{
	spin_unlock_irqrestore(&the_tasks_lock, irq_state);
}

/* Linux's limits for init; everything else inherits them. */
static void set_default_limits(struct rlimit64 *limits)
{
	for (unsigned int i = 0; i < RLIM_NLIMITS; i++)
		limits[i] = (struct rlimit64){ RLIM64_INFINITY, RLIM64_INFINITY };
	limits[RLIMIT_STACK].rlim_cur = TASK_STACK_LIMIT;
	limits[RLIMIT_CORE].rlim_cur = 0;
	limits[RLIMIT_NOFILE] = (struct rlimit64){ TASK_OPEN_FILES_LIMIT, TASK_OPEN_FILES_LIMIT };
	limits[RLIMIT_MEMLOCK] = (struct rlimit64){ 8u << 20, 8u << 20 };
	limits[RLIMIT_NPROC] = (struct rlimit64){ PID_MAX, PID_MAX };
	limits[RLIMIT_SIGPENDING] = (struct rlimit64){ 1024, 1024 };
	limits[RLIMIT_MSGQUEUE] = (struct rlimit64){ 819200, 819200 };
	limits[RLIMIT_NICE] = (struct rlimit64){ 0, 0 };
	limits[RLIMIT_RTPRIO] = (struct rlimit64){ 0, 0 };
}

struct process *process_create(struct pid *pid, const struct process *model)
{
	struct process *process = kzalloc(sizeof(*process));
	unsigned long irq_state;

	if (!process)
		return NULL;
	process->references = 1;
	process->pid = pid_global_number(pid);
	process->process_pid = get_pid(pid);
	process->state = PROCESS_ALIVE;
	list_init(&process->children);
	list_init(&process->sibling_node);
	list_init(&process->threads);
	list_init(&process->table_node);
	wait_queue_init(&process->child_event);
	signal_queue_init(&process->shared_pending);
	if (model) {
		/* The model's group and session may change meanwhile: read them as one. */
		irq_state = tasks_lock();
		process->process_group = model->process_group;
		process->session = model->session;
		process->group_pid = get_pid(model->group_pid);
		process->session_pid = get_pid(model->session_pid);
		tasks_unlock(irq_state);
		memcpy(process->limits, model->limits, sizeof(process->limits));
		/* fork keeps dumpability, as Linux's mm flags do. */
		process->dumpable = __atomic_load_n(&model->dumpable, __ATOMIC_RELAXED);
		process->nice = __atomic_load_n(&model->nice, __ATOMIC_RELAXED);
	} else {
		process->dumpable = 1;	/* DUMPABLE_USER of kuid/cred.h */
		/*
		 * As on Linux, the first process belongs to session 0 and process
		 * group 0: it leads neither, so opening a terminal does not make it
		 * the controlling one; a shell gets one with setsid.
		 */
		process->process_group = 0;
		process->session = 0;
		set_default_limits(process->limits);
	}
	return process;
}

struct process *process_get(struct process *process)
{
	__atomic_add_fetch(&process->references, 1, __ATOMIC_RELAXED);
	return process;
}

void process_put(struct process *process)
{
	if (!process || __atomic_sub_fetch(&process->references, 1, __ATOMIC_ACQ_REL) != 0)
		return;
	signal_queue_flush(&process->shared_pending);
	put_pid(process->process_pid);
	put_pid(process->group_pid);
	put_pid(process->session_pid);
	put_pid_ns(process->pid_namespace);
	kfree(process);
}

struct task *task_create(void)
{
	struct task *task = kzalloc(sizeof(*task));

	if (!task)
		return NULL;
	task->cpu_state = user_cpu_state_create();
	if (!task->cpu_state) {
		kfree(task);
		return NULL;
	}
	task->references = 1;
	list_init(&task->process_node);
	list_init(&task->table_node);
	return task;
}

struct task *task_get(struct task *task)
{
	__atomic_add_fetch(&task->references, 1, __ATOMIC_RELAXED);
	return task;
}

/* What a task holds of the program's resources; exit drops them early. */
void task_release_resources(struct task *task)
{
	struct address_space *space = task->address_space;
	struct files_table *files;
	struct fs_context *fs;
	unsigned long irq_state;

	if (space) {
		task->address_space = NULL;
		if (task == current_task())
			address_space_activate(NULL);
		address_space_put(space);
	}
	/*
	 * Taken out under the tasks lock, which procfs holds while it looks at
	 * another task's tables, and put afterwards: procfs never finds a table
	 * that is being freed.
	 */
	irq_state = tasks_lock();
	files = task->files;
	task->files = NULL;
	fs = task->fs;
	task->fs = NULL;
	tasks_unlock(irq_state);
	if (files)
		files_table_put(files);
	if (fs)
		fs_context_put(fs);
	if (task->exe_file)
		task_set_exe_file(task, NULL);
	/* An exited task is in no namespace any more: /proc/PID/ns/X says ENOENT. */
	if (task->namespaces)
		task_switch_namespaces(task, NULL);
}

struct address_space *task_get_address_space(struct task *task)
{
	unsigned long irq_state = tasks_lock();
	struct address_space *space = task->address_space;

	if (space)
		address_space_get(space);
	tasks_unlock(irq_state);
	return space;
}

struct file *task_get_exe_file(struct task *task)
{
	unsigned long irq_state = tasks_lock();
	struct file *file = task->exe_file;

	if (file)
		file_get(file);
	tasks_unlock(irq_state);
	return file;
}

struct fs_context *task_get_fs(struct task *task)
{
	unsigned long irq_state = tasks_lock();
	struct fs_context *fs = task->fs;

	if (fs)
		fs_context_get(fs);
	tasks_unlock(irq_state);
	return fs;
}

void task_set_exe_file(struct task *task, struct file *file)
{
	unsigned long irq_state = tasks_lock();
	struct file *old = task->exe_file;

	task->exe_file = file;
	tasks_unlock(irq_state);
	file_put(old);		/* outside the lock: a last put may take vfs_lock */
}

void task_put(struct task *task)
{
	if (!task || __atomic_sub_fetch(&task->references, 1, __ATOMIC_ACQ_REL) != 0)
		return;
	task_release_resources(task);
	if (task->signals_ready)
		task_signals_destroy(&task->signals);
	put_cred(task->cred);
	put_pid(task->thread_pid);
	process_put(task->process);
	user_cpu_state_destroy(task->cpu_state);
	kfree(task->start_registers);
	kfree(task);
}

void task_activate(struct task *task)
{
	address_space_activate(task->address_space);
	user_cpu_state_restore(task->cpu_state);
}

void task_adopt_current_thread(struct task *task)
{
	arch_irq_disable();
	thread_current()->task = task;
	task->thread = thread_current();
	task_activate(task);
	arch_irq_enable();
}

/*
 * Called by the scheduler with its lock held and interrupts off, just before
 * the stacks are switched. Kernel threads run on the kernel's page table, so
 * that no address space is ever destroyed while the CPU still uses it.
 */
void task_switch(struct thread *previous, struct thread *next)
{
	if (previous->task)
		user_cpu_state_save(previous->task->cpu_state);
	if (next->task)
		task_activate(next->task);
	else
		address_space_activate(NULL);
}

void return_to_user(struct user_registers *registers)
{
	struct task *task = current_task();

	/*
	 * A system call comes here with interrupts on already (syscall_from_user turned them on);
	 * only an interrupt or an exception from user mode needs them turned on. Checking first
	 * spares an `sti` per system call, dear under TCG (docs/benchmarks.md).
	 */
	if (!arch_irq_enabled())
		arch_irq_enable();
	scheduler_preempt_if_needed();
	if (__atomic_load_n(&task->process->group_exiting, __ATOMIC_ACQUIRE) ||
	    __atomic_load_n(&task->exec_kill, __ATOMIC_ACQUIRE))
		task_exit(task->process->exit_status);
	signal_deliver(registers);
}

void task_set_comm(struct task *task, const char *name)
{
	memset(task->comm, 0, sizeof(task->comm));
	string_copy(task->comm, name, sizeof(task->comm));
}
