/*
 * mount_namespace.c: mount namespaces as objects: identity, owner (the user namespace whose
 * CAP_SYS_ADMIN governs mounting in it, R9.1) and a tree of mounts of its own. A new namespace
 * gets a copy of its creator's whole tree (kernel/fs/mount_tree.c); a copy for an owner other
 * than the old namespace's is locked and its shared mounts become slaves (R9.4). When the
 * namespace dies its tree is taken down; mounts still in use (an open file) live on detached.
 */
#include <kuid/cred.h>
#include <kuid/fd_table.h>
#include <kuid/heap.h>
#include <kuid/mount.h>
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
	.mounts = LIST_INIT(init_mount_ns.mounts),
};

/* Copy old's tree into mnt (R9.4 for a new owner). */
static int copy_tree_into(struct mount_namespace *old, struct mount_namespace *mnt)
{
	struct list_node doomed = LIST_INIT(doomed);
	unsigned int how = COPY_RECURSIVE | COPY_UNBINDABLE | COPY_NAMESPACE;
	struct mount *copy;
	int error;

	vfs_lock();
	error = mount_tree_copy(old->root.mount, old->root.mount->root, how, &copy, &doomed);
	if (error == 0) {
		if (mnt->ns.owner != old->ns.owner) {
			mount_shared_to_slave(copy);
			mount_tree_lock(copy);
		}
		mount_enter_namespace(copy, mnt);
		mnt->root = (struct path){ copy, copy->root };
		path_get(&mnt->root);
	}
	vfs_unlock();
	mount_put_doomed(&doomed);
	return error;
}

int mount_namespace_create(struct mount_namespace *old, const struct cred *creator,
			   struct mount_namespace **result,
			   struct userns_refusal *refusal)
{
	struct mount_namespace *mnt = kzalloc(sizeof(*mnt));
	int error;

	if (!mnt)
		return -ENOMEM;
	list_init(&mnt->mounts);
	error = namespace_birth(&mnt->ns, &mount_ns_operations, creator, UCOUNT_MNT_NAMESPACES,
				&mnt->ucounts, refusal);
	if (error) {
		kfree(mnt);
		return error;
	}
	error = old->root.mount ? copy_tree_into(old, mnt) : 0;
	if (error) {
		ns_put(&mnt->ns);	/* mount_ns_release: an empty tree */
		return error;
	}
	*result = mnt;
	return 0;
}

/* The copy in mnt of place's mount, with the same inode; a reference; place itself if none. */
static void copied_place(struct mount_namespace *mnt, const struct path *place,
			 struct path *copied)
{
	struct mount *mount;

	*copied = *place;
	list_for_each_entry(mount, &mnt->mounts, node)
		if (mount->copied_from && mount->copied_from == place->mount)
			copied->mount = mount;
	path_get(copied);
}

void mount_namespace_move_fs(struct mount_namespace *mnt, struct fs_context *fs)
{
	struct path root, cwd, new_root, new_cwd;
	struct mount *mount;

	fs_context_get_root(fs, &root);
	fs_context_get_cwd(fs, &cwd);
	vfs_lock();
	copied_place(mnt, &root, &new_root);
	copied_place(mnt, &cwd, &new_cwd);
	/* Done with the originals: forget them before their memory can be used again. */
	list_for_each_entry(mount, &mnt->mounts, node)
		mount->copied_from = NULL;
	vfs_unlock();
	fs_context_set_root(fs, &new_root);
	fs_context_set_cwd(fs, &new_cwd);
	path_put(&new_root);
	path_put(&new_cwd);
	path_put(&root);
	path_put(&cwd);
}

void mount_namespace_top(struct mount_namespace *mnt, struct path *top)
{
	vfs_lock();
	*top = mnt->root;
	path_get(top);
	mount_follow_down(top);
	vfs_unlock();
}

static void mount_ns_release(struct ns_common *ns)
{
	struct mount_namespace *mnt = to_mount_ns(ns);
	struct list_node doomed = LIST_INIT(doomed);

	vfs_lock();
	if (mnt->root.mount && mnt->root.mount->namespace == mnt)
		mount_detach_tree(mnt->root.mount, &doomed);
	vfs_unlock();
	mount_put_doomed(&doomed);
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
