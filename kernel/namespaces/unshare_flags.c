/*
 * unshare_flags.c: which flags unshare(2) takes and what they imply (R5.4). Pure logic: the
 * caller describes its process, so the rules are tested on the host and in the kernel alike.
 */
#include <kuid/nsproxy.h>
#include <uapi/errno.h>
#include <uapi/sched.h>

unsigned long unshare_implied_flags(unsigned long flags)
{
	/* A user namespace is per process, and its root and cwd must not be shared with others. */
	if (flags & CLONE_NEWUSER)
		flags |= CLONE_THREAD | CLONE_FS;
	/* Order matters: VM brings SIGHAND, which brings THREAD. */
	if (flags & CLONE_VM)
		flags |= CLONE_SIGHAND;
	if (flags & CLONE_SIGHAND)
		flags |= CLONE_THREAD;
	/* A new mount tree means root and cwd must move into it alone. */
	if (flags & CLONE_NEWNS)
		flags |= CLONE_FS;
	return flags;
}

int unshare_check_flags(unsigned long flags, const struct unshare_situation *situation,
			struct userns_refusal *refusal)
{
	if (flags & ~(unsigned long)UNSHARE_ACCEPTED_FLAGS)
		return userns_refuse(refusal, RULE_R5_4_UNSHARE_FLAGS, 0,
				     "a clone-only or unknown flag", EINVAL);
	/* kuid has no time namespaces yet (docs/namespaces.md). */
	if (flags & CLONE_NEWTIME)
		return userns_refuse(refusal, RULE_R5_4_UNSHARE_FLAGS, 0,
				     "kuid does not model time namespaces", EINVAL);
	/* "Stop sharing" a thing nobody shares is fine: unsharing cannot split a process. */
	if ((flags & (CLONE_THREAD | CLONE_SIGHAND | CLONE_VM)) && situation->other_threads)
		return userns_refuse(refusal, RULE_R5_4_UNSHARE_FLAGS, 0,
				     "the process has other threads", EINVAL);
	if ((flags & (CLONE_SIGHAND | CLONE_VM)) && situation->shared_signal_handlers)
		return userns_refuse(refusal, RULE_R5_4_UNSHARE_FLAGS, 0,
				     "the signal handlers are shared", EINVAL);
	if ((flags & CLONE_VM) && situation->shared_memory)
		return userns_refuse(refusal, RULE_R5_4_UNSHARE_FLAGS, 0,
				     "the address space is shared", EINVAL);
	return 0;
}
