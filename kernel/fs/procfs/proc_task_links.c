/*
 * proc_task_links.c: /proc/PID/cwd, root and exe, magic links to the places a process uses.
 * Following one jumps to the place itself (so it works even when the reader's root cannot name
 * it); readlink prints the place as a path from the reader's root, as getcwd would. Only a
 * caller who may inspect the process (R8.3, ptrace read access with its fs ids) may read or
 * follow them, else EACCES, as Linux's proc_fd_access_allowed.
 */
#include <kuid/cred.h>
#include <kuid/fd_table.h>
#include <kuid/file.h>
#include <kuid/heap.h>
#include <kuid/string.h>
#include <uapi/errno.h>
#include <uapi/stat.h>

#include "procfs_internal.h"

enum task_place {
	TASK_PLACE_CWD,
	TASK_PLACE_ROOT,
	TASK_PLACE_EXE,
};

/*
 * The task behind the link, a reference, if the caller may inspect it. For exe, also the
 * program file (a reference in *exe_file), whose name the open remembered.
 */
static int task_place(struct proc_inode *inode, struct path *place, struct file **exe_file)
{
	struct task *task = proc_task_get(inode->pid);
	int error;

	if (!task)
		return -ENOENT;
	if (!ptrace_may_access(task, PTRACE_MODE_READ_FSCREDS)) {
		task_put(task);
		return -EACCES;
	}
	switch (inode->entry->parameter) {
	case TASK_PLACE_CWD:
		error = proc_task_cwd(task, place);
		break;
	case TASK_PLACE_ROOT:
		error = proc_task_root(task, place);
		break;
	default:
		/* The file execve ran: none for a process that exited (or a kernel task). */
		*exe_file = task_get_exe_file(task);
		error = *exe_file ? 0 : -ENOENT;
		if (*exe_file) {
			*place = (*exe_file)->path;
			path_get(place);
		}
		break;
	}
	task_put(task);
	return error;
}

static int task_place_get_link(struct proc_inode *inode, struct path *target)
{
	struct file *exe_file = NULL;
	int error = task_place(inode, target, &exe_file);

	file_put(exe_file);
	return error;
}

ssize_t proc_path_text(const struct path *place, char *buffer, size_t size)
{
	struct path root;
	char *text = kmalloc(PATH_MAX);
	size_t length = 0;
	int error;

	if (!text)
		return -ENOMEM;
	fs_context_get_root(current_fs(), &root);
	error = path_to_string(&root, place, text, PATH_MAX, &length);
	path_put(&root);
	if (error == 0) {
		length = MIN(length, size);
		memcpy(buffer, text, length);
	}
	kfree(text);
	return error < 0 ? error : (ssize_t)length;
}

static ssize_t task_place_text(struct proc_inode *inode, char *buffer, size_t size)
{
	struct file *exe_file = NULL;
	struct path place;
	ssize_t length;
	int error = task_place(inode, &place, &exe_file);

	if (error < 0)
		return error;
	if (exe_file)
		length = proc_open_file_text(exe_file, buffer, size);
	else
		length = proc_path_text(&place, buffer, size);
	path_put(&place);
	file_put(exe_file);
	return length;
}

#define TASK_PLACE_LINK(entry_name, which)                                              \
	{                                                                              \
		.name = entry_name, .mode = S_IFLNK | 0777, .link_text = task_place_text, \
		.get_link = task_place_get_link, .parameter = which,                   \
	}

const struct proc_entry proc_cwd_entry = TASK_PLACE_LINK("cwd", TASK_PLACE_CWD);
const struct proc_entry proc_root_link_entry = TASK_PLACE_LINK("root", TASK_PLACE_ROOT);
const struct proc_entry proc_exe_entry = TASK_PLACE_LINK("exe", TASK_PLACE_EXE);
