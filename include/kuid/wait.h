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

/*
 * As wait_event, but a signal ends the wait too: evaluates to 0 when the
 * condition came true, -EINTR when an unblocked signal is pending for the
 * current task (the system call then returns -EINTR or is restarted, see
 * docs/signals.md). Kernel threads have no task and are never interrupted.
 */
bool current_signal_pending(void);	/* kernel/signal/, kuid/signal.h */

#define wait_event_interruptible(queue, condition)                    \
	__extension__({                                               \
		int wait_result_ = 0;                                 \
		struct wait_entry wait_entry_;                        \
		list_init(&wait_entry_.node);                         \
		for (;;) {                                            \
			wait_prepare((queue), &wait_entry_);          \
			if (condition)                                \
				break;                                \
			if (current_signal_pending()) {               \
				wait_result_ = -EINTR;                \
				break;                                \
			}                                             \
			schedule();                                   \
		}                                                     \
		wait_finish((queue), &wait_entry_);                   \
		wait_result_;                                         \
	})

/*
 * Sleep until woken or until `ticks` clock ticks have passed, whichever comes
 * first; the current thread must already be marked blocked (wait_prepare).
 * Returns the ticks that were left (0 when the time ran out).
 */
uint64_t schedule_timeout(uint64_t ticks);

/*
 * As wait_event_interruptible, with a limit of `ticks` clock ticks: evaluates
 * to the ticks left (> 0) when the condition came true, 0 when the time ran
 * out first, -EINTR when a signal came. The condition is checked at least
 * once, so a zero limit polls.
 */
#define wait_event_interruptible_timeout(queue, condition, ticks)    \
	__extension__({                                               \
		int64_t wait_left_ = (int64_t)(ticks);                \
		struct wait_entry wait_entry_;                        \
		list_init(&wait_entry_.node);                         \
		for (;;) {                                            \
			wait_prepare((queue), &wait_entry_);          \
			if (condition) {                              \
				wait_left_ = wait_left_ > 0 ? wait_left_ : 1; \
				break;                                \
			}                                             \
			if (current_signal_pending()) {               \
				wait_left_ = -EINTR;                  \
				break;                                \
			}                                             \
			if (wait_left_ <= 0) {                        \
				wait_left_ = 0;                       \
				break;                                \
			}                                             \
			wait_left_ = (int64_t)schedule_timeout((uint64_t)wait_left_); \
		}                                                     \
		wait_finish((queue), &wait_entry_);                   \
		wait_left_;                                           \
	})

#endif
