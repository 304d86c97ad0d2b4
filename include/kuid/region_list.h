/*
 * region_list.h: the regions of a user address space, as a sorted list.
 *
 * A region is a range of user addresses [start, end) with one protection
 * (PROT_READ, PROT_WRITE, PROT_EXEC of uapi/mman.h) and a kind. Regions never
 * overlap and the list keeps them by ascending address, so "which region holds
 * this address" and "where is there a free gap of this size" are one walk.
 * mmap inserts, munmap removes a range (splitting a region it cuts through),
 * mprotect changes the protection of a range (splitting too). Pure logic: the
 * pages behind the regions are the business of address_space.c, which this
 * file never touches; it only tells its caller which ranges went away. The
 * one thing it manages is the reference a region holds on its shared memory:
 * a split or a copy takes one more, freeing a region drops it.
 */
#ifndef KUID_REGION_LIST_H
#define KUID_REGION_LIST_H

#include <kuid/list.h>
#include <kuid/types.h>

/* Why a region exists; each kind behaves like anonymous memory once created. */
enum region_kind {
	REGION_ANONYMOUS,	/* mmap(MAP_ANONYMOUS), a private file copy, a program segment */
	REGION_HEAP,		/* brk */
	REGION_STACK,		/* the main thread's stack */
};

struct shared_memory;	/* kernel/mm/shared_memory.h */

struct region {
	uintptr_t start;	/* page-aligned */
	uintptr_t end;		/* page-aligned, > start */
	unsigned int protection;
	enum region_kind kind;
	/*
	 * MAP_SHARED|MAP_ANONYMOUS: the object whose pages this region maps (a
	 * reference, dropped when the region is freed), and which of its pages
	 * lies at start. NULL for private memory, which fork makes copy-on-write.
	 */
	struct shared_memory *shared;
	size_t shared_first_page;
	struct list_node node;
};

struct region_list {
	struct list_node regions;	/* struct region, by ascending start */
	size_t count;
};

void region_list_init(struct region_list *list);

/* The region holding address, or NULL. */
struct region *region_find(struct region_list *list, uintptr_t address);

/* True if any region overlaps [start, end). */
bool region_list_overlaps(struct region_list *list, uintptr_t start, uintptr_t end);

/*
 * Add [start, end) as a new region; it must not overlap any (callers remove
 * first). 0, -EEXIST on an overlap, -ENOMEM. The new region is private; to
 * make it shared, set its `shared` (handing it a reference) right away.
 */
int region_insert(struct region_list *list, uintptr_t start, uintptr_t end,
		  unsigned int protection, enum region_kind kind);

/* Called for each piece of [start, end) that stops being part of a region. */
typedef void (*region_removed_fn)(void *context, uintptr_t start, uintptr_t end);

/*
 * Remove every part of every region inside [start, end): regions that lie
 * across a boundary are split, so what stays outside the range survives.
 * 0 or -ENOMEM (a split needed a new region); on -ENOMEM nothing changed.
 */
int region_remove_range(struct region_list *list, uintptr_t start, uintptr_t end,
			region_removed_fn removed, void *context);

/*
 * Give every part of a region inside [start, end) the new protection,
 * splitting at the boundaries. -ENOMEM (nothing changed) or 0. Callers check
 * first that the range is fully covered (mprotect wants -ENOMEM otherwise).
 */
int region_protect_range(struct region_list *list, uintptr_t start, uintptr_t end,
			 unsigned int protection);

/* True if every address of [start, end) lies in some region. */
bool region_list_covers(struct region_list *list, uintptr_t start, uintptr_t end);

/*
 * The highest free gap of `length` bytes inside [low, high), or 0 if none:
 * mmap places new mappings top-down below the stack, as Linux does.
 */
uintptr_t region_find_free_top_down(struct region_list *list, size_t length, uintptr_t low,
				    uintptr_t high);

/* Resize a region in place (brk). The caller checked that nothing is in the way. */
void region_set_end(struct region *region, uintptr_t end);

/* Duplicate every region of source into the empty list copy. 0 or -ENOMEM. */
int region_list_copy(struct region_list *copy, struct region_list *source);

/* Free every region, telling `removed` about each. */
void region_list_clear(struct region_list *list, region_removed_fn removed, void *context);

#endif
