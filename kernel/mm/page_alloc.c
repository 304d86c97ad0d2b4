/*
 * page_alloc.c: the physical page allocator. One bit per 4 KiB page frame says
 * whether the frame is in use; allocation is a first-fit search for clear bits.
 * Pure logic: memory is reached only through physical_to_virtual().
 */
#include <kuid/bitmap.h>
#include <kuid/page_alloc.h>
#include <kuid/paging.h>
#include <kuid/panic.h>
#include <kuid/printk.h>
#include <kuid/spinlock.h>
#include <kuid/string.h>

/* Real-mode data, the BIOS and device memory live here; kuid never hands it out. */
#define LOW_MEMORY_END 0x100000

/*
 * Two bitmaps with one bit per frame, from frame 0 up to the end of the
 * highest usable region:
 *   managed_frames  1 = the frame belongs to the allocator (usable, not reserved)
 *   used_frames     1 = the frame cannot be handed out now (allocated, or not managed)
 * Searches look at used_frames only; managed_frames lets page_free tell a
 * page that was never the allocator's from one that was freed twice.
 * Both live in physical memory taken from the first usable region that has
 * room for them, and that memory is then kept out of the allocator.
 */
static unsigned long *managed_frames;
static unsigned long *used_frames;
static size_t frame_count;

static size_t total_pages;
static size_t free_pages;

/* Every frame below this index is in use: searches for one page start here. */
static size_t first_possibly_free;

static struct spinlock page_alloc_lock = SPINLOCK_INIT("page_alloc");

static size_t frame_of(physical_address_t address)
{
	return address / PAGE_FRAME_SIZE;
}

static physical_address_t address_of(size_t frame)
{
	return (physical_address_t)frame * PAGE_FRAME_SIZE;
}

/* Whether [start, end) and a region share at least one byte. */
static bool regions_overlap(physical_address_t start, physical_address_t end,
			    const struct memory_region *region)
{
	return region->start < region->end && start < region->end && region->start < end;
}

/* The first reserved region that overlaps [start, end), or NULL. */
static const struct memory_region *find_overlapping_region(physical_address_t start,
							   physical_address_t end,
							   const struct memory_region *reserved,
							   size_t reserved_count)
{
	for (size_t i = 0; i < reserved_count; i++)
		if (regions_overlap(start, end, &reserved[i]))
			return &reserved[i];
	return NULL;
}

/*
 * Find `bytes` of page-aligned physical memory inside a usable region, above
 * the first megabyte and clear of every reserved region. Each time the
 * candidate hits a reserved region it moves past that region's end, so the
 * search only ever moves forward. Returns 0 if no region has room.
 */
static physical_address_t find_room_for_bitmaps(const struct boot_info *info, size_t bytes,
						const struct memory_region *reserved,
						size_t reserved_count)
{
	for (size_t i = 0; i < info->usable_memory_count; i++) {
		const struct memory_region *usable = &info->usable_memory[i];
		physical_address_t end = ALIGN_DOWN(usable->end, PAGE_FRAME_SIZE);
		physical_address_t candidate = ALIGN_UP(usable->start, PAGE_FRAME_SIZE);
		const struct memory_region *obstacle;

		candidate = MAX(candidate, (physical_address_t)LOW_MEMORY_END);
		while (candidate < end && end - candidate >= bytes) {
			obstacle = find_overlapping_region(candidate, candidate + bytes, reserved,
							   reserved_count);
			if (obstacle == NULL)
				return candidate;
			candidate = ALIGN_UP(obstacle->end, PAGE_FRAME_SIZE);
		}
	}
	return 0;
}

/* Take the frames that [start, end) touches, even partly, out of the allocator. */
static void unmanage_region(physical_address_t start, physical_address_t end)
{
	size_t first = frame_of(ALIGN_DOWN(start, PAGE_FRAME_SIZE));
	size_t last = MIN(frame_of(ALIGN_UP(end, PAGE_FRAME_SIZE)), frame_count);

	if (first < last)
		bitmap_clear_range(managed_frames, first, last - first);
}

/* Give the allocator the frames that lie completely inside [start, end). */
static void manage_region(physical_address_t start, physical_address_t end)
{
	size_t first = frame_of(ALIGN_UP(start, PAGE_FRAME_SIZE));
	size_t last = frame_of(ALIGN_DOWN(end, PAGE_FRAME_SIZE));

	if (first < last)
		bitmap_set_range(managed_frames, first, last - first);
}

void page_alloc_init(const struct boot_info *info, const struct memory_region *reserved,
		     size_t reserved_count)
{
	physical_address_t highest_end = 0;
	physical_address_t bitmaps_start;
	size_t words, bitmap_bytes;

	spin_lock_init(&page_alloc_lock, "page_alloc");
	for (size_t i = 0; i < info->usable_memory_count; i++)
		highest_end = MAX(highest_end, info->usable_memory[i].end);
	if (highest_end <= LOW_MEMORY_END)
		panic("page_alloc: the boot memory map has no usable memory above 1 MiB");
	frame_count = frame_of(highest_end);

	words = BITMAP_WORDS(frame_count);
	bitmap_bytes = ALIGN_UP(2 * words * sizeof(unsigned long), PAGE_FRAME_SIZE);
	bitmaps_start = find_room_for_bitmaps(info, bitmap_bytes, reserved, reserved_count);
	if (bitmaps_start == 0)
		panic("page_alloc: no usable memory region can hold the %zu-byte page bitmap",
		      bitmap_bytes);
	managed_frames = physical_to_virtual(bitmaps_start);
	used_frames = managed_frames + words;

	memset(managed_frames, 0, words * sizeof(unsigned long));
	for (size_t i = 0; i < info->usable_memory_count; i++)
		manage_region(info->usable_memory[i].start, info->usable_memory[i].end);
	unmanage_region(0, LOW_MEMORY_END);
	unmanage_region(bitmaps_start, bitmaps_start + bitmap_bytes);
	for (size_t i = 0; i < reserved_count; i++)
		unmanage_region(reserved[i].start, reserved[i].end);

	/* At the start, exactly the frames that are not managed are in use. */
	for (size_t i = 0; i < words; i++)
		used_frames[i] = ~managed_frames[i];

	total_pages = bitmap_count_set(managed_frames, frame_count);
	free_pages = total_pages;
	first_possibly_free = 0;
	printk(LOG_INFO, "page_alloc: %zu pages (%zu KiB) free of %zu frames, bitmap at %#llx\n",
	       free_pages, free_pages * (PAGE_FRAME_SIZE / 1024), frame_count,
	       (unsigned long long)bitmaps_start);
}

physical_address_t page_alloc(void)
{
	physical_address_t page = 0;
	unsigned long irq_state = spin_lock_irqsave(&page_alloc_lock);
	size_t frame = bitmap_find_next_zero(used_frames, frame_count, first_possibly_free);

	if (frame < frame_count) {
		bitmap_set(used_frames, frame);
		free_pages--;
		first_possibly_free = frame + 1;
		page = address_of(frame);
	}
	spin_unlock_irqrestore(&page_alloc_lock, irq_state);
	return page;
}

/*
 * First fit: walk the runs of free frames from the lowest up and take the
 * first run that is long enough. Returns frame_count if there is none.
 */
static size_t find_free_run(size_t count)
{
	size_t run_start = bitmap_find_next_zero(used_frames, frame_count, first_possibly_free);

	while (run_start < frame_count) {
		size_t run_end = bitmap_find_next_set(used_frames, frame_count, run_start);

		if (run_end - run_start >= count)
			return run_start;
		run_start = bitmap_find_next_zero(used_frames, frame_count, run_end);
	}
	return frame_count;
}

physical_address_t page_alloc_contiguous(size_t count)
{
	physical_address_t first_page = 0;
	unsigned long irq_state;
	size_t frame;

	if (count == 0)
		return 0;
	irq_state = spin_lock_irqsave(&page_alloc_lock);
	frame = find_free_run(count);
	if (frame < frame_count) {
		bitmap_set_range(used_frames, frame, count);
		free_pages -= count;
		first_page = address_of(frame);
	}
	spin_unlock_irqrestore(&page_alloc_lock, irq_state);
	return first_page;
}

/* Freeing memory the allocator did not hand out is a kernel bug: stop at once. */
static void check_page_can_be_freed(physical_address_t page)
{
	size_t frame = frame_of(page);

	if (!IS_ALIGNED(page, PAGE_FRAME_SIZE))
		panic("page_free: %#llx is not the address of a page", (unsigned long long)page);
	if (frame >= frame_count || !bitmap_test(managed_frames, frame))
		panic("page_free: page %#llx was never given out by the page allocator",
		      (unsigned long long)page);
	if (!bitmap_test(used_frames, frame))
		panic("page_free: page %#llx freed twice", (unsigned long long)page);
}

void page_free_contiguous(physical_address_t first_page, size_t count)
{
	unsigned long irq_state = spin_lock_irqsave(&page_alloc_lock);

	for (size_t i = 0; i < count; i++) {
		physical_address_t page = first_page + address_of(i);

		check_page_can_be_freed(page);
		bitmap_clear(used_frames, frame_of(page));
	}
	free_pages += count;
	if (count > 0)
		first_possibly_free = MIN(first_possibly_free, frame_of(first_page));
	spin_unlock_irqrestore(&page_alloc_lock, irq_state);
}

void page_free(physical_address_t page)
{
	page_free_contiguous(page, 1);
}

size_t page_alloc_free_count(void)
{
	return free_pages;
}

size_t page_alloc_total_count(void)
{
	return total_pages;
}

size_t page_alloc_frame_count(void)
{
	return frame_count;
}
