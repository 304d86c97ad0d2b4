/*
 * Unit tests for kernel/user_namespace/{user_namespace,id_translation,ucount,ns_inode_number}.c:
 * the initial namespace (R1.6), translation and munging (R2, R1.10), creation and its refusals
 * in Linux's order (R5.3, R1.7, R1.8, Obs 2a, 2b, 5e), the credential reset (R4.4), references
 * and freeing (R1.11), ucounts, and nsfs inode numbers (R6.4). They run on the real kernel heap,
 * so every test can prove that it gave back every allocation.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "host_kernel_heap.h"
#include "user_namespace_test_helpers.h"
#include <kuid/ns_common.h>
#include <kuid/user_namespace.h>
#include <uapi/capability.h>
#include <uapi/errno.h>

#define INT_MAX_VALUE 2147483647

/* What a test must leave behind: the heap, the namespaces, records and numbers it found. */
struct leak_baseline {
	size_t heap_objects;
	unsigned int init_references;
};

static struct leak_baseline baseline;

static int record_baseline(void **state)
{
	(void)state;
	baseline.heap_objects = host_heap_live_objects();
	baseline.init_references = references_of(&init_user_ns);
	return 0;
}

static int check_nothing_leaked(void **state)
{
	(void)state;
	assert_int_equal(user_namespaces_alive(), 0);
	assert_int_equal(ucounts_records_in_use(), 0);
	assert_int_equal(ns_inode_numbers_in_use(), 0);
	assert_int_equal(references_of(&init_user_ns), baseline.init_references);
	assert_int_equal(host_heap_live_objects(), baseline.heap_objects);
	return 0;
}

static int start_heap(void **state)
{
	(void)state;
	host_kernel_heap_start();
	return 0;
}

/* ---- the initial namespace (R1.6) ---- */

static void test_initial_namespace(void **state)
{
	(void)state;
	assert_null(init_user_ns.parent);
	assert_int_equal(init_user_ns.level, 0);
	assert_true(uid_eq(init_user_ns.owner, GLOBAL_ROOT_UID));
	assert_true(gid_eq(init_user_ns.group, GLOBAL_ROOT_GID));
	assert_int_equal(init_user_ns.flags, USERNS_SETGROUPS_ALLOWED);
	assert_int_equal(init_user_ns.ns.inode_number, 0xEFFFFFFDu);
	assert_int_equal(init_user_ns.ns.inode_number, 4026531837u);
	assert_string_equal(init_user_ns.ns.operations->name, "user");
	assert_int_equal(init_user_ns.ns.operations->clone_flag, 0x10000000);
	assert_null(init_user_ns.ucounts);
	for (int type = 0; type < UCOUNT_TYPE_COUNT; type++)
		assert_int_equal(init_user_ns.ucount_max[type], UCOUNT_INITIAL_NAMESPACE_MAX);

	/* Identity for every id but 4294967295, in all three maps. */
	assert_int_equal(__kuid_val(make_kuid(&init_user_ns, 0)), 0);
	assert_int_equal(__kuid_val(make_kuid(&init_user_ns, 4294967294u)), 4294967294u);
	assert_false(uid_valid(make_kuid(&init_user_ns, 4294967295u)));
	assert_int_equal(__kgid_val(make_kgid(&init_user_ns, 1001)), 1001);
	assert_int_equal(from_kuid(&init_user_ns, (kuid_t){ 65534 }), 65534);
	assert_int_equal(from_kuid(&init_user_ns, INVALID_UID), (uid_t)-1);
	assert_int_equal(map_id_down(&init_user_ns.projid_map, 77), 77);
}

static void test_initial_inode_numbers_are_linux_values(void **state)
{
	(void)state;
	assert_int_equal(NS_INITIAL_IPC_INODE_NUMBER, 4026531839u);
	assert_int_equal(NS_INITIAL_UTS_INODE_NUMBER, 4026531838u);
	assert_int_equal(NS_INITIAL_USER_INODE_NUMBER, 4026531837u);
	assert_int_equal(NS_INITIAL_PID_INODE_NUMBER, 4026531836u);
	assert_int_equal(NS_INITIAL_CGROUP_INODE_NUMBER, 4026531835u);
	assert_int_equal(NS_INITIAL_TIME_INODE_NUMBER, 4026531834u);
	assert_int_equal(NS_INITIAL_NET_INODE_NUMBER, 4026531833u);
	assert_int_equal(NS_INITIAL_MNT_INODE_NUMBER, 4026531832u);
	assert_int_equal(NS_INODE_NUMBER_POOL_FIRST, 4026531840u);
}

/* ---- translation (R2, R1.10) ---- */

static void test_translation_through_a_written_map(void **state)
{
	struct cred cred = cred_in(&init_user_ns, TESTER, TESTER);
	struct user_namespace *ns = must_create(&cred);

	(void)state;
	write_uid_map(ns, "0 100000 1000\n1000 5000 1");
	write_gid_map(ns, "0 200000 10");

	/* docs/id-maps.md's worked table. */
	assert_int_equal(__kuid_val(make_kuid(ns, 0)), 100000);
	assert_int_equal(__kuid_val(make_kuid(ns, 999)), 100999);
	assert_int_equal(__kuid_val(make_kuid(ns, 1000)), 5000);
	assert_false(uid_valid(make_kuid(ns, 1001)));
	assert_int_equal(from_kuid(ns, (kuid_t){ 5000 }), 1000);
	assert_int_equal(from_kuid(ns, (kuid_t){ 100500 }), 500);
	assert_int_equal(from_kuid(ns, GLOBAL_ROOT_UID), (uid_t)-1);
	assert_true(kuid_has_mapping(ns, (kuid_t){ 100000 }));
	assert_false(kuid_has_mapping(ns, GLOBAL_ROOT_UID));

	/* The gid map is a different map: uid ids say nothing about gids. */
	assert_int_equal(__kgid_val(make_kgid(ns, 9)), 200009);
	assert_false(gid_valid(make_kgid(ns, 10)));
	assert_int_equal(from_kgid(ns, (kgid_t){ 200000 }), 0);
	assert_false(kgid_has_mapping(ns, (kgid_t){ 100000 }));
	assert_true(kgid_has_mapping(ns, (kgid_t){ 200009 }));

	/* R2.3: between two namespaces, down from one and up into the other. */
	assert_int_equal(from_kuid(&init_user_ns, make_kuid(ns, 5)), 100005);
	drop_cred(&cred);
}

static void test_fresh_namespace_maps_nothing(void **state)
{
	struct cred cred = cred_in(&init_user_ns, TESTER, TESTER);
	struct user_namespace *ns = must_create(&cred);

	(void)state;
	/* R2.5, Obs 1: until written, nobody is anybody: the creator sees itself as 65534. */
	assert_false(uid_valid(make_kuid(ns, 0)));
	assert_false(gid_valid(make_kgid(ns, 0)));
	assert_int_equal(from_kuid(ns, cred.euid), (uid_t)-1);
	assert_int_equal(from_kuid_munged(ns, cred.euid), 65534);
	assert_int_equal(from_kgid_munged(ns, cred.egid), 65534);
	assert_false(kuid_has_mapping(ns, GLOBAL_ROOT_UID));
	drop_cred(&cred);
}

static void test_munging_follows_the_overflow_ids(void **state)
{
	struct cred cred = cred_in(&init_user_ns, TESTER, TESTER);
	struct user_namespace *ns = must_create(&cred);

	(void)state;
	write_uid_map(ns, "0 1001 1");
	assert_int_equal(overflowuid, 65534);
	assert_int_equal(overflowgid, 65534);

	assert_int_equal(set_overflowuid(1234), 0);
	assert_int_equal(set_overflowgid(4321), 0);
	assert_int_equal(from_kuid_munged(ns, GLOBAL_ROOT_UID), 1234);
	assert_int_equal(from_kgid_munged(ns, GLOBAL_ROOT_GID), 4321);
	/* A mapped id is never munged, and from_kuid itself never munges. */
	assert_int_equal(from_kuid_munged(ns, (kuid_t){ TESTER }), 0);
	assert_int_equal(from_kuid(ns, GLOBAL_ROOT_UID), (uid_t)-1);

	/* R1.10: the range is 0 .. 65535; a refused value changes nothing. */
	assert_int_equal(set_overflowuid(65536), -EINVAL);
	assert_int_equal(set_overflowgid(4294967295u), -EINVAL);
	assert_int_equal(overflowuid, 1234);
	assert_int_equal(set_overflowuid(65535), 0);
	assert_int_equal(set_overflowuid(0), 0);
	assert_int_equal(from_kuid_munged(ns, GLOBAL_ROOT_UID), 0);

	assert_int_equal(set_overflowuid(OVERFLOW_ID_DEFAULT), 0);
	assert_int_equal(set_overflowgid(OVERFLOW_ID_DEFAULT), 0);
	assert_int_equal(from_kuid_munged(ns, GLOBAL_ROOT_UID), 65534);
	drop_cred(&cred);
}

/* ---- creation: fields and the credential reset (R1.3, R4.4) ---- */

static void test_creation_fills_the_namespace(void **state)
{
	struct cred cred = cred_in(&init_user_ns, 1002, 1003);
	unsigned int init_references = references_of(&init_user_ns);
	struct user_namespace *ns;

	(void)state;
	cred.euid = (kuid_t){ TESTER };		/* the owner is the *effective* uid */
	cred.egid = (kgid_t){ 1004 };
	ns = must_create(&cred);

	assert_ptr_equal(ns->parent, &init_user_ns);
	assert_int_equal(ns->level, 1);
	assert_int_equal(__kuid_val(ns->owner), TESTER);
	assert_int_equal(__kgid_val(ns->group), 1004);
	assert_int_equal(ns->flags, USERNS_SETGROUPS_ALLOWED);
	assert_false(ns->parent_could_setfcap);
	for (int type = 0; type < UCOUNT_TYPE_COUNT; type++)
		assert_int_equal(ns->ucount_max[type], INT_MAX_VALUE);
	assert_int_equal(ns->ns.inode_number, NS_INODE_NUMBER_POOL_FIRST);
	assert_null(ns->ns.owner);
	assert_int_equal(ns->uid_map.extent_count, 0);
	assert_int_equal(ns->gid_map.extent_count, 0);
	assert_int_equal(ns->projid_map.extent_count, 0);

	/* The cred's reference to init became the namespace's: init's count did not move. */
	assert_int_equal(references_of(&init_user_ns), init_references);
	assert_int_equal(references_of(ns), 1);
	assert_int_equal(user_namespaces_alive(), 1);

	/* R1.8: the creation is charged to (init, euid). */
	assert_ptr_equal(ns->ucounts->ns, &init_user_ns);
	assert_int_equal(__kuid_val(ns->ucounts->uid), TESTER);
	assert_int_equal(ucount_read(&init_user_ns, (kuid_t){ TESTER },
				     UCOUNT_USER_NAMESPACES), 1);
	assert_int_equal(ucount_read(&init_user_ns, (kuid_t){ 1002 },
				     UCOUNT_USER_NAMESPACES), 0);
	drop_cred(&cred);
}

static void test_creation_resets_the_credentials(void **state)
{
	struct cred cred = root_cred_in(&init_user_ns, 0, 0);
	struct group_info groups = { .references = 1, .count = 0 };

	(void)state;
	cred.securebits = 0x13;	/* Obs 4a: NOROOT, its lock and KEEP_CAPS */
	cred.cap_inheritable = (kernel_cap_t){ 1ull << CAP_KILL };
	cred.cap_ambient = (kernel_cap_t){ 1ull << CAP_KILL };
	cred.cap_bounding = (kernel_cap_t){ 1ull << CAP_CHOWN };
	cred.groups = &groups;
	must_create(&cred);

	/* R4.4, Obs 1 (CapPrm/CapEff/CapBnd 000001ffffffffff, CapInh/CapAmb 0), Obs 4a. */
	assert_int_equal(cred.cap_permitted.bits, 0x000001ffffffffffull);
	assert_int_equal(cred.cap_effective.bits, 0x000001ffffffffffull);
	assert_int_equal(cred.cap_bounding.bits, 0x000001ffffffffffull);
	assert_int_equal(cred.cap_inheritable.bits, 0);
	assert_int_equal(cred.cap_ambient.bits, 0);
	assert_int_equal(cred.securebits, 0);
	/* Ids and groups are untouched: they show as 65534 until a map names them. */
	assert_int_equal(__kuid_val(cred.uid), 0);
	assert_int_equal(__kuid_val(cred.euid), 0);
	assert_int_equal(__kgid_val(cred.fsgid), 0);
	assert_ptr_equal(cred.groups, &groups);
	assert_true(cred.user_ns->parent_could_setfcap);
	drop_cred(&cred);
}

static void test_parent_could_setfcap_reads_the_effective_set(void **state)
{
	struct cred without = root_cred_in(&init_user_ns, 0, 0);
	struct cred permitted_only = root_cred_in(&init_user_ns, 0, 0);

	(void)state;
	without.cap_effective = cap_lower(without.cap_effective, CAP_SETFCAP);
	permitted_only.cap_effective = CAP_EMPTY_SET;
	assert_false(must_create(&without)->parent_could_setfcap);
	assert_false(must_create(&permitted_only)->parent_could_setfcap);
	drop_cred(&without);
	drop_cred(&permitted_only);
}

static void test_flags_are_inherited(void **state)
{
	struct cred cred = cred_in(&init_user_ns, TESTER, TESTER);
	struct cred other = cred_in(&init_user_ns, TESTER, TESTER);
	struct user_namespace *denying = must_create(&cred);
	struct user_namespace *allowing = must_create(&other);

	(void)state;
	write_uid_map(denying, "0 1001 1");
	write_gid_map(denying, "0 1001 1");
	write_uid_map(allowing, "0 1001 1");
	write_gid_map(allowing, "0 1001 1");
	denying->flags &= ~USERNS_SETGROUPS_ALLOWED;	/* "deny" written to setgroups */

	/* R3.22: "deny" is inherited; "allow" is inherited and may still become "deny". */
	assert_int_equal(must_create(&cred)->flags, 0);
	assert_int_equal(must_create(&other)->flags, USERNS_SETGROUPS_ALLOWED);
	drop_cred(&cred);
	drop_cred(&other);
}

/* ---- creation: the refusals, in order (R5.3) ---- */

/* Nest to the limit from one cred that keeps euid 1001 (Obs 2a); the deepest ns it is in. */
static unsigned int nest_as_deep_as_possible(struct cred *cred, struct userns_refusal *refusal,
					     int *error)
{
	unsigned int created = 0;

	for (;;) {
		*error = create_user_ns(cred, false, refusal);
		if (*error)
			return created;
		created++;
		/* Map "0 <euid> 1" at each level, as Obs 2a's program does. */
		write_uid_map(cred->user_ns, created == 1 ? "0 1001 1" : "0 0 1");
		write_gid_map(cred->user_ns, created == 1 ? "0 1001 1" : "0 0 1");
	}
}

static void test_nesting_stops_after_33_levels(void **state)
{
	struct cred cred = cred_in(&init_user_ns, TESTER, TESTER);
	struct userns_refusal refusal = { 0 };
	struct user_namespace *deepest;
	int error;

	(void)state;
	/* R1.7, Obs 2a: "nested unshare #34 failed: ENOSPC", 33 below the initial one. */
	assert_int_equal(nest_as_deep_as_possible(&cred, &refusal, &error), 33);
	assert_int_equal(error, -ENOSPC);
	assert_int_equal(refusal.rule, RULE_R1_7_DEPTH);
	deepest = cred.user_ns;
	assert_int_equal(deepest->level, 33);
	assert_int_equal(user_namespaces_alive(), 33);
	/* The refused attempt charged nothing: one namespace per level was counted. */
	assert_int_equal(ucount_read(deepest->parent, (kuid_t){ TESTER },
				     UCOUNT_USER_NAMESPACES), 1);
	assert_int_equal(ucount_read(deepest, (kuid_t){ TESTER }, UCOUNT_USER_NAMESPACES), 0);
	/* Every level charged init's record too (R1.8 walks up). */
	assert_int_equal(ucount_read(&init_user_ns, (kuid_t){ TESTER },
				     UCOUNT_USER_NAMESPACES), 33);

	/* One put, and all 33 go, deepest first (R1.11). */
	drop_cred(&cred);
	assert_int_equal(user_namespaces_alive(), 0);
}

static void test_unmapped_creator_is_refused(void **state)
{
	struct cred cred = cred_in(&init_user_ns, TESTER, TESTER);
	struct userns_refusal refusal = { 0 };
	struct user_namespace *outer = must_create(&cred);
	struct cred before;

	(void)state;
	/* Obs 2a: without maps the second nested unshare fails EPERM. */
	before = cred;
	assert_int_equal(create_user_ns(&cred, false, &refusal), -EPERM);
	assert_int_equal(refusal.rule, RULE_R5_3_CREATOR);
	assert_string_equal(userns_rule_number(refusal.rule), "R5.3");
	/* A refusal leaves the cred as it was. */
	assert_memory_equal(&cred, &before, sizeof(cred));

	/* Obs 5e: the uid map alone is not enough ... */
	write_uid_map(outer, "0 1001 1");
	refusal.rule = RULE_NONE;
	assert_int_equal(create_user_ns(&cred, false, &refusal), -EPERM);
	assert_int_equal(refusal.rule, RULE_R5_3_CREATOR);
	assert_int_equal(user_namespaces_alive(), 1);
	assert_int_equal(ucount_read(outer, (kuid_t){ TESTER }, UCOUNT_USER_NAMESPACES), 0);

	/* ... and with both maps it works. */
	write_gid_map(outer, "0 1001 1");
	assert_int_equal(must_create(&cred)->level, 2);
	drop_cred(&cred);
}

static void test_gid_map_alone_is_refused(void **state)
{
	struct cred cred = cred_in(&init_user_ns, TESTER, TESTER);
	struct userns_refusal refusal = { 0 };
	struct user_namespace *outer = must_create(&cred);

	(void)state;
	/* Obs 5e, the other half: only the gid map. */
	write_gid_map(outer, "0 1001 1");
	assert_int_equal(create_user_ns(&cred, false, &refusal), -EPERM);
	assert_int_equal(refusal.rule, RULE_R5_3_CREATOR);
	/* The euid must be mapped, not merely some uid: map uid 0 to another user. */
	write_uid_map(outer, "0 1002 1");
	assert_int_equal(create_user_ns(&cred, false, &refusal), -EPERM);
	drop_cred(&cred);
}

static void test_chrooted_creator_is_refused(void **state)
{
	struct cred cred = root_cred_in(&init_user_ns, 0, 0);
	struct userns_refusal refusal = { 0 };

	(void)state;
	/* Obs 5a: root after chroot(scratch) gets EPERM; after chroot("/") it works. */
	assert_int_equal(create_user_ns(&cred, true, &refusal), -EPERM);
	assert_int_equal(refusal.rule, RULE_R5_3_CREATOR);
	assert_string_equal(refusal.reason, "the creator is chrooted");
	assert_ptr_equal(cred.user_ns, &init_user_ns);
	assert_int_equal(ucount_read(&init_user_ns, GLOBAL_ROOT_UID, UCOUNT_USER_NAMESPACES), 0);
	assert_int_equal(create_user_ns(&cred, false, &refusal), 0);
	drop_cred(&cred);
}

static void test_refusals_come_in_linux_order(void **state)
{
	struct cred cred = cred_in(&init_user_ns, TESTER, TESTER);
	struct cred unmapped;
	struct userns_refusal refusal = { 0 };
	struct user_namespace *limited = must_create(&cred);
	int error;

	(void)state;
	/* ucount limit before chroot and before the unmapped check. */
	limited->ucount_max[UCOUNT_USER_NAMESPACES] = 0;
	unmapped = cred_in(limited, TESTER, TESTER);
	assert_int_equal(create_user_ns(&unmapped, true, &refusal), -ENOSPC);
	assert_int_equal(refusal.rule, RULE_R1_8_UCOUNT_LIMIT);
	/* chroot before the unmapped check. */
	limited->ucount_max[UCOUNT_USER_NAMESPACES] = 1;
	assert_int_equal(create_user_ns(&unmapped, true, &refusal), -EPERM);
	assert_string_equal(refusal.reason, "the creator is chrooted");
	assert_int_equal(create_user_ns(&unmapped, false, &refusal), -EPERM);
	assert_string_not_equal(refusal.reason, "the creator is chrooted");
	drop_cred(&unmapped);
	drop_cred(&cred);

	/* Depth before everything: at level 33, chrooted and over the limit, ENOSPC of R1.7. */
	cred = cred_in(&init_user_ns, TESTER, TESTER);
	nest_as_deep_as_possible(&cred, &refusal, &error);
	cred.user_ns->ucount_max[UCOUNT_USER_NAMESPACES] = 0;
	refusal.rule = RULE_NONE;
	assert_int_equal(create_user_ns(&cred, true, &refusal), -ENOSPC);
	assert_int_equal(refusal.rule, RULE_R1_7_DEPTH);
	drop_cred(&cred);
}

/* ---- ucounts (R1.8, R1.9) ---- */

static void test_max_user_namespaces_2_allows_two_children(void **state)
{
	struct cred cred = cred_in(&init_user_ns, TESTER, TESTER);
	struct user_namespace *a = must_create(&cred);
	struct cred children[4];
	struct userns_refusal refusal = { 0 };
	int expected[4] = { 0, 0, -ENOSPC, -ENOSPC };

	(void)state;
	write_uid_map(a, "0 1001 2");
	write_gid_map(a, "0 1001 1");
	/* Obs 2b: in ns A, max_user_namespaces 2; children 0 OK, 1 OK, 2 and 3 ENOSPC. */
	a->ucount_max[UCOUNT_USER_NAMESPACES] = 2;
	for (int i = 0; i < 4; i++) {
		children[i] = cred_in(a, TESTER, TESTER);
		assert_int_equal(create_user_ns(&children[i], false, &refusal), expected[i]);
	}
	assert_int_equal(refusal.rule, RULE_R1_8_UCOUNT_LIMIT);
	assert_int_equal(ucount_read(a, (kuid_t){ TESTER }, UCOUNT_USER_NAMESPACES), 2);
	/* Another user in A has a record of its own, under the same limit (R1.8: per user). */
	for (int i = 2; i < 4; i++) {
		drop_cred(&children[i]);
		children[i] = cred_in(a, 1002, TESTER);
		assert_int_equal(create_user_ns(&children[i], false, NULL), 0);
	}
	assert_int_equal(ucount_read(a, (kuid_t){ 1002 }, UCOUNT_USER_NAMESPACES), 2);
	for (int i = 0; i < 4; i++)
		drop_cred(&children[i]);
	drop_cred(&cred);
}

static void test_a_limit_caps_everything_below_it(void **state)
{
	struct cred cred = cred_in(&init_user_ns, TESTER, TESTER);
	struct user_namespace *a = must_create(&cred);
	struct user_namespace *b;
	struct cred in_b[3];
	int expected[3] = { 0, -ENOSPC, -ENOSPC };

	(void)state;
	write_uid_map(a, "0 1001 1");
	write_gid_map(a, "0 1001 1");
	a->ucount_max[UCOUNT_USER_NAMESPACES] = 2;
	b = must_create(&cred);			/* A's count: 1 */
	write_uid_map(b, "0 0 1");
	write_gid_map(b, "0 0 1");
	/*
	 * B allows INT_MAX, but a namespace made in B charges (B, 1001) and then (A, 1001), the
	 * record that paid for B: A's limit of 2 leaves room for one.
	 */
	for (int i = 0; i < 3; i++) {
		in_b[i] = cred_in(b, TESTER, TESTER);
		assert_int_equal(create_user_ns(&in_b[i], false, NULL), expected[i]);
	}
	/* The refused charges were taken back at every level. */
	assert_int_equal(ucount_read(b, (kuid_t){ TESTER }, UCOUNT_USER_NAMESPACES), 1);
	assert_int_equal(ucount_read(a, (kuid_t){ TESTER }, UCOUNT_USER_NAMESPACES), 2);
	assert_int_equal(ucount_read(&init_user_ns, (kuid_t){ TESTER },
				     UCOUNT_USER_NAMESPACES), 3);
	for (int i = 0; i < 3; i++)
		drop_cred(&in_b[i]);
	assert_int_equal(ucount_read(a, (kuid_t){ TESTER }, UCOUNT_USER_NAMESPACES), 1);
	drop_cred(&cred);
}

static void test_ucount_records(void **state)
{
	struct cred cred = cred_in(&init_user_ns, TESTER, TESTER);
	struct user_namespace *ns = must_create(&cred);
	struct ucounts *first, *second, *other;

	(void)state;
	assert_int_equal(ucounts_records_in_use(), 1);
	/* One record per (namespace, uid), shared by every charge; each type counts apart. */
	assert_int_equal(inc_ucount(ns, (kuid_t){ 7 }, UCOUNT_UTS_NAMESPACES, &first), 0);
	assert_int_equal(inc_ucount(ns, (kuid_t){ 7 }, UCOUNT_PID_NAMESPACES, &second), 0);
	assert_int_equal(inc_ucount(ns, (kuid_t){ 8 }, UCOUNT_UTS_NAMESPACES, &other), 0);
	assert_ptr_equal(first, second);
	assert_ptr_not_equal(first, other);
	assert_int_equal(ucounts_records_in_use(), 3);
	assert_int_equal(ucount_read(ns, (kuid_t){ 7 }, UCOUNT_UTS_NAMESPACES), 1);
	assert_int_equal(ucount_read(ns, (kuid_t){ 7 }, UCOUNT_PID_NAMESPACES), 1);
	assert_int_equal(ucount_read(ns, (kuid_t){ 7 }, UCOUNT_NET_NAMESPACES), 0);
	/* Charges walk up: the record that paid for ns, in init, counts them too. */
	assert_int_equal(ucount_read(&init_user_ns, (kuid_t){ TESTER }, UCOUNT_UTS_NAMESPACES), 2);

	/* The initial namespace's limit stops a charge there as well. */
	init_user_ns.ucount_max[UCOUNT_NET_NAMESPACES] = 0;
	assert_int_equal(inc_ucount(ns, (kuid_t){ 7 }, UCOUNT_NET_NAMESPACES, &second), -ENOSPC);
	assert_null(second);
	assert_int_equal(ucount_read(ns, (kuid_t){ 7 }, UCOUNT_NET_NAMESPACES), 0);
	init_user_ns.ucount_max[UCOUNT_NET_NAMESPACES] = UCOUNT_INITIAL_NAMESPACE_MAX;

	dec_ucount(first, UCOUNT_UTS_NAMESPACES);
	dec_ucount(first, UCOUNT_PID_NAMESPACES);
	dec_ucount(other, UCOUNT_UTS_NAMESPACES);
	assert_int_equal(ucounts_records_in_use(), 1);
	assert_int_equal(ucount_read(&init_user_ns, (kuid_t){ TESTER }, UCOUNT_UTS_NAMESPACES), 0);
	drop_cred(&cred);
	assert_int_equal(ucounts_records_in_use(), 0);
}

/* ---- references and freeing (R1.11) ---- */

static void test_a_child_keeps_its_parent_alive(void **state)
{
	struct cred cred = cred_in(&init_user_ns, TESTER, TESTER);
	struct user_namespace *a = must_create(&cred);
	struct user_namespace *b;

	(void)state;
	write_uid_map(a, "0 1001 1");
	write_gid_map(a, "0 1001 1");
	b = must_create(&cred);
	/* A is held by B alone: the cred's reference to A moved into B->parent. */
	assert_int_equal(references_of(a), 1);
	assert_int_equal(references_of(b), 1);
	assert_true(user_ns_is_same_or_ancestor(&init_user_ns, b));
	assert_true(user_ns_is_same_or_ancestor(a, b));
	assert_true(user_ns_is_same_or_ancestor(b, b));
	assert_false(user_ns_is_same_or_ancestor(b, a));

	/* An extra reference to B (an open nsfs file, R6.5) outlives the cred. */
	get_user_ns(b);
	drop_cred(&cred);
	assert_int_equal(user_namespaces_alive(), 2);
	assert_int_equal(b->level, 2);
	assert_int_equal(__kuid_val(make_kuid(b->parent, 0)), TESTER);
	put_user_ns(b);
	assert_int_equal(user_namespaces_alive(), 0);
	put_user_ns(NULL);
}

static void test_siblings_free_their_parent_last(void **state)
{
	struct cred first = cred_in(&init_user_ns, TESTER, TESTER);
	struct user_namespace *parent = must_create(&first);
	struct cred second;

	(void)state;
	write_uid_map(parent, "0 1001 1");
	write_gid_map(parent, "0 1001 1");
	second = cred_in(parent, TESTER, TESTER);
	assert_int_equal(references_of(parent), 2);
	must_create(&first);
	must_create(&second);
	assert_int_equal(references_of(parent), 2);
	drop_cred(&first);
	assert_int_equal(user_namespaces_alive(), 2);
	drop_cred(&second);
	assert_int_equal(user_namespaces_alive(), 0);
}

static void test_a_thousand_namespaces_give_back_every_allocation(void **state)
{
	size_t heap_before = host_heap_live_objects();

	(void)state;
	for (int i = 0; i < 1000; i++) {
		struct cred cred = cred_in(&init_user_ns, TESTER + (uint32_t)(i % 7), TESTER);
		struct user_namespace *ns = must_create(&cred);

		/* A written map owns a heap table that the namespace must give back too. */
		if (i % 2)
			write_uid_map(ns, "0 100000 65536");
		if (i % 3)
			write_gid_map(ns, "0 100000 65536");
		assert_int_equal(ns->ns.inode_number, NS_INODE_NUMBER_POOL_FIRST);
		drop_cred(&cred);
	}
	assert_int_equal(host_heap_live_objects(), heap_before);
}

/* ---- nsfs inode numbers (R6.4) ---- */

static void test_inode_numbers_are_unique_and_recycled(void **state)
{
	struct cred creds[3];
	unsigned int numbers[3];

	(void)state;
	for (int i = 0; i < 3; i++) {
		creds[i] = cred_in(&init_user_ns, TESTER, TESTER);
		numbers[i] = must_create(&creds[i])->ns.inode_number;
		assert_int_equal(numbers[i], NS_INODE_NUMBER_POOL_FIRST + (unsigned int)i);
	}
	assert_int_equal(ns_inode_numbers_in_use(), 3);

	/* Obs 5c: a freed number comes back, lowest first. */
	drop_cred(&creds[1]);
	creds[1] = cred_in(&init_user_ns, TESTER, TESTER);
	assert_int_equal(must_create(&creds[1])->ns.inode_number, numbers[1]);
	for (int i = 0; i < 3; i++)
		drop_cred(&creds[i]);
}

static void test_inode_number_pool_runs_out(void **state)
{
	static unsigned int numbers[NS_INODE_NUMBER_POOL_SIZE];
	struct cred cred = cred_in(&init_user_ns, TESTER, TESTER);
	struct cred before;
	unsigned int spare;

	(void)state;
	for (unsigned int i = 0; i < NS_INODE_NUMBER_POOL_SIZE; i++) {
		assert_int_equal(ns_inode_number_alloc(&numbers[i]), 0);
		assert_int_equal(numbers[i], NS_INODE_NUMBER_POOL_FIRST + i);
	}
	assert_int_equal(ns_inode_number_alloc(&spare), -ENOSPC);

	/* Creation then fails without leaving a charge or an allocation behind. */
	before = cred;
	assert_int_equal(create_user_ns(&cred, false, NULL), -ENOSPC);
	assert_memory_equal(&cred, &before, sizeof(cred));
	assert_int_equal(ucounts_records_in_use(), 0);

	ns_inode_number_free(numbers[100]);
	assert_int_equal(ns_inode_number_alloc(&spare), 0);
	assert_int_equal(spare, numbers[100]);
	for (unsigned int i = 0; i < NS_INODE_NUMBER_POOL_SIZE; i++)
		ns_inode_number_free(numbers[i]);
	/* The initial namespaces' fixed numbers are not the pool's: freeing one does nothing. */
	ns_inode_number_free(NS_INITIAL_USER_INODE_NUMBER);
	drop_cred(&cred);
}

static void test_freeing_a_free_inode_number_panics(void **state)
{
	unsigned int number;

	(void)state;
	assert_int_equal(ns_inode_number_alloc(&number), 0);
	ns_inode_number_free(number);
	expect_assert_failure(ns_inode_number_free(number));
}

#define LEAK_CHECKED(test) cmocka_unit_test_setup_teardown(test, record_baseline, \
							     check_nothing_leaked)

int main(void)
{
	const struct CMUnitTest tests[] = {
		LEAK_CHECKED(test_initial_namespace),
		LEAK_CHECKED(test_initial_inode_numbers_are_linux_values),
		LEAK_CHECKED(test_translation_through_a_written_map),
		LEAK_CHECKED(test_fresh_namespace_maps_nothing),
		LEAK_CHECKED(test_munging_follows_the_overflow_ids),
		LEAK_CHECKED(test_creation_fills_the_namespace),
		LEAK_CHECKED(test_creation_resets_the_credentials),
		LEAK_CHECKED(test_parent_could_setfcap_reads_the_effective_set),
		LEAK_CHECKED(test_flags_are_inherited),
		LEAK_CHECKED(test_nesting_stops_after_33_levels),
		LEAK_CHECKED(test_unmapped_creator_is_refused),
		LEAK_CHECKED(test_gid_map_alone_is_refused),
		LEAK_CHECKED(test_chrooted_creator_is_refused),
		LEAK_CHECKED(test_refusals_come_in_linux_order),
		LEAK_CHECKED(test_max_user_namespaces_2_allows_two_children),
		LEAK_CHECKED(test_a_limit_caps_everything_below_it),
		LEAK_CHECKED(test_ucount_records),
		LEAK_CHECKED(test_a_child_keeps_its_parent_alive),
		LEAK_CHECKED(test_siblings_free_their_parent_last),
		LEAK_CHECKED(test_a_thousand_namespaces_give_back_every_allocation),
		LEAK_CHECKED(test_inode_numbers_are_unique_and_recycled),
		LEAK_CHECKED(test_inode_number_pool_runs_out),
		LEAK_CHECKED(test_freeing_a_free_inode_number_panics),
	};

	return cmocka_run_group_tests(tests, start_heap, NULL);
}
