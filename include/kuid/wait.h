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
#include <uapi/errno.h>

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

/*
 * Kernel threads have no task and are never interrupted; for a task, a
 * pending unblocked signal ends an interruptible wait (see docs/signals.md).
 */
bool current_signal_pending(void);	/* kernel/signal/, kuid/signal.h */

/*
 * Sleep until woken or until `ticks` clock ticks have passed, whichever comes
 * first; the current thread must already be marked blocked (wait_prepare).
 * Returns the ticks that were left (0 when the time ran out).
 */
uint64_t schedule_timeout(uint64_t ticks);

/* A wait_event_core limit meaning "no limit": sleep until woken. */
#define WAIT_EVENT_NO_LIMIT INT64_MAX

/*
 * The one wait loop behind the three macros below: queue, check the
 * condition, stop for a signal if `interruptible`, stop when `ticks` ran out,
 * else sleep. Evaluates to the ticks left (> 0) when the condition came true,
 * 0 when the time ran out first, -EINTR when a signal came. The condition is
 * checked at least once, so a zero limit polls.
 */
#define wait_event_core(queue, condition, interruptible, ticks)               \
	__extension__({                                                       \
		int64_t wait_left_ = (int64_t)(ticks);                        \
		struct wait_entry wait_entry_;                                \
		list_init(&wait_entry_.node);                                 \
		for (;;) {                                                    \
			wait_prepare((queue), &wait_entry_);                  \
			if (condition) {                                      \
				wait_left_ = wait_left_ > 0 ? wait_left_ : 1; \
				break;                                        \
			}                                                     \
			if ((interruptible) && current_signal_pending()) {    \
				wait_left_ = -EINTR;                          \
				break;                                        \
			}                                                     \
			if (wait_left_ <= 0) {                                \
				wait_left_ = 0;                               \
				break;                                        \
			}                                                     \
			if (wait_left_ == WAIT_EVENT_NO_LIMIT)                \
				schedule();                                   \
			else                                                  \
				wait_left_ = (int64_t)schedule_timeout(       \
					(uint64_t)wait_left_);                \
		}                                                             \
		wait_finish((queue), &wait_entry_);                           \
		wait_left_;                                                   \
	})

/* Sleep until the condition is true; nothing else ends the wait. */
#define wait_event(queue, condition) \
	((void)wait_event_core(queue, condition, false, WAIT_EVENT_NO_LIMIT))

/*
 * As wait_event, but a signal ends the wait too: evaluates to 0 when the
 * condition came true, -EINTR when a signal came (the system call then
 * returns -EINTR or is restarted).
 */
#define wait_event_interruptible(queue, condition) \
	(wait_event_core(queue, condition, true, WAIT_EVENT_NO_LIMIT) < 0 ? -EINTR : 0)

/*
 * As wait_event_interruptible, with a limit of `ticks` clock ticks: the ticks
 * left (> 0) when the condition came true, 0 when the time ran out first,
 * -EINTR when a signal came.
 */
#define wait_event_interruptible_timeout(queue, condition, ticks) \
	wait_event_core(queue, condition, true, ticks)

#endif
