/*
 * set_id_syscalls.c: setuid, setgid, setreuid, setregid, setresuid,
 * setresgid, setfsuid and setfsgid (R7.2). Each one translates the ids in the
 * caller's user namespace, refuses an unmapped one with -EINVAL before any
 * permission check, and lets set_id_rules.c change a copy of the credentials.
 */
#include <kuid/capability.h>
#include <kuid/cred.h>
#include <kuid/syscall_handlers.h>
#include <kuid/user_namespace.h>
#include <uapi/errno.h>

#define LEAVE_ALONE ((uint32_t)-1)	/* user space's -1: this id stays as it is */

/*
 * R7.2: the kernel id of a requested uid; -1 becomes INVALID_UID, "leave it".
 * -EINVAL for any other id the caller's namespace does not map.
 */
static int requested_uid(uid_t uid, kuid_t *kuid)
{
	*kuid = uid == LEAVE_ALONE ? INVALID_UID : uid_from_user(uid);
	if (uid != LEAVE_ALONE && !uid_valid(*kuid))
		return userns_refuse(NULL, RULE_R7_2_SET_ID, 0, "the uid is not mapped", EINVAL);
	return 0;
}

static int requested_gid(gid_t gid, kgid_t *kgid)
{
	*kgid = gid == LEAVE_ALONE ? INVALID_GID : gid_from_user(gid);
	if (gid != LEAVE_ALONE && !gid_valid(*kgid))
		return userns_refuse(NULL, RULE_R7_2_SET_ID, 0, "the gid is not mapped", EINVAL);
	return 0;
}

/* R7.2: privilege for set*id is the capability in the caller's own namespace. */
static bool setid_privileged(int capability)
{
	return ns_capable(current_user_ns(), capability);
}

long sys_setuid(uid_t uid)
{
	/* setuid has no "leave it": -1 is just another unmapped id. */
	kuid_t kuid = uid_from_user(uid);
	struct cred *new_cred;
	long error;

	if (!uid_valid(kuid))
		return userns_refuse(NULL, RULE_R7_2_SET_ID, 0, "the uid is not mapped", EINVAL);
	new_cred = cred_prepare();
	if (!new_cred)
		return -ENOMEM;
	error = cred_setuid(new_cred, current_cred(), kuid,
			    setid_privileged(CAP_SETUID), NULL);
	return cred_commit_or_abort(new_cred, error);
}

long sys_setreuid(uid_t ruid, uid_t euid)
{
	struct cred *new_cred;
	kuid_t kruid, keuid;
	long error = requested_uid(ruid, &kruid);

	if (!error)
		error = requested_uid(euid, &keuid);
	if (error)
		return error;
	new_cred = cred_prepare();
	if (!new_cred)
		return -ENOMEM;
	error = cred_setreuid(new_cred, current_cred(), kruid, keuid,
			      setid_privileged(CAP_SETUID), NULL);
	return cred_commit_or_abort(new_cred, error);
}

long sys_setresuid(uid_t ruid, uid_t euid, uid_t suid)
{
	struct cred *new_cred;
	kuid_t kruid, keuid, ksuid;
	long error = requested_uid(ruid, &kruid);

	if (!error)
		error = requested_uid(euid, &keuid);
	if (!error)
		error = requested_uid(suid, &ksuid);
	if (error)
		return error;
	new_cred = cred_prepare();
	if (!new_cred)
		return -ENOMEM;
	error = cred_setresuid(new_cred, current_cred(), kruid, keuid, ksuid,
			       setid_privileged(CAP_SETUID), NULL);
	return cred_commit_or_abort(new_cred, error);
}

/* setfsuid never fails: it answers the old fsuid, as the caller's namespace names it. */
long sys_setfsuid(uid_t uid)
{
	const struct cred *old_cred = current_cred();
	uid_t old_fsuid = uid_to_user(old_cred->fsuid);
	struct cred *new_cred = cred_prepare();

	if (!new_cred)
		return old_fsuid;
	if (cred_setfsuid(new_cred, old_cred, uid_from_user(uid), setid_privileged(CAP_SETUID)))
		cred_commit(new_cred);
	else
		cred_abort(new_cred);
	return old_fsuid;
}

long sys_setgid(gid_t gid)
{
	kgid_t kgid = gid_from_user(gid);
	struct cred *new_cred;
	long error;

	if (!gid_valid(kgid))
		return userns_refuse(NULL, RULE_R7_2_SET_ID, 0, "the gid is not mapped", EINVAL);
	new_cred = cred_prepare();
	if (!new_cred)
		return -ENOMEM;
	error = cred_setgid(new_cred, current_cred(), kgid,
			    setid_privileged(CAP_SETGID), NULL);
	return cred_commit_or_abort(new_cred, error);
}

long sys_setregid(gid_t rgid, gid_t egid)
{
	struct cred *new_cred;
	kgid_t krgid, kegid;
	long error = requested_gid(rgid, &krgid);

	if (!error)
		error = requested_gid(egid, &kegid);
	if (error)
		return error;
	new_cred = cred_prepare();
	if (!new_cred)
		return -ENOMEM;
	error = cred_setregid(new_cred, current_cred(), krgid, kegid,
			      setid_privileged(CAP_SETGID), NULL);
	return cred_commit_or_abort(new_cred, error);
}

long sys_setresgid(gid_t rgid, gid_t egid, gid_t sgid)
{
	struct cred *new_cred;
	kgid_t krgid, kegid, ksgid;
	long error = requested_gid(rgid, &krgid);

	if (!error)
		error = requested_gid(egid, &kegid);
	if (!error)
		error = requested_gid(sgid, &ksgid);
	if (error)
		return error;
	new_cred = cred_prepare();
	if (!new_cred)
		return -ENOMEM;
	error = cred_setresgid(new_cred, current_cred(), krgid, kegid, ksgid,
			       setid_privileged(CAP_SETGID), NULL);
	return cred_commit_or_abort(new_cred, error);
}

long sys_setfsgid(gid_t gid)
{
	const struct cred *old_cred = current_cred();
	gid_t old_fsgid = gid_to_user(old_cred->fsgid);
	struct cred *new_cred = cred_prepare();

	if (!new_cred)
		return old_fsgid;
	if (cred_setfsgid(new_cred, old_cred, gid_from_user(gid), setid_privileged(CAP_SETGID)))
		cred_commit(new_cred);
	else
		cred_abort(new_cred);
	return old_fsgid;
}
