/*
 * address_space_internal.h (private to kernel/mm): what the files of an
 * address space share. address_space.c makes and changes regions,
 * address_space_fault.c brings pages in (demand paging, copy-on-write),
 * address_space_copy.c is fork, address_space_remap.c is mremap. All of
 * these run with space->lock held.
 */
#ifndef KUID_MM_ADDRESS_SPACE_INTERNAL_H
#define KUID_MM_ADDRESS_SPACE_INTERNAL_H

#include <kuid/address_space.h>
#include <kuid/page_alloc.h>

#define PAGE_BYTES		PAGE_FRAME_SIZE
#define PAGE_ALIGN_UP(value)	ALIGN_UP((uintptr_t)(value), PAGE_BYTES)
#define PAGE_ALIGN_DOWN(value)	ALIGN_DOWN((uintptr_t)(value), PAGE_BYTES)

/* The page-table permissions of a page in a region of this protection. */
unsigned int page_flags_for(unsigned int protection);

/*
 * RLIMIT_AS: may the regions grow by `growth` bytes without passing
 * space->size_limit? Called with the lock held.
 */
bool address_space_may_grow(struct address_space *space, size_t growth);

/*
 * A region_removed_fn (context: the space): unmap every present page of
 * [start, end) and drop the reference each mapping held.
 */
void drop_pages_in(void *context, uintptr_t start, uintptr_t end);

/*
 * Make the page at page_start (inside region) present, and, when `write`
 * is set, a page this space may write without anyone else seeing it: a
 * private page shared after fork is copied first. *page receives the
 * physical page. 0 or -ENOMEM.
 */
int make_page_present(struct address_space *space, struct region *region, uintptr_t page_start,
		      bool write, physical_address_t *page);

#endif
