/*
 * mount_tree.c: copies of mount trees, for bind mounts (MS_BIND, MS_BIND|MS_REC), new mount
 * namespaces and propagation, and the locks a copy gets when it goes to a less privileged
 * owner (R9.4): its flags cannot be loosened and its mounts cannot be pulled off what they
 * cover, so that the new owner sees no more than the old one let it see.
 */
#include <kuid/mount.h>
#include <kuid/panic.h>
#include <uapi/errno.h>

/* One mount like `old`, showing its directory `root`; detached, no children. */
static struct mount *copy_one(struct mount *old, struct inode *root, unsigned int how)
{
	struct mount *copy;

	super_block_get(old->super_block);
	inode_get(root);
	copy = mount_alloc(old->super_block, root, old->flags, old->source);
	if (!copy) {
		inode_put(root);	/* not the last references: the old mount holds both */
		super_block_put(old->super_block);
		return NULL;
	}
	copy->locks = old->locks;
	/* A copy is a peer of a shared original, and a slave of the same master (Linux). */
	copy->peer_group = old->peer_group;
	copy->master_group = old->master_group;
	copy->unbindable = old->unbindable;
	if (how & COPY_NAMESPACE)
		copy->copied_from = old;
	return copy;
}

/* Copy the mounts on old's directories (on `root` or below, when root is not NULL). */
static int copy_children(struct mount *old, struct mount *copy, struct inode *root,
			 unsigned int how)
{
	struct mount *child, *child_copy;
	int error;

	list_for_each_entry(child, &old->children, sibling) {
		if (root && !inode_is_within(child->mountpoint, root))
			continue;
		if (child->unbindable && !(how & COPY_UNBINDABLE))
			continue;	/* and what is below it: an unbindable tree is not copied */
		child_copy = copy_one(child, child->root, how);
		if (!child_copy)
			return -ENOMEM;
		mount_attach(child_copy, copy, child->mountpoint);
		error = copy_children(child, child_copy, NULL, how);
		if (error < 0)
			return error;
	}
	return 0;
}

int mount_tree_copy(struct mount *source, struct inode *root, unsigned int how,
		    struct mount **copy, struct list_node *doomed)
{
	struct mount *top;
	int error = 0;

	BUG_ON(!vfs_lock_is_held());
	top = copy_one(source, root, how);
	if (!top)
		return -ENOMEM;
	if (how & COPY_RECURSIVE)
		error = copy_children(source, top, root, how);
	if (error < 0) {
		mount_detach_tree(top, doomed);
		return error;
	}
	*copy = top;
	return 0;
}

void mount_tree_lock(struct mount *top)
{
	for (struct mount *mount = top; mount; mount = mount_next_in_tree(mount, top)) {
		mount->locks |= MOUNT_LOCK_ATIME | mount_locks_for(mount->flags);
		/* What a mount covers must stay covered; the top is what the owner was given. */
		if (mount != top)
			mount->locks |= MOUNT_LOCKED;
	}
}

bool mount_has_locked_children(struct mount *mount, struct inode *directory)
{
	struct mount *child;

	list_for_each_entry(child, &mount->children, sibling)
		if ((child->locks & MOUNT_LOCKED) && inode_is_within(child->mountpoint, directory))
			return true;
	return false;
}
