/*
 * heap.c: kmalloc and kfree. Small requests are served from size classes of
 * 16 to 2048 bytes carved out of whole pages; larger ones get contiguous pages
 * of their own. Pure logic: pages come from page_alloc and physical_to_virtual.
 */
#include <kuid/heap.h>
#include <kuid/page_alloc.h>
#include <kuid/paging.h>
#include <kuid/panic.h>
#include <kuid/spinlock.h>
#include <kuid/string.h>

/*
 * Size class c holds objects of up to 16 << c bytes: 16, 32, ..., 2048.
 * A request is rounded up to the next class, so at most half is wasted.
 */
#define SMALLEST_CLASS_SIZE	16
#define SIZE_CLASS_COUNT	8
#define LARGEST_CLASS_SIZE	(SMALLEST_CLASS_SIZE << (SIZE_CLASS_COUNT - 1))

/* The size_class of an object too big for any class: it has pages of its own. */
#define LARGE_OBJECT		SIZE_CLASS_COUNT

/* Magic values in the header; anything else means the pointer is not kmalloc's. */
#define MAGIC_LIVE		0xa110ca7e	/* "allocate" */
#define MAGIC_FREE		0xf7eef7ee	/* "freefree" */

/*
 * Every object, small or large, is preceded by this header. Its 16 bytes
 * keep the object 16-byte aligned, and let kfree find the object's class,
 * its size as requested (for the statistics) and whether it is still live.
 */
struct object_header {
	uint32_t magic;
	uint32_t size_class;
	size_t requested_size;
};

_Static_assert(sizeof(struct object_header) == 16, "the header keeps objects 16-byte aligned");

/* A free small object: its header, then the link to the next free object of its class. */
struct free_object {
	struct object_header header;
	struct free_object *next;
};

/*
 * One list of free objects per class. Pages carved into small objects stay
 * with the heap for good: they are reused, never given back to page_alloc.
 */
static struct free_object *free_lists[SIZE_CLASS_COUNT];
static struct heap_statistics statistics;
static struct spinlock heap_lock = SPINLOCK_INIT("heap");

static size_t class_size(unsigned int size_class)
{
	return (size_t)SMALLEST_CLASS_SIZE << size_class;
}

/* A slot is a header and the object after it. */
static size_t slot_size(unsigned int size_class)
{
	return sizeof(struct object_header) + class_size(size_class);
}

static unsigned int size_class_for(size_t size)
{
	unsigned int size_class = 0;

	while (class_size(size_class) < size)
		size_class++;
	return size_class;
}

/* How many pages a large object of `size` bytes spans, header included. */
static size_t large_object_pages(size_t size)
{
	return (sizeof(struct object_header) + size + PAGE_FRAME_SIZE - 1) / PAGE_FRAME_SIZE;
}

void heap_init(void)
{
	for (unsigned int i = 0; i < SIZE_CLASS_COUNT; i++)
		free_lists[i] = NULL;
	statistics.live_objects = 0;
	statistics.live_bytes = 0;
	spin_lock_init(&heap_lock, "heap");
}

/* Cut a fresh page into free slots of one class. False when memory is exhausted. */
static bool refill_free_list(unsigned int size_class)
{
	size_t slot = slot_size(size_class);
	physical_address_t page = page_alloc();
	char *page_start;

	if (page == 0)
		return false;
	page_start = physical_to_virtual(page);
	for (size_t offset = 0; offset + slot <= PAGE_FRAME_SIZE; offset += slot) {
		struct free_object *object = (struct free_object *)(page_start + offset);

		object->header.magic = MAGIC_FREE;
		object->header.size_class = size_class;
		object->header.requested_size = 0;
		object->next = free_lists[size_class];
		free_lists[size_class] = object;
	}
	return true;
}

static struct object_header *take_small_object(unsigned int size_class)
{
	struct free_object *object;

	if (free_lists[size_class] == NULL && !refill_free_list(size_class))
		return NULL;
	object = free_lists[size_class];
	free_lists[size_class] = object->next;
	return &object->header;
}

static struct object_header *take_large_object(size_t size)
{
	physical_address_t first_page;
	struct object_header *header;

	/* Also keeps the page count below from overflowing for absurd sizes. */
	if (size > page_alloc_total_count() * PAGE_FRAME_SIZE)
		return NULL;
	first_page = page_alloc_contiguous(large_object_pages(size));
	if (first_page == 0)
		return NULL;
	header = physical_to_virtual(first_page);
	header->size_class = LARGE_OBJECT;
	return header;
}

void *kmalloc(size_t size)
{
	struct object_header *header;
	unsigned long irq_state;

	if (size == 0)
		return NULL;
	irq_state = spin_lock_irqsave(&heap_lock);
	if (size <= LARGEST_CLASS_SIZE)
		header = take_small_object(size_class_for(size));
	else
		header = take_large_object(size);
	if (header != NULL) {
		header->magic = MAGIC_LIVE;
		header->requested_size = size;
		statistics.live_objects++;
		statistics.live_bytes += size;
	}
	spin_unlock_irqrestore(&heap_lock, irq_state);
	return header != NULL ? header + 1 : NULL;
}

void *kzalloc(size_t size)
{
	void *object = kmalloc(size);

	if (object != NULL)
		memset(object, 0, size);
	return object;
}

/*
 * kfree of something kmalloc did not return, or of an object already freed,
 * would corrupt the heap later and far away: catch it here, where the bug is.
 */
static void check_live_object(const void *pointer, const struct object_header *header)
{
	uintptr_t offset_in_page = (uintptr_t)header % PAGE_FRAME_SIZE;
	size_t expected_offset_step;

	if (!IS_ALIGNED((uintptr_t)pointer, 16))
		panic("kfree: %p is not an address kmalloc returns", pointer);
	if (header->magic == MAGIC_FREE)
		panic("kfree: %p freed twice", pointer);
	if (header->magic != MAGIC_LIVE || header->size_class > LARGE_OBJECT)
		panic("kfree: %p was not allocated by kmalloc (header is garbage)", pointer);
	/* A large object's header starts its first page; a small one starts a slot. */
	if (header->size_class == LARGE_OBJECT)
		expected_offset_step = PAGE_FRAME_SIZE;
	else
		expected_offset_step = slot_size(header->size_class);
	if (offset_in_page % expected_offset_step != 0)
		panic("kfree: %p is not the start of a kmalloc object", pointer);
}

void kfree(void *pointer)
{
	struct object_header *header;
	unsigned long irq_state;

	if (pointer == NULL)
		return;
	header = (struct object_header *)pointer - 1;
	irq_state = spin_lock_irqsave(&heap_lock);
	check_live_object(pointer, header);
	statistics.live_objects--;
	statistics.live_bytes -= header->requested_size;
	header->magic = MAGIC_FREE;
	if (header->size_class == LARGE_OBJECT) {
		page_free_contiguous(virtual_to_physical(header),
				     large_object_pages(header->requested_size));
	} else {
		struct free_object *object = (struct free_object *)header;

		object->next = free_lists[header->size_class];
		free_lists[header->size_class] = object;
	}
	spin_unlock_irqrestore(&heap_lock, irq_state);
}

void heap_get_statistics(struct heap_statistics *result)
{
	unsigned long irq_state = spin_lock_irqsave(&heap_lock);

	*result = statistics;
	spin_unlock_irqrestore(&heap_lock, irq_state);
}
