/*
 * wait.c: wait queues (see kuid/wait.h for how wait_event uses them).
 * Lock order: a wait queue's lock, then the scheduler lock.
 */
#include <kuid/sched.h>
#include <kuid/wait.h>

#include "scheduler_internal.h"

void wait_queue_init(struct wait_queue *queue)
{
	spin_lock_init(&queue->lock, "wait queue");
	list_init(&queue->waiters);
}

void wait_prepare(struct wait_queue *queue, struct wait_entry *entry)
{
	unsigned long irq_state = spin_lock_irqsave(&queue->lock);

	entry->thread = thread_current();
	if (list_empty(&entry->node))
		list_add_tail(&queue->waiters, &entry->node);
	thread_set_blocked(entry->thread);
	spin_unlock_irqrestore(&queue->lock, irq_state);
}

void wait_finish(struct wait_queue *queue, struct wait_entry *entry)
{
	unsigned long irq_state = spin_lock_irqsave(&queue->lock);

	if (!list_empty(&entry->node))
		list_remove(&entry->node);
	/* The condition held before anyone woke us: we are still "blocked". */
	thread_wake(entry->thread);
	spin_unlock_irqrestore(&queue->lock, irq_state);
}

static void wake_entry(struct wait_entry *entry)
{
	list_remove(&entry->node);	/* leaves the node empty: wait_prepare re-queues */
	thread_wake(entry->thread);
}

void wake_up_one(struct wait_queue *queue)
{
	unsigned long irq_state = spin_lock_irqsave(&queue->lock);

	if (!list_empty(&queue->waiters))
		wake_entry(list_first_entry(&queue->waiters, struct wait_entry, node));
	spin_unlock_irqrestore(&queue->lock, irq_state);
}

void wake_up_all(struct wait_queue *queue)
{
	unsigned long irq_state = spin_lock_irqsave(&queue->lock);
	struct wait_entry *entry, *next;

	list_for_each_entry_safe(entry, next, &queue->waiters, node)
		wake_entry(entry);
	spin_unlock_irqrestore(&queue->lock, irq_state);
}
