/*
 * vfs_time.c: the time stamps files get: the wall clock (kuid/clock.h).
 * Files from the initramfs keep their archived times.
 */
#include <kuid/clock.h>
#include <kuid/vfs.h>

struct vfs_time vfs_now(void)
{
	int64_t nanoseconds = clock_wall_nanoseconds();

	return (struct vfs_time){
		.seconds = nanoseconds / 1000000000,
		.nanoseconds = (uint32_t)(nanoseconds % 1000000000),
	};
}
