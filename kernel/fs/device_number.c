/*
 * device_number.c: Linux's 32-bit encoding of major:minor, used by stat's
 * st_rdev/st_dev and by mknod's dev argument. The low 8 bits of the minor
 * stay where the old 8:8 encoding had them, so small numbers read the same.
 * Pure logic.
 */
#include <kuid/vfs.h>

uint32_t device_number_encode(struct device_number number)
{
	return (number.minor & 0xff) | ((number.major & 0xfff) << 8) |
	       ((number.minor & ~0xffu) << 12);
}

struct device_number device_number_decode(uint32_t encoded)
{
	return (struct device_number){
		.major = (encoded & 0xfff00) >> 8,
		.minor = (encoded & 0xff) | ((encoded >> 12) & 0xfff00),
	};
}
