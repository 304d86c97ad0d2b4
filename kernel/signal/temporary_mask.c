/*
 * temporary_mask.c: a signal mask that lasts until the system call returns,
 * as rt_sigsuspend, ppoll and pselect6 need. The old mask is kept aside; if a
 * handler runs, its frame saves the old mask so sigreturn brings it back;
 * otherwise signal_deliver() puts it back on the way out.
 */
#include <kuid/signal.h>
#include <kuid/task.h>

#include "signal_internal.h"

void signal_set_mask_until_return(kernel_sigset_t mask)
{
	struct task *task = current_task();
	unsigned long irq_state;

	if (!signal_lock(task, &irq_state))
		return;
	task->signals.saved_blocked = task->signals.blocked;
	task->signals.restore_saved_blocked = true;
	task->signals.blocked = mask & ~SIGNALS_UNBLOCKABLE;
	signal_unlock(task, irq_state);
}
