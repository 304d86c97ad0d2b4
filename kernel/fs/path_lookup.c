/*
 * path_lookup.c: from a path name to a place (struct path), one component at
 * a time, as Linux does it:
 *   - an absolute path starts at the caller's root, a relative one at `start`;
 *   - every directory passed through needs search (x) permission;
 *   - "." stays, ".." goes up but never above the caller's root (chroot), and
 *     from a mount's root it first steps out to the directory mounted on;
 *   - a directory with something mounted on it leads into that mount's root; mounts are
 *     found among the children of the mount we are in, so each mount namespace's own tree
 *     is what its processes walk (kernel/fs/mount.c);
 *   - a symbolic link is replaced by its target, in the middle of a path
 *     always, at the end only when following (or with a trailing slash);
 *     more than SYMLINK_FOLLOW_MAX of them is -ELOOP;
 *   - a trailing slash means the result must be a directory;
 *   - a "magic" link (inode_operations.get_link: /proc/PID/ns/user, cwd, root)
 *     has no text: following it jumps straight to the place it names.
 *
 * The remaining path lives in one buffer, just large enough for the path given
 * (a small heap object, not a PATH_MAX one: a walk is in every open and stat,
 * docs/benchmarks.md). Following a link replaces it by a PATH_MAX buffer that
 * holds the link's target followed by what was left after the link.
 */
#include <kuid/cred.h>
#include <kuid/fd_table.h>
#include <kuid/heap.h>
#include <kuid/mount.h>
#include <kuid/path_name.h>
#include <kuid/string.h>
#include <kuid/vfs.h>
#include <uapi/errno.h>
#include <uapi/stat.h>

struct walk {
	const struct cred *cred;	/* whose search permission counts */
	struct path root;	/* the caller's root: ".." stops here */
	struct path current;	/* the directory we are in */
	char *buffer;		/* the path still to walk */
	const char *cursor;	/* inside buffer */
	unsigned int links_followed;
};

/* Move `current` to the directory above it (".."). */
static int step_up(struct walk *walk)
{
	struct path *current = &walk->current;
	struct inode *parent;
	int error = 0;

	for (;;) {
		if (path_equal(current, &walk->root))
			return 0;
		if (current->inode != current->mount->root)
			break;
		/* Step out of this mount to the directory it covers, then go on from there. */
		struct path below;

		vfs_lock();	/* MS_MOVE and pivot_root change parents */
		below = (struct path){ mount_parent(current->mount), current->mount->mountpoint };
		if (below.mount)
			path_get(&below);
		vfs_unlock();
		if (!below.mount)
			return 0;	/* a namespace's root or a detached mount: ".." is itself */
		path_put(current);
		*current = below;
	}

	vfs_lock();
	parent = current->inode->parent;
	if (parent)
		inode_get(parent);
	vfs_unlock();
	if (!parent) {
		error = -ENOENT;	/* the directory was removed */
	} else {
		inode_put(current->inode);
		current->inode = parent;
	}
	return error;
}

/*
 * Look `name` up in the current directory and step into whatever is mounted
 * on the result. A new reference in *child.
 */
static int look_up_child(struct walk *walk, const char *name, struct path *child)
{
	struct inode *directory = walk->current.inode;
	struct inode *found;
	struct mount *covering;
	int error;

	vfs_lock();
	error = directory->operations->lookup(directory, name, &found);
	if (error == 0) {
		child->mount = walk->current.mount;
		child->inode = found;
		mount_get(child->mount);
		while ((covering = mount_covering(child->mount, child->inode)) != NULL) {
			mount_get(covering);
			inode_get(covering->root);
			path_put(child);
			child->mount = covering;
			child->inode = covering->root;
		}
	}
	vfs_unlock();
	return error;
}

/* Replace the link just met by its target, in front of what is left to walk. */
static int follow_link(struct walk *walk, struct inode *link)
{
	size_t rest_length = strlen(walk->cursor);
	char *target = kmalloc(PATH_MAX);	/* the new buffer: target, then the rest */
	ssize_t target_length;
	int error = 0;

	if (!target)
		return -ENOMEM;
	if (++walk->links_followed > SYMLINK_FOLLOW_MAX) {
		error = -ELOOP;
		goto out;
	}
	target_length = vfs_readlink(link, target, PATH_MAX);
	if (target_length < 0) {
		error = (int)target_length;
		goto out;
	}
	if (target_length == 0) {
		error = -ENOENT;	/* an empty link names nothing */
		goto out;
	}
	if ((size_t)target_length + rest_length + 1 > PATH_MAX) {
		error = -ENAMETOOLONG;
		goto out;
	}
	/* What is left starts with '/' or is empty, so target + rest is a path. */
	memcpy(target + target_length, walk->cursor, rest_length + 1);
	kfree(walk->buffer);
	walk->buffer = target;
	walk->cursor = target;

	if (target[0] == '/') {
		path_put(&walk->current);
		walk->current = walk->root;
		path_get(&walk->current);
	}
	return 0;
out:
	kfree(target);
	return error;
}

/*
 * A magic link met: *child (the link) becomes the place it names. It counts
 * towards SYMLINK_FOLLOW_MAX like any link.
 */
static int jump_link(struct walk *walk, struct path *child)
{
	struct path target;
	int error;

	if (++walk->links_followed > SYMLINK_FOLLOW_MAX)
		return -ELOOP;
	error = child->inode->operations->get_link(child->inode, &target);
	if (error < 0)
		return error;
	path_put(child);
	*child = target;
	return 0;
}

/* The walk ended on `found` (a new reference, or none when missing). */
static void finish(struct walk *walk, struct lookup_result *result, struct path *found,
		   enum last_component last)
{
	result->parent = walk->current;
	walk->current = (struct path){ NULL, NULL };
	if (found)
		result->found = *found;
	result->last = last;
}

static int walk_components(struct walk *walk, unsigned int flags, struct lookup_result *result)
{
	struct path_component component;
	struct path child;
	int error;

	for (;;) {
		if (!path_next_component(&walk->cursor, &component)) {
			/* Only slashes: the path (or a link's target) was "/". */
			child = walk->current;
			path_get(&child);
			finish(walk, result, &child, LAST_ROOT);
			return 0;
		}
		bool last = path_rest_is_empty(walk->cursor);
		bool trailing_slash = path_rest_is_trailing_slash(walk->cursor);

		if (component.length > NAME_MAX)
			return -ENAMETOOLONG;
		if (!S_ISDIR(walk->current.inode->mode))
			return -ENOTDIR;
		error = inode_permission_as(walk->cred, walk->current.inode, MAY_EXEC);
		if (error < 0)
			return error;

		if (last) {
			memcpy(result->name, component.name, component.length);
			result->name[component.length] = '\0';
			result->trailing_slash = trailing_slash;
		}

		switch (path_component_kind(&component)) {
		case COMPONENT_DOT:
			break;
		case COMPONENT_DOTDOT:
			error = step_up(walk);
			if (error < 0)
				return error;
			break;
		case COMPONENT_NORMAL: {
			char name[NAME_MAX + 1];

			memcpy(name, component.name, component.length);
			name[component.length] = '\0';
			error = look_up_child(walk, name, &child);
			if (error == -ENOENT && last && (flags & LOOKUP_MAY_BE_MISSING)) {
				finish(walk, result, NULL, LAST_NORMAL);
				return 0;
			}
			if (error < 0)
				return error;
			if (S_ISLNK(child.inode->mode) && child.inode->operations->get_link &&
			    (!last || (flags & LOOKUP_FOLLOW) || trailing_slash)) {
				error = jump_link(walk, &child);
				if (error < 0) {
					path_put(&child);
					return error;
				}
				/* The name walked is the link's, not the place's. */
				result->magic_link = last;
			} else if (S_ISLNK(child.inode->mode) &&
				   (!last || (flags & LOOKUP_FOLLOW) || trailing_slash)) {
				error = follow_link(walk, child.inode);
				path_put(&child);
				if (error < 0)
					return error;
				continue;
			}
			if (last) {
				finish(walk, result, &child, LAST_NORMAL);
				return 0;
			}
			path_put(&walk->current);
			walk->current = child;
			continue;
		}
		}

		if (last) {
			/* "." or ".." at the end: the place is the directory reached. */
			child = walk->current;
			path_get(&child);
			finish(walk, result, &child,
			       path_component_kind(&component) == COMPONENT_DOT ? LAST_DOT :
										  LAST_DOTDOT);
			return 0;
		}
	}
}

int path_walk(struct fs_context *fs, const struct path *start, const char *pathname,
	      unsigned int flags, struct lookup_result *result)
{
	return path_walk_as(NULL, fs, start, pathname, flags, result);
}

int path_walk_as(const struct cred *cred, struct fs_context *fs, const struct path *start,
		 const char *pathname, unsigned int flags, struct lookup_result *result)
{
	size_t length = strnlen(pathname, PATH_MAX);
	struct walk walk = { 0 };
	int error;

	*result = (struct lookup_result){ 0 };
	if (length >= PATH_MAX)
		return -ENAMETOOLONG;
	if (length == 0) {
		if (!(flags & LOOKUP_EMPTY))
			return -ENOENT;
		/* AT_EMPTY_PATH: the place is the descriptor's own, whatever its type. */
		result->parent = *start;
		result->found = *start;
		path_get(&result->parent);
		path_get(&result->found);
		result->last = LAST_ROOT;
		return 0;
	}

	walk.cred = cred ? cred : current_cred();
	walk.buffer = kmalloc(length + 1);
	if (!walk.buffer)
		return -ENOMEM;
	memcpy(walk.buffer, pathname, length + 1);
	walk.cursor = walk.buffer;
	fs_context_get_root(fs, &walk.root);
	walk.current = pathname[0] == '/' ? walk.root : *start;
	path_get(&walk.current);

	error = walk_components(&walk, flags, result);
	if (error == 0 && result->found.inode && !S_ISDIR(result->found.inode->mode) &&
	    ((flags & LOOKUP_DIRECTORY) || result->trailing_slash))
		error = -ENOTDIR;

	if (error < 0)
		lookup_result_release(result);
	path_put(&walk.current);
	path_put(&walk.root);
	kfree(walk.buffer);
	return error;
}

void lookup_result_release(struct lookup_result *result)
{
	path_put(&result->parent);
	path_put(&result->found);
}

int path_lookup(struct fs_context *fs, const struct path *start, const char *pathname,
		unsigned int flags, struct path *found)
{
	struct lookup_result result;
	int error = path_walk(fs, start, pathname, flags & ~LOOKUP_MAY_BE_MISSING, &result);

	if (error < 0)
		return error;
	*found = result.found;
	result.found = (struct path){ NULL, NULL };
	lookup_result_release(&result);
	return 0;
}

int path_to_string(const struct path *root, const struct path *place, char *buffer,
		   size_t size, size_t *length)
{
	struct path at = *place;
	size_t start = size;
	char name[NAME_MAX + 1];
	int error = 0;

	if (size == 0)
		return -ERANGE;
	buffer[--start] = '\0';
	vfs_lock();
	for (;;) {
		if (path_equal(&at, root))
			break;
		if (at.inode == at.mount->root) {
			if (!mount_parent(at.mount))
				break;	/* outside the caller's root: report from the top */
			at = (struct path){ at.mount->parent, at.mount->mountpoint };
			continue;
		}
		struct inode *parent = at.inode->parent;

		if (!parent) {
			error = -ENOENT;	/* removed */
			break;
		}
		error = parent->operations->name_of(parent, at.inode, name, sizeof(name));
		if (error < 0)
			break;
		error = path_prepend_component(buffer, size - 1, &start, name, strlen(name));
		if (error < 0)
			break;
		at.inode = parent;
	}
	vfs_unlock();
	if (error < 0)
		return error;
	if (start == size - 1) {
		if (start == 0)
			return -ERANGE;
		buffer[--start] = '/';
	}
	*length = size - 1 - start;
	memmove(buffer, buffer + start, *length + 1);
	return 0;
}
