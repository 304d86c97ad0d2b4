/*
 * main.c: kernel_main, where the portable kernel starts. It brings the
 * subsystems up in dependency order, then either runs the in-kernel tests
 * or starts the first user program, and becomes the idle thread.
 * docs/boot.md follows the path from GRUB to here.
 */
#include <kuid/arch.h>
#include <kuid/boot_info.h>
#include <kuid/clock.h>
#include <kuid/command_line.h>
#include <kuid/errno_name.h>
#include <kuid/heap.h>
#include <kuid/ktest.h>
#include <kuid/page_alloc.h>
#include <kuid/paging.h>
#include <kuid/panic.h>
#include <kuid/printk.h>
#include <kuid/sched.h>
#include <kuid/syscall.h>
#include <kuid/task.h>
#include <kuid/user_registers.h>
#include <kuid/tty.h>
#include <kuid/vfs.h>

#define INITRAMFS_MODULE_NAME "initramfs"
/* The boot page tables map this much of the direct map (entry.S). */
#define BOOT_DIRECT_MAP_BYTES 0x100000000ull

static struct boot_info boot_info;
static struct kernel_options kernel_options;

void kernel_main(uint32_t multiboot_information);

static void read_boot_information(uint32_t multiboot_information)
{
	const char *reason = "";
	char error[160];

	if (multiboot2_parse(physical_to_virtual(multiboot_information),
			     BOOT_DIRECT_MAP_BYTES - multiboot_information, multiboot_information,
			     &boot_info, &reason) < 0)
		panic("boot information from the boot loader is malformed: %s", reason);
	if (command_line_parse(boot_info.command_line, &kernel_options, error, sizeof(error)) < 0)
		panic("%s", error);
	printk_set_console_level(kernel_options.console_level);
	syscall_trace_enable(kernel_options.syscall_trace);
	if (!boot_info_find_module(&boot_info, INITRAMFS_MODULE_NAME))
		panic("no boot module named '%s': grub.cfg must load the root file system "
		      "with 'module2 /boot/initramfs.cpio %s'",
		      INITRAMFS_MODULE_NAME, INITRAMFS_MODULE_NAME);
}

static void start_memory_management(void)
{
	struct memory_region reserved[2 + BOOT_MODULES_MAX + 1];
	size_t count = arch_reserved_memory(reserved, ARRAY_SIZE(reserved));

	reserved[count++] = boot_info.information;
	for (size_t i = 0; i < boot_info.module_count; i++)
		reserved[count++] = boot_info.modules[i].location;

	page_alloc_init(&boot_info, reserved, count);
	paging_init(&boot_info);
	heap_init();
}

/* The root tmpfs, filled from the initramfs (docs/files.md). */
static void unpack_root_file_system(void)
{
	const struct boot_module *module = boot_info_find_module(&boot_info,
								 INITRAMFS_MODULE_NAME);

	root_file_system_init(physical_to_virtual(module->location.start),
			      module->location.end - module->location.start);
}

static void run_ktests(void *argument)
{
	(void)argument;
	arch_exit(ktest_run_all(kernel_options.ktest_group));
}

/*
 * Become pid 1 and run the init program. There is nobody to report a failure
 * to, so a failure stops the kernel. When init exits, kuid ends with it
 * (kernel/task/exit.c).
 */
static void start_init(void *argument)
{
	const char *const argv[] = { kernel_options.init_path, NULL };
	const char *const envp[] = { "HOME=/", "TERM=linux", NULL };
	int error;

	(void)argument;
	error = task_create_init();
	if (error)
		panic("cannot create the first process: %s", errno_name(error));
	error = task_exec(kernel_options.init_path, argv, envp);
	if (error)
		panic("cannot run init %s: %s", kernel_options.init_path, errno_name(error));
	return_to_user(user_registers_of(thread_current()));
	user_mode_enter();
}

void kernel_main(uint32_t multiboot_information)
{
	arch_early_init();
	printk(LOG_INFO, "kuid: booting\n");
	read_boot_information(multiboot_information);
	printk(LOG_INFO, "kuid: command line '%s'\n", boot_info.command_line);

	start_memory_management();
	scheduler_init();
	arch_timer_init(CLOCK_TICKS_PER_SECOND);
	unpack_root_file_system();
	tty_init();	/* the serial ports' terminals and /dev/console */

	if (!thread_create(kernel_options.run_ktests ? "ktest" : "init",
			   kernel_options.run_ktests ? run_ktests : start_init, NULL,
			   THREAD_DETACHED))
		panic("cannot create the first thread");
	scheduler_run_idle();
}
