/*
 * address_space.c: user address spaces: making and changing regions, their
 * pages, brk. kuid/address_space.h explains the model; this is the theory of
 * operation of the pages. Faults are in address_space_fault.c, fork in
 * address_space_copy.c, mremap in address_space_remap.c.
 *
 * Pages. A region says what may be there; a page exists only once touched.
 * Each mapping of a page holds a reference to it (page_reference.h): a page
 * is freed when the last address space that maps it unmaps it, or dies. A
 * page's permissions follow its region: PROT_WRITE gives a writable page,
 * PROT_EXEC an executable one, and PROT_NONE a page the program cannot reach
 * at all (kept, without the user bit, so that its data survives an mprotect
 * back to readable). One exception: a private page that other address
 * spaces still map (copy-on-write after fork) stays read-only, whatever the
 * region allows, until a write fault gives this space its own copy.
 *
 * RLIMIT_AS. Linux counts every mapping in mm->total_vm, the stack too, but
 * its stack mapping starts at the few pages execve fills and grows one fault
 * at a time (each growth checked against the limit). kuid's stack is one
 * fixed 8 MiB region from the start; counting all of it would make a
 * program fail under a limit Linux lets it run with. So the stack region is
 * not counted at all (it cannot grow past its 8 MiB anyway), and everything
 * else (program segments, heap, mmap) is counted in full, as in Linux.
 *
 * Locking. space->lock protects the region list, the break and the page
 * table. It is taken with interrupts off, since the page-fault handler takes
 * it; nothing done under it sleeps or touches user memory.
 */
#include <kuid/elf.h>
#include <kuid/heap.h>
#include <kuid/string.h>
#include <kuid/user_memory.h>
#include <kuid/user_namespace.h>
#include <uapi/errno.h>
#include <uapi/mman.h>
#include <uapi/resource.h>

#include "address_space_internal.h"
#include "page_reference.h"
#include "shared_memory.h"

unsigned int page_flags_for(unsigned int protection)
{
	unsigned int flags = 0;

	if (protection & (PROT_READ | PROT_WRITE | PROT_EXEC))
		flags |= PAGE_MAP_USER;
	if (protection & PROT_WRITE)
		flags |= PAGE_MAP_WRITE;
	if (protection & PROT_EXEC)
		flags |= PAGE_MAP_EXECUTE;
	return flags;
}

struct address_space *address_space_create(void)
{
	struct address_space *space;

	if (page_references_init() < 0)
		return NULL;
	space = kzalloc(sizeof(*space));
	if (!space)
		return NULL;
	if (page_table_create(&space->page_table) < 0) {
		kfree(space);
		return NULL;
	}
	space->references = 1;
	space->size_limit = RLIM64_INFINITY;
	spin_lock_init(&space->lock, "address space");
	region_list_init(&space->regions);
	return space;
}

struct address_space *address_space_get(struct address_space *space)
{
	__atomic_add_fetch(&space->references, 1, __ATOMIC_RELAXED);
	return space;
}

void drop_pages_in(void *context, uintptr_t start, uintptr_t end)
{
	struct address_space *space = context;
	uintptr_t address = page_table_next_present(&space->page_table, start, end);

	for (; address < end;
	     address = page_table_next_present(&space->page_table, address + PAGE_BYTES, end))
		page_reference_put(page_table_unmap(&space->page_table, address));
}

void address_space_put(struct address_space *space)
{
	if (!space || __atomic_sub_fetch(&space->references, 1, __ATOMIC_ACQ_REL) != 0)
		return;
	/* Nobody else can reach it now; the lock only keeps the rules simple. */
	region_list_clear(&space->regions, drop_pages_in, space);
	page_table_destroy(&space->page_table);
	put_user_ns(space->user_ns);
	kfree(space);
}

void address_space_activate(struct address_space *space)
{
	page_table_activate(space ? &space->page_table : paging_kernel_table());
}

/* The bytes of [start, end) that regions other than the stack cover. Lock held. */
static uint64_t counted_bytes_in(struct address_space *space, uintptr_t start, uintptr_t end)
{
	struct region *region;
	uint64_t bytes = 0;

	list_for_each_entry(region, &space->regions.regions, node)
		if (region->kind != REGION_STACK && region->start < end && start < region->end)
			bytes += MIN(end, region->end) - MAX(start, region->start);
	return bytes;
}

bool address_space_may_grow(struct address_space *space, size_t growth)
{
	uint64_t total;

	if (space->size_limit == RLIM64_INFINITY)
		return true;
	total = counted_bytes_in(space, 0, ELF_USER_SPACE_END);
	return total <= space->size_limit && growth <= space->size_limit - total;
}

void address_space_set_size_limit(struct address_space *space, uint64_t limit)
{
	__atomic_store_n(&space->size_limit, limit, __ATOMIC_RELAXED);
}

/* Where a mapping without MAP_AT_FIXED goes: the hint if it is free, else top-down. */
static uintptr_t choose_address(struct address_space *space, uintptr_t hint, size_t length)
{
	if (hint && IS_ALIGNED(hint, PAGE_BYTES) && hint >= USER_MMAP_BOTTOM &&
	    user_range_is_valid(hint, length) && !region_list_overlaps(&space->regions, hint,
								  hint + length))
		return hint;
	return region_find_free_top_down(&space->regions, length, USER_MMAP_BOTTOM,
					 USER_MMAP_TOP);
}

int address_space_map(struct address_space *space, uintptr_t *address, size_t length,
		      unsigned int protection, unsigned int flags)
{
	bool fixed = flags & (MAP_AT_FIXED | MAP_AT_NOREPLACE);
	enum region_kind kind = (flags & MAP_AS_STACK) ? REGION_STACK : REGION_ANONYMOUS;
	struct shared_memory *shared = NULL;
	unsigned long irq_state;
	uintptr_t start;
	int error = 0;

	if (length == 0)
		return -EINVAL;
	if (length > ELF_USER_SPACE_END)
		return -ENOMEM;
	length = PAGE_ALIGN_UP(length);
	if (fixed && !IS_ALIGNED(*address, PAGE_BYTES))
		return -EINVAL;
	if (fixed && !user_range_is_valid(*address, length))
		return -ENOMEM;
	if (flags & MAP_AS_SHARED) {
		shared = shared_memory_create(length / PAGE_BYTES);
		if (!shared)
			return -ENOMEM;
	}

	irq_state = spin_lock_irqsave(&space->lock);
	start = fixed ? *address : choose_address(space, *address, length);
	if (start == 0)
		error = -ENOMEM;
	else if ((flags & MAP_AT_NOREPLACE) &&
		 region_list_overlaps(&space->regions, start, start + length))
		error = -EEXIST;
	/* What MAP_FIXED replaces is given back first, as Linux counts it. */
	else if (kind != REGION_STACK &&
		 !address_space_may_grow(space, length - counted_bytes_in(space, start,
									   start + length)))
		error = -ENOMEM;
	else if (flags & MAP_AT_FIXED)
		error = region_remove_range(&space->regions, start, start + length, drop_pages_in,
					    space);
	if (!error)
		error = region_insert(&space->regions, start, start + length, protection, kind);
	if (!error && shared) {
		region_find(&space->regions, start)->shared = shared;	/* our reference */
		shared = NULL;
	}
	spin_unlock_irqrestore(&space->lock, irq_state);

	shared_memory_put(shared);	/* NULL unless the region could not be made */
	if (!error)
		*address = start;
	return error;
}

/* Check and round a range as munmap, mprotect and madvise want it. */
static int page_range(uintptr_t address, size_t length, uintptr_t *end)
{
	if (!IS_ALIGNED(address, PAGE_BYTES) || length == 0)
		return -EINVAL;
	if (length > ELF_USER_SPACE_END || !user_range_is_valid(address, PAGE_ALIGN_UP(length)))
		return -EINVAL;
	*end = address + PAGE_ALIGN_UP(length);
	return 0;
}

int address_space_unmap(struct address_space *space, uintptr_t address, size_t length)
{
	unsigned long irq_state;
	uintptr_t end;
	int error = page_range(address, length, &end);

	if (error)
		return error;
	irq_state = spin_lock_irqsave(&space->lock);
	error = region_remove_range(&space->regions, address, end, drop_pages_in, space);
	spin_unlock_irqrestore(&space->lock, irq_state);
	return error;
}

/*
 * Give the present pages of [start, end) the permissions of a new protection,
 * except write for private pages other spaces still share (copy-on-write).
 */
static int reprotect_pages(struct address_space *space, uintptr_t start, uintptr_t end,
			   unsigned int protection)
{
	uintptr_t address = page_table_next_present(&space->page_table, start, end);

	for (; address < end;
	     address = page_table_next_present(&space->page_table, address + PAGE_BYTES, end)) {
		struct region *region = region_find(&space->regions, address);
		unsigned int flags = page_flags_for(protection);
		physical_address_t page;
		int error = page_table_translate(&space->page_table, address, &page, NULL);

		if (!error && !region->shared && page_reference_count(page) > 1)
			flags &= ~PAGE_MAP_WRITE;
		if (!error)
			error = page_table_protect(&space->page_table, address, flags);
		if (error)
			return error;
	}
	return 0;
}

int address_space_protect(struct address_space *space, uintptr_t address, size_t length,
			  unsigned int protection)
{
	unsigned long irq_state;
	uintptr_t end;
	int error = page_range(address, length, &end);

	if (error)
		return error;
	irq_state = spin_lock_irqsave(&space->lock);
	if (!region_list_covers(&space->regions, address, end))
		error = -ENOMEM;
	if (!error)
		error = region_protect_range(&space->regions, address, end, protection);
	if (!error)
		error = reprotect_pages(space, address, end, protection);
	spin_unlock_irqrestore(&space->lock, irq_state);
	return error;
}

int address_space_discard(struct address_space *space, uintptr_t address, size_t length)
{
	unsigned long irq_state;
	uintptr_t end;
	int error = page_range(address, length, &end);

	if (error)
		return error;
	irq_state = spin_lock_irqsave(&space->lock);
	if (!region_list_covers(&space->regions, address, end))
		error = -ENOMEM;
	else
		drop_pages_in(space, address, end);
	spin_unlock_irqrestore(&space->lock, irq_state);
	return error;
}

/* The physical page at address, present and ours to write. Called with the lock held. */
static int page_to_write(struct address_space *space, uintptr_t address,
			 physical_address_t *page)
{
	struct region *region = region_find(&space->regions, address);

	if (!region)
		return -EFAULT;
	return make_page_present(space, region, address, true, page);
}

int address_space_write(struct address_space *space, uintptr_t address, const void *data,
			size_t length)
{
	const uint8_t *bytes = data;
	unsigned long irq_state;
	int error = 0;

	if (!user_range_is_valid(address, length))
		return -EFAULT;
	irq_state = spin_lock_irqsave(&space->lock);
	while (length > 0 && !error) {
		uintptr_t page_start = PAGE_ALIGN_DOWN(address);
		size_t chunk = MIN(length, (size_t)(page_start + PAGE_BYTES - address));
		physical_address_t page;

		error = page_to_write(space, page_start, &page);
		if (!error) {
			memcpy((uint8_t *)physical_to_virtual(page) + (address - page_start), bytes,
			       chunk);
			address += chunk;
			bytes += chunk;
			length -= chunk;
		}
	}
	spin_unlock_irqrestore(&space->lock, irq_state);
	return error;
}

void address_space_set_heap_start(struct address_space *space, uintptr_t start)
{
	unsigned long irq_state = spin_lock_irqsave(&space->lock);

	space->heap_start = PAGE_ALIGN_UP(start);
	space->heap_end = space->heap_start;
	spin_unlock_irqrestore(&space->lock, irq_state);
}

/*
 * Move the break. The heap region is [heap_start, break rounded up); it does
 * not exist while the break is at heap_start. Growing needs free addresses
 * (an mmap may sit right above the heap); shrinking frees the pages.
 */
static int move_break(struct address_space *space, uintptr_t new_break)
{
	uintptr_t old_end = PAGE_ALIGN_UP(space->heap_end);
	uintptr_t new_end = PAGE_ALIGN_UP(new_break);
	struct region *heap = old_end > space->heap_start ?
			      region_find(&space->regions, space->heap_start) : NULL;
	int error;

	if (new_break < space->heap_start || new_break - space->heap_start > USER_HEAP_MAX)
		return -ENOMEM;
	if (heap && (heap->kind != REGION_HEAP || heap->end != old_end))
		return -ENOMEM;	/* the program unmapped or remapped part of its heap */
	if (new_end > old_end) {
		if (region_list_overlaps(&space->regions, old_end, new_end))
			return -ENOMEM;
		if (!address_space_may_grow(space, new_end - old_end))
			return -ENOMEM;	/* RLIMIT_AS */
		if (heap) {
			region_set_end(heap, new_end);
		} else {
			error = region_insert(&space->regions, space->heap_start, new_end,
					      PROT_READ | PROT_WRITE, REGION_HEAP);
			if (error)
				return error;
		}
	} else if (new_end < old_end) {
		error = region_remove_range(&space->regions, new_end, old_end, drop_pages_in,
					    space);
		if (error)
			return error;
	}
	space->heap_end = new_break;
	return 0;
}

uintptr_t address_space_set_break(struct address_space *space, uintptr_t new_break)
{
	unsigned long irq_state = spin_lock_irqsave(&space->lock);
	uintptr_t result;

	if (new_break != 0)
		move_break(space, new_break);
	result = space->heap_end;
	spin_unlock_irqrestore(&space->lock, irq_state);
	return result;
}

size_t address_space_present_pages(struct address_space *space)
{
	unsigned long irq_state = spin_lock_irqsave(&space->lock);
	struct region *region;
	size_t count = 0;

	list_for_each_entry(region, &space->regions.regions, node)
		for (uintptr_t address = page_table_next_present(&space->page_table,
								 region->start, region->end);
		     address < region->end;
		     address = page_table_next_present(&space->page_table, address + PAGE_BYTES,
						       region->end))
			count++;
	spin_unlock_irqrestore(&space->lock, irq_state);
	return count;
}
