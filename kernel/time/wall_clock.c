/*
 * wall_clock.c: the date and time. The CMOS real-time clock is read once,
 * the first time anyone asks; from then on the date advances with the tick
 * counter, so every clock in kuid moves in the same steps.
 */
#include <kuid/arch.h>
#include <kuid/clock.h>
#include <kuid/spinlock.h>
#include <uapi/time.h>

static int64_t boot_wall_seconds;
static bool boot_wall_known;
static struct spinlock wall_clock_lock = SPINLOCK_INIT("wall clock");

int64_t clock_monotonic_nanoseconds(void)
{
	return (int64_t)clock_ticks() * CLOCK_NANOSECONDS_PER_TICK;
}

/* The date at boot: the RTC's date minus the time since boot. */
static int64_t wall_seconds_at_boot(void)
{
	unsigned long irq_state = spin_lock_irqsave(&wall_clock_lock);

	if (!boot_wall_known) {
		boot_wall_seconds = arch_read_wall_clock() -
				    (int64_t)(clock_ticks() / CLOCK_TICKS_PER_SECOND);
		boot_wall_known = true;
	}
	spin_unlock_irqrestore(&wall_clock_lock, irq_state);
	return boot_wall_seconds;
}

int64_t clock_wall_nanoseconds(void)
{
	return wall_seconds_at_boot() * NSEC_PER_SEC + clock_monotonic_nanoseconds();
}

/* Whole seconds are enough: the date moves in ticks of 10 ms anyway. */
void clock_set_wall_nanoseconds(int64_t nanoseconds)
{
	unsigned long irq_state = spin_lock_irqsave(&wall_clock_lock);

	boot_wall_seconds = (nanoseconds - clock_monotonic_nanoseconds()) / NSEC_PER_SEC;
	boot_wall_known = true;
	spin_unlock_irqrestore(&wall_clock_lock, irq_state);
}
