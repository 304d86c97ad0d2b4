/*
 * signal_internal.h: what the files of kernel/signal/ share with each other.
 * Not an interface: the rest of the kernel uses kuid/signal.h.
 */
#ifndef KERNEL_SIGNAL_SIGNAL_INTERNAL_H
#define KERNEL_SIGNAL_SIGNAL_INTERNAL_H

#include <kuid/signal.h>

struct task;

/* signal_queue.c; the caller holds the signal lock. */

/*
 * Queue a copy of info (si_signo says which). 0, or -EAGAIN for a real-time
 * signal when there is no memory.
 */
int signal_queue_add(struct signal_queue *queue, const siginfo_t *info);
/* Take the oldest entry of `signal`, which must be in queue->signals. */
void signal_queue_take(struct signal_queue *queue, int signal, siginfo_t *info);
/* Drop every entry of these signals. */
void signal_queue_discard(struct signal_queue *queue, kernel_sigset_t signals);

/*
 * The signal lock of a task: its handlers' lock, taken with interrupts off.
 * False (nothing locked) when the task has already given its handlers back.
 */
bool signal_lock(struct task *task, unsigned long *irq_state);
void signal_unlock(struct task *task, unsigned long irq_state);

/* Signals pending for the task (its own and its process's), blocked or not. Lock held. */
kernel_sigset_t signal_pending_set(const struct task *task);

/* Stopped tasks sleep here (signal_stop_current); SIGCONT and SIGKILL wake them. */
extern struct wait_queue signal_stopped_tasks;

/* The registers a system call of the current thread will return with. */
struct user_registers *signal_current_registers(void);

#endif
