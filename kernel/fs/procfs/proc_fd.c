/*
 * proc_fd.c: /proc/PID/fd, one magic link per open descriptor, named by its number.
 * readlink gives what the descriptor is: the file's path from the reader's root ("/tmp/x",
 * "/tmp/x (deleted)" once unlinked), "pipe:[INODE]" for a pipe, "user:[4026531837]" for an
 * nsfs file. Following the link jumps to the file's place, so open("/proc/self/fd/3") opens
 * the same file anew (its own offset and flags), as Linux does for files with a place. Only
 * a caller who may inspect the process (R8.3) may read or follow the links (EACCES).
 */
#include <kuid/cred.h>
#include <kuid/fd_table.h>
#include <kuid/format.h>
#include <kuid/heap.h>
#include <kuid/nsfs.h>
#include <kuid/nsproxy.h>
#include <kuid/string.h>
#include <uapi/dirent.h>
#include <uapi/errno.h>
#include <uapi/stat.h>

#include "procfs_internal.h"

/*
 * The descriptors of another task, looked at under the tasks lock: the owner drops its table
 * at exit, and kuid runs on one CPU, so with interrupts off the table cannot go meanwhile
 * (task_get_fs in kernel/task/task.c does the same). No reference to the table is taken, so no last
 * put can close files here, where the caller may hold vfs_lock.
 */
static int task_next_fd(struct task *task, int fd)
{
	unsigned long irq_state = tasks_lock();
	int found = task->files ? files_table_next_open(task->files, fd) : -1;

	tasks_unlock(irq_state);
	return found;
}

/* The open file behind descriptor fd of task, a reference; NULL if none. */
static struct file *task_file(struct task *task, int fd)
{
	unsigned long irq_state = tasks_lock();
	struct file *file = task->files ? files_table_get_file(task->files, fd) : NULL;

	tasks_unlock(irq_state);
	return file;
}

/* readlink's text for an open file (see the top of this file). */
ssize_t proc_open_file_text(struct file *file, char *buffer, size_t size)
{
	struct ns_common *ns = nsfs_file_namespace(file);
	char *text;
	size_t length = 0;
	ssize_t made;
	int error = 0;

	if (!file->path.mount || ns || (!file->name && !S_ISDIR(file->inode->mode))) {
		char short_text[48];

		if (ns)
			made = snprintf(short_text, sizeof(short_text), "%s:[%u]",
					ns_common_name(ns), ns->inode_number);
		else if (file_is_pipe(file))
			made = snprintf(short_text, sizeof(short_text), "pipe:[%llu]",
					(unsigned long long)file->inode->number);
		else
			return -ENOENT;	/* opened through a magic link: kuid kept no name */
		made = MIN(made, (ssize_t)size);
		memcpy(buffer, short_text, (size_t)made);
		return made;
	}
	if (S_ISDIR(file->inode->mode))
		return proc_path_text(&file->path, buffer, size);
	text = kmalloc(PATH_MAX);
	if (!text)
		return -ENOMEM;
	made = proc_path_text(&file->directory, text, PATH_MAX);
	if (made < 0)
		error = (int)made;
	else
		length = (size_t)made;
	if (error == 0 && (length > 1 || text[0] != '/'))
		text[length++] = '/';	/* not after the root's own "/" */
	if (error == 0) {
		bool deleted;

		vfs_lock();
		deleted = file->inode->nlink == 0;
		vfs_unlock();
		made = snprintf(text + length, PATH_MAX - length, "%s%s", file->name,
				deleted ? " (deleted)" : "");
		if (made < 0 || (size_t)made >= PATH_MAX - length)
			error = -ENAMETOOLONG;
		else
			length += (size_t)made;
	}
	if (error == 0) {
		length = MIN(length, size);
		memcpy(buffer, text, length);
	}
	kfree(text);
	return error < 0 ? error : (ssize_t)length;
}

/* The file of link /proc/PID/fd/N, a reference, if the caller may inspect PID. */
static int fd_link_file(struct proc_inode *inode, struct file **file)
{
	struct task *task = proc_task_get(inode->pid);
	int error = 0;

	if (!task)
		return -ENOENT;
	*file = NULL;
	if (!ptrace_may_access(task, PTRACE_MODE_READ_FSCREDS))
		error = -EACCES;
	else if (!(*file = task_file(task, inode->fd)))
		error = -ENOENT;	/* closed meanwhile */
	task_put(task);
	return error;
}

static ssize_t fd_link_text(struct proc_inode *inode, char *buffer, size_t size)
{
	struct file *file;
	ssize_t length;
	int error = fd_link_file(inode, &file);

	if (error < 0)
		return error;
	length = proc_open_file_text(file, buffer, size);
	file_put(file);
	return length;
}

/*
 * The file's place. A pipe has none in kuid (Linux reopens it as a FIFO): following its
 * link is ENXIO, while readlink works.
 */
static int fd_get_link(struct proc_inode *inode, struct path *target)
{
	struct file *file;
	int error = fd_link_file(inode, &file);

	if (error < 0)
		return error;
	if (file->path.mount) {
		*target = file->path;
		path_get(target);
	} else {
		error = -ENXIO;
	}
	file_put(file);
	return error;
}

static const struct proc_entry proc_fd_link_entry = {
	.name = "fd link",
	.mode = S_IFLNK | 0700,
	.link_text = fd_link_text,
	.get_link = fd_get_link,
};

/* "3" -> 3; no sign, no leading zero, below FD_MAX (Linux's name_to_int). */
static int fd_from_name(const char *name)
{
	int fd = 0;

	if (name[0] == '\0' || (name[0] == '0' && name[1] != '\0'))
		return -1;
	for (; *name; name++) {
		if (*name < '0' || *name > '9' || fd >= FD_MAX)
			return -1;
		fd = fd * 10 + (*name - '0');
	}
	return fd < FD_MAX ? fd : -1;
}

/* Called with vfs_lock held. */
static int fd_lookup(struct inode *directory, const char *name, struct inode **found)
{
	struct proc_inode *parent = proc_inode_of(directory);
	int fd = fd_from_name(name);
	struct task *task;
	unsigned int flags = 0;
	bool open;

	if (fd < 0)
		return -ENOENT;
	task = proc_task_get(parent->pid);
	if (!task)
		return -ENOENT;
	open = task_next_fd(task, fd) == fd;
	if (open) {
		/* The access mode, for the link's mode bits; no file reference is kept. */
		unsigned long irq_state = tasks_lock();

		if (task->files) {
			spin_lock(&task->files->lock);
			if (task->files->files[fd])
				flags = task->files->files[fd]->flags;
			spin_unlock(&task->files->lock);
		}
		tasks_unlock(irq_state);
	}
	task_put(task);
	if (!open)
		return -ENOENT;
	*found = proc_inode_new(directory->super_block, &proc_fd_link_entry, parent->pid);
	if (!*found)
		return -ENOENT;
	proc_inode_of(*found)->fd = fd;
	/* Linux: lr-x------ for a reading fd, l-wx------ writing, lrwx------ both. */
	(*found)->mode = S_IFLNK | ((flags & O_ACCMODE) != O_WRONLY ? 0500 : 0) |
			 ((flags & O_ACCMODE) != O_RDONLY ? 0300 : 0);
	return 0;
}

/* Called with vfs_lock held. Position first_position + N stands for descriptor N. */
static int fd_iterate(struct inode *directory, uint64_t *position, uint64_t first_position,
		      directory_emit_t emit, void *context)
{
	struct proc_inode *self = proc_inode_of(directory);
	struct task *task = proc_task_get(self->pid);
	int fd = (int)(*position - first_position);
	char name[12];

	if (!task)
		return 0;
	while ((fd = task_next_fd(task, fd)) >= 0) {
		struct directory_entry_info info = {
			.name = name,
			.name_length = (size_t)snprintf(name, sizeof(name), "%d", fd),
			.inode_number = 0x20000000 + ((uint64_t)self->pid << 10) + (uint64_t)fd,
			.type = DT_LNK,
			.next_position = first_position + (uint64_t)fd + 1,
		};

		if (!emit(context, &info))
			break;
		*position = info.next_position;
		fd++;
	}
	if (fd < 0)
		*position = first_position + FD_MAX;
	task_put(task);
	return 0;
}

static const struct proc_dynamic_names proc_fd_names = {
	.lookup = fd_lookup,
	.iterate = fd_iterate,
};

const struct proc_entry proc_fd_directory_entry = {
	.name = "fd",
	.mode = S_IFDIR | 0500,
	.dynamic = &proc_fd_names,
};
