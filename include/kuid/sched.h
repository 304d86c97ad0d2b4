/*
 * sched.h: kernel threads and the scheduler.
 * Threads take turns on the CPU in round-robin order; the timer interrupt
 * ends a thread's time slice, so a thread that never blocks cannot starve
 * the others. The thread that ran kernel_main becomes the idle thread, which
 * runs only when no other thread is ready.
 */
#ifndef KUID_SCHED_H
#define KUID_SCHED_H

#include <kuid/list.h>
#include <kuid/types.h>
#include <kuid/wait.h>

#define THREAD_NAME_MAX		32
#define THREAD_STACK_SIZE	(16 * 1024)
#define SCHEDULER_SLICE_TICKS	2	/* 20 ms at 100 Hz */

enum thread_state {
	THREAD_RUNNING,		/* on the CPU now */
	THREAD_READY,		/* in the run queue */
	THREAD_BLOCKED,		/* waiting: a wait queue or a sleep */
	THREAD_DEAD,		/* finished; waits for thread_join */
};

struct task;

/* Created threads must be joined, unless created with this flag. */
#define THREAD_DETACHED (1u << 0)

struct thread {
	/* Protected by the scheduler lock. */
	enum thread_state state;
	struct list_node queue_node;	/* run queue or sleep list */
	uint64_t wake_at_tick;		/* when sleeping */
	unsigned int slice_ticks_left;

	/* Fixed at creation. */
	unsigned int id;
	unsigned int flags;
	char name[THREAD_NAME_MAX];
	void (*entry)(void *argument);
	void *argument;
	void *stack;			/* NULL for the boot thread */
	uintptr_t saved_stack_pointer;
	struct wait_queue exit_waiters;	/* thread_join sleeps here */
	bool exited;			/* set once, by thread_exit */

	/* The user task this thread runs (kuid/task.h), NULL for a kernel thread. */
	struct task *task;
};

/* Turn the running boot context into the idle thread. */
void scheduler_init(void);

/* Start a thread that runs entry(argument). NULL when out of memory. */
struct thread *thread_create(const char *name, void (*entry)(void *argument), void *argument,
			     unsigned int flags);

/* Wait for a (non-detached) thread to finish and free it. */
void thread_join(struct thread *thread);

/* End the calling thread; returning from its entry function does the same. */
__noreturn void thread_exit(void);

struct thread *thread_current(void);

/* Give the CPU to the next ready thread, if any. */
void thread_yield(void);

void thread_sleep_milliseconds(uint64_t milliseconds);

/* Block the current thread (state already set) and run another one. */
void schedule(void);

/* Make a blocked thread ready again. */
void thread_wake(struct thread *thread);

/* The idle loop of the boot thread; never returns. */
__noreturn void scheduler_run_idle(void);

/* Called from the timer interrupt, and at the end of every interrupt. */
void scheduler_tick(void);
void scheduler_preempt_if_needed(void);

#endif
