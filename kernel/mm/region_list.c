/*
 * region_list.c: the sorted list of regions of an address space (see
 * kuid/region_list.h). Pure logic, unit tested on the host: a region is only
 * numbers, and what a removal means for pages is the caller's business.
 *
 * Every change that may need a new region (a split) allocates it before
 * touching the list, so a failure with -ENOMEM leaves the list as it was.
 */
#include <kuid/heap.h>
#include <kuid/page_alloc.h>
#include <kuid/region_list.h>
#include <uapi/errno.h>

#include "shared_memory.h"

void region_list_init(struct region_list *list)
{
	list_init(&list->regions);
	list->count = 0;
}

static struct region *region_new(uintptr_t start, uintptr_t end, unsigned int protection,
				 enum region_kind kind)
{
	struct region *region = kmalloc(sizeof(*region));

	if (!region)
		return NULL;
	*region = (struct region){ .start = start, .end = end, .protection = protection,
				   .kind = kind };
	list_init(&region->node);
	return region;
}

static void region_free(struct region_list *list, struct region *region)
{
	list_remove(&region->node);
	list->count--;
	if (region->shared)
		shared_memory_put(region->shared);
	kfree(region);
}

/* Give a new region the same shared memory as model, from `offset` bytes into model. */
static void region_share_like(struct region *region, const struct region *model,
			      uintptr_t offset)
{
	if (!model->shared)
		return;
	region->shared = shared_memory_get(model->shared);
	region->shared_first_page = model->shared_first_page + offset / PAGE_FRAME_SIZE;
}

struct region *region_find(struct region_list *list, uintptr_t address)
{
	struct region *region;

	list_for_each_entry(region, &list->regions, node) {
		if (address < region->start)
			break;
		if (address < region->end)
			return region;
	}
	return NULL;
}

bool region_list_overlaps(struct region_list *list, uintptr_t start, uintptr_t end)
{
	struct region *region;

	list_for_each_entry(region, &list->regions, node)
		if (region->start < end && start < region->end)
			return true;
	return false;
}

bool region_list_covers(struct region_list *list, uintptr_t start, uintptr_t end)
{
	struct region *region;
	uintptr_t covered_to = start;

	list_for_each_entry(region, &list->regions, node) {
		if (region->end <= covered_to)
			continue;
		if (region->start > covered_to)
			return false;
		covered_to = region->end;
		if (covered_to >= end)
			return true;
	}
	return covered_to >= end;
}

/* Link a region in address order. */
static void region_link(struct region_list *list, struct region *new_region)
{
	struct region *region;

	list_for_each_entry(region, &list->regions, node) {
		if (new_region->start < region->start) {
			list_insert_between(&new_region->node, region->node.prev, &region->node);
			list->count++;
			return;
		}
	}
	list_add_tail(&list->regions, &new_region->node);
	list->count++;
}

int region_insert(struct region_list *list, uintptr_t start, uintptr_t end,
		  unsigned int protection, enum region_kind kind)
{
	struct region *region;

	if (start >= end)
		return -EINVAL;
	if (region_list_overlaps(list, start, end))
		return -EEXIST;
	region = region_new(start, end, protection, kind);
	if (!region)
		return -ENOMEM;
	region_link(list, region);
	return 0;
}

/*
 * How many new regions splitting at start and end needs: one for each
 * boundary that falls strictly inside a region (two if both fall inside the
 * same region, since it becomes three pieces).
 */
static size_t splits_needed(struct region_list *list, uintptr_t start, uintptr_t end)
{
	size_t needed = 0;

	if (start > 0) {
		struct region *region = region_find(list, start);

		if (region && region->start < start)
			needed++;
	}
	{
		struct region *region = region_find(list, end);

		if (region && region->start < end)
			needed++;
	}
	return needed;
}

/* Cut region at address (strictly inside it), using the spare region for the upper part. */
static void region_split(struct region_list *list, struct region *region, uintptr_t address,
			 struct region *spare)
{
	*spare = (struct region){ .start = address, .end = region->end,
				  .protection = region->protection, .kind = region->kind };
	list_init(&spare->node);
	region_share_like(spare, region, address - region->start);
	region->end = address;
	list_insert_between(&spare->node, &region->node, region->node.next);
	list->count++;
}

/*
 * Split the regions lying across start and across end, so that afterwards
 * every region is either inside [start, end) or outside it. An empty or
 * reversed range is -EINVAL.
 */
static int split_at_boundaries(struct region_list *list, uintptr_t start, uintptr_t end)
{
	struct region *spares[2] = { NULL, NULL };
	size_t needed;
	size_t used = 0;
	struct region *region;

	if (start >= end)
		return -EINVAL;
	needed = splits_needed(list, start, end);
	for (size_t i = 0; i < needed; i++) {
		spares[i] = kmalloc(sizeof(struct region));
		if (!spares[i]) {
			kfree(spares[0]);
			return -ENOMEM;
		}
	}
	region = region_find(list, start);
	if (region && region->start < start)
		region_split(list, region, start, spares[used++]);
	region = region_find(list, end);
	if (region && region->start < end)
		region_split(list, region, end, spares[used++]);
	return 0;
}

int region_remove_range(struct region_list *list, uintptr_t start, uintptr_t end,
			region_removed_fn removed, void *context)
{
	struct region *region, *next;
	int error;

	error = split_at_boundaries(list, start, end);
	if (error)
		return error;
	list_for_each_entry_safe(region, next, &list->regions, node) {
		if (region->start >= start && region->end <= end) {
			if (removed)
				removed(context, region->start, region->end);
			region_free(list, region);
		}
	}
	return 0;
}

int region_protect_range(struct region_list *list, uintptr_t start, uintptr_t end,
			 unsigned int protection)
{
	struct region *region;
	int error;

	error = split_at_boundaries(list, start, end);
	if (error)
		return error;
	list_for_each_entry(region, &list->regions, node)
		if (region->start >= start && region->end <= end)
			region->protection = protection;
	return 0;
}

uintptr_t region_find_free_top_down(struct region_list *list, size_t length, uintptr_t low,
				    uintptr_t high)
{
	uintptr_t candidate = 0;
	uintptr_t gap_start = low;
	struct region *region;

	if (length == 0 || high < low || high - low < length)
		return 0;
	/* Walk up the list; the last gap that fits is the highest one. */
	list_for_each_entry(region, &list->regions, node) {
		uintptr_t gap_end = MIN(region->start, high);

		if (gap_end > gap_start && gap_end - gap_start >= length)
			candidate = gap_end - length;
		if (region->end > gap_start)
			gap_start = region->end;
		if (gap_start >= high)
			return candidate;
	}
	if (high > gap_start && high - gap_start >= length)
		candidate = high - length;
	return candidate;
}

void region_set_end(struct region *region, uintptr_t end)
{
	region->end = end;
}

int region_list_copy(struct region_list *copy, struct region_list *source)
{
	struct region *region;

	list_for_each_entry(region, &source->regions, node) {
		struct region *duplicate = region_new(region->start, region->end,
						      region->protection, region->kind);

		if (!duplicate) {
			region_list_clear(copy, NULL, NULL);
			return -ENOMEM;
		}
		region_share_like(duplicate, region, 0);
		list_add_tail(&copy->regions, &duplicate->node);
		copy->count++;
	}
	return 0;
}

void region_list_clear(struct region_list *list, region_removed_fn removed, void *context)
{
	struct region *region, *next;

	list_for_each_entry_safe(region, next, &list->regions, node) {
		if (removed)
			removed(context, region->start, region->end);
		region_free(list, region);
	}
}
