/*
 * system.c: system calls about the machine as a whole: sched_yield, getcpu,
 * sysinfo and reboot.
 */
#include <kuid/arch.h>
#include <kuid/clock.h>
#include <kuid/cred.h>
#include <kuid/page_alloc.h>
#include <kuid/printk.h>
#include <kuid/sched.h>
#include <kuid/string.h>
#include <kuid/syscall_handlers.h>
#include <kuid/task.h>
#include <kuid/user_memory.h>
#include <uapi/capability.h>
#include <uapi/errno.h>
#include <uapi/reboot.h>
#include <uapi/sysinfo.h>

long sys_sched_yield(void)
{
	thread_yield();
	return 0;
}

/* One CPU, one memory node. */
long sys_getcpu(unsigned int __user *cpu, unsigned int __user *node, void __user *cache)
{
	unsigned int zero = 0;

	(void)cache;
	if (cpu && copy_to_user(cpu, &zero, sizeof(zero)))
		return -EFAULT;
	if (node && copy_to_user(node, &zero, sizeof(zero)))
		return -EFAULT;
	return 0;
}

static int count_process(struct process *process, void *context)
{
	(void)process;
	(*(unsigned int *)context)++;
	return 0;
}

long sys_sysinfo(struct sysinfo __user *info)
{
	struct sysinfo answer;
	unsigned int processes = 0;

	process_for_each(count_process, &processes);
	memset(&answer, 0, sizeof(answer));
	answer.uptime = (int64_t)(clock_ticks() / CLOCK_TICKS_PER_SECOND);
	answer.totalram = (uint64_t)page_alloc_total_count() * PAGE_FRAME_SIZE;
	answer.freeram = (uint64_t)page_alloc_free_count() * PAGE_FRAME_SIZE;
	answer.procs = (uint16_t)processes;
	answer.mem_unit = 1;
	return copy_to_user(info, &answer, sizeof(answer));
}

static bool reboot_magic_is_valid(int magic1, int magic2)
{
	return (unsigned int)magic1 == LINUX_REBOOT_MAGIC1 &&
	       (magic2 == LINUX_REBOOT_MAGIC2 || magic2 == LINUX_REBOOT_MAGIC2A ||
		magic2 == LINUX_REBOOT_MAGIC2B || magic2 == LINUX_REBOOT_MAGIC2C);
}

/*
 * Power off, halt and restart all end the virtual machine: QEMU is started
 * with -no-reboot, and a teaching kernel has nothing to flush first.
 */
long sys_reboot(int magic1, int magic2, unsigned int command, void __user *argument)
{
	(void)argument;
	if (!capable(CAP_SYS_BOOT))
		return -EPERM;
	if (!reboot_magic_is_valid(magic1, magic2))
		return -EINVAL;
	switch (command) {
	case LINUX_REBOOT_CMD_POWER_OFF:
	case LINUX_REBOOT_CMD_HALT:
	case LINUX_REBOOT_CMD_RESTART:
	case LINUX_REBOOT_CMD_RESTART2:
		printk(LOG_INFO, "kuid: power off\n");
		arch_exit(true);
	case LINUX_REBOOT_CMD_CAD_ON:
	case LINUX_REBOOT_CMD_CAD_OFF:
		return 0;	/* no ctrl-alt-del to configure */
	default:
		return -EINVAL;
	}
}
