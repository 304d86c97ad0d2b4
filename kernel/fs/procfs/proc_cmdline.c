/*
 * proc_cmdline.c: /proc/PID/cmdline and environ, the strings execve left on the program's
 * stack (address_space->arg_start ... env_end), read out of the program's memory with
 * address_space_read. They show what the program holds *now*: a program that rewrote its
 * argv shows the new text, as on Linux. cmdline is for everyone (ps reads it); environ may
 * hold secrets and is only for who may inspect the process (R8.3), checked at open.
 */
#include <kuid/address_space.h>
#include <kuid/cred.h>
#include <kuid/heap.h>
#include <kuid/string.h>
#include <uapi/errno.h>
#include <uapi/stat.h>

#include "procfs_internal.h"

/* How much is read from the program at a time. */
#define STRINGS_CHUNK 4096

/*
 * Append the bytes [start, end) of `space` to seq; with stop_at_nul, only up to and
 * including the first NUL. An unmapped page ends the text where it starts.
 */
static int copy_strings(struct seq_buffer *seq, struct address_space *space, uintptr_t start,
			uintptr_t end, bool stop_at_nul)
{
	char *chunk = kmalloc(STRINGS_CHUNK);

	if (!chunk)
		return -ENOMEM;
	while (start < end) {
		size_t want = MIN((size_t)(end - start), (size_t)STRINGS_CHUNK);
		ssize_t got = address_space_read(space, start, chunk, want);
		size_t length;

		if (got <= 0)
			break;
		length = stop_at_nul ? strnlen(chunk, (size_t)got) : (size_t)got;
		if (length < (size_t)got) {
			seq_write(seq, chunk, length + 1);	/* with its NUL */
			break;
		}
		seq_write(seq, chunk, length);
		start += (size_t)got;
		if ((size_t)got < want)
			break;
	}
	kfree(chunk);
	return 0;
}

/*
 * argv, each string with its NUL, as Linux's get_mm_cmdline. A program that overwrote the
 * NUL ending its last argument (setproctitle) has its title read on into the environment
 * area, up to the first NUL. A process without memory (a zombie) shows nothing.
 */
static int proc_cmdline_show(struct seq_buffer *seq, struct proc_file *file)
{
	struct task *task = proc_task_get(file->pid);
	struct address_space *space;
	char last = '\0';
	int error = 0;

	if (!task)
		return -ESRCH;
	space = task_get_address_space(task);
	task_put(task);
	if (!space)
		return 0;
	/* Set before the space was installed and never changed: no lock needed. */
	if (space->arg_end > space->arg_start) {
		address_space_read(space, space->arg_end - 1, &last, 1);
		if (last != '\0' && space->env_start == space->arg_end)
			error = copy_strings(seq, space, space->arg_start, space->env_end, true);
		else
			error = copy_strings(seq, space, space->arg_start, space->arg_end, false);
	}
	address_space_put(space);
	return error;
}

const struct proc_entry proc_cmdline_entry = {
	.name = "cmdline",
	.mode = S_IFREG | 0444,
	.show = proc_cmdline_show,
};

/*
 * Opening environ: only for who may inspect the process (Linux's mm_access with
 * PTRACE_MODE_READ_FSCREDS), else EACCES. The file then reads the memory it was checked
 * for: if the process later runs another program (a set-user-ID one, say), this fd goes on
 * showing the old memory, never the new. (kuid keeps that memory until the close; Linux
 * keeps only its bookkeeping and reads nothing once the old program is gone.)
 */
static int environ_open(struct proc_file *file, unsigned int flags)
{
	struct task *task = proc_task_get(file->pid);
	int error = 0;

	(void)flags;
	if (!task)
		return -ESRCH;
	if (!ptrace_may_access(task, PTRACE_MODE_READ_FSCREDS))
		error = -EACCES;
	else
		file->address_space = task_get_address_space(task);
	task_put(task);
	return error;
}

static int proc_environ_show(struct seq_buffer *seq, struct proc_file *file)
{
	struct address_space *space = file->address_space;

	if (!space || space->env_end <= space->env_start)
		return 0;
	return copy_strings(seq, space, space->env_start, space->env_end, false);
}

const struct proc_entry proc_environ_entry = {
	.name = "environ",
	.mode = S_IFREG | 0400,
	.open = environ_open,
	.show = proc_environ_show,
};
