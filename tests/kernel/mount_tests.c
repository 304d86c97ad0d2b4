/*
 * mount_tests.c: mount namespaces from the inside: a new namespace copies the whole tree
 * (same instances, new mounts), a copy for a less privileged owner is locked (R9.4) and its
 * shared mounts become slaves, locked flags stay (R9.6), and a thousand namespaces with ten
 * mounts each give every byte back. The system calls are tested by tests/user/mounts.c.
 */
#include <kuid/capability.h>
#include <kuid/cred.h>
#include <kuid/heap.h>
#include <kuid/ktest.h>
#include <kuid/mount.h>
#include <kuid/mount_namespace.h>
#include <kuid/user_namespace.h>
#include <uapi/errno.h>
#include <uapi/mount.h>

#define TESTER 1001u

/* Root's credentials in the initial namespace, or a fresh user namespace's root's. */
static struct cred creator_cred(bool new_user_ns)
{
	struct cred cred = { 0 };

	cred.references = 1;
	cred.uid = cred.euid = cred.suid = cred.fsuid = (kuid_t){ new_user_ns ? TESTER : 0 };
	cred.gid = cred.egid = cred.sgid = cred.fsgid = (kgid_t){ new_user_ns ? TESTER : 0 };
	cred.cap_bounding = cred.cap_permitted = cred.cap_effective = CAP_FULL_SET;
	cred.user_ns = get_user_ns(&init_user_ns);
	if (new_user_ns && create_user_ns(&cred, false, NULL) != 0) {
		put_user_ns(cred.user_ns);
		cred.user_ns = NULL;
	}
	return cred;
}

/* Mount `count` tmpfs instances on /tmp of ns, stacked. */
static int mount_on_tmp(struct mount_namespace *ns, int count)
{
	struct path top, tmp;
	struct inode *found;
	int error;

	mount_namespace_top(ns, &top);
	vfs_lock();
	error = top.inode->operations->lookup(top.inode, "tmp", &found);
	vfs_unlock();
	if (error == 0) {
		tmp = (struct path){ top.mount, found };
		for (int i = 0; i < count && error == 0; i++)
			error = mount_new_instance(&tmp, "tmpfs", "test", MS_RELATIME, 0);
		inode_put(found);
	}
	path_put(&top);
	return error;
}

/* The index of mount in ns's list, or -1. */
static int position_of(struct mount_namespace *ns, struct mount *wanted)
{
	struct mount *mount;
	int index = 0;

	list_for_each_entry(mount, &ns->mounts, node) {
		if (mount == wanted)
			return index;
		index++;
	}
	return -1;
}

KTEST(mount, a_new_namespace_copies_the_whole_tree)
{
	struct cred cred = creator_cred(false);
	struct mount_namespace *copy;
	struct mount *old, *new;
	bool same_shape = true;

	KTEST_ASSERT(mount_namespace_create(&init_mount_ns, &cred, &copy, NULL) == 0);
	KTEST_EXPECT_EQ(copy->mount_count, init_mount_ns.mount_count);
	KTEST_EXPECT(copy->root.mount != init_mount_ns.root.mount);
	/* Walk both lists side by side: same instances, same places, new mounts. */
	vfs_lock();
	new = list_first_entry(&copy->mounts, struct mount, node);
	list_for_each_entry(old, &init_mount_ns.mounts, node) {
		same_shape &= new->super_block == old->super_block && new->root == old->root &&
			      new->mountpoint == old->mountpoint && new->id != old->id &&
			      new->namespace == copy && new->flags == old->flags;
		if (old->parent)
			same_shape &= position_of(copy, new->parent) ==
				      position_of(&init_mount_ns, old->parent);
		same_shape &= new->locks == 0;	/* the same owner: nothing locked */
		new = list_next_entry(new, node);
	}
	vfs_unlock();
	KTEST_EXPECT(same_shape);
	/* A mount made in the copy is not in the original. */
	unsigned int before = init_mount_ns.mount_count;

	KTEST_EXPECT_EQ(mount_on_tmp(copy, 1), 0);
	KTEST_EXPECT_EQ(copy->mount_count, before + 1);
	KTEST_EXPECT_EQ(init_mount_ns.mount_count, before);
	put_mount_ns(copy);
	put_user_ns(cred.user_ns);
}

KTEST(mount, a_less_privileged_copy_is_locked_and_slave)
{
	struct cred cred = creator_cred(true);
	struct mount_namespace *middle, *copy;
	struct cred root_cred = creator_cred(false);
	struct mount *mount;
	bool locked = true, flags_locked = true, slaves = true;

	KTEST_ASSERT(cred.user_ns != NULL);
	/* A namespace of root's with a shared, read-only mount, then a copy for the tester. */
	KTEST_ASSERT(mount_namespace_create(&init_mount_ns, &root_cred, &middle, NULL) == 0);
	KTEST_ASSERT(mount_on_tmp(middle, 1) == 0);
	vfs_lock();
	mount = list_entry(middle->mounts.prev, struct mount, node);
	mount->flags |= MS_RDONLY | MS_NODEV;
	mount_change_propagation(mount, MS_SHARED, false);
	unsigned int group = mount->peer_group;
	vfs_unlock();
	KTEST_EXPECT(group != 0);
	KTEST_ASSERT(mount_namespace_create(middle, &cred, &copy, NULL) == 0);
	vfs_lock();
	list_for_each_entry(mount, &copy->mounts, node) {
		flags_locked &= (mount->locks & MOUNT_LOCK_ATIME) &&
				!!(mount->locks & MOUNT_LOCK_READONLY) == !!(mount->flags & MS_RDONLY) &&
				!!(mount->locks & MOUNT_LOCK_NODEV) == !!(mount->flags & MS_NODEV);
		/* R9.4: every mount below the copied root is locked to what it covers. */
		if (mount != copy->root.mount)
			locked &= !!(mount->locks & MOUNT_LOCKED);
		slaves &= mount->peer_group == 0;
	}
	mount = list_entry(copy->mounts.prev, struct mount, node);
	KTEST_EXPECT_EQ(mount->master_group, group);	/* shared became slave */
	/* R9.6: the locked ro and nodev must be asked for again; the atime mode kept. */
	KTEST_EXPECT_EQ(mount_flags_keep_locks(mount, MS_RELATIME, NULL), -EPERM);
	KTEST_EXPECT_EQ(mount_flags_keep_locks(mount, MS_RDONLY | MS_RELATIME, NULL), -EPERM);
	KTEST_EXPECT_EQ(mount_flags_keep_locks(mount, MS_RDONLY | MS_NODEV | MS_NOATIME, NULL),
			-EPERM);
	KTEST_EXPECT_EQ(mount_flags_keep_locks(mount, MS_RDONLY | MS_NODEV | MS_RELATIME, NULL), 0);
	KTEST_EXPECT(mount_has_locked_children(copy->root.mount, copy->root.mount->root));
	vfs_unlock();
	KTEST_EXPECT(locked);
	KTEST_EXPECT(flags_locked);
	KTEST_EXPECT(slaves);
	put_mount_ns(copy);
	put_mount_ns(middle);
	put_user_ns(cred.user_ns);
	put_user_ns(root_cred.user_ns);
}

KTEST(mount, requested_flags_default_to_relatime_and_remount_keeps_atime)
{
	struct mount existing = { .flags = MS_NOATIME };

	KTEST_EXPECT_EQ(mount_flags_requested(0, NULL), MS_RELATIME);
	KTEST_EXPECT_EQ(mount_flags_requested(MS_NOATIME, NULL), MS_NOATIME);
	KTEST_EXPECT_EQ(mount_flags_requested(MS_STRICTATIME | MS_RDONLY, NULL), MS_RDONLY);
	KTEST_EXPECT_EQ(mount_flags_requested(MS_REMOUNT | MS_NOSUID, &existing),
			MS_NOSUID | MS_NOATIME);
	KTEST_EXPECT_EQ(mount_flags_requested(MS_REMOUNT | MS_STRICTATIME, &existing), 0);
}

KTEST(mount, a_thousand_namespaces_of_ten_mounts_give_everything_back)
{
	struct heap_statistics before, after;
	struct cred cred = creator_cred(false);
	unsigned int init_mounts = init_mount_ns.mount_count;
	int failures = 0;

	heap_get_statistics(&before);
	for (int i = 0; i < 1000; i++) {
		struct mount_namespace *ns;

		if (mount_namespace_create(&init_mount_ns, &cred, &ns, NULL) != 0) {
			failures++;
			continue;
		}
		if (mount_on_tmp(ns, 10) != 0 || ns->mount_count != init_mounts + 10)
			failures++;
		put_mount_ns(ns);
	}
	heap_get_statistics(&after);
	KTEST_EXPECT_EQ(failures, 0);
	KTEST_EXPECT_EQ(after.live_objects, before.live_objects);
	KTEST_EXPECT_EQ(init_mount_ns.mount_count, init_mounts);
	put_user_ns(cred.user_ns);
}
