/*
 * host_kernel_heap.h: run kuid's real heap (kernel/mm/heap.c over page_alloc.c) in a unit test,
 * on a 16 MiB arena from malloc that stands for physical memory, so a test can count kmalloc
 * and kfree through heap_get_statistics(). Include it in exactly one file of a test program
 * (it defines physical_to_virtual and virtual_to_physical), after <cmocka.h>, and call
 * host_kernel_heap_start() before the tests run.
 */
#ifndef HOST_KERNEL_HEAP_H
#define HOST_KERNEL_HEAP_H

#include <kuid/boot_info.h>
#include <kuid/heap.h>
#include <kuid/page_alloc.h>
#include <kuid/paging.h>
#include <kuid/printk.h>

/* Physical address p is byte p of the arena; usable memory is [1 MiB, 16 MiB). */
#define HOST_HEAP_ARENA_BYTES ((physical_address_t)16 << 20)
#define HOST_HEAP_USABLE_FIRST ((physical_address_t)1 << 20)

static uint8_t *host_heap_arena;

void *physical_to_virtual(physical_address_t address)
{
	assert_true(address < HOST_HEAP_ARENA_BYTES);
	return host_heap_arena + address;
}

physical_address_t virtual_to_physical(const void *pointer)
{
	const uint8_t *byte = pointer;

	assert_true(byte >= host_heap_arena && byte < host_heap_arena + HOST_HEAP_ARENA_BYTES);
	return (physical_address_t)(byte - host_heap_arena);
}

/* Once per program: the heap keeps its pages for good, so it is never started again. */
static inline void host_kernel_heap_start(void)
{
	static struct boot_info boot_info;

	/* Page-aligned like real memory: kfree checks where in its page an object starts. */
	host_heap_arena = aligned_alloc(PAGE_FRAME_SIZE, HOST_HEAP_ARENA_BYTES);
	assert_non_null(host_heap_arena);
	boot_info.usable_memory[0] =
		(struct memory_region){ HOST_HEAP_USABLE_FIRST, HOST_HEAP_ARENA_BYTES };
	boot_info.usable_memory_count = 1;
	printk_set_console_level(LOG_WARNING);	/* no page_alloc banner in the test output */
	page_alloc_init(&boot_info, NULL, 0);
	heap_init();
}

static inline size_t host_heap_live_objects(void)
{
	struct heap_statistics statistics;

	heap_get_statistics(&statistics);
	return statistics.live_objects;
}

#endif /* HOST_KERNEL_HEAP_H */
