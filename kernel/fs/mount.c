/*
 * mount.c: the mount table. Each mount attaches one file system instance (a
 * super_block and its root directory) on a directory of its parent mount;
 * the path walk steps from that directory into the mount's root
 * (mount_covering) and back out on "..". The root mount has no parent.
 *
 * There is one table for now. A mount namespace would own its own list and
 * root mount; everything else here already speaks of mounts and parents only.
 */
#include <kuid/heap.h>
#include <kuid/mount_namespace.h>
#include <kuid/panic.h>
#include <kuid/procfs.h>
#include <kuid/string.h>
#include <kuid/vfs.h>
#include <uapi/errno.h>
#include <uapi/stat.h>

/* Every mount, oldest first; protected by vfs_lock. */
static struct list_node mount_table = LIST_INIT(mount_table);
static struct mount *root_mount;

/* Mount ids as mountinfo shows them; Linux's first mounts get numbers in the 20s too. */
static unsigned int next_mount_id = 21;

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
	if (!mount)
		return;
	if (__atomic_sub_fetch(&mount->references, 1, __ATOMIC_ACQ_REL) != 0)
		return;
	inode_put(mount->root);
	inode_put(mount->mountpoint);
	mount_put(mount->parent);
	super_block_put(mount->super_block);
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

/* A mount of a fresh instance; holds the super_block and root references it is given. */
static struct mount *mount_new(struct super_block *super_block, struct inode *root,
			       unsigned int flags)
{
	struct mount *mount = kzalloc(sizeof(*mount));

	if (!mount)
		return NULL;
	mount->references = 1;		/* the mount table's */
	mount->id = __atomic_fetch_add(&next_mount_id, 1, __ATOMIC_RELAXED);
	mount->super_block = super_block;
	mount->root = root;
	mount->flags = flags;
	list_init(&mount->node);
	return mount;
}

int vfs_mount_root(const char *type_name)
{
	struct super_block *super_block;
	struct inode *root;
	struct mount *mount;
	int error;

	BUG_ON(root_mount != NULL);
	error = fs_type_mount(type_name, S_IFDIR | 0755, GLOBAL_ROOT_UID, GLOBAL_ROOT_GID,
			      &super_block, &root);
	if (error < 0)
		return error;
	mount = mount_new(super_block, root, 0);
	if (!mount) {
		inode_put(root);
		super_block_put(super_block);
		return -ENOMEM;
	}
	vfs_lock();
	list_add_tail(&mount_table, &mount->node);
	root_mount = mount;
	vfs_unlock();
	/* The initial mount namespace sees the tree from here (mount_namespace.h). */
	mount_namespace_set_initial_root(&(struct path){ mount, mount->root });
	return 0;
}

int vfs_root(struct path *root)
{
	if (!root_mount)
		return -ENOENT;
	root->mount = root_mount;
	root->inode = root_mount->root;
	path_get(root);
	return 0;
}

size_t mount_table_snapshot(struct mount **mounts, size_t capacity)
{
	struct mount *mount;
	size_t count = 0;

	vfs_lock();
	list_for_each_entry(mount, &mount_table, node) {
		if (count < capacity) {
			mount_get(mount);
			mounts[count] = mount;
		}
		count++;
	}
	vfs_unlock();
	return count;
}

struct mount *mount_covering(struct mount *parent, struct inode *mountpoint)
{
	struct mount *mount, *covering = NULL;

	if (mountpoint->mounts_here == 0)
		return NULL;
	/* The newest mount on a place hides the older ones. */
	list_for_each_entry(mount, &mount_table, node)
		if (mount->parent == parent && mount->mountpoint == mountpoint)
			covering = mount;
	return covering;
}

int vfs_mount_at(const struct path *where, const char *type_name, unsigned int flags)
{
	struct super_block *super_block;
	struct inode *root;
	struct mount *mount;
	int error;

	if (!S_ISDIR(where->inode->mode))
		return -ENOTDIR;
	error = fs_type_mount(type_name, S_IFDIR | 01777, GLOBAL_ROOT_UID, GLOBAL_ROOT_GID,
			      &super_block, &root);
	if (error < 0)
		return error;
	mount = mount_new(super_block, root, flags);
	if (!mount) {
		inode_put(root);
		super_block_put(super_block);
		return -ENOMEM;
	}
	path_get(where);
	mount->parent = where->mount;
	mount->mountpoint = where->inode;

	vfs_lock();
	list_add_tail(&mount_table, &mount->node);
	where->inode->mounts_here++;
	vfs_unlock();
	return 0;
}

int vfs_unmount(const struct path *mount_root)
{
	struct mount *mount = mount_root->mount, *other;
	int error = 0;

	vfs_lock();
	if (mount_root->inode != mount->root || list_empty(&mount->node)) {
		error = -EINVAL;
		goto out;
	}
	if (mount == root_mount) {
		error = -EBUSY;
		goto out;
	}
	list_for_each_entry(other, &mount_table, node) {
		if (other->parent == mount) {
			error = -EBUSY;
			goto out;
		}
	}
	/* The table's reference and the caller's: anything more is an open file or a cwd. */
	if (__atomic_load_n(&mount->references, __ATOMIC_RELAXED) > 2) {
		error = -EBUSY;
		goto out;
	}
	list_remove(&mount->node);
	mount->mountpoint->mounts_here--;
out:
	vfs_unlock();
	if (error == 0)
		mount_put(mount);	/* the table's reference */
	return error;
}
