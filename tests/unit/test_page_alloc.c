/*
 * Unit tests for kernel/mm/page_alloc.c: memory maps with holes and odd
 * edges, reserved regions cutting usable ones at every edge, exhaustion,
 * first-fit contiguous allocation, and the panics that catch bad frees.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include <kuid/page_alloc.h>
#include <kuid/paging.h>
#include <kuid/printk.h>
#include <kuid/string.h>

#define KIB(n) ((physical_address_t)(n) << 10)
#define MIB(n) ((physical_address_t)(n) << 20)
#define PAGE PAGE_FRAME_SIZE

/*
 * The "physical memory" of these tests: physical address p is byte p of the
 * arena. The allocator only ever touches its own bitmaps there, so usable
 * regions may extend far beyond the arena as long as the bitmaps fit in it.
 */
#define ARENA_BYTES MIB(8)
#include "host_arena.h"

static struct boot_info boot_info;

static void start_allocator(const struct memory_region *usable, size_t usable_count,
			    const struct memory_region *reserved, size_t reserved_count)
{
	memset(&boot_info, 0, sizeof(boot_info));
	for (size_t i = 0; i < usable_count; i++)
		boot_info.usable_memory[i] = usable[i];
	boot_info.usable_memory_count = usable_count;
	page_alloc_init(&boot_info, reserved, reserved_count);
}

static bool inside(physical_address_t page, const struct memory_region *region)
{
	return page >= region->start && page + PAGE <= region->end;
}

static bool touches(physical_address_t page, const struct memory_region *region)
{
	return page < region->end && region->start < page + PAGE;
}

/*
 * Allocate every page there is, one at a time, and check each: aligned, in
 * a usable region, clear of the reserved ones, never handed out twice.
 * Returns how many there were; the pages are left in `pages`.
 */
static size_t allocate_everything(physical_address_t *pages, size_t max_pages,
				  const struct memory_region *usable, size_t usable_count,
				  const struct memory_region *reserved, size_t reserved_count)
{
	size_t count = 0;
	physical_address_t page;

	while ((page = page_alloc()) != 0) {
		bool in_usable = false;

		assert_true(count < max_pages);
		assert_true(page % PAGE == 0);
		assert_true(page >= MIB(1));
		for (size_t i = 0; i < usable_count; i++)
			in_usable = in_usable || inside(page, &usable[i]);
		assert_true(in_usable);
		for (size_t i = 0; i < reserved_count; i++)
			assert_false(touches(page, &reserved[i]));
		for (size_t i = 0; i < count; i++)
			assert_true(pages[i] != page);
		pages[count++] = page;
	}
	assert_int_equal(page_alloc_free_count(), 0);
	return count;
}

static void free_all(const physical_address_t *pages, size_t count)
{
	for (size_t i = 0; i < count; i++)
		page_free(pages[i]);
}

static void test_one_region(void **state)
{
	const struct memory_region usable[] = { { MIB(1), MIB(2) } };
	physical_address_t pages[256];
	size_t count;

	(void)state;
	start_allocator(usable, 1, NULL, 0);
	/* 256 pages, one of which holds the bitmaps (2 x 512 bits). */
	assert_int_equal(page_alloc_total_count(), 255);
	assert_int_equal(page_alloc_free_count(), 255);

	count = allocate_everything(pages, 256, usable, 1, NULL, 0);
	assert_int_equal(count, 255);
	free_all(pages, count);
	assert_int_equal(page_alloc_free_count(), 255);
	assert_int_equal(page_alloc_total_count(), 255);
}

static void test_first_megabyte_is_never_handed_out(void **state)
{
	const struct memory_region usable[] = { { 0, KIB(640) }, { KIB(640), MIB(2) } };
	physical_address_t pages[512];
	size_t count;

	(void)state;
	start_allocator(usable, 2, NULL, 0);
	assert_int_equal(page_alloc_total_count(), 255);
	count = allocate_everything(pages, 512, usable, 2, NULL, 0);
	assert_int_equal(count, 255);
	free_all(pages, count);
}

static void test_regions_with_holes(void **state)
{
	const struct memory_region usable[] = {
		{ MIB(1), MIB(1) + KIB(64) },
		{ MIB(3), MIB(3) + KIB(64) },
		{ MIB(6), MIB(6) + KIB(64) },
	};
	physical_address_t pages[64];
	size_t count;

	(void)state;
	start_allocator(usable, 3, NULL, 0);
	assert_int_equal(page_alloc_total_count(), 3 * 16 - 1);
	count = allocate_everything(pages, 64, usable, 3, NULL, 0);
	assert_int_equal(count, 3 * 16 - 1);
	free_all(pages, count);
	assert_int_equal(page_alloc_free_count(), 3 * 16 - 1);
}

static void test_only_whole_pages_of_unaligned_regions(void **state)
{
	/* Frames 1 MiB + 4 KiB up to 1 MiB + 60 KiB lie completely inside: 14. */
	const struct memory_region usable[] = { { MIB(1) + 100, MIB(1) + KIB(64) - 1 } };
	physical_address_t pages[16];

	(void)state;
	start_allocator(usable, 1, NULL, 0);
	assert_int_equal(page_alloc_total_count(), 14 - 1);
	free_all(pages, allocate_everything(pages, 16, usable, 1, NULL, 0));
}

static void test_reserved_regions_at_every_edge(void **state)
{
	const struct memory_region usable[] = { { MIB(1), MIB(1) + KIB(64) } };
	const struct memory_region reserved[] = {
		{ MIB(1) - KIB(4), MIB(1) + KIB(4) },		/* across the start: 1 page */
		{ MIB(1) + KIB(60), MIB(1) + KIB(68) },		/* across the end: 1 page */
		{ MIB(1) + KIB(20) + 1, MIB(1) + KIB(24) + 1 },	/* unaligned: touches 2 */
		{ MIB(1) + KIB(40), MIB(1) + KIB(44) },		/* exactly one page */
		{ MIB(1) + KIB(44), MIB(1) + KIB(44) },		/* empty: nothing */
		{ MIB(5), MIB(6) },				/* outside: nothing */
	};
	physical_address_t pages[16];
	size_t count;

	(void)state;
	start_allocator(usable, 1, reserved, ARRAY_SIZE(reserved));
	/* 16 pages, minus 5 reserved, minus the bitmap page. */
	assert_int_equal(page_alloc_total_count(), 10);
	count = allocate_everything(pages, 16, usable, 1, reserved, ARRAY_SIZE(reserved));
	assert_int_equal(count, 10);
	free_all(pages, count);
}

static void test_reserved_region_covering_whole_regions(void **state)
{
	const struct memory_region usable[] = {
		{ MIB(1), MIB(2) }, { MIB(2), MIB(3) }, { MIB(4), MIB(5) },
	};
	const struct memory_region reserved[] = { { MIB(1) - 1, MIB(3) + 1 } };
	physical_address_t pages[256];

	(void)state;
	start_allocator(usable, 3, reserved, 1);
	/* Only the third region is left, and the bitmaps go there. */
	assert_int_equal(page_alloc_total_count(), 255);
	free_all(pages, allocate_everything(pages, 256, usable, 3, reserved, 1));
}

static void test_bitmap_avoids_reserved_memory(void **state)
{
	const struct memory_region usable[] = { { MIB(1), MIB(2) } };
	const struct memory_region reserved[] = { { MIB(1), MIB(1) + KIB(512) } };

	(void)state;
	start_allocator(usable, 1, reserved, 1);
	/* The bitmaps take the first free page; allocation is lowest first after it. */
	assert_int_equal(page_alloc_total_count(), 127);
	assert_true(page_alloc() == MIB(1) + KIB(516));
	page_free(MIB(1) + KIB(516));
}

static void test_large_memory(void **state)
{
	/* 4 GiB: 1 Mi frames, two bitmaps of 128 KiB each = 64 pages. */
	const struct memory_region usable[] = { { MIB(1), MIB(4096) } };
	physical_address_t page;

	(void)state;
	start_allocator(usable, 1, NULL, 0);
	assert_int_equal(page_alloc_total_count(), (MIB(4096) - MIB(1)) / PAGE - 64);
	page = page_alloc_contiguous(1000);
	assert_true(page == MIB(1) + 64 * PAGE);
	assert_int_equal(page_alloc_free_count(), page_alloc_total_count() - 1000);
	page_free_contiguous(page, 1000);
	assert_int_equal(page_alloc_free_count(), page_alloc_total_count());
}

static void test_freed_pages_are_reused_lowest_first(void **state)
{
	const struct memory_region usable[] = { { MIB(1), MIB(2) } };
	physical_address_t first, second, third;

	(void)state;
	start_allocator(usable, 1, NULL, 0);
	first = page_alloc();
	second = page_alloc();
	third = page_alloc();
	assert_true(first == MIB(1) + PAGE);
	assert_true(second == first + PAGE && third == second + PAGE);

	page_free(second);
	page_free(first);
	assert_int_equal(page_alloc_free_count(), 255 - 1);
	assert_true(page_alloc() == first);
	assert_true(page_alloc() == second);
	page_free(first);
	page_free(second);
	page_free(third);
	assert_int_equal(page_alloc_free_count(), 255);
}

static void test_contiguous_first_fit(void **state)
{
	const struct memory_region usable[] = { { MIB(1), MIB(2) } };
	physical_address_t a, b, c, d, run;

	(void)state;
	start_allocator(usable, 1, NULL, 0);
	a = page_alloc();
	b = page_alloc();
	c = page_alloc();
	d = page_alloc();

	/* A one-page hole is too small for two pages: the run goes after d. */
	page_free(b);
	run = page_alloc_contiguous(2);
	assert_true(run == d + PAGE);
	page_free_contiguous(run, 2);

	/* Freeing c makes the hole two pages long, and first fit takes it. */
	page_free(c);
	run = page_alloc_contiguous(2);
	assert_true(run == b);
	assert_int_equal(page_alloc_free_count(), 255 - 4);

	page_free_contiguous(run, 2);
	page_free(a);
	page_free(d);
	assert_int_equal(page_alloc_free_count(), 255);
}

static void test_contiguous_never_spans_a_hole(void **state)
{
	/* 8 pages (one holds the bitmaps), a 4 KiB hole, then 16 pages. */
	const struct memory_region usable[] = {
		{ MIB(1), MIB(1) + KIB(32) },
		{ MIB(1) + KIB(36), MIB(1) + KIB(100) },
	};
	physical_address_t run;

	(void)state;
	start_allocator(usable, 2, NULL, 0);
	assert_int_equal(page_alloc_total_count(), 7 + 16);

	run = page_alloc_contiguous(8);
	assert_true(run == MIB(1) + KIB(36));
	page_free_contiguous(run, 8);

	run = page_alloc_contiguous(7);
	assert_true(run == MIB(1) + PAGE);
	page_free_contiguous(run, 7);
}

static void test_exhaustion_returns_zero(void **state)
{
	const struct memory_region usable[] = { { MIB(1), MIB(1) + KIB(64) } };
	physical_address_t run;

	(void)state;
	start_allocator(usable, 1, NULL, 0);
	assert_true(page_alloc_contiguous(0) == 0);
	assert_true(page_alloc_contiguous(16) == 0);
	run = page_alloc_contiguous(15);
	assert_true(run == MIB(1) + PAGE);
	assert_int_equal(page_alloc_free_count(), 0);
	assert_true(page_alloc() == 0);
	assert_true(page_alloc_contiguous(1) == 0);
	assert_int_equal(page_alloc_free_count(), 0);

	page_free_contiguous(run, 15);
	assert_int_equal(page_alloc_free_count(), 15);
}

static void test_free_count_bookkeeping(void **state)
{
	const struct memory_region usable[] = { { MIB(1), MIB(2) } };
	physical_address_t single[10], run;

	(void)state;
	start_allocator(usable, 1, NULL, 0);
	for (size_t i = 0; i < 10; i++) {
		single[i] = page_alloc();
		assert_int_equal(page_alloc_free_count(), 255 - (i + 1));
	}
	run = page_alloc_contiguous(20);
	assert_int_equal(page_alloc_free_count(), 255 - 30);
	for (size_t i = 0; i < 10; i += 2)
		page_free(single[i]);
	assert_int_equal(page_alloc_free_count(), 255 - 25);
	page_free_contiguous(run, 20);
	assert_int_equal(page_alloc_free_count(), 255 - 5);
	for (size_t i = 1; i < 10; i += 2)
		page_free(single[i]);
	assert_int_equal(page_alloc_free_count(), 255);
	assert_int_equal(page_alloc_total_count(), 255);
}

/* After a panic the allocator is in whatever state it stopped in: tests start it again. */
static void test_double_free_panics(void **state)
{
	const struct memory_region usable[] = { { MIB(1), MIB(2) } };
	physical_address_t page, run;

	(void)state;
	start_allocator(usable, 1, NULL, 0);
	page = page_alloc();
	page_free(page);
	expect_assert_failure(page_free(page));
	expect_panic_message("freed twice");

	start_allocator(usable, 1, NULL, 0);
	run = page_alloc_contiguous(4);
	page_free(run + 2 * PAGE);
	expect_assert_failure(page_free_contiguous(run, 4));
	expect_panic_message("freed twice");
}

static void test_freeing_what_was_never_allocatable_panics(void **state)
{
	const struct memory_region usable[] = { { MIB(1), MIB(2) }, { MIB(3), MIB(4) } };
	const struct memory_region reserved[] = { { MIB(1) + KIB(64), MIB(1) + KIB(128) } };

	(void)state;
	start_allocator(usable, 2, reserved, 1);
	expect_assert_failure(page_free(0));
	expect_panic_message("never given out");
	start_allocator(usable, 2, reserved, 1);
	expect_assert_failure(page_free(KIB(512)));	/* low memory */
	expect_panic_message("never given out");
	start_allocator(usable, 2, reserved, 1);
	expect_assert_failure(page_free(MIB(1) + KIB(64)));	/* reserved */
	expect_panic_message("never given out");
	start_allocator(usable, 2, reserved, 1);
	expect_assert_failure(page_free(MIB(1)));	/* the bitmaps */
	expect_panic_message("never given out");
	start_allocator(usable, 2, reserved, 1);
	expect_assert_failure(page_free(MIB(2) + KIB(4)));	/* the hole */
	expect_panic_message("never given out");
	start_allocator(usable, 2, reserved, 1);
	expect_assert_failure(page_free(MIB(64)));	/* past the end of memory */
	expect_panic_message("never given out");
	start_allocator(usable, 2, reserved, 1);
	expect_assert_failure(page_free(MIB(3) + 8));
	expect_panic_message("not the address of a page");
}

static void test_memory_map_without_room_panics(void **state)
{
	const struct memory_region low_only[] = { { 0, KIB(640) } };
	const struct memory_region usable[] = { { MIB(1), MIB(1) + KIB(4) } };
	const struct memory_region reserved[] = { { MIB(1), MIB(1) + KIB(4) } };

	(void)state;
	expect_assert_failure(start_allocator(low_only, 1, NULL, 0));
	expect_panic_message("no usable memory");
	expect_assert_failure(start_allocator(usable, 1, reserved, 1));
	expect_panic_message("bitmap");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_region),
		cmocka_unit_test(test_first_megabyte_is_never_handed_out),
		cmocka_unit_test(test_regions_with_holes),
		cmocka_unit_test(test_only_whole_pages_of_unaligned_regions),
		cmocka_unit_test(test_reserved_regions_at_every_edge),
		cmocka_unit_test(test_reserved_region_covering_whole_regions),
		cmocka_unit_test(test_bitmap_avoids_reserved_memory),
		cmocka_unit_test(test_large_memory),
		cmocka_unit_test(test_freed_pages_are_reused_lowest_first),
		cmocka_unit_test(test_contiguous_first_fit),
		cmocka_unit_test(test_contiguous_never_spans_a_hole),
		cmocka_unit_test(test_exhaustion_returns_zero),
		cmocka_unit_test(test_free_count_bookkeeping),
		cmocka_unit_test(test_double_free_panics),
		cmocka_unit_test(test_freeing_what_was_never_allocatable_panics),
		cmocka_unit_test(test_memory_map_without_room_panics),
	};

	return cmocka_run_group_tests(tests, setup_arena, free_arena);
}
