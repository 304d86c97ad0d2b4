/*
 * thread.c: the life of a kernel thread: created with its own stack, put on
 * the run queue, started through thread_start(), ended by thread_exit(), and
 * freed by thread_join() (or right after it dies, when detached).
 */
#include <kuid/arch.h>
#include <kuid/heap.h>
#include <kuid/panic.h>
#include <kuid/sched.h>
#include <kuid/string.h>

#include "scheduler_internal.h"

static unsigned int next_thread_id = 1;

/*
 * Every new thread begins here, entered from arch_context_switch with the
 * scheduler lock held (see scheduler.c) and interrupts off.
 */
static void thread_start(void)
{
	struct thread *self = thread_current();

	scheduler_finish_switch();
	spin_unlock(&scheduler_lock);
	arch_irq_enable();
	self->entry(self->argument);
	thread_exit();
}

struct thread *thread_create(const char *name, void (*entry)(void *argument), void *argument,
			     unsigned int flags)
{
	struct thread *thread = kzalloc(sizeof(*thread));
	unsigned long irq_state;

	if (!thread)
		return NULL;
	thread->stack = kmalloc(THREAD_STACK_SIZE);
	if (!thread->stack) {
		kfree(thread);
		return NULL;
	}
	string_copy(thread->name, name, sizeof(thread->name));
	thread->entry = entry;
	thread->argument = argument;
	thread->flags = flags;
	wait_queue_init(&thread->exit_waiters);
	thread->saved_stack_pointer =
		arch_thread_initial_stack((char *)thread->stack + THREAD_STACK_SIZE, thread_start);

	irq_state = spin_lock_irqsave(&scheduler_lock);
	thread->id = next_thread_id++;
	scheduler_enqueue(thread);
	spin_unlock_irqrestore(&scheduler_lock, irq_state);
	return thread;
}

__noreturn void thread_exit(void)
{
	struct thread *self = thread_current();

	BUG_ON(self->stack == NULL);	/* the idle thread never exits */
	/*
	 * From here to the final switch nothing may preempt us, or a joiner
	 * could free this stack while it is still in use.
	 */
	arch_irq_disable();
	__atomic_store_n(&self->exited, true, __ATOMIC_RELEASE);
	wake_up_all(&self->exit_waiters);
	spin_lock(&scheduler_lock);
	self->state = THREAD_DEAD;
	switch_to_next(false);
	panic("dead thread %s was scheduled again", self->name);
}

void thread_join(struct thread *thread)
{
	BUG_ON(thread->flags & THREAD_DETACHED);
	wait_event(&thread->exit_waiters, __atomic_load_n(&thread->exited, __ATOMIC_ACQUIRE));
	/* On another CPU it may still be on its way to the final switch. */
	while (__atomic_load_n(&thread->state, __ATOMIC_ACQUIRE) != THREAD_DEAD)
		thread_yield();
	thread_free(thread);
}

void thread_free(struct thread *thread)
{
	kfree(thread->stack);
	kfree(thread);
}
