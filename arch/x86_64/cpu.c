/*
 * cpu.c: interrupt flag handling, idling and the QEMU exit device: the small
 * CPU services that the portable kernel reaches through kuid/arch.h.
 */
#include <kuid/arch.h>
#include <arch/cpu.h>
#include <arch/io.h>
#include <arch/memory_layout.h>

/* isa-debug-exit makes QEMU exit with status (value << 1) | 1: 33 and 35. */
#define QEMU_EXIT_SUCCESS 0x10
#define QEMU_EXIT_FAILURE 0x11

unsigned long arch_irq_save(void)
{
	unsigned long flags = read_rflags();

	__asm__ volatile("cli" : : : "memory");
	return flags & RFLAGS_INTERRUPT_ENABLE;
}

void arch_irq_restore(unsigned long state)
{
	if (state & RFLAGS_INTERRUPT_ENABLE)
		__asm__ volatile("sti" : : : "memory");
}

void arch_irq_enable(void)
{
	__asm__ volatile("sti" : : : "memory");
}

void arch_irq_disable(void)
{
	__asm__ volatile("cli" : : : "memory");
}

bool arch_irq_enabled(void)
{
	return read_rflags() & RFLAGS_INTERRUPT_ENABLE;
}

void arch_cpu_idle(void)
{
	/* sti takes effect after the next instruction, so no wake-up is lost. */
	__asm__ volatile("sti; hlt" : : : "memory");
}

void arch_cpu_relax(void)
{
	__asm__ volatile("pause" : : : "memory");
}

__noreturn void arch_exit(bool success)
{
	port_write32(QEMU_DEBUG_EXIT_PORT, success ? QEMU_EXIT_SUCCESS : QEMU_EXIT_FAILURE);
	/* Not under QEMU, or the device is missing: stop here. */
	for (;;)
		__asm__ volatile("cli; hlt");
}
