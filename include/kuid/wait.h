/*
 * wait.h: wait queues, where threads sleep until a condition becomes true.
 *
 *	wait_event(&queue, buffer_has_data(buffer));	// the consumer
 *	...
 *	wake_up_all(&queue);				// the producer, after adding data
 *
 * wait_event re-checks the condition after queueing itself and before
 * sleeping, so a wake-up that happens in between is never lost.
 */
#ifndef KUID_WAIT_H
#define KUID_WAIT_H

#include <kuid/list.h>
#include <kuid/spinlock.h>

/* From sched.h, which embeds wait queues in threads and so includes this header. */
struct thread;
void schedule(void);

struct wait_queue {
	struct spinlock lock;
	struct list_node waiters;	/* struct wait_entry, oldest first */
};

struct wait_entry {
	struct thread *thread;
	struct list_node node;
};

void wait_queue_init(struct wait_queue *queue);

/*
 * Queue the current thread (unless it is queued already) and mark it
 * blocked; it runs on until it calls schedule(). A wake-up dequeues it.
 */
void wait_prepare(struct wait_queue *queue, struct wait_entry *entry);
/* Leave the queue and be running again. */
void wait_finish(struct wait_queue *queue, struct wait_entry *entry);

void wake_up_one(struct wait_queue *queue);
void wake_up_all(struct wait_queue *queue);

#define wait_event(queue, condition)                          \
	do {                                                  \
		struct wait_entry wait_entry_;                \
		list_init(&wait_entry_.node);                 \
		for (;;) {                                    \
			wait_prepare((queue), &wait_entry_);  \
			if (condition)                        \
				break;                        \
			schedule();                           \
		}                                             \
		wait_finish((queue), &wait_entry_);           \
	} while (0)

#endif
