/*
 * interval_timer.c: alarm, setitimer and getitimer. A process has at most one
 * ITIMER_REAL, which sends it SIGALRM when it expires and then, if it has an
 * interval, is armed again. Armed timers sit in one list; the timer interrupt
 * (interval_timers_tick, once per clock tick) sends the signals of those
 * whose tick has come. Time is counted in ticks, so a timer is as precise as
 * the clock (10 ms) and never fires early: partial ticks round up.
 *
 * A timer holds no reference on its process: when the process ends, exit
 * calls interval_timer_cancel before the process can be freed. The timer
 * list's lock is taken with interrupts off, since the interrupt takes it too.
 */
#include <kuid/clock.h>
#include <kuid/heap.h>
#include <kuid/signal.h>
#include <kuid/syscall_handlers.h>
#include <kuid/task.h>
#include <kuid/user_memory.h>
#include <uapi/errno.h>
#include <uapi/time.h>

#define MICROSECONDS_PER_TICK (USEC_PER_SEC / CLOCK_TICKS_PER_SECOND)

struct interval_timer {
	struct list_node node;
	struct process *process;	/* no reference: see above */
	uint64_t expires_at;		/* clock tick */
	uint64_t interval_ticks;	/* 0: one shot */
};

static struct spinlock timers_lock = SPINLOCK_INIT("interval timers");
static struct list_node armed_timers = LIST_INIT(armed_timers);

static uint64_t ticks_from_timeval(const struct timeval *time)
{
	uint64_t microseconds = (uint64_t)time->tv_sec * USEC_PER_SEC + (uint64_t)time->tv_usec;

	return (microseconds + MICROSECONDS_PER_TICK - 1) / MICROSECONDS_PER_TICK;
}

static struct timeval timeval_from_ticks(uint64_t ticks)
{
	uint64_t microseconds = ticks * MICROSECONDS_PER_TICK;

	return (struct timeval){ .tv_sec = (int64_t)(microseconds / USEC_PER_SEC),
				 .tv_usec = (int64_t)(microseconds % USEC_PER_SEC) };
}

static bool timeval_is_valid(const struct timeval *time)
{
	return time->tv_sec >= 0 && time->tv_usec >= 0 && time->tv_usec < USEC_PER_SEC;
}

/* The process's timer, or NULL. Lock held. */
static struct interval_timer *timer_of(const struct process *process)
{
	struct interval_timer *timer;

	list_for_each_entry(timer, &armed_timers, node)
		if (timer->process == process)
			return timer;
	return NULL;
}

/* What getitimer reports for a timer (NULL: disarmed). Lock held. */
static struct itimerval timer_value(const struct interval_timer *timer)
{
	struct itimerval value = { 0 };
	uint64_t now = clock_ticks();

	if (!timer)
		return value;
	value.it_interval = timeval_from_ticks(timer->interval_ticks);
	/* An expired timer not yet handled by the tick still has a moment to go. */
	value.it_value = timeval_from_ticks(timer->expires_at > now ? timer->expires_at - now : 1);
	return value;
}

void interval_timers_tick(void)
{
	uint64_t now = clock_ticks();
	struct interval_timer *timer, *next;

	spin_lock(&timers_lock);	/* interrupts are off in a handler */
	list_for_each_entry_safe(timer, next, &armed_timers, node) {
		struct task *target;

		if (timer->expires_at > now)
			continue;
		target = process_signal_target(timer->process);
		if (target) {
			signal_send(target, SIGALRM, NULL);
			task_put(target);
		}
		if (timer->interval_ticks) {
			timer->expires_at = now + timer->interval_ticks;
		} else {
			list_remove(&timer->node);
			kfree(timer);
		}
	}
	spin_unlock(&timers_lock);
}

void interval_timer_cancel(struct task *task)
{
	unsigned long irq_state = spin_lock_irqsave(&timers_lock);
	struct interval_timer *timer = timer_of(task->process);

	if (timer)
		list_remove(&timer->node);
	spin_unlock_irqrestore(&timers_lock, irq_state);
	kfree(timer);
}

/*
 * Arm (or, with a zero it_value, disarm) the caller's ITIMER_REAL and give
 * back its previous setting. 0 or -ENOMEM.
 */
static int timer_set(const struct itimerval *value, struct itimerval *previous)
{
	struct process *process = current_task()->process;
	struct interval_timer *fresh = NULL, *timer;
	bool arming = value->it_value.tv_sec != 0 || value->it_value.tv_usec != 0;
	unsigned long irq_state;

	/* Allocate first, so that nothing under the lock can fail. */
	if (arming) {
		fresh = kmalloc(sizeof(*fresh));
		if (!fresh)
			return -ENOMEM;
	}

	irq_state = spin_lock_irqsave(&timers_lock);
	timer = timer_of(process);
	*previous = timer_value(timer);
	if (timer)
		list_remove(&timer->node);
	if (fresh) {
		fresh->process = process;
		fresh->expires_at = clock_ticks() + ticks_from_timeval(&value->it_value);
		fresh->interval_ticks = ticks_from_timeval(&value->it_interval);
		list_add_tail(&armed_timers, &fresh->node);
	}
	spin_unlock_irqrestore(&timers_lock, irq_state);
	kfree(timer);
	return 0;
}

long sys_setitimer(int which, const struct itimerval __user *new_value,
		   struct itimerval __user *old_value)
{
	struct itimerval value = { 0 }, previous;
	int result;

	/* CPU-time timers (ITIMER_VIRTUAL, ITIMER_PROF) need CPU accounting kuid lacks. */
	if (which != ITIMER_REAL)
		return -EINVAL;
	/* A NULL new value disarms the timer, as Linux allows. */
	if (new_value && copy_from_user(&value, new_value, sizeof(value)) < 0)
		return -EFAULT;
	if (!timeval_is_valid(&value.it_value) || !timeval_is_valid(&value.it_interval))
		return -EINVAL;
	result = timer_set(&value, &previous);
	if (result < 0)
		return result;
	if (old_value && copy_to_user(old_value, &previous, sizeof(previous)) < 0)
		return -EFAULT;
	return 0;
}

long sys_getitimer(int which, struct itimerval __user *value)
{
	struct process *process = current_task()->process;
	struct itimerval current;
	unsigned long irq_state;

	if (which != ITIMER_REAL)
		return -EINVAL;
	irq_state = spin_lock_irqsave(&timers_lock);
	current = timer_value(timer_of(process));
	spin_unlock_irqrestore(&timers_lock, irq_state);
	if (copy_to_user(value, &current, sizeof(current)) < 0)
		return -EFAULT;
	return 0;
}

long sys_alarm(unsigned int seconds)
{
	struct itimerval value = { .it_value = { .tv_sec = seconds } }, previous;
	long remaining;

	if (timer_set(&value, &previous) < 0)
		return 0;	/* alarm cannot fail; Linux has no allocation to fail here */
	/* Whole seconds left, rounded to nearest, but never 0 for an armed alarm (Linux). */
	remaining = previous.it_value.tv_sec;
	if ((remaining == 0 && previous.it_value.tv_usec) || previous.it_value.tv_usec >= 500000)
		remaining++;
	return remaining;
}
