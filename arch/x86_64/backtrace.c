/*
 * backtrace.c: print the chain of callers by following saved frame pointers
 * (the kernel is built with -fno-omit-frame-pointer). Each frame holds the
 * caller's rbp and then the return address.
 */
#include <kuid/arch.h>
#include <kuid/printk.h>
#include <arch/interrupts.h>
#include <arch/memory_layout.h>

#define BACKTRACE_MAX_FRAMES 24

static bool is_kernel_stack_address(uint64_t address)
{
	return address >= DIRECT_MAP_BASE && (address & 7) == 0;
}

void backtrace_print_from(uint64_t rip, uint64_t rbp)
{
	printk(LOG_EMERG, "backtrace (addr2line -e build/kuid.elf ADDRESS names them):\n");
	printk(LOG_EMERG, "  %016lx\n", rip);
	for (int depth = 0; depth < BACKTRACE_MAX_FRAMES && is_kernel_stack_address(rbp); depth++) {
		const uint64_t *frame = (const uint64_t *)rbp;
		uint64_t return_address = frame[1];

		if (return_address < KERNEL_VIRTUAL_OFFSET)
			break;
		printk(LOG_EMERG, "  %016lx\n", return_address);
		rbp = frame[0];
	}
}

void arch_print_backtrace(void)
{
	const uint64_t *frame;

	/* Start at our caller: its return address and its saved frame pointer. */
	__asm__ volatile("mov %%rbp, %0" : "=r"(frame));
	backtrace_print_from(frame[1], frame[0]);
}
