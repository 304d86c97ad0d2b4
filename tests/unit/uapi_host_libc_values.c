/*
 * What the host C library (glibc) says about the few ABI facts the kernel does not export
 * in its uapi headers, for test_uapi_layout. Includes no kuid header.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <stddef.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <ucontext.h>

#include "uapi_checks.h"

const struct uapi_fact host_libc_constants[] = {
	LIBC_CONSTANTS(HOST_FACT_SAME, HOST_FACT_RENAMED)
};
const size_t host_libc_constant_count =
	sizeof(host_libc_constants) / sizeof(host_libc_constants[0]);

const struct uapi_fact host_libc_layouts[] = {
	LIBC_LAYOUTS(HOST_FACT_SIZE, HOST_FACT_FIELD, HOST_FACT_OFFSET)
};
const size_t host_libc_layout_count = sizeof(host_libc_layouts) / sizeof(host_libc_layouts[0]);

void host_decode_wait_status(int status, struct wait_status_meaning *meaning)
{
	meaning->exited = WIFEXITED(status) != 0;
	meaning->exit_status = WEXITSTATUS(status);
	meaning->signaled = WIFSIGNALED(status) != 0;
	meaning->term_signal = WTERMSIG(status);
	meaning->stopped = WIFSTOPPED(status) != 0;
	meaning->stop_signal = WSTOPSIG(status);
	meaning->continued = WIFCONTINUED(status) != 0;
	meaning->core_dumped = WCOREDUMP(status) != 0;
}

int host_wait_exit_code(int code, int signal)
{
	return W_EXITCODE(code, signal);
}

int host_wait_stop_code(int signal)
{
	return W_STOPCODE(signal);
}
