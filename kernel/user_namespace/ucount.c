/*
 * ucount.c: per-user accounting of namespaces (R1.8), behind /proc/sys/user/max_*_namespaces.
 *
 * A record counts, for one (user namespace, kernel uid), how many namespaces of each type that
 * user has created while living in that namespace. Creating a namespace charges the creator's
 * record, then the record that charged the creation of the creator's namespace in *its*
 * parent, and so on up to the initial namespace: a limit set in a namespace caps everything
 * created below it, however deep. Records live in a small hash table under one spinlock; the
 * counters themselves are atomic, so charging takes no lock.
 */
#include <kuid/heap.h>
#include <kuid/panic.h>
#include <kuid/spinlock.h>
#include <kuid/user_namespace.h>
#include <uapi/errno.h>

/* A few records per user that creates namespaces: 64 short chains are plenty. */
#define UCOUNTS_HASH_BUCKETS 64

static struct ucounts *buckets[UCOUNTS_HASH_BUCKETS];
static unsigned int record_count;
static struct spinlock ucounts_lock = SPINLOCK_INIT("ucounts");

static struct ucounts **bucket_for(const struct user_namespace *ns, kuid_t uid)
{
	uintptr_t mix = ((uintptr_t)ns >> 4) ^ __kuid_val(uid);

	return &buckets[mix % UCOUNTS_HASH_BUCKETS];
}

/* Called with ucounts_lock held. */
static struct ucounts *find_record(const struct user_namespace *ns, kuid_t uid)
{
	struct ucounts *record;

	for (record = *bucket_for(ns, uid); record; record = record->next_in_bucket)
		if (record->ns == ns && uid_eq(record->uid, uid))
			return record;
	return NULL;
}

/*
 * A reference to the record of (ns, uid), made if there is none yet. kmalloc never sleeps in
 * kuid (the heap takes only its own spinlock, always after this one), so the new record is
 * made under the lock and two callers can never make the same record twice.
 */
static int get_record(struct user_namespace *ns, kuid_t uid, struct ucounts **out)
{
	struct ucounts *record;
	struct ucounts **bucket;
	int error = 0;

	spin_lock(&ucounts_lock);
	record = find_record(ns, uid);
	if (!record) {
		record = kzalloc(sizeof(*record));
		if (!record) {
			error = -ENOMEM;
			goto out;
		}
		record->ns = ns;
		record->uid = uid;
		bucket = bucket_for(ns, uid);
		record->next_in_bucket = *bucket;
		*bucket = record;
		record_count++;
	}
	record->references++;
	*out = record;
out:
	spin_unlock(&ucounts_lock);
	return error;
}

static void put_record(struct ucounts *record)
{
	struct ucounts **link;
	bool last;

	spin_lock(&ucounts_lock);
	last = --record->references == 0;
	if (last) {
		for (link = bucket_for(record->ns, record->uid); *link != record;
		     link = &(*link)->next_in_bucket)
			;
		*link = record->next_in_bucket;
		record_count--;
	}
	spin_unlock(&ucounts_lock);
	if (last)
		kfree(record);
}

/* Add one to *counter unless it has reached limit already. */
static bool increment_below(int *counter, int limit)
{
	int seen = __atomic_load_n(counter, __ATOMIC_RELAXED);

	do {
		if (seen >= limit)
			return false;
	} while (!__atomic_compare_exchange_n(counter, &seen, seen + 1, false, __ATOMIC_RELAXED,
					      __ATOMIC_RELAXED));
	return true;
}

/*
 * The step up: from a record of namespace N to the record that was charged when N was made.
 * The initial namespace was made by nobody, so the walk ends there (its ucounts is NULL).
 */
static struct ucounts *record_above(const struct ucounts *record)
{
	return record->ns->ucounts;
}

int inc_ucount(struct user_namespace *ns, kuid_t uid, enum ucount_type type,
	       struct ucounts **charged)
{
	struct ucounts *record = NULL;
	struct ucounts *step, *undo;
	int error;

	error = get_record(ns, uid, &record);
	if (error)
		goto out;
	for (step = record; step; step = record_above(step)) {
		int limit = __atomic_load_n(&step->ns->ucount_max[type], __ATOMIC_RELAXED);

		if (!increment_below(&step->counts[type], limit)) {
			error = -ENOSPC;
			break;
		}
	}
	if (error) {
		/* Take back every charge made below the step that refused, then the reference. */
		for (undo = record; undo != step; undo = record_above(undo))
			__atomic_sub_fetch(&undo->counts[type], 1, __ATOMIC_RELAXED);
		put_record(record);
		record = NULL;
	}
out:
	*charged = record;
	return error;
}

void dec_ucount(struct ucounts *charged, enum ucount_type type)
{
	struct ucounts *step;

	for (step = charged; step; step = record_above(step))
		BUG_ON(__atomic_sub_fetch(&step->counts[type], 1, __ATOMIC_RELAXED) < 0);
	put_record(charged);
}

int ucount_read(struct user_namespace *ns, kuid_t uid, enum ucount_type type)
{
	struct ucounts *record;
	int count = 0;

	spin_lock(&ucounts_lock);
	record = find_record(ns, uid);
	if (record)
		count = __atomic_load_n(&record->counts[type], __ATOMIC_RELAXED);
	spin_unlock(&ucounts_lock);
	return count;
}

unsigned int ucounts_records_in_use(void)
{
	unsigned int count;

	spin_lock(&ucounts_lock);
	count = record_count;
	spin_unlock(&ucounts_lock);
	return count;
}
