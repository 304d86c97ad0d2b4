/*
 * mount.h: the mount tree of a mount namespace, for the files that change it (mount(2),
 * umount2(2), pivot_root(2), namespace copies, propagation) and for /proc/PID/mountinfo.
 * struct mount itself is in vfs.h, because every path holds one; docs/files.md tells the story.
 * Unless a comment says otherwise, these functions are called with vfs_lock held.
 */
#ifndef KUID_MOUNT_H
#define KUID_MOUNT_H

#include <kuid/list.h>
#include <kuid/types.h>
#include <kuid/userns_rules.h>
#include <kuid/vfs.h>
#include <uapi/mount.h>

struct mount_namespace;
struct user_namespace;

/*
 * Lock bits (struct mount.locks). A tree copied into a mount namespace owned by a less
 * privileged user namespace gets them (R9.4), so that the new owner cannot loosen what the
 * old one set up: the flag a LOCK bit names cannot be cleared (R9.6), and a MOUNT_LOCKED mount
 * cannot be taken away from what it covers (R9.5).
 */
#define MOUNT_LOCK_READONLY	(1u << 0)
#define MOUNT_LOCK_NODEV	(1u << 1)
#define MOUNT_LOCK_NOSUID	(1u << 2)
#define MOUNT_LOCK_NOEXEC	(1u << 3)
#define MOUNT_LOCK_ATIME	(1u << 4)
#define MOUNT_LOCKED		(1u << 5)

/* The atime mode: at most one of noatime/relatime, nodiratime beside; none is strictatime. */
#define MOUNT_ATIME_FLAGS	(MS_NOATIME | MS_NODIRATIME | MS_RELATIME)
/* What mount(2) may set on a mount (Linux's MNT_USER_SETTABLE_MASK). */
#define MOUNT_SETTABLE_FLAGS	\
	(MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_NOSYMFOLLOW | MOUNT_ATIME_FLAGS)

/* ---- mount.c: objects and the tree ---- */

/* Every mount in a tree, in any namespace (struct mount.everywhere); vfs_lock. */
extern struct list_node mounts_everywhere;

/*
 * A detached mount of (super_block, root), one reference (which becomes the tree's when it is
 * attached); it takes over the references to super_block and root. NULL on -ENOMEM.
 * Not under vfs_lock (it allocates, which is fine either way).
 */
struct mount *mount_alloc(struct super_block *super_block, struct inode *root,
			  unsigned int flags, const char *source);

/*
 * Hang the detached tree `top` on (parent, mountpoint) and enter every mount of it into
 * parent's namespace, in tree order. Takes references to parent and mountpoint.
 */
void mount_attach(struct mount *top, struct mount *parent, struct inode *mountpoint);
/*
 * Move an attached mount (and what is below it) onto (parent, mountpoint) in the same
 * namespace: MS_MOVE, pivot_root. The old place's references go to *old_place, for path_put
 * once vfs_lock is released.
 */
void mount_move(struct mount *mount, struct mount *parent, struct inode *mountpoint,
		struct path *old_place);
/* R9.1: CAP_SYS_ADMIN over the owner of the caller's mount namespace? 0 or -EPERM. No lock. */
int mount_may_mount(struct userns_refusal *refusal);
/* Enter a detached tree into `ns` as its root tree (no parent): namespace copies. */
void mount_enter_namespace(struct mount *top, struct mount_namespace *ns);

/*
 * Take `top` and every mount below it out of their tree: they stop covering anything and
 * leave the namespace; their tree references move to `doomed`, to be dropped with
 * mount_put_doomed once vfs_lock is released (putting may free, which takes vfs_lock).
 */
void mount_detach_tree(struct mount *top, struct list_node *doomed);
void mount_put_doomed(struct list_node *doomed);	/* without vfs_lock */

/* umount2's own put of the mount it looked up, which is no "use" (MNT_EXPIRE). */
void mount_put_keeping_mark(struct mount *mount);

/* Preorder walk of the tree below `top`: the mount after `mount`, or NULL at the end. */
struct mount *mount_next_in_tree(struct mount *mount, struct mount *top);

/* The mount's parent while it is in a tree; NULL for a root or a detached mount. */
struct mount *mount_parent(const struct mount *mount);

/* Follow *place down through the mounts stacked on it to the topmost (a new reference). */
void mount_follow_down(struct path *place);

/* Is `inode` `ancestor` or inside it (same super block)? */
bool inode_is_within(struct inode *inode, struct inode *ancestor);
/* Is `place` `root` or below it, following mounts up through their parents? */
bool path_is_reachable(const struct path *place, const struct path *root);

/* Is the mount in the calling task's mount namespace (Linux's check_mnt)? */
bool mount_is_current(const struct mount *mount);

/* ---- mount_tree.c: copies ---- */

/* How a copy is made. */
#define COPY_RECURSIVE		(1u << 0)	/* the mounts below too (else just the top) */
#define COPY_UNBINDABLE		(1u << 1)	/* copy unbindable mounts too (namespaces) */
#define COPY_NAMESPACE		(1u << 2)	/* a namespace copy: keep peer groups, remember */
#define COPY_LESS_PRIVILEGED	(1u << 3)	/* into a less privileged owner: R9.4 */

/*
 * A detached copy of `source` seen from its directory `root` (source->root for all of it):
 * the same instances, flags, lock bits and propagation, new ids; with COPY_RECURSIVE the
 * mounts on `root` and below it too, except unbindable ones. -ENOMEM, and then what was made
 * is on `doomed` for mount_put_doomed.
 */
int mount_tree_copy(struct mount *source, struct inode *root, unsigned int how,
		    struct mount **copy, struct list_node *doomed);
/* R9.4: lock the flags of every mount of the tree, and every mount below its top. */
void mount_tree_lock(struct mount *top);
/* R9.6: has `mount` a MOUNT_LOCKED child on `directory` or below it? */
bool mount_has_locked_children(struct mount *mount, struct inode *directory);

/* ---- mount_flags.c ---- */

/* mount(2)'s flags as the per-mount flags they ask for (the atime default is relatime). */
unsigned int mount_flags_requested(unsigned long flags, const struct mount *existing);
/* R9.6: would `flags` keep every flag the mount has locked? 0 or -EPERM. */
int mount_flags_keep_locks(const struct mount *mount, unsigned int flags,
			   struct userns_refusal *refusal);
/* The lock bits that match `flags` (R9.4). */
unsigned int mount_locks_for(unsigned int flags);

/* ---- mount_propagation.c ---- */

/* A new peer group id (shared:N). */
unsigned int mount_peer_group_new(void);
/* MS_SHARED, MS_PRIVATE, MS_SLAVE or MS_UNBINDABLE on `mount` (and below with MS_REC). */
void mount_change_propagation(struct mount *mount, unsigned long type, bool recursive);
/* R9.4: in a less privileged copy, shared becomes slave of the same group. */
void mount_shared_to_slave(struct mount *mount);
/*
 * A tree was just attached on (parent, mountpoint): copy it onto every peer and slave of
 * parent that sees mountpoint. Copies that cannot be made are skipped (memory); what a failed
 * copy made is on `doomed`.
 */
void mount_propagate_attach(struct mount *top, struct mount *parent, struct inode *mountpoint,
			    struct list_node *doomed);
/* The tree was taken out of a peer group's mount: take out its propagated copies. */
void mount_propagate_detach(struct mount *top, struct list_node *doomed);

/* ---- helpers for the system calls (mount_*.c); called WITHOUT vfs_lock ---- */

/*
 * Attach a new instance of `type_name` on `where` (on top of whatever is mounted there), for
 * mount(2) and the kernel; the caller has checked permission.
 */
int mount_new_instance(const struct path *where, const char *type_name, const char *source,
		       unsigned int flags, unsigned int locks);
/* umount2 on the mount whose root `place` is, with umount2's flags. */
int mount_umount(const struct path *place, int flags, struct userns_refusal *refusal);

#endif /* KUID_MOUNT_H */
