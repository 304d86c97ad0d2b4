/*
 * clock.c: the tick counter. Each timer interrupt advances it, wakes
 * sleepers whose time has come, tells the scheduler a slice has passed and
 * fires the alarms that are due.
 */
#include <kuid/clock.h>
#include <kuid/sched.h>
#include <kuid/signal.h>

static volatile uint64_t ticks_since_boot;

void clock_tick(void)
{
	__atomic_add_fetch(&ticks_since_boot, 1, __ATOMIC_RELAXED);
	scheduler_tick();
	interval_timers_tick();	/* alarm(): SIGALRM when due */
}

uint64_t clock_ticks(void)
{
	return __atomic_load_n(&ticks_since_boot, __ATOMIC_RELAXED);
}

uint64_t clock_milliseconds_since_boot(void)
{
	return clock_ticks() * 1000 / CLOCK_TICKS_PER_SECOND;
}
