/*
 * host_arch.c: the parts of kuid/arch.h, and panic(), that pure kernel code
 * may reach, done the host's way so that code runs in a unit test. A panic
 * becomes a cmocka assertion failure, which expect_assert_failure() can catch.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#include <kuid/arch.h>
#include <kuid/format.h>
#include <kuid/panic.h>

/* The "interrupt flag" of the one host CPU a unit test runs on. */
static bool interrupts_enabled = true;

void arch_early_init(void)
{
}

void arch_timer_init(unsigned int ticks_per_second)
{
	(void)ticks_per_second;
}

void arch_console_write(const char *text, size_t length)
{
	fwrite(text, 1, length, stdout);
}

__noreturn void arch_exit(bool success)
{
	(void)success;
	abort();
}

unsigned long arch_irq_save(void)
{
	unsigned long state = interrupts_enabled;

	interrupts_enabled = false;
	return state;
}

void arch_irq_restore(unsigned long state)
{
	interrupts_enabled = state != 0;
}

void arch_irq_enable(void)
{
	interrupts_enabled = true;
}

void arch_irq_disable(void)
{
	interrupts_enabled = false;
}

bool arch_irq_enabled(void)
{
	return interrupts_enabled;
}

void arch_cpu_idle(void)
{
}

void arch_cpu_relax(void)
{
}

void arch_print_backtrace(void)
{
}

/*
 * mock_assert() jumps back into a test that expects the failure
 * (expect_assert_failure), and fails the running test otherwise. Either way
 * it does not come back; abort() makes sure of that. The message is static
 * because cmocka keeps a pointer to it (global_last_failed_assert), which a
 * test may read to check why the kernel panicked.
 */
__noreturn void panic(const char *format, ...)
{
	static char message[512];
	va_list args;

	va_start(args, format);
	vsnprintf(message, sizeof(message), format, args);
	va_end(args);
	mock_assert(0, message, __FILE__, __LINE__);
	abort();
}
