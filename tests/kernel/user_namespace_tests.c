/*
 * user_namespace_tests.c: user namespaces inside the running kernel, on the real heap:
 * creating and freeing them many times (every allocation, inode number and ucounts record must
 * come back: the runner compares the heap's live objects around each test), nesting to the
 * limit of 33, and the R4.1 capability walk. Credentials are built by hand: the tests judge
 * credentials, they do not install them.
 */
#include <kuid/capability.h>
#include <kuid/cred.h>
#include <kuid/heap.h>
#include <kuid/id_map.h>
#include <kuid/ktest.h>
#include <kuid/ns_common.h>
#include <kuid/string.h>
#include <kuid/user_namespace.h>
#include <uapi/errno.h>

#include "identity_helpers.h"

#define TESTER 1001u

KTEST(user_namespace, initial_namespace)
{
	KTEST_EXPECT_EQ(init_user_ns.level, 0);
	KTEST_EXPECT_EQ(init_user_ns.ns.inode_number, 0xEFFFFFFDu);
	KTEST_EXPECT_EQ(__kuid_val(make_kuid(&init_user_ns, 1234)), 1234);
	KTEST_EXPECT_EQ(from_kuid_munged(&init_user_ns, INVALID_UID), 65534);
}

KTEST(user_namespace, thousand_create_destroy_cycles_leak_nothing)
{
	struct heap_statistics before, after;
	unsigned int init_references = init_user_ns.ns.references;

	heap_get_statistics(&before);
	for (int i = 0; i < 1000; i++) {
		struct cred cred = ktest_cred(&init_user_ns, TESTER, TESTER, CAP_EMPTY_SET);
		int error = create_user_ns(&cred, false, NULL);

		KTEST_EXPECT_EQ(error, 0);
		if (!error) {
			KTEST_EXPECT_EQ(cred.user_ns->level, 1);
			/* The same number every time: the freed one is handed out again. */
			KTEST_EXPECT_EQ(cred.user_ns->ns.inode_number, NS_INODE_NUMBER_POOL_FIRST);
			KTEST_EXPECT_EQ(ktest_write_map(&cred.user_ns->uid_map,
						       &init_user_ns.uid_map, "0 1001 1"), 0);
		}
		put_user_ns(cred.user_ns);
	}
	heap_get_statistics(&after);
	KTEST_EXPECT_EQ(after.live_objects, before.live_objects);
	KTEST_EXPECT_EQ(after.live_bytes, before.live_bytes);
	KTEST_EXPECT_EQ(user_namespaces_alive(), 0);
	KTEST_EXPECT_EQ(ucounts_records_in_use(), 0);
	KTEST_EXPECT_EQ(ns_inode_numbers_in_use(), 0);
	KTEST_EXPECT_EQ(init_user_ns.ns.references, init_references);
}

KTEST(user_namespace, nesting_stops_after_33_levels)
{
	struct cred cred = ktest_cred(&init_user_ns, TESTER, TESTER, CAP_EMPTY_SET);
	struct userns_refusal refusal = { 0 };
	unsigned int created = 0;
	int error;

	/* Obs 2a: "0 <euid> 1" at each level; the 34th creation fails ENOSPC (R1.7). */
	while ((error = create_user_ns(&cred, false, &refusal)) == 0) {
		const char *map = ++created == 1 ? "0 1001 1" : "0 0 1";
		struct user_namespace *ns = cred.user_ns;

		KTEST_ASSERT(ktest_write_map(&ns->uid_map, &ns->parent->uid_map, map) == 0);
		KTEST_ASSERT(ktest_write_map(&ns->gid_map, &ns->parent->gid_map, map) == 0);
	}
	KTEST_EXPECT_EQ(created, 33);
	KTEST_EXPECT_EQ(error, -ENOSPC);
	KTEST_EXPECT_EQ(refusal.rule, RULE_R1_7_DEPTH);
	KTEST_EXPECT_EQ(user_namespaces_alive(), 33);
	/* One put frees the whole chain, without recursion. */
	put_user_ns(cred.user_ns);
	KTEST_EXPECT_EQ(user_namespaces_alive(), 0);
}

KTEST(user_namespace, capability_walk)
{
	struct cred owner = ktest_cred(&init_user_ns, TESTER, TESTER, CAP_EMPTY_SET);
	struct cred stranger = ktest_cred(&init_user_ns, 1002, 1002, CAP_EMPTY_SET);
	struct user_namespace *child;

	KTEST_ASSERT(create_user_ns(&owner, false, NULL) == 0);
	child = get_user_ns(owner.user_ns);
	put_user_ns(owner.user_ns);
	owner.user_ns = get_user_ns(&init_user_ns);
	owner.cap_effective = CAP_EMPTY_SET;

	/* R4.1: the owner living in the parent has everything in the child; others nothing. */
	KTEST_EXPECT_EQ(cap_capable(&owner, child, CAP_SYS_ADMIN), 0);
	KTEST_EXPECT_EQ(cap_capable(&stranger, child, CAP_SYS_ADMIN), -EPERM);
	KTEST_EXPECT_EQ(cap_capable(&owner, &init_user_ns, CAP_SYS_ADMIN), -EPERM);

	put_user_ns(child);
	put_user_ns(owner.user_ns);
	put_user_ns(stranger.user_ns);
}
