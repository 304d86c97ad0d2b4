/*
 * clone_namespaces.c: the namespaces of a child that clone(2) makes (R5.2). fork.c makes the
 * child's credentials first, with a new user namespace for CLONE_NEWUSER; everything else
 * the child gets new is then owned by that user namespace, so an unprivileged
 * clone(CLONE_NEWUSER | CLONE_NEWUTS) gives a child that owns its own host name.
 */
#include <kuid/capability.h>
#include <kuid/cred.h>
#include <kuid/nsproxy.h>
#include <uapi/capability.h>
#include <uapi/errno.h>
#include <uapi/sched.h>

int namespace_set_for_child(unsigned long flags, const struct cred *child_cred,
			    struct namespace_set **result, struct userns_refusal *refusal)
{
	struct namespace_set *parent_set = current_namespaces();

	if (!(flags & NAMESPACE_SET_FLAGS)) {
		*result = namespace_set_get(parent_set);
		return 0;
	}
	/*
	 * R5.2: judged with the child's credentials in the child's user namespace. After
	 * CLONE_NEWUSER they hold every capability there; without it they are the caller's.
	 */
	if (!has_ns_capability(child_cred, child_cred->user_ns, CAP_SYS_ADMIN))
		return userns_refuse(refusal, RULE_R5_2_NAMESPACE_CAPABILITY, 0,
				     "new namespaces need CAP_SYS_ADMIN in the child's user ns",
				     EPERM);
	/* R5.1: SYSVSEM shares semaphore undo state, which a new IPC namespace cannot reach. */
	if ((flags & (CLONE_NEWIPC | CLONE_SYSVSEM)) == (CLONE_NEWIPC | CLONE_SYSVSEM))
		return userns_refuse(refusal, RULE_R5_1_CLONE_FLAGS, 0,
				     "CLONE_NEWIPC with CLONE_SYSVSEM", EINVAL);
	return namespace_set_create(flags, parent_set, child_cred, result, refusal);
}
