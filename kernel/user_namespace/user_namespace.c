/*
 * user_namespace.c: the life of a user namespace: the initial one, creation (unshare and clone
 * with CLONE_NEWUSER), references, and freeing. Pure logic, host-tested.
 *
 * Theory of operation. The namespaces form a tree rooted at init_user_ns. A namespace is
 * created by a credential (the creator's, being changed by unshare or clone): the new one's
 * parent is the cred's namespace, and the cred moves into the new one with full capabilities
 * there (R4.4). References: every cred in a namespace, every child namespace (its `parent`
 * field), every non-user namespace it owns and every open nsfs file hold one. When the last
 * goes, the namespace gives back its ucounts charge, its inode number, its map tables, and its
 * reference to the parent, which may in turn free the parent (R1.11).
 *
 * What never changes after creation (parent, level, owner, group, parent_could_setfcap,
 * ucounts) is read without a lock. The maps are written once and published with release
 * ordering (id_map.h). The flags and ucount_max[] change through /proc files and are read
 * with atomic loads.
 */
#include <kuid/capability.h>
#include <kuid/cred.h>
#include <kuid/heap.h>
#include <kuid/panic.h>
#include <kuid/user_namespace.h>
#include <uapi/capability.h>
#include <uapi/errno.h>
#include <uapi/sched.h>

static void user_ns_release(struct ns_common *common);

static const struct ns_operations user_ns_operations = {
	.name = "user",
	.type = NS_TYPE_USER,
	.clone_flag = CLONE_NEWUSER,
	.release = user_ns_release,
};

struct user_namespace init_user_ns = {
	.uid_map = ID_MAP_INITIAL,
	.gid_map = ID_MAP_INITIAL,
	.projid_map = ID_MAP_INITIAL,
	.parent = NULL,
	.level = 0,
	.owner = GLOBAL_ROOT_UID,
	.group = GLOBAL_ROOT_GID,
	.ucounts = NULL,
	.flags = USERNS_SETGROUPS_ALLOWED,
	.ucount_max = { [0 ... UCOUNT_TYPE_COUNT - 1] = UCOUNT_INITIAL_NAMESPACE_MAX },
	.ns = {
		/* This one reference is never put, so the initial namespace is never freed. */
		.references = 1,
		.inode_number = NS_INITIAL_USER_INODE_NUMBER,
		.operations = &user_ns_operations,
		.owner = NULL,
	},
};

static unsigned int alive_count;	/* atomic: namespaces made and not yet freed */

unsigned int user_namespaces_alive(void)
{
	return __atomic_load_n(&alive_count, __ATOMIC_RELAXED);
}

bool user_ns_is_same_or_ancestor(const struct user_namespace *ancestor,
				 const struct user_namespace *ns)
{
	/* A namespace's ancestors all have smaller levels: stop once below ancestor's. */
	while (ns && ns->level > ancestor->level)
		ns = ns->parent;
	return ns == ancestor;
}

void set_cred_user_ns(struct cred *cred, struct user_namespace *ns)
{
	/* R4.4: everything in the new namespace, nothing carried over from the old one. */
	cred->securebits = 0;	/* even locked bits (R4.9) */
	cred->cap_inheritable = CAP_EMPTY_SET;
	cred->cap_permitted = CAP_FULL_SET;
	cred->cap_effective = CAP_FULL_SET;
	cred->cap_bounding = CAP_FULL_SET;
	cred->cap_ambient = CAP_EMPTY_SET;
	cred->user_ns = ns;
}

int create_user_ns(struct cred *new_cred, bool creator_chrooted,
		   struct userns_refusal *refusal)
{
	struct user_namespace *parent = new_cred->user_ns;
	kuid_t owner = new_cred->euid;
	kgid_t group = new_cred->egid;
	struct user_namespace *ns = NULL;
	struct ucounts *charged = NULL;
	unsigned int inode_number = 0;	/* pool numbers are never 0 */
	int error;

	/* R1.7: the depth limit comes first, before anything is charged. */
	if (parent->level > USERNS_MAX_PARENT_LEVEL) {
		error = userns_refuse(refusal, RULE_R1_7_DEPTH, 0,
				      "the parent namespace is 33 levels deep already", ENOSPC);
		goto out;
	}

	/* R1.8: charge the creator's euid in the parent, and every namespace above. */
	error = inc_ucount(parent, owner, UCOUNT_USER_NAMESPACES, &charged);
	if (error == -ENOSPC)
		userns_refuse(refusal, RULE_R1_8_UCOUNT_LIMIT, 0,
			      "max_user_namespaces is reached here or above", ENOSPC);
	if (error)
		goto out;

	/* R5.3: a chrooted process could escape its chroot with a namespace's powers. */
	if (creator_chrooted) {
		error = userns_refuse(refusal, RULE_R5_3_CREATOR, 0,
				      "the creator is chrooted", EPERM);
		goto out;
	}

	/*
	 * R5.3: the owner must be nameable in the parent, or nobody there could be told who
	 * created the namespace (NS_GET_OWNER_UID, R6.9).
	 */
	if (!kuid_has_mapping(parent, owner) || !kgid_has_mapping(parent, group)) {
		error = userns_refuse(refusal, RULE_R5_3_CREATOR, 0,
				      "the creator's euid or egid is not mapped in its namespace",
				      EPERM);
		goto out;
	}

	ns = kzalloc(sizeof(*ns));
	if (!ns) {
		error = -ENOMEM;
		goto out;
	}
	error = ns_inode_number_alloc(&inode_number);
	if (error)
		goto out;

	/* The maps stay empty (all zero) until /proc/PID/uid_map is written (R2.5). */
	ns->parent = parent;	/* takes over new_cred's reference to the parent */
	ns->level = parent->level + 1;
	ns->owner = owner;
	ns->group = group;
	ns->parent_could_setfcap = cap_raised(new_cred->cap_effective, CAP_SETFCAP);
	ns->ucounts = charged;
	/* R3.22: a child of a "deny" namespace starts "deny", and can never allow. */
	ns->flags = __atomic_load_n(&parent->flags, __ATOMIC_RELAXED);
	for (int type = 0; type < UCOUNT_TYPE_COUNT; type++)
		ns->ucount_max[type] = UCOUNT_NEW_NAMESPACE_MAX;	/* R1.9 */
	ns->ns.references = 1;	/* the one new_cred gets below */
	ns->ns.inode_number = inode_number;
	ns->ns.operations = &user_ns_operations;
	ns->ns.owner = NULL;
	__atomic_add_fetch(&alive_count, 1, __ATOMIC_RELAXED);

	set_cred_user_ns(new_cred, ns);
	ns = NULL;	/* everything below now belongs to the namespace */
	charged = NULL;
	inode_number = 0;
out:
	if (inode_number)
		ns_inode_number_free(inode_number);
	kfree(ns);
	if (charged)
		dec_ucount(charged, UCOUNT_USER_NAMESPACES);
	return error;
}

/* Free one namespace whose last reference is gone; its parent's reference is the caller's. */
static void free_one_user_ns(struct user_namespace *ns)
{
	if (ns == &init_user_ns)
		panic("put_user_ns: the initial user namespace lost its last reference");
	/* The charge walks up through the parent's record: the parent is still alive here. */
	dec_ucount(ns->ucounts, UCOUNT_USER_NAMESPACES);
	ns_inode_number_free(ns->ns.inode_number);
	kfree(ns->uid_map.table);
	kfree(ns->gid_map.table);
	kfree(ns->projid_map.table);
	kfree(ns);
	__atomic_sub_fetch(&alive_count, 1, __ATOMIC_RELAXED);
}

/*
 * Freeing a namespace drops its reference to the parent, which may free the parent, and so
 * on up to 33 levels. A loop, not recursion, so a deep tree costs no kernel stack.
 */
static void user_ns_release(struct ns_common *common)
{
	struct user_namespace *ns = to_user_ns(common);

	while (ns) {
		struct user_namespace *parent = ns->parent;

		free_one_user_ns(ns);
		if (!parent ||
		    __atomic_sub_fetch(&parent->ns.references, 1, __ATOMIC_ACQ_REL) != 0)
			break;
		ns = parent;
	}
}

void put_user_ns(struct user_namespace *ns)
{
	if (ns)
		ns_put(&ns->ns);
}
