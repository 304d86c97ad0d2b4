/*
 * capability_rules.c: the rules that say how a task may change its own
 * capability sets and securebits: capset(2), PR_CAP_AMBIENT_RAISE and
 * PR_SET_SECUREBITS (Linux's security/commoncap.c). Pure: the caller says
 * whether it holds CAP_SETPCAP in its own user namespace.
 */
#include <kuid/capability.h>
#include <kuid/cred.h>
#include <uapi/errno.h>

static kernel_cap_t cap_combine(kernel_cap_t a, kernel_cap_t b)
{
	return (kernel_cap_t){ a.bits | b.bits };
}

int capset_check(const struct cred *old_cred, kernel_cap_t effective, kernel_cap_t permitted,
		 kernel_cap_t inheritable, bool has_setpcap, struct userns_refusal *refusal)
{
	/* Without CAP_SETPCAP a task may only pass on what it has or could already inherit. */
	if (!has_setpcap &&
	    !cap_is_subset(inheritable, cap_combine(old_cred->cap_inheritable,
						    old_cred->cap_permitted)))
		return userns_refuse(refusal, RULE_R4_CAPSET, 0,
				     "new inheritable beyond old inheritable and permitted", EPERM);
	/* Even with it, nothing the bounding set has dropped comes back. */
	if (!cap_is_subset(inheritable, cap_combine(old_cred->cap_inheritable,
						    old_cred->cap_bounding)))
		return userns_refuse(refusal, RULE_R4_CAPSET, 0,
				     "new inheritable beyond old inheritable and bounding set",
				     EPERM);
	/* Permitted only ever shrinks. */
	if (!cap_is_subset(permitted, old_cred->cap_permitted))
		return userns_refuse(refusal, RULE_R4_CAPSET, 0,
				     "new permitted is not a subset of old permitted", EPERM);
	if (!cap_is_subset(effective, permitted))
		return userns_refuse(refusal, RULE_R4_CAPSET, 0,
				     "new effective is not a subset of new permitted", EPERM);
	return 0;
}

void capset_apply(struct cred *new_cred, kernel_cap_t effective, kernel_cap_t permitted,
		  kernel_cap_t inheritable)
{
	new_cred->cap_effective = effective;
	new_cred->cap_permitted = permitted;
	new_cred->cap_inheritable = inheritable;
	/* An ambient capability must stay both permitted and inheritable. */
	new_cred->cap_ambient.bits &= permitted.bits & inheritable.bits;
}

int ambient_raise_check(const struct cred *cred, int capability,
			struct userns_refusal *refusal)
{
	if (!cap_raised(cred->cap_permitted, capability) ||
	    !cap_raised(cred->cap_inheritable, capability))
		return userns_refuse(refusal, RULE_R4_CAPSET, 0,
				     "ambient needs the capability permitted and inheritable", EPERM);
	if (cred->securebits & SECBIT_NO_CAP_AMBIENT_RAISE)
		return userns_refuse(refusal, RULE_R4_CAPSET, 0,
				     "SECBIT_NO_CAP_AMBIENT_RAISE forbids raising ambient", EPERM);
	return 0;
}

int securebits_check(unsigned int old_bits, unsigned long new_bits, bool has_setpcap,
		     struct userns_refusal *refusal)
{
	unsigned int locks = old_bits & SECURE_ALL_LOCKS;

	/* R4.9: a locked bit keeps its value ... */
	if ((locks >> 1) & (old_bits ^ new_bits))
		return userns_refuse(refusal, RULE_R4_9_SECUREBITS, 0,
				     "a locked securebit would change", EPERM);
	/* ... and a lock, once set, stays. */
	if (locks & ~new_bits)
		return userns_refuse(refusal, RULE_R4_9_SECUREBITS, 0,
				     "a securebit lock would be cleared", EPERM);
	if (new_bits & ~(unsigned long)(SECURE_ALL_LOCKS | SECURE_ALL_BITS))
		return userns_refuse(refusal, RULE_R4_9_SECUREBITS, 0,
				     "not a securebit", EPERM);
	if (!has_setpcap)
		return userns_refuse(refusal, RULE_R4_9_SECUREBITS, 0,
				     "changing securebits needs CAP_SETPCAP", EPERM);
	return 0;
}
