/*
 * mount_namespace.h: the mount namespace as an object: its identity, its owner and its own
 * tree of mounts. A new namespace gets a copy of its creator's tree (mount_tree.c); mounts made
 * later in one namespace are not seen in the other, unless propagation says so.
 */
#ifndef KUID_MOUNT_NAMESPACE_H
#define KUID_MOUNT_NAMESPACE_H

#include <kuid/ns_common.h>
#include <kuid/types.h>
#include <kuid/userns_rules.h>
#include <kuid/vfs.h>

struct cred;
struct fs_context;
struct ucounts;

struct mount_namespace {
	struct ns_common ns;		/* references, inode number, owner (R5.10, R9.1) */
	struct ucounts *ucounts;	/* the creator's UCOUNT_MNT_NAMESPACES charge (R1.8) */
	/*
	 * The root of its tree: a reference to the root mount (kuid's "rootfs", as Linux, which
	 * nobody sees: "/" is mounted on it) and its root; (NULL, NULL) until boot made it.
	 */
	struct path root;
	struct list_node mounts;	/* every mount of the tree, mountinfo order; vfs_lock */
	unsigned int mount_count;	/* how many; vfs_lock */
};

/* Owned by init_user_ns, inode 0xEFFFFFF8. Never freed. */
extern struct mount_namespace init_mount_ns;

static inline struct mount_namespace *to_mount_ns(struct ns_common *ns)
{
	return container_of(ns, struct mount_namespace, ns);
}

/*
 * A namespace with a copy of `old`'s tree, owned by creator's namespace: 0, -ENOSPC (*refusal
 * says which rule) or -ENOMEM. Copies into a namespace owned by another user namespace are
 * locked (R9.4).
 */
int mount_namespace_create(struct mount_namespace *old, const struct cred *creator,
			   struct mount_namespace **result, struct userns_refusal *refusal);
void put_mount_ns(struct mount_namespace *mnt);

/*
 * The copy of a namespace was just made: move fs's root and cwd from old mounts to their
 * copies in `mnt` (as Linux's copy_mnt_ns does). Places outside the copy stay.
 */
void mount_namespace_move_fs(struct mount_namespace *mnt, struct fs_context *fs);

/* What "/" is in `mnt`: the mount stacked highest on its root (a new reference). */
void mount_namespace_top(struct mount_namespace *mnt, struct path *top);

/* The calling task's mount namespace (no reference: valid while the task runs). */
struct mount_namespace *current_mount_ns(void);

#endif /* KUID_MOUNT_NAMESPACE_H */
