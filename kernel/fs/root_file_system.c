/*
 * root_file_system.c: the file system at boot. The root is a tmpfs mount
 * (not the archive itself, which stays read-only in boot memory), filled from
 * the initramfs cpio archive, then given the directories and device nodes
 * kuid's drivers need. A corrupt archive stops the kernel with one line that
 * names the entry and what is wrong with it.
 */
#include <kuid/device.h>
#include <kuid/errno_name.h>
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
	struct initramfs_failure failure;
	const char *reason;
	int error;

	vfs_init();
	error = initramfs_unpack(archive, size, &failure);
	reason = failure.reason ? failure.reason : "cannot be unpacked";
	if (error < 0 && failure.entry[0])
		panic("initramfs: entry '%s' (header at byte %zu of %zu): %s (%s)", failure.entry,
		      failure.offset, size, reason, errno_name(error));
	if (error < 0)
		panic("initramfs: corrupt archive at byte %zu of %zu: %s (%s)", failure.offset,
		      size, reason, errno_name(error));
	vfs_create_standard_nodes();
	procfs_mount_at_boot();
	printk(LOG_INFO, "kuid: root file system unpacked from the initramfs (%zu bytes)\n", size);
}
