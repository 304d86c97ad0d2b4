/*
 * proc_root.c: the directory /proc itself: a few fixed names (self, mounts, sys, uptime ...)
 * and one numeric directory per live process. "self" is an ordinary symbolic link whose text is
 * the reader's pid, so /proc/self/... is /proc/PID/... of whoever walks it. Pids are those of
 * the pid namespace the instance was mounted for, not the reader's (R12.1): a process that
 * namespace cannot see has no directory, and for such a reader "self" leads nowhere (ENOENT).
 */
#include <kuid/format.h>
#include <kuid/heap.h>
#include <kuid/pid_namespace.h>
#include <kuid/string.h>
#include <uapi/dirent.h>
#include <uapi/errno.h>
#include <uapi/stat.h>

#include "procfs_internal.h"

/* Numbers that do not look like any inode of a fixed entry, for listings. */
#define PID_DIRECTORY_INODE_BASE 0x1000000

static ssize_t proc_self_text(struct proc_inode *inode, char *buffer, size_t size)
{
	struct task *task = current_task();
	pid_t pid = task ? pid_number_in(task->process->process_pid, inode->pid_ns) : 0;
	char text[16];
	int length;

	if (!pid)
		return -ENOENT;	/* a kernel thread, or a reader the instance cannot see */
	length = snprintf(text, sizeof(text), "%d", pid);
	length = MIN(length, (int)size);
	memcpy(buffer, text, (size_t)length);
	return length;
}

static const struct proc_entry proc_self_entry = {
	.name = "self",
	.mode = S_IFLNK | 0777,
	.link_text = proc_self_text,
};

static ssize_t proc_mounts_link_text(struct proc_inode *inode, char *buffer, size_t size)
{
	static const char target[] = "self/mounts";
	size_t length = MIN(sizeof(target) - 1, size);

	(void)inode;
	memcpy(buffer, target, length);
	return (ssize_t)length;
}

static const struct proc_entry proc_mounts_link_entry = {
	.name = "mounts",
	.mode = S_IFLNK | 0777,
	.link_text = proc_mounts_link_text,
};

/* "123" and nothing else: no sign, no leading zero, no overflow past PID_MAX. */
static pid_t parse_pid(const char *name)
{
	pid_t pid = 0;

	if (name[0] < '1' || name[0] > '9')
		return 0;
	for (; *name; name++) {
		if (*name < '0' || *name > '9')
			return 0;
		pid = pid * 10 + (*name - '0');
		if (pid > PID_MAX)
			return 0;
	}
	return pid;
}

static int proc_pid_lookup(struct inode *directory, const char *name, struct inode **found)
{
	/* The instance's number, turned into the kernel's name for the process. */
	pid_t pid = pid_global_of(parse_pid(name), proc_inode_of(directory)->pid_ns);

	if (!pid)
		return -ENOENT;
	*found = proc_inode_new(directory->super_block, &proc_pid_entry, pid);
	return *found ? 0 : -ENOENT;
}

struct pid_collection {
	pid_t *pids;
	size_t count;
	size_t capacity;
	pid_t minimum;
	struct pid_namespace *pid_ns;	/* the instance's: the numbers listed */
};

static int count_process(struct process *process, void *context)
{
	(void)process;
	((struct pid_collection *)context)->capacity++;
	return 0;
}

static int collect_pid(struct process *process, void *context)
{
	struct pid_collection *collection = context;
	pid_t pid = pid_number_in(process->process_pid, collection->pid_ns);

	/* 0: a process the instance's namespace cannot see. */
	if (process->state == PROCESS_ALIVE && pid && pid >= collection->minimum &&
	    collection->count < collection->capacity)
		collection->pids[collection->count++] = pid;
	return 0;
}

static void sort_pids(pid_t *pids, size_t count)
{
	for (size_t i = 1; i < count; i++) {
		pid_t pid = pids[i];
		size_t j = i;

		for (; j > 0 && pids[j - 1] > pid; j--)
			pids[j] = pids[j - 1];
		pids[j] = pid;
	}
}

/*
 * Called with vfs_lock held: interrupts are off and kuid has one CPU, so no process comes or
 * goes between counting and collecting. A pid's position is first_position + pid, so a listing
 * resumed later continues after the last pid it gave, whatever exited meanwhile.
 */
static int proc_pid_iterate(struct inode *directory, uint64_t *position, uint64_t first_position,
			    directory_emit_t emit, void *context)
{
	struct pid_collection collection = { .pid_ns = proc_inode_of(directory)->pid_ns };
	int error = 0;

	if (*position < first_position)
		*position = first_position;
	if (*position - first_position > PID_MAX)
		return 0;
	collection.minimum = (pid_t)(*position - first_position);
	process_for_each(count_process, &collection);
	if (collection.capacity == 0)
		return 0;
	collection.pids = kmalloc(collection.capacity * sizeof(pid_t));
	if (!collection.pids)
		return -ENOMEM;
	process_for_each(collect_pid, &collection);
	sort_pids(collection.pids, collection.count);
	for (size_t i = 0; i < collection.count; i++) {
		char name[16];
		pid_t pid = collection.pids[i];
		struct directory_entry_info info = {
			.name = name,
			.name_length = (size_t)snprintf(name, sizeof(name), "%d", pid),
			.inode_number = PID_DIRECTORY_INODE_BASE + (uint64_t)pid,
			.type = DT_DIR,
			.next_position = first_position + (uint64_t)pid + 1,
		};

		if (!emit(context, &info))
			break;
		*position = info.next_position;
	}
	kfree(collection.pids);
	return error;
}

static const struct proc_dynamic_names proc_pid_names = {
	.lookup = proc_pid_lookup,
	.iterate = proc_pid_iterate,
};

static const struct proc_entry *const proc_root_children[] = {
	&proc_self_entry,
	&proc_mounts_link_entry,
	&proc_sys_entry,
	&proc_uptime_entry,
	&proc_meminfo_entry,
	&proc_cpuinfo_entry,
	&proc_filesystems_entry,
	&proc_kernel_stat_entry,
};

const struct proc_entry proc_root_entry = {
	.name = "/",
	.mode = S_IFDIR | 0555,
	.children = proc_root_children,
	.child_count = ARRAY_SIZE(proc_root_children),
	.dynamic = &proc_pid_names,
};
