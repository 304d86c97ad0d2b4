/*
 * prctl_capabilities.c: the prctl(2) options about capabilities and
 * credentials: the bounding set (PR_CAPBSET_*), the ambient set
 * (PR_CAP_AMBIENT), securebits and keep-caps (R4.9), and dumpability (R8.5).
 * sys_prctl (kernel/task/task_syscalls.c) hands these options over here.
 */
#include <kuid/capability.h>
#include <kuid/cred.h>
#include <kuid/task.h>
#include <kuid/user_namespace.h>
#include <uapi/capability.h>
#include <uapi/errno.h>
#include <uapi/prctl.h>

static bool capability_argument_valid(unsigned long capability)
{
	return capability <= CAP_LAST_CAP;
}

/* PR_CAPBSET_DROP: a capability dropped from the bounding set never comes back by exec. */
static long bounding_set_drop(unsigned long capability)
{
	struct cred *new_cred;

	if (!ns_capable(current_user_ns(), CAP_SETPCAP))
		return userns_refuse(NULL, RULE_R4_CAPSET, 0,
				     "dropping from the bounding set needs CAP_SETPCAP", EPERM);
	if (!capability_argument_valid(capability))
		return -EINVAL;
	new_cred = cred_prepare();
	if (!new_cred)
		return -ENOMEM;
	new_cred->cap_bounding = cap_lower(new_cred->cap_bounding, (int)capability);
	return cred_commit_or_abort(new_cred, 0);
}

static long ambient(unsigned long operation, unsigned long capability, unsigned long unused4,
		    unsigned long unused5)
{
	const struct cred *cred = current_cred();
	struct cred *new_cred;
	long error = 0;

	if (operation == PR_CAP_AMBIENT_CLEAR_ALL) {
		if (capability | unused4 | unused5)
			return -EINVAL;
		new_cred = cred_prepare();
		if (!new_cred)
			return -ENOMEM;
		new_cred->cap_ambient = CAP_EMPTY_SET;
		return cred_commit_or_abort(new_cred, 0);
	}
	if (!capability_argument_valid(capability) || unused4 || unused5)
		return -EINVAL;
	if (operation == PR_CAP_AMBIENT_IS_SET)
		return cap_raised(cred->cap_ambient, (int)capability);
	if (operation != PR_CAP_AMBIENT_RAISE && operation != PR_CAP_AMBIENT_LOWER)
		return -EINVAL;
	if (operation == PR_CAP_AMBIENT_RAISE) {
		error = ambient_raise_check(cred, (int)capability, NULL);
		if (error)
			return error;
	}
	new_cred = cred_prepare();
	if (!new_cred)
		return -ENOMEM;
	new_cred->cap_ambient = operation == PR_CAP_AMBIENT_RAISE
					? cap_raise(new_cred->cap_ambient, (int)capability)
					: cap_lower(new_cred->cap_ambient, (int)capability);
	return cred_commit_or_abort(new_cred, 0);
}

static long set_securebits(unsigned long bits)
{
	struct cred *new_cred;
	/* R4.9: CAP_SETPCAP in the caller's own namespace, and locks hold. */
	long error = securebits_check(current_cred()->securebits, bits,
				      ns_capable(current_user_ns(), CAP_SETPCAP), NULL);

	if (error)
		return error;
	new_cred = cred_prepare();
	if (!new_cred)
		return -ENOMEM;
	new_cred->securebits = (unsigned int)bits;
	return cred_commit_or_abort(new_cred, 0);
}

static long set_keep_caps(unsigned long keep)
{
	struct cred *new_cred;

	if (keep > 1)
		return -EINVAL;
	if (current_cred()->securebits & SECBIT_KEEP_CAPS_LOCKED)
		return userns_refuse(NULL, RULE_R4_9_SECUREBITS, 0,
				     "SECBIT_KEEP_CAPS is locked", EPERM);
	new_cred = cred_prepare();
	if (!new_cred)
		return -ENOMEM;
	if (keep)
		new_cred->securebits |= SECBIT_KEEP_CAPS;
	else
		new_cred->securebits &= ~SECBIT_KEEP_CAPS;
	return cred_commit_or_abort(new_cred, 0);
}

long prctl_credentials(int option, unsigned long argument2, unsigned long argument3,
		       unsigned long argument4, unsigned long argument5)
{
	const struct cred *cred = current_cred();

	switch (option) {
	case PR_CAPBSET_READ:
		if (!capability_argument_valid(argument2))
			return -EINVAL;
		return cap_raised(cred->cap_bounding, (int)argument2);
	case PR_CAPBSET_DROP:
		return bounding_set_drop(argument2);
	case PR_CAP_AMBIENT:
		return ambient(argument2, argument3, argument4, argument5);
	case PR_GET_SECUREBITS:
		return cred->securebits;
	case PR_SET_SECUREBITS:
		return set_securebits(argument2);
	case PR_GET_KEEPCAPS:
		return (cred->securebits & SECBIT_KEEP_CAPS) != 0;
	case PR_SET_KEEPCAPS:
		return set_keep_caps(argument2);
	case PR_GET_DUMPABLE:
		return task_dumpable(current_task());
	case PR_SET_DUMPABLE:
		if (argument2 != DUMPABLE_NO && argument2 != DUMPABLE_USER)
			return -EINVAL;
		task_set_dumpable(current_task(), (int)argument2);
		return 0;
	default:
		return -EINVAL;
	}
}
