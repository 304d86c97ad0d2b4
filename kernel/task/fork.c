/*
 * fork.c: clone, fork and vfork: a new task that starts as a copy of the
 * caller, sharing with it whatever the clone flags ask to share.
 *
 * The forms C libraries use:
 *	fork (musl)		clone(SIGCHLD)
 *	fork (glibc)		clone(CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | SIGCHLD, ...)
 *	vfork, posix_spawn	clone(CLONE_VM | CLONE_VFORK | SIGCHLD, stack)
 *	pthread_create		clone(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND |
 *				      CLONE_THREAD | CLONE_SYSVSEM | CLONE_SETTLS |
 *				      CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID, ...)
 *
 * With CLONE_NEW* flags the child gets new namespaces: first its credentials
 * (a new user namespace for CLONE_NEWUSER), then its namespace set, whose new
 * members that user namespace owns (R5.2, docs/namespaces.md).
 *
 * The child's id is numbered in its pid namespace and every one above it
 * (kuid/pid.h); the caller gets the number its own namespace gives it, the
 * first process of a new namespace is that namespace's pid 1 (R12.1, R12.2).
 * The child is registered in the pid table and its parent's children before
 * its kernel thread starts, so it is complete the moment it can run. Its
 * first user registers are a copy of the caller's (rax 0, the new stack if
 * one was given), installed at the top of its own kernel stack when it first
 * runs (task_first_run).
 */
#include <kuid/address_space.h>
#include <kuid/cred.h>
#include <kuid/fd_table.h>
#include <kuid/heap.h>
#include <kuid/mount_namespace.h>
#include <kuid/nsproxy.h>
#include <kuid/pid_namespace.h>
#include <kuid/string.h>
#include <kuid/syscall_handlers.h>
#include <kuid/task.h>
#include <kuid/user_memory.h>
#include <kuid/user_namespace.h>
#include <kuid/user_registers.h>
#include <kuid/vfs.h>
#include <uapi/errno.h>
#include <uapi/sched.h>
#include <uapi/signal.h>

#include "task_internal.h"

/* A vfork parent's wait: on the parent's stack, pointed at by the child. */
struct vfork_done {
	struct wait_queue queue;
	bool done;
};

struct clone_request {
	unsigned long flags;
	uintptr_t stack;
	int __user *parent_tid;
	int __user *child_tid;
	unsigned long tls;
};

/* Linux's refusals, in the order copy_process makes them. */
static int check_clone_flags(unsigned long flags, const struct task *parent)
{
	/* R5.1: a new mount tree or user namespace must come with root and cwd of its own. */
	if ((flags & (CLONE_NEWNS | CLONE_FS)) == (CLONE_NEWNS | CLONE_FS))
		return userns_refuse(NULL, RULE_R5_1_CLONE_FLAGS, 0,
				     "CLONE_NEWNS with CLONE_FS", EINVAL);
	if ((flags & (CLONE_NEWUSER | CLONE_FS)) == (CLONE_NEWUSER | CLONE_FS))
		return userns_refuse(NULL, RULE_R5_1_CLONE_FLAGS, 0,
				     "CLONE_NEWUSER with CLONE_FS", EINVAL);
	/* Threads share signal handlers, and shared handlers need a shared memory. */
	if ((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND))
		return -EINVAL;
	if ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM))
		return -EINVAL;
	/* R5.1: init's siblings, or a pid namespace init's, would have no parent to reap them. */
	if ((flags & CLONE_PARENT) &&
	    (parent->process->pid == 1 || parent->process->pid_namespace_init))
		return userns_refuse(NULL, RULE_R5_1_CLONE_FLAGS, 0,
				     "CLONE_PARENT from an init", EINVAL);
	/* R5.1: the threads of a process share its user and pid namespaces. */
	if ((flags & CLONE_THREAD) &&
	    ((flags & (CLONE_NEWUSER | CLONE_NEWPID)) ||
	     parent->namespaces->pid_for_children != parent->process->pid_namespace))
		return userns_refuse(NULL, RULE_R5_1_CLONE_FLAGS, 0,
				     "a thread cannot change user or pid ns", EINVAL);
	/* A pidfd needs file support kuid does not have yet. */
	if (flags & CLONE_PIDFD)
		return -EINVAL;
	if (!(flags & CLONE_THREAD) && (flags & CSIGNAL) > SIGNAL_COUNT)
		return -EINVAL;
	return 0;
}

/*
 * R5.2: the credentials first (with CLONE_NEWUSER, in a new user namespace, R5.3, R4.4), then
 * the namespace set, whose new members the new credentials' user namespace owns.
 */
static int copy_credentials_and_namespaces(struct task *child, struct task *parent,
					   unsigned long flags)
{
	struct cred *new_cred;
	int error;

	if (flags & CLONE_NEWUSER) {
		new_cred = cred_prepare();
		if (!new_cred)
			return -ENOMEM;
		error = create_user_ns(new_cred, current_chrooted(), NULL);
		if (error) {
			cred_abort(new_cred);
			return error;
		}
		child->cred = new_cred;
	} else {
		child->cred = get_cred(parent->cred);
	}
	/* clone's low byte is the exit signal: only the bits above it are flags here. */
	return namespace_set_for_child(flags & ~(unsigned long)CSIGNAL, child->cred,
				       &child->namespaces, NULL);
}

/* A new process lives where its parent's children go (R5.6); a thread where it is (R5.1). */
static struct pid_namespace *child_pid_namespace(struct task *child, struct task *parent,
						 unsigned long flags)
{
	return (flags & CLONE_THREAD) ? parent->process->pid_namespace
				      : child->namespaces->pid_for_children;
}

/*
 * The child's id, numbered at every level down to its namespace (R12.1): pid 1 if it is the
 * first process of a new namespace. -ENOMEM once that namespace's init has died (R12.3).
 */
static int allocate_id(struct task *child, struct task *parent, unsigned long flags)
{
	int error = pid_alloc(child_pid_namespace(child, parent, flags), &child->thread_pid);

	if (error)
		return error;
	child->tid = pid_global_number(child->thread_pid);
	return 0;
}

/* The shared or copied resources of the child, as the flags say. 0 or -ENOMEM. */
static int share_or_copy(struct task *child, struct task *parent, unsigned long flags)
{
	struct signal_handlers *handlers;

	if (parent->address_space) {
		child->address_space = (flags & CLONE_VM) ? address_space_get(parent->address_space)
							  : address_space_copy(parent->address_space);
		if (!child->address_space)
			return -ENOMEM;
	}
	if (parent->files) {
		if (flags & CLONE_FILES) {
			files_table_get(parent->files);
			child->files = parent->files;
		} else {
			child->files = files_table_copy(parent->files);
		}
		if (!child->files)
			return -ENOMEM;
	}
	if (parent->fs) {
		if (flags & CLONE_FS) {
			fs_context_get(parent->fs);
			child->fs = parent->fs;
		} else {
			child->fs = fs_context_copy(parent->fs);
		}
		if (!child->fs)
			return -ENOMEM;
		/* CLONE_NEWNS: root and cwd move to their copies, as Linux's copy_mnt_ns. */
		if (child->namespaces->mnt != parent->namespaces->mnt)
			mount_namespace_move_fs(child->namespaces->mnt, child->fs);
	}
	child->exe_file = task_get_exe_file(parent);	/* the same program: /proc/PID/exe */
	handlers = (flags & CLONE_SIGHAND) ? signal_handlers_get(parent->signals.handlers)
					   : signal_handlers_copy(parent->signals.handlers);
	if (!handlers)
		return -ENOMEM;
	task_signals_init(&child->signals, handlers, &parent->signals,
			  &child->process->shared_pending);
	child->signals_ready = true;
	return 0;
}

/* The child's first registers: the caller's, with rax 0 and maybe a new stack. */
static int prepare_start_registers(struct task *child, const struct clone_request *request)
{
	struct user_registers *registers = kmalloc(user_registers_size());

	if (!registers)
		return -ENOMEM;
	memcpy(registers, user_registers_of(thread_current()), user_registers_size());
	user_registers_set_return_value(registers, 0);
	if (request->stack)
		user_registers_set_stack_pointer(registers, request->stack);
	child->start_registers = registers;
	return 0;
}

/* Make the child's process: the caller's own for a thread, a new one otherwise. */
static int attach_process(struct task *child, struct task *parent, unsigned long flags)
{
	if (flags & CLONE_THREAD) {
		child->process = process_get(parent->process);
		return 0;
	}
	child->process = process_create(child->thread_pid, parent->process);
	if (!child->process)
		return -ENOMEM;
	child->process->exit_signal = flags & CSIGNAL;
	child->process->pid_namespace = get_pid_ns(child_pid_namespace(child, parent, flags));
	return 0;
}

/* Enter the child in the family tree and the pid table. */
static void register_child(struct task *child, struct task *parent, unsigned long flags)
{
	struct process *process = child->process;
	unsigned long irq_state = tasks_lock();

	if (!(flags & CLONE_THREAD)) {
		process->parent = (flags & CLONE_PARENT) ? parent->process->parent : parent->process;
		list_add_tail(&process->parent->children, &process->sibling_node);
		process_get(process);	/* the parent's reference, until it reaps */
		pid_table_add_process(process);
		pid_namespace_init_register(process);
	}
	list_add_tail(&process->threads, &child->process_node);
	process->live_threads++;
	pid_table_add_task(child);
	tasks_unlock(irq_state);
}

/* Undo register_child for a child whose thread could not be started. */
static void unregister_child(struct task *child, unsigned long flags)
{
	struct process *process = child->process;
	unsigned long irq_state = tasks_lock();
	bool drop_parent_reference = false;

	pid_table_remove_task(child);
	list_remove(&child->process_node);
	process->live_threads--;
	if (!(flags & CLONE_THREAD)) {
		list_remove(&process->sibling_node);
		pid_table_remove_process(process);
		pid_namespace_init_unregister(process);
		drop_parent_reference = true;
	}
	tasks_unlock(irq_state);
	if (drop_parent_reference)
		process_put(process);
}

static long do_clone(const struct clone_request *request)
{
	struct task *parent = current_task();
	unsigned long flags = request->flags;
	struct vfork_done vfork_done;
	struct task *child;
	pid_t tid;
	int error;

	error = check_clone_flags(flags, parent);
	if (error)
		return error;
	if ((flags & CLONE_SETTLS) && !user_range_is_valid(request->tls, 0))
		return -EPERM;	/* arch_prctl's answer to a TLS base beyond user space */
	child = task_create();
	if (!child)
		return -ENOMEM;
	string_copy(child->comm, parent->comm, sizeof(child->comm));

	/* Linux's order: credentials, namespaces, then the id in the child's pid namespace. */
	error = copy_credentials_and_namespaces(child, parent, flags);
	if (!error)
		error = check_process_count_limit(child->cred);
	if (!error)
		error = allocate_id(child, parent, flags);
	if (!error)
		error = attach_process(child, parent, flags);
	if (!error)
		error = share_or_copy(child, parent, flags);
	if (!error)
		error = prepare_start_registers(child, request);
	if (error)
		goto out_put_child;

	user_cpu_state_copy_current(child->cpu_state, parent->cpu_state);
	if (flags & CLONE_SETTLS)
		user_cpu_state_set_tls_base(child->cpu_state, request->tls, false);
	if (flags & CLONE_CHILD_SETTID)
		child->set_child_tid = (uintptr_t)request->child_tid;
	if (flags & CLONE_CHILD_CLEARTID)
		child->clear_child_tid = (uintptr_t)request->child_tid;
	/* The caller names the child in its own pid namespace (R12.1). */
	tid = pid_number_in(child->thread_pid, current_pid_ns());
	if (flags & CLONE_PARENT_SETTID) {
		error = copy_to_user(request->parent_tid, &tid, sizeof(tid));
		if (error)
			goto out_put_child;
	}
	if (flags & CLONE_VFORK) {
		wait_queue_init(&vfork_done.queue);
		vfork_done.done = false;
		child->vfork_done = &vfork_done;
	}

	/* Before the thread starts: from then on the child may run, end and be gone. */
	register_child(child, parent, flags);
	error = task_start_thread(child);
	if (error) {
		unregister_child(child, flags);
		goto out_put_child;
	}

	/*
	 * vfork: the child borrows our memory, so we sleep until it has execed
	 * or exited. Not interruptible: vfork_done lives on this very stack.
	 */
	if (flags & CLONE_VFORK)
		wait_event(&vfork_done.queue, __atomic_load_n(&vfork_done.done, __ATOMIC_ACQUIRE));
	return tid;

out_put_child:
	child->vfork_done = NULL;
	task_put(child);
	return error;
}

void task_release_vfork_parent(struct task *task)
{
	struct vfork_done *vfork_done = task->vfork_done;

	if (!vfork_done)
		return;
	task->vfork_done = NULL;
	__atomic_store_n(&vfork_done->done, true, __ATOMIC_RELEASE);
	wake_up_all(&vfork_done->queue);
}

/*
 * A new task's kernel thread starts here. It adopts its task (the scheduler
 * switches page table and FPU state only for threads that have one), puts its
 * first registers where an entry from user mode would have left them, and
 * leaves for user mode.
 */
static void task_first_run(void *argument)
{
	struct task *task = argument;
	struct user_registers *registers = user_registers_of(thread_current());
	int tid = pid_own_number(task->thread_pid);	/* as the child itself names it */

	task_adopt_current_thread(task);
	memcpy(registers, task->start_registers, user_registers_size());
	kfree(task->start_registers);
	task->start_registers = NULL;
	/* A fault here is the program's problem, as on Linux: the tid is simply not stored. */
	if (task->set_child_tid)
		copy_to_user((void __user *)task->set_child_tid, &tid, sizeof(tid));

	return_to_user(registers);
	user_mode_enter();
}

/*
 * The thread takes over the creator's reference and drops it in task_exit.
 * The creator must not touch the task afterwards: it may already have run
 * and ended. (The thread sets task->thread itself, in task_first_run.)
 */
int task_start_thread(struct task *task)
{
	if (!thread_create(task->comm, task_first_run, task, THREAD_DETACHED))
		return -ENOMEM;
	return 0;
}

long sys_clone(unsigned long flags, uintptr_t stack, int __user *parent_tid,
	       int __user *child_tid, unsigned long tls)
{
	struct clone_request request = {
		.flags = flags,
		.stack = stack,
		.parent_tid = parent_tid,
		.child_tid = child_tid,
		.tls = tls,
	};

	return do_clone(&request);
}

long sys_fork(void)
{
	struct clone_request request = { .flags = SIGCHLD };

	return do_clone(&request);
}

long sys_vfork(void)
{
	struct clone_request request = { .flags = CLONE_VM | CLONE_VFORK | SIGCHLD };

	return do_clone(&request);
}
