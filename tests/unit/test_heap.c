/*
 * Unit tests for kernel/mm/heap.c, running on kernel/mm/page_alloc.c over
 * a malloc'ed arena: alignment, statistics, reuse, large objects, exhaustion,
 * and the panics that catch double and wild frees.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include <kuid/heap.h>
#include <kuid/page_alloc.h>
#include <kuid/paging.h>
#include <kuid/printk.h>
#include <kuid/string.h>

#define MIB(n) ((physical_address_t)(n) << 20)
#define PAGE PAGE_FRAME_SIZE

/* Physical address p is byte p of the arena; usable memory is [1 MiB, 16 MiB). */
#define ARENA_BYTES MIB(16)
#include "host_arena.h"

static struct boot_info boot_info;

/* Every test starts with fresh physical memory and an empty heap. */
static int start_heap(void **state)
{
	(void)state;
	memset(&boot_info, 0, sizeof(boot_info));
	boot_info.usable_memory[0] = (struct memory_region){ MIB(1), ARENA_BYTES };
	boot_info.usable_memory_count = 1;
	page_alloc_init(&boot_info, NULL, 0);
	heap_init();
	return 0;
}

static void expect_statistics(size_t live_objects, size_t live_bytes)
{
	struct heap_statistics statistics;

	heap_get_statistics(&statistics);
	assert_int_equal(statistics.live_objects, live_objects);
	assert_int_equal(statistics.live_bytes, live_bytes);
}

static void test_zero_and_null(void **state)
{
	(void)state;
	assert_null(kmalloc(0));
	assert_null(kzalloc(0));
	kfree(NULL);
	expect_statistics(0, 0);
}

static void test_statistics_count_requested_sizes(void **state)
{
	void *small, *medium, *large;

	(void)state;
	small = kmalloc(1);
	medium = kmalloc(100);
	large = kmalloc(10000);
	assert_non_null(small);
	assert_non_null(medium);
	assert_non_null(large);
	expect_statistics(3, 10101);
	kfree(medium);
	expect_statistics(2, 10001);
	kfree(large);
	kfree(small);
	expect_statistics(0, 0);
}

static void test_every_size_is_aligned_and_usable(void **state)
{
	enum { LARGEST = 4200 };	/* past the point where large objects need 2 pages */
	static uint8_t *objects[LARGEST + 1];
	size_t live_bytes = 0;

	(void)state;
	for (size_t size = 1; size <= LARGEST; size++) {
		objects[size] = kmalloc(size);
		assert_non_null(objects[size]);
		assert_true((uintptr_t)objects[size] % 16 == 0);
		memset(objects[size], (int)(size & 0xff), size);
		live_bytes += size;
	}
	expect_statistics(LARGEST, live_bytes);
	/* No object overlaps another: each still holds its own pattern. */
	for (size_t size = 1; size <= LARGEST; size++) {
		for (size_t i = 0; i < size; i++)
			assert_int_equal(objects[size][i], size & 0xff);
		kfree(objects[size]);
	}
	expect_statistics(0, 0);
}

static void test_kzalloc_clears_reused_memory(void **state)
{
	uint8_t *object;

	(void)state;
	object = kmalloc(200);
	memset(object, 0xff, 200);
	kfree(object);
	object = kzalloc(200);
	for (size_t i = 0; i < 200; i++)
		assert_int_equal(object[i], 0);
	kfree(object);
}

static void test_freed_object_is_reused(void **state)
{
	void *first, *second;

	(void)state;
	first = kmalloc(48);
	kfree(first);
	second = kmalloc(64);	/* the same 64-byte class */
	assert_ptr_equal(first, second);
	kfree(second);
}

static void test_small_objects_share_a_page(void **state)
{
	size_t free_before = page_alloc_free_count();
	void *objects[8];

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(objects); i++)
		objects[i] = kmalloc(16);
	assert_int_equal(page_alloc_free_count(), free_before - 1);
	for (size_t i = 0; i < ARRAY_SIZE(objects); i++)
		kfree(objects[i]);
	/* The page stays with the heap, ready for the next small objects. */
	assert_int_equal(page_alloc_free_count(), free_before - 1);
}

static void test_large_objects_take_and_return_pages(void **state)
{
	size_t free_before = page_alloc_free_count();
	void *exactly_one_page, *three_pages;

	(void)state;
	/* The 16-byte header pushes a 4096-byte object onto a second page. */
	exactly_one_page = kmalloc(PAGE - 16);
	assert_int_equal(page_alloc_free_count(), free_before - 1);
	three_pages = kmalloc(2 * PAGE + 1);
	assert_int_equal(page_alloc_free_count(), free_before - 4);
	memset(three_pages, 0x5a, 2 * PAGE + 1);
	kfree(exactly_one_page);
	kfree(three_pages);
	assert_int_equal(page_alloc_free_count(), free_before);
	expect_statistics(0, 0);
}

static void test_exhaustion_returns_null(void **state)
{
	static void *objects[16384];
	size_t count = 0;

	(void)state;
	assert_null(kmalloc(SIZE_MAX));
	assert_null(kmalloc(ARENA_BYTES));
	while ((objects[count] = kmalloc(1000)) != NULL) {
		count++;
		assert_true(count < ARRAY_SIZE(objects));
	}
	/* 15 MiB, one page of bitmaps, three 1000-byte objects per page. */
	assert_int_equal(count, (MIB(15) / PAGE - 1) * 3);
	assert_int_equal(page_alloc_free_count(), 0);
	assert_null(kmalloc(16));
	expect_statistics(count, count * 1000);
	while (count > 0)
		kfree(objects[--count]);
	expect_statistics(0, 0);
}

static void test_double_free_panics(void **state)
{
	void *small = kmalloc(32);
	void *large;

	(void)state;
	kfree(small);
	expect_assert_failure(kfree(small));
	expect_panic_message("freed twice");

	start_heap(NULL);
	large = kmalloc(3 * PAGE);
	kfree(large);
	expect_assert_failure(kfree(large));
	expect_panic_message("freed twice");
}

static void test_wild_pointers_panic(void **state)
{
	uint8_t *object = kmalloc(256);

	(void)state;
	memset(object, 0, 256);
	expect_assert_failure(kfree(object + 1));
	expect_panic_message("not an address kmalloc returns");

	start_heap(NULL);
	object = kmalloc(256);
	memset(object, 0, 256);
	expect_assert_failure(kfree(object + 32));
	expect_panic_message("not allocated by kmalloc");

	/* A live-looking header at the wrong place in its page. */
	start_heap(NULL);
	object = kmalloc(256);
	memcpy(object + 16, (uint8_t *)object - 16, 16);
	expect_assert_failure(kfree(object + 32));
	expect_panic_message("not the start of a kmalloc object");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_zero_and_null, start_heap),
		cmocka_unit_test_setup(test_statistics_count_requested_sizes, start_heap),
		cmocka_unit_test_setup(test_every_size_is_aligned_and_usable, start_heap),
		cmocka_unit_test_setup(test_kzalloc_clears_reused_memory, start_heap),
		cmocka_unit_test_setup(test_freed_object_is_reused, start_heap),
		cmocka_unit_test_setup(test_small_objects_share_a_page, start_heap),
		cmocka_unit_test_setup(test_large_objects_take_and_return_pages, start_heap),
		cmocka_unit_test_setup(test_exhaustion_returns_null, start_heap),
		cmocka_unit_test_setup(test_double_free_panics, start_heap),
		cmocka_unit_test_setup(test_wild_pointers_panic, start_heap),
	};

	return cmocka_run_group_tests(tests, setup_arena, free_arena);
}
