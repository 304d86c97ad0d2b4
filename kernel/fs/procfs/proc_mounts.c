/*
 * proc_mounts.c: /proc/PID/mounts and mountinfo: the mounts of the task's mount namespace in
 * Linux's two formats, named from the task's root; a mount whose place cannot be reached from
 * that root (outside a chroot, the hidden "rootfs") is not shown, as on Linux. The list is
 * copied with references first and printed afterwards, one mount at a time.
 */
#include <kuid/heap.h>
#include <kuid/mount.h>
#include <kuid/mount_namespace.h>
#include <kuid/nsproxy.h>
#include <kuid/path_name.h>
#include <kuid/string.h>
#include <uapi/errno.h>
#include <uapi/mount.h>
#include <uapi/sched.h>
#include <uapi/stat.h>

#include "procfs_internal.h"

/* What one line needs, taken under vfs_lock. */
struct mount_view {
	struct mount *mount;		/* a reference */
	unsigned int parent_id;
	unsigned int flags, peer_group, master_group;
	bool unbindable, read_only_instance;
};

struct mount_list {
	struct mount_view *views;
	size_t count;
};

/* References to the namespace's mounts, in its order. */
static int mount_list_take(struct mount_namespace *ns, struct mount_list *list)
{
	struct mount *mount;
	size_t capacity;

	for (;;) {
		capacity = __atomic_load_n(&ns->mount_count, __ATOMIC_RELAXED) + 4;
		list->views = kmalloc(capacity * sizeof(*list->views));
		if (!list->views)
			return -ENOMEM;
		list->count = 0;
		vfs_lock();
		if (ns->mount_count <= capacity) {
			list_for_each_entry(mount, &ns->mounts, node) {
				struct mount *parent = mount_parent(mount);
				struct mount_view *view = &list->views[list->count++];

				mount_get(mount);
				*view = (struct mount_view){
					.mount = mount,
					/* A root mount names itself as its parent, as Linux. */
					.parent_id = parent ? parent->id : mount->id,
					.flags = mount->flags,
					.peer_group = mount->peer_group,
					.master_group = mount->master_group,
					.unbindable = mount->unbindable,
					.read_only_instance = mount->super_block->read_only,
				};
			}
			vfs_unlock();
			return 0;
		}
		vfs_unlock();
		kfree(list->views);	/* it grew meanwhile: again, bigger */
	}
}

static void mount_list_release(struct mount_list *list)
{
	for (size_t i = 0; i < list->count; i++)
		mount_put(list->views[i].mount);
	kfree(list->views);
}

/*
 * The name of `place` seen from `root` into buffer (size PATH_MAX): 0, 1 when root cannot
 * reach it, or -ENOENT/-ERANGE. With within_fs, only inside place's file system: a mount's
 * root field.
 */
static int place_name(const struct path *root, const struct path *place, bool within_fs,
		      char *buffer, size_t size)
{
	struct path at = *place;
	size_t start = size - 1;
	char name[NAME_MAX + 1];
	int error = 0;

	buffer[start] = '\0';
	vfs_lock();
	for (;;) {
		if (within_fs) {
			if (!at.inode->parent)
				break;		/* the file system's root */
		} else if (path_equal(&at, root)) {
			break;
		} else if (at.inode == at.mount->root) {
			struct mount *parent = mount_parent(at.mount);

			if (!parent) {
				error = 1;	/* the top of the tree, and root not met */
				break;
			}
			at = (struct path){ parent, at.mount->mountpoint };
			continue;
		}
		struct inode *parent = at.inode->parent;

		if (!parent) {
			error = -ENOENT;
			break;
		}
		error = parent->operations->name_of(parent, at.inode, name, sizeof(name));
		if (error == 0)
			error = path_prepend_component(buffer, size - 1, &start, name,
						       strlen(name));
		if (error < 0)
			break;
		at.inode = parent;
	}
	vfs_unlock();
	if (error != 0)
		return error;
	if (start == size - 1)
		buffer[--start] = '/';
	memmove(buffer, buffer + start, size - start);
	return 0;
}

/* Spaces, tabs, newlines and backslashes as octal escapes, as Linux's mangle(). */
static void show_escaped(struct seq_buffer *seq, const char *text)
{
	for (; *text; text++) {
		if (*text == ' ' || *text == '\t' || *text == '\n' || *text == '\\')
			seq_printf(seq, "\\%03o", (unsigned char)*text);
		else
			seq_printf(seq, "%c", *text);
	}
}

/* ",nosuid,nodev,noexec,relatime": Linux's show_mnt_opts, in its order. */
static void show_mount_options(struct seq_buffer *seq, unsigned int flags)
{
	static const struct {
		unsigned int flag;
		const char *name;
	} options[] = {
		{ MS_NOSUID, ",nosuid" },	{ MS_NODEV, ",nodev" },
		{ MS_NOEXEC, ",noexec" },	{ MS_NOATIME, ",noatime" },
		{ MS_NODIRATIME, ",nodiratime" }, { MS_RELATIME, ",relatime" },
		{ MS_NOSYMFOLLOW, ",nosymfollow" },
	};

	for (size_t i = 0; i < ARRAY_SIZE(options); i++)
		if (flags & options[i].flag)
			seq_printf(seq, "%s", options[i].name);
}

static const char *source_of(const struct mount *mount)
{
	return mount->source ? mount->source : "none";
}

static void show_mountinfo_line(struct seq_buffer *seq, const struct mount_view *view,
				const char *root_name, const char *point_name)
{
	struct mount *mount = view->mount;
	struct super_block *super_block = mount->super_block;

	seq_printf(seq, "%u %u %u:%u ", mount->id, view->parent_id, super_block->device.major,
		   super_block->device.minor);
	show_escaped(seq, root_name);
	seq_printf(seq, " ");
	show_escaped(seq, point_name);
	seq_printf(seq, " %s", (view->flags & MS_RDONLY) ? "ro" : "rw");
	show_mount_options(seq, view->flags);
	if (view->peer_group)
		seq_printf(seq, " shared:%u", view->peer_group);
	if (view->master_group)
		seq_printf(seq, " master:%u", view->master_group);
	if (view->unbindable)
		seq_printf(seq, " unbindable");
	seq_printf(seq, " - ");
	show_escaped(seq, super_block->type_name);
	seq_printf(seq, " ");
	show_escaped(seq, source_of(mount));
	seq_printf(seq, " %s\n", view->read_only_instance ? "ro" : "rw");
}

static void show_mounts_line(struct seq_buffer *seq, const struct mount_view *view,
			     const char *point_name)
{
	struct mount *mount = view->mount;
	bool read_only = (view->flags & MS_RDONLY) || view->read_only_instance;

	show_escaped(seq, source_of(mount));
	seq_printf(seq, " ");
	show_escaped(seq, point_name);
	seq_printf(seq, " ");
	show_escaped(seq, mount->super_block->type_name);
	seq_printf(seq, " %s", read_only ? "ro" : "rw");
	show_mount_options(seq, view->flags);
	seq_printf(seq, " 0 0\n");
}

/* Print every mount of the task's namespace that its root reaches, in one of two forms. */
static int show_task_mounts(struct seq_buffer *seq, struct task *task, bool mountinfo)
{
	struct ns_common *ns = task_namespace_get(task, CLONE_NEWNS);
	char *point_name = kmalloc(PATH_MAX), *root_name = kmalloc(PATH_MAX);
	struct mount_list list = { NULL, 0 };
	struct path root = { NULL, NULL };
	int error = ns && point_name && root_name ? 0 : -ENOMEM;

	if (!ns)
		error = -ESRCH;		/* the task has exited */
	if (error == 0)
		error = proc_task_root(task, &root);
	if (error == 0)
		error = mount_list_take(to_mount_ns(ns), &list);
	for (size_t i = 0; error == 0 && i < list.count; i++) {
		struct mount *mount = list.views[i].mount;
		struct path place = { mount, mount->root };

		if (place_name(&root, &place, false, point_name, PATH_MAX) != 0)
			continue;	/* not reachable from the task's root: not shown */
		if (!mountinfo) {
			show_mounts_line(seq, &list.views[i], point_name);
			continue;
		}
		if (place_name(&root, &place, true, root_name, PATH_MAX) != 0)
			memcpy(root_name, "/", 2);
		show_mountinfo_line(seq, &list.views[i], root_name, point_name);
	}
	mount_list_release(&list);
	path_put(&root);
	if (ns)
		ns_put(ns);
	kfree(point_name);
	kfree(root_name);
	return error;
}

int mountinfo_show(struct seq_buffer *seq, struct task *task)
{
	return show_task_mounts(seq, task, true);
}

static int mounts_show(struct seq_buffer *seq, struct task *task)
{
	return show_task_mounts(seq, task, false);
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
