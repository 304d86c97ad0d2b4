/*
 * fd_table.c: a process's file descriptors. Each open descriptor holds one
 * reference to its struct file; closing drops it. The table's lock is held
 * only to change the arrays: files are put after it is released, because a
 * last put may run a driver's release, which may sleep.
 */
#include <kuid/fd_table.h>
#include <kuid/file.h>
#include <kuid/heap.h>
#include <kuid/string.h>
#include <uapi/errno.h>

static bool valid_fd(int fd)
{
	return fd >= 0 && fd < FD_MAX;
}

static void set_close_on_exec(struct files_table *table, int fd, bool on)
{
	uint64_t bit = 1ull << (fd % 64);

	if (on)
		table->close_on_exec[fd / 64] |= bit;
	else
		table->close_on_exec[fd / 64] &= ~bit;
}

/* Lock held: a descriptor is about to be installed at fd. */
static void note_installed(struct files_table *table, int fd)
{
	if (fd >= table->end)
		table->end = fd + 1;
}

static bool close_on_exec_set(const struct files_table *table, int fd)
{
	return (table->close_on_exec[fd / 64] >> (fd % 64)) & 1;
}

struct files_table *files_table_create(void)
{
	struct files_table *table = kzalloc(sizeof(*table));

	if (!table)
		return NULL;
	table->references = 1;
	spin_lock_init(&table->lock, "files table");
	return table;
}

struct files_table *files_table_copy(struct files_table *table)
{
	struct files_table *copy = files_table_create();

	if (!copy)
		return NULL;
	spin_lock(&table->lock);
	copy->end = table->end;
	for (int fd = 0; fd < table->end; fd++) {
		if (table->files[fd]) {
			copy->files[fd] = table->files[fd];
			file_get(copy->files[fd]);
		}
	}
	memcpy(copy->close_on_exec, table->close_on_exec, sizeof(copy->close_on_exec));
	spin_unlock(&table->lock);
	return copy;
}

void files_table_get(struct files_table *table)
{
	__atomic_add_fetch(&table->references, 1, __ATOMIC_RELAXED);
}

void files_table_put(struct files_table *table)
{
	if (!table || __atomic_sub_fetch(&table->references, 1, __ATOMIC_ACQ_REL) != 0)
		return;
	for (int fd = 0; fd < table->end; fd++)
		file_put(table->files[fd]);
	kfree(table);
}

struct file *files_table_get_file(struct files_table *table, int fd)
{
	struct file *file = NULL;

	if (!valid_fd(fd))
		return NULL;
	spin_lock(&table->lock);
	file = table->files[fd];
	if (file)
		file_get(file);
	spin_unlock(&table->lock);
	return file;
}

int files_table_next_open(struct files_table *table, int fd)
{
	int found = -1;

	if (fd < 0)
		fd = 0;
	spin_lock(&table->lock);
	for (; fd < table->end && found < 0; fd++)
		if (table->files[fd])
			found = fd;
	spin_unlock(&table->lock);
	return found;
}

int files_table_install(struct files_table *table, struct file *file, int minimum,
			bool close_on_exec)
{
	return files_table_install_below(table, file, minimum, FD_MAX, close_on_exec);
}

int files_table_install_below(struct files_table *table, struct file *file, int minimum,
			      int limit, bool close_on_exec)
{
	int result = -EMFILE;

	if (minimum < 0)
		return -EINVAL;
	limit = MIN(limit, FD_MAX);
	spin_lock(&table->lock);
	for (int fd = minimum; fd < limit; fd++) {
		if (!table->files[fd]) {
			note_installed(table, fd);
			table->files[fd] = file;
			set_close_on_exec(table, fd, close_on_exec);
			result = fd;
			break;
		}
	}
	spin_unlock(&table->lock);
	return result;
}

int files_table_install_at(struct files_table *table, struct file *file, int fd,
			   bool close_on_exec)
{
	struct file *previous;

	if (!valid_fd(fd))
		return -EBADF;
	spin_lock(&table->lock);
	previous = table->files[fd];
	note_installed(table, fd);
	table->files[fd] = file;
	set_close_on_exec(table, fd, close_on_exec);
	spin_unlock(&table->lock);
	file_put(previous);
	return fd;
}

int files_table_close(struct files_table *table, int fd)
{
	struct file *file;

	if (!valid_fd(fd))
		return -EBADF;
	spin_lock(&table->lock);
	file = table->files[fd];
	table->files[fd] = NULL;
	set_close_on_exec(table, fd, false);
	spin_unlock(&table->lock);
	if (!file)
		return -EBADF;
	file_put(file);
	return 0;
}

int files_table_get_close_on_exec(struct files_table *table, int fd)
{
	int result = -EBADF;

	if (!valid_fd(fd))
		return -EBADF;
	spin_lock(&table->lock);
	if (table->files[fd])
		result = close_on_exec_set(table, fd);
	spin_unlock(&table->lock);
	return result;
}

int files_table_set_close_on_exec(struct files_table *table, int fd, bool close_on_exec)
{
	int result = -EBADF;

	if (!valid_fd(fd))
		return -EBADF;
	spin_lock(&table->lock);
	if (table->files[fd]) {
		set_close_on_exec(table, fd, close_on_exec);
		result = 0;
	}
	spin_unlock(&table->lock);
	return result;
}

void files_close_on_exec(struct files_table *table)
{
	/* The table is this process's alone now (exec unshared it): end cannot move. */
	for (int fd = 0; fd < table->end; fd++) {
		struct file *file = NULL;

		spin_lock(&table->lock);
		if (table->files[fd] && close_on_exec_set(table, fd)) {
			file = table->files[fd];
			table->files[fd] = NULL;
			set_close_on_exec(table, fd, false);
		}
		spin_unlock(&table->lock);
		file_put(file);
	}
}

unsigned int files_table_count_open(struct files_table *table)
{
	unsigned int count = 0;

	spin_lock(&table->lock);
	for (int fd = 0; fd < table->end; fd++)
		count += table->files[fd] != NULL;
	spin_unlock(&table->lock);
	return count;
}
