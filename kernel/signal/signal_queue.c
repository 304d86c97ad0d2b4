/*
 * signal_queue.c: pending signals. A queue keeps one entry (with its
 * siginfo) per pending standard signal and one per send of a real-time
 * signal, oldest first, plus the set of numbers that have entries. Callers
 * hold the signal lock (struct signal_handlers) of the task owning the queue.
 */
#include <kuid/heap.h>
#include <kuid/signal.h>
#include <kuid/string.h>
#include <uapi/errno.h>

#include "signal_internal.h"

void signal_queue_init(struct signal_queue *queue)
{
	queue->signals = 0;
	list_init(&queue->entries);
}

void signal_queue_flush(struct signal_queue *queue)
{
	struct queued_signal *entry, *next;

	list_for_each_entry_safe(entry, next, &queue->entries, node) {
		list_remove(&entry->node);
		kfree(entry);
	}
	queue->signals = 0;
}

int signal_queue_add(struct signal_queue *queue, const siginfo_t *info)
{
	int signal = info->si_signo;
	struct queued_signal *entry;

	/* A standard signal already pending is not queued twice: the two merge. */
	if (!signal_is_realtime(signal) && sigset_has(queue->signals, signal))
		return 0;
	entry = kmalloc(sizeof(*entry));
	if (!entry) {
		/* Linux too lets a standard signal through without its details. */
		if (signal_is_realtime(signal))
			return -EAGAIN;
		queue->signals = sigset_add(queue->signals, signal);
		return 0;
	}
	entry->info = *info;
	list_add_tail(&queue->entries, &entry->node);
	queue->signals = sigset_add(queue->signals, signal);
	return 0;
}

void signal_queue_take(struct signal_queue *queue, int signal, siginfo_t *info)
{
	struct queued_signal *entry, *found = NULL;
	bool more = false;

	list_for_each_entry(entry, &queue->entries, node) {
		if (entry->info.si_signo != signal)
			continue;
		if (found) {
			more = true;
			break;
		}
		found = entry;
	}
	if (found) {
		*info = found->info;
		list_remove(&found->node);
		kfree(found);
	} else {
		/* Queued without details (out of memory): the kernel sent it. */
		memset(info, 0, sizeof(*info));
		info->si_signo = signal;
		info->si_code = SI_KERNEL;
	}
	if (!more)
		queue->signals = sigset_remove(queue->signals, signal);
}

void signal_queue_discard(struct signal_queue *queue, kernel_sigset_t signals)
{
	struct queued_signal *entry, *next;

	list_for_each_entry_safe(entry, next, &queue->entries, node) {
		if (sigset_has(signals, entry->info.si_signo)) {
			list_remove(&entry->node);
			kfree(entry);
		}
	}
	queue->signals &= ~signals;
}
