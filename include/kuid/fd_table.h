/*
 * fd_table.h: the per-process state of the file system.
 *
 * struct files_table: the file descriptors, 0..FD_MAX-1, each pointing at a
 * struct file (one reference per descriptor), with its close-on-exec bit.
 * New descriptors take the lowest free number, as POSIX requires.
 *
 * struct fs_context: the process's root directory (chroot), its current
 * directory and its umask.
 *
 * Both are shared by reference: fork copies them, clone(CLONE_FILES) or
 * clone(CLONE_FS) shares them. Every _get has its _put.
 */
#ifndef KUID_FD_TABLE_H
#define KUID_FD_TABLE_H

#include <kuid/spinlock.h>
#include <kuid/types.h>
#include <kuid/vfs.h>

#define FD_MAX 1024

struct file;

struct files_table {
	unsigned int references;		/* atomic */
	struct spinlock lock;			/* protects the arrays below */
	struct file *files[FD_MAX];
	uint64_t close_on_exec[FD_MAX / 64];	/* bit fd: FD_CLOEXEC */
	/*
	 * One past the highest descriptor ever installed; it only grows. Loops
	 * over the whole table (fork, exec, exit) stop here instead of at FD_MAX:
	 * a process with 3 descriptors costs 3 steps, not 1024 (docs/benchmarks.md).
	 */
	int end;
};

struct files_table *files_table_create(void);
/* A new table with the same descriptors (each file gains a reference). */
struct files_table *files_table_copy(struct files_table *table);
void files_table_get(struct files_table *table);
void files_table_put(struct files_table *table);	/* the last put closes everything */

/* The file behind fd with a new reference, or NULL (then the caller says -EBADF). */
struct file *files_table_get_file(struct files_table *table, int fd);
/* The lowest open descriptor >= fd, or -1 (/proc/PID/fd lists them; no reference taken). */
int files_table_next_open(struct files_table *table, int fd);
/*
 * Install `file` (the table takes the caller's reference) at the lowest free
 * fd >= minimum. Returns the fd, or -EMFILE (the reference is then the caller's).
 */
int files_table_install(struct files_table *table, struct file *file, int minimum,
			bool close_on_exec);
/* The same, with only fds below `limit` (RLIMIT_NOFILE) to choose from. */
int files_table_install_below(struct files_table *table, struct file *file, int minimum,
			      int limit, bool close_on_exec);
/* Put `file` at exactly `fd`, closing what was there (dup2). */
int files_table_install_at(struct files_table *table, struct file *file, int fd,
			   bool close_on_exec);
/* Close fd; -EBADF if it was not open. */
int files_table_close(struct files_table *table, int fd);
int files_table_get_close_on_exec(struct files_table *table, int fd);	/* 0/1, or -EBADF */
int files_table_set_close_on_exec(struct files_table *table, int fd, bool close_on_exec);
/* At execve: close every descriptor marked close-on-exec. */
void files_close_on_exec(struct files_table *table);
unsigned int files_table_count_open(struct files_table *table);

struct fs_context {
	unsigned int references;		/* atomic */
	struct spinlock lock;			/* protects the fields below */
	struct path root;
	struct path cwd;
	uint32_t umask;
};

/* For pid 1: root and cwd are the root of everything, umask 022. */
struct fs_context *fs_context_create_root(void);
struct fs_context *fs_context_copy(struct fs_context *fs);
void fs_context_get(struct fs_context *fs);
void fs_context_put(struct fs_context *fs);
/* References to the current root and cwd (they can change under us: chdir). */
void fs_context_get_root(struct fs_context *fs, struct path *root);
void fs_context_get_cwd(struct fs_context *fs, struct path *cwd);
/* Replace cwd or root; the context takes a new reference of `path`. */
void fs_context_set_cwd(struct fs_context *fs, const struct path *path);
void fs_context_set_root(struct fs_context *fs, const struct path *path);

/* The calling task's table and context (kept in its struct task). */
struct files_table *current_files(void);
struct fs_context *current_fs(void);

#endif
