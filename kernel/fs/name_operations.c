/*
 * name_operations.c: creating, linking, removing and renaming names, with the
 * checks Linux makes before a file system is asked to change anything:
 * write and search permission on the directory, the sticky bit, the types of
 * what is replaced, mount points, and staying inside one mount.
 * Everything runs under vfs_lock, so the checks and the change are one step.
 */
#include <kuid/cred.h>
#include <kuid/vfs.h>
#include <uapi/errno.h>
#include <uapi/fcntl.h>
#include <uapi/mount.h>
#include <uapi/stat.h>

/* A directory may gain or lose names: it is a live directory we may write to. */
static int may_change_directory(const struct path *directory)
{
	struct inode *inode = directory->inode;

	if (!S_ISDIR(inode->mode))
		return -ENOTDIR;
	if (inode->nlink == 0)
		return -ENOENT;		/* removed: nothing new can appear in it */
	if (directory->mount->flags & MS_RDONLY)
		return -EROFS;
	return inode_permission(inode, MAY_WRITE | MAY_EXEC);
}

/* In a sticky directory (/tmp) only the owner of a file or of the directory may remove it. */
static bool sticky_allows(struct inode *directory, struct inode *victim)
{
	kuid_t fsuid = current_cred()->fsuid;

	if (!(directory->mode & S_ISVTX))
		return true;
	if (uid_eq(fsuid, victim->uid) || uid_eq(fsuid, directory->uid))
		return true;
	return capable_fowner(victim);
}

/* Look `name` up in a locked directory; a new reference in *found. */
static int child_of(struct inode *directory, const char *name, struct inode **found)
{
	return directory->operations->lookup(directory, name, found);
}

void vfs_touch(struct inode *inode, bool modified)
{
	struct vfs_time now = vfs_now();

	if (modified)
		inode->modify_time = now;
	inode->change_time = now;
}

void vfs_drop_privileges(struct inode *inode)
{
	uint32_t drop = 0;

	/* Otherwise anyone allowed to write could plant code that runs as the owner. */
	if (inode->mode & S_ISUID)
		drop |= S_ISUID;
	if ((inode->mode & S_ISGID) && (inode->mode & S_IXGRP))
		drop |= S_ISGID;
	if (drop && !capable_fsetid(inode))
		inode->mode &= ~drop;
}

int vfs_create(const struct path *directory, const char *name, uint32_t mode,
	       struct device_number device, const char *symlink_target, struct inode **created)
{
	const struct cred *cred = current_cred();
	struct inode *dir = directory->inode, *existing;
	kgid_t gid = cred->fsgid;
	int error;

	vfs_lock();
	error = may_change_directory(directory);
	if (error < 0)
		goto out;
	if (child_of(dir, name, &existing) == 0) {
		inode_put(existing);
		error = -EEXIST;
		goto out;
	}
	/* A set-group-ID directory hands its group down (and, to directories, the bit). */
	if (dir->mode & S_ISGID) {
		gid = dir->gid;
		if (S_ISDIR(mode))
			mode |= S_ISGID;
	}
	/* Nobody makes a set-group-ID file for a group they are not in, unless privileged. */
	if (!S_ISDIR(mode) && (mode & S_ISGID) && (mode & S_IXGRP) && !caller_in_group(gid))
		mode &= capable_fsetid(dir) ? ~0u : ~(uint32_t)S_ISGID;

	error = dir->operations->create(dir, name, mode, cred->fsuid, gid, device,
					symlink_target, created);
	if (error == 0)
		vfs_touch(dir, true);
out:
	vfs_unlock();
	return error;
}

int vfs_link(const struct path *directory, const char *name, const struct path *target)
{
	struct inode *dir = directory->inode, *inode = target->inode, *existing;
	int error;

	vfs_lock();
	error = may_change_directory(directory);
	if (error < 0)
		goto out;
	if (directory->mount != target->mount) {
		error = -EXDEV;
		goto out;
	}
	if (S_ISDIR(inode->mode)) {
		error = -EPERM;		/* hard links to directories would make loops */
		goto out;
	}
	if (child_of(dir, name, &existing) == 0) {
		inode_put(existing);
		error = -EEXIST;
		goto out;
	}
	if (inode->nlink == 0) {
		error = -ENOENT;	/* a file already removed cannot come back */
		goto out;
	}
	error = dir->operations->link(dir, name, inode);
	if (error == 0) {
		vfs_touch(dir, true);
		vfs_touch(inode, false);
	}
out:
	vfs_unlock();
	return error;
}

int vfs_unlink(const struct path *directory, const char *name, bool remove_directory)
{
	struct inode *dir = directory->inode, *victim = NULL;
	int error;

	vfs_lock();
	error = may_change_directory(directory);
	if (error < 0)
		goto out;
	error = child_of(dir, name, &victim);
	if (error < 0)
		goto out;
	if (!sticky_allows(dir, victim)) {
		error = -EPERM;
		goto out;
	}
	if (remove_directory) {
		if (!S_ISDIR(victim->mode))
			error = -ENOTDIR;
		else if (victim->mounts_here)
			error = -EBUSY;
		else if (!dir->operations->is_empty(victim))
			error = -ENOTEMPTY;
	} else if (S_ISDIR(victim->mode)) {
		error = -EISDIR;
	}
	if (error < 0)
		goto out;
	error = dir->operations->unlink(dir, name, victim);
	if (error == 0) {
		vfs_touch(dir, true);
		vfs_touch(victim, false);
	}
out:
	vfs_unlock();
	inode_put(victim);
	return error;
}

/* Would moving `moved` into `destination` put a directory inside itself? */
static bool is_ancestor(struct inode *moved, struct inode *destination)
{
	for (struct inode *at = destination; at; at = at->parent)
		if (at == moved)
			return true;
	return false;
}

/* Checks of a rename once both names are looked up; 0 when it may go ahead. */
static int rename_allowed(const struct path *old_directory, struct inode *source,
			  const struct path *new_directory, struct inode *target,
			  unsigned int flags)
{
	struct inode *old_dir = old_directory->inode, *new_dir = new_directory->inode;

	if (!sticky_allows(old_dir, source))
		return -EPERM;
	if (source->mounts_here)
		return -EBUSY;
	if (S_ISDIR(source->mode)) {
		if (is_ancestor(source, new_dir))
			return -EINVAL;
		/* Its ".." changes: that is a write to the directory moved. */
		if (old_dir != new_dir) {
			int error = inode_permission(source, MAY_WRITE);

			if (error < 0)
				return error;
		}
	}
	if (!target)
		return 0;
	if (flags & RENAME_NOREPLACE)
		return -EEXIST;
	if (!sticky_allows(new_dir, target))
		return -EPERM;
	if (target->mounts_here)
		return -EBUSY;
	if (S_ISDIR(source->mode) && !S_ISDIR(target->mode))
		return -ENOTDIR;
	if (!S_ISDIR(source->mode) && S_ISDIR(target->mode))
		return -EISDIR;
	if (S_ISDIR(target->mode) && !new_dir->operations->is_empty(target))
		return -ENOTEMPTY;
	if (is_ancestor(target, old_dir))
		return -ENOTEMPTY;	/* the target holds the source: not empty */
	return 0;
}

int vfs_rename(const struct path *old_directory, const char *old_name,
	       const struct path *new_directory, const char *new_name, unsigned int flags)
{
	struct inode *old_dir = old_directory->inode, *new_dir = new_directory->inode;
	struct inode *source = NULL, *target = NULL;
	int error;

	if (flags & ~RENAME_NOREPLACE)
		return -EINVAL;		/* RENAME_EXCHANGE and RENAME_WHITEOUT: not in kuid */

	vfs_lock();
	error = may_change_directory(old_directory);
	if (error == 0)
		error = may_change_directory(new_directory);
	if (error < 0)
		goto out;
	if (old_directory->mount != new_directory->mount) {
		error = -EXDEV;
		goto out;
	}
	error = child_of(old_dir, old_name, &source);
	if (error < 0)
		goto out;
	if (child_of(new_dir, new_name, &target) < 0)
		target = NULL;
	/* Two names of one file: POSIX says do nothing, successfully. */
	if (source == target)
		goto out;
	error = rename_allowed(old_directory, source, new_directory, target, flags);
	if (error < 0)
		goto out;
	if (target) {
		error = new_dir->operations->unlink(new_dir, new_name, target);
		if (error < 0)
			goto out;
		vfs_touch(target, false);
	}
	error = old_dir->operations->rename(old_dir, old_name, new_dir, new_name);
	if (error == 0) {
		vfs_touch(old_dir, true);
		vfs_touch(new_dir, true);
		vfs_touch(source, false);
	}
out:
	vfs_unlock();
	inode_put(source);
	inode_put(target);
	return error;
}

ssize_t vfs_readlink(struct inode *link, char *buffer, size_t size)
{
	ssize_t length;

	if (!S_ISLNK(link->mode))
		return -EINVAL;
	/* A magic link makes its text from live objects, without vfs_lock (see vfs.h). */
	if (link->operations->get_link)
		return link->operations->readlink(link, buffer, size);
	vfs_lock();
	length = link->operations->readlink(link, buffer, size);
	vfs_unlock();
	return length;
}

int vfs_truncate(struct inode *inode, uint64_t size)
{
	int error;

	if (S_ISDIR(inode->mode))
		return -EISDIR;
	if (!S_ISREG(inode->mode))
		return -EINVAL;
	vfs_lock();
	error = file_size_limit_truncate(inode->size, size);
	if (error == 0)
		error = inode->operations->truncate(inode, size);
	if (error == 0) {
		vfs_drop_privileges(inode);
		vfs_touch(inode, true);
	}
	vfs_unlock();
	return error;
}
