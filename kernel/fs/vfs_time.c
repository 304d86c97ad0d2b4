/*
 * vfs_time.c: the time stamps files get. kuid has no wall clock yet, so "now"
 * is the time since boot; files from the initramfs keep their archived times.
 */
#include <kuid/clock.h>
#include <kuid/vfs.h>

struct vfs_time vfs_now(void)
{
	uint64_t milliseconds = clock_milliseconds_since_boot();

	return (struct vfs_time){
		.seconds = (int64_t)(milliseconds / 1000),
		.nanoseconds = (uint32_t)(milliseconds % 1000) * 1000000u,
	};
}
