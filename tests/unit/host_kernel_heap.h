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
#define ARENA_BYTES ((physical_address_t)16 << 20)
#define HOST_HEAP_USABLE_FIRST ((physical_address_t)1 << 20)
#include "host_arena.h"

/* Once per program: the heap keeps its pages for good, so it is never started again. */
static inline void host_kernel_heap_start(void)
{
	static struct boot_info boot_info;

	/* Page-aligned like real memory: kfree checks where in its page an object starts. */
	assert_int_equal(setup_arena(NULL), 0);
	boot_info.usable_memory[0] = (struct memory_region){ HOST_HEAP_USABLE_FIRST, ARENA_BYTES };
	boot_info.usable_memory_count = 1;
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
