/*
 * fs_context.c: a process's root, current directory and umask. The root and
 * cwd are places (mount and inode) held by reference; chdir and chroot swap
 * them under the context's lock and put the old place after releasing it.
 */
#include <kuid/fd_table.h>
#include <kuid/heap.h>
#include <kuid/panic.h>

#define DEFAULT_UMASK 022

struct fs_context *fs_context_create_root(void)
{
	struct fs_context *fs = kzalloc(sizeof(*fs));

	if (!fs)
		return NULL;
	if (vfs_root(&fs->root) < 0) {
		kfree(fs);
		return NULL;
	}
	fs->references = 1;
	spin_lock_init(&fs->lock, "fs context");
	fs->cwd = fs->root;
	path_get(&fs->cwd);
	fs->umask = DEFAULT_UMASK;
	return fs;
}

struct fs_context *fs_context_copy(struct fs_context *fs)
{
	struct fs_context *copy = kzalloc(sizeof(*copy));

	if (!copy)
		return NULL;
	copy->references = 1;
	spin_lock_init(&copy->lock, "fs context");
	spin_lock(&fs->lock);
	copy->root = fs->root;
	copy->cwd = fs->cwd;
	copy->umask = fs->umask;
	path_get(&copy->root);
	path_get(&copy->cwd);
	spin_unlock(&fs->lock);
	return copy;
}

void fs_context_get(struct fs_context *fs)
{
	__atomic_add_fetch(&fs->references, 1, __ATOMIC_RELAXED);
}

void fs_context_put(struct fs_context *fs)
{
	if (!fs || __atomic_sub_fetch(&fs->references, 1, __ATOMIC_ACQ_REL) != 0)
		return;
	path_put(&fs->root);
	path_put(&fs->cwd);
	kfree(fs);
}

void fs_context_get_root(struct fs_context *fs, struct path *root)
{
	spin_lock(&fs->lock);
	*root = fs->root;
	path_get(root);
	spin_unlock(&fs->lock);
}

void fs_context_get_cwd(struct fs_context *fs, struct path *cwd)
{
	spin_lock(&fs->lock);
	*cwd = fs->cwd;
	path_get(cwd);
	spin_unlock(&fs->lock);
}

static void replace_path(struct fs_context *fs, struct path *slot, const struct path *path)
{
	struct path old;

	path_get(path);
	spin_lock(&fs->lock);
	old = *slot;
	*slot = *path;
	spin_unlock(&fs->lock);
	path_put(&old);
}

void fs_context_set_cwd(struct fs_context *fs, const struct path *path)
{
	replace_path(fs, &fs->cwd, path);
}

void fs_context_set_root(struct fs_context *fs, const struct path *path)
{
	replace_path(fs, &fs->root, path);
}
