/*
 * mount_propagation.c: shared subtrees, as far as kuid goes. A shared mount is in a peer
 * group (shared:N in mountinfo); a slave receives from one (master:N). A mount or bind made on
 * a shared mount is copied onto every other member of its group and onto every slave of it
 * (and onward through slaves that are shared themselves), when they show the directory it was
 * made on; unmounting it takes those copies away again when nothing is mounted on them. A copy
 * made for a namespace owned by another user namespace is locked (R9.4).
 *
 * Simplifications (docs/files.md): copies on slaves are slaves only, never shared in groups of
 * their own; group ids are never reused; "propagate_from" is never shown.
 */
#include <kuid/heap.h>
#include <kuid/mount.h>
#include <kuid/mount_namespace.h>
#include <kuid/panic.h>

static unsigned int next_peer_group = 1;	/* vfs_lock */

unsigned int mount_peer_group_new(void)
{
	BUG_ON(!vfs_lock_is_held());
	return next_peer_group++;
}

static bool group_has_other_members(const struct mount *mount)
{
	struct mount *other;

	list_for_each_entry(other, &mounts_everywhere, everywhere)
		if (other != mount && other->peer_group == mount->peer_group)
			return true;
	return false;
}

/* The mount leaves its peer group; a group left empty hands its slaves to its own master. */
static void leave_peer_group(struct mount *mount)
{
	unsigned int group = mount->peer_group;
	struct mount *other;
	bool others;

	if (!group)
		return;
	others = group_has_other_members(mount);
	mount->peer_group = 0;
	if (others)
		return;
	list_for_each_entry(other, &mounts_everywhere, everywhere)
		if (other->master_group == group)
			other->master_group = mount->master_group;
}

/* A mount with peers becomes their slave; one alone stays the slave it was, or private. */
static void make_slave(struct mount *mount)
{
	unsigned int group = mount->peer_group;
	bool had_peers = group && group_has_other_members(mount);

	leave_peer_group(mount);
	if (had_peers)
		mount->master_group = group;
}

static void change_one(struct mount *mount, unsigned long type)
{
	switch (type) {
	case MS_SHARED:
		if (!mount->peer_group)
			mount->peer_group = mount_peer_group_new();
		mount->unbindable = false;
		break;
	case MS_SLAVE:
		make_slave(mount);
		mount->unbindable = false;
		break;
	case MS_PRIVATE:
	case MS_UNBINDABLE:
		leave_peer_group(mount);
		mount->master_group = 0;
		mount->unbindable = type == MS_UNBINDABLE;
		break;
	}
}

void mount_change_propagation(struct mount *mount, unsigned long type, bool recursive)
{
	for (struct mount *at = mount; at; at = recursive ? mount_next_in_tree(at, mount) : NULL)
		change_one(at, type);
}

void mount_shared_to_slave(struct mount *top)
{
	for (struct mount *mount = top; mount; mount = mount_next_in_tree(mount, top)) {
		if (mount->peer_group) {
			mount->master_group = mount->peer_group;
			mount->peer_group = 0;
		}
	}
}

static bool is_in_tree(struct mount *mount, struct mount *top)
{
	for (; mount; mount = mount->parent)
		if (mount == top)
			return true;
	return false;
}

/*
 * The mounts that receive what happens on `from` (its peers and its group's slaves, onward
 * through slaves that are shared), other than `from` and the tree below `skip`: into a new
 * array of *count entries, NULL when there are none (or no memory: propagation is skipped).
 */
static struct mount **receivers(struct mount *from, struct mount *skip, size_t *count)
{
	size_t capacity = 0, groups_count = 1;
	struct mount *mount, **found;
	unsigned int *groups;

	*count = 0;
	if (!from->peer_group)
		return NULL;
	list_for_each_entry(mount, &mounts_everywhere, everywhere)
		capacity++;
	found = kmalloc(capacity * sizeof(*found));
	groups = kmalloc(capacity * sizeof(*groups) + sizeof(*groups));
	if (!found || !groups) {
		kfree(found);
		kfree(groups);
		return NULL;
	}
	groups[0] = from->peer_group;
	for (size_t g = 0; g < groups_count; g++) {
		list_for_each_entry(mount, &mounts_everywhere, everywhere) {
			bool peer = mount->peer_group == groups[g];

			if (mount == from || is_in_tree(mount, skip))
				continue;
			if (!peer && mount->master_group != groups[g])
				continue;
			bool seen = false;

			for (size_t i = 0; i < *count; i++)
				seen |= found[i] == mount;
			if (seen)
				continue;
			found[(*count)++] = mount;
			/* A shared slave passes it on to its own group. */
			if (!peer && mount->peer_group) {
				bool known = false;

				for (size_t i = 0; i < groups_count; i++)
					known |= groups[i] == mount->peer_group;
				if (!known)
					groups[groups_count++] = mount->peer_group;
			}
		}
	}
	kfree(groups);
	if (*count == 0) {
		kfree(found);
		return NULL;
	}
	return found;
}

void mount_propagate_attach(struct mount *top, struct mount *parent, struct inode *mountpoint,
			    struct list_node *doomed)
{
	struct mount **targets, *copy;
	size_t count;

	if (!parent->peer_group)
		return;
	/* What is mounted on a shared mount is shared itself (Linux's attach_recursive_mnt). */
	for (struct mount *mount = top; mount; mount = mount_next_in_tree(mount, top))
		if (!mount->peer_group)
			mount->peer_group = mount_peer_group_new();
	targets = receivers(parent, top, &count);
	for (size_t i = 0; i < count; i++) {
		struct mount *target = targets[i];

		if (!inode_is_within(mountpoint, target->root) || !target->namespace)
			continue;	/* that mount does not show the directory */
		if (mount_tree_copy(top, top->root, COPY_RECURSIVE, &copy, doomed) < 0)
			continue;
		if (target->peer_group != parent->peer_group)
			mount_shared_to_slave(copy);	/* a slave receives slaves */
		if (target->namespace->ns.owner != parent->namespace->ns.owner) {
			mount_shared_to_slave(copy);
			mount_tree_lock(copy);
			copy->locks |= MOUNT_LOCKED;	/* not to be removed by the receiver */
		}
		mount_attach(copy, target, mountpoint);
	}
	kfree(targets);
}

void mount_propagate_detach(struct mount *top, struct list_node *doomed)
{
	struct mount *parent = top->parent, **targets, *child, *next;
	size_t count;

	if (!parent || !parent->peer_group)
		return;
	targets = receivers(parent, top, &count);
	for (size_t i = 0; i < count; i++) {
		list_for_each_entry_safe(child, next, &targets[i]->children, sibling) {
			/* Its copy: same instance and directory, on the same place, nothing on it. */
			if (child->mountpoint == top->mountpoint && child->root == top->root &&
			    child->super_block == top->super_block && list_empty(&child->children))
				mount_detach_tree(child, doomed);
		}
	}
	kfree(targets);
}
