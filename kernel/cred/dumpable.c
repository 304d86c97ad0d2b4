/*
 * dumpable.c: whether a process may be inspected by its owner (R8.5), and
 * who owns its /proc/PID files (R3.1). A process that changed credentials is
 * "non-dumpable": its memory may still hold what the old identity could see.
 */
#include <kuid/address_space.h>
#include <kuid/cred.h>
#include <kuid/task.h>
#include <kuid/user_namespace.h>

int task_dumpable(const struct task *task)
{
	return __atomic_load_n(&task->process->dumpable, __ATOMIC_RELAXED);
}

void task_set_dumpable(struct task *task, int dumpable)
{
	__atomic_store_n(&task->process->dumpable, dumpable, __ATOMIC_RELAXED);
}

void task_dump_owner(struct task *task, kuid_t *uid, kgid_t *gid)
{
	const struct cred *cred = task_get_cred(task);
	struct address_space *space = task_get_address_space(task);
	struct user_namespace *ns = cred->user_ns;

	if (task_dumpable(task) == DUMPABLE_USER) {
		*uid = cred->euid;
		*gid = cred->egid;
	} else {
		/*
		 * R3.1: root of the namespace the process's memory belongs to (Linux's
		 * mm->user_ns: the credentials' namespace at the last execve, kept across
		 * fork), who has every power there anyway; the global root when that
		 * namespace has no root mapped. A process that unshared a namespace and
		 * then changed ids without exec keeps the outer namespace's root as owner.
		 * A task without a space made by execve falls back to its credentials'.
		 */
		if (space && space->user_ns)
			ns = space->user_ns;
		*uid = make_kuid(ns, 0);
		*gid = make_kgid(ns, 0);
		if (!uid_valid(*uid))
			*uid = GLOBAL_ROOT_UID;
		if (!gid_valid(*gid))
			*gid = GLOBAL_ROOT_GID;
	}
	address_space_put(space);
	put_cred(cred);
}
