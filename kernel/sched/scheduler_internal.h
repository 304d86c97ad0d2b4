/*
 * scheduler_internal.h: what thread.c and wait.c share with scheduler.c.
 * Not a public interface: the rest of the kernel uses kuid/sched.h.
 */
#ifndef KERNEL_SCHED_SCHEDULER_INTERNAL_H
#define KERNEL_SCHED_SCHEDULER_INTERNAL_H

#include <kuid/sched.h>
#include <kuid/spinlock.h>

extern struct spinlock scheduler_lock;

/* All of these expect scheduler_lock held, interrupts off. */
void scheduler_enqueue(struct thread *thread);
void scheduler_finish_switch(void);
void switch_to_next(bool preempted);

/* Mark a thread blocked (takes the lock itself). */
void thread_set_blocked(struct thread *thread);

/* Release a dead thread's stack and structure. */
void thread_free(struct thread *thread);

#endif
