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
#include <kuid/heap.h>
#include <kuid/ktest.h>
#include <kuid/page_alloc.h>
#include <kuid/paging.h>
#include <kuid/panic.h>
#include <kuid/printk.h>
#include <kuid/sched.h>

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

static void run_ktests(void *argument)
{
	(void)argument;
	arch_exit(ktest_run_all(kernel_options.ktest_group));
}

static void start_init(void *argument)
{
	(void)argument;
	printk(LOG_INFO, "kuid: user mode is not there yet; %s would start here\n",
	       kernel_options.init_path);
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

	if (!thread_create(kernel_options.run_ktests ? "ktest" : "init",
			   kernel_options.run_ktests ? run_ktests : start_init, NULL,
			   THREAD_DETACHED))
		panic("cannot create the first thread");
	scheduler_run_idle();
}
