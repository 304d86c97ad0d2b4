/*
 * address_space_copy.c: fork's copy of an address space, without copying
 * memory. The child gets the same regions and maps the same physical pages,
 * each mapping taking a reference to its page:
 *
 *	private page	read-only in both spaces; the first write in either
 *			faults and gets its own copy (address_space_fault.c)
 *	shared page	(MAP_SHARED) writable in both, the same page for good
 *
 * So fork costs one page-table entry per present page instead of a 4 KiB
 * copy, and a child that execs at once (the usual case) never copies at all.
 */
#include <kuid/user_namespace.h>
#include <uapi/errno.h>

#include "address_space_internal.h"
#include "page_reference.h"

/* Map the page at address of space into copy too. Both locks' owner: the caller. */
static int share_page(struct address_space *copy, struct address_space *space,
		      const struct region *region, uintptr_t address)
{
	physical_address_t page;
	unsigned int flags;
	int error = page_table_translate(&space->page_table, address, &page, &flags);

	if (error)
		return error;
	if (!region->shared && (flags & PAGE_MAP_WRITE)) {
		/* Copy-on-write: neither may write it while both see it. */
		flags &= ~PAGE_MAP_WRITE;
		error = page_table_protect(&space->page_table, address, flags);
		if (error)
			return error;
	}
	error = page_table_map(&copy->page_table, address, page, flags);
	if (!error)
		page_reference_get(page);	/* the child's mapping */
	return error;
}

static int share_present_pages(struct address_space *copy, struct address_space *space,
			       const struct region *region)
{
	uintptr_t address = page_table_next_present(&space->page_table, region->start,
						    region->end);
	int error = 0;

	while (address < region->end && !error) {
		error = share_page(copy, space, region, address);
		address = page_table_next_present(&space->page_table, address + PAGE_BYTES,
						  region->end);
	}
	return error;
}

struct address_space *address_space_copy(struct address_space *space)
{
	struct address_space *copy = address_space_create();
	unsigned long irq_state;
	struct region *region;
	int error;

	if (!copy)
		return NULL;
	/* The copy is not visible to anyone yet: only the source needs its lock. */
	irq_state = spin_lock_irqsave(&space->lock);
	error = region_list_copy(&copy->regions, &space->regions);
	list_for_each_entry(region, &space->regions.regions, node) {
		if (error)
			break;
		error = share_present_pages(copy, space, region);
	}
	copy->heap_start = space->heap_start;
	copy->heap_end = space->heap_end;
	copy->arg_start = space->arg_start;
	copy->arg_end = space->arg_end;
	copy->env_start = space->env_start;
	copy->env_end = space->env_end;
	/* Linux's dup_mm: the child's memory belongs to the same namespace (R3.1). */
	copy->user_ns = space->user_ns ? get_user_ns(space->user_ns) : NULL;
	spin_unlock_irqrestore(&space->lock, irq_state);

	/*
	 * On failure the pages shared so far are dropped with the copy; ours
	 * stay read-only and their next write fault finds a count of 1.
	 */
	if (error) {
		address_space_put(copy);
		return NULL;
	}
	return copy;
}
