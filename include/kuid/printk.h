/*
 * printk.h: the kernel's messages on the console, filtered by level.
 * The levels are syslog's, as in Linux; `loglevel=` on the command line sets
 * the most verbose level shown (default: info).
 */
#ifndef KUID_PRINTK_H
#define KUID_PRINTK_H

#include <stdarg.h>
#include <kuid/types.h>

enum log_level {
	LOG_EMERG,	/* the kernel is going down */
	LOG_ALERT,
	LOG_CRIT,
	LOG_ERR,	/* an operation failed */
	LOG_WARNING,	/* something looks wrong */
	LOG_NOTICE,
	LOG_INFO,	/* boot progress */
	LOG_DEBUG,	/* for whoever is debugging */
};

void printk(enum log_level level, const char *format, ...) __attribute__((format(printf, 2, 3)));
void vprintk(enum log_level level, const char *format, va_list args)
	__attribute__((format(printf, 2, 0)));

/*
 * Always printed, whatever the level, and never prefixed: for output that
 * machines read, such as the ktest verdict lines.
 */
void console_print(const char *format, ...) __attribute__((format(printf, 1, 2)));
void console_vprint(const char *format, va_list args) __attribute__((format(printf, 1, 0)));

/* Show messages up to and including this level. */
void printk_set_console_level(enum log_level level);

/* Parse a level name ("err", "info", ...) or digit 0..7; -EINVAL if unknown. */
int log_level_from_name(const char *name, enum log_level *level);

/*
 * Called once the kernel is going down: from now on printk ignores its
 * lock, because the CPU that held it may never release it.
 */
void printk_enter_emergency_mode(void);

#define pr_err(...) printk(LOG_ERR, __VA_ARGS__)
#define pr_warn(...) printk(LOG_WARNING, __VA_ARGS__)
#define pr_info(...) printk(LOG_INFO, __VA_ARGS__)
#define pr_debug(...) printk(LOG_DEBUG, __VA_ARGS__)

#endif
