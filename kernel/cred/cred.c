/*
 * cred.c: reference-counted, copy-on-change credentials (see kuid/cred.h).
 *
 * A task's `cred` pointer is replaced, never written through: cred_commit
 * swaps in the new struct and drops the task's reference on the old one.
 * Anyone who read the old pointer (a permission check in progress, a signal
 * sender comparing ids) holds a struct that no longer changes.
 */
#include <kuid/arch.h>
#include <kuid/capability.h>
#include <kuid/cred.h>
#include <kuid/heap.h>
#include <kuid/string.h>
#include <kuid/task.h>
#include <kuid/user_namespace.h>
#include <uapi/capability.h>

/* CAP_0 .. CAP_LAST_CAP. */
#define ALL_CAPABILITIES CAP_FULL_SET

static struct group_info no_groups = { .references = 1, .count = 0 };

static struct cred init_cred = {
	.references = 1,	/* never freed: this one reference is never put */
	.groups = &no_groups,
	.cap_permitted = ALL_CAPABILITIES,
	.cap_effective = ALL_CAPABILITIES,
	.cap_bounding = ALL_CAPABILITIES,
	/*
	 * The initial namespace's static reference count already counts this one:
	 * neither init_cred nor init_user_ns is ever freed.
	 */
	.user_ns = &init_user_ns,
};

struct group_info *groups_alloc(unsigned int count)
{
	struct group_info *groups = kzalloc(sizeof(*groups) + count * sizeof(kgid_t));

	if (groups) {
		groups->references = 1;
		groups->count = count;
	}
	return groups;
}

struct group_info *get_group_info(struct group_info *groups)
{
	__atomic_add_fetch(&groups->references, 1, __ATOMIC_RELAXED);
	return groups;
}

void put_group_info(struct group_info *groups)
{
	if (groups && __atomic_sub_fetch(&groups->references, 1, __ATOMIC_ACQ_REL) == 0)
		kfree(groups);
}

void groups_sort(struct group_info *groups)
{
	/*
	 * Shell sort: insertion sort over shrinking gaps. No extra memory, and
	 * fast enough for NGROUPS_MAX entries, where plain insertion sort is not.
	 */
	for (unsigned int gap = groups->count / 2; gap > 0; gap /= 2) {
		for (unsigned int i = gap; i < groups->count; i++) {
			kgid_t moving = groups->groups[i];
			unsigned int j = i;

			for (; j >= gap && gid_lt(moving, groups->groups[j - gap]); j -= gap)
				groups->groups[j] = groups->groups[j - gap];
			groups->groups[j] = moving;
		}
	}
}

bool groups_search(const struct group_info *groups, kgid_t gid)
{
	unsigned int low = 0, high = groups->count;

	while (low < high) {
		unsigned int middle = low + (high - low) / 2;

		if (gid_eq(groups->groups[middle], gid))
			return true;
		if (gid_lt(groups->groups[middle], gid))
			low = middle + 1;
		else
			high = middle;
	}
	return false;
}

const struct cred *current_cred(void)
{
	struct task *task = current_task();

	/* Kernel threads act with the full powers of init's credentials. */
	return task && task->cred ? task->cred : &init_cred;
}

const struct cred *get_cred(const struct cred *cred)
{
	struct cred *writable = (struct cred *)cred;	/* only the count changes */

	__atomic_add_fetch(&writable->references, 1, __ATOMIC_RELAXED);
	return cred;
}

void put_cred(const struct cred *cred)
{
	struct cred *writable = (struct cred *)cred;

	if (!cred || __atomic_sub_fetch(&writable->references, 1, __ATOMIC_ACQ_REL) != 0)
		return;
	put_group_info(writable->groups);
	put_user_ns(writable->user_ns);
	kfree(writable);
}

const struct cred *cred_init(void)
{
	return get_cred(&init_cred);
}

struct cred *cred_prepare(void)
{
	struct cred *copy = kmalloc(sizeof(*copy));

	if (!copy)
		return NULL;
	*copy = *current_cred();
	copy->references = 1;
	get_group_info(copy->groups);
	get_user_ns(copy->user_ns);
	return copy;
}

/*
 * R8.5, Linux's cred_cap_issubset: are new_cred's capabilities no more than
 * old_cred's? Across namespaces: a namespace that old_cred owns from its
 * parent is all old_cred's already (R4.1 step 3), so entering it gains
 * nothing; anything else counts as a gain.
 */
static bool capabilities_are_subset(const struct cred *new_cred, const struct cred *old_cred)
{
	const struct user_namespace *ns = new_cred->user_ns;

	if (ns == old_cred->user_ns)
		return cap_is_subset(new_cred->cap_permitted, old_cred->cap_permitted);
	for (; ns->level > old_cred->user_ns->level; ns = ns->parent)
		if (ns->parent == old_cred->user_ns && uid_eq(ns->owner, old_cred->euid))
			return true;
	return false;
}

/* R8.5: does installing new_cred make the process non-dumpable? */
static bool change_makes_undumpable(const struct cred *new_cred, const struct cred *old_cred)
{
	return !uid_eq(old_cred->euid, new_cred->euid) ||
	       !gid_eq(old_cred->egid, new_cred->egid) ||
	       !uid_eq(old_cred->fsuid, new_cred->fsuid) ||
	       !gid_eq(old_cred->fsgid, new_cred->fsgid) ||
	       !capabilities_are_subset(new_cred, old_cred);
}

int cred_commit(struct cred *new_cred)
{
	struct task *task = current_task();
	const struct cred *old_cred;

	if (!task) {	/* a kernel thread has no credentials of its own to replace */
		put_cred(new_cred);
		return 0;
	}
	old_cred = task->cred;
	/* A process that changed who it is must not leak the old identity's memory. */
	if (task->process && change_makes_undumpable(new_cred, old_cred))
		task_set_dumpable(task, DUMPABLE_NO);
	__atomic_store_n(&task->cred, new_cred, __ATOMIC_RELEASE);
	put_cred(old_cred);
	return 0;
}

const struct cred *task_get_cred(const struct task *task)
{
	/*
	 * One CPU: with interrupts off, the target cannot commit and free the
	 * credentials between our load and our get.
	 */
	unsigned long irq_state = arch_irq_save();
	const struct cred *cred = get_cred(__atomic_load_n(&task->cred, __ATOMIC_ACQUIRE));

	arch_irq_restore(irq_state);
	return cred;
}

void cred_abort(struct cred *new_cred)
{
	put_cred(new_cred);
}

long cred_commit_or_abort(struct cred *new_cred, long error)
{
	if (error)
		cred_abort(new_cred);
	else
		cred_commit(new_cred);
	return error;
}

bool capable(int capability)
{
	/* R4.2: capable() is ns_capable over the initial namespace. */
	return ns_capable(&init_user_ns, capability);
}

bool in_group_p(kgid_t gid)
{
	const struct cred *cred = current_cred();

	return gid_eq(cred->fsgid, gid) || groups_search(cred->groups, gid);
}
