/*
 * proc_mounts.c: /proc/PID/mounts and mountinfo, the mount table in Linux's two formats. The
 * table is copied (with references) first and printed afterwards, because naming a mount
 * point walks the tree under vfs_lock. Paths are shown from the reader's root.
 */
#include <kuid/fd_table.h>
#include <kuid/heap.h>
#include <uapi/errno.h>
#include <uapi/mount.h>
#include <uapi/stat.h>

#include "procfs_internal.h"

/* mountinfo's parent id for the root of everything: Linux shows a number nobody has, 1. */
#define ROOT_MOUNT_PARENT_ID 1

struct mount_list {
	struct mount **mounts;
	size_t count;
};

static int mount_list_take(struct mount_list *list)
{
	size_t capacity = 16;

	for (;;) {
		list->mounts = kmalloc(capacity * sizeof(struct mount *));
		if (!list->mounts)
			return -ENOMEM;
		list->count = mount_table_snapshot(list->mounts, capacity);
		if (list->count <= capacity)
			return 0;
		/* The table grew past our room: drop what we took and try bigger. */
		for (size_t i = 0; i < capacity; i++)
			mount_put(list->mounts[i]);
		kfree(list->mounts);
		capacity = list->count * 2;
	}
}

static void mount_list_release(struct mount_list *list)
{
	for (size_t i = 0; i < list->count; i++)
		mount_put(list->mounts[i]);
	kfree(list->mounts);
}

/* Where the mount is attached, as the reader's root names it. */
static void show_mount_point(struct seq_buffer *seq, struct mount *mount, const struct path *root)
{
	struct path place = { mount->parent, mount->mountpoint };
	char *text = kmalloc(PATH_MAX);
	size_t length;

	if (!mount->parent)
		place = (struct path){ mount, mount->root };
	if (text && path_to_string(root, &place, text, PATH_MAX, &length) == 0)
		seq_printf(seq, "%s", text);
	else
		seq_printf(seq, "/");
	kfree(text);
}

/* "rw,nosuid,nodev,noexec,relatime": what the mount's flags mean. */
static void show_mount_options(struct seq_buffer *seq, const struct mount *mount)
{
	seq_printf(seq, "%s%s%s%s,relatime", (mount->flags & MS_RDONLY) ? "ro" : "rw",
		   (mount->flags & MS_NOSUID) ? ",nosuid" : "",
		   (mount->flags & MS_NODEV) ? ",nodev" : "",
		   (mount->flags & MS_NOEXEC) ? ",noexec" : "");
}

/* The one place that says which mounts `task` sees (a mount namespace, later). */
static int task_mounts(struct task *task, struct mount_list *list, struct path *root)
{
	int error = proc_task_root(task, root);

	if (error < 0)
		return error;
	error = mount_list_take(list);
	if (error < 0)
		path_put(root);
	return error;
}

int mountinfo_show(struct seq_buffer *seq, struct task *task)
{
	struct mount_list list;
	struct path root;
	int error = task_mounts(task, &list, &root);

	if (error < 0)
		return error;
	for (size_t i = 0; i < list.count; i++) {
		struct mount *mount = list.mounts[i];
		struct super_block *super_block = mount->super_block;

		seq_printf(seq, "%u %u %u:%u / ", mount->id,
			   mount->parent ? mount->parent->id : ROOT_MOUNT_PARENT_ID,
			   super_block->device.major, super_block->device.minor);
		show_mount_point(seq, mount, &root);
		seq_printf(seq, " ");
		show_mount_options(seq, mount);
		/* No optional fields (no propagation yet), the separator, type, source, options. */
		seq_printf(seq, " - %s %s %s\n", super_block->type_name, super_block->type_name,
			   (mount->flags & MS_RDONLY) ? "ro" : "rw");
	}
	mount_list_release(&list);
	path_put(&root);
	return 0;
}

static int mounts_show(struct seq_buffer *seq, struct task *task)
{
	struct mount_list list;
	struct path root;
	int error = task_mounts(task, &list, &root);

	if (error < 0)
		return error;
	for (size_t i = 0; i < list.count; i++) {
		struct mount *mount = list.mounts[i];

		seq_printf(seq, "%s ", mount->super_block->type_name);
		show_mount_point(seq, mount, &root);
		seq_printf(seq, " %s ", mount->super_block->type_name);
		show_mount_options(seq, mount);
		seq_printf(seq, " 0 0\n");
	}
	mount_list_release(&list);
	path_put(&root);
	return 0;
}

static int with_task(struct seq_buffer *seq, struct proc_file *file,
		     int (*show)(struct seq_buffer *seq, struct task *task))
{
	struct task *task = proc_task_get(file->pid);
	int error;

	if (!task)
		return -ESRCH;
	error = show(seq, task);
	task_put(task);
	return error;
}

static int proc_mountinfo_seq(struct seq_buffer *seq, struct proc_file *file)
{
	return with_task(seq, file, mountinfo_show);
}

static int proc_mounts_seq(struct seq_buffer *seq, struct proc_file *file)
{
	return with_task(seq, file, mounts_show);
}

const struct proc_entry proc_mounts_entry = {
	.name = "mounts",
	.mode = S_IFREG | 0444,
	.show = proc_mounts_seq,
	.seq_file = true,
};

const struct proc_entry proc_mountinfo_entry = {
	.name = "mountinfo",
	.mode = S_IFREG | 0444,
	.show = proc_mountinfo_seq,
	.seq_file = true,
};
