/*
 * syscall_table.c: from a system-call number to its handler.
 *
 * kernel/syscall/syscall_list.h is expanded here into the dispatch table,
 * indexed by Linux's numbers; syscall_names.h, which lists every Linux system
 * call, into the table of names. The Makefile makes syscall_names.h (in
 * build/generated/) from include/uapi/syscall_numbers.h with
 *	sed -n 's/^#define __NR_\([a-z0-9_]*\) .*$/SYSCALL_NAME(\1)/p'
 * and each line takes its number from __NR_name. A number with no
 * handler returns -ENOSYS and is reported once, by name, so that a program
 * that fails for want of a system call says which one.
 */
#include <kuid/bitmap.h>
#include <kuid/errno_name.h>
#include <kuid/format.h>
#include <kuid/printk.h>
#include <kuid/syscall.h>
#include <kuid/syscall_handlers.h>
#include <kuid/task.h>
#include <uapi/errno.h>
#include <uapi/syscall_numbers.h>

/*
 * Every handler is called as if it took six unsigned longs: on x86_64 each
 * argument travels in its own register, so a handler declaring fewer or
 * narrower parameters simply reads the ones it wants. The cast goes through
 * a generic function type, which is how C spells "I know the types differ".
 */
typedef long (*syscall_handler_t)(unsigned long, unsigned long, unsigned long, unsigned long,
				  unsigned long, unsigned long);
typedef void (*generic_function_t)(void);

#define SYSCALL(name, handler) \
	[__NR_##name] = (syscall_handler_t)(generic_function_t)handler,
static const syscall_handler_t syscall_table[NR_SYSCALLS] = {
#include "syscall_list.h"
};
#undef SYSCALL

#define SYSCALL_NAME(name) [__NR_##name] = #name,
static const char *const syscall_names[NR_SYSCALLS] = {
#include "syscall_names.h"
};
#undef SYSCALL_NAME

/* Numbers already reported as not implemented. */
static unsigned long reported_missing[BITMAP_WORDS(NR_SYSCALLS)];

const char *syscall_name(unsigned long number)
{
	return number < NR_SYSCALLS ? syscall_names[number] : NULL;
}

bool syscall_is_implemented(unsigned long number)
{
	return number < NR_SYSCALLS && syscall_table[number] != NULL;
}

static void report_missing(unsigned long number)
{
	struct task *task = current_task();
	const char *name = syscall_name(number);

	if (number < NR_SYSCALLS) {
		if (bitmap_test(reported_missing, number))
			return;
		bitmap_set(reported_missing, number);
	}
	printk(LOG_WARNING, "kuid: %s[%d]: system call %s (%lu) is not implemented\n",
	       task ? task->comm : "kernel", task ? task->tid : 0, name ? name : "unknown",
	       number);
}

static bool trace_enabled;

void syscall_trace_enable(bool enable)
{
	trace_enabled = enable;
}

/* One line per call: the caller, the name, the first four arguments in hex. */
static void trace_call(const struct syscall_request *request, const char *what)
{
	struct task *task = current_task();
	const unsigned long *argument = request->arguments;

	printk(LOG_INFO, "trace: %s[%d] %s(%#lx, %#lx, %#lx, %#lx) %s\n",
	       task ? task->comm : "kernel", task ? task->tid : 0,
	       syscall_name(request->number) ? syscall_name(request->number) : "?", argument[0],
	       argument[1], argument[2], argument[3], what);
}

static void trace_result(const struct syscall_request *request, long result)
{
	char text[48];

	if (result < 0 && result >= -4095)
		snprintf(text, sizeof(text), "= -%s", errno_name((int)-result));
	else
		snprintf(text, sizeof(text), "= %ld (%#lx)", result, (unsigned long)result);
	trace_call(request, text);
}

long syscall_dispatch(const struct syscall_request *request)
{
	const unsigned long *argument = request->arguments;
	syscall_handler_t handler = NULL;
	long result;

	if (request->number < NR_SYSCALLS)
		handler = syscall_table[request->number];
	if (!handler) {
		report_missing(request->number);
		return -ENOSYS;
	}
	if (!trace_enabled)
		return handler(argument[0], argument[1], argument[2], argument[3], argument[4],
			       argument[5]);
	/* The calls that never return are shown before they run, the others with their result. */
	if (request->number == __NR_exit || request->number == __NR_exit_group)
		trace_call(request, "");
	result = handler(argument[0], argument[1], argument[2], argument[3], argument[4],
			 argument[5]);
	trace_result(request, result);
	return result;
}
