/*
 * paging.h: virtual memory, as the portable kernel sees it. A page table
 * maps 4 KiB virtual pages to physical pages with permissions; the x86_64
 * four-level implementation lives in arch/x86_64/paging.c.
 */
#ifndef KUID_PAGING_H
#define KUID_PAGING_H

#include <kuid/boot_info.h>
#include <kuid/types.h>

#define PAGE_MAP_WRITE		(1u << 0)
#define PAGE_MAP_USER		(1u << 1)
#define PAGE_MAP_EXECUTE	(1u << 2)

/* One address space's top-level table (a PML4 on x86_64). */
struct page_table {
	physical_address_t root;
};

/*
 * Every physical page is reachable at a fixed offset (the direct map).
 * Before paging_init the boot page tables map only the first 4 GiB there.
 * virtual_to_physical also accepts addresses in the kernel image.
 */
void *physical_to_virtual(physical_address_t address);
physical_address_t virtual_to_physical(const void *direct_mapped);

/*
 * Replace the boot page tables with the kernel's own: the image with proper
 * permissions (text read-only, data not executable) and all usable memory in
 * the direct map. The identity map of low memory is gone afterwards.
 */
void paging_init(const struct boot_info *info);

/* The kernel's page table; every address space shares its upper half. */
struct page_table *paging_kernel_table(void);

/* A new address space: empty lower half, kernel upper half. 0 or -ENOMEM. */
int page_table_create(struct page_table *table);
/* Free every page table page of the lower half (not the mapped pages). */
void page_table_destroy(struct page_table *table);

/*
 * Map one page. -EEXIST if something is mapped there, -ENOMEM if a table
 * page could not be allocated, -EINVAL for an unaligned or non-canonical
 * address, an unknown flag, or PAGE_MAP_USER in the kernel's upper half.
 */
int page_table_map(struct page_table *table, uintptr_t virtual_address,
		   physical_address_t physical_address, unsigned int flags);
/*
 * Remove one mapping (the virtual address must be page-aligned); returns the
 * physical page, or 0 if nothing was mapped. The page itself is not freed.
 */
physical_address_t page_table_unmap(struct page_table *table, uintptr_t virtual_address);
/*
 * Look up a mapping: the physical address of that very byte, and the
 * PAGE_MAP_* flags in effect there. Either result pointer may be NULL.
 * -EFAULT if unmapped.
 */
int page_table_translate(const struct page_table *table, uintptr_t virtual_address,
			 physical_address_t *physical_address, unsigned int *flags);

/*
 * Change the permissions of a present page, keeping the physical page (fork
 * makes pages read-only for copy-on-write this way). 0, or -EFAULT if
 * nothing is mapped there, -EINVAL as page_table_map.
 */
int page_table_protect(struct page_table *table, uintptr_t virtual_address, unsigned int flags);
/*
 * The lowest page-aligned address in [from, end) of the lower half where a
 * page is mapped, or end if there is none. Skips whole absent tables at
 * once, so walking the present pages of an 8 MiB stack region costs a few
 * steps, not 2048 (fork, munmap and exit walk regions this way).
 */
uintptr_t page_table_next_present(const struct page_table *table, uintptr_t from, uintptr_t end);

/* Switch the CPU to this address space. */
void page_table_activate(const struct page_table *table);

#endif
