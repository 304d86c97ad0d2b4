/*
 * procfs_tests.c: the /proc map files and setgroups with hand-built namespaces and credentials
 * (the order of refusals of R3.16, each with its rule; the opener's view of R2.6 with the
 * numbers of Obs 3e; setgroups' one-way switch, R3.21), and /proc/PID/status of a real process.
 */
#include <kuid/capability.h>
#include <kuid/cred.h>
#include <kuid/heap.h>
#include <kuid/ktest.h>
#include <kuid/printk.h>
#include <kuid/procfs.h>
#include <kuid/sched.h>
#include <kuid/string.h>
#include <kuid/task.h>
#include <kuid/user_namespace.h>
#include <uapi/errno.h>

#include "identity_helpers.h"

#define TESTER 1001u
#define OTHER 1002u

/* A child of parent created by `creator` (its euid owns it); cred then lives in it. */
static struct user_namespace *test_child(struct cred *creator)
{
	return create_user_ns(creator, false, NULL) == 0 ? creator->user_ns : NULL;
}

/* One write at position 0 (or *at); the errno, or 0 when all of text was taken. */
static int write_map(enum id_map_kind kind, struct user_namespace *target,
		     const struct cred *opener, const struct cred *writer, const char *text,
		     enum userns_rule *rule)
{
	struct userns_refusal refusal = { 0 };
	uint64_t position = 0;
	ssize_t done = id_map_write(kind, target, opener, writer, text, strlen(text), &position,
				    &refusal);

	if (rule)
		*rule = refusal.rule;
	if (done >= 0 && position != strlen(text))
		return -EIO;	/* the position must advance by count */
	return done < 0 ? (int)done : 0;
}

/* Is needle somewhere in text? (kuid's string.h has no strstr.) */
static bool contains(const char *text, const char *needle)
{
	size_t length = strlen(needle);

	for (; *text; text++)
		if (strncmp(text, needle, length) == 0)
			return true;
	return false;
}

static bool map_reads(enum id_map_kind kind, struct user_namespace *target,
		      const struct cred *opener, const char *expected)
{
	char text[256];
	ssize_t length = id_map_show(kind, target, opener, text, sizeof(text));

	if (length < 0 || strcmp(text, expected) != 0) {
		printk(LOG_INFO, "procfs test: map read \"%s\", expected \"%s\"\n",
		       length < 0 ? "(error)" : text, expected);
		return false;
	}
	return true;
}

KTEST(procfs, map_write_refusals_come_in_linux_order)
{
	struct cred root = ktest_cred(&init_user_ns, 0, 0, CAP_FULL_SET);
	struct cred tester = ktest_cred(&init_user_ns, TESTER, TESTER, CAP_EMPTY_SET);
	struct cred other = ktest_cred(&init_user_ns, OTHER, OTHER, CAP_EMPTY_SET);
	struct cred inside = ktest_cred(&init_user_ns, TESTER, TESTER, CAP_EMPTY_SET);
	struct cred sibling_creator = ktest_cred(&init_user_ns, TESTER, TESTER, CAP_EMPTY_SET);
	struct user_namespace *child = test_child(&inside);	/* owned by 1001, inside is in it */
	struct user_namespace *sibling = test_child(&sibling_creator);
	enum userns_rule rule;
	uint64_t position = 1;

	KTEST_ASSERT(child && sibling);
	/* R3.2: the initial namespace, even for root. */
	KTEST_EXPECT_EQ(write_map(ID_MAP_UID, &init_user_ns, &root, &root, "0 0 1", &rule),
			-EPERM);
	KTEST_EXPECT_EQ(rule, RULE_R3_2_INITIAL_NAMESPACE);
	/* R3.3: an opener in a sibling namespace. */
	KTEST_EXPECT_EQ(write_map(ID_MAP_UID, child, &sibling_creator, &root, "0 1001 1", &rule),
			-EPERM);
	KTEST_EXPECT_EQ(rule, RULE_R3_3_OPENER_NAMESPACE);
	/* R3.4: offset and size, before anything about the map. */
	KTEST_EXPECT_EQ(id_map_write(ID_MAP_UID, child, &root, &root, "0 0 1", 5, &position,
				     NULL), -EINVAL);
	position = 0;
	KTEST_EXPECT_EQ(id_map_write(ID_MAP_UID, child, &root, &root, "0 0 1", 4096, &position,
				     NULL), -EINVAL);
	/* R3.7: 1002 in the parent is neither the owner nor capable (projid does not ask). */
	KTEST_EXPECT_EQ(write_map(ID_MAP_UID, child, &other, &other, "0 1002 1", &rule), -EPERM);
	KTEST_EXPECT_EQ(rule, RULE_R3_7_OPENER_NOT_ADMIN);
	/* R3.16: syntax (R3.9) comes before permission: the owner's "0 0 0" is EINVAL. */
	KTEST_EXPECT_EQ(write_map(ID_MAP_UID, child, &tester, &tester, "0 0 0", &rule), -EINVAL);
	KTEST_EXPECT_EQ(rule, RULE_R3_9_RANGE);
	/* R3.13b: the owner maps only its own euid. */
	KTEST_EXPECT_EQ(write_map(ID_MAP_UID, child, &inside, &inside, "0 1002 1", &rule), -EPERM);
	KTEST_EXPECT_EQ(rule, RULE_R3_13_NOT_PERMITTED);
	KTEST_EXPECT_EQ(write_map(ID_MAP_UID, child, &inside, &inside, "0 1001 2", &rule), -EPERM);
	/* R3.13d: root writing through an fd the owner opened: still only the owner's id. */
	KTEST_EXPECT_EQ(write_map(ID_MAP_UID, child, &tester, &root, "0 100000 10", &rule), -EPERM);
	KTEST_EXPECT_EQ(rule, RULE_R3_13_NOT_PERMITTED);
	KTEST_EXPECT_EQ(write_map(ID_MAP_UID, child, &inside, &other, "5 1001 1", NULL), 0);
	/* R3.6: once written, even a malformed write is EPERM, not EINVAL. */
	KTEST_EXPECT_EQ(write_map(ID_MAP_UID, child, &root, &root, "0 0 0", &rule), -EPERM);
	KTEST_EXPECT_EQ(rule, RULE_R3_6_WRITE_ONCE);
	/* R3.13c, R3.17: projid needs no capability at all. */
	KTEST_EXPECT_EQ(write_map(ID_MAP_PROJID, child, &tester, &tester, "0 0 4294967295", NULL),
			0);

	put_user_ns(sibling);
	put_user_ns(child);
	put_user_ns(other.user_ns);
	put_user_ns(tester.user_ns);
	put_user_ns(root.user_ns);
}

KTEST(procfs, root_guard_and_writer_capabilities)
{
	kernel_cap_t no_setfcap = cap_lower(CAP_FULL_SET, CAP_SETFCAP);
	struct cred root = ktest_cred(&init_user_ns, 0, 0, CAP_FULL_SET);
	struct cred capless_root = ktest_cred(&init_user_ns, 0, 0, no_setfcap);
	struct cred creator = ktest_cred(&init_user_ns, 0, 0, CAP_FULL_SET);
	struct cred other = ktest_cred(&init_user_ns, OTHER, OTHER, CAP_EMPTY_SET);
	struct user_namespace *child = test_child(&creator);
	struct user_namespace *second = NULL, *third = NULL;
	struct cred creator2 = ktest_cred(&init_user_ns, 0, 0, CAP_FULL_SET);
	struct cred creator3 = ktest_cred(&init_user_ns, 0, 0, no_setfcap);
	enum userns_rule rule;

	KTEST_ASSERT(child);
	second = test_child(&creator2);
	third = test_child(&creator3);	/* created without CAP_SETFCAP effective */
	KTEST_ASSERT(second && third);
	/* R3.13a: the parent's root needs the opener's CAP_SETFCAP (Obs 3b). */
	KTEST_EXPECT_EQ(write_map(ID_MAP_UID, child, &capless_root, &root, "0 0 1", &rule),
			-EPERM);
	KTEST_EXPECT_EQ(rule, RULE_R3_13_NOT_PERMITTED);
	KTEST_EXPECT_EQ(write_map(ID_MAP_UID, child, &capless_root, &root, "1 1 10", NULL), 0);
	/* R3.13d: a capable opener, but the writer (uid 1002) lacks CAP_SETUID. */
	KTEST_EXPECT_EQ(write_map(ID_MAP_GID, second, &root, &other, "0 100000 10", &rule),
			-EPERM);
	KTEST_EXPECT_EQ(rule, RULE_R3_13_NOT_PERMITTED);
	KTEST_EXPECT_EQ(write_map(ID_MAP_GID, second, &root, &root, "0 100000 10", NULL), 0);
	/* R3.13a from inside: parent_could_setfcap decides. */
	KTEST_EXPECT_EQ(write_map(ID_MAP_UID, third, &creator3, &creator3, "0 0 1", &rule),
			-EPERM);
	KTEST_EXPECT_EQ(write_map(ID_MAP_UID, second, &creator2, &creator2, "0 0 1", NULL), 0);

	put_user_ns(third);
	put_user_ns(second);
	put_user_ns(child);
	put_user_ns(other.user_ns);
	put_user_ns(capless_root.user_ns);
	put_user_ns(root.user_ns);
}

KTEST(procfs, maps_read_in_the_openers_view)
{
	struct cred root = ktest_cred(&init_user_ns, 0, 0, CAP_FULL_SET);
	struct cred in_a = ktest_cred(&init_user_ns, 0, 0, CAP_FULL_SET);
	struct user_namespace *a = test_child(&in_a);
	struct user_namespace *b = NULL;
	struct cred in_b;
	enum userns_rule rule;

	KTEST_ASSERT(a);
	KTEST_ASSERT(write_map(ID_MAP_UID, a, &root, &root, "0 100000 1000", NULL) == 0);
	KTEST_ASSERT(write_map(ID_MAP_GID, a, &root, &root, "0 100000 1000", NULL) == 0);
	/* As after setresuid(0)/setresgid(0) inside A: kernel ids 100000. */
	in_a.euid = in_a.uid = in_a.fsuid = in_a.suid = (kuid_t){ 100000 };
	in_a.egid = in_a.gid = in_a.fsgid = in_a.sgid = (kgid_t){ 100000 };
	in_b = in_a;
	get_user_ns(a);
	b = test_child(&in_b);
	KTEST_ASSERT(b);
	/* Obs 3e: from A, B's map must lie inside A's (R3.14). */
	KTEST_EXPECT_EQ(write_map(ID_MAP_UID, b, &in_a, &in_a, "0 1000 1", &rule), -EPERM);
	KTEST_EXPECT_EQ(rule, RULE_R3_14_NOT_IN_PARENT);
	KTEST_EXPECT_EQ(write_map(ID_MAP_UID, b, &in_a, &in_a, "0 999 2", NULL), -EPERM);
	KTEST_EXPECT_EQ(write_map(ID_MAP_UID, b, &in_a, &in_a, "0 10 5", NULL), 0);
	/* R2.6, R2.7: each reader sees the lower ids in its own (or the parent's) numbering. */
	KTEST_EXPECT(map_reads(ID_MAP_UID, b, &in_a, "         0         10          5\n"));
	KTEST_EXPECT(map_reads(ID_MAP_UID, a, &in_a, "         0     100000       1000\n"));
	KTEST_EXPECT(map_reads(ID_MAP_UID, &init_user_ns, &in_a,
			       "         0 4294967295 4294967295\n"));
	KTEST_EXPECT(map_reads(ID_MAP_UID, b, &root, "         0     100010          5\n"));
	KTEST_EXPECT(map_reads(ID_MAP_UID, b, &in_b, "         0         10          5\n"));
	KTEST_EXPECT(map_reads(ID_MAP_UID, a, &in_b, "         0 4294967295       1000\n"));
	KTEST_EXPECT(map_reads(ID_MAP_GID, b, &root, ""));

	put_user_ns(b);
	put_user_ns(a);
	put_user_ns(root.user_ns);
}

static int write_setgroups(struct user_namespace *ns, const char *text, enum userns_rule *rule)
{
	struct userns_refusal refusal = { 0 };
	uint64_t position = 0;
	ssize_t done = setgroups_write(ns, text, strlen(text), &position, &refusal);

	*rule = refusal.rule;
	return done < 0 ? (int)done : 0;
}

KTEST(procfs, setgroups_switches_one_way)
{
	struct cred tester = ktest_cred(&init_user_ns, TESTER, TESTER, CAP_EMPTY_SET);
	struct user_namespace *child = test_child(&tester);
	struct user_namespace *grandchild = NULL;
	enum userns_rule rule;

	KTEST_ASSERT(child);
	/* R3.20: the words, exactly. */
	KTEST_EXPECT_EQ(write_setgroups(child, "Deny", &rule), -EINVAL);
	KTEST_EXPECT_EQ(rule, RULE_R3_20_SETGROUPS_FORMAT);
	KTEST_EXPECT_EQ(write_setgroups(child, "deny x", &rule), -EINVAL);
	KTEST_EXPECT_EQ(write_setgroups(child, "denydeny", &rule), -EINVAL);
	/* R3.21: allow is a no-op, deny is idempotent, allow after deny is refused. */
	KTEST_EXPECT_EQ(write_setgroups(child, "allow", &rule), 0);
	KTEST_EXPECT_EQ(write_setgroups(child, "deny\n", &rule), 0);
	KTEST_EXPECT_EQ(write_setgroups(child, "deny", &rule), 0);
	KTEST_EXPECT_EQ(write_setgroups(child, "allow", &rule), -EPERM);
	KTEST_EXPECT_EQ(rule, RULE_R3_21_SETGROUPS_STATE);
	/* R3.13b: with setgroups denied, the owner may map its own gid. */
	KTEST_EXPECT_EQ(write_map(ID_MAP_GID, child, &tester, &tester, "0 1001 1", NULL), 0);
	/* R3.21: deny after gid_map is refused, even though it is already deny. */
	KTEST_EXPECT_EQ(write_setgroups(child, "deny", &rule), -EPERM);
	/* R3.22: a child of a "deny" namespace starts "deny". */
	KTEST_ASSERT(write_map(ID_MAP_UID, child, &tester, &tester, "0 1001 1", NULL) == 0);
	tester.euid = tester.uid = tester.fsuid = tester.suid = (kuid_t){ TESTER };
	get_user_ns(child);
	grandchild = test_child(&tester);
	KTEST_ASSERT(grandchild);
	KTEST_EXPECT_EQ(write_setgroups(grandchild, "allow", &rule), -EPERM);
	/* The initial namespace: allow succeeds, deny does not (its gid_map is written). */
	KTEST_EXPECT_EQ(write_setgroups(&init_user_ns, "allow", &rule), 0);
	KTEST_EXPECT_EQ(write_setgroups(&init_user_ns, "deny", &rule), -EPERM);

	put_user_ns(grandchild);
	put_user_ns(child);
}

KTEST(procfs, status_lists_ids_in_the_readers_namespace)
{
	/* Long enough to be read while it sleeps, short enough not to slow the run. */
	static const char *const argv[] = { "sleep", "0.3", NULL };
	static const char *const envp[] = { NULL };
	struct cred reader = ktest_cred(&init_user_ns, TESTER, TESTER, CAP_EMPTY_SET);
	struct user_namespace *unmapped = test_child(&reader);
	struct process *process;
	char *text = kmalloc(4096);
	ssize_t length;

	KTEST_ASSERT(text && unmapped);
	KTEST_EXPECT_EQ(proc_status_show(PID_MAX, &init_user_ns, text, 4096), -ESRCH);
	KTEST_ASSERT(task_spawn("/bin/sleep", argv, envp, &process) == 0);
	thread_sleep_milliseconds(50);		/* let it exec */
	length = proc_status_show(process->pid, &init_user_ns, text, 4096);
	KTEST_EXPECT(length > 0);
	if (length > 0) {
		KTEST_EXPECT(strncmp(text, "Name:\tsleep\nUmask:\t0022\nState:\t", 30) == 0);
		KTEST_EXPECT(contains(text, "\nUid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n"));
		KTEST_EXPECT(contains(text, "\nGroups:\t \nNStgid:\t"));
		KTEST_EXPECT(contains(text, "\nCapEff:\t000001ffffffffff\n"));
		KTEST_EXPECT(contains(text, "\nSigBlk:\t0000000000000000\n"));
	}
	/* From a namespace that maps nobody, root is the overflow id (R7.1). */
	length = proc_status_show(process->pid, unmapped, text, 4096);
	KTEST_EXPECT(length > 0 && contains(text, "\nUid:\t65534\t65534\t65534\t65534\n"));
	KTEST_EXPECT_EQ(process_wait_exit(process), 0);
	thread_sleep_milliseconds(30);		/* let the ended threads be freed */
	kfree(text);
	put_user_ns(unmapped);
}
