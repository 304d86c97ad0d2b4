/*
 * ptrace_access.c: may one process look inside another (R8.3)? Linux asks this question,
 * ptrace_may_access, before ptrace and before /proc shows what a process holds: its
 * namespaces (/proc/PID/ns, R6.2), its environment, its open files. It is stricter than kill
 * (R8.1): signalling needs one matching uid, inspecting needs *every* id to match.
 */
#include <kuid/address_space.h>
#include <kuid/capability.h>
#include <kuid/cred.h>
#include <kuid/task.h>
#include <kuid/user_namespace.h>
#include <uapi/errno.h>

/* Are all three of the target's uids and gids the caller's (fs or real) uid and gid? */
static bool same_ids(const struct cred *caller, const struct cred *target, unsigned int mode)
{
	kuid_t uid = (mode & PTRACE_MODE_FSCREDS) ? caller->fsuid : caller->uid;
	kgid_t gid = (mode & PTRACE_MODE_FSCREDS) ? caller->fsgid : caller->gid;

	return uid_eq(uid, target->uid) && uid_eq(uid, target->euid) &&
	       uid_eq(uid, target->suid) && gid_eq(gid, target->gid) &&
	       gid_eq(gid, target->egid) && gid_eq(gid, target->sgid);
}

int ptrace_access_check(const struct cred *caller, bool same_process, const struct cred *target,
			bool target_dumpable, struct user_namespace *memory_ns, unsigned int mode,
			struct userns_refusal *refusal)
{
	bool may_trace = has_ns_capability(caller, target->user_ns, CAP_SYS_PTRACE);
	/* FSCREDS looks at what the caller can use now, REALCREDS at what it could raise. */
	kernel_cap_t caller_caps = (mode & PTRACE_MODE_FSCREDS) ? caller->cap_effective :
								   caller->cap_permitted;

	if (same_process)
		return 0;
	if (!same_ids(caller, target, mode) && !may_trace)
		return userns_refuse(refusal, RULE_R8_3_PTRACE_ACCESS, 0,
				     "not all of the target's ids are the caller's", EPERM);
	/*
	 * A process that changed credentials may hold what its old identity saw (R8.5), so it
	 * takes CAP_SYS_PTRACE in the namespace of its memory (its address space's user_ns, set
	 * at its last execve), as Linux asks of mm->user_ns.
	 */
	if (!target_dumpable &&
	    !has_ns_capability(caller, memory_ns ? memory_ns : target->user_ns, CAP_SYS_PTRACE))
		return userns_refuse(refusal, RULE_R8_3_PTRACE_ACCESS, 0,
				     "the target is not dumpable", EPERM);
	/*
	 * The commoncap rule: matching ids are enough only within one user namespace and when
	 * the target has no capability the caller lacks; otherwise CAP_SYS_PTRACE over the
	 * target's namespace. So a container's root cannot look at a same-uid host process.
	 */
	if (caller->user_ns == target->user_ns &&
	    cap_is_subset(target->cap_permitted, caller_caps))
		return 0;
	if (may_trace)
		return 0;
	return userns_refuse(refusal, RULE_R8_3_PTRACE_ACCESS, 0,
			     "another namespace or more capabilities, and no CAP_SYS_PTRACE", EPERM);
}

bool ptrace_may_access(struct task *task, unsigned int mode)
{
	struct task *caller = current_task();
	const struct cred *target = task_get_cred(task);
	struct address_space *space = task_get_address_space(task);
	int error = ptrace_access_check(current_cred(), task->process == caller->process, target,
					task_dumpable(task) == DUMPABLE_USER,
					space ? space->user_ns : NULL, mode, NULL);

	if (space)
		address_space_put(space);
	put_cred(target);
	return error == 0;
}
