/*
 * The Linux x86_64 ABI as this machine's kernel headers state it, for test_uapi_layout.
 * Includes no kuid header: the same names mean the host's definitions here.
 */
#include <stddef.h>
#include <stdint.h>
#include <asm/unistd.h>
#include <linux/errno.h>
#include <asm/signal.h>
#include <linux/signal.h>
#include <asm/siginfo.h>
#include <asm/sigcontext.h>
#include <asm/ucontext.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <asm/stat.h>
#include <linux/stat.h>
#include <asm/statfs.h>
#include <linux/magic.h>
#include <asm/mman.h>
#include <linux/mman.h>
#include <linux/wait.h>
#include <linux/sched.h>
#include <asm/termbits.h>
#include <asm/termios.h>
#include <asm/ioctls.h>
#include <asm/ioctl.h>
#include <linux/nsfs.h>
#include <linux/time.h>
#include <linux/resource.h>
#include <linux/utsname.h>
#include <linux/auxvec.h>
#include <linux/prctl.h>
#include <asm/prctl.h>
#include <linux/capability.h>
#include <linux/securebits.h>
#include <linux/mount.h>
#include <linux/random.h>
#include <linux/limits.h>

#include "uapi_checks.h"

const struct uapi_fact host_kernel_constants[] = {
	KERNEL_CONSTANTS(HOST_FACT_SAME, HOST_FACT_RENAMED)
};
const size_t host_kernel_constant_count =
	sizeof(host_kernel_constants) / sizeof(host_kernel_constants[0]);

const struct uapi_fact host_kernel_layouts[] = {
	KERNEL_LAYOUTS(HOST_FACT_SIZE, HOST_FACT_FIELD)
};
const size_t host_kernel_layout_count =
	sizeof(host_kernel_layouts) / sizeof(host_kernel_layouts[0]);
