/*
 * id_syscalls.c: the system calls that read the caller's ids, and the one
 * place where ids cross the user boundary (see kuid/cred.h): out through
 * from_kuid_munged, in through make_kuid, both in the caller's namespace.
 * Setting ids is set_id_syscalls.c.
 */
#include <kuid/cred.h>
#include <kuid/syscall_handlers.h>
#include <kuid/user_memory.h>
#include <kuid/user_namespace.h>
#include <uapi/errno.h>
#include <uapi/limits.h>

/* R7.1: how the caller's namespace names the id; 65534 if it cannot (R1.10). */
uid_t uid_to_user(kuid_t uid)
{
	return from_kuid_munged(current_user_ns(), uid);
}

gid_t gid_to_user(kgid_t gid)
{
	return from_kgid_munged(current_user_ns(), gid);
}

/* R7.2: the kernel id the caller means; INVALID_UID if its namespace maps no such id. */
kuid_t uid_from_user(uid_t uid)
{
	return make_kuid(current_user_ns(), uid);
}

kgid_t gid_from_user(gid_t gid)
{
	return make_kgid(current_user_ns(), gid);
}

/*
 * The four getters read the credentials once and translate in their
 * namespace: these are among the most frequent system calls there are.
 */
long sys_getuid(void)
{
	const struct cred *cred = current_cred();

	return from_kuid_munged(cred->user_ns, cred->uid);
}

long sys_geteuid(void)
{
	const struct cred *cred = current_cred();

	return from_kuid_munged(cred->user_ns, cred->euid);
}

long sys_getgid(void)
{
	const struct cred *cred = current_cred();

	return from_kgid_munged(cred->user_ns, cred->gid);
}

long sys_getegid(void)
{
	const struct cred *cred = current_cred();

	return from_kgid_munged(cred->user_ns, cred->egid);
}

/* Write three ids; any bad pointer is -EFAULT. */
static long put_three(uint32_t __user *first, uint32_t __user *second, uint32_t __user *third,
		      const uint32_t values[3])
{
	if (copy_to_user(first, &values[0], sizeof(values[0])) ||
	    copy_to_user(second, &values[1], sizeof(values[1])) ||
	    copy_to_user(third, &values[2], sizeof(values[2])))
		return -EFAULT;
	return 0;
}

long sys_getresuid(uint32_t __user *real, uint32_t __user *effective, uint32_t __user *saved)
{
	const struct cred *cred = current_cred();
	const uint32_t ids[3] = { uid_to_user(cred->uid), uid_to_user(cred->euid),
				  uid_to_user(cred->suid) };

	return put_three(real, effective, saved, ids);
}

long sys_getresgid(uint32_t __user *real, uint32_t __user *effective, uint32_t __user *saved)
{
	const struct cred *cred = current_cred();
	const uint32_t ids[3] = { gid_to_user(cred->gid), gid_to_user(cred->egid),
				  gid_to_user(cred->sgid) };

	return put_three(real, effective, saved, ids);
}

/* size 0 asks only for the count; a smaller size than the count is -EINVAL. */
long sys_getgroups(int size, uint32_t __user *list)
{
	const struct group_info *groups = current_cred()->groups;

	if (size < 0)
		return -EINVAL;
	if (size == 0)
		return groups->count;
	if ((unsigned int)size < groups->count)
		return -EINVAL;
	for (unsigned int i = 0; i < groups->count; i++) {
		uint32_t gid = gid_to_user(groups->groups[i]);

		if (copy_to_user(&list[i], &gid, sizeof(gid)))
			return -EFAULT;
	}
	return groups->count;
}
