/*
 * syscall.h: how system calls reach their handlers.
 *
 * kernel/syscall/syscall_list.h is the one list of implemented system calls:
 * a line `SYSCALL(read, sys_read)` connects Linux's number __NR_read
 * (include/uapi/syscall_numbers.h) to the handler sys_read. The list is
 * expanded several times: into the dispatch table, the table of names used
 * for tracing and for the "not implemented" message, and the prototypes
 * check. A number without a line returns -ENOSYS and is logged once.
 *
 * Handlers are ordinary C functions with the arguments they need, e.g.
 *	long sys_read(int fd, void __user *buffer, size_t count);
 * On x86_64 each argument arrives in its own register (rdi, rsi, rdx, r10,
 * r8, r9), so a handler that names fewer or narrower parameters receives
 * exactly those registers. Handlers return a value or a negative errno.
 */
#ifndef KUID_SYSCALL_H
#define KUID_SYSCALL_H

#include <kuid/types.h>
#include <kuid/user_memory.h>

#define SYSCALL_ARGUMENTS_MAX 6

/* What the architecture hands to the dispatcher. */
struct syscall_request {
	unsigned long number;
	unsigned long arguments[SYSCALL_ARGUMENTS_MAX];
};

/* Run the handler; returns what goes back to user space in rax. */
long syscall_dispatch(const struct syscall_request *request);

/* Log every system call and its result (the syscall_trace=1 command-line option). */
void syscall_trace_enable(bool enable);

/* The name of a system call number, or NULL if kuid does not know it. */
const char *syscall_name(unsigned long number);

/* Whether syscall_list.h gives the number a handler. */
bool syscall_is_implemented(unsigned long number);

#endif
