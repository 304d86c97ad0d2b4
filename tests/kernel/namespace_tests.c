/*
 * namespace_tests.c: namespace sets, the uts/ipc/mount/pid/net/cgroup namespaces, nsfs inodes
 * and the rules of clone, unshare and setns, inside the running kernel on the real heap.
 * Credentials are built by hand: the tests judge credentials, they never install them. The
 * runner checks the heap around each test; the lifetime tests also count every namespace,
 * set, nsfs inode, ucounts record and inode number.
 */
#include <kuid/capability.h>
#include <kuid/cred.h>
#include <kuid/file.h>
#include <kuid/heap.h>
#include <kuid/identity_namespaces.h>
#include <kuid/ktest.h>
#include <kuid/mount_namespace.h>
#include <kuid/nsfs.h>
#include <kuid/nsproxy.h>
#include <kuid/pid_namespace.h>
#include <kuid/string.h>
#include <kuid/user_namespace.h>
#include <kuid/uts_namespace.h>
#include <uapi/errno.h>
#include <uapi/nsfs.h>
#include <uapi/sched.h>
#include <uapi/stat.h>

#include "identity_helpers.h"

#define TESTER 1001u
#define ALL_SET_FLAGS NAMESPACE_SET_FLAGS

/* What unshare(CLONE_NEWUSER) does to a cred: a child namespace, full caps there. */
static int enter_new_user_ns(struct cred *cred)
{
	return create_user_ns(cred, false, NULL);
}

static bool nothing_left(void)
{
	return namespaces_alive() == 0 && namespace_sets_alive() == 0 &&
	       nsfs_inodes_alive() == 0 && user_namespaces_alive() == 0 &&
	       ucounts_records_in_use() == 0 && ns_inode_numbers_in_use() == 0;
}

KTEST(namespace, initial_namespaces_have_fixed_numbers_and_owner)
{
	struct new_utsname name;

	/* R6.4 */
	KTEST_EXPECT_EQ(init_uts_ns.ns.inode_number, 0xEFFFFFFEu);
	KTEST_EXPECT_EQ(init_ipc_ns.identity.ns.inode_number, 0xEFFFFFFFu);
	KTEST_EXPECT_EQ(init_pid_ns.ns.inode_number, 0xEFFFFFFCu);
	KTEST_EXPECT_EQ(init_net_ns.identity.ns.inode_number, 0xEFFFFFF9u);
	KTEST_EXPECT_EQ(init_mount_ns.ns.inode_number, 0xEFFFFFF8u);
	KTEST_EXPECT_EQ(init_cgroup_ns.identity.ns.inode_number, 0xEFFFFFFBu);
	/* R5.10, R6.8 */
	KTEST_EXPECT(init_uts_ns.ns.owner == &init_user_ns);
	KTEST_EXPECT_EQ(init_uts_ns.ns.operations->clone_flag, CLONE_NEWUTS);
	KTEST_EXPECT_EQ(init_net_ns.identity.ns.operations->clone_flag, CLONE_NEWNET);
	KTEST_EXPECT(strcmp(ns_common_name(&init_mount_ns.ns), "mnt") == 0);
	KTEST_EXPECT(init_mount_ns.root.mount != NULL);
	uts_namespace_read(&init_uts_ns, &name);
	KTEST_EXPECT(strcmp(name.nodename, "kuid") == 0);
	KTEST_EXPECT(strcmp(name.domainname, "(none)") == 0);
	KTEST_EXPECT(strcmp(name.sysname, "Linux") == 0);
}

KTEST(namespace, new_namespaces_are_owned_by_the_creators_user_ns)
{
	struct cred cred = ktest_cred(&init_user_ns, TESTER, TESTER, CAP_EMPTY_SET);
	struct namespace_set *set;
	struct new_utsname name;

	KTEST_ASSERT(enter_new_user_ns(&cred) == 0);
	KTEST_ASSERT(namespace_set_create(ALL_SET_FLAGS, &init_namespace_set, &cred, &set,
					  NULL) == 0);
	/* R5.5: every new namespace is owned by the new user namespace. */
	KTEST_EXPECT(set->uts->ns.owner == cred.user_ns);
	KTEST_EXPECT(set->ipc->identity.ns.owner == cred.user_ns);
	KTEST_EXPECT(set->mnt->ns.owner == cred.user_ns);
	KTEST_EXPECT(set->pid_for_children->ns.owner == cred.user_ns);
	KTEST_EXPECT(set->net->identity.ns.owner == cred.user_ns);
	KTEST_EXPECT(set->cgroup->identity.ns.owner == cred.user_ns);
	KTEST_EXPECT(set->pid_for_children->parent == &init_pid_ns);
	KTEST_EXPECT_EQ(set->pid_for_children->level, 1);
	KTEST_EXPECT(!set->pid_for_children->has_init);
	/* Its own copy of the tree: other mounts, the same file systems (mount_tests.c). */
	KTEST_EXPECT(set->mnt->root.mount != init_mount_ns.root.mount);
	KTEST_EXPECT(set->mnt->root.mount->super_block == init_mount_ns.root.mount->super_block);
	/* R1.8: charged to (owner, euid). */
	KTEST_EXPECT_EQ(ucount_read(cred.user_ns, cred.euid, UCOUNT_UTS_NAMESPACES), 1);
	KTEST_EXPECT_EQ(ucount_read(cred.user_ns, cred.euid, UCOUNT_PID_NAMESPACES), 1);
	/* A copy of the names, changed apart from the original. */
	uts_namespace_set_hostname(set->uts, "inner", 5);
	uts_namespace_read(set->uts, &name);
	KTEST_EXPECT(strcmp(name.nodename, "inner") == 0);
	uts_namespace_read(&init_uts_ns, &name);
	KTEST_EXPECT(strcmp(name.nodename, "kuid") == 0);
	/* Six numbers from the pool besides the user namespace's, all different. */
	KTEST_EXPECT_EQ(ns_inode_numbers_in_use(), 7);

	namespace_set_put(set);
	put_user_ns(cred.user_ns);
	KTEST_EXPECT(nothing_left());
}

KTEST(namespace, thousand_sets_and_nsfs_inodes_leak_nothing)
{
	struct heap_statistics before, after;
	unsigned int init_user_references = init_user_ns.ns.references;
	unsigned int init_set_references = init_namespace_set.references;

	heap_get_statistics(&before);
	for (int i = 0; i < 1000; i++) {
		struct cred cred = ktest_cred(&init_user_ns, TESTER, TESTER, CAP_EMPTY_SET);
		struct namespace_set *set = NULL, *shared = NULL;
		struct path path;
		struct file *file = NULL;

		KTEST_ASSERT(enter_new_user_ns(&cred) == 0);
		KTEST_EXPECT_EQ(namespace_set_create(ALL_SET_FLAGS, &init_namespace_set, &cred,
						     &set, NULL), 0);
		if (set) {
			/* An nsfs path and an open file on two of them, then all dropped. */
			KTEST_EXPECT_EQ(nsfs_path(&set->uts->ns, &path), 0);
			KTEST_EXPECT_EQ(nsfs_open(&set->net->identity.ns, O_RDONLY, &file), 0);
			KTEST_EXPECT_EQ(namespace_set_replace(set, &init_uts_ns.ns, &shared), 0);
			namespace_set_put(shared);
			namespace_set_put(set);
			path_put(&path);
			if (file)
				file_put(file);
		}
		put_user_ns(cred.user_ns);
	}
	heap_get_statistics(&after);
	KTEST_EXPECT_EQ(after.live_objects, before.live_objects);
	KTEST_EXPECT_EQ(after.live_bytes, before.live_bytes);
	KTEST_EXPECT(nothing_left());
	KTEST_EXPECT_EQ(init_user_ns.ns.references, init_user_references);
	KTEST_EXPECT_EQ(init_namespace_set.references, init_set_references);
}

KTEST(namespace, one_nsfs_inode_per_namespace_keeps_it_alive)
{
	struct cred cred = ktest_cred(&init_user_ns, TESTER, TESTER, CAP_EMPTY_SET);
	struct namespace_set *set;
	struct path first, second, other;
	struct file *file;
	unsigned int number;

	KTEST_ASSERT(enter_new_user_ns(&cred) == 0);
	KTEST_ASSERT(namespace_set_create(CLONE_NEWUTS, &init_namespace_set, &cred, &set,
					  NULL) == 0);
	number = set->uts->ns.inode_number;
	KTEST_ASSERT(nsfs_path(&set->uts->ns, &first) == 0);
	KTEST_ASSERT(nsfs_path(&set->uts->ns, &second) == 0);
	KTEST_ASSERT(nsfs_path(&init_uts_ns.ns, &other) == 0);
	/* R6.3: one inode per namespace; its number is the namespace's; one st_dev for all. */
	KTEST_EXPECT(first.inode == second.inode);
	KTEST_EXPECT(first.inode != other.inode);
	KTEST_EXPECT_EQ(first.inode->number, number);
	KTEST_EXPECT_EQ(other.inode->number, 0xEFFFFFFEu);
	KTEST_EXPECT_EQ(first.inode->mode, S_IFREG | 0444);
	KTEST_EXPECT(first.inode->super_block == other.inode->super_block);
	KTEST_EXPECT_EQ(first.inode->super_block->device.minor, NSFS_DEVICE.minor);
	KTEST_EXPECT_EQ(nsfs_inodes_alive(), 2);
	path_put(&second);
	path_put(&other);

	/* R6.5: the set and the user ns go, the open file keeps the uts ns (and its owner). */
	KTEST_ASSERT(vfs_open_inode(&first, O_RDONLY, &file) == 0);
	path_put(&first);
	namespace_set_put(set);
	put_user_ns(cred.user_ns);
	KTEST_EXPECT_EQ(namespaces_alive(), 1);
	KTEST_EXPECT_EQ(user_namespaces_alive(), 1);
	KTEST_EXPECT(nsfs_file_namespace(file) != NULL);
	KTEST_EXPECT_EQ(nsfs_file_namespace(file)->inode_number, number);
	KTEST_EXPECT_EQ(file->operations->ioctl(file, NS_GET_NSTYPE, 0), CLONE_NEWUTS);
	KTEST_EXPECT_EQ(file->operations->ioctl(file, NS_GET_PARENT, 0), -EINVAL);
	KTEST_EXPECT_EQ(file->operations->ioctl(file, NS_GET_OWNER_UID, 0), -EINVAL);
	KTEST_EXPECT_EQ(file->operations->ioctl(file, 0xb709, 0), -ENOTTY);
	file_put(file);
	KTEST_EXPECT(nothing_left());
	/* R6.4: the freed number is the next one handed out. */
	KTEST_ASSERT(ns_inode_number_alloc(&number) == 0);
	KTEST_EXPECT_EQ(number, NS_INODE_NUMBER_POOL_FIRST);
	ns_inode_number_free(number);
}

KTEST(namespace, pid_namespace_for_children_once)
{
	struct cred cred = ktest_cred(&init_user_ns, 0, 0, CAP_FULL_SET);
	struct namespace_set *first, *second = NULL;
	struct userns_refusal refusal = { 0 };

	KTEST_ASSERT(namespace_set_create(CLONE_NEWPID, &init_namespace_set, &cred, &first,
					  NULL) == 0);
	/* R5.6: the caller (living in init_pid_ns) has already chosen its children's ns. */
	KTEST_EXPECT_EQ(namespace_set_create(CLONE_NEWPID, first, &cred, &second, &refusal),
			-EINVAL);
	KTEST_EXPECT_EQ(refusal.rule, RULE_R5_6_PID_NAMESPACE);
	KTEST_EXPECT(second == NULL);
	/* Other namespaces are still fine from there. */
	KTEST_EXPECT_EQ(namespace_set_create(CLONE_NEWUTS, first, &cred, &second, NULL), 0);
	KTEST_EXPECT(second && second->pid_for_children == first->pid_for_children);
	namespace_set_put(second);
	namespace_set_put(first);
	put_user_ns(cred.user_ns);
	KTEST_EXPECT(nothing_left());
}

KTEST(namespace, pid_namespace_owner_must_be_below_parents_owner)
{
	struct cred owner = ktest_cred(&init_user_ns, TESTER, TESTER, CAP_EMPTY_SET);
	struct cred stranger = ktest_cred(&init_user_ns, 1002, 1002, CAP_EMPTY_SET);
	struct pid_namespace *parent, *child = NULL;
	struct userns_refusal refusal = { 0 };

	KTEST_ASSERT(enter_new_user_ns(&owner) == 0);
	KTEST_ASSERT(enter_new_user_ns(&stranger) == 0);
	KTEST_ASSERT(pid_namespace_create(&init_pid_ns, &owner, &parent, NULL) == 0);
	/* R5.6: a sibling user namespace may not own a child of owner's pid namespace. */
	KTEST_EXPECT_EQ(pid_namespace_create(parent, &stranger, &child, &refusal), -EINVAL);
	KTEST_EXPECT_EQ(refusal.rule, RULE_R5_6_PID_NAMESPACE);
	KTEST_EXPECT_EQ(pid_namespace_create(parent, &owner, &child, NULL), 0);
	KTEST_EXPECT(child && child->level == 2);
	put_pid_ns(parent);	/* the child keeps it */
	KTEST_EXPECT_EQ(namespaces_alive(), 2);
	put_pid_ns(child);	/* frees both, in a loop */
	put_user_ns(owner.user_ns);
	put_user_ns(stranger.user_ns);
	KTEST_EXPECT(nothing_left());
}

KTEST(namespace, ucount_limit_refuses_with_enospc)
{
	struct cred cred = ktest_cred(&init_user_ns, TESTER, TESTER, CAP_EMPTY_SET);
	struct namespace_set *set = NULL;
	struct userns_refusal refusal = { 0 };

	KTEST_ASSERT(enter_new_user_ns(&cred) == 0);
	cred.user_ns->ucount_max[UCOUNT_UTS_NAMESPACES] = 0;
	KTEST_EXPECT_EQ(namespace_set_create(CLONE_NEWNS | CLONE_NEWUTS, &init_namespace_set,
					     &cred, &set, &refusal), -ENOSPC);
	KTEST_EXPECT_EQ(refusal.rule, RULE_R1_8_UCOUNT_LIMIT);
	KTEST_EXPECT(set == NULL);
	put_user_ns(cred.user_ns);
	KTEST_EXPECT(nothing_left());	/* the mount ns made first was undone */
}

KTEST(namespace, clone_needs_cap_sys_admin_in_the_childs_user_ns)
{
	struct cred user = ktest_cred(&init_user_ns, TESTER, TESTER, CAP_EMPTY_SET);
	struct namespace_set *set = NULL;
	struct userns_refusal refusal = { 0 };

	/* R5.2: without CLONE_NEWUSER an ordinary user may not (Obs 5a: NEWUTS alone EPERM). */
	KTEST_EXPECT_EQ(namespace_set_for_child(CLONE_NEWUTS, &user, &set, &refusal), -EPERM);
	KTEST_EXPECT_EQ(refusal.rule, RULE_R5_2_NAMESPACE_CAPABILITY);
	/* No flags: the parent's set, shared. */
	KTEST_EXPECT_EQ(namespace_set_for_child(0, &user, &set, NULL), 0);
	KTEST_EXPECT(set == &init_namespace_set);
	namespace_set_put(set);
	/* With its new user namespace the child has the capability there. */
	KTEST_ASSERT(enter_new_user_ns(&user) == 0);
	KTEST_EXPECT_EQ(namespace_set_for_child(CLONE_NEWIPC | CLONE_SYSVSEM, &user, &set,
						&refusal), -EINVAL);
	KTEST_EXPECT_EQ(refusal.rule, RULE_R5_1_CLONE_FLAGS);
	KTEST_EXPECT_EQ(namespace_set_for_child(CLONE_NEWUTS | CLONE_NEWIPC, &user, &set, NULL),
			0);
	KTEST_EXPECT(set->uts->ns.owner == user.user_ns);
	namespace_set_put(set);
	put_user_ns(user.user_ns);
	KTEST_EXPECT(nothing_left());
}

KTEST(namespace, unshare_flags)
{
	struct unshare_situation alone = { false, false, false };
	struct unshare_situation threaded = { true, true, false };
	struct userns_refusal refusal = { 0 };

	/* R5.4: the implications. */
	KTEST_EXPECT_EQ(unshare_implied_flags(CLONE_NEWUSER),
			CLONE_NEWUSER | CLONE_THREAD | CLONE_FS);
	KTEST_EXPECT_EQ(unshare_implied_flags(CLONE_VM),
			CLONE_VM | CLONE_SIGHAND | CLONE_THREAD);
	KTEST_EXPECT_EQ(unshare_implied_flags(CLONE_NEWNS), CLONE_NEWNS | CLONE_FS);
	KTEST_EXPECT_EQ(unshare_implied_flags(0), 0);
	/* Clone-only and unknown flags. */
	KTEST_EXPECT_EQ(unshare_check_flags(CLONE_PARENT, &alone, &refusal), -EINVAL);
	KTEST_EXPECT_EQ(refusal.rule, RULE_R5_4_UNSHARE_FLAGS);
	KTEST_EXPECT_EQ(unshare_check_flags(CLONE_VFORK, &alone, NULL), -EINVAL);
	KTEST_EXPECT_EQ(unshare_check_flags(CLONE_SETTLS, &alone, NULL), -EINVAL);
	KTEST_EXPECT_EQ(unshare_check_flags(CLONE_PIDFD, &alone, NULL), -EINVAL);
	KTEST_EXPECT_EQ(unshare_check_flags(17, &alone, NULL), -EINVAL);
	KTEST_EXPECT_EQ(unshare_check_flags(1ul << 32, &alone, NULL), -EINVAL);
	/* Accepted alone; refused only when something really is shared (Obs 5a). */
	KTEST_EXPECT_EQ(unshare_check_flags(unshare_implied_flags(CLONE_NEWUSER | CLONE_VM |
								  CLONE_FILES | CLONE_SYSVSEM),
					    &alone, NULL), 0);
	KTEST_EXPECT_EQ(unshare_check_flags(unshare_implied_flags(CLONE_NEWUSER), &threaded, NULL),
			-EINVAL);
	KTEST_EXPECT_EQ(unshare_check_flags(unshare_implied_flags(CLONE_NEWNS), &threaded, NULL),
			0);
	KTEST_EXPECT_EQ(unshare_check_flags(0, &threaded, NULL), 0);
}

KTEST(namespace, setns_user_namespace_rules)
{
	struct setns_situation alone = { false, false, &init_pid_ns };
	struct setns_situation sharing_fs = { false, true, &init_pid_ns };
	struct cred root = ktest_cred(&init_user_ns, 0, 0, CAP_FULL_SET);
	struct cred owner = ktest_cred(&init_user_ns, TESTER, TESTER, CAP_EMPTY_SET);
	struct cred other = ktest_cred(&init_user_ns, 1002, 1002, CAP_EMPTY_SET);
	struct user_namespace *child, *sibling;
	struct userns_refusal refusal = { 0 };

	KTEST_ASSERT(enter_new_user_ns(&owner) == 0);
	KTEST_ASSERT(enter_new_user_ns(&other) == 0);
	child = get_user_ns(owner.user_ns);
	sibling = get_user_ns(other.user_ns);
	/* R5.8: one's own namespace is EINVAL, even for root. */
	KTEST_EXPECT_EQ(setns_check_user_ns(&root, &init_user_ns, &alone, &refusal), -EINVAL);
	KTEST_EXPECT_EQ(refusal.rule, RULE_R5_8_JOIN_USER_NS);
	/* Root of the ancestor may join; not while sharing its fs. */
	KTEST_EXPECT_EQ(setns_check_user_ns(&root, child, &alone, NULL), 0);
	KTEST_EXPECT_EQ(setns_check_user_ns(&root, child, &sharing_fs, NULL), -EINVAL);
	/* The owner, capless in the parent, may join (owner rule, R4.1). */
	put_user_ns(owner.user_ns);
	owner.user_ns = get_user_ns(&init_user_ns);
	owner.cap_effective = CAP_EMPTY_SET;
	KTEST_EXPECT_EQ(setns_check_user_ns(&owner, child, &alone, NULL), 0);
	/* From inside a sibling, full caps there: EPERM (R4.6). Never back up either. */
	KTEST_EXPECT_EQ(setns_check_user_ns(&other, child, &alone, &refusal), -EPERM);
	KTEST_EXPECT_EQ(refusal.rule, RULE_R5_8_JOIN_USER_NS);
	KTEST_EXPECT_EQ(setns_check_user_ns(&other, &init_user_ns, &alone, NULL), -EPERM);
	put_user_ns(child);
	put_user_ns(sibling);
	put_user_ns(root.user_ns);
	put_user_ns(owner.user_ns);
	put_user_ns(other.user_ns);
	KTEST_EXPECT(nothing_left());
}

KTEST(namespace, setns_other_namespace_rules)
{
	struct setns_situation alone = { false, false, &init_pid_ns };
	struct setns_situation sharing_fs = { false, true, &init_pid_ns };
	struct cred owner = ktest_cred(&init_user_ns, TESTER, TESTER, CAP_EMPTY_SET);
	struct cred root = ktest_cred(&init_user_ns, 0, 0, CAP_FULL_SET);
	struct namespace_set *set;
	struct userns_refusal refusal = { 0 };
	struct setns_situation in_child;

	KTEST_ASSERT(enter_new_user_ns(&owner) == 0);
	KTEST_ASSERT(namespace_set_create(CLONE_NEWUTS | CLONE_NEWNS | CLONE_NEWPID,
					  &init_namespace_set, &owner, &set, NULL) == 0);
	/* Inside the owning user ns, with its full caps: yes (Obs 5b). */
	KTEST_EXPECT_EQ(setns_check_other_ns(&owner, &set->uts->ns, &alone, NULL), 0);
	KTEST_EXPECT_EQ(setns_check_other_ns(&owner, &set->mnt->ns, &sharing_fs, &refusal),
			-EINVAL);
	KTEST_EXPECT_EQ(refusal.rule, RULE_R5_9_JOIN_OTHER_NS);
	/* ... but not back into the initial uts ns (R4.6, Obs 5b). */
	KTEST_EXPECT_EQ(setns_check_other_ns(&owner, &init_uts_ns.ns, &alone, &refusal), -EPERM);
	/* The owner from the parent, capless there: no CAP_SYS_ADMIN in its own ns (Obs 5b). */
	put_user_ns(owner.user_ns);
	owner.user_ns = get_user_ns(&init_user_ns);
	owner.cap_effective = CAP_EMPTY_SET;
	KTEST_EXPECT_EQ(setns_check_other_ns(&owner, &set->uts->ns, &alone, NULL), -EPERM);
	/* Root: anywhere below; a pid ns only at or below its own. */
	KTEST_EXPECT_EQ(setns_check_other_ns(&root, &set->pid_for_children->ns, &alone, NULL), 0);
	in_child = (struct setns_situation){ false, false, set->pid_for_children };
	KTEST_EXPECT_EQ(setns_check_other_ns(&root, &init_pid_ns.ns, &in_child, &refusal),
			-EINVAL);
	KTEST_EXPECT_EQ(refusal.rule, RULE_R5_9_JOIN_OTHER_NS);
	namespace_set_put(set);
	put_user_ns(owner.user_ns);
	put_user_ns(root.user_ns);
	KTEST_EXPECT(nothing_left());
}
