/*
 * boot_info.h: what the boot loader told kuid, in kuid's own terms.
 * kernel/boot/multiboot2.c fills it from GRUB's multiboot2 information;
 * nothing else in the kernel reads the multiboot2 format.
 */
#ifndef KUID_BOOT_INFO_H
#define KUID_BOOT_INFO_H

#include <kuid/types.h>

#define BOOT_MEMORY_REGIONS_MAX	64
#define BOOT_MODULES_MAX	8
#define BOOT_COMMAND_LINE_MAX	512

typedef uint64_t physical_address_t;

/* [start, end) in physical memory. */
struct memory_region {
	physical_address_t start;
	physical_address_t end;
};

struct boot_module {
	struct memory_region location;
	char name[64];
};

struct boot_info {
	char command_line[BOOT_COMMAND_LINE_MAX];
	struct memory_region usable_memory[BOOT_MEMORY_REGIONS_MAX];
	size_t usable_memory_count;
	struct boot_module modules[BOOT_MODULES_MAX];
	size_t module_count;
	struct memory_region information;	/* where the multiboot2 data itself is */
};

/*
 * Parse the multiboot2 information at `information` (mapped, readable),
 * whose physical address is `physical`. `available` is how many bytes may be
 * read at most. Returns 0, or -EINVAL with *reason set to one line that says
 * what is malformed.
 */
int multiboot2_parse(const void *information, size_t available, physical_address_t physical,
		     struct boot_info *info, const char **reason);

/* The module with this name (GRUB's module2 string), or NULL. */
const struct boot_module *boot_info_find_module(const struct boot_info *info, const char *name);

#endif
