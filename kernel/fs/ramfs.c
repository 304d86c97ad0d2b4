/*
 * ramfs.c: a file system that lives entirely in memory, mounted as "tmpfs"
 * or "ramfs" (kuid has no swap, so the two are the same thing).
 *
 * A directory is a list of entries (name, inode reference), in the order they
 * were made. Each entry gets a position number when it is added; getdents
 * resumes from a position, so removing or adding names while a directory is
 * being read never makes it skip or repeat a name that stayed. Positions 0
 * and 1 are "." and "..". A symbolic link keeps its target text; a regular
 * file its pages (ramfs_data.c); a device node or FIFO only its inode.
 *
 * Every function here is called with vfs_lock held, after the VFS checked
 * permissions and types (name_operations.c).
 */
#include <kuid/heap.h>
#include <kuid/string.h>
#include <kuid/vfs.h>
#include <uapi/dirent.h>
#include <uapi/errno.h>
#include <uapi/stat.h>

#include "ramfs_internal.h"

/* What tmpfs reports as a directory's size: 20 "bytes" per name, "." and ".." included. */
#define DIRECTORY_ENTRY_SIZE 20

#define FIRST_ENTRY_POSITION 2	/* after "." and ".." */

struct ramfs_entry {
	struct list_node node;
	struct inode *inode;		/* a reference */
	uint64_t position;
	char name[];
};

struct ramfs_directory {
	struct list_node entries;	/* struct ramfs_entry, by position */
	uint64_t next_position;
};

static const struct inode_operations ramfs_operations;

static struct ramfs_directory *directory_of(struct inode *inode)
{
	return inode->private;
}

static struct ramfs_entry *find_entry(struct inode *directory, const char *name)
{
	struct ramfs_entry *entry;

	list_for_each_entry(entry, &directory_of(directory)->entries, node)
		if (strcmp(entry->name, name) == 0)
			return entry;
	return NULL;
}

static struct ramfs_entry *entry_new(const char *name, struct inode *inode)
{
	size_t length = strlen(name);
	struct ramfs_entry *entry = kmalloc(sizeof(*entry) + length + 1);

	if (!entry)
		return NULL;
	memcpy(entry->name, name, length + 1);
	entry->inode = inode;
	list_init(&entry->node);
	return entry;
}

/* Put a made entry at the end of a directory; the entry keeps its inode reference. */
static void entry_add(struct inode *directory, struct ramfs_entry *entry)
{
	struct ramfs_directory *contents = directory_of(directory);

	entry->position = contents->next_position++;
	list_add_tail(&contents->entries, &entry->node);
	directory->size += DIRECTORY_ENTRY_SIZE;
}

static void entry_remove(struct inode *directory, struct ramfs_entry *entry)
{
	list_remove(&entry->node);
	directory->size -= DIRECTORY_ENTRY_SIZE;
}

/* The private part of a new inode of `mode`. */
static int make_private(struct inode *inode, const char *target)
{
	if (S_ISDIR(inode->mode)) {
		struct ramfs_directory *contents = kzalloc(sizeof(*contents));

		if (!contents)
			return -ENOSPC;
		list_init(&contents->entries);
		contents->next_position = FIRST_ENTRY_POSITION;
		inode->private = contents;
		inode->size = 2 * DIRECTORY_ENTRY_SIZE;
		inode->nlink = 2;	/* its name, and its own "." */
	} else if (S_ISREG(inode->mode)) {
		inode->private = kzalloc(sizeof(struct ramfs_file));
		if (!inode->private)
			return -ENOSPC;
	} else if (S_ISLNK(inode->mode)) {
		size_t length = strlen(target);

		inode->private = kmalloc(length + 1);
		if (!inode->private)
			return -ENOSPC;
		memcpy(inode->private, target, length + 1);
		inode->size = length;
	}
	return 0;
}

static struct inode *ramfs_inode_new(struct super_block *super_block, uint32_t mode, kuid_t uid,
				     kgid_t gid, struct device_number device, const char *target)
{
	struct inode *inode = inode_new(super_block, mode);

	if (!inode)
		return NULL;
	inode->operations = &ramfs_operations;
	inode->uid = uid;
	inode->gid = gid;
	if (S_ISCHR(mode) || S_ISBLK(mode))
		inode->device = device;
	if (make_private(inode, target) < 0) {
		inode_put(inode);
		return NULL;
	}
	return inode;
}

int ramfs_fill(struct super_block *super_block, uint32_t root_mode, kuid_t uid, kgid_t gid,
	       struct inode **root)
{
	*root = ramfs_inode_new(super_block, root_mode, uid, gid, NO_DEVICE, NULL);
	return *root ? 0 : -ENOMEM;
}

static int ramfs_lookup(struct inode *directory, const char *name, struct inode **found)
{
	struct ramfs_entry *entry = find_entry(directory, name);

	if (!entry)
		return -ENOENT;
	inode_get(entry->inode);
	*found = entry->inode;
	return 0;
}

static int ramfs_create(struct inode *directory, const char *name, uint32_t mode, kuid_t uid,
			kgid_t gid, struct device_number device, const char *target,
			struct inode **created)
{
	struct inode *inode;
	struct ramfs_entry *entry;

	inode = ramfs_inode_new(directory->super_block, mode, uid, gid, device, target);
	if (!inode)
		return -ENOSPC;
	entry = entry_new(name, inode);
	if (!entry) {
		inode_put(inode);
		return -ENOSPC;
	}
	if (S_ISDIR(mode)) {
		inode->parent = directory;
		directory->nlink++;	/* the new directory's ".." */
	}
	entry_add(directory, entry);	/* the entry keeps the first reference */
	inode_get(inode);
	*created = inode;
	return 0;
}

static int ramfs_link(struct inode *directory, const char *name, struct inode *inode)
{
	struct ramfs_entry *entry = entry_new(name, inode);

	if (!entry)
		return -ENOSPC;
	inode_get(inode);
	inode->nlink++;
	entry_add(directory, entry);
	return 0;
}

static int ramfs_unlink(struct inode *directory, const char *name, struct inode *inode)
{
	struct ramfs_entry *entry = find_entry(directory, name);

	if (!entry || entry->inode != inode)
		return -ENOENT;
	entry_remove(directory, entry);
	if (S_ISDIR(inode->mode)) {
		inode->nlink = 0;
		inode->parent = NULL;
		directory->nlink--;
	} else {
		inode->nlink--;
	}
	inode_put(entry->inode);
	kfree(entry);
	return 0;
}

static int ramfs_rename(struct inode *old_directory, const char *old_name,
			struct inode *new_directory, const char *new_name)
{
	struct ramfs_entry *old_entry = find_entry(old_directory, old_name);
	struct ramfs_entry *new_entry;
	struct inode *inode;

	if (!old_entry)
		return -ENOENT;
	inode = old_entry->inode;
	/* Make the new entry first: once the old one is gone, failing would lose the file. */
	new_entry = entry_new(new_name, inode);
	if (!new_entry)
		return -ENOSPC;
	entry_remove(old_directory, old_entry);
	kfree(old_entry);
	entry_add(new_directory, new_entry);	/* takes over the old entry's reference */
	if (S_ISDIR(inode->mode) && old_directory != new_directory) {
		inode->parent = new_directory;
		old_directory->nlink--;
		new_directory->nlink++;
	}
	return 0;
}

static bool ramfs_is_empty(struct inode *directory)
{
	return list_empty(&directory_of(directory)->entries);
}

static int ramfs_iterate(struct inode *directory, uint64_t *position, directory_emit_t emit,
			 void *context)
{
	struct ramfs_entry *entry;
	struct inode *parent = directory->parent ? directory->parent : directory;

	if (*position == 0) {
		struct directory_entry_info dot = { ".", 1, directory->number, DT_DIR, 1 };

		if (!emit(context, &dot))
			return 0;
		*position = 1;
	}
	if (*position == 1) {
		struct directory_entry_info dotdot = { "..", 2, parent->number, DT_DIR,
						       FIRST_ENTRY_POSITION };

		if (!emit(context, &dotdot))
			return 0;
		*position = FIRST_ENTRY_POSITION;
	}
	list_for_each_entry(entry, &directory_of(directory)->entries, node) {
		if (entry->position < *position)
			continue;
		struct directory_entry_info info = {
			.name = entry->name,
			.name_length = strlen(entry->name),
			.inode_number = entry->inode->number,
			.type = DT_FROM_MODE(entry->inode->mode),
			.next_position = entry->position + 1,
		};

		if (!emit(context, &info))
			return 0;
		*position = entry->position + 1;
	}
	return 0;
}

static int ramfs_name_of(struct inode *directory, struct inode *child, char *name, size_t size)
{
	struct ramfs_entry *entry;

	list_for_each_entry(entry, &directory_of(directory)->entries, node) {
		if (entry->inode == child) {
			if (string_copy(name, entry->name, size) >= size)
				return -ENAMETOOLONG;
			return 0;
		}
	}
	return -ENOENT;
}

static ssize_t ramfs_readlink(struct inode *link, char *buffer, size_t size)
{
	size_t length = MIN((size_t)link->size, size);

	memcpy(buffer, link->private, length);
	return (ssize_t)length;
}

static ssize_t ramfs_read(struct inode *inode, void *buffer, size_t count, uint64_t offset)
{
	return ramfs_data_read(inode->private, inode->size, buffer, count, offset);
}

static ssize_t ramfs_write(struct inode *inode, const void *buffer, size_t count,
			   uint64_t offset)
{
	ssize_t written = ramfs_data_write(inode->private, buffer, count, offset);

	if (written > 0 && offset + (uint64_t)written > inode->size)
		inode->size = offset + (uint64_t)written;
	return written;
}

static int ramfs_truncate(struct inode *inode, uint64_t size)
{
	if (size > RAMFS_FILE_SIZE_MAX)
		return -EFBIG;
	ramfs_data_truncate(inode->private, inode->size, size);
	inode->size = size;
	return 0;
}

static void ramfs_destroy(struct inode *inode)
{
	if (S_ISDIR(inode->mode) && inode->private) {
		struct ramfs_entry *entry, *next;

		/* Only a whole file system going away has entries left here. */
		list_for_each_entry_safe(entry, next, &directory_of(inode)->entries, node) {
			list_remove(&entry->node);
			if (S_ISDIR(entry->inode->mode))
				entry->inode->parent = NULL;
			inode_put(entry->inode);
			kfree(entry);
		}
	} else if (S_ISREG(inode->mode) && inode->private) {
		ramfs_data_free(inode->private);
	}
	kfree(inode->private);
	inode->private = NULL;
}

static const struct inode_operations ramfs_operations = {
	.lookup = ramfs_lookup,
	.create = ramfs_create,
	.link = ramfs_link,
	.unlink = ramfs_unlink,
	.rename = ramfs_rename,
	.is_empty = ramfs_is_empty,
	.iterate = ramfs_iterate,
	.name_of = ramfs_name_of,
	.readlink = ramfs_readlink,
	.read = ramfs_read,
	.write = ramfs_write,
	.truncate = ramfs_truncate,
	.destroy = ramfs_destroy,
};
