/*
 * procfs_internal.h: what the files of kernel/fs/procfs/ share. A /proc directory is a table of
 * struct proc_entry; an inode made from an entry remembers the entry and the pid it is about;
 * an open file remembers who opened it and the text it showed. Not a public header.
 */
#ifndef KUID_FS_PROCFS_INTERNAL_H
#define KUID_FS_PROCFS_INTERNAL_H

#include <kuid/file.h>
#include <kuid/procfs.h>
#include <kuid/spinlock.h>
#include <kuid/task.h>
#include <kuid/types.h>
#include <kuid/userns_rules.h>
#include <kuid/vfs.h>

struct proc_file;
struct proc_inode;

/* ---- text made on demand (seq_buffer.c) ---- */

/*
 * A growing text buffer, Linux's seq_file without the iterator: a show function prints the
 * whole file into it, and reads copy out of that snapshot. A buffer over caller memory
 * (fixed) does not grow: it only records that the text did not fit.
 */
struct seq_buffer {
	char *data;
	size_t length;
	size_t capacity;
	bool fixed;		/* data is the caller's: never grown or freed */
	int error;		/* -ENOMEM (or -ENOSPC when fixed) once something did not fit */
};

void seq_init(struct seq_buffer *seq);
void seq_init_fixed(struct seq_buffer *seq, char *buffer, size_t size);
void seq_printf(struct seq_buffer *seq, const char *format, ...)
	__attribute__((format(printf, 2, 3)));
void seq_write(struct seq_buffer *seq, const void *data, size_t length);
void seq_release(struct seq_buffer *seq);	/* frees a growing buffer */

/* ---- the entries of a directory ---- */

/* Extra names a directory has beyond its table: the pids of /proc. */
struct proc_dynamic_names {
	/* Make the inode of `name`, or -ENOENT. Called with vfs_lock held. */
	int (*lookup)(struct inode *directory, const char *name, struct inode **found);
	/* Emit names from *position on (positions >= first_position); sets *position. */
	int (*iterate)(struct inode *directory, uint64_t *position, uint64_t first_position,
		       directory_emit_t emit, void *context);
};

struct proc_entry {
	const char *name;
	uint32_t mode;				/* S_IF* and permission bits */

	/* Directories: the fixed children (entries defined in the files they concern). */
	const struct proc_entry *const *children;
	size_t child_count;
	const struct proc_dynamic_names *dynamic;

	/* Files. show prints the whole file; NULL: not readable (-EINVAL). */
	int (*show)(struct seq_buffer *seq, struct proc_file *file);
	/* text is a kernel copy; NULL write: not writable (-EINVAL). */
	ssize_t (*write)(struct proc_file *file, const char *text, size_t count,
			 uint64_t *position);
	/* Extra work at open (O_* flags): bind a namespace (R2.8), refuse (R3.19). 0 or errno. */
	int (*open)(struct proc_file *file, unsigned int flags);
	/* A seq_file in Linux: pwrite is -ESPIPE (R3.4); a plain proc file takes it. */
	bool seq_file;

	/* Symbolic links: the text (readlink), and for magic links the place itself. */
	ssize_t (*link_text)(struct proc_inode *inode, char *buffer, size_t size);
	int (*get_link)(struct proc_inode *inode, struct path *target);

	/* Optional permission rule replacing the mode bits (/proc/sys, R9.8, R1.9). */
	int (*permission)(struct proc_inode *inode, const struct cred *cred, int want);

	/* What the entry is about, for tables of similar files. */
	int parameter;
};

/*
 * A proc instance shows the processes of the pid namespace it was mounted for (the mounter's
 * active one, R12.1): its numbers name the /proc/PID directories and /proc/self, and the pids
 * the files print. super_block->private points to this; every inode of the instance holds a
 * reference to the namespace, so it lives as long as anything of the instance does.
 */
struct procfs_instance {
	struct pid_namespace *pid_ns;
};

/* The private part of a procfs inode. */
struct proc_inode {
	const struct proc_entry *entry;
	pid_t pid;				/* the process of /proc/PID/... (the kernel's
						 * name, kuid/pid.h); 0 elsewhere */
	pid_t pid_number;			/* the same, as the instance numbers it */
	struct pid_namespace *pid_ns;		/* the instance's; a reference */
	int fd;					/* /proc/PID/fd/N: the descriptor N */
};

/* The private part of an open procfs file. */
struct proc_file {
	const struct proc_entry *entry;
	pid_t pid;
	struct pid_namespace *pid_ns;		/* the instance's: pids print as it numbers them;
						 * held by the file's inode */
	/*
	 * The opener's credentials, file->f_cred: what a map file shows (R2.6) and what its
	 * write checks (R3.7, R3.13) are judged by, whoever reads or writes later. Kept here
	 * too so the show and write functions need nothing but the struct proc_file.
	 */
	const struct cred *opener;
	/* Map files and setgroups: the target's user namespace, bound at open (R2.8). */
	struct user_namespace *user_ns;
	/* environ: the memory whose access was checked at open; a reference. */
	struct address_space *address_space;
	/* The last refusal of a write, for tests and logs. */
	struct userns_refusal refusal;

	struct spinlock lock;			/* the snapshot below */
	char *text;
	size_t length;
	bool has_text;
};

static inline struct proc_inode *proc_inode_of(struct inode *inode)
{
	return inode->private;
}

/* ---- making inodes (proc_inode.c) ---- */

/*
 * A new inode for `entry` in the proc instance `super_block`, about process `pid` (0: none).
 * Files under /proc/PID belong to the process's dump owner (R3.1), the rest to root. A new
 * reference, or NULL (out of memory, or the process is gone).
 */
struct inode *proc_inode_new(struct super_block *super_block, const struct proc_entry *entry,
			     pid_t pid);

/* Generic directory operations over an entry table (lookup and iterate). */
int proc_directory_lookup(struct inode *directory, const char *name, struct inode **found);

/* ---- tasks ---- */

/* The task of process pid with a reference, or NULL if it is gone (-ESRCH for callers). */
struct task *proc_task_get(pid_t pid);
/* References to a task's root and cwd; -ENOENT once the task has let go of them. */
int proc_task_root(struct task *task, struct path *root);
int proc_task_cwd(struct task *task, struct path *cwd);

/* ---- the tables ---- */

extern const struct proc_entry proc_root_entry;		/* proc_root.c */
extern const struct proc_entry proc_pid_entry;		/* proc_pid.c: /proc/PID */
extern const struct proc_entry proc_sys_entry;		/* proc_sys.c: /proc/sys */
extern const struct proc_entry proc_ns_directory_entry;	/* proc_ns_links.c: /proc/PID/ns */
/* proc_misc.c: files of /proc itself. */
extern const struct proc_entry proc_uptime_entry, proc_meminfo_entry, proc_cpuinfo_entry,
	proc_filesystems_entry, proc_kernel_stat_entry;

/* Files of /proc/PID, each defined with its show function. */
extern const struct proc_entry proc_status_entry;				/* proc_status.c */
extern const struct proc_entry proc_stat_entry;					/* proc_stat.c */
extern const struct proc_entry proc_comm_entry;				/* proc_stat.c */
extern const struct proc_entry proc_cmdline_entry, proc_environ_entry;	/* proc_cmdline.c */
extern const struct proc_entry proc_fd_directory_entry;			/* proc_fd.c */
extern const struct proc_entry proc_mounts_entry, proc_mountinfo_entry;	/* proc_mounts.c */

/*
 * /proc/sys (proc_sys.c): the permission rule of a global setting (R9.8), and the UTS names
 * (proc_sys_uts.c), whose files proc_sys.c lists under kernel/.
 */
int sysctl_permission(struct proc_inode *inode, const struct cred *cred, int want);
extern const struct proc_entry proc_sys_hostname_entry, proc_sys_domainname_entry;

/* The map files and setgroups (proc_id_map.c, proc_setgroups.c). */
extern const struct proc_entry proc_uid_map_entry, proc_gid_map_entry, proc_projid_map_entry;
extern const struct proc_entry proc_setgroups_entry;
/* Magic links to places (proc_task_links.c). */
extern const struct proc_entry proc_cwd_entry, proc_root_link_entry, proc_exe_entry;
/* readlink's text for a place: its path from the reader's root, as getcwd would print it. */
ssize_t proc_path_text(const struct path *place, char *buffer, size_t size);
/* readlink's text for an open file: its path, "pipe:[N]", "user:[N]" (proc_fd.c). */
ssize_t proc_open_file_text(struct file *file, char *buffer, size_t size);

/* The user namespace of a task, a reference (or NULL when the task is gone). */
struct user_namespace *proc_task_user_ns(pid_t pid);

/*
 * mountinfo_show: the mount table as `task` sees it (Linux format). One function, so the
 * mount-namespace work can make it per namespace in one place.
 */
int mountinfo_show(struct seq_buffer *seq, struct task *task);

#endif
