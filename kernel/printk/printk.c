/*
 * printk.c: format a message and write it to the console if its level is
 * shown. One lock keeps lines from different threads from interleaving.
 */
#include <kuid/arch.h>
#include <kuid/format.h>
#include <kuid/printk.h>
#include <kuid/spinlock.h>

#define PRINTK_LINE_MAX 512

static enum log_level console_level = LOG_INFO;
static struct spinlock console_lock = SPINLOCK_INIT("console");
static bool emergency_mode;

void console_vprint(const char *format, va_list args)
{
	char line[PRINTK_LINE_MAX];
	unsigned long irq_state;
	int length;

	length = vsnprintf(line, sizeof(line), format, args);
	if (length >= (int)sizeof(line))
		length = sizeof(line) - 1;

	if (emergency_mode) {
		arch_console_write(line, length);
		return;
	}
	irq_state = spin_lock_irqsave(&console_lock);
	arch_console_write(line, length);
	spin_unlock_irqrestore(&console_lock, irq_state);
}

void console_print(const char *format, ...)
{
	va_list args;

	va_start(args, format);
	console_vprint(format, args);
	va_end(args);
}

void vprintk(enum log_level level, const char *format, va_list args)
{
	if (level <= console_level)
		console_vprint(format, args);
}

void printk(enum log_level level, const char *format, ...)
{
	va_list args;

	va_start(args, format);
	vprintk(level, format, args);
	va_end(args);
}

void printk_set_console_level(enum log_level level)
{
	console_level = level;
}

void printk_enter_emergency_mode(void)
{
	emergency_mode = true;
}
