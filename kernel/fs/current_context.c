/*
 * current_context.c: the calling task's file descriptors and fs context.
 * Kernel threads have no task; they get none (NULL), and the system calls
 * that need them are only ever made by tasks.
 */
#include <kuid/fd_table.h>
#include <kuid/task.h>

struct files_table *current_files(void)
{
	struct task *task = current_task();

	return task ? task->files : NULL;
}

struct fs_context *current_fs(void)
{
	struct task *task = current_task();

	return task ? task->fs : NULL;
}
