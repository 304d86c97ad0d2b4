/*
 * capability.c: the one question every privileged operation asks, "has this cred capability X
 * over namespace N?" (R4.1), and its variants over files and inodes (R4.2, R4.3). Pure logic:
 * the credentials to judge are always an argument, so the host tests can ask about any cred.
 */
#include <kuid/capability.h>
#include <kuid/user_namespace.h>
#include <uapi/errno.h>

int cap_capable_explained(const struct cred *cred, struct user_namespace *target_ns,
			  int capability, struct userns_refusal *refusal)
{
	const struct user_namespace *cred_ns = cred->user_ns;
	const struct user_namespace *ns = target_ns;

	if (!CAP_VALID(capability))
		return userns_refuse(refusal, RULE_R4_1_CAPABILITY, 0,
				     "not a capability number", EPERM);

	for (;;) {
		/* 1. In its own namespace a cred has exactly its effective set. */
		if (ns == cred_ns) {
			if (cap_raised(cred->cap_effective, capability))
				return 0;
			return userns_refuse(refusal, RULE_R4_1_CAPABILITY, 0,
					     "the capability is not in the effective set", EPERM);
		}
		/*
		 * 2. Reached the cred's depth without meeting its namespace: the target is
		 * an ancestor, a sibling or a cousin, where the cred has nothing.
		 */
		if (ns->level <= cred_ns->level)
			return userns_refuse(refusal, RULE_R4_1_CAPABILITY, 0,
					     "the namespace is neither the caller's nor below it",
					     EPERM);
		/* 3. The owner, living in the parent, has every capability in its child. */
		if (ns->parent == cred_ns && uid_eq(ns->owner, cred->euid))
			return 0;
		/* 4. What holds in the parent holds here too. */
		ns = ns->parent;
	}
}

bool has_ns_capability(const struct cred *cred, struct user_namespace *ns, int capability)
{
	return cap_capable(cred, ns, capability) == 0;
}

bool file_ns_capable(const struct cred *opener_cred, struct user_namespace *ns, int capability)
{
	return has_ns_capability(opener_cred, ns, capability);
}

bool privileged_wrt_inode_uidgid(const struct user_namespace *ns, kuid_t inode_uid,
				 kgid_t inode_gid)
{
	return kuid_has_mapping(ns, inode_uid) && kgid_has_mapping(ns, inode_gid);
}

bool capable_wrt_inode_uidgid(const struct cred *cred, kuid_t inode_uid, kgid_t inode_gid,
			      int capability)
{
	struct user_namespace *ns = cred->user_ns;

	return has_ns_capability(cred, ns, capability) &&
	       privileged_wrt_inode_uidgid(ns, inode_uid, inode_gid);
}

bool cred_inode_owner_or_capable(const struct cred *cred, kuid_t inode_uid)
{
	struct user_namespace *ns = cred->user_ns;

	if (uid_eq(cred->fsuid, inode_uid))
		return true;
	return kuid_has_mapping(ns, inode_uid) && has_ns_capability(cred, ns, CAP_FOWNER);
}
