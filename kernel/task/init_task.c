/*
 * init_task.c: the processes the kernel starts by itself. The first is init:
 * the kernel thread that calls task_create_init becomes pid 1, with root's
 * credentials, root and cwd at "/", and descriptors 0, 1 and 2 on
 * /dev/console; kernel/init/main.c then runs the init program in it. The
 * others are started by task_spawn (the in-kernel tests use it): processes
 * without a parent, which the kernel itself waits for.
 */
#include <kuid/cred.h>
#include <kuid/fd_table.h>
#include <kuid/file.h>
#include <kuid/heap.h>
#include <kuid/nsproxy.h>
#include <kuid/pid_namespace.h>
#include <kuid/task.h>
#include <kuid/user_registers.h>
#include <uapi/errno.h>
#include <uapi/fcntl.h>
#include <uapi/wait.h>

#include "task_internal.h"

#define CONSOLE_PATH "/dev/console"

/* stdin, stdout and stderr: three descriptors of one open console. */
static int open_console(struct files_table *files)
{
	struct file *console;
	int error = vfs_open_kernel(CONSOLE_PATH, O_RDWR, &console);

	if (error)
		return error;
	for (int fd = 0; fd < 3 && error >= 0; fd++) {
		file_get(console);	/* one reference per descriptor */
		error = files_table_install(files, console, fd, false);
		if (error < 0)
			file_put(console);
	}
	file_put(console);
	return error < 0 ? error : 0;
}

/* A task of a new process with root's powers, "/" as root and cwd, no descriptors yet. */
static struct task *task_create_root(void)
{
	struct task *task = task_create();
	struct signal_handlers *handlers;

	if (!task)
		return NULL;
	if (pid_alloc(&init_pid_ns, &task->thread_pid))
		goto out_put;
	task->tid = pid_global_number(task->thread_pid);
	task->process = process_create(task->thread_pid, NULL);
	task->cred = cred_init();
	task->files = files_table_create();
	task->fs = fs_context_create_root();
	if (!task->process || !task->files || !task->fs)
		goto out_put;
	task->namespaces = namespace_set_get(&init_namespace_set);
	task->process->pid_namespace = get_pid_ns(&init_pid_ns);
	handlers = signal_handlers_create();
	if (!handlers)
		goto out_put;
	task_signals_init(&task->signals, handlers, NULL, &task->process->shared_pending);
	task->signals_ready = true;
	return task;

out_put:
	task_put(task);
	return NULL;
}

/* Enter a parentless process in the pid table, or take it out again. */
static void register_root_task(struct task *task)
{
	unsigned long irq_state = tasks_lock();

	list_add_tail(&task->process->threads, &task->process_node);
	task->process->live_threads = 1;
	pid_table_add_task(task);
	pid_table_add_process(task->process);
	tasks_unlock(irq_state);
}

static void unregister_root_task(struct task *task)
{
	unsigned long irq_state = tasks_lock();

	list_remove(&task->process_node);
	task->process->live_threads = 0;
	pid_table_remove_task(task);
	pid_table_remove_process(task->process);
	tasks_unlock(irq_state);
}

int task_create_init(void)
{
	struct task *task = task_create_root();
	int error;

	if (!task)
		return -ENOMEM;
	error = open_console(task->files);
	if (error) {
		task_put(task);
		return error;
	}
	task_set_comm(task, "init");
	register_root_task(task);
	task_set_init_process(task->process);
	/* From now on this kernel thread runs pid 1; the reference is the thread's. */
	task_adopt_current_thread(task);
	return 0;
}

/* What a spawned task's thread needs to start. */
struct spawn_request {
	struct task *task;
	const char *path;
	const char *const *argv;
	const char *const *envp;
};

static void spawned_task_start(void *argument)
{
	struct spawn_request *request = argument;
	struct task *task = request->task;
	int error;

	task_adopt_current_thread(task);
	error = task_exec(request->path, request->argv, request->envp);
	kfree(request);
	if (error)
		task_exit(W_EXITCODE(127, 0));	/* posix_spawn's "could not run it" */
	return_to_user(user_registers_of(thread_current()));
	user_mode_enter();
}

int task_spawn(const char *path, const char *const *argv, const char *const *envp,
	       struct process **process)
{
	struct spawn_request *request = kmalloc(sizeof(*request));
	struct task *task = task_create_root();

	if (!request || !task) {
		kfree(request);
		task_put(task);
		return -ENOMEM;
	}
	*request = (struct spawn_request){ task, path, argv, envp };
	task_set_comm(task, "spawned");
	register_root_task(task);
	/* Taken first: the thread may run, and end, before thread_create returns. */
	*process = process_get(task->process);
	if (!thread_create(task->comm, spawned_task_start, request, THREAD_DETACHED)) {
		unregister_root_task(task);
		process_put(*process);
		kfree(request);
		task_put(task);
		return -ENOMEM;
	}
	return 0;	/* the thread has the task's reference now */
}

int process_wait_exit(struct process *process)
{
	unsigned long irq_state;
	int status;

	wait_event(&process->child_event,
		   __atomic_load_n(&process->state, __ATOMIC_ACQUIRE) == PROCESS_ZOMBIE);
	irq_state = tasks_lock();
	status = process->exit_status;
	pid_table_remove_process(process);
	tasks_unlock(irq_state);
	process_put(process);
	return status;
}
