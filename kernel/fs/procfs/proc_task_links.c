/*
 * proc_task_links.c: /proc/PID/cwd, root and exe, magic links to the places a process uses.
 * Following one jumps to the place itself (so it works even when the reader's root cannot name
 * it); readlink prints the place as a path from the reader's root, as getcwd would.
 */
#include <kuid/fd_table.h>
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

static int task_place(struct proc_inode *inode, struct path *place)
{
	struct task *task = proc_task_get(inode->pid);
	int error;

	if (!task)
		return -ENOENT;
	switch (inode->entry->parameter) {
	case TASK_PLACE_CWD:
		error = proc_task_cwd(task, place);
		break;
	case TASK_PLACE_ROOT:
		error = proc_task_root(task, place);
		break;
	default:
		error = -ENOENT;	/* kuid does not keep the executable's place yet */
		break;
	}
	task_put(task);
	return error;
}

static int task_place_get_link(struct proc_inode *inode, struct path *target)
{
	return task_place(inode, target);
}

static ssize_t task_place_text(struct proc_inode *inode, char *buffer, size_t size)
{
	struct path place, root;
	char *text = kmalloc(PATH_MAX);
	size_t length = 0;
	int error;

	if (!text)
		return -ENOMEM;
	error = task_place(inode, &place);
	if (error == 0) {
		fs_context_get_root(current_fs(), &root);
		error = path_to_string(&root, &place, text, PATH_MAX, &length);
		path_put(&root);
		path_put(&place);
	}
	if (error == 0) {
		length = MIN(length, size);
		memcpy(buffer, text, length);
	}
	kfree(text);
	return error < 0 ? error : (ssize_t)length;
}

#define TASK_PLACE_LINK(entry_name, which)                                              \
	{                                                                              \
		.name = entry_name, .mode = S_IFLNK | 0777, .link_text = task_place_text, \
		.get_link = task_place_get_link, .parameter = which,                   \
	}

const struct proc_entry proc_cwd_entry = TASK_PLACE_LINK("cwd", TASK_PLACE_CWD);
const struct proc_entry proc_root_link_entry = TASK_PLACE_LINK("root", TASK_PLACE_ROOT);
const struct proc_entry proc_exe_entry = TASK_PLACE_LINK("exe", TASK_PLACE_EXE);
