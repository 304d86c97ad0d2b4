/*
 * set_id_exec.c: what a program's set-user-ID and set-group-ID bits do to
 * the credentials of whoever runs it (R8.6, Linux's bprm_fill_uid). Pure: the
 * exec code passes the file's mode, owner and mount flag.
 */
#include <kuid/cred.h>
#include <kuid/exec.h>
#include <kuid/user_namespace.h>
#include <uapi/stat.h>

void exec_apply_set_id(struct cred *new_cred, const struct exec_file_owner *file)
{
	/* R8.6: a nosuid mount means the bits are not there. */
	if (file->nosuid)
		return;
	/*
	 * R8.6: both bits are ignored, silently, unless the caller's namespace can
	 * name both the file's owner and its group: a container must not become
	 * an id it cannot even see (Obs 8b, "set-id bits need both owner ids mapped").
	 */
	if (!kuid_has_mapping(new_cred->user_ns, file->uid) ||
	    !kgid_has_mapping(new_cred->user_ns, file->gid))
		return;
	if (file->mode & S_ISUID)
		new_cred->euid = file->uid;
	/* Without group execute, S_ISGID means mandatory locking, not "run as group". */
	if ((file->mode & (S_ISGID | S_IXGRP)) == (S_ISGID | S_IXGRP))
		new_cred->egid = file->gid;
}
