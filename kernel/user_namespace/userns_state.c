/*
 * userns_state.c: the one lock of Linux's userns_state_mutex (R3.5). Map writes, setgroups
 * writes and the setgroups-allowed test of setgroups(2) all take it, so none of them can see the
 * other half-done: "deny" cannot slip in after a gid_map write checked for it, nor the reverse.
 */
#include <kuid/spinlock.h>
#include <kuid/user_namespace.h>

/*
 * A spinlock with interrupts off, not a sleeping mutex: what it protects is a few comparisons
 * and a pointer store (the text is parsed before, in the writer's own buffer), so a holder
 * never waits for anything. The interrupt state belongs to the one holder, kept beside it.
 */
static struct spinlock userns_state = SPINLOCK_INIT("userns_state");
static unsigned long userns_state_irq;

void userns_state_lock(void)
{
	unsigned long irq_state = spin_lock_irqsave(&userns_state);

	userns_state_irq = irq_state;
}

void userns_state_unlock(void)
{
	spin_unlock_irqrestore(&userns_state, userns_state_irq);
}

bool userns_may_setgroups(const struct user_namespace *ns)
{
	bool allowed;

	userns_state_lock();
	/* The gid_map must be written, and setgroups not "deny" (R3.21, R3.23). */
	allowed = __atomic_load_n(&ns->gid_map.extent_count, __ATOMIC_ACQUIRE) != 0 &&
		  (ns->flags & USERNS_SETGROUPS_ALLOWED);
	userns_state_unlock();
	return allowed;
}
