/*
 * signal_handlers.c: the table of 64 actions a process installs with
 * rt_sigaction, shared by reference between the tasks cloned with
 * CLONE_SIGHAND, and the rest of a task's signal state from birth (fork,
 * clone) through execve to its end.
 */
#include <kuid/heap.h>
#include <kuid/signal.h>
#include <kuid/string.h>
#include <kuid/task.h>
#include <uapi/errno.h>

struct signal_handlers *signal_handlers_create(void)
{
	struct signal_handlers *handlers = kzalloc(sizeof(*handlers));

	if (!handlers)
		return NULL;
	handlers->references = 1;
	spin_lock_init(&handlers->lock, "signal");
	/* kzalloc made every sa_handler 0, which is SIG_DFL. */
	return handlers;
}

struct signal_handlers *signal_handlers_copy(struct signal_handlers *handlers)
{
	struct signal_handlers *copy = signal_handlers_create();
	unsigned long irq_state;

	if (!copy)
		return NULL;
	irq_state = spin_lock_irqsave(&handlers->lock);
	memcpy(copy->actions, handlers->actions, sizeof(copy->actions));
	spin_unlock_irqrestore(&handlers->lock, irq_state);
	return copy;
}

struct signal_handlers *signal_handlers_get(struct signal_handlers *handlers)
{
	__atomic_add_fetch(&handlers->references, 1, __ATOMIC_RELAXED);
	return handlers;
}

void signal_handlers_put(struct signal_handlers *handlers)
{
	if (handlers && __atomic_sub_fetch(&handlers->references, 1, __ATOMIC_ACQ_REL) == 0)
		kfree(handlers);
}

void task_signals_init(struct task_signals *signals, struct signal_handlers *handlers,
		       const struct task_signals *parent, struct signal_queue *shared_pending)
{
	memset(signals, 0, sizeof(*signals));
	signals->handlers = handlers;
	signal_queue_init(&signals->pending);
	signals->shared_pending = shared_pending;
	/* fork and clone keep the mask and the alternate stack (a new thread drops the latter). */
	if (parent) {
		signals->blocked = parent->blocked;
		signals->alternate_stack_base = parent->alternate_stack_base;
		signals->alternate_stack_size = parent->alternate_stack_size;
		signals->alternate_stack_flags = parent->alternate_stack_flags;
	} else {
		signals->alternate_stack_flags = SS_DISABLE;
	}
}

void task_signals_destroy(struct task_signals *signals)
{
	signal_queue_flush(&signals->pending);
	signal_handlers_put(signals->handlers);
	signals->handlers = NULL;
}

int signals_reset_on_exec(struct task *task)
{
	struct signal_handlers *handlers = task->signals.handlers;
	struct signal_handlers *private_copy = NULL;
	unsigned long irq_state;

	/* Another process shares the table (clone with CLONE_SIGHAND, no CLONE_THREAD). */
	if (__atomic_load_n(&handlers->references, __ATOMIC_ACQUIRE) > 1) {
		private_copy = signal_handlers_copy(handlers);
		if (!private_copy)
			return -ENOMEM;
	}

	irq_state = spin_lock_irqsave(&handlers->lock);
	if (private_copy)
		task->signals.handlers = private_copy;
	spin_unlock_irqrestore(&handlers->lock, irq_state);
	if (private_copy) {
		signal_handlers_put(handlers);
		handlers = private_copy;
	}

	irq_state = spin_lock_irqsave(&handlers->lock);
	for (int signal = 1; signal <= SIGNAL_COUNT; signal++) {
		struct kernel_sigaction *action = &handlers->actions[signal - 1];

		/* The new program's code is not where the old handlers were: only SIG_IGN survives. */
		if (action->sa_handler != SIG_IGN)
			action->sa_handler = SIG_DFL;
		action->sa_flags = 0;
		action->sa_restorer = 0;
		action->sa_mask = 0;
	}
	/* The alternate stack was in the old address space. */
	task->signals.alternate_stack_base = 0;
	task->signals.alternate_stack_size = 0;
	task->signals.alternate_stack_flags = SS_DISABLE;
	spin_unlock_irqrestore(&handlers->lock, irq_state);
	return 0;
}
