/*
 * mount_namespace.c: mount namespaces as objects: identity, owner (the user namespace whose
 * CAP_SYS_ADMIN governs mounting in it, R9.1) and the root of the tree it sees. Every
 * namespace sees the one tree of mount.c for now, so creating one copies no mounts; it only
 * takes a reference to the same root.
 */
#include <kuid/cred.h>
#include <kuid/heap.h>
#include <kuid/mount_namespace.h>
#include <kuid/nsproxy.h>
#include <kuid/user_namespace.h>
#include <uapi/errno.h>
#include <uapi/sched.h>

#include "namespace_internal.h"

static void mount_ns_release(struct ns_common *ns);

static const struct ns_operations mount_ns_operations = {
	.name = "mnt",
	.type = NS_TYPE_MNT,
	.clone_flag = CLONE_NEWNS,
	.release = mount_ns_release,
};

struct mount_namespace init_mount_ns = {
	.ns = {
		.references = 1,	/* init_namespace_set's, never put */
		.inode_number = NS_INITIAL_MNT_INODE_NUMBER,
		.operations = &mount_ns_operations,
		.owner = &init_user_ns,
	},
};

void mount_namespace_set_initial_root(const struct path *root)
{
	path_get(root);
	init_mount_ns.root = *root;
}

int mount_namespace_create(struct mount_namespace *old, const struct cred *creator,
			   struct mount_namespace **result,
			   struct userns_refusal *refusal)
{
	struct mount_namespace *mnt = kzalloc(sizeof(*mnt));
	int error;

	if (!mnt)
		return -ENOMEM;
	error = namespace_birth(&mnt->ns, &mount_ns_operations, creator, UCOUNT_MNT_NAMESPACES,
				&mnt->ucounts, refusal);
	if (error) {
		kfree(mnt);
		return error;
	}
	/* The shared tree: the same root. A copy of the tree would be made here. */
	mnt->root = old->root;
	path_get(&mnt->root);
	*result = mnt;
	return 0;
}

static void mount_ns_release(struct ns_common *ns)
{
	struct mount_namespace *mnt = to_mount_ns(ns);

	path_put(&mnt->root);
	namespace_death(ns, mnt->ucounts, UCOUNT_MNT_NAMESPACES);
	kfree(mnt);
}

void put_mount_ns(struct mount_namespace *mnt)
{
	if (mnt)
		ns_put(&mnt->ns);
}

struct mount_namespace *current_mount_ns(void)
{
	return current_namespaces()->mnt;
}
