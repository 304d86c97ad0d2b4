/*
 * capability_syscalls.c: capget(2) and capset(2), reading and changing the
 * capability sets through Linux's header-and-data structures. Version 1 has
 * one data struct (capabilities 0..31), versions 2 and 3 have two. The rules
 * of what capset may do are in capability_rules.c.
 */
#include <kuid/capability.h>
#include <kuid/cred.h>
#include <kuid/string.h>
#include <kuid/syscall_handlers.h>
#include <kuid/task.h>
#include <kuid/user_memory.h>
#include <kuid/user_namespace.h>
#include <uapi/capability.h>
#include <uapi/errno.h>

#define CAP_DATA_MAX 2

/*
 * How many data structs the header's version means. An unknown version is
 * -EINVAL, and the kernel writes its own version (3) into the header so the
 * program learns what to ask for.
 */
static long data_count_of(struct __user_cap_header_struct __user *header, unsigned int *count)
{
	uint32_t version;

	if (copy_from_user(&version, &header->version, sizeof(version)))
		return -EFAULT;
	switch (version) {
	case _LINUX_CAPABILITY_VERSION_1:
		*count = _LINUX_CAPABILITY_U32S_1;
		return 0;
	case _LINUX_CAPABILITY_VERSION_2:
		*count = _LINUX_CAPABILITY_U32S_2;
		return 0;
	case _LINUX_CAPABILITY_VERSION_3:
		*count = _LINUX_CAPABILITY_U32S_3;
		return 0;
	default:
		version = _LINUX_CAPABILITY_VERSION_3;
		if (copy_to_user(&header->version, &version, sizeof(version)))
			return -EFAULT;
		return -EINVAL;
	}
}

/* The credentials capget reads: the caller's, or (pid > 0) that thread's. */
static long target_cred(int pid, const struct cred **cred)
{
	struct task *task;

	if (pid == 0 || pid == pid_own_number(current_task()->thread_pid)) {
		*cred = get_cred(current_cred());
		return 0;
	}
	task = task_find(pid_global_from_caller(pid));	/* named in the caller's pid ns */
	if (!task)
		return -ESRCH;
	*cred = task_get_cred(task);
	task_put(task);
	return 0;
}

long sys_capget(struct __user_cap_header_struct __user *header,
		struct __user_cap_data_struct __user *data)
{
	struct __user_cap_data_struct words[CAP_DATA_MAX];
	const struct cred *cred;
	unsigned int count;
	int32_t pid;
	long error = data_count_of(header, &count);

	/* A NULL data pointer only asks for the version: even a wrong one answers 0. */
	if (!data)
		return error == -EINVAL ? 0 : error;
	if (error)
		return error;
	if (copy_from_user(&pid, &header->pid, sizeof(pid)))
		return -EFAULT;
	if (pid < 0)
		return -EINVAL;
	error = target_cred(pid, &cred);
	if (error)
		return error;
	for (unsigned int i = 0; i < CAP_DATA_MAX; i++) {
		words[i].effective = (uint32_t)(cred->cap_effective.bits >> (32 * i));
		words[i].permitted = (uint32_t)(cred->cap_permitted.bits >> (32 * i));
		words[i].inheritable = (uint32_t)(cred->cap_inheritable.bits >> (32 * i));
	}
	put_cred(cred);
	return copy_to_user(data, words, count * sizeof(words[0])) ? -EFAULT : 0;
}

/* Two 32-bit words into a set; bits above CAP_LAST_CAP are dropped, as Linux does. */
static kernel_cap_t set_of(uint32_t low, uint32_t high)
{
	return (kernel_cap_t){ (((uint64_t)high << 32) | low) & CAP_FULL_SET.bits };
}

long sys_capset(struct __user_cap_header_struct __user *header,
		const struct __user_cap_data_struct __user *data)
{
	struct __user_cap_data_struct words[CAP_DATA_MAX];
	kernel_cap_t effective, permitted, inheritable;
	struct cred *new_cred;
	unsigned int count;
	int32_t pid;
	long error = data_count_of(header, &count);

	if (error)
		return error;
	if (copy_from_user(&pid, &header->pid, sizeof(pid)))
		return -EFAULT;
	/* A task changes only its own capabilities. */
	if (pid != 0 && pid != pid_own_number(current_task()->thread_pid))
		return -EPERM;
	memset(words, 0, sizeof(words));
	if (copy_from_user(words, data, count * sizeof(words[0])))
		return -EFAULT;
	effective = set_of(words[0].effective, words[1].effective);
	permitted = set_of(words[0].permitted, words[1].permitted);
	inheritable = set_of(words[0].inheritable, words[1].inheritable);

	new_cred = cred_prepare();
	if (!new_cred)
		return -ENOMEM;
	error = capset_check(current_cred(), effective, permitted, inheritable,
			     ns_capable(current_user_ns(), CAP_SETPCAP), NULL);
	if (error) {
		cred_abort(new_cred);
		return error;
	}
	capset_apply(new_cred, effective, permitted, inheritable);
	cred_commit(new_cred);
	return 0;
}
