/*
 * namespace_common.c: the birth and death every uts, ipc, mount, pid, net and cgroup namespace
 * shares: its ucounts charge (R1.8), its inode number (R6.4) and its owner (R5.10). The types'
 * own files add only what is theirs.
 */
#include <kuid/cred.h>
#include <kuid/nsproxy.h>
#include <kuid/user_namespace.h>
#include <uapi/errno.h>

#include "namespace_internal.h"

static unsigned int alive_count;	/* atomic: namespaces born and not yet dead */

unsigned int namespaces_alive(void)
{
	return __atomic_load_n(&alive_count, __ATOMIC_RELAXED);
}

int namespace_birth(struct ns_common *ns, const struct ns_operations *operations,
		    const struct cred *creator, enum ucount_type type, struct ucounts **charged,
		    struct userns_refusal *refusal)
{
	struct user_namespace *owner = creator->user_ns;
	unsigned int inode_number;
	int error;

	/* R1.8: charged against the owner and the creator's euid, as Linux's inc_*_namespaces. */
	error = inc_ucount(owner, creator->euid, type, charged);
	if (error == -ENOSPC)
		userns_refuse(refusal, RULE_R1_8_UCOUNT_LIMIT, 0,
			      "a max_*_namespaces limit is reached here or above", ENOSPC);
	if (error)
		return error;
	error = ns_inode_number_alloc(&inode_number);
	if (error) {
		userns_refuse(refusal, RULE_R6_4_INODE_NUMBERS, 0,
			      "every nsfs inode number is in use", ENOSPC);
		dec_ucount(*charged, type);
		*charged = NULL;
		return error;
	}
	ns->references = 1;
	ns->inode_number = inode_number;
	ns->operations = operations;
	ns->owner = get_user_ns(owner);		/* R5.10: fixed for the namespace's life */
	__atomic_add_fetch(&alive_count, 1, __ATOMIC_RELAXED);
	return 0;
}

void namespace_death(struct ns_common *ns, struct ucounts *charged, enum ucount_type type)
{
	/* The charge walks up through the owner's records: give it back while the owner lives. */
	dec_ucount(charged, type);
	ns_inode_number_free(ns->inode_number);
	put_user_ns(ns->owner);
	__atomic_sub_fetch(&alive_count, 1, __ATOMIC_RELAXED);
}
