/*
 * page_reference.c: the reference counts of user pages (page_reference.h),
 * a small array indexed by frame number, like Linux's struct page refcount.
 *
 * Each entry holds the count minus one. A page fresh from page_alloc has
 * entry 0, so it already counts as one reference without anyone touching the
 * array: only fork and MAP_SHARED, which make a page shared, pay for counting.
 * The array (4 bytes per frame: 256 KiB for 256 MiB of RAM) is taken from
 * page_alloc once, when the first address space is created, and never freed.
 */
#include <kuid/page_alloc.h>
#include <kuid/paging.h>
#include <kuid/panic.h>
#include <kuid/spinlock.h>
#include <kuid/string.h>
#include <uapi/errno.h>

#include "page_reference.h"

static uint32_t *extra_references;	/* per frame: references beyond the first */
static size_t frame_count;

/* Makes "is this the last reference?" and the decrement one step. */
static struct spinlock page_references_lock = SPINLOCK_INIT("page references");

int page_references_init(void)
{
	unsigned long irq_state = spin_lock_irqsave(&page_references_lock);
	int error = 0;

	if (!extra_references) {
		size_t frames = page_alloc_frame_count();
		size_t pages = ALIGN_UP(frames * sizeof(uint32_t), PAGE_FRAME_SIZE) /
			       PAGE_FRAME_SIZE;
		physical_address_t array = page_alloc_contiguous(pages);

		if (array) {
			extra_references = physical_to_virtual(array);
			memset(extra_references, 0, pages * PAGE_FRAME_SIZE);
			frame_count = frames;
		} else {
			error = -ENOMEM;
		}
	}
	spin_unlock_irqrestore(&page_references_lock, irq_state);
	return error;
}

static uint32_t *entry_of(physical_address_t page)
{
	size_t frame = page / PAGE_FRAME_SIZE;

	BUG_ON(!extra_references || frame >= frame_count);
	return &extra_references[frame];
}

void page_reference_get(physical_address_t page)
{
	unsigned long irq_state = spin_lock_irqsave(&page_references_lock);
	uint32_t *entry = entry_of(page);

	BUG_ON(*entry == UINT32_MAX);
	(*entry)++;
	spin_unlock_irqrestore(&page_references_lock, irq_state);
}

void page_reference_put(physical_address_t page)
{
	unsigned long irq_state = spin_lock_irqsave(&page_references_lock);
	uint32_t *entry = entry_of(page);
	bool last = *entry == 0;

	if (!last)
		(*entry)--;
	spin_unlock_irqrestore(&page_references_lock, irq_state);
	if (last)
		page_free(page);
}

unsigned int page_reference_count(physical_address_t page)
{
	unsigned long irq_state = spin_lock_irqsave(&page_references_lock);
	unsigned int count = *entry_of(page) + 1;

	spin_unlock_irqrestore(&page_references_lock, irq_state);
	return count;
}
