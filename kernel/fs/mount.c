/*
 * mount.c: mounts as objects and the tree they form. A mount attaches one file system
 * instance (or, for a bind mount, a directory of one) on a directory of its parent mount, in
 * one mount namespace; the path walk steps from that directory into the mount's root
 * (mount_covering) and back out on "..". A namespace's root mount has no parent.
 *
 * Lifetime: the tree holds one reference to each mount in it (the one mount_alloc returns), a
 * child holds one to its parent, and a path (a cwd, a root, an open file) holds one. Taking a
 * mount out of its tree (umount, the death of its namespace) drops the tree's reference once
 * vfs_lock is released; a mount still in use lives on, detached, until its last user goes.
 */
#include <kuid/capability.h>
#include <kuid/cred.h>
#include <kuid/heap.h>
#include <kuid/mount.h>
#include <kuid/mount_namespace.h>
#include <kuid/panic.h>
#include <kuid/pid_namespace.h>
#include <kuid/procfs.h>
#include <kuid/string.h>
#include <kuid/user_namespace.h>
#include <kuid/vfs.h>
#include <uapi/capability.h>
#include <uapi/errno.h>
#include <uapi/stat.h>

/* Every mount in a tree, of every namespace: propagation looks for peers here; vfs_lock. */
struct list_node mounts_everywhere = LIST_INIT(mounts_everywhere);

/* Mount ids as mountinfo shows them; Linux's first visible mounts get numbers in the 20s too. */
static unsigned int next_mount_id = 20;

/* st_dev of in-memory file systems: 0:N, N counting up as on Linux. */
static uint32_t next_anonymous_minor = 16;

struct file_system_type {
	const char *name;
	int64_t magic;
	/* Make the root inode of a new instance. */
	int (*fill)(struct super_block *super_block, uint32_t root_mode, kuid_t uid, kgid_t gid,
		    struct inode **root);
};

static const struct file_system_type file_system_types[] = {
	{ "tmpfs", TMPFS_MAGIC, ramfs_fill },
	{ "ramfs", RAMFS_MAGIC, ramfs_fill },
	{ "proc", PROC_SUPER_MAGIC, procfs_fill },	/* kernel/fs/procfs/ */
};

void mount_get(struct mount *mount)
{
	__atomic_add_fetch(&mount->references, 1, __ATOMIC_RELAXED);
}

void mount_put(struct mount *mount)
{
	/* A use of the mount since umount2(MNT_EXPIRE) marked it: it is not idle (Linux). */
	if (mount)
		__atomic_store_n(&mount->expiry_mark, false, __ATOMIC_RELAXED);
	mount_put_keeping_mark(mount);
}

void mount_put_keeping_mark(struct mount *mount)
{
	if (!mount)
		return;
	if (__atomic_sub_fetch(&mount->references, 1, __ATOMIC_ACQ_REL) != 0)
		return;
	inode_put(mount->root);
	inode_put(mount->mountpoint);
	mount_put(mount->parent);
	super_block_put(mount->super_block);
	kfree(mount->source);
	kfree(mount);
}

void path_get(const struct path *path)
{
	if (path->mount)
		mount_get(path->mount);
	if (path->inode)
		inode_get(path->inode);
}

void path_put(struct path *path)
{
	inode_put(path->inode);
	mount_put(path->mount);
	path->inode = NULL;
	path->mount = NULL;
}

bool path_equal(const struct path *left, const struct path *right)
{
	return left->mount == right->mount && left->inode == right->inode;
}

int fs_type_mount(const char *type_name, uint32_t mode, kuid_t uid, kgid_t gid,
		  struct super_block **super_block, struct inode **root)
{
	const struct file_system_type *type = NULL;
	struct super_block *made;
	int error;

	for (size_t i = 0; i < ARRAY_SIZE(file_system_types); i++)
		if (strcmp(file_system_types[i].name, type_name) == 0)
			type = &file_system_types[i];
	if (!type)
		return -ENODEV;

	made = kzalloc(sizeof(*made));
	if (!made)
		return -ENOMEM;
	made->references = 1;
	made->type_name = type->name;
	made->magic = type->magic;
	made->next_inode_number = 1;
	made->device.minor = __atomic_fetch_add(&next_anonymous_minor, 1, __ATOMIC_RELAXED);

	error = type->fill(made, mode, uid, gid, root);
	if (error < 0) {
		super_block_put(made);
		return error;
	}
	*super_block = made;
	return 0;
}

struct mount *mount_alloc(struct super_block *super_block, struct inode *root,
			  unsigned int flags, const char *source)
{
	struct mount *mount = kzalloc(sizeof(*mount));

	if (!mount)
		return NULL;
	if (source) {
		mount->source = kmalloc(strlen(source) + 1);
		if (!mount->source) {
			kfree(mount);
			return NULL;
		}
		memcpy(mount->source, source, strlen(source) + 1);
	}
	mount->references = 1;		/* the tree's, once attached */
	mount->id = __atomic_fetch_add(&next_mount_id, 1, __ATOMIC_RELAXED);
	mount->super_block = super_block;
	mount->root = root;
	mount->flags = flags;
	list_init(&mount->node);
	list_init(&mount->children);
	list_init(&mount->sibling);
	list_init(&mount->everywhere);
	return mount;
}

struct mount *mount_next_in_tree(struct mount *mount, struct mount *top)
{
	if (!list_empty(&mount->children))
		return list_first_entry(&mount->children, struct mount, sibling);
	while (mount != top) {
		struct mount *parent = mount->parent;

		if (mount->sibling.next != &parent->children)
			return list_entry(mount->sibling.next, struct mount, sibling);
		mount = parent;
	}
	return NULL;
}

/* Enter the tree below `top` into `ns`, in tree order (which is mountinfo's order for it). */
static void enter_tree(struct mount *top, struct mount_namespace *ns)
{
	for (struct mount *mount = top; mount; mount = mount_next_in_tree(mount, top)) {
		mount->namespace = ns;
		list_add_tail(&ns->mounts, &mount->node);
		list_add_tail(&mounts_everywhere, &mount->everywhere);
		ns->mount_count++;
	}
}

void mount_attach(struct mount *top, struct mount *parent, struct inode *mountpoint)
{
	BUG_ON(!vfs_lock_is_held());
	mount_get(parent);
	inode_get(mountpoint);
	top->parent = parent;
	top->mountpoint = mountpoint;
	mountpoint->mounts_here++;
	list_add_tail(&parent->children, &top->sibling);
	if (parent->namespace)
		enter_tree(top, parent->namespace);
}

void mount_move(struct mount *mount, struct mount *parent, struct inode *mountpoint,
		struct path *old_place)
{
	BUG_ON(!vfs_lock_is_held());
	*old_place = (struct path){ mount->parent, mount->mountpoint };
	mount->mountpoint->mounts_here--;
	list_remove(&mount->sibling);
	mount_get(parent);
	inode_get(mountpoint);
	mount->parent = parent;
	mount->mountpoint = mountpoint;
	mountpoint->mounts_here++;
	list_add_tail(&parent->children, &mount->sibling);
}

int mount_may_mount(struct userns_refusal *refusal)
{
	if (ns_capable(current_mount_ns()->ns.owner, CAP_SYS_ADMIN))
		return 0;
	return userns_refuse(refusal, RULE_R9_1_MAY_MOUNT, 0,
			     "no CAP_SYS_ADMIN over the owner of the caller's mount ns", EPERM);
}

void mount_enter_namespace(struct mount *top, struct mount_namespace *ns)
{
	enter_tree(top, ns);
}

void mount_detach_tree(struct mount *top, struct list_node *doomed)
{
	struct list_node taken = LIST_INIT(taken);
	struct mount *mount, *next;

	/* First gather (the walk needs the children lists), then unhook each. */
	for (mount = top; mount; mount = mount_next_in_tree(mount, top)) {
		if (mount->namespace) {
			mount->namespace->mount_count--;
			mount->namespace = NULL;
		}
		list_remove(&mount->node);
		list_remove(&mount->everywhere);
		list_add_tail(&taken, &mount->node);
	}
	list_for_each_entry_safe(mount, next, &taken, node) {
		/*
		 * It keeps its parent and mountpoint references until it is freed, but covers
		 * nothing any more: mount_parent() says NULL for a detached mount, so ".." stops.
		 */
		if (mount->parent && !list_empty(&mount->sibling))
			mount->mountpoint->mounts_here--;
		list_remove(&mount->sibling);
		list_remove(&mount->node);
		list_add_tail(doomed, &mount->node);
	}
}

void mount_put_doomed(struct list_node *doomed)
{
	struct mount *mount, *next;

	BUG_ON(vfs_lock_is_held());
	list_for_each_entry_safe(mount, next, doomed, node) {
		list_remove(&mount->node);
		mount_put(mount);	/* the tree's reference */
	}
}

struct mount *mount_parent(const struct mount *mount)
{
	return mount->namespace ? mount->parent : NULL;
}

struct mount *mount_covering(struct mount *parent, struct inode *mountpoint)
{
	struct mount *mount, *covering = NULL;

	if (mountpoint->mounts_here == 0)
		return NULL;
	/* The newest mount on a place hides the older ones. */
	list_for_each_entry(mount, &parent->children, sibling)
		if (mount->mountpoint == mountpoint)
			covering = mount;
	return covering;
}

void mount_follow_down(struct path *place)
{
	struct mount *covering;

	while ((covering = mount_covering(place->mount, place->inode)) != NULL) {
		/* Called under vfs_lock: the old place still has its tree's references. */
		mount_put(place->mount);
		inode_put(place->inode);
		place->mount = covering;
		place->inode = covering->root;
		path_get(place);
	}
}

bool inode_is_within(struct inode *inode, struct inode *ancestor)
{
	for (; inode; inode = inode->parent)
		if (inode == ancestor)
			return true;
	return false;
}

bool path_is_reachable(const struct path *place, const struct path *root)
{
	struct mount *mount = place->mount;
	struct inode *inode = place->inode;

	while (mount != root->mount) {
		struct mount *parent = mount_parent(mount);

		if (!parent)
			return false;
		inode = mount->mountpoint;
		mount = parent;
	}
	return inode_is_within(inode, root->inode);
}

bool mount_is_current(const struct mount *mount)
{
	return mount->namespace && mount->namespace == current_mount_ns();
}

/* A new instance of `type_name`, detached, for the caller. */
static int make_instance(const char *type_name, uint32_t mode, const char *source,
			 unsigned int flags, struct mount **made)
{
	struct super_block *super_block;
	struct inode *root;
	struct mount *mount;
	int error;

	error = fs_type_mount(type_name, mode, GLOBAL_ROOT_UID, GLOBAL_ROOT_GID, &super_block,
			      &root);
	if (error < 0)
		return error;
	/* Whose instance it is: for proc the pid namespace's owner, else the mounter's (R9.2). */
	super_block->user_ns = get_user_ns(strcmp(type_name, "proc") == 0 ?
						   current_pid_ns()->ns.owner : current_user_ns());
	super_block->read_only = flags & MS_RDONLY;
	mount = mount_alloc(super_block, root, flags, source ? source : type_name);
	if (!mount) {
		inode_put(root);
		super_block_put(super_block);
		return -ENOMEM;
	}
	*made = mount;
	return 0;
}

int vfs_mount_root(const char *type_name)
{
	struct mount *rootfs, *top;
	int error;

	BUG_ON(init_mount_ns.root.mount != NULL);
	/*
	 * As Linux: an empty "rootfs" at the bottom that nobody sees, and "/" mounted on it, so
	 * that "/" can be moved away by pivot_root like any other mount.
	 */
	error = make_instance("ramfs", S_IFDIR | 0755, "rootfs", MS_RELATIME, &rootfs);
	if (error < 0)
		return error;
	rootfs->super_block->type_name = "rootfs";
	error = make_instance(type_name, S_IFDIR | 0755, type_name, MS_RELATIME, &top);
	if (error < 0) {
		mount_put(rootfs);
		return error;
	}
	vfs_lock();
	mount_enter_namespace(rootfs, &init_mount_ns);
	init_mount_ns.root = (struct path){ rootfs, rootfs->root };
	path_get(&init_mount_ns.root);
	mount_attach(top, rootfs, rootfs->root);
	vfs_unlock();
	return 0;
}

int vfs_root(struct path *root)
{
	struct mount_namespace *ns = current_mount_ns();

	if (!ns->root.mount)
		return -ENOENT;
	mount_namespace_top(ns, root);
	return 0;
}

/* Where a new mount goes: on top of whatever is mounted on `where` already. */
static int attach_on_top(const struct path *where, struct mount *mount)
{
	struct list_node doomed = LIST_INIT(doomed);
	struct path place = *where;
	int error = 0;

	path_get(&place);
	vfs_lock();
	mount_follow_down(&place);
	if (!place.mount->namespace) {
		error = -EINVAL;	/* a place in a detached tree: nothing can be added there */
	} else {
		mount_attach(mount, place.mount, place.inode);
		mount_propagate_attach(mount, place.mount, place.inode, &doomed);
	}
	vfs_unlock();
	mount_put_doomed(&doomed);
	path_put(&place);
	return error;
}

int mount_new_instance(const struct path *where, const char *type_name, const char *source,
		       unsigned int flags, unsigned int locks)
{
	struct mount *mount;
	int error;

	if (!S_ISDIR(where->inode->mode))
		return -ENOTDIR;
	error = make_instance(type_name, S_IFDIR | 01777, source, flags, &mount);
	if (error < 0)
		return error;
	mount->locks = locks;
	error = attach_on_top(where, mount);
	if (error < 0)
		mount_put(mount);
	return error;
}

int vfs_mount_at(const struct path *where, const char *type_name, unsigned int flags)
{
	return mount_new_instance(where, type_name, NULL, flags | MS_RELATIME, 0);
}

int vfs_unmount(const struct path *mount_root)
{
	return mount_umount(mount_root, 0, NULL);
}
