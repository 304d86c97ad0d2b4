/*
 * cred_tests.c: credentials inside the running kernel, on the real heap: copies never change
 * the original (copy on write), every prepare ends in a commit or an abort that gives every
 * reference back (the runner also compares the heap's live objects around each test), set*id
 * transitions with their capability fix-ups, and the setgroups rules (R3.23). The ktest thread
 * is a kernel thread: its credentials are init's, and committing replaces nothing.
 */
#include <kuid/capability.h>
#include <kuid/cred.h>
#include <kuid/heap.h>
#include <kuid/id_map.h>
#include <kuid/ktest.h>
#include <kuid/string.h>
#include <kuid/user_namespace.h>
#include <uapi/capability.h>
#include <uapi/errno.h>

#include "identity_helpers.h"

KTEST(cred, init_cred_lives_in_the_initial_namespace)
{
	const struct cred *cred = cred_init();

	KTEST_EXPECT(cred->user_ns == &init_user_ns);
	KTEST_EXPECT(cred->cap_effective.bits == CAP_FULL_SET.bits);
	KTEST_EXPECT(capable(CAP_SYS_ADMIN));	/* R4.2: the kernel thread is init's root */
	put_cred(cred);
}

KTEST(cred, a_copy_never_changes_the_original)
{
	const struct cred *original = current_cred();
	struct cred *copy = cred_prepare();

	KTEST_ASSERT(copy != NULL);
	KTEST_EXPECT(copy != original);
	copy->euid = (kuid_t){ 1000 };
	copy->cap_effective = CAP_EMPTY_SET;
	KTEST_EXPECT_EQ(__kuid_val(original->euid), 0);
	KTEST_EXPECT(original->cap_effective.bits == CAP_FULL_SET.bits);
	KTEST_EXPECT(copy->groups == original->groups);	/* shared, with a reference */
	KTEST_EXPECT(copy->user_ns == original->user_ns);
	cred_abort(copy);
}

KTEST(cred, a_thousand_prepares_give_every_reference_back)
{
	const struct cred *cred = current_cred();
	unsigned int cred_references = cred->references;
	unsigned int group_references = cred->groups->references;
	unsigned int namespace_references = init_user_ns.ns.references;

	for (int i = 0; i < 1000; i++) {
		struct cred *copy = cred_prepare();

		KTEST_ASSERT(copy != NULL);
		KTEST_EXPECT_EQ(init_user_ns.ns.references, namespace_references + 1);
		if (i % 2)
			cred_commit(copy);	/* a kernel thread: the copy is simply put */
		else
			cred_abort(copy);
	}
	KTEST_EXPECT_EQ(cred->references, cred_references);
	KTEST_EXPECT_EQ(cred->groups->references, group_references);
	KTEST_EXPECT_EQ(init_user_ns.ns.references, namespace_references);
}

KTEST(cred, get_and_put_balance)
{
	const struct cred *cred = current_cred();
	unsigned int before = cred->references;

	for (int i = 0; i < 1000; i++)
		get_cred(cred);
	KTEST_EXPECT_EQ(cred->references, before + 1000);
	for (int i = 0; i < 1000; i++)
		put_cred(cred);
	KTEST_EXPECT_EQ(cred->references, before);
}

KTEST(cred, setresuid_to_a_user_drops_every_capability)
{
	struct cred *copy = cred_prepare();

	KTEST_ASSERT(copy != NULL);
	KTEST_EXPECT_EQ(cred_setresuid(copy, current_cred(), (kuid_t){ 1000 }, (kuid_t){ 1000 },
				       (kuid_t){ 1000 }, true, NULL), 0);
	KTEST_EXPECT(copy->cap_permitted.bits == 0);	/* R4.10 */
	KTEST_EXPECT(copy->cap_effective.bits == 0);
	KTEST_EXPECT_EQ(__kuid_val(copy->fsuid), 1000);
	cred_abort(copy);
}

KTEST(cred, seteuid_away_and_back_refills_effective)
{
	struct cred *away = cred_prepare(), *back;

	KTEST_ASSERT(away != NULL);
	KTEST_EXPECT_EQ(cred_setreuid(away, current_cred(), INVALID_UID, (kuid_t){ 1000 }, true,
				      NULL), 0);
	KTEST_EXPECT(away->cap_effective.bits == 0);
	KTEST_EXPECT(away->cap_permitted.bits == CAP_FULL_SET.bits);	/* real uid still 0 */
	back = kmalloc(sizeof(*back));
	KTEST_ASSERT(back != NULL);
	*back = *away;
	/* Without CAP_SETUID effective, the saved uid 1000 ... and real 0 are allowed. */
	KTEST_EXPECT_EQ(cred_setreuid(back, away, INVALID_UID, (kuid_t){ 0 }, false, NULL), 0);
	KTEST_EXPECT(back->cap_effective.bits == CAP_FULL_SET.bits);
	kfree(back);
	cred_abort(away);
}

KTEST(cred, setgroups_follows_r3_23)
{
	struct cred *creator = cred_prepare();
	struct userns_refusal refusal = { 0 };
	struct group_info *groups;

	KTEST_ASSERT(creator != NULL);
	KTEST_EXPECT_EQ(cred_may_setgroups(creator, NULL), 0);	/* root of the initial ns */
	creator->euid = creator->uid = creator->suid = creator->fsuid = (kuid_t){ 1001 };
	creator->egid = creator->gid = creator->sgid = creator->fsgid = (kgid_t){ 1001 };
	creator->cap_effective = creator->cap_permitted = CAP_EMPTY_SET;
	KTEST_EXPECT_EQ(cred_may_setgroups(creator, &refusal), -EPERM);
	KTEST_EXPECT_EQ(refusal.rule, RULE_R3_23_SETGROUPS);
	KTEST_ASSERT(create_user_ns(creator, false, NULL) == 0);
	/* Full capabilities in the new namespace, but its gid_map is empty (Obs 1). */
	KTEST_EXPECT_EQ(cred_may_setgroups(creator, NULL), -EPERM);
	KTEST_EXPECT_EQ(ktest_write_map(&creator->user_ns->gid_map,
				       &init_user_ns.gid_map, "0 1001 1"), 0);
	KTEST_EXPECT_EQ(cred_may_setgroups(creator, NULL), 0);
	creator->user_ns->flags &= ~USERNS_SETGROUPS_ALLOWED;	/* "deny" */
	KTEST_EXPECT_EQ(cred_may_setgroups(creator, NULL), -EPERM);

	groups = groups_alloc(4);
	KTEST_ASSERT(groups != NULL);
	groups->groups[0] = (kgid_t){ 30 };
	groups->groups[1] = (kgid_t){ 10 };
	groups->groups[2] = (kgid_t){ 40 };
	groups->groups[3] = (kgid_t){ 20 };
	groups_sort(groups);
	for (unsigned int i = 0; i < 4; i++)
		KTEST_EXPECT_EQ(__kgid_val(groups->groups[i]), 10 * (i + 1));
	KTEST_EXPECT(groups_search(groups, (kgid_t){ 30 }));
	KTEST_EXPECT(!groups_search(groups, (kgid_t){ 35 }));
	put_group_info(groups);
	cred_abort(creator);	/* the last reference to the namespace: it is freed */
	KTEST_EXPECT_EQ(user_namespaces_alive(), 0);
}
