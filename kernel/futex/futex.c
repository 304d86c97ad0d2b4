/*
 * futex.c: futex(2), the sleeping half of user-space locks (kuid/futex.h).
 *
 * A sleeping thread is a waiter on the stack of its own system call, linked
 * into one of a few lists (buckets) picked by a hash of the word's key. The
 * key says which word it is across address spaces: (address space, address)
 * for private memory, (shared-memory object, offset) for MAP_SHARED memory,
 * as address_space_identify_word decides; FUTEX_PRIVATE_FLAG always takes
 * the first form, as on Linux.
 *
 * No wake-up is lost. FUTEX_WAIT links its waiter *before* it reads the
 * word. A waker changes the word first and calls FUTEX_WAKE after. So either
 * the waiter reads the new value (and returns -EAGAIN at once), or the waker
 * finds the waiter linked and marks it woken. Each waiter sleeps on a wait
 * queue of its own, so a wake-up reaches exactly the threads chosen.
 *
 * One spin lock protects every bucket and every waiter's `woken`: kuid runs
 * on one CPU, where finer locks would only add code. It is never held while
 * user memory is touched.
 */
#include <kuid/address_space.h>
#include <kuid/arch.h>
#include <kuid/clock.h>
#include <kuid/futex.h>
#include <kuid/spinlock.h>
#include <kuid/syscall_handlers.h>
#include <kuid/task.h>
#include <kuid/user_memory.h>
#include <kuid/wait.h>
#include <uapi/errno.h>
#include <uapi/futex.h>
#include <uapi/time.h>

#define BUCKET_COUNT		64
#define NO_TIMEOUT		(-1)

struct futex_key {
	const void *object;	/* an address space, or a shared-memory object */
	uint64_t offset;	/* the address, or the offset in the object */
};

struct futex_waiter {
	struct futex_key key;		/* FUTEX_REQUEUE may change it */
	uint32_t bitset;		/* FUTEX_WAIT_BITSET; all ones otherwise */
	bool woken;			/* set once, by a waker */
	struct wait_queue queue;	/* only this waiter's thread sleeps here */
	struct list_node node;		/* in its bucket, while not woken */
};

static struct list_node buckets[BUCKET_COUNT];
static bool buckets_ready;
static struct spinlock futex_lock = SPINLOCK_INIT("futex");

/* Lock, and make the buckets on first use (a static list head must point at itself). */
static unsigned long futex_lock_buckets(void)
{
	unsigned long irq_state = spin_lock_irqsave(&futex_lock);

	if (!buckets_ready) {
		for (size_t i = 0; i < BUCKET_COUNT; i++)
			list_init(&buckets[i]);
		buckets_ready = true;
	}
	return irq_state;
}

static struct list_node *bucket_for(const struct futex_key *key)
{
	uint64_t hash = ((uintptr_t)key->object ^ key->offset) * 0x9e3779b97f4a7c15ULL;

	return &buckets[hash >> 58];	/* the top 6 bits: 64 buckets */
}

static bool same_key(const struct futex_key *a, const struct futex_key *b)
{
	return a->object == b->object && a->offset == b->offset;
}

static int key_of(struct address_space *space, uintptr_t address, bool private,
		  struct futex_key *key)
{
	if (!IS_ALIGNED(address, sizeof(uint32_t)))
		return -EINVAL;
	if (!space || !user_range_is_valid(address, sizeof(uint32_t)))
		return -EFAULT;
	if (private) {
		*key = (struct futex_key){ .object = space, .offset = address };
		return 0;
	}
	return address_space_identify_word(space, address, &key->object, &key->offset);
}

/* Mark a waiter woken and wake its thread. Called with the futex lock held. */
static void wake_waiter(struct futex_waiter *waiter)
{
	list_remove(&waiter->node);
	__atomic_store_n(&waiter->woken, true, __ATOMIC_RELEASE);
	wake_up_all(&waiter->queue);
}

/* Wake up to count waiters on key whose bitset meets `bitset` (at least one, as Linux). */
static int wake_key(const struct futex_key *key, uint32_t bitset, int count)
{
	unsigned long irq_state = futex_lock_buckets();
	struct futex_waiter *waiter, *next;
	int woken = 0;

	list_for_each_entry_safe(waiter, next, bucket_for(key), node) {
		if (!same_key(&waiter->key, key) || !(waiter->bitset & bitset))
			continue;
		wake_waiter(waiter);
		if (++woken >= count)
			break;
	}
	spin_unlock_irqrestore(&futex_lock, irq_state);
	return woken;
}

int futex_wake(struct address_space *space, uintptr_t address, int count)
{
	struct futex_key key;
	int error = key_of(space, address, false, &key);

	return error ? error : wake_key(&key, FUTEX_BITSET_MATCH_ANY, count);
}

static bool waiter_woken(struct futex_waiter *waiter)
{
	return __atomic_load_n(&waiter->woken, __ATOMIC_ACQUIRE);
}

/* Sleep while the word at address holds `expected`. ticks: a limit, or NO_TIMEOUT. */
static long wait_on(uint32_t __user *address, const struct futex_key *key, uint32_t expected,
		    uint32_t bitset, int64_t ticks)
{
	struct futex_waiter waiter = { .key = *key, .bitset = bitset };
	unsigned long irq_state;
	uint32_t value;
	long result;

	wait_queue_init(&waiter.queue);
	list_init(&waiter.node);
	irq_state = futex_lock_buckets();
	list_add_tail(bucket_for(key), &waiter.node);
	spin_unlock_irqrestore(&futex_lock, irq_state);

	result = copy_from_user(&value, address, sizeof(value));
	if (result == 0 && value != expected)
		result = -EAGAIN;
	if (result == 0 && ticks == NO_TIMEOUT)
		result = wait_event_interruptible(&waiter.queue, waiter_woken(&waiter));
	else if (result == 0)
		result = wait_event_interruptible_timeout(&waiter.queue, waiter_woken(&waiter),
							  ticks);
	if (result > 0)
		result = 0;		/* woken, with time to spare */
	else if (result == 0 && !waiter_woken(&waiter))
		result = -ETIMEDOUT;	/* only the timed wait ends unwoken with 0 */

	/* A wake-up that came, even late, is what counts: the waker counted us. */
	irq_state = futex_lock_buckets();
	if (waiter.woken)
		result = 0;
	else
		list_remove(&waiter.node);
	spin_unlock_irqrestore(&futex_lock, irq_state);
	return result;
}

/*
 * FUTEX_REQUEUE: wake up to wake_count waiters on `from`, then move up to
 * requeue_count of the others to `to` (a condition variable's waiters go to
 * its mutex instead of all waking at once). Returns how many were either.
 */
static long requeue(const struct futex_key *from, const struct futex_key *to, int wake_count,
		    int requeue_count)
{
	unsigned long irq_state = futex_lock_buckets();
	struct futex_waiter *waiter, *next;
	struct list_node moved;
	int woken = 0, requeued = 0;

	list_init(&moved);
	list_for_each_entry_safe(waiter, next, bucket_for(from), node) {
		if (!same_key(&waiter->key, from))
			continue;
		if (woken < wake_count) {
			wake_waiter(waiter);
			woken++;
		} else if (requeued < requeue_count) {
			/* Via a list of our own: `to` may hash to this very bucket. */
			list_remove(&waiter->node);
			waiter->key = *to;
			list_add_tail(&moved, &waiter->node);
			requeued++;
		} else {
			break;
		}
	}
	list_for_each_entry_safe(waiter, next, &moved, node) {
		list_remove(&waiter->node);
		list_add_tail(bucket_for(to), &waiter->node);
	}
	spin_unlock_irqrestore(&futex_lock, irq_state);
	return woken + requeued;
}

static int64_t ticks_for(int64_t nanoseconds)
{
	if (nanoseconds > INT64_MAX / 4)
		return NO_TIMEOUT;	/* centuries: as good as forever */
	return clock_ticks_from_nanoseconds(nanoseconds);
}

/*
 * The timeout of a wait in ticks. FUTEX_WAIT's is relative; FUTEX_WAIT_BITSET's
 * is a time on CLOCK_MONOTONIC, or CLOCK_REALTIME with FUTEX_CLOCK_REALTIME.
 */
static int read_timeout(const struct timespec __user *timeout, int operation, int64_t *ticks)
{
	int command = operation & FUTEX_CMD_MASK;
	struct timespec time;
	int64_t nanoseconds, now;

	*ticks = NO_TIMEOUT;
	if (!timeout)
		return 0;
	if (copy_from_user(&time, timeout, sizeof(time)))
		return -EFAULT;
	if (time.tv_sec < 0 || time.tv_nsec < 0 || time.tv_nsec >= NSEC_PER_SEC)
		return -EINVAL;
	if (time.tv_sec > INT64_MAX / NSEC_PER_SEC - 1)
		return 0;
	nanoseconds = time.tv_sec * NSEC_PER_SEC + time.tv_nsec;
	if (command == FUTEX_WAIT_BITSET) {
		if (operation & FUTEX_CLOCK_REALTIME)
			now = clock_wall_nanoseconds();
		else
			now = clock_monotonic_nanoseconds();
		nanoseconds -= now;
	}
	*ticks = ticks_for(nanoseconds);
	return 0;
}

long sys_futex(uint32_t __user *address, int operation, uint32_t value,
	       const struct timespec __user *timeout, uint32_t __user *address2, uint32_t value3)
{
	struct address_space *space = current_task()->address_space;
	int command = operation & FUTEX_CMD_MASK;
	bool private = operation & FUTEX_PRIVATE_FLAG;
	struct futex_key key, key2;
	uint32_t current;
	int64_t ticks;
	int error;

	if ((operation & FUTEX_CLOCK_REALTIME) && command != FUTEX_WAIT &&
	    command != FUTEX_WAIT_BITSET)
		return -ENOSYS;
	if (command == FUTEX_WAIT || command == FUTEX_WAKE)
		value3 = FUTEX_BITSET_MATCH_ANY;

	switch (command) {
	case FUTEX_WAIT:
	case FUTEX_WAIT_BITSET:
		if (value3 == 0)
			return -EINVAL;
		error = read_timeout(timeout, operation, &ticks);
		if (!error)
			error = key_of(space, (uintptr_t)address, private, &key);
		return error ? error : wait_on(address, &key, value, value3, ticks);
	case FUTEX_WAKE:
	case FUTEX_WAKE_BITSET:
		if (value3 == 0)
			return -EINVAL;
		error = key_of(space, (uintptr_t)address, private, &key);
		return error ? error : wake_key(&key, value3, (int)value);
	case FUTEX_REQUEUE:
	case FUTEX_CMP_REQUEUE:
		/* The timeout argument carries the count to requeue. */
		if ((int)value < 0 || (int)(uintptr_t)timeout < 0)
			return -EINVAL;
		error = key_of(space, (uintptr_t)address, private, &key);
		if (!error)
			error = key_of(space, (uintptr_t)address2, private, &key2);
		if (!error && command == FUTEX_CMP_REQUEUE) {
			error = copy_from_user(&current, address, sizeof(current));
			if (!error && current != value3)
				error = -EAGAIN;
		}
		return error ? error : requeue(&key, &key2, (int)value, (int)(uintptr_t)timeout);
	default:
		return -ENOSYS;	/* priority inheritance, FUTEX_WAKE_OP: not in kuid */
	}
}
