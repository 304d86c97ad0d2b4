/*
 * vfs.h: the virtual file system: inodes, mounts, path walking and the
 * operations on names (create, link, unlink, rename) that every file system
 * shares. docs/files.md tells the story; kernel/fs/ramfs.c is the one file
 * system today (mounted as "tmpfs" or "ramfs").
 *
 * The objects:
 *   struct inode       one file: its type, mode, owner, times, size.
 *   struct super_block one instance of a file system (what mount(2) makes).
 *   struct mount       a super_block attached at a place in the tree: its
 *                      parent mount and the directory it covers.
 *   struct path        a place: a mount and an inode in it. The same inode
 *                      seen through two mounts is two places.
 *
 * Directories name their children; a child directory points back at its
 * parent (inode->parent) so that ".." and getcwd need no name cache. That
 * back pointer holds no reference: a directory cannot be removed while it has
 * children, and rmdir clears it.
 *
 * Locking: one lock, vfs_lock(), protects every directory tree, the mount
 * table, inode attributes and the data of RAM files. It is held only for
 * short, non-sleeping work and never while touching user memory (system calls
 * copy through kernel buffers), so a page fault can never wait on it.
 * Reference counts are atomic and need no lock.
 */
#ifndef KUID_VFS_H
#define KUID_VFS_H

#include <kuid/list.h>
#include <kuid/permission.h>
#include <kuid/types.h>
#include <kuid/uidgid.h>
#include <uapi/limits.h>

struct cred;
struct file;
struct file_operations;
struct fs_context;
struct inode;
struct mount_namespace;
struct path;
struct pipe;
struct super_block;
struct user_namespace;

/* A time stamp, as stat reports it. */
struct vfs_time {
	int64_t seconds;
	uint32_t nanoseconds;
};

/* Now, for time stamps: seconds since boot until kuid has a wall clock. */
struct vfs_time vfs_now(void);

/* Device numbers, kept as a pair; stat encodes them the way Linux does. */
struct device_number {
	uint32_t major;
	uint32_t minor;
};

#define NO_DEVICE ((struct device_number){ 0, 0 })

/* Linux's encoding of a device number in 32 bits (st_rdev, mknod's dev). */
uint32_t device_number_encode(struct device_number number);
struct device_number device_number_decode(uint32_t encoded);

/* What a directory hands to a getdents callback for each entry. */
struct directory_entry_info {
	const char *name;
	size_t name_length;
	uint64_t inode_number;
	uint8_t type;			/* DT_* of uapi/dirent.h */
	uint64_t next_position;		/* where to resume after this entry */
};

/* Return false to stop the iteration (the caller's buffer is full). */
typedef bool (*directory_emit_t)(void *context, const struct directory_entry_info *entry);

/*
 * What a file system does on inodes. The VFS has already checked names,
 * permissions and types; these only change the file system's own records.
 * Names are NUL-terminated single components, never "." or "..".
 * Called with vfs_lock held; none may sleep.
 */
struct inode_operations {
	/* Directories. lookup returns a new reference in *found, or -ENOENT. */
	int (*lookup)(struct inode *directory, const char *name, struct inode **found);
	/*
	 * Make a new inode of `mode` (type and permissions) owned by uid:gid and
	 * link it as `name`; a symbolic link gets `target` as its text, a device
	 * node `device`. Returns a new reference in *created.
	 */
	int (*create)(struct inode *directory, const char *name, uint32_t mode, kuid_t uid,
		      kgid_t gid, struct device_number device, const char *target,
		      struct inode **created);
	/* Add a name for an existing inode (not a directory). */
	int (*link)(struct inode *directory, const char *name, struct inode *inode);
	/* Remove the name of `inode` (a directory only if empty). */
	int (*unlink)(struct inode *directory, const char *name, struct inode *inode);
	/* Move a name; the VFS has removed whatever `new_name` named before. */
	int (*rename)(struct inode *old_directory, const char *old_name,
		      struct inode *new_directory, const char *new_name);
	bool (*is_empty)(struct inode *directory);
	/* Emit entries from `position` on ("." and ".." included); sets *position. */
	int (*iterate)(struct inode *directory, uint64_t *position, directory_emit_t emit,
		       void *context);
	/* The name `child` has in `directory`, for getcwd. */
	int (*name_of)(struct inode *directory, struct inode *child, char *name, size_t size);

	/* Symbolic links: copy the target (not NUL-terminated); returns its length. */
	ssize_t (*readlink)(struct inode *link, char *buffer, size_t size);
	/*
	 * A "magic" link (procfs: /proc/PID/ns/user, cwd, root): following it jumps straight to
	 * a place, a new reference in *target, with no text to walk. Called WITHOUT vfs_lock,
	 * and so is the readlink of such a link: both look at live objects (tasks, namespaces)
	 * and may walk paths. NULL for ordinary links.
	 */
	int (*get_link)(struct inode *link, struct path *target);
	/*
	 * Optional: decide `want` (MAY_*) for `cred` instead of the mode bits and capability
	 * overrides (Linux's inode->i_op->permission; /proc/sys uses it, R9.8, R1.9).
	 * 0 or -EACCES. Called without vfs_lock.
	 */
	int (*permission)(struct inode *inode, const struct cred *cred, int want);

	/* Regular files: data at an offset, and the new size for truncate. */
	ssize_t (*read)(struct inode *inode, void *buffer, size_t count, uint64_t offset);
	ssize_t (*write)(struct inode *inode, const void *buffer, size_t count, uint64_t offset);
	int (*truncate)(struct inode *inode, uint64_t size);

	/* The last reference is gone: free the file system's private data. */
	void (*destroy)(struct inode *inode);
};

struct inode {
	unsigned int references;	/* atomic; a directory entry holds one */

	/* Protected by vfs_lock. */
	uint64_t number;		/* st_ino */
	uint32_t mode;			/* S_IF* type and permission bits */
	uint32_t nlink;
	kuid_t uid;
	kgid_t gid;
	uint64_t size;
	struct vfs_time access_time, modify_time, change_time;
	struct device_number device;	/* for S_IFCHR/S_IFBLK */
	struct inode *parent;		/* directories: the one holding it; no reference */
	unsigned int mounts_here;	/* how many mounts cover this directory */

	/* Fixed at creation. */
	struct super_block *super_block;
	const struct inode_operations *operations;
	/* What open() uses for a regular file or directory; NULL: the VFS's defaults. */
	const struct file_operations *file_operations;
	void *private;			/* the file system's */
	struct pipe *fifo;		/* a FIFO's pipe, made at the first open */
};

/* One file system instance. */
struct super_block {
	unsigned int references;	/* atomic: mounts and inodes of it */
	const char *type_name;		/* "tmpfs" */
	int64_t magic;			/* statfs f_type */
	struct device_number device;	/* st_dev: an anonymous 0:N */
	uint64_t next_inode_number;	/* atomic */
	void *private;
	/*
	 * The user namespace the instance belongs to (a reference; NULL: the initial one):
	 * CAP_SYS_ADMIN over it lets a plain MS_REMOUNT change the instance (mount_flags.c).
	 */
	struct user_namespace *user_ns;
	bool read_only;			/* the instance itself (mountinfo's super options) */
};

/*
 * A mounted file system: a super_block (or a directory in it, for a bind mount) attached at a
 * place in one mount namespace's tree. kernel/fs/mount.c and docs/files.md tell the story;
 * everything below "node" is protected by vfs_lock.
 */
struct mount {
	unsigned int references;	/* atomic */
	unsigned int id;		/* /proc/PID/mountinfo's first field; fixed */
	struct super_block *super_block;
	struct inode *root;		/* a reference: the sb's root, or a directory for a bind */
	struct mount *parent;		/* NULL for a namespace's root mount; a reference */
	struct inode *mountpoint;	/* in parent; a reference */
	/*
	 * Per-mount options with mount(2)'s values: MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC,
	 * MS_NOSYMFOLLOW and the atime mode (MS_NOATIME, MS_NODIRATIME, MS_RELATIME; none of
	 * those three is "strictatime"). exec, open and the write paths read these bits.
	 */
	unsigned int flags;
	unsigned int locks;		/* MOUNT_LOCK_* of kuid/mount.h (R9.4-R9.6) */
	char *source;			/* mount(2)'s source, for mountinfo; kmalloc'd or NULL */
	struct mount_namespace *namespace;	/* the tree it is in; NULL once detached */
	struct list_node node;		/* in namespace->mounts, in mountinfo order */
	struct list_node children;	/* mounts attached on directories of this one */
	struct list_node sibling;	/* in parent->children */
	struct list_node everywhere;	/* every mount in a tree, for propagation */
	/* Propagation (mount_propagation.c): peer group ids, 0 for none. */
	unsigned int peer_group;	/* shared:N */
	unsigned int master_group;	/* master:N: receives from that peer group */
	bool unbindable;
	bool expiry_mark;		/* MNT_EXPIRE's first call marks, the second unmounts */
	struct mount *copied_from;	/* while a tree is copied: the original; no reference */
};

struct path {
	struct mount *mount;
	struct inode *inode;
};

/* The one lock of the VFS (see above). */
void vfs_lock(void);
void vfs_unlock(void);
bool vfs_lock_is_held(void);

/* Inodes. inode_new returns one reference; the file system fills in the rest. */
struct inode *inode_new(struct super_block *super_block, uint32_t mode);
void inode_get(struct inode *inode);
void inode_put(struct inode *inode);

void super_block_get(struct super_block *super_block);
void super_block_put(struct super_block *super_block);

void mount_get(struct mount *mount);
void mount_put(struct mount *mount);

void path_get(const struct path *path);
void path_put(struct path *path);	/* clears the path */
bool path_equal(const struct path *left, const struct path *right);

/*
 * File systems. fs_type_mount makes a new instance ("tmpfs", "ramfs"):
 * a super_block and its root directory of `mode`, owned by uid:gid.
 * -ENODEV for an unknown type.
 */
int fs_type_mount(const char *type_name, uint32_t mode, kuid_t uid, kgid_t gid,
		  struct super_block **super_block, struct inode **root);
int ramfs_fill(struct super_block *super_block, uint32_t root_mode, kuid_t uid, kgid_t gid,
	       struct inode **root);

/*
 * Mounts (kernel/fs/mount*.c; the rest of the interface is kuid/mount.h).
 * vfs_mount_root makes the first mounts at boot. vfs_root gives the top of the calling task's
 * mount namespace: the mount stacked highest on the namespace's root, what "/" is for a
 * process that never chrooted. vfs_mount_at attaches a new instance of `type_name` on the
 * directory `where`; vfs_unmount detaches the mount whose root is `mount_root` (-EBUSY if
 * anything is mounted below it or files are open in it, -EINVAL if it is not a mount's root).
 */
int vfs_mount_root(const char *type_name);
int vfs_root(struct path *root);
int vfs_mount_at(const struct path *where, const char *type_name, unsigned int flags);
int vfs_unmount(const struct path *mount_root);

/*
 * Is the caller's root (chroot) somewhere other than the root of the mount
 * tree? chroot("/") does not count. For R5.3 (kernel/fs/chrooted.c).
 */
bool current_chrooted(void);

/* The mount covering (mount, inode), or NULL; called with vfs_lock held. */
struct mount *mount_covering(struct mount *parent, struct inode *mountpoint);

/* Permission checks against the calling task's credentials (cred.h). */
int inode_permission(struct inode *inode, int want);
/* The same for other credentials: access(2) checks with the real ids. */
struct cred;
int inode_permission_as(const struct cred *cred, struct inode *inode, int want);
/* The owner of the inode, or a caller with CAP_FOWNER over it. */
bool inode_owner_or_capable(struct inode *inode);
/* The capability overrides, each in one place (kernel/fs/permission.c). */
bool capable_dac_override(struct inode *inode);
bool capable_dac_read_search(struct inode *inode);
bool capable_fowner(struct inode *inode);
bool capable_chown(struct inode *inode);
bool capable_fsetid(struct inode *inode);
/* Is the caller in group `gid` (fsgid or a supplementary group)? */
bool caller_in_group(kgid_t gid);

/*
 * Path walking. Every walk starts at `start` (a directory: the cwd, or an
 * *at() call's directory) or at the root of `fs` for an absolute path, and
 * never climbs above the root of `fs` (chroot).
 */
#define LOOKUP_FOLLOW		(1u << 0)	/* follow a final symbolic link */
#define LOOKUP_DIRECTORY	(1u << 1)	/* the result must be a directory */
#define LOOKUP_MAY_BE_MISSING	(1u << 2)	/* a missing final name is not -ENOENT */
#define LOOKUP_EMPTY		(1u << 3)	/* "" means start itself (AT_EMPTY_PATH) */

#define SYMLINK_FOLLOW_MAX	40		/* then -ELOOP, as Linux */

/* The last component's kind, for calls that treat "." and ".." specially. */
enum last_component {
	LAST_NORMAL,
	LAST_DOT,
	LAST_DOTDOT,
	LAST_ROOT,	/* the path was "/" (or "" with LOOKUP_EMPTY) */
};

struct lookup_result {
	struct path parent;		/* the directory holding the last component */
	struct path found;		/* found.inode is NULL when missing */
	char name[NAME_MAX + 1];	/* the last component */
	enum last_component last;
	bool trailing_slash;
	bool magic_link;		/* found by following a magic link: name is the link's */
};

int path_walk(struct fs_context *fs, const struct path *start, const char *pathname,
	      unsigned int flags, struct lookup_result *result);
/* The same, searching directories with `cred` (NULL: the caller's own). */
int path_walk_as(const struct cred *cred, struct fs_context *fs, const struct path *start,
		 const char *pathname, unsigned int flags, struct lookup_result *result);
void lookup_result_release(struct lookup_result *result);
/* Just the place: a reference in *found. */
int path_lookup(struct fs_context *fs, const struct path *start, const char *pathname,
		unsigned int flags, struct path *found);

/* The absolute path of `place` as seen from `root`, for getcwd; -ENOENT if removed. */
int path_to_string(const struct path *root, const struct path *place, char *buffer,
		   size_t size, size_t *length);

/*
 * Name operations, with Linux's permission and type checks. Each looks its
 * names up again under vfs_lock, so what it changes is what it checked.
 * `name` is one component that is not "." or "..".
 */
int vfs_create(const struct path *directory, const char *name, uint32_t mode,
	       struct device_number device, const char *symlink_target, struct inode **created);
int vfs_link(const struct path *directory, const char *name, const struct path *target);
int vfs_unlink(const struct path *directory, const char *name, bool remove_directory);
int vfs_rename(const struct path *old_directory, const char *old_name,
	       const struct path *new_directory, const char *new_name, unsigned int flags);
ssize_t vfs_readlink(struct inode *link, char *buffer, size_t size);
int vfs_truncate(struct inode *inode, uint64_t size);
void vfs_touch(struct inode *inode, bool modified);	/* set mtime/ctime (or ctime) */
/*
 * A write or truncate by someone without CAP_FSETID ends the set-user-ID bit,
 * and set-group-ID when group execute is set. Called with vfs_lock held.
 */
void vfs_drop_privileges(struct inode *inode);

/*
 * RLIMIT_FSIZE (kernel/fs/file_size_limit.c). Before writing *count bytes at position of a
 * regular file: 0, with *count cut to what fits below the limit, or -EFBIG and SIGXFSZ if
 * the write starts at or past it. Before a truncate from old_size to new_size: 0, or
 * -EFBIG and SIGXFSZ if it would grow the file past the limit.
 */
int file_size_limit_write(uint64_t position, size_t *count);
int file_size_limit_truncate(uint64_t old_size, uint64_t new_size);

/*
 * Boot: root_file_system_init mounts the root tmpfs (vfs_init), unpacks the
 * initramfs cpio archive into it and adds the standard directories and device
 * nodes; a corrupt archive is a panic naming the entry.
 */
void root_file_system_init(const void *archive, size_t size);
void vfs_init(void);
/* Why an archive was refused, for the one line the boot stops with. */
struct initramfs_failure {
	const char *entry;	/* the entry's name as in the archive, or "" if unreadable */
	const char *reason;	/* a short static description */
	size_t offset;		/* of the entry's header in the archive */
};
/* 0, or an errno with *failure filled in. */
int initramfs_unpack(const void *archive, size_t size, struct initramfs_failure *failure);
void vfs_create_standard_nodes(void);

#endif
