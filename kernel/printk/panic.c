/*
 * panic.c: the one way the kernel gives up. It prints why, where it was,
 * and turns the failure into QEMU's exit status so a test run sees it.
 */
#include <kuid/arch.h>
#include <kuid/panic.h>
#include <kuid/printk.h>

static bool panic_in_progress;

__noreturn void panic(const char *format, ...)
{
	va_list args;

	arch_irq_disable();
	printk_enter_emergency_mode();
	if (panic_in_progress) {
		/* The report itself failed; the first message is what matters. */
		printk(LOG_EMERG, "KERNEL PANIC: (nested panic)\n");
		arch_exit(false);
	}
	panic_in_progress = true;

	printk(LOG_EMERG, "KERNEL PANIC: ");
	va_start(args, format);
	vprintk(LOG_EMERG, format, args);
	va_end(args);
	printk(LOG_EMERG, "\n");
	arch_print_backtrace();
	arch_exit(false);
}
