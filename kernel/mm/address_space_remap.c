/*
 * address_space_remap.c: mremap. musl's realloc of a large block (its own
 * mmap) calls mremap(MREMAP_MAYMOVE) instead of copying; glibc's does too.
 *
 * Shrinking unmaps the tail. Growing extends the region in place when the
 * addresses after it are free; otherwise, if the caller allows a move, a new
 * region is made elsewhere and the present pages move into it: each page's
 * entry is taken out of the old place in the page table and put at the new
 * one, so no byte is copied and the pages keep their references (a
 * copy-on-write page stays copy-on-write, a shared page stays shared).
 * MREMAP_DONTUNMAP is not supported (-EINVAL).
 */
#include <kuid/elf.h>
#include <kuid/panic.h>
#include <kuid/user_memory.h>
#include <uapi/errno.h>
#include <uapi/mman.h>

#include "address_space_internal.h"
#include "shared_memory.h"

/*
 * Move the present pages of [from, from + length) to the same offsets from
 * `to`. On -ENOMEM (a page table for `to` could not be made), the pages
 * already moved go back, and nothing changed.
 */
static int move_pages(struct address_space *space, uintptr_t from, uintptr_t to, size_t length)
{
	uintptr_t end = from + length;
	uintptr_t address = page_table_next_present(&space->page_table, from, end);

	for (; address < end;
	     address = page_table_next_present(&space->page_table, address + PAGE_BYTES, end)) {
		physical_address_t page;
		unsigned int flags;
		int error;

		page_table_translate(&space->page_table, address, &page, &flags);
		page_table_unmap(&space->page_table, address);
		error = page_table_map(&space->page_table, to + (address - from), page, flags);
		if (error) {
			/* The tables at `from` exist: putting pages back cannot fail. */
			BUG_ON(page_table_map(&space->page_table, address, page, flags));
			BUG_ON(move_pages(space, to, from, address - from));
			return error;
		}
	}
	return 0;
}

/* Move [address, address + old_length), in region, to a new region [target, + new_length). */
static int move_mapping(struct address_space *space, struct region *region, uintptr_t address,
			size_t old_length, size_t new_length, uintptr_t target)
{
	struct region model = *region;
	struct region *moved;
	int error;

	/*
	 * Split the old region at the edges of the range first (a protection
	 * "change" to the same protection): it is the only step of the removal
	 * below that can fail, and a split alone changes nothing visible.
	 */
	error = region_protect_range(&space->regions, address, address + old_length,
				     model.protection);
	if (!error)
		error = region_insert(&space->regions, target, target + new_length,
				      model.protection, REGION_ANONYMOUS);
	if (error)
		return error;
	moved = region_find(&space->regions, target);
	if (model.shared) {
		moved->shared = shared_memory_get(model.shared);
		moved->shared_first_page = model.shared_first_page +
					   (address - model.start) / PAGE_BYTES;
	}
	error = move_pages(space, address, target, old_length);
	if (error) {
		BUG_ON(region_remove_range(&space->regions, target, target + new_length, NULL,
					   NULL));
		return error;
	}
	/* Whole regions now: no split, no failure, and no page left to drop. */
	BUG_ON(region_remove_range(&space->regions, address, address + old_length, drop_pages_in,
				   space));
	return 0;
}

/* Can region grow in place from its end to new_end? */
static bool can_grow_in_place(struct address_space *space, struct region *region,
			      uintptr_t new_end)
{
	return user_range_is_valid(region->start, new_end - region->start) &&
	       !region_list_overlaps(&space->regions, region->end, new_end);
}

/* MREMAP_FIXED: the mapping moves to exactly *new_address, replacing what is there. */
static int remap_to_fixed(struct address_space *space, uintptr_t address, size_t old_length,
			  size_t new_length, uintptr_t target)
{
	struct region *region;
	int error;

	if (!IS_ALIGNED(target, PAGE_BYTES) || !user_range_is_valid(target, new_length) ||
	    target < USER_MMAP_BOTTOM)
		return -EINVAL;
	if (target < address + old_length && address < target + new_length)
		return -EINVAL;		/* the two ranges overlap */
	error = region_remove_range(&space->regions, target, target + new_length, drop_pages_in,
				    space);
	if (!error && new_length < old_length) {
		error = region_remove_range(&space->regions, address + new_length,
					    address + old_length, drop_pages_in, space);
		old_length = new_length;
	}
	if (!error && !address_space_may_grow(space, new_length - old_length))
		error = -ENOMEM;	/* RLIMIT_AS */
	if (error)
		return error;
	region = region_find(&space->regions, address);
	if (!region || old_length > region->end - address)
		return -EFAULT;
	return move_mapping(space, region, address, old_length, new_length, target);
}

/* The rest of mremap, with the lock held and the lengths rounded. */
static int remap_locked(struct address_space *space, uintptr_t address, size_t old_length,
			size_t new_length, unsigned int flags, uintptr_t *new_address)
{
	struct region *region = region_find(&space->regions, address);
	uintptr_t target;
	int error;

	if (!region)
		return -EFAULT;
	if (flags & MREMAP_FIXED)
		return remap_to_fixed(space, address, old_length, new_length, *new_address);
	*new_address = address;
	if (new_length <= old_length) {
		if (new_length == old_length)
			return 0;
		return region_remove_range(&space->regions, address + new_length,
					   address + old_length, drop_pages_in, space);
	}
	if (old_length > region->end - address)
		return -EFAULT;		/* the range runs past its mapping */
	if (!address_space_may_grow(space, new_length - old_length))
		return -ENOMEM;		/* RLIMIT_AS */
	if (address + old_length == region->end &&
	    can_grow_in_place(space, region, address + new_length)) {
		region_set_end(region, address + new_length);
		return 0;
	}
	if (!(flags & MREMAP_MAYMOVE))
		return -ENOMEM;
	target = region_find_free_top_down(&space->regions, new_length, USER_MMAP_BOTTOM,
					   USER_MMAP_TOP);
	if (!target)
		return -ENOMEM;
	error = move_mapping(space, region, address, old_length, new_length, target);
	if (!error)
		*new_address = target;
	return error;
}

int address_space_remap(struct address_space *space, uintptr_t address, size_t old_length,
			size_t new_length, unsigned int flags, uintptr_t *new_address)
{
	unsigned long irq_state;
	int error;

	if (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED))
		return -EINVAL;
	if ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE))
		return -EINVAL;
	if (!IS_ALIGNED(address, PAGE_BYTES))
		return -EINVAL;
	/* Rounding up a length near 2^64 wraps to 0: Linux's EINVAL too. */
	old_length = PAGE_ALIGN_UP(old_length);
	new_length = PAGE_ALIGN_UP(new_length);
	if (new_length == 0)
		return -EINVAL;
	/* Linux duplicates a shared mapping for old_length 0; kuid does not. */
	if (old_length == 0)
		return -EINVAL;
	if (new_length > ELF_USER_SPACE_END)
		return -ENOMEM;
	if (!user_range_is_valid(address, old_length))
		return -EFAULT;

	irq_state = spin_lock_irqsave(&space->lock);
	error = remap_locked(space, address, old_length, new_length, flags, new_address);
	spin_unlock_irqrestore(&space->lock, irq_state);
	return error;
}
