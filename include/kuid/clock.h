/*
 * clock.h: kernel time, counted in timer ticks since boot.
 */
#ifndef KUID_CLOCK_H
#define KUID_CLOCK_H

#include <kuid/types.h>

#define CLOCK_TICKS_PER_SECOND 100

/* Called by the timer interrupt once per tick. */
void clock_tick(void);

uint64_t clock_ticks(void);
uint64_t clock_milliseconds_since_boot(void);

/* Nanoseconds since boot, and since 1970 (the RTC's date plus the ticks). */
int64_t clock_monotonic_nanoseconds(void);
int64_t clock_wall_nanoseconds(void);
/* Set the date (clock_settime of CLOCK_REALTIME; the caller checked CAP_SYS_TIME). */
void clock_set_wall_nanoseconds(int64_t nanoseconds);

#define CLOCK_NANOSECONDS_PER_TICK (1000000000ll / CLOCK_TICKS_PER_SECOND)

static inline uint64_t clock_ticks_from_milliseconds(uint64_t milliseconds)
{
	return (milliseconds * CLOCK_TICKS_PER_SECOND + 999) / 1000;
}

/*
 * A duration as whole ticks, rounded up: a wait never ends before the time
 * asked for. Nothing (<= 0) is 0 ticks; callers cap durations of centuries.
 */
static inline int64_t clock_ticks_from_nanoseconds(int64_t nanoseconds)
{
	if (nanoseconds <= 0)
		return 0;
	return (nanoseconds + CLOCK_NANOSECONDS_PER_TICK - 1) / CLOCK_NANOSECONDS_PER_TICK;
}

#endif
