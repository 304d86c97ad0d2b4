/*
 * root_file_system.c: the file system at boot. The root is a tmpfs mount
 * (not the archive itself, which stays read-only in boot memory), filled from
 * the initramfs cpio archive, then given the directories and device nodes
 * kuid's drivers need. A corrupt archive stops the kernel with one line that
 * names the entry and what is wrong with it.
 */
#include <kuid/device.h>
#include <kuid/panic.h>
#include <kuid/printk.h>
#include <kuid/procfs.h>
#include <kuid/vfs.h>

void vfs_init(void)
{
	int error;

	memory_devices_register();
	error = vfs_mount_root("tmpfs");
	if (error < 0)
		panic("cannot make the root tmpfs: error %d", error);
}

void root_file_system_init(const void *archive, size_t size)
{
	const char *failed_name, *reason;

	vfs_init();
	if (initramfs_unpack(archive, size, &failed_name, &reason) < 0)
		panic("initramfs: entry '%s': %s", failed_name,
		      reason ? reason : "cannot be unpacked");
	vfs_create_standard_nodes();
	procfs_mount_at_boot();
	printk(LOG_INFO, "kuid: root file system unpacked from the initramfs (%zu bytes)\n", size);
}
