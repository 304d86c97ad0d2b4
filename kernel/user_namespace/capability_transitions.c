/*
 * capability_transitions.c: how the capability sets change when a task changes its uids
 * (set*uid, R4.10) and when it executes a program (execve, R4.7 and R8.8). Pure functions from
 * the old credentials and the new copy to the new capability sets; the set*id and exec code
 * call them before cred_commit.
 */
#include <kuid/capability.h>
#include <kuid/user_namespace.h>
#include <uapi/errno.h>

static kernel_cap_t cap_union(kernel_cap_t a, kernel_cap_t b)
{
	return (kernel_cap_t){ a.bits | b.bits };
}

static kernel_cap_t cap_intersection(kernel_cap_t a, kernel_cap_t b)
{
	return (kernel_cap_t){ a.bits & b.bits };
}

static kernel_cap_t cap_without(kernel_cap_t a, kernel_cap_t removed)
{
	return (kernel_cap_t){ a.bits & ~removed.bits };
}

/* ---- set*uid ---- */

static bool any_uid_is(const struct cred *cred, kuid_t uid)
{
	return uid_eq(cred->uid, uid) || uid_eq(cred->euid, uid) || uid_eq(cred->suid, uid);
}

void cap_fix_setuid(struct cred *new_cred, const struct cred *old_cred)
{
	/* Root is relative: uid 0 of the namespace the task is in (R4.10). */
	kuid_t root = make_kuid(old_cred->user_ns, 0);
	bool was_effective_root = uid_eq(old_cred->euid, root);
	bool is_effective_root = uid_eq(new_cred->euid, root);

	if (old_cred->securebits & SECBIT_NO_SETUID_FIXUP)
		return;

	/* Giving up root entirely gives up its powers, so a later exec cannot get them back. */
	if (any_uid_is(old_cred, root) && !any_uid_is(new_cred, root)) {
		if (!(old_cred->securebits & SECBIT_KEEP_CAPS)) {
			new_cred->cap_permitted = CAP_EMPTY_SET;
			new_cred->cap_effective = CAP_EMPTY_SET;
		}
		new_cred->cap_ambient = CAP_EMPTY_SET;
	}
	/* The effective set follows the effective uid: a root-capable program that switches
	 * to a user runs without its powers, and gets them back by switching back. */
	if (was_effective_root && !is_effective_root)
		new_cred->cap_effective = CAP_EMPTY_SET;
	if (!was_effective_root && is_effective_root)
		new_cred->cap_effective = new_cred->cap_permitted;
}

void cap_fix_setfsuid(struct cred *new_cred, const struct cred *old_cred)
{
	kuid_t root = make_kuid(old_cred->user_ns, 0);
	bool was_root = uid_eq(old_cred->fsuid, root);
	bool is_root = uid_eq(new_cred->fsuid, root);

	if (old_cred->securebits & SECBIT_NO_SETUID_FIXUP)
		return;
	if (was_root && !is_root)
		new_cred->cap_effective = cap_without(new_cred->cap_effective, CAP_FS_SET);
	if (!was_root && is_root)
		new_cred->cap_effective =
			cap_union(new_cred->cap_effective,
				  cap_intersection(new_cred->cap_permitted, CAP_FS_SET));
}

/* ---- execve ---- */

/* Linux's in_group_p for a cred that may not be the caller's: fsgid or a supplementary group. */
static bool cred_in_group(const struct cred *cred, kgid_t gid)
{
	if (gid_eq(cred->fsgid, gid))
		return true;
	for (unsigned int i = 0; cred->groups && i < cred->groups->count; i++)
		if (gid_eq(cred->groups->groups[i], gid))
			return true;
	return false;
}

/*
 * Step 1: the file's own capabilities. A program starts with nothing permitted but what its
 * file grants: fP limited by the bounding set, plus fI where the process also has it (pI).
 * Returns -EPERM when the file wants its capabilities effective but some cannot be granted:
 * such a program does not check, so it must not run with less.
 */
static int apply_file_capabilities(struct cred *new_cred,
				   const struct file_capabilities *file_caps, bool *effective,
				   struct userns_refusal *refusal)
{
	new_cred->cap_permitted = CAP_EMPTY_SET;
	if (!file_caps)
		return 0;
	new_cred->cap_permitted =
		cap_union(cap_intersection(file_caps->permitted, new_cred->cap_bounding),
			  cap_intersection(file_caps->inheritable, new_cred->cap_inheritable));
	*effective = file_caps->effective;
	if (*effective && !cap_is_subset(file_caps->permitted, new_cred->cap_permitted))
		return userns_refuse(refusal, RULE_R4_7_EXEC_CAPABILITIES, 0,
				     "the file forces capabilities outside the bounding set",
				     EPERM);
	return 0;
}

/*
 * Step 2 (R4.7): root of the namespace keeps its powers across exec. Skipped under
 * SECBIT_NOROOT, and for a setuid-root file with file capabilities run by a non-root user:
 * that file gets only its file capabilities.
 */
static void apply_root_rule(struct cred *new_cred, const struct cred *old_cred, kuid_t root,
			    bool has_file_caps, bool *effective)
{
	bool real_root = uid_eq(new_cred->uid, root);
	bool effective_root = uid_eq(new_cred->euid, root);

	if (old_cred->securebits & SECBIT_NOROOT)
		return;
	if (has_file_caps && effective_root && !real_root)
		return;
	if (real_root || effective_root)
		new_cred->cap_permitted = cap_union(old_cred->cap_bounding,
						    old_cred->cap_inheritable);
	if (effective_root)
		*effective = true;
}

int cap_exec_credentials(struct cred *new_cred, const struct cred *old_cred,
			 const struct exec_capability_context *context, bool *secure_exec,
			 struct userns_refusal *refusal)
{
	/* R4.7: root is uid 0 of the namespace the program will run in; none if unmapped. */
	kuid_t root = make_kuid(new_cred->user_ns, 0);
	bool has_file_caps = context->file_caps != NULL;
	bool effective = false;
	bool ids_changed, gained;
	int error;

	*secure_exec = false;
	error = apply_file_capabilities(new_cred, context->file_caps, &effective, refusal);
	if (error)
		return error;
	apply_root_rule(new_cred, old_cred, root, has_file_caps, &effective);

	/*
	 * R8.8: a program that gains ids or capabilities must not be run by someone who could
	 * take it over (a tracer without the right, a process sharing its fs context), nor
	 * under no_new_privs: it gets no more than the caller had.
	 */
	ids_changed = !uid_eq(new_cred->euid, old_cred->euid) ||
		      !cred_in_group(old_cred, new_cred->egid);
	gained = !cap_is_subset(new_cred->cap_permitted, old_cred->cap_permitted);
	if ((ids_changed || gained) && (context->unsafe || context->no_new_privs)) {
		if (context->no_new_privs ||
		    !has_ns_capability(old_cred, new_cred->user_ns, CAP_SETUID)) {
			new_cred->euid = new_cred->uid;
			new_cred->egid = new_cred->gid;
		}
		new_cred->cap_permitted = cap_intersection(new_cred->cap_permitted,
							   old_cred->cap_permitted);
	}

	new_cred->suid = new_cred->euid;
	new_cred->fsuid = new_cred->euid;
	new_cred->sgid = new_cred->egid;
	new_cred->fsgid = new_cred->egid;

	/* Ambient capabilities are for plain programs: a privileged file cancels them. */
	if (has_file_caps || ids_changed)
		new_cred->cap_ambient = CAP_EMPTY_SET;
	new_cred->cap_permitted = cap_union(new_cred->cap_permitted, new_cred->cap_ambient);
	new_cred->cap_effective = effective ? new_cred->cap_permitted : new_cred->cap_ambient;

	/* R4.7: PR_SET_KEEPCAPS lasts until the next exec. */
	new_cred->securebits &= ~SECBIT_KEEP_CAPS;

	/*
	 * AT_SECURE: the C library must distrust the environment (LD_PRELOAD ...) when the
	 * program runs with ids or powers its caller did not have.
	 */
	*secure_exec = ids_changed || !uid_eq(new_cred->euid, old_cred->uid) ||
		       !gid_eq(new_cred->egid, old_cred->gid) ||
		       (!uid_eq(new_cred->uid, root) &&
			(effective ||
			 !cap_is_subset(new_cred->cap_permitted, new_cred->cap_ambient)));
	return 0;
}
