/*
 * setns_rules.c: may these credentials join that namespace with setns(2)? (R5.8, R5.9) The
 * caller describes its situation (threads, a shared fs context, its pid namespace), so the
 * rules are judged for any credentials: setns.c asks them for the caller's own, the tests for
 * hand-built ones.
 */
#include <kuid/capability.h>
#include <kuid/cred.h>
#include <kuid/nsproxy.h>
#include <kuid/pid_namespace.h>
#include <kuid/user_namespace.h>
#include <uapi/capability.h>
#include <uapi/errno.h>

/* R5.8, Linux's userns_install, in its order. */
int setns_check_user_ns(const struct cred *cred, struct user_namespace *target,
			const struct setns_situation *situation, struct userns_refusal *refusal)
{
	/* Re-entering one's own namespace would give back capabilities dropped in it. */
	if (target == cred->user_ns)
		return userns_refuse(refusal, RULE_R5_8_JOIN_USER_NS, 0,
				     "re-entering one's own user ns would regain capabilities",
				     EINVAL);
	if (situation->other_threads)
		return userns_refuse(refusal, RULE_R5_8_JOIN_USER_NS, 0,
				     "the threads of a process share one user ns", EINVAL);
	if (situation->fs_shared)
		return userns_refuse(refusal, RULE_R5_8_JOIN_USER_NS, 0,
				     "root and cwd are shared with another process (CLONE_FS)",
				     EINVAL);
	/* R4.1: the ancestors' capabilities and the owner rule count. */
	if (!has_ns_capability(cred, target, CAP_SYS_ADMIN))
		return userns_refuse(refusal, RULE_R5_8_JOIN_USER_NS, 0,
				     "no CAP_SYS_ADMIN in the target user ns", EPERM);
	return 0;
}

/* R5.9, Linux's *ns_install of each type: the capabilities first, then the type's own rules. */
int setns_check_other_ns(const struct cred *cred, struct ns_common *ns,
			 const struct setns_situation *situation, struct userns_refusal *refusal)
{
	if (!has_ns_capability(cred, ns->owner, CAP_SYS_ADMIN) ||
	    !has_ns_capability(cred, cred->user_ns, CAP_SYS_ADMIN))
		return userns_refuse(refusal, RULE_R5_9_JOIN_OTHER_NS, 0,
				     "no CAP_SYS_ADMIN over the owner or in one's own user ns",
				     EPERM);
	switch (ns->operations->type) {
	case NS_TYPE_MNT:
		/* Joining moves root and cwd: as much power as chroot. */
		if (!has_ns_capability(cred, cred->user_ns, CAP_SYS_CHROOT))
			return userns_refuse(refusal, RULE_R5_9_JOIN_OTHER_NS, 0,
					     "joining a mount ns needs CAP_SYS_CHROOT", EPERM);
		if (situation->fs_shared)
			return userns_refuse(refusal, RULE_R5_9_JOIN_OTHER_NS, 0,
					     "root and cwd are shared with another process",
					     EINVAL);
		return 0;
	case NS_TYPE_PID:
		/* One's own pid ns or one below it: a process never climbs out. */
		if (!pid_ns_is_same_or_ancestor(situation->active_pid_ns, to_pid_ns(ns)))
			return userns_refuse(refusal, RULE_R5_9_JOIN_OTHER_NS, 0,
					     "the pid ns is not the caller's or below it", EINVAL);
		return 0;
	default:
		return 0;
	}
}
