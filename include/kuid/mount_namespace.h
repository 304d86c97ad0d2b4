/*
 * mount_namespace.h: the mount namespace as an object: its identity, its owner and the root of
 * the mount tree it sees. For now every mount namespace sees the one tree of the system
 * (mount.c); giving each its own copy of the tree is later work, which changes what `root`
 * points at and nothing else here.
 */
#ifndef KUID_MOUNT_NAMESPACE_H
#define KUID_MOUNT_NAMESPACE_H

#include <kuid/ns_common.h>
#include <kuid/types.h>
#include <kuid/userns_rules.h>
#include <kuid/vfs.h>

struct cred;
struct ucounts;

struct mount_namespace {
	struct ns_common ns;		/* references, inode number, owner (R5.10, R9.1) */
	struct ucounts *ucounts;	/* the creator's UCOUNT_MNT_NAMESPACES charge (R1.8) */
	/* The root of its tree: a reference; (NULL, NULL) until the root file system exists. */
	struct path root;
};

/* Owned by init_user_ns, inode 0xEFFFFFF8. Never freed. */
extern struct mount_namespace init_mount_ns;

static inline struct mount_namespace *to_mount_ns(struct ns_common *ns)
{
	return container_of(ns, struct mount_namespace, ns);
}

/* Boot: the root file system is mounted; the initial namespace sees it from now on. */
void mount_namespace_set_initial_root(const struct path *root);

/*
 * A namespace seeing `old`'s tree, owned by creator's namespace: 0, -ENOSPC (*refusal says
 * which rule) or -ENOMEM.
 */
int mount_namespace_create(struct mount_namespace *old, const struct cred *creator,
			   struct mount_namespace **result, struct userns_refusal *refusal);
void put_mount_ns(struct mount_namespace *mnt);

/* The calling task's mount namespace (no reference: valid while the task runs). */
struct mount_namespace *current_mount_ns(void);

#endif /* KUID_MOUNT_NAMESPACE_H */
