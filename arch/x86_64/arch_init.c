/*
 * arch_init.c: the order in which the x86_64 pieces come up. The console
 * first, so everything after it can report problems; then segments and the
 * interrupt table, so a fault prints a report instead of resetting the CPU.
 */
#include <kuid/arch.h>
#include <arch/gdt.h>
#include <arch/interrupts.h>
#include <arch/serial.h>
#include <arch/user_mode.h>

void arch_early_init(void)
{
	serial_init();
	gdt_init();
	idt_init();
	pic_init();
	user_mode_init();
}
