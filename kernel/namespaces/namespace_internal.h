/*
 * namespace_internal.h: what the namespace types of kernel/namespaces/ share: the two steps
 * every non-user namespace goes through at birth and at death. Not a public interface.
 */
#ifndef KERNEL_NAMESPACES_NAMESPACE_INTERNAL_H
#define KERNEL_NAMESPACES_NAMESPACE_INTERNAL_H

#include <kuid/ns_common.h>
#include <kuid/user_namespace.h>

struct cred;

/*
 * Birth: charge `type` to (creator's namespace, creator's euid) and every namespace above
 * (R1.8, -ENOSPC), take an inode number from the pool (R6.4, -ENOSPC), and record the
 * creator's namespace as the owner with a reference (R5.10). On success *charged is the
 * charge to give back at death; on failure nothing is left taken and *refusal (may be NULL)
 * names the rule.
 */
int namespace_birth(struct ns_common *ns, const struct ns_operations *operations,
		    const struct cred *creator, enum ucount_type type, struct ucounts **charged,
		    struct userns_refusal *refusal);

/* Death: give back the charge, the inode number and the owner's reference. */
void namespace_death(struct ns_common *ns, struct ucounts *charged, enum ucount_type type);

#endif
