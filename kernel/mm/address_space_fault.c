/*
 * address_space_fault.c: bringing a page in when the CPU faults on it.
 *
 * Demand paging: the first touch of an address in a region maps a fresh
 * zeroed page (private memory) or the shared-memory object's page
 * (MAP_SHARED). Copy-on-write: after fork, a private page is mapped read-only
 * in both processes and counted twice (page_reference.h). The first write,
 * by either, faults; the fault handler sees a present read-only page in a
 * writable private region and breaks the sharing: if others still use the
 * page, it copies it into a new page for this space alone; if it is the last
 * user, it simply makes the page writable again.
 *
 * The same path serves the kernel: copy_to_user writing into a COW page
 * faults in ring 0, page_fault.c asks address_space_handle_fault, and the
 * copy happens before the kernel's write is retried (CR0.WP makes the CPU
 * check read-only pages in ring 0 too).
 */
#include <kuid/elf.h>
#include <kuid/panic.h>
#include <kuid/string.h>
#include <uapi/errno.h>
#include <uapi/mman.h>

#include "address_space_internal.h"
#include "page_reference.h"
#include "shared_memory.h"

/* Map the page demand paging gives the address. 0, -ENOMEM. */
static int map_new_page(struct address_space *space, struct region *region,
			uintptr_t page_start)
{
	unsigned int flags = page_flags_for(region->protection);
	physical_address_t page;
	int error;

	if (region->shared) {
		size_t index = region->shared_first_page + (page_start - region->start) / PAGE_BYTES;

		error = shared_memory_page(region->shared, index, &page);
		if (error)
			return error;
		page_reference_get(page);	/* this mapping's reference */
	} else {
		page = page_alloc();
		if (!page)
			return -ENOMEM;
		memset(physical_to_virtual(page), 0, PAGE_BYTES);
	}
	error = page_table_map(&space->page_table, page_start, page, flags);
	if (error)
		page_reference_put(page);
	return error;
}

/*
 * A write to a private page that may be shared with other address spaces
 * (after fork). `page` is mapped at page_start, read-only.
 */
static int break_copy_on_write(struct address_space *space, struct region *region,
			       uintptr_t page_start, physical_address_t page,
			       physical_address_t *result)
{
	unsigned int flags = page_flags_for(region->protection);
	physical_address_t copy;
	int error;

	/*
	 * The last user: nobody else can see a write, keep the page. (No other
	 * space can take a reference meanwhile: fork of this space needs its
	 * lock, which we hold, and the others no longer map the page.)
	 */
	if (page_reference_count(page) == 1) {
		*result = page;
		return page_table_protect(&space->page_table, page_start, flags);
	}
	copy = page_alloc();
	if (!copy)
		return -ENOMEM;
	memcpy(physical_to_virtual(copy), physical_to_virtual(page), PAGE_BYTES);
	/* The table page exists already, so mapping again cannot fail. */
	page_table_unmap(&space->page_table, page_start);
	error = page_table_map(&space->page_table, page_start, copy, flags);
	BUG_ON(error);
	page_reference_put(page);	/* ours; the others keep theirs */
	*result = copy;
	return 0;
}

int make_page_present(struct address_space *space, struct region *region, uintptr_t page_start,
		      bool write, physical_address_t *page)
{
	unsigned int flags;
	int error;

	if (page_table_translate(&space->page_table, page_start, page, &flags) < 0) {
		error = map_new_page(space, region, page_start);
		if (error)
			return error;
		return page_table_translate(&space->page_table, page_start, page, NULL);
	}
	/*
	 * Present. A private page may be shared only while it is read-only; a
	 * shared region's page is the same for everyone on purpose. A page
	 * read-only because of its region's protection is ours alone: the
	 * check below just finds a count of 1 and leaves it read-only.
	 */
	if (!write || (flags & PAGE_MAP_WRITE) || region->shared)
		return 0;
	return break_copy_on_write(space, region, page_start, *page, page);
}

/* Does a region of this protection allow the access a fault reports? */
static bool protection_allows(unsigned int protection, unsigned int access)
{
	if (access & FAULT_ACCESS_WRITE)
		return protection & PROT_WRITE;
	if (access & FAULT_ACCESS_EXECUTE)
		return protection & PROT_EXEC;
	return protection & (PROT_READ | PROT_WRITE | PROT_EXEC);
}

/* Does a present page with these PAGE_MAP_* flags allow the access? */
static bool page_allows(unsigned int flags, unsigned int access)
{
	if ((access & FAULT_ACCESS_WRITE) && !(flags & PAGE_MAP_WRITE))
		return false;
	if ((access & FAULT_ACCESS_EXECUTE) && !(flags & PAGE_MAP_EXECUTE))
		return false;
	return !(access & FAULT_ACCESS_USER) || (flags & PAGE_MAP_USER);
}

int address_space_handle_fault(struct address_space *space, uintptr_t address,
			       unsigned int access)
{
	uintptr_t page_start = PAGE_ALIGN_DOWN(address);
	physical_address_t page;
	unsigned long irq_state;
	struct region *region;
	unsigned int flags;
	int error = 0;

	if (address >= ELF_USER_SPACE_END)
		return -EFAULT;
	irq_state = spin_lock_irqsave(&space->lock);
	region = region_find(&space->regions, address);
	if (!region || !protection_allows(region->protection, access))
		error = -EFAULT;
	else if (page_table_translate(&space->page_table, page_start, NULL, &flags) < 0)
		error = make_page_present(space, region, page_start, false, &page);
	else if (page_allows(flags, access))
		error = 0;	/* another thread just mapped it, or broke the sharing */
	else if ((access & FAULT_ACCESS_WRITE) && !(flags & PAGE_MAP_WRITE) && !region->shared)
		error = make_page_present(space, region, page_start, true, &page);	/* COW */
	else
		error = -EFAULT;
	spin_unlock_irqrestore(&space->lock, irq_state);
	return error;
}

int address_space_identify_word(struct address_space *space, uintptr_t address,
				const void **object, uint64_t *offset)
{
	unsigned long irq_state = spin_lock_irqsave(&space->lock);
	struct region *region = region_find(&space->regions, address);
	int error = 0;

	if (!region) {
		error = -EFAULT;
	} else if (region->shared) {
		*object = region->shared;
		*offset = region->shared_first_page * PAGE_BYTES + (address - region->start);
	} else {
		*object = space;
		*offset = address;
	}
	spin_unlock_irqrestore(&space->lock, irq_state);
	return error;
}
