/*
 * scheduler.c: which thread runs next.
 *
 * Theory of operation. Every thread is in exactly one state (sched.h). The
 * running thread is `current_thread`; ready threads wait in `run_queue` in
 * arrival order; sleeping threads sit in `sleep_list` until their tick comes;
 * threads blocked on a wait queue are only in that queue. The idle thread
 * (the boot context) is never queued: it runs when the queue is empty.
 *
 * Locking. `scheduler_lock` protects the fields marked in struct thread, the
 * two lists and `current_thread`, and is always taken with interrupts off.
 * A switch happens with the lock held: the thread that takes it is not the
 * one that releases it. The thread switched to releases it, either on its way
 * out of switch_to_next() or, for a new thread, in thread_start().
 *
 * Preemption. The timer interrupt counts down the running thread's slice and
 * sets `reschedule_needed`; at the end of the interrupt the scheduler
 * switches. A thread preempted between wait_prepare() and schedule() goes
 * back to the run queue even though it is marked blocked: otherwise a
 * condition that had already come true would never wake it.
 */
#include <kuid/arch.h>
#include <kuid/clock.h>
#include <kuid/heap.h>
#include <kuid/panic.h>
#include <kuid/sched.h>
#include <kuid/spinlock.h>
#include <kuid/string.h>
#include <kuid/task.h>

#include "scheduler_internal.h"

struct spinlock scheduler_lock = SPINLOCK_INIT("scheduler");
static struct list_node run_queue = LIST_INIT(run_queue);
static struct list_node sleep_list = LIST_INIT(sleep_list);
static struct thread idle_thread;
static struct thread *current_thread = &idle_thread;
static bool reschedule_needed;

/* A detached thread that exited: freed by whoever runs after it. */
static struct thread *thread_to_free;

struct thread *thread_current(void)
{
	return current_thread;
}

void scheduler_init(void)
{
	idle_thread.state = THREAD_RUNNING;
	idle_thread.id = 0;
	string_copy(idle_thread.name, "idle", sizeof(idle_thread.name));
	list_init(&idle_thread.queue_node);
	wait_queue_init(&idle_thread.exit_waiters);
}

/* Called with scheduler_lock held. */
void scheduler_enqueue(struct thread *thread)
{
	thread->state = THREAD_READY;
	list_add_tail(&run_queue, &thread->queue_node);
	if (current_thread == &idle_thread)
		reschedule_needed = true;
}

/* Called with scheduler_lock held, by the thread that now runs. */
void scheduler_finish_switch(void)
{
	if (thread_to_free) {
		thread_free(thread_to_free);
		thread_to_free = NULL;
	}
}

/*
 * Pick the next thread and switch to it. Called with scheduler_lock held;
 * returns (in the same thread) when that thread is chosen again.
 */
void switch_to_next(bool preempted)
{
	struct thread *previous = current_thread;
	struct thread *next;
	bool keeps_running = previous->state == THREAD_RUNNING ||
			     (preempted && previous->state == THREAD_BLOCKED);

	if (keeps_running && previous != &idle_thread)
		scheduler_enqueue(previous);

	if (!list_empty(&run_queue)) {
		next = list_first_entry(&run_queue, struct thread, queue_node);
		list_remove(&next->queue_node);
	} else {
		next = &idle_thread;
	}

	if (previous->state == THREAD_DEAD && (previous->flags & THREAD_DETACHED))
		thread_to_free = previous;

	next->state = THREAD_RUNNING;
	next->slice_ticks_left = SCHEDULER_SLICE_TICKS;
	reschedule_needed = false;
	if (next == previous)
		return;
	if (previous == &idle_thread)
		previous->state = THREAD_READY;

	current_thread = next;
	if (next->stack)
		arch_set_kernel_stack((uintptr_t)next->stack + THREAD_STACK_SIZE);
	task_switch(previous, next);	/* page table, FPU and TLS of user threads */
	arch_context_switch(&previous->saved_stack_pointer, next->saved_stack_pointer);
	scheduler_finish_switch();
}

void schedule(void)
{
	unsigned long irq_state = spin_lock_irqsave(&scheduler_lock);

	switch_to_next(false);
	spin_unlock_irqrestore(&scheduler_lock, irq_state);
}

void thread_yield(void)
{
	schedule();
}

void thread_wake(struct thread *thread)
{
	unsigned long irq_state = spin_lock_irqsave(&scheduler_lock);

	if (thread->state == THREAD_BLOCKED) {
		if (thread->wake_at_tick) {
			list_remove(&thread->queue_node);
			thread->wake_at_tick = 0;
		}
		/* Woken before it got to schedule(): it simply keeps running. */
		if (thread == current_thread)
			thread->state = THREAD_RUNNING;
		else
			scheduler_enqueue(thread);
	}
	spin_unlock_irqrestore(&scheduler_lock, irq_state);
}

void thread_set_blocked(struct thread *thread)
{
	unsigned long irq_state = spin_lock_irqsave(&scheduler_lock);

	thread->state = THREAD_BLOCKED;
	spin_unlock_irqrestore(&scheduler_lock, irq_state);
}

void thread_sleep_milliseconds(uint64_t milliseconds)
{
	unsigned long irq_state = spin_lock_irqsave(&scheduler_lock);
	struct thread *self = current_thread;

	/* At least one tick, so a sleep always gives the CPU away. */
	self->wake_at_tick = clock_ticks() + MAX(clock_ticks_from_milliseconds(milliseconds), (uint64_t)1);
	self->state = THREAD_BLOCKED;
	list_add_tail(&sleep_list, &self->queue_node);
	switch_to_next(false);
	spin_unlock_irqrestore(&scheduler_lock, irq_state);
}

uint64_t schedule_timeout(uint64_t ticks)
{
	unsigned long irq_state = spin_lock_irqsave(&scheduler_lock);
	struct thread *self = current_thread;
	uint64_t deadline = clock_ticks() + ticks;
	uint64_t now;

	/*
	 * Woken (or preempted) between wait_prepare and here: the thread is
	 * running again and the caller's loop re-checks its condition.
	 */
	if (self->state == THREAD_BLOCKED) {
		self->wake_at_tick = deadline;
		list_add_tail(&sleep_list, &self->queue_node);
		switch_to_next(false);
	}
	spin_unlock_irqrestore(&scheduler_lock, irq_state);
	now = clock_ticks();
	return now < deadline ? deadline - now : 0;
}

void scheduler_tick(void)
{
	uint64_t now = clock_ticks();
	struct thread *thread, *next;

	spin_lock(&scheduler_lock);	/* interrupts are off in a handler */
	list_for_each_entry_safe(thread, next, &sleep_list, queue_node) {
		if (thread->wake_at_tick <= now) {
			list_remove(&thread->queue_node);
			thread->wake_at_tick = 0;
			scheduler_enqueue(thread);
		}
	}
	if (current_thread->slice_ticks_left > 0)
		current_thread->slice_ticks_left--;
	if (current_thread->slice_ticks_left == 0 && !list_empty(&run_queue))
		reschedule_needed = true;
	spin_unlock(&scheduler_lock);
}

void scheduler_preempt_if_needed(void)
{
	unsigned long irq_state;

	if (!reschedule_needed)
		return;
	irq_state = spin_lock_irqsave(&scheduler_lock);
	switch_to_next(true);
	spin_unlock_irqrestore(&scheduler_lock, irq_state);
}

__noreturn void scheduler_run_idle(void)
{
	BUG_ON(current_thread != &idle_thread);
	for (;;) {
		thread_yield();
		arch_cpu_idle();
	}
}
