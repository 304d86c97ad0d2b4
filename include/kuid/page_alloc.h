/*
 * page_alloc.h: the physical page allocator. It hands out 4 KiB pages of
 * physical memory, tracked by a bitmap built from the boot memory map.
 */
#ifndef KUID_PAGE_ALLOC_H
#define KUID_PAGE_ALLOC_H

#include <kuid/boot_info.h>
#include <kuid/types.h>

#define PAGE_FRAME_SIZE 4096

/*
 * Build the allocator from the usable regions of the boot information,
 * keeping out every region in `reserved` (the kernel image, the boot
 * information, the modules, the first megabyte).
 */
void page_alloc_init(const struct boot_info *info, const struct memory_region *reserved,
		     size_t reserved_count);

/* One page, or 0 when memory is exhausted (physical page 0 is never handed out). */
physical_address_t page_alloc(void);

/* `count` physically contiguous pages, or 0. */
physical_address_t page_alloc_contiguous(size_t count);

void page_free(physical_address_t page);
void page_free_contiguous(physical_address_t first_page, size_t count);

size_t page_alloc_free_count(void);
size_t page_alloc_total_count(void);
/* How many frames the allocator describes: frame 0 up to the highest usable one. */
size_t page_alloc_frame_count(void);

#endif
