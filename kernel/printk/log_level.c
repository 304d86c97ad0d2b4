/*
 * log_level.c: the names of the log levels, as `loglevel=` accepts them.
 * Kept apart from printk.c because it is pure logic the host tests can use.
 */
#include <kuid/printk.h>
#include <kuid/string.h>
#include <uapi/errno.h>

static const char *const level_names[] = {
	[LOG_EMERG] = "emerg", [LOG_ALERT] = "alert",   [LOG_CRIT] = "crit",
	[LOG_ERR] = "err",     [LOG_WARNING] = "warn",  [LOG_NOTICE] = "notice",
	[LOG_INFO] = "info",   [LOG_DEBUG] = "debug",
};

int log_level_from_name(const char *name, enum log_level *level)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(level_names); i++) {
		bool is_digit = name[0] == (char)('0' + i) && name[1] == '\0';

		if (is_digit || strcmp(name, level_names[i]) == 0) {
			*level = (enum log_level)i;
			return 0;
		}
	}
	return -EINVAL;
}
