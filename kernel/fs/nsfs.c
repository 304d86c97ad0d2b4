/*
 * nsfs.c: the namespace file system (nsfs.h): one inode per live namespace file, and the
 * NS_GET_* ioctls on its files (R6.6-R6.10).
 *
 * Theory of operation. nsfs has one static super block and one static mount; neither is ever
 * freed, and no path of any mount tree leads to them: the only ways in are nsfs_path (the
 * /proc/PID/ns/X links, setns) and the ioctls that return new files. An inode is made the
 * first time a namespace's file is wanted and kept in a list while anything holds it; the
 * next request for the same namespace finds it there, so every file of a namespace is one
 * inode, as on Linux. The inode holds a reference to the namespace (R6.5); when the last
 * file or path goes, the inode's destroy leaves the list and puts the namespace.
 *
 * Locking. nsfs_lock protects the list. An inode on the list whose count already reached zero
 * is on its way out: a lookup skips it (takes a reference only if the count is not zero).
 */
#include <kuid/capability.h>
#include <kuid/file.h>
#include <kuid/heap.h>
#include <kuid/list.h>
#include <kuid/nsfs.h>
#include <kuid/pid_namespace.h>
#include <kuid/spinlock.h>
#include <kuid/user_memory.h>
#include <kuid/user_namespace.h>
#include <uapi/errno.h>
#include <uapi/fcntl.h>
#include <uapi/nsfs.h>
#include <uapi/stat.h>

#include "fs_syscall_helpers.h"

static struct super_block nsfs_super_block = {
	.references = 1,	/* never put: nsfs lives as long as the kernel */
	.type_name = "nsfs",
	.magic = NSFS_MAGIC,
	.device = NSFS_DEVICE,
};

/* The mount every nsfs path names. It covers nothing and has no root: only its identity. */
static struct mount nsfs_mount = {
	.references = 1,	/* never put */
	.super_block = &nsfs_super_block,
};

/* One per live nsfs inode (inode->private). */
struct nsfs_entry {
	struct list_node node;		/* in live_entries, under nsfs_lock */
	struct ns_common *ns;		/* a reference: what keeps the namespace alive (R6.5) */
	struct inode *inode;		/* no reference: the entry lives and dies with it */
};

static struct list_node live_entries = LIST_INIT(live_entries);
static struct spinlock nsfs_lock = SPINLOCK_INIT("nsfs");
static unsigned int inodes_alive;	/* atomic */

static const struct file_operations nsfs_file_operations;

unsigned int nsfs_inodes_alive(void)
{
	return __atomic_load_n(&inodes_alive, __ATOMIC_RELAXED);
}

static void nsfs_inode_destroy(struct inode *inode)
{
	struct nsfs_entry *entry = inode->private;

	spin_lock(&nsfs_lock);
	list_remove(&entry->node);	/* harmless for an entry that never made it to the list */
	spin_unlock(&nsfs_lock);
	ns_put(entry->ns);
	kfree(entry);
	__atomic_sub_fetch(&inodes_alive, 1, __ATOMIC_RELAXED);
}

static const struct inode_operations nsfs_inode_operations = {
	.destroy = nsfs_inode_destroy,
};

/* A reference to inode unless its count already reached zero (it is being destroyed). */
static bool inode_get_unless_zero(struct inode *inode)
{
	unsigned int count = __atomic_load_n(&inode->references, __ATOMIC_RELAXED);

	while (count != 0)
		if (__atomic_compare_exchange_n(&inode->references, &count, count + 1, false,
						__ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
			return true;
	return false;
}

/* The live inode of ns, with a reference, or NULL. Called with nsfs_lock held. */
static struct inode *find_inode(struct ns_common *ns)
{
	struct nsfs_entry *entry;

	list_for_each_entry(entry, &live_entries, node)
		if (entry->ns == ns && inode_get_unless_zero(entry->inode))
			return entry->inode;
	return NULL;
}

/* A new inode for ns, not yet on the list: st_ino is the namespace's number (R6.3). */
static struct inode *make_inode(struct ns_common *ns)
{
	struct nsfs_entry *entry = kzalloc(sizeof(*entry));
	struct inode *inode = inode_new(&nsfs_super_block, S_IFREG | 0444);

	if (!entry || !inode) {
		kfree(entry);
		if (inode)
			inode_put(inode);	/* no operations yet: nothing to destroy */
		return NULL;
	}
	list_init(&entry->node);
	entry->ns = ns_get(ns);
	entry->inode = inode;
	inode->number = ns->inode_number;
	inode->operations = &nsfs_inode_operations;
	inode->file_operations = &nsfs_file_operations;
	inode->private = entry;
	__atomic_add_fetch(&inodes_alive, 1, __ATOMIC_RELAXED);
	return inode;
}

int nsfs_path(struct ns_common *ns, struct path *path)
{
	struct inode *found, *made;

	spin_lock(&nsfs_lock);
	found = find_inode(ns);
	spin_unlock(&nsfs_lock);
	if (!found) {
		/* Made without the lock (it allocates); someone may have been quicker. */
		made = make_inode(ns);
		if (!made)
			return -ENOMEM;
		spin_lock(&nsfs_lock);
		found = find_inode(ns);
		if (!found) {
			list_add_tail(&live_entries, &((struct nsfs_entry *)made->private)->node);
			found = made;
			made = NULL;
		}
		spin_unlock(&nsfs_lock);
		if (made)
			inode_put(made);	/* the quicker one's inode is the namespace's */
	}
	mount_get(&nsfs_mount);
	path->mount = &nsfs_mount;
	path->inode = found;
	return 0;
}

int nsfs_open(struct ns_common *ns, unsigned int flags, struct file **file)
{
	struct path path;
	int error = nsfs_path(ns, &path);

	if (error)
		return error;
	error = vfs_open_inode(&path, flags, file);
	path_put(&path);
	return error;
}

struct ns_common *nsfs_file_namespace(const struct file *file)
{
	struct nsfs_entry *entry;

	if (file->inode->super_block != &nsfs_super_block)
		return NULL;
	entry = file->inode->private;
	return entry->ns;
}

/* ---- the ioctls ---- */

/*
 * R6.6: a namespace may be handed out only if the caller's own user namespace is `owner` or
 * one of its ancestors: nothing above or beside the caller is revealed. NULL (the initial
 * namespace's "owner") is never visible.
 */
static bool owner_is_visible(struct user_namespace *owner)
{
	return owner && user_ns_is_same_or_ancestor(current_user_ns(), owner);
}

/* A new O_RDONLY | O_CLOEXEC descriptor on ns (R6.6): the fd, or an errno. */
static long open_related(struct ns_common *ns)
{
	struct file *file;
	long result = nsfs_open(ns, O_RDONLY | O_CLOEXEC, &file);

	if (result)
		return result;
	result = install_fd(file, 0, true);
	if (result < 0)
		file_put(file);
	return result;
}

/* NS_GET_USERNS: the owning user namespace; a user namespace's owner is its parent. */
static long get_owner(struct ns_common *ns)
{
	struct user_namespace *owner =
		ns->operations->type == NS_TYPE_USER ? to_user_ns(ns)->parent : ns->owner;

	if (!owner_is_visible(owner))
		return userns_refuse(NULL, RULE_R6_6_OWNER_VISIBLE, 0,
				     "the owner lies outside the caller's user namespace", EPERM);
	return open_related(&owner->ns);
}

/* NS_GET_PARENT: hierarchical types only (R6.7); a pid parent must be within reach. */
static long get_parent(struct ns_common *ns)
{
	struct pid_namespace *parent;

	switch (ns->operations->type) {
	case NS_TYPE_USER:
		return get_owner(ns);	/* a user namespace's parent is its owner */
	case NS_TYPE_PID:
		parent = to_pid_ns(ns)->parent;
		if (!parent || !pid_ns_is_same_or_ancestor(current_pid_ns(), parent))
			return userns_refuse(NULL, RULE_R6_7_HIERARCHICAL, 0,
					     "the parent lies outside the caller's pid namespace",
					     EPERM);
		return open_related(&parent->ns);
	default:
		return userns_refuse(NULL, RULE_R6_7_HIERARCHICAL, 0,
				     "only user and pid namespaces have parents", EINVAL);
	}
}

/* NS_GET_OWNER_UID (R6.9): the creator's euid as the caller's namespace names it. */
static long get_owner_uid(struct ns_common *ns, unsigned long argument)
{
	uid_t uid;

	if (ns->operations->type != NS_TYPE_USER)
		return userns_refuse(NULL, RULE_R6_9_OWNER_UID, 0,
				     "only a user namespace has an owner uid", EINVAL);
	uid = from_kuid_munged(current_user_ns(), to_user_ns(ns)->owner);
	return copy_to_user((uid_t __user *)argument, &uid, sizeof(uid));
}

static long nsfs_ioctl(struct file *file, unsigned int request, unsigned long argument)
{
	struct ns_common *ns = nsfs_file_namespace(file);

	switch (request) {
	case NS_GET_USERNS:
		return get_owner(ns);
	case NS_GET_PARENT:
		return get_parent(ns);
	case NS_GET_NSTYPE:
		return ns->operations->clone_flag;	/* R6.8 */
	case NS_GET_OWNER_UID:
		return get_owner_uid(ns, argument);
	default:
		return userns_refuse(NULL, RULE_R6_10_UNKNOWN_IOCTL, 0,
				     "nsfs files answer the NS_GET_* requests only", ENOTTY);
	}
}

/* No read, no write (-EINVAL), no seek: an nsfs file is a name, not data (R6.3). */
static const struct file_operations nsfs_file_operations = {
	.ioctl = nsfs_ioctl,
};
