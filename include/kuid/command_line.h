/*
 * command_line.h: the kernel command line, as GRUB passes it.
 *   ktest             run every in-kernel test, then exit QEMU with the verdict
 *   ktest=GROUP       run only the tests of one group
 *   init=PATH         the first user program (default /init)
 *   loglevel=LEVEL    0..7 or emerg, alert, crit, err, warn, notice, info, debug
 *   syscall_trace=1   log every system call of user programs with its result
 */
#ifndef KUID_COMMAND_LINE_H
#define KUID_COMMAND_LINE_H

#include <kuid/printk.h>
#include <kuid/types.h>

#define KTEST_GROUP_MAX 32
#define INIT_PATH_MAX 256

struct kernel_options {
	bool run_ktests;
	char ktest_group[KTEST_GROUP_MAX];	/* empty: every group */
	char init_path[INIT_PATH_MAX];
	enum log_level console_level;
	bool syscall_trace;
};

/*
 * Parse words separated by spaces. Returns 0, or -EINVAL with `error` filled
 * with one line naming the word that was not understood.
 */
int command_line_parse(const char *command_line, struct kernel_options *options, char *error,
		       size_t error_size);

#endif
