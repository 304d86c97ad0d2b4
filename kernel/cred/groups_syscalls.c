/*
 * groups_syscalls.c: setgroups(2), replacing the supplementary groups
 * (R3.23). getgroups is with the other id readers in id_syscalls.c.
 */
#include <kuid/capability.h>
#include <kuid/cred.h>
#include <kuid/heap.h>
#include <kuid/syscall_handlers.h>
#include <kuid/user_memory.h>
#include <kuid/user_namespace.h>
#include <uapi/errno.h>
#include <uapi/limits.h>

/* Copy and translate the user's list; each gid must be mapped (R3.23). */
static long groups_from_user(struct group_info *groups, const uint32_t __user *list)
{
	for (unsigned int i = 0; i < groups->count; i++) {
		uint32_t gid;

		if (copy_from_user(&gid, &list[i], sizeof(gid)))
			return -EFAULT;
		groups->groups[i] = gid_from_user(gid);
		if (!gid_valid(groups->groups[i]))
			return userns_refuse(NULL, RULE_R3_23_SETGROUPS, 0,
					     "a supplementary gid is not mapped", EINVAL);
	}
	groups_sort(groups);
	return 0;
}

long sys_setgroups(int size, const uint32_t __user *list)
{
	struct group_info *groups;
	struct cred *new_cred = NULL;
	long error;

	error = cred_may_setgroups(current_cred(), NULL);
	if (error)
		return error;
	/* A negative size is a huge unsigned one, as in Linux. */
	if ((unsigned int)size > NGROUPS_MAX)
		return -EINVAL;
	groups = groups_alloc((unsigned int)size);
	if (!groups)
		return -ENOMEM;
	error = groups_from_user(groups, list);
	if (error)
		goto out;
	new_cred = cred_prepare();
	if (!new_cred) {
		error = -ENOMEM;
		goto out;
	}
	/* The copy's reference to the old list goes; ours to the new one moves into it. */
	put_group_info(new_cred->groups);
	new_cred->groups = groups;
	groups = NULL;
	cred_commit(new_cred);
out:
	put_group_info(groups);
	return error;
}
