/*
 * pit.c: the 8253/8254 programmable interval timer, channel 0, in rate
 * generator mode. Each tick raises IRQ 0, which drives the kernel clock and
 * the scheduler's time slices.
 */
#include <kuid/arch.h>
#include <kuid/clock.h>
#include <arch/interrupts.h>
#include <arch/io.h>

#define PIT_CHANNEL0_DATA	0x40
#define PIT_COMMAND		0x43
#define PIT_CHANNEL0_RATE_GENERATOR_LOW_HIGH 0x34
#define PIT_INPUT_HZ		1193182

static void pit_interrupt(struct interrupt_frame *frame)
{
	(void)frame;
	clock_tick();
}

void pit_init(unsigned int ticks_per_second)
{
	unsigned int divisor = PIT_INPUT_HZ / ticks_per_second;

	port_write8(PIT_COMMAND, PIT_CHANNEL0_RATE_GENERATOR_LOW_HIGH);
	port_write8(PIT_CHANNEL0_DATA, divisor & 0xff);
	port_write8(PIT_CHANNEL0_DATA, divisor >> 8);
	irq_set_handler(IRQ_TIMER, pit_interrupt);
}

void arch_timer_init(unsigned int ticks_per_second)
{
	pit_init(ticks_per_second);
}
