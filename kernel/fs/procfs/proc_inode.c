/*
 * proc_inode.c: how an entry of a /proc table becomes an inode, and what the VFS can do with
 * it: look names up and list directories (from the tables, plus the pids), open files (a
 * struct proc_file remembering the opener's credentials), read the snapshot a show function
 * printed, write, read and follow links. Inodes are made at every lookup and never cached, so
 * the owner of /proc/PID files is always the current dump owner (R3.1).
 */
#include <kuid/address_space.h>
#include <kuid/cred.h>
#include <kuid/format.h>
#include <kuid/heap.h>
#include <kuid/pid_namespace.h>
#include <kuid/string.h>
#include <kuid/user_namespace.h>
#include <uapi/dirent.h>
#include <uapi/errno.h>
#include <uapi/stat.h>

#include "procfs_internal.h"

#define FIRST_CHILD_POSITION 2	/* after "." and ".." */

static const struct inode_operations proc_inode_operations;
static const struct inode_operations proc_magic_link_operations;
static const struct inode_operations proc_guarded_file_operations;
static const struct file_operations proc_file_operations;
static const struct file_operations proc_seq_file_operations;

/* ---- inodes ---- */

/*
 * ".." and getcwd follow inode->parent. Procfs inodes are made per lookup and go when unused,
 * so unlike ramfs's, this back pointer holds a reference: the directory lives as long as the
 * child does.
 */
static void proc_set_parent(struct inode *child, struct inode *directory)
{
	inode_get(directory);
	child->parent = directory;
}

struct inode *proc_inode_new(struct super_block *super_block, const struct proc_entry *entry,
			     pid_t pid)
{
	struct procfs_instance *instance = super_block->private;
	struct proc_inode *private = kzalloc(sizeof(*private));
	struct inode *inode;
	struct task *task = NULL;

	if (!private)
		return NULL;
	if (pid) {
		task = proc_task_get(pid);
		if (!task) {
			kfree(private);
			return NULL;
		}
	}
	inode = inode_new(super_block, entry->mode);
	if (!inode) {
		task_put(task);
		kfree(private);
		return NULL;
	}
	private->entry = entry;
	private->pid = pid;
	/* The directory this comes from holds the namespace: it is alive to be taken. */
	private->pid_ns = get_pid_ns(instance->pid_ns);
	if (task)
		private->pid_number = pid_number_in(task->process->process_pid, private->pid_ns);
	inode->private = private;
	/* Links and permission hooks differ per entry: the operations dispatch to it. */
	if (entry->get_link)
		inode->operations = &proc_magic_link_operations;
	else if (entry->permission)
		inode->operations = &proc_guarded_file_operations;
	else
		inode->operations = &proc_inode_operations;
	if (S_ISREG(entry->mode))
		inode->file_operations = entry->seq_file ? &proc_seq_file_operations :
							   &proc_file_operations;
	if (S_ISDIR(entry->mode))
		inode->nlink = 2;
	/* R3.1: everything under /proc/PID belongs to the process's dump owner. */
	if (task)
		task_dump_owner(task, &inode->uid, &inode->gid);
	else
		inode->uid = GLOBAL_ROOT_UID, inode->gid = GLOBAL_ROOT_GID;
	task_put(task);
	return inode;
}

int proc_directory_lookup(struct inode *directory, const char *name, struct inode **found)
{
	struct proc_inode *parent = proc_inode_of(directory);
	const struct proc_entry *entry = parent->entry;

	for (size_t i = 0; i < entry->child_count; i++) {
		if (strcmp(entry->children[i]->name, name) != 0)
			continue;
		*found = proc_inode_new(directory->super_block, entry->children[i], parent->pid);
		if (!*found)	/* a pid directory whose process just went: its names go too */
			return parent->pid ? -ENOENT : -ENOMEM;
		proc_set_parent(*found, directory);
		return 0;
	}
	if (entry->dynamic && entry->dynamic->lookup(directory, name, found) == 0) {
		proc_set_parent(*found, directory);
		return 0;
	}
	return -ENOENT;
}

/* Called with vfs_lock held (directory_file_operations). */
static int proc_directory_iterate(struct inode *directory, uint64_t *position,
				  directory_emit_t emit, void *context)
{
	struct proc_inode *self = proc_inode_of(directory);
	const struct proc_entry *entry = self->entry;
	uint64_t first_dynamic = FIRST_CHILD_POSITION + entry->child_count;

	if (*position == 0) {
		struct directory_entry_info dot = { ".", 1, directory->number, DT_DIR, 1 };

		if (!emit(context, &dot))
			return 0;
		*position = 1;
	}
	if (*position == 1) {
		/* No inode to ask; Linux's proc also reports its own numbers here. */
		struct directory_entry_info dotdot = { "..", 2, directory->number, DT_DIR,
						       FIRST_CHILD_POSITION };

		if (!emit(context, &dotdot))
			return 0;
		*position = FIRST_CHILD_POSITION;
	}
	for (; *position < first_dynamic; (*position)++) {
		const struct proc_entry *child = entry->children[*position - FIRST_CHILD_POSITION];
		struct directory_entry_info info = {
			.name = child->name,
			.name_length = strlen(child->name),
			/* Stable numbers for listings: the entry's place, not an inode made now. */
			.inode_number = 0x10000 + ((uint64_t)self->pid << 8) + *position,
			.type = DT_FROM_MODE(child->mode),
			.next_position = *position + 1,
		};

		if (!emit(context, &info))
			return 0;
	}
	if (entry->dynamic)
		return entry->dynamic->iterate(directory, position, first_dynamic, emit, context);
	return 0;
}

static ssize_t proc_readlink(struct inode *link, char *buffer, size_t size)
{
	struct proc_inode *self = proc_inode_of(link);

	return self->entry->link_text(self, buffer, size);
}

static int proc_get_link(struct inode *link, struct path *target)
{
	struct proc_inode *self = proc_inode_of(link);

	return self->entry->get_link(self, target);
}

static int proc_permission(struct inode *inode, const struct cred *cred, int want)
{
	struct proc_inode *self = proc_inode_of(inode);

	return self->entry->permission(self, cred, want);
}

/* Nothing in /proc is made, linked, removed or renamed by hand (Linux: EACCES, EPERM). */
static int proc_create(struct inode *directory, const char *name, uint32_t mode, kuid_t uid,
		       kgid_t gid, struct device_number device, const char *target,
		       struct inode **created)
{
	(void)directory, (void)name, (void)uid, (void)gid, (void)device, (void)target;
	(void)created;
	return S_ISREG(mode) ? -EACCES : -EPERM;
}

static int proc_link(struct inode *directory, const char *name, struct inode *inode)
{
	(void)directory, (void)name, (void)inode;
	return -EPERM;
}

static int proc_unlink(struct inode *directory, const char *name, struct inode *inode)
{
	(void)directory, (void)name, (void)inode;
	return -EPERM;
}

static int proc_rename(struct inode *old_directory, const char *old_name,
		       struct inode *new_directory, const char *new_name)
{
	(void)old_directory, (void)old_name, (void)new_directory, (void)new_name;
	return -EPERM;
}

static bool proc_is_empty(struct inode *directory)
{
	(void)directory;
	return false;
}

/* For getcwd inside /proc: a child's name is its entry's, or its pid. */
static int proc_name_of(struct inode *directory, struct inode *child, char *name, size_t size)
{
	struct proc_inode *self = proc_inode_of(child);
	int length;

	(void)directory;
	if (self->entry == &proc_pid_entry)
		length = snprintf(name, size, "%d", self->pid_number);
	else
		length = snprintf(name, size, "%s", self->entry->name);
	return (size_t)length < size ? 0 : -ENAMETOOLONG;
}

/* O_TRUNC on a /proc file changes nothing, as on Linux (echo 1 > /proc/sys/...). */
static int proc_truncate(struct inode *inode, uint64_t size)
{
	(void)inode, (void)size;
	return 0;
}

static void proc_destroy(struct inode *inode)
{
	struct proc_inode *self = proc_inode_of(inode);

	inode_put(inode->parent);	/* the reference proc_set_parent took */
	put_pid_ns(self->pid_ns);
	kfree(inode->private);
	inode->private = NULL;
}


/* What every procfs inode answers, whatever its kind. */
#define PROC_COMMON_OPERATIONS                                                          \
	.lookup = proc_directory_lookup, .create = proc_create, .link = proc_link,     \
	.unlink = proc_unlink, .rename = proc_rename, .is_empty = proc_is_empty,       \
	.iterate = proc_directory_iterate, .name_of = proc_name_of,                    \
	.readlink = proc_readlink, .truncate = proc_truncate, .destroy = proc_destroy

static const struct inode_operations proc_inode_operations = {
	PROC_COMMON_OPERATIONS,
};

static const struct inode_operations proc_magic_link_operations = {
	PROC_COMMON_OPERATIONS,
	.get_link = proc_get_link,
};

static const struct inode_operations proc_guarded_file_operations = {
	PROC_COMMON_OPERATIONS,
	.permission = proc_permission,
};

/* ---- open files ---- */

static int proc_open(struct inode *inode, struct file *file)
{
	struct proc_inode *self = proc_inode_of(inode);
	struct proc_file *opened = kzalloc(sizeof(*opened));
	int error = 0;

	if (!opened)
		return -ENOMEM;
	opened->entry = self->entry;
	opened->pid = self->pid;
	opened->pid_ns = self->pid_ns;
	opened->opener = get_cred(file->f_cred);	/* its own reference, put at release */
	spin_lock_init(&opened->lock, "proc_file");
	file->private = opened;
	if (self->entry->open)
		error = self->entry->open(opened, file->flags);
	if (error < 0) {
		put_cred(opened->opener);
		put_user_ns(opened->user_ns);
		address_space_put(opened->address_space);
		kfree(opened);
		file->private = NULL;
	}
	return error;
}

static void proc_release(struct file *file)
{
	struct proc_file *opened = file->private;

	put_cred(opened->opener);
	put_user_ns(opened->user_ns);
	address_space_put(opened->address_space);
	kfree(opened->text);
	kfree(opened);
}

/* Print the file anew (at offset 0, or at the first read) and swap the snapshot in. */
static int proc_snapshot(struct proc_file *opened)
{
	struct seq_buffer seq;
	unsigned long irq_state;
	char *old_text;
	int error;

	seq_init(&seq);
	error = opened->entry->show(&seq, opened);
	if (error == 0)
		error = seq.error;
	if (error < 0) {
		seq_release(&seq);
		return error;
	}
	irq_state = spin_lock_irqsave(&opened->lock);
	old_text = opened->text;
	opened->text = seq.data;
	opened->length = seq.length;
	opened->has_text = true;
	spin_unlock_irqrestore(&opened->lock, irq_state);
	kfree(old_text);
	return 0;
}

static ssize_t proc_read(struct file *file, void *buffer, size_t count, uint64_t *position)
{
	struct proc_file *opened = file->private;
	unsigned long irq_state;
	size_t given = 0;

	if (!opened->entry->show)
		return -EINVAL;
	if (*position == 0 || !opened->has_text) {
		int error = proc_snapshot(opened);

		if (error < 0)
			return error;
	}
	irq_state = spin_lock_irqsave(&opened->lock);
	if (*position < opened->length) {
		given = MIN(count, opened->length - (size_t)*position);
		memcpy(buffer, opened->text + *position, given);
	}
	spin_unlock_irqrestore(&opened->lock, irq_state);
	*position += given;
	return (ssize_t)given;
}

static ssize_t proc_write(struct file *file, const void *buffer, size_t count,
			  uint64_t *position)
{
	struct proc_file *opened = file->private;

	if (!opened->entry->write)
		return -EINVAL;
	return opened->entry->write(opened, buffer, count, position);
}

static const struct file_operations proc_file_operations = {
	.open = proc_open,
	.read = proc_read,
	.write = proc_write,
	.release = proc_release,
	.seekable = true,
	.writes_empty = true,
};

static const struct file_operations proc_seq_file_operations = {
	.open = proc_open,
	.read = proc_read,
	.write = proc_write,
	.release = proc_release,
	.seekable = true,
	.no_positioned_write = true,
	.writes_empty = true,
};

/* ---- the instance ---- */

int procfs_fill(struct super_block *super_block, uint32_t root_mode, kuid_t uid, kgid_t gid,
		struct inode **root)
{
	struct procfs_instance *instance = kmalloc(sizeof(*instance));

	(void)root_mode;	/* /proc is always dr-xr-xr-x root:root */
	(void)uid;
	(void)gid;
	if (!instance)
		return -ENOMEM;
	/*
	 * R12.1: the mounter's pid namespace. No reference of its own (super_block_put only
	 * kfrees private): the root inode made next takes one, as every inode does.
	 */
	instance->pid_ns = current_pid_ns();
	super_block->private = instance;
	*root = proc_inode_new(super_block, &proc_root_entry, 0);
	return *root ? 0 : -ENOMEM;
}
