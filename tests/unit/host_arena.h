/*
 * host_arena.h: "physical memory" for the unit tests of the page allocator and
 * the heap: a malloc'ed arena in which physical address p is byte p. Define
 * ARENA_BYTES, then include this in exactly one file of a test program, after
 * <cmocka.h> (it defines physical_to_virtual and virtual_to_physical).
 */
#ifndef HOST_ARENA_H
#define HOST_ARENA_H

#include <stdlib.h>

#include <kuid/page_alloc.h>
#include <kuid/paging.h>
#include <kuid/printk.h>
#include <kuid/string.h>

static uint8_t *arena;

void *physical_to_virtual(physical_address_t address)
{
	assert_true(address < ARENA_BYTES);
	return arena + address;
}

physical_address_t virtual_to_physical(const void *pointer)
{
	assert_true((const uint8_t *)pointer >= arena &&
		    (const uint8_t *)pointer < arena + ARENA_BYTES);
	return (physical_address_t)((const uint8_t *)pointer - arena);
}

/* The group setup: a page-aligned arena, and no page_alloc banner in the output. */
static inline int setup_arena(void **state)
{
	(void)state;
	printk_set_console_level(LOG_WARNING);
	arena = aligned_alloc(PAGE_FRAME_SIZE, ARENA_BYTES);
	return arena == NULL ? -1 : 0;
}

static inline int free_arena(void **state)
{
	(void)state;
	free(arena);
	return 0;
}

/* After expect_assert_failure: the allocator's panic said something with `part` in it. */
static inline void expect_panic_message(const char *part)
{
	assert_non_null(strstr(global_last_failed_assert, part));
}

#endif /* HOST_ARENA_H */
