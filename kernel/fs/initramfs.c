/*
 * initramfs.c: unpacking the boot cpio archive into the root tmpfs, and the
 * directories and device nodes every kuid system has. This is the kernel
 * building its own tree before any process exists, so it asks the file
 * system directly (inode operations under vfs_lock) and checks no
 * permissions; the archive's modes, owners and times are kept exactly.
 */
#include <kuid/cpio.h>
#include <kuid/device.h>
#include <kuid/heap.h>
#include <kuid/panic.h>
#include <kuid/path_name.h>
#include <kuid/printk.h>
#include <kuid/string.h>
#include <kuid/vfs.h>
#include <uapi/errno.h>
#include <uapi/stat.h>

#define WRITE_CHUNK (64 * 1024)

/* Regular files seen with nlink > 1, to link later entries of the same inode to them. */
struct hard_link {
	uint32_t archive_inode;
	struct inode *inode;		/* a reference */
	struct hard_link *next;
};

struct unpack {
	struct inode *root;
	struct hard_link *hard_links;
	const char *reason;
};

/*
 * The directory that holds `name` and its last component. Every directory
 * on the way must already be there: archives list parents first.
 */
static int find_parent(struct unpack *unpack, const char *name, struct inode **parent,
		       char *last)
{
	struct path_component component;
	const char *cursor = name;
	struct inode *directory = unpack->root, *next;
	int error = 0;

	inode_get(directory);
	for (;;) {
		if (!path_next_component(&cursor, &component)) {
			unpack->reason = "the name is empty";
			error = -EINVAL;
			break;
		}
		if (component.length > NAME_MAX) {
			unpack->reason = "a name component is longer than 255 bytes";
			error = -ENAMETOOLONG;
			break;
		}
		if (path_component_kind(&component) != COMPONENT_NORMAL) {
			unpack->reason = "the name contains \".\" or \"..\"";
			error = -EINVAL;
			break;
		}
		memcpy(last, component.name, component.length);
		last[component.length] = '\0';
		if (path_rest_is_empty(cursor)) {
			*parent = directory;
			return 0;
		}
		vfs_lock();
		error = directory->operations->lookup(directory, last, &next);
		vfs_unlock();
		if (error < 0 || !S_ISDIR(next->mode)) {
			if (error == 0)
				inode_put(next);
			unpack->reason = "its parent directory is not in the archive before it";
			error = -ENOENT;
			break;
		}
		inode_put(directory);
		directory = next;
	}
	inode_put(directory);
	return error;
}

static void set_attributes(struct inode *inode, const struct cpio_entry *entry)
{
	struct vfs_time archived = { .seconds = entry->mtime, .nanoseconds = 0 };

	vfs_lock();
	inode->mode = (inode->mode & S_IFMT) | (entry->mode & 07777);
	inode->uid = (kuid_t){ entry->uid };
	inode->gid = (kgid_t){ entry->gid };
	inode->access_time = archived;
	inode->modify_time = archived;
	vfs_unlock();
}

static int write_data(struct inode *inode, const uint8_t *data, size_t size)
{
	for (size_t done = 0; done < size;) {
		size_t chunk = MIN(size - done, (size_t)WRITE_CHUNK);
		ssize_t written;

		vfs_lock();
		written = inode->operations->write(inode, data + done, chunk, done);
		vfs_unlock();
		if (written <= 0)
			return written < 0 ? (int)written : -ENOSPC;
		done += (size_t)written;
	}
	return 0;
}

/* An earlier name of this archive inode, for a hard link. */
static struct inode *earlier_link(struct unpack *unpack, const struct cpio_entry *entry)
{
	for (struct hard_link *link = unpack->hard_links; link; link = link->next)
		if (link->archive_inode == entry->inode)
			return link->inode;
	return NULL;
}

static int remember_link(struct unpack *unpack, const struct cpio_entry *entry,
			 struct inode *inode)
{
	struct hard_link *link = kmalloc(sizeof(*link));

	if (!link)
		return -ENOMEM;
	link->archive_inode = entry->inode;
	link->inode = inode;
	inode_get(inode);
	link->next = unpack->hard_links;
	unpack->hard_links = link;
	return 0;
}

/* Make one entry's inode in `directory` as `name`; a new reference in *made. */
static int make_entry(struct unpack *unpack, struct inode *directory, const char *name,
		      const struct cpio_entry *entry, struct inode **made)
{
	uint32_t type = entry->mode & S_IFMT;
	struct device_number device = { entry->rdev_major, entry->rdev_minor };
	struct inode *existing, *linked;
	char *target = NULL;
	int error;

	vfs_lock();
	error = directory->operations->lookup(directory, name, &existing);
	vfs_unlock();
	if (error == 0) {
		/* A directory listed twice keeps its contents; anything else is replaced. */
		if (type == S_IFDIR && S_ISDIR(existing->mode)) {
			*made = existing;
			return 0;
		}
		vfs_lock();
		error = S_ISDIR(existing->mode) && !directory->operations->is_empty(existing) ?
				-ENOTEMPTY :
				directory->operations->unlink(directory, name, existing);
		vfs_unlock();
		inode_put(existing);
		if (error < 0) {
			unpack->reason = "it would replace a directory that is not empty";
			return error;
		}
	}

	switch (type) {
	case S_IFREG:
		linked = entry->nlink > 1 ? earlier_link(unpack, entry) : NULL;
		if (linked) {
			vfs_lock();
			error = directory->operations->link(directory, name, linked);
			vfs_unlock();
			if (error == 0) {
				inode_get(linked);
				*made = linked;
			}
			return error;
		}
		break;
	case S_IFDIR:
	case S_IFCHR:
	case S_IFBLK:
	case S_IFIFO:
	case S_IFSOCK:
		break;
	case S_IFLNK:
		target = kmalloc(entry->data_size + 1);
		if (!target)
			return -ENOMEM;
		memcpy(target, entry->data, entry->data_size);
		target[entry->data_size] = '\0';
		if (strlen(target) != entry->data_size || entry->data_size == 0 ||
		    entry->data_size >= PATH_MAX) {
			kfree(target);
			unpack->reason = "the link target is empty, too long or has a NUL";
			return -EINVAL;
		}
		break;
	default:
		unpack->reason = "its mode has an unknown file type";
		return -EINVAL;
	}

	vfs_lock();
	error = directory->operations->create(directory, name, type | (entry->mode & 07777),
					      (kuid_t){ entry->uid }, (kgid_t){ entry->gid },
					      device, target, made);
	vfs_unlock();
	kfree(target);
	if (error == 0 && type == S_IFREG && entry->nlink > 1)
		error = remember_link(unpack, entry, *made);
	return error;
}

static int unpack_entry(struct unpack *unpack, const struct cpio_entry *entry)
{
	char name[NAME_MAX + 1];
	struct inode *directory, *inode = NULL;
	int error;

	if (entry->name_length == 0) {
		/* "." : the root directory's own mode, owner and time. */
		if (!S_ISDIR(entry->mode)) {
			unpack->reason = "the root entry \".\" is not a directory";
			return -EINVAL;
		}
		set_attributes(unpack->root, entry);
		return 0;
	}
	if (entry->name_length >= PATH_MAX) {
		unpack->reason = "the name is longer than PATH_MAX";
		return -ENAMETOOLONG;
	}
	error = find_parent(unpack, entry->name, &directory, name);
	if (error < 0)
		return error;
	error = make_entry(unpack, directory, name, entry, &inode);
	if (error == 0 && S_ISREG(inode->mode) && entry->data_size > 0) {
		error = write_data(inode, entry->data, entry->data_size);
		if (error < 0)
			unpack->reason = "out of memory for the file's data";
	}
	if (error == 0)
		set_attributes(inode, entry);
	else if (!unpack->reason)
		unpack->reason = "out of memory";
	inode_put(inode);
	inode_put(directory);
	return error;
}

int initramfs_unpack(const void *archive, size_t size, struct initramfs_failure *failure)
{
	struct unpack unpack = { 0 };
	struct cpio_reader reader;
	struct cpio_entry entry;
	struct path root;
	size_t offset = 0;
	int status;

	*failure = (struct initramfs_failure){ .entry = "", .reason = NULL, .offset = 0 };
	status = vfs_root(&root);
	if (status < 0) {
		failure->reason = "there is no root file system to unpack into";
		return status;
	}
	unpack.root = root.inode;
	cpio_reader_init(&reader, archive, size);
	while ((status = cpio_next(&reader, &entry)) == 1) {
		status = unpack_entry(&unpack, &entry);
		if (status < 0) {
			failure->entry = entry.name;
			failure->reason = unpack.reason;
			failure->offset = offset;
			break;
		}
		offset = reader.offset;
	}
	if (status < 0 && !failure->reason) {
		/* The archive itself is corrupt: the reader knows where. */
		failure->entry = reader.entry_name ? reader.entry_name : "";
		failure->reason = reader.reason;
		failure->offset = reader.offset;
	}

	while (unpack.hard_links) {
		struct hard_link *link = unpack.hard_links;

		unpack.hard_links = link->next;
		inode_put(link->inode);
		kfree(link);
	}
	path_put(&root);
	return status < 0 ? status : 0;
}

/* What kuid adds when the archive did not bring it. */
struct standard_node {
	const char *name;
	uint32_t mode;
	struct device_number device;
};

static const struct standard_node standard_nodes[] = {
	{ "dev", S_IFDIR | 0755, { 0, 0 } },
	{ "proc", S_IFDIR | 0555, { 0, 0 } },
	{ "tmp", S_IFDIR | 01777, { 0, 0 } },
	{ "dev/console", S_IFCHR | 0600, { TTY_AUX_MAJOR, 1 } },
	{ "dev/tty", S_IFCHR | 0666, { TTY_AUX_MAJOR, 0 } },
	{ "dev/null", S_IFCHR | 0666, { MEMORY_MAJOR, 3 } },
	{ "dev/zero", S_IFCHR | 0666, { MEMORY_MAJOR, 5 } },
	{ "dev/ttyS0", S_IFCHR | 0660, { TTY_SERIAL_MAJOR, 64 } },
	{ "dev/ttyS1", S_IFCHR | 0660, { TTY_SERIAL_MAJOR, 65 } },
	{ "dev/ttyS2", S_IFCHR | 0660, { TTY_SERIAL_MAJOR, 66 } },
};

void vfs_create_standard_nodes(void)
{
	struct unpack unpack = { 0 };
	struct path root;
	char name[NAME_MAX + 1];

	if (vfs_root(&root) < 0)
		panic("no root file system for /dev");
	unpack.root = root.inode;
	for (size_t i = 0; i < ARRAY_SIZE(standard_nodes); i++) {
		const struct standard_node *node = &standard_nodes[i];
		struct inode *directory, *existing, *made;
		int error = find_parent(&unpack, node->name, &directory, name);

		if (error < 0)
			panic("cannot make /%s: %s", node->name, unpack.reason);
		vfs_lock();
		if (directory->operations->lookup(directory, name, &existing) == 0) {
			made = existing;	/* the archive brought it: keep that one */
			error = 0;
		} else {
			error = directory->operations->create(directory, name, node->mode,
							      GLOBAL_ROOT_UID, GLOBAL_ROOT_GID,
							      node->device, NULL, &made);
		}
		vfs_unlock();
		if (error < 0)
			panic("cannot make /%s: error %d", node->name, error);
		inode_put(made);
		inode_put(directory);
	}
	path_put(&root);
}
