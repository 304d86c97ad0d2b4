/*
 * task_syscalls.c: the small system calls about the calling thread and its
 * process: who am I (getpid, getppid, gettid, answered in the caller's pid
 * namespace), thread start-up bookkeeping (set_tid_address, set_robust_list,
 * rseq), the TLS base (arch_prctl) and the thread's name (prctl).
 */
#include <kuid/cred.h>
#include <kuid/pid_namespace.h>
#include <kuid/string.h>
#include <kuid/syscall_handlers.h>
#include <kuid/task.h>
#include <kuid/user_memory.h>
#include <kuid/user_registers.h>
#include <uapi/arch_prctl.h>
#include <uapi/errno.h>
#include <uapi/prctl.h>

#include "task_internal.h"

/* Ids answer in the caller's own pid namespace (R12.1): pid_own_number. */
long sys_getpid(void)
{
	return pid_own_number(current_task()->process->process_pid);
}

/* A parent outside the caller's pid namespace has no number there: 0 (R12.1). */
long sys_getppid(void)
{
	unsigned long irq_state = tasks_lock();
	struct process *parent = current_task()->process->parent;
	pid_t pid = parent ? pid_number_in(parent->process_pid, current_pid_ns()) : 0;

	tasks_unlock(irq_state);
	return pid;
}

long sys_gettid(void)
{
	return pid_own_number(current_task()->thread_pid);
}

/* Where exit writes 0 (and would wake a futex): what pthread_join waits on. */
long sys_set_tid_address(int __user *address)
{
	current_task()->clear_child_tid = (uintptr_t)address;
	return pid_own_number(current_task()->thread_pid);
}

/*
 * The robust futex list is only remembered: with no futexes in kuid there
 * is nobody to wake when its owner dies. glibc calls this at every start.
 */
long sys_set_robust_list(void __user *head, size_t length)
{
	/* The size of struct robust_list_head: the one value Linux accepts. */
	if (length != 3 * sizeof(uint64_t))
		return -EINVAL;
	current_task()->robust_list_head = (uintptr_t)head;
	current_task()->robust_list_length = length;
	return 0;
}

/* Restartable sequences: not supported, which C libraries accept without complaint. */
long sys_rseq(void __user *rseq, uint32_t length, int flags, uint32_t signature)
{
	(void)rseq;
	(void)length;
	(void)flags;
	(void)signature;
	return -ENOSYS;
}

long sys_arch_prctl(int code, unsigned long address)
{
	struct task *task = current_task();
	uint64_t base;

	switch (code) {
	case ARCH_SET_FS:
		/* A base beyond user space would make the TLS reach into the kernel. */
		if (!user_range_is_valid(address, 0))
			return -EPERM;
		user_cpu_state_set_tls_base(task->cpu_state, address, true);
		return 0;
	case ARCH_GET_FS:
		base = user_cpu_state_tls_base(task->cpu_state);
		return copy_to_user((void __user *)address, &base, sizeof(base));
	default:
		return -EINVAL;
	}
}

long sys_prctl(int option, unsigned long argument2, unsigned long argument3,
	       unsigned long argument4, unsigned long argument5)
{
	struct task *task = current_task();
	char name[TASK_COMM_LEN];
	long length;

	switch (option) {
	case PR_SET_NAME:
		/* Longer names are cut to 15 characters, as on Linux. */
		memset(name, 0, sizeof(name));
		length = copy_string_from_user(name, (const char __user *)argument2, sizeof(name));
		if (length == -EFAULT)
			return -EFAULT;
		name[sizeof(name) - 1] = '\0';
		task_set_comm(task, name);
		return 0;
	case PR_GET_NAME:
		memcpy(name, task->comm, sizeof(name));
		return copy_to_user((void __user *)argument2, name, sizeof(name));
	default:
		/* Capabilities, securebits, dumpability: kernel/cred/prctl_capabilities.c. */
		return prctl_credentials(option, argument2, argument3, argument4, argument5);
	}
}
