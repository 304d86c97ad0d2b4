/*
 * vfs_lock.c: the one lock of the VFS (see kuid/vfs.h for what it protects).
 * It is a spinlock taken with interrupts off: the work under it is short and
 * never sleeps, and with interrupts off the timer cannot preempt the holder,
 * so no other thread ever spins on it for a whole time slice.
 */
#include <kuid/panic.h>
#include <kuid/sched.h>
#include <kuid/spinlock.h>
#include <kuid/vfs.h>

static struct spinlock lock = SPINLOCK_INIT("vfs");
static unsigned long saved_irq_state;	/* the holder's, restored by vfs_unlock */
static struct thread *holder;		/* to catch a thread taking it twice */

void vfs_lock(void)
{
	unsigned long irq_state = arch_irq_save();

	/* Taking it again would spin forever with interrupts off: say where instead. */
	BUG_ON(holder != NULL && holder == thread_current());
	spin_lock(&lock);
	saved_irq_state = irq_state;
	holder = thread_current();
}

void vfs_unlock(void)
{
	unsigned long irq_state = saved_irq_state;

	holder = NULL;
	spin_unlock(&lock);
	arch_irq_restore(irq_state);
}

bool vfs_lock_is_held(void)
{
	return spin_is_locked(&lock);
}
