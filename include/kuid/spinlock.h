/*
 * spinlock.h: mutual exclusion for short critical sections.
 * kuid runs on one CPU today, but the locks are real test-and-set locks with
 * acquire/release ordering, so the code is already written for SMP. A lock
 * also taken by an interrupt handler must be held with interrupts disabled:
 * use spin_lock_irqsave(), or the handler would spin forever on its own CPU.
 */
#ifndef KUID_SPINLOCK_H
#define KUID_SPINLOCK_H

#include <kuid/arch.h>
#include <kuid/types.h>

struct spinlock {
	int locked;
	const char *name;	/* for reports when a lock is misused */
};

#define SPINLOCK_INIT(lock_name) { .locked = 0, .name = lock_name }

static inline void spin_lock_init(struct spinlock *lock, const char *name)
{
	lock->locked = 0;
	lock->name = name;
}

static inline void spin_lock(struct spinlock *lock)
{
	while (__atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE))
		while (__atomic_load_n(&lock->locked, __ATOMIC_RELAXED))
			arch_cpu_relax();
}

static inline bool spin_trylock(struct spinlock *lock)
{
	return !__atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE);
}

static inline void spin_unlock(struct spinlock *lock)
{
	__atomic_store_n(&lock->locked, 0, __ATOMIC_RELEASE);
}

static inline bool spin_is_locked(struct spinlock *lock)
{
	return __atomic_load_n(&lock->locked, __ATOMIC_RELAXED);
}

/* Disable interrupts, take the lock, and return what to restore. */
static inline unsigned long spin_lock_irqsave(struct spinlock *lock)
{
	unsigned long irq_state = arch_irq_save();

	spin_lock(lock);
	return irq_state;
}

static inline void spin_unlock_irqrestore(struct spinlock *lock, unsigned long irq_state)
{
	spin_unlock(lock);
	arch_irq_restore(irq_state);
}

#endif
