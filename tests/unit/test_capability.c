/*
 * Unit tests for kernel/user_namespace/capability.c and capability_transitions.c: the R4.1 walk
 * at every boundary (own namespace, owner in the parent, siblings, grandchildren, ancestors),
 * file_ns_capable (R4.2), capabilities over inodes (R4.3, Obs 7b), the set*uid fix-up (R4.10)
 * and the execve recomputation (R4.7, R8.8, Obs 4a, 8b).
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
#include <kuid/capability.h>
#include <kuid/user_namespace.h>
#include <uapi/capability.h>
#include <uapi/errno.h>

#define CAPS(...) ((kernel_cap_t){ caps_of((const int[]){ __VA_ARGS__, -1 }) })

static uint64_t caps_of(const int *list)
{
	uint64_t bits = 0;

	for (; *list >= 0; list++)
		bits |= 1ull << *list;
	return bits;
}

/*
 * The tree most tests use, after the seeds' example (docs/user-namespaces.md):
 *
 *	init -- A (owner 1001; map 0 100000 1000)
 *	          `-- B (owner A's 0 = kid 100000; map 0 0 1, 500 500 1)
 *	               |-- C  (made by B's uid 500 = kid 100500; map 0 500 1)
 *	               |   `-- D (made by C's uid 0 = kid 100500; no map)
 *	               `-- C2 (a sibling of C, also made by B's uid 500; map 0 500 1)
 *
 * B's uid 500 is kernel id 100500; it creates C and becomes (C, 0) once C maps 0 to 500.
 */
#define KID_A_ROOT 100000u
#define KID_B_500 100500u

struct tree {
	struct cred holders[5];	/* one cred inside each namespace keeps it alive */
	struct user_namespace *a, *b, *c, *d, *c2;
};

static struct tree tree;

static int build_tree(void **state)
{
	struct cred *h = tree.holders;

	(void)state;
	h[0] = cred_in(&init_user_ns, TESTER, TESTER);
	tree.a = must_create(&h[0]);
	write_uid_map(tree.a, "0 100000 1000");
	write_gid_map(tree.a, "0 100000 1000");

	h[1] = cred_in(tree.a, KID_A_ROOT, KID_A_ROOT);
	tree.b = must_create(&h[1]);
	write_uid_map(tree.b, "0 0 1\n500 500 1");
	write_gid_map(tree.b, "0 0 1\n500 500 1");

	h[2] = cred_in(tree.b, KID_B_500, KID_B_500);
	tree.c = must_create(&h[2]);
	write_uid_map(tree.c, "0 500 1");
	write_gid_map(tree.c, "0 500 1");

	h[3] = cred_in(tree.c, KID_B_500, KID_B_500);
	tree.d = must_create(&h[3]);

	h[4] = cred_in(tree.b, KID_B_500, KID_B_500);
	tree.c2 = must_create(&h[4]);
	write_uid_map(tree.c2, "0 500 1");
	write_gid_map(tree.c2, "0 500 1");
	return 0;
}

static int drop_tree(void **state)
{
	(void)state;
	for (int i = 0; i < 5; i++)
		drop_cred(&tree.holders[i]);
	assert_int_equal(user_namespaces_alive(), 0);
	return 0;
}

static int start(void **state)
{
	host_kernel_heap_start();
	return build_tree(state);
}

/* ---- R4.1 ---- */

static void test_own_namespace_uses_the_effective_set(void **state)
{
	/* B's root (kid 100000): it owns none of B's children, so only its sets count. */
	struct cred cred = cred_in(tree.b, KID_A_ROOT, KID_A_ROOT);
	struct userns_refusal refusal = { 0 };

	(void)state;
	assert_int_equal(cap_capable_explained(&cred, tree.b, CAP_SYS_ADMIN, &refusal), -EPERM);
	assert_int_equal(refusal.rule, RULE_R4_1_CAPABILITY);
	assert_string_equal(refusal.reason, "the capability is not in the effective set");

	/* Permitted but not effective does not count. */
	cred.cap_permitted = CAPS(CAP_SYS_ADMIN);
	assert_int_equal(cap_capable(&cred, tree.b, CAP_SYS_ADMIN), -EPERM);

	cred.cap_effective = CAPS(CAP_SYS_ADMIN);
	assert_int_equal(cap_capable(&cred, tree.b, CAP_SYS_ADMIN), 0);
	assert_int_equal(cap_capable(&cred, tree.b, CAP_CHOWN), -EPERM);
	/* ... and it reaches every namespace below (step 4). */
	assert_int_equal(cap_capable(&cred, tree.c, CAP_SYS_ADMIN), 0);
	assert_int_equal(cap_capable(&cred, tree.d, CAP_SYS_ADMIN), 0);
	assert_int_equal(cap_capable(&cred, tree.c2, CAP_SYS_ADMIN), 0);
	assert_int_equal(cap_capable(&cred, tree.c, CAP_CHOWN), -EPERM);
	drop_cred(&cred);
}

static void test_owner_in_the_parent_has_everything(void **state)
{
	/* Another process of B's uid 500, with an empty effective set (step 3). */
	struct cred owner = cred_in(tree.b, KID_B_500, KID_B_500);

	(void)state;
	assert_int_equal(owner.cap_effective.bits, 0);
	assert_int_equal(cap_capable(&owner, tree.c, CAP_SYS_ADMIN), 0);
	assert_int_equal(cap_capable(&owner, tree.c, CAP_SETUID), 0);
	assert_int_equal(cap_capable(&owner, tree.c2, CAP_KILL), 0);
	/* D was made inside C by someone else, but C is the owner's: the walk finds C. */
	assert_int_equal(cap_capable(&owner, tree.d, CAP_SYS_ADMIN), 0);
	/* Nothing in its own namespace without an effective set. */
	assert_int_equal(cap_capable(&owner, tree.b, CAP_SYS_ADMIN), -EPERM);
	drop_cred(&owner);
}

static void test_owner_rule_uses_the_effective_uid(void **state)
{
	struct cred real_only = cred_in(tree.b, KID_B_500, KID_B_500);
	struct cred other_user = cred_in(tree.b, KID_A_ROOT, KID_A_ROOT);

	(void)state;
	real_only.euid = (kuid_t){ KID_A_ROOT };	/* uid 500, euid 0 of B */
	assert_int_equal(cap_capable(&real_only, tree.c, CAP_SYS_ADMIN), -EPERM);
	/* Obs 8c: uid 1002 is not the owner: nothing in the child. */
	assert_int_equal(cap_capable(&other_user, tree.c, CAP_KILL), -EPERM);
	drop_cred(&real_only);
	drop_cred(&other_user);
}

static void test_same_uid_in_a_sibling_gets_nothing(void **state)
{
	/* Kernel id 100500 again, but living in C2, C's sibling, with full capabilities. */
	struct cred sibling = root_cred_in(tree.c2, KID_B_500, KID_B_500);
	struct userns_refusal refusal = { 0 };

	(void)state;
	assert_true(uid_eq(sibling.euid, tree.c->owner));
	assert_int_equal(cap_capable_explained(&sibling, tree.c, CAP_SYS_ADMIN, &refusal),
			 -EPERM);
	assert_string_equal(refusal.reason, "the namespace is neither the caller's nor below it");
	assert_int_equal(cap_capable(&sibling, tree.d, CAP_SYS_ADMIN), -EPERM);
	assert_int_equal(cap_capable(&sibling, tree.c2, CAP_SYS_ADMIN), 0);
	drop_cred(&sibling);
}

static void test_grandchildren(void **state)
{
	/* Root of A (kid 100000) owns B, so it has everything in B and below: C, C2, D. */
	struct cred a_root = cred_in(tree.a, KID_A_ROOT, KID_A_ROOT);
	/* Tester (kid 1001) in init owns A: everything in A and every namespace below. */
	struct cred tester = cred_in(&init_user_ns, TESTER, TESTER);

	(void)state;
	assert_int_equal(cap_capable(&a_root, tree.b, CAP_SYS_ADMIN), 0);
	assert_int_equal(cap_capable(&a_root, tree.c, CAP_SYS_ADMIN), 0);
	assert_int_equal(cap_capable(&a_root, tree.d, CAP_SYS_ADMIN), 0);
	assert_int_equal(cap_capable(&a_root, tree.a, CAP_SYS_ADMIN), -EPERM);
	assert_int_equal(cap_capable(&tester, tree.d, CAP_SYS_ADMIN), 0);
	assert_int_equal(cap_capable(&tester, tree.a, CAP_SYS_ADMIN), 0);
	assert_int_equal(cap_capable(&tester, &init_user_ns, CAP_SYS_ADMIN), -EPERM);
	drop_cred(&a_root);
	drop_cred(&tester);
}

static void test_ancestors_never(void **state)
{
	/* (C, 0) after the seeds' example, with every capability in C. */
	struct cred c_root = root_cred_in(tree.c, KID_B_500, KID_B_500);
	struct userns_refusal refusal = { 0 };

	(void)state;
	assert_int_equal(cap_capable(&c_root, tree.c, CAP_SYS_ADMIN), 0);
	assert_int_equal(cap_capable(&c_root, tree.d, CAP_SYS_ADMIN), 0);
	/* R4.6: nothing behind it, although its kid owns C in B. */
	assert_int_equal(cap_capable_explained(&c_root, tree.b, CAP_SYS_ADMIN, &refusal), -EPERM);
	assert_string_equal(refusal.reason, "the namespace is neither the caller's nor below it");
	assert_int_equal(cap_capable(&c_root, tree.a, CAP_SYS_ADMIN), -EPERM);
	assert_int_equal(cap_capable(&c_root, &init_user_ns, CAP_SYS_ADMIN), -EPERM);
	drop_cred(&c_root);
}

static void test_host_root_reaches_everything(void **state)
{
	struct cred root = root_cred_in(&init_user_ns, 0, 0);

	(void)state;
	assert_true(has_ns_capability(&root, &init_user_ns, CAP_SYS_TIME));
	assert_true(has_ns_capability(&root, tree.d, CAP_SYS_TIME));
	root.cap_effective = cap_lower(root.cap_effective, CAP_SYS_TIME);
	assert_false(has_ns_capability(&root, tree.d, CAP_SYS_TIME));
	drop_cred(&root);
}

static void test_invalid_capability_numbers(void **state)
{
	struct cred root = root_cred_in(&init_user_ns, 0, 0);
	struct userns_refusal refusal = { 0 };

	(void)state;
	assert_int_equal(cap_capable(&root, &init_user_ns, CAP_LAST_CAP), 0);
	assert_int_equal(cap_capable_explained(&root, &init_user_ns, CAP_LAST_CAP + 1, &refusal),
			 -EPERM);
	assert_string_equal(refusal.reason, "not a capability number");
	assert_int_equal(cap_capable(&root, &init_user_ns, -1), -EPERM);
	assert_int_equal(cap_capable(&root, &init_user_ns, 64), -EPERM);
	drop_cred(&root);
}

static void test_file_ns_capable_judges_the_opener(void **state)
{
	struct cred opener = cred_in(tree.b, KID_B_500, KID_B_500);	/* owner of C */
	struct cred stranger = cred_in(tree.b, KID_A_ROOT, KID_A_ROOT);

	(void)state;
	/* R4.2, Obs 3c: what counts is who opened, not who writes. */
	assert_true(file_ns_capable(&opener, tree.c, CAP_SYS_ADMIN));
	assert_false(file_ns_capable(&stranger, tree.c, CAP_SYS_ADMIN));
	drop_cred(&opener);
	drop_cred(&stranger);
}

/* ---- R4.3: over inodes (Obs 7b: root of a namespace with map "0 100000 10") ---- */

static void test_capabilities_over_inodes(void **state)
{
	struct cred cred = cred_in(&init_user_ns, 0, 0);
	struct user_namespace *ns = must_create(&cred);
	kuid_t uid_100001 = { 100001 };
	kgid_t gid_100001 = { 100001 };

	(void)state;
	write_uid_map(ns, "0 100000 10");
	write_gid_map(ns, "0 100000 10");
	cred.euid = cred.fsuid = (kuid_t){ 100000 };	/* setuid(0) inside */

	/* f_both (100001:100001): readable and chownable. */
	assert_true(privileged_wrt_inode_uidgid(ns, uid_100001, gid_100001));
	assert_true(capable_wrt_inode_uidgid(&cred, uid_100001, gid_100001, CAP_DAC_OVERRIDE));
	assert_true(capable_wrt_inode_uidgid(&cred, uid_100001, gid_100001, CAP_CHOWN));
	/* f_uidonly (100001:0): gid unmapped, so no DAC override and no chown ... */
	assert_false(privileged_wrt_inode_uidgid(ns, uid_100001, GLOBAL_ROOT_GID));
	assert_false(capable_wrt_inode_uidgid(&cred, uid_100001, GLOBAL_ROOT_GID,
					      CAP_DAC_OVERRIDE));
	assert_false(capable_wrt_inode_uidgid(&cred, uid_100001, GLOBAL_ROOT_GID, CAP_CHOWN));
	/* ... but CAP_FOWNER needs only the uid: chmod works. */
	assert_true(cred_inode_owner_or_capable(&cred, uid_100001));
	/* A host-root file: nothing. */
	assert_false(capable_wrt_inode_uidgid(&cred, GLOBAL_ROOT_UID, GLOBAL_ROOT_GID,
					      CAP_DAC_OVERRIDE));
	assert_false(cred_inode_owner_or_capable(&cred, GLOBAL_ROOT_UID));

	/* Without the capability in the effective set, only ownership counts. */
	cred.cap_effective = CAP_EMPTY_SET;
	assert_false(capable_wrt_inode_uidgid(&cred, uid_100001, gid_100001, CAP_DAC_OVERRIDE));
	assert_false(cred_inode_owner_or_capable(&cred, uid_100001));
	assert_true(cred_inode_owner_or_capable(&cred, (kuid_t){ 100000 }));
	drop_cred(&cred);
}

/* ---- R4.10: set*uid ---- */

/* A cred in A (root = kid 100000) with every capability, and ambient CAP_KILL. */
static struct cred a_root_with_caps(void)
{
	struct cred cred = root_cred_in(tree.a, KID_A_ROOT, KID_A_ROOT);

	cred.cap_inheritable = CAPS(CAP_KILL);
	cred.cap_ambient = CAPS(CAP_KILL);
	return cred;
}

static void set_uids(struct cred *cred, uint32_t uid, uint32_t euid, uint32_t suid)
{
	cred->uid = (kuid_t){ uid };
	cred->euid = cred->fsuid = (kuid_t){ euid };
	cred->suid = (kuid_t){ suid };
}

static void test_setuid_away_from_root_drops_everything(void **state)
{
	struct cred old = a_root_with_caps();
	struct cred new = old;

	(void)state;
	set_uids(&new, 100005, 100005, 100005);	/* setuid(5) in A */
	cap_fix_setuid(&new, &old);
	assert_int_equal(new.cap_permitted.bits, 0);
	assert_int_equal(new.cap_effective.bits, 0);
	assert_int_equal(new.cap_ambient.bits, 0);
	assert_int_equal(new.cap_bounding.bits, CAP_FULL_SET.bits);
	drop_cred(&old);
}

static void test_setuid_with_keep_caps_keeps_permitted(void **state)
{
	struct cred old = a_root_with_caps();
	struct cred new;

	(void)state;
	old.securebits = SECBIT_KEEP_CAPS;
	new = old;
	set_uids(&new, 100005, 100005, 100005);
	cap_fix_setuid(&new, &old);
	assert_int_equal(new.cap_permitted.bits, CAP_FULL_SET.bits);
	assert_int_equal(new.cap_effective.bits, 0);	/* the euid left root */
	assert_int_equal(new.cap_ambient.bits, 0);
	drop_cred(&old);
}

static void test_seteuid_round_trip(void **state)
{
	struct cred old = a_root_with_caps();
	struct cred away = old;
	struct cred back;

	(void)state;
	/* seteuid(5): the saved uid stays root, so only the effective set goes. */
	set_uids(&away, KID_A_ROOT, 100005, KID_A_ROOT);
	cap_fix_setuid(&away, &old);
	assert_int_equal(away.cap_permitted.bits, CAP_FULL_SET.bits);
	assert_int_equal(away.cap_effective.bits, 0);
	assert_int_equal(away.cap_ambient.bits, CAPS(CAP_KILL).bits);

	/* seteuid(0): effective comes back as the permitted set. */
	back = away;
	set_uids(&back, KID_A_ROOT, KID_A_ROOT, KID_A_ROOT);
	cap_fix_setuid(&back, &away);
	assert_int_equal(back.cap_effective.bits, CAP_FULL_SET.bits);
	drop_cred(&old);
}

static void test_setuid_fixup_is_namespace_relative(void **state)
{
	/* Host root (kid 0) living in A, where it is unmapped: it is not A's root. */
	struct cred old = root_cred_in(tree.a, 0, 0);
	struct cred new = old;
	struct cred fresh = root_cred_in(tree.d, KID_B_500, KID_B_500);	/* D maps nothing */
	struct cred fresh_new;

	(void)state;
	set_uids(&new, 100005, 100005, 100005);
	cap_fix_setuid(&new, &old);
	assert_int_equal(new.cap_permitted.bits, CAP_FULL_SET.bits);
	assert_int_equal(new.cap_effective.bits, CAP_FULL_SET.bits);
	/* With uid 0 unmapped there is no root at all: nothing changes. */
	fresh_new = fresh;
	set_uids(&fresh_new, 7, 7, 7);
	cap_fix_setuid(&fresh_new, &fresh);
	assert_int_equal(fresh_new.cap_effective.bits, CAP_FULL_SET.bits);
	drop_cred(&old);
	drop_cred(&fresh);
}

static void test_no_setuid_fixup_securebit(void **state)
{
	struct cred old = a_root_with_caps();
	struct cred new;

	(void)state;
	old.securebits = SECBIT_NO_SETUID_FIXUP;
	new = old;
	set_uids(&new, 100005, 100005, 100005);
	cap_fix_setuid(&new, &old);
	assert_int_equal(new.cap_permitted.bits, CAP_FULL_SET.bits);
	assert_int_equal(new.cap_effective.bits, CAP_FULL_SET.bits);
	assert_int_equal(new.cap_ambient.bits, CAPS(CAP_KILL).bits);
	drop_cred(&old);
}

static void test_setfsuid_switches_the_file_system_capabilities(void **state)
{
	struct cred old = a_root_with_caps();
	struct cred away = old;
	struct cred back;

	(void)state;
	away.fsuid = (kuid_t){ 100005 };
	cap_fix_setfsuid(&away, &old);
	assert_false(cap_raised(away.cap_effective, CAP_DAC_OVERRIDE));
	assert_false(cap_raised(away.cap_effective, CAP_CHOWN));
	assert_false(cap_raised(away.cap_effective, CAP_LINUX_IMMUTABLE));
	assert_true(cap_raised(away.cap_effective, CAP_KILL));
	assert_true(cap_raised(away.cap_permitted, CAP_DAC_OVERRIDE));

	back = away;
	back.fsuid = (kuid_t){ KID_A_ROOT };
	cap_fix_setfsuid(&back, &away);
	assert_int_equal(back.cap_effective.bits, CAP_FULL_SET.bits);
	drop_cred(&old);
}

/* ---- R4.7: execve ---- */

static const struct exec_capability_context plain_exec = { 0 };

static void test_exec_without_map_loses_everything(void **state)
{
	/* Obs 4a: unshare, no map, exec: CapPrm/CapEff 0. */
	struct cred old = cred_in(&init_user_ns, TESTER, TESTER);
	struct cred new;
	bool secure = true;

	(void)state;
	must_create(&old);
	new = old;
	assert_int_equal(cap_exec_credentials(&new, &old, &plain_exec, &secure, NULL), 0);
	assert_int_equal(new.cap_permitted.bits, 0);
	assert_int_equal(new.cap_effective.bits, 0);
	assert_false(secure);
	drop_cred(&old);
}

static void test_exec_as_namespace_root_keeps_everything(void **state)
{
	/* Obs 4a: after map 0 -> self, exec as ns root: CapEff 000001ffffffffff. */
	struct cred old = cred_in(&init_user_ns, TESTER, TESTER);
	struct user_namespace *ns = must_create(&old);
	struct cred new;
	bool secure = true;

	(void)state;
	write_uid_map(ns, "0 1001 1");
	old.securebits = SECBIT_KEEP_CAPS;
	new = old;
	assert_int_equal(cap_exec_credentials(&new, &old, &plain_exec, &secure, NULL), 0);
	assert_int_equal(new.cap_permitted.bits, 0x000001ffffffffffull);
	assert_int_equal(new.cap_effective.bits, 0x000001ffffffffffull);
	assert_false(secure);
	assert_int_equal(new.securebits, 0);	/* KEEP_CAPS ends at exec */

	/* With SECBIT_NOROOT: CapEff 0, securebits stay 0x1. */
	old.securebits = SECBIT_NOROOT;
	new = old;
	assert_int_equal(cap_exec_credentials(&new, &old, &plain_exec, &secure, NULL), 0);
	assert_int_equal(new.cap_effective.bits, 0);
	assert_int_equal(new.cap_permitted.bits, 0);
	assert_int_equal(new.securebits, SECBIT_NOROOT);
	drop_cred(&old);
}

static void test_exec_real_root_only_is_not_effective(void **state)
{
	struct cred old = cred_in(&init_user_ns, 0, 0);
	struct cred new;
	bool secure;

	(void)state;
	old.euid = (kuid_t){ TESTER };
	new = old;
	assert_int_equal(cap_exec_credentials(&new, &old, &plain_exec, &secure, NULL), 0);
	assert_int_equal(new.cap_permitted.bits, CAP_FULL_SET.bits);
	assert_int_equal(new.cap_effective.bits, 0);
	assert_int_equal(__kuid_val(new.suid), TESTER);
	drop_cred(&old);
}

/* Obs 8b: map "0 100000 10\n10 1001 1", the process is uid 10 (kid 1001), no capabilities. */
static struct cred obs_8b_process(void)
{
	struct cred creator = cred_in(&init_user_ns, TESTER, TESTER);
	struct user_namespace *ns = must_create(&creator);
	struct cred process;

	write_uid_map(ns, "0 100000 10\n10 1001 1");
	write_gid_map(ns, "0 100000 10\n10 1001 1");
	process = cred_in(ns, TESTER, TESTER);
	drop_cred(&creator);
	return process;
}

static void test_exec_setuid_namespace_root(void **state)
{
	struct cred old = obs_8b_process();
	struct cred new = old;
	bool secure = false;

	(void)state;
	/* suid_nsroot (100000:100000): euid 0 egid 0, CapEff 000001ffffffffff. */
	new.euid = (kuid_t){ 100000 };
	new.egid = (kgid_t){ 100000 };
	assert_int_equal(cap_exec_credentials(&new, &old, &plain_exec, &secure, NULL), 0);
	assert_int_equal(new.cap_effective.bits, 0x000001ffffffffffull);
	assert_int_equal(__kuid_val(new.suid), 100000);
	assert_int_equal(__kuid_val(new.fsuid), 100000);
	assert_int_equal(__kgid_val(new.sgid), 100000);
	assert_true(secure);
	/* R8.7: the capabilities are the namespace's, not the host's. */
	assert_false(has_ns_capability(&new, &init_user_ns, CAP_CHOWN));
	assert_false(capable_wrt_inode_uidgid(&new, GLOBAL_ROOT_UID, GLOBAL_ROOT_GID, CAP_CHOWN));
	drop_cred(&old);
}

static void test_exec_setuid_namespace_user(void **state)
{
	struct cred old = obs_8b_process();
	struct cred new = old;
	bool secure = false;

	(void)state;
	/* suid_ns1 (100001:100001): euid 1, no capabilities. */
	new.euid = (kuid_t){ 100001 };
	new.egid = (kgid_t){ 100001 };
	assert_int_equal(cap_exec_credentials(&new, &old, &plain_exec, &secure, NULL), 0);
	assert_int_equal(new.cap_effective.bits, 0);
	assert_int_equal(new.cap_permitted.bits, 0);
	assert_true(secure);
	drop_cred(&old);
}

static void test_exec_unsafe_setuid_is_downgraded(void **state)
{
	struct cred old = obs_8b_process();
	struct cred new = old;
	struct exec_capability_context traced = { .unsafe = true };
	struct exec_capability_context no_new_privs = { .no_new_privs = true };
	bool secure;

	(void)state;
	/* R8.8: traced without the right: the set-id is undone and nothing is gained. */
	new.euid = (kuid_t){ 100000 };
	assert_int_equal(cap_exec_credentials(&new, &old, &traced, &secure, NULL), 0);
	assert_int_equal(__kuid_val(new.euid), TESTER);
	assert_int_equal(new.cap_permitted.bits, 0);
	assert_int_equal(new.cap_effective.bits, 0);

	new = old;
	new.euid = (kuid_t){ 100000 };
	assert_int_equal(cap_exec_credentials(&new, &old, &no_new_privs, &secure, NULL), 0);
	assert_int_equal(__kuid_val(new.euid), TESTER);
	assert_int_equal(new.cap_effective.bits, 0);
	drop_cred(&old);
}

static void test_exec_with_file_capabilities(void **state)
{
	struct cred old = cred_in(&init_user_ns, TESTER, TESTER);
	struct cred new;
	struct file_capabilities ping = {
		.permitted = CAPS(CAP_NET_RAW),
		.inheritable = CAPS(CAP_NET_ADMIN),
		.effective = true,
	};
	struct exec_capability_context context = { .file_caps = &ping };
	struct userns_refusal refusal = { 0 };
	bool secure = false;

	(void)state;
	old.cap_inheritable = CAPS(CAP_NET_ADMIN, CAP_KILL);
	old.cap_permitted = CAPS(CAP_KILL);
	old.cap_ambient = CAPS(CAP_KILL);
	new = old;
	assert_int_equal(cap_exec_credentials(&new, &old, &context, &secure, NULL), 0);
	/* pP' = (fP & bounding) | (fI & pI); file capabilities cancel ambient ones. */
	assert_int_equal(new.cap_permitted.bits, CAPS(CAP_NET_RAW, CAP_NET_ADMIN).bits);
	assert_int_equal(new.cap_effective.bits, new.cap_permitted.bits);
	assert_int_equal(new.cap_ambient.bits, 0);
	assert_true(secure);

	/* A forced capability outside the bounding set: the program must not run. */
	old.cap_bounding = cap_lower(CAP_FULL_SET, CAP_NET_RAW);
	new = old;
	assert_int_equal(cap_exec_credentials(&new, &old, &context, &secure, &refusal), -EPERM);
	assert_int_equal(refusal.rule, RULE_R4_7_EXEC_CAPABILITIES);
	/* Without the effective flag the program copes: it just gets less. */
	ping.effective = false;
	new = old;
	assert_int_equal(cap_exec_credentials(&new, &old, &context, &secure, NULL), 0);
	assert_int_equal(new.cap_permitted.bits, CAPS(CAP_NET_ADMIN).bits);
	assert_int_equal(new.cap_effective.bits, 0);
	drop_cred(&old);
}

static void test_exec_setuid_root_with_file_caps_gets_only_file_caps(void **state)
{
	struct cred old = cred_in(&init_user_ns, TESTER, TESTER);
	struct cred new = old;
	struct file_capabilities caps = { .permitted = CAPS(CAP_NET_RAW), .effective = true };
	struct exec_capability_context context = { .file_caps = &caps };
	bool secure;

	(void)state;
	new.euid = GLOBAL_ROOT_UID;	/* a setuid-root file */
	assert_int_equal(cap_exec_credentials(&new, &old, &context, &secure, NULL), 0);
	assert_int_equal(new.cap_permitted.bits, CAPS(CAP_NET_RAW).bits);
	assert_int_equal(new.cap_effective.bits, CAPS(CAP_NET_RAW).bits);

	/* Run by root itself, the root rule applies as usual. */
	old.uid = GLOBAL_ROOT_UID;
	new = old;
	new.euid = GLOBAL_ROOT_UID;
	assert_int_equal(cap_exec_credentials(&new, &old, &context, &secure, NULL), 0);
	assert_int_equal(new.cap_permitted.bits, CAP_FULL_SET.bits);
	drop_cred(&old);
}

static void test_exec_keeps_ambient_capabilities(void **state)
{
	struct cred old = cred_in(&init_user_ns, TESTER, TESTER);
	struct cred new;
	bool secure = true;

	(void)state;
	old.cap_inheritable = old.cap_permitted = old.cap_ambient = CAPS(CAP_KILL);
	new = old;
	assert_int_equal(cap_exec_credentials(&new, &old, &plain_exec, &secure, NULL), 0);
	assert_int_equal(new.cap_permitted.bits, CAPS(CAP_KILL).bits);
	assert_int_equal(new.cap_effective.bits, CAPS(CAP_KILL).bits);
	assert_int_equal(new.cap_ambient.bits, CAPS(CAP_KILL).bits);
	assert_false(secure);
	drop_cred(&old);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_own_namespace_uses_the_effective_set),
		cmocka_unit_test(test_owner_in_the_parent_has_everything),
		cmocka_unit_test(test_owner_rule_uses_the_effective_uid),
		cmocka_unit_test(test_same_uid_in_a_sibling_gets_nothing),
		cmocka_unit_test(test_grandchildren),
		cmocka_unit_test(test_ancestors_never),
		cmocka_unit_test(test_host_root_reaches_everything),
		cmocka_unit_test(test_invalid_capability_numbers),
		cmocka_unit_test(test_file_ns_capable_judges_the_opener),
		cmocka_unit_test(test_capabilities_over_inodes),
		cmocka_unit_test(test_setuid_away_from_root_drops_everything),
		cmocka_unit_test(test_setuid_with_keep_caps_keeps_permitted),
		cmocka_unit_test(test_seteuid_round_trip),
		cmocka_unit_test(test_setuid_fixup_is_namespace_relative),
		cmocka_unit_test(test_no_setuid_fixup_securebit),
		cmocka_unit_test(test_setfsuid_switches_the_file_system_capabilities),
		cmocka_unit_test(test_exec_without_map_loses_everything),
		cmocka_unit_test(test_exec_as_namespace_root_keeps_everything),
		cmocka_unit_test(test_exec_real_root_only_is_not_effective),
		cmocka_unit_test(test_exec_setuid_namespace_root),
		cmocka_unit_test(test_exec_setuid_namespace_user),
		cmocka_unit_test(test_exec_unsafe_setuid_is_downgraded),
		cmocka_unit_test(test_exec_with_file_capabilities),
		cmocka_unit_test(test_exec_setuid_root_with_file_caps_gets_only_file_caps),
		cmocka_unit_test(test_exec_keeps_ambient_capabilities),
	};

	return cmocka_run_group_tests(tests, start, drop_tree);
}
