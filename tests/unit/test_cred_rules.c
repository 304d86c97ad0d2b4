/*
 * Unit tests for kernel/cred/set_id_rules.c (set*id, R7.2, with the R4.10 fix-ups; who may
 * setgroups, R3.23), kernel/cred/capability_rules.c (capset, ambient, securebits R4.9, each at
 * its boundaries) and kernel/exec/set_id_exec.c (set-id bits, R8.6, Obs 8b).
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
#include <kuid/cred.h>
#include <kuid/exec.h>
#include <kuid/user_namespace.h>
#include <uapi/capability.h>
#include <uapi/errno.h>
#include <uapi/stat.h>

#define CAPS(...) ((kernel_cap_t){ caps_of((const int[]){ __VA_ARGS__, -1 }) })
#define K(uid) ((kuid_t){ (uid) })
#define G(gid) ((kgid_t){ (gid) })
#define LEAVE INVALID_UID
#define LEAVE_G INVALID_GID

static uint64_t caps_of(const int *list)
{
	uint64_t bits = 0;

	for (; *list >= 0; list++)
		bits |= 1ull << *list;
	return bits;
}

/* A cred with distinct real, effective and saved uids (kernel ids), every capability. */
static struct cred three_uids(struct user_namespace *ns, uint32_t r, uint32_t e, uint32_t s)
{
	struct cred cred = root_cred_in(ns, r, r);

	cred.euid = cred.fsuid = K(e);
	cred.suid = K(s);
	return cred;
}

/* ---- set*id (R7.2) ---- */

static void test_setuid_unprivileged_moves_among_real_and_saved_only(void **state)
{
	struct cred old_cred = three_uids(&init_user_ns, 1000, 1001, 1002);
	struct cred new_cred = old_cred;
	struct userns_refusal refusal = { 0 };

	(void)state;
	old_cred.cap_effective = old_cred.cap_permitted = CAP_EMPTY_SET;
	new_cred = old_cred;
	assert_int_equal(cred_setuid(&new_cred, &old_cred, K(1002), false, NULL), 0);
	assert_int_equal(__kuid_val(new_cred.euid), 1002);
	assert_int_equal(__kuid_val(new_cred.fsuid), 1002);
	assert_int_equal(__kuid_val(new_cred.uid), 1000);	/* unprivileged: real stays */
	new_cred = old_cred;
	/* The effective uid alone is not enough: setuid looks at real and saved. */
	assert_int_equal(cred_setuid(&new_cred, &old_cred, K(1001), false, &refusal), -EPERM);
	assert_int_equal(refusal.rule, RULE_R7_2_SET_ID);
	drop_cred(&old_cred);
}

static void test_setuid_privileged_sets_all_and_drops_caps(void **state)
{
	struct cred old_cred = root_cred_in(&init_user_ns, 0, 0);
	struct cred new_cred = old_cred;

	(void)state;
	assert_int_equal(cred_setuid(&new_cred, &old_cred, K(1000), true, NULL), 0);
	assert_int_equal(__kuid_val(new_cred.uid), 1000);
	assert_int_equal(__kuid_val(new_cred.suid), 1000);
	/* R4.10: every uid left root: permitted and effective empty. */
	assert_true(new_cred.cap_permitted.bits == 0);
	assert_true(new_cred.cap_effective.bits == 0);
	drop_cred(&old_cred);
}

static void test_setuid_keep_caps_keeps_permitted(void **state)
{
	struct cred old_cred = root_cred_in(&init_user_ns, 0, 0);
	struct cred new_cred;

	(void)state;
	old_cred.securebits = SECBIT_KEEP_CAPS;
	new_cred = old_cred;
	assert_int_equal(cred_setresuid(&new_cred, &old_cred, K(5), K(5), K(5), true, NULL), 0);
	assert_true(new_cred.cap_permitted.bits == CAP_FULL_SET.bits);
	assert_true(new_cred.cap_effective.bits == 0);	/* euid left root */
	drop_cred(&old_cred);
}

static void test_setreuid_saves_the_new_effective(void **state)
{
	struct cred old_cred = three_uids(&init_user_ns, 1000, 1001, 1002);
	struct cred new_cred = old_cred;

	(void)state;
	/* Only the effective uid, to a value other than the real: saved follows it. */
	assert_int_equal(cred_setreuid(&new_cred, &old_cred, LEAVE, K(1002), false, NULL), 0);
	assert_int_equal(__kuid_val(new_cred.suid), 1002);
	/* Effective back to the real uid: saved stays. */
	new_cred = old_cred;
	assert_int_equal(cred_setreuid(&new_cred, &old_cred, LEAVE, K(1000), false, NULL), 0);
	assert_int_equal(__kuid_val(new_cred.suid), 1002);
	/* The real uid may become the effective but not the saved one. */
	new_cred = old_cred;
	assert_int_equal(cred_setreuid(&new_cred, &old_cred, K(1001), LEAVE, false, NULL), 0);
	new_cred = old_cred;
	assert_int_equal(cred_setreuid(&new_cred, &old_cred, K(1002), LEAVE, false, NULL), -EPERM);
	drop_cred(&old_cred);
}

static void test_setresuid_boundaries(void **state)
{
	struct cred old_cred = three_uids(&init_user_ns, 1000, 1001, 1002);
	struct cred new_cred = old_cred;

	(void)state;
	/* Any permutation of the three is allowed without privilege ... */
	assert_int_equal(cred_setresuid(&new_cred, &old_cred, K(1002), K(1000), K(1001), false,
					NULL), 0);
	assert_int_equal(__kuid_val(new_cred.fsuid), 1000);
	/* ... -1 everywhere is a no-op ... */
	new_cred = old_cred;
	assert_int_equal(cred_setresuid(&new_cred, &old_cred, LEAVE, LEAVE, LEAVE, false, NULL), 0);
	assert_true(uid_eq(new_cred.euid, old_cred.euid));
	/* ... one new id anywhere is not. */
	new_cred = old_cred;
	assert_int_equal(cred_setresuid(&new_cred, &old_cred, LEAVE, LEAVE, K(1003), false, NULL),
			 -EPERM);
	drop_cred(&old_cred);
}

static void test_setresgid_and_setregid(void **state)
{
	struct cred old_cred = cred_in(&init_user_ns, 1000, 100);
	struct cred new_cred = old_cred;

	(void)state;
	assert_int_equal(cred_setresgid(&new_cred, &old_cred, LEAVE_G, G(7), LEAVE_G, false, NULL),
			 -EPERM);
	assert_int_equal(cred_setresgid(&new_cred, &old_cred, G(7), G(7), G(7), true, NULL), 0);
	assert_int_equal(__kgid_val(new_cred.fsgid), 7);
	new_cred = old_cred;
	assert_int_equal(cred_setregid(&new_cred, &old_cred, LEAVE_G, G(8), true, NULL), 0);
	assert_int_equal(__kgid_val(new_cred.sgid), 8);
	new_cred = old_cred;
	assert_int_equal(cred_setgid(&new_cred, &old_cred, G(9), false, NULL), -EPERM);
	assert_int_equal(cred_setgid(&new_cred, &old_cred, G(100), false, NULL), 0);
	drop_cred(&old_cred);
}

static void test_setfsuid_never_fails_and_fixes_fs_caps(void **state)
{
	struct cred old_cred = root_cred_in(&init_user_ns, 0, 0);
	struct cred new_cred = old_cred;
	struct cred user = cred_in(&init_user_ns, 1000, 1000);

	(void)state;
	assert_true(cred_setfsuid(&new_cred, &old_cred, K(1000), true));
	/* R4.10: fsuid leaving root drops the file-system capabilities from effective. */
	assert_false(cap_raised(new_cred.cap_effective, CAP_DAC_OVERRIDE));
	assert_true(cap_raised(new_cred.cap_effective, CAP_KILL));
	/* Unprivileged to a foreign id, or to an invalid one: nothing changes. */
	new_cred = user;
	assert_false(cred_setfsuid(&new_cred, &user, K(0), false));
	assert_false(cred_setfsuid(&new_cred, &user, INVALID_UID, true));
	assert_int_equal(__kuid_val(new_cred.fsuid), 1000);
	drop_cred(&old_cred);
	drop_cred(&user);
}

/* Root in a namespace whose uid 0 is kid 100000 (Obs 7b's map "0 100000 10"). */
static void test_fixups_are_relative_to_the_namespace_root(void **state)
{
	struct cred creator = root_cred_in(&init_user_ns, 0, 0);
	struct user_namespace *ns = must_create(&creator);
	struct cred old_cred, new_cred;

	(void)state;
	write_uid_map(ns, "0 100000 10");
	write_gid_map(ns, "0 100000 10");
	/* Host root (kid 0) is nobody here: setresuid(0) in the ns = kid 100000 fills effective. */
	old_cred = creator;
	old_cred.cap_effective = CAP_EMPTY_SET;
	new_cred = old_cred;
	assert_int_equal(cred_setresuid(&new_cred, &old_cred, K(100000), K(100000), K(100000), true,
					NULL), 0);
	assert_true(new_cred.cap_effective.bits == CAP_FULL_SET.bits);
	/* ... and setresuid(5) (kid 100005) leaves root: everything goes (caps_after_unshare). */
	old_cred = new_cred;
	assert_int_equal(cred_setresuid(&new_cred, &old_cred, K(100005), K(100005), K(100005), true,
					NULL), 0);
	assert_true(new_cred.cap_permitted.bits == 0 && new_cred.cap_effective.bits == 0);
	drop_cred(&creator);
}

/* ---- setgroups (R3.23) ---- */

static void test_setgroups_needs_cap_gid_map_and_allow(void **state)
{
	struct cred creator = cred_in(&init_user_ns, TESTER, TESTER);
	struct userns_refusal refusal = { 0 };
	struct user_namespace *ns;
	struct cred capless;

	(void)state;
	assert_int_equal(cred_may_setgroups(&creator, &refusal), -EPERM);	/* no CAP_SETGID */
	ns = must_create(&creator);
	/* Full caps in the new namespace, but no gid_map yet (Obs 1: EPERM). */
	assert_int_equal(cred_may_setgroups(&creator, &refusal), -EPERM);
	assert_int_equal(refusal.rule, RULE_R3_23_SETGROUPS);
	ns->flags &= ~USERNS_SETGROUPS_ALLOWED;	/* "deny", as an unprivileged creator writes */
	write_gid_map(ns, "0 1001 1");
	assert_int_equal(cred_may_setgroups(&creator, NULL), -EPERM);	/* deny */
	ns->flags |= USERNS_SETGROUPS_ALLOWED;
	assert_int_equal(cred_may_setgroups(&creator, NULL), 0);
	capless = creator;
	capless.cap_effective = cap_lower(capless.cap_effective, CAP_SETGID);
	assert_int_equal(cred_may_setgroups(&capless, NULL), -EPERM);
	drop_cred(&creator);
}

/* ---- capset (commoncap.c's cap_capset), each rule at its boundary ---- */

static void test_capset_rules(void **state)
{
	struct cred old_cred = cred_in(&init_user_ns, 1000, 1000);
	kernel_cap_t p = CAPS(CAP_KILL, CAP_CHOWN);
	struct userns_refusal refusal = { 0 };

	(void)state;
	old_cred.cap_permitted = p;
	old_cred.cap_inheritable = CAPS(CAP_NET_RAW);
	old_cred.cap_bounding = CAP_FULL_SET;
	/* Equal sets are fine; effective may be all of permitted. */
	assert_int_equal(capset_check(&old_cred, p, p, CAPS(CAP_NET_RAW), false, NULL), 0);
	/* Permitted may shrink but not grow, by one capability. */
	assert_int_equal(capset_check(&old_cred, CAP_EMPTY_SET, CAPS(CAP_KILL), CAP_EMPTY_SET,
				      false, NULL), 0);
	assert_int_equal(capset_check(&old_cred, CAP_EMPTY_SET, CAPS(CAP_KILL, CAP_CHOWN, CAP_FOWNER),
				      CAP_EMPTY_SET, false, &refusal), -EPERM);
	assert_int_equal(refusal.rule, RULE_R4_CAPSET);
	/* Effective beyond the new permitted, by one capability. */
	assert_int_equal(capset_check(&old_cred, p, CAPS(CAP_KILL), CAP_EMPTY_SET, false, NULL),
			 -EPERM);
	/* Inheritable: within old inheritable | permitted without CAP_SETPCAP ... */
	assert_int_equal(capset_check(&old_cred, CAP_EMPTY_SET, p, CAPS(CAP_NET_RAW, CAP_CHOWN),
				      false, NULL), 0);
	assert_int_equal(capset_check(&old_cred, CAP_EMPTY_SET, p, CAPS(CAP_SYS_ADMIN), false,
				      NULL), -EPERM);
	/* ... anything in the bounding set with it ... */
	assert_int_equal(capset_check(&old_cred, CAP_EMPTY_SET, p, CAPS(CAP_SYS_ADMIN), true, NULL),
			 0);
	/* ... but never what the bounding set dropped. */
	old_cred.cap_bounding = cap_lower(CAP_FULL_SET, CAP_SYS_ADMIN);
	assert_int_equal(capset_check(&old_cred, CAP_EMPTY_SET, p, CAPS(CAP_SYS_ADMIN), true, NULL),
			 -EPERM);
	drop_cred(&old_cred);
}

static void test_capset_apply_trims_ambient(void **state)
{
	struct cred cred = cred_in(&init_user_ns, 1000, 1000);

	(void)state;
	cred.cap_ambient = CAPS(CAP_KILL, CAP_CHOWN);
	capset_apply(&cred, CAP_EMPTY_SET, CAPS(CAP_KILL, CAP_CHOWN), CAPS(CAP_KILL));
	assert_true(cred.cap_ambient.bits == CAPS(CAP_KILL).bits);
	drop_cred(&cred);
}

static void test_ambient_raise(void **state)
{
	struct cred cred = cred_in(&init_user_ns, 1000, 1000);

	(void)state;
	cred.cap_permitted = CAPS(CAP_KILL, CAP_CHOWN);
	cred.cap_inheritable = CAPS(CAP_KILL);
	assert_int_equal(ambient_raise_check(&cred, CAP_KILL, NULL), 0);
	assert_int_equal(ambient_raise_check(&cred, CAP_CHOWN, NULL), -EPERM);	/* not inheritable */
	cred.securebits = SECBIT_NO_CAP_AMBIENT_RAISE;
	assert_int_equal(ambient_raise_check(&cred, CAP_KILL, NULL), -EPERM);
	drop_cred(&cred);
}

static void test_securebits(void **state)
{
	struct userns_refusal refusal = { 0 };

	(void)state;
	assert_int_equal(securebits_check(0, SECBIT_NOROOT | SECBIT_NOROOT_LOCKED, true, NULL), 0);
	assert_int_equal(securebits_check(0, SECBIT_NOROOT, false, &refusal), -EPERM);
	assert_int_equal(refusal.rule, RULE_R4_9_SECUREBITS);
	/* A locked bit keeps its value; a lock stays; unknown bits are refused. */
	assert_int_equal(securebits_check(SECBIT_NOROOT | SECBIT_NOROOT_LOCKED,
					  SECBIT_NOROOT_LOCKED, true, NULL), -EPERM);
	assert_int_equal(securebits_check(SECBIT_NOROOT_LOCKED, 0, true, NULL), -EPERM);
	assert_int_equal(securebits_check(SECBIT_NOROOT_LOCKED,
					  SECBIT_NOROOT_LOCKED | SECBIT_KEEP_CAPS, true, NULL), 0);
	assert_int_equal(securebits_check(0, 1u << 8, true, NULL), -EPERM);
}

/* ---- set-id programs (R8.6, Obs 8b: map "0 100000 10\n10 1001 1", caller ns uid 10) ---- */

static void test_set_id_exec_needs_both_ids_mapped(void **state)
{
	struct cred creator = root_cred_in(&init_user_ns, 0, 0);
	struct user_namespace *ns = must_create(&creator);
	struct cred caller;
	struct exec_file_owner file = { .mode = S_IFREG | S_ISUID | S_ISGID | 0755 };

	(void)state;
	write_uid_map(ns, "0 100000 10\n10 1001 1");
	write_gid_map(ns, "0 100000 10\n10 1001 1");
	caller = creator;
	caller.uid = caller.euid = K(1001);
	caller.gid = caller.egid = G(1001);

	file.uid = K(100000);	/* suid_nsroot: both mapped, euid and egid become ns root */
	file.gid = G(100000);
	exec_apply_set_id(&caller, &file);
	assert_int_equal(__kuid_val(caller.euid), 100000);
	assert_int_equal(__kgid_val(caller.egid), 100000);

	caller.euid = K(1001);
	caller.egid = G(1001);
	file.gid = G(0);	/* suid_nsroot_gid0: the group is unmapped, both bits ignored */
	exec_apply_set_id(&caller, &file);
	assert_int_equal(__kuid_val(caller.euid), 1001);
	assert_int_equal(__kgid_val(caller.egid), 1001);

	file.uid = K(0);	/* suid_root: host root is unmapped */
	exec_apply_set_id(&caller, &file);
	assert_int_equal(__kuid_val(caller.euid), 1001);

	file.uid = K(100001);	/* a nosuid mount: nothing */
	file.gid = G(100001);
	file.nosuid = true;
	exec_apply_set_id(&caller, &file);
	assert_int_equal(__kuid_val(caller.euid), 1001);

	file.nosuid = false;	/* S_ISGID without group execute is not "run as group" */
	file.mode = S_IFREG | S_ISGID | 0745;
	exec_apply_set_id(&caller, &file);
	assert_int_equal(__kgid_val(caller.egid), 1001);
	drop_cred(&creator);
}

static int start_heap(void **state)
{
	(void)state;
	host_kernel_heap_start();	/* map tables come from the kernel heap */
	return 0;
}

static int no_namespace_left(void **state)
{
	(void)state;
	assert_int_equal(user_namespaces_alive(), 0);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_setuid_unprivileged_moves_among_real_and_saved_only),
		cmocka_unit_test(test_setuid_privileged_sets_all_and_drops_caps),
		cmocka_unit_test(test_setuid_keep_caps_keeps_permitted),
		cmocka_unit_test(test_setreuid_saves_the_new_effective),
		cmocka_unit_test(test_setresuid_boundaries),
		cmocka_unit_test(test_setresgid_and_setregid),
		cmocka_unit_test(test_setfsuid_never_fails_and_fixes_fs_caps),
		cmocka_unit_test(test_fixups_are_relative_to_the_namespace_root),
		cmocka_unit_test(test_setgroups_needs_cap_gid_map_and_allow),
		cmocka_unit_test(test_capset_rules),
		cmocka_unit_test(test_capset_apply_trims_ambient),
		cmocka_unit_test(test_ambient_raise),
		cmocka_unit_test(test_securebits),
		cmocka_unit_test(test_set_id_exec_needs_both_ids_mapped),
	};

	return cmocka_run_group_tests(tests, start_heap, no_namespace_left);
}
