/*
 * Unit tests for kernel/mm/region_list.c: inserting, finding, removing and
 * re-protecting ranges of an address space's region list, with the splits
 * munmap and mprotect cause, and the top-down search for free room that
 * mmap uses. Regions come from kmalloc, running on a malloc'ed arena.
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
#include <kuid/region_list.h>
#include <kuid/string.h>
#include <uapi/errno.h>
#include <uapi/mman.h>

#define PAGE 0x1000UL
#define ARENA_BYTES (4UL << 20)
#define RW (PROT_READ | PROT_WRITE)

static uint8_t *arena;
static struct boot_info boot_info;

void *physical_to_virtual(physical_address_t address)
{
	assert_true(address < ARENA_BYTES);
	return arena + address;
}

physical_address_t virtual_to_physical(const void *pointer)
{
	return (physical_address_t)((const uint8_t *)pointer - arena);
}

/*
 * region_list.c holds a reference to a region's shared memory object; these
 * stand-ins for kernel/mm/shared_memory.c count the references instead.
 */
struct shared_memory {
	int references;
};

struct shared_memory *shared_memory_get(struct shared_memory *shared);
void shared_memory_put(struct shared_memory *shared);

struct shared_memory *shared_memory_get(struct shared_memory *shared)
{
	shared->references++;
	return shared;
}

void shared_memory_put(struct shared_memory *shared)
{
	assert_true(shared->references > 0);
	shared->references--;
}

/* What a removal reported, to check the callbacks. */
static uintptr_t removed_bytes;

static void count_removed(void *context, uintptr_t start, uintptr_t end)
{
	(void)context;
	assert_true(start < end);
	removed_bytes += end - start;
}

static int setup(void **state)
{
	struct region_list *list = malloc(sizeof(*list));

	if (!arena)
		arena = aligned_alloc(PAGE, ARENA_BYTES);
	memset(&boot_info, 0, sizeof(boot_info));
	boot_info.usable_memory[0] = (struct memory_region){ PAGE, ARENA_BYTES };
	boot_info.usable_memory_count = 1;
	page_alloc_init(&boot_info, NULL, 0);
	heap_init();
	region_list_init(list);
	removed_bytes = 0;
	*state = list;
	return 0;
}

static int teardown(void **state)
{
	struct region_list *list = *state;
	struct heap_statistics statistics;

	region_list_clear(list, NULL, NULL);
	heap_get_statistics(&statistics);
	assert_int_equal(statistics.live_objects, 0);	/* every region was freed */
	free(list);
	return 0;
}

/* The list must be exactly these [start, end, protection] triples, in order. */
static void expect_regions(struct region_list *list, const uintptr_t (*expected)[3],
			   size_t count)
{
	struct region *region;
	size_t index = 0;

	list_for_each_entry(region, &list->regions, node) {
		assert_true(index < count);
		assert_int_equal(region->start, expected[index][0]);
		assert_int_equal(region->end, expected[index][1]);
		assert_int_equal(region->protection, expected[index][2]);
		index++;
	}
	assert_int_equal(index, count);
	assert_int_equal(list->count, count);
}

static void test_insert_keeps_address_order(void **state)
{
	struct region_list *list = *state;
	const uintptr_t expected[][3] = {
		{ 0x1000, 0x2000, PROT_READ }, { 0x5000, 0x7000, RW }, { 0x9000, 0xa000, PROT_EXEC },
	};

	assert_int_equal(region_insert(list, 0x5000, 0x7000, RW, REGION_ANONYMOUS), 0);
	assert_int_equal(region_insert(list, 0x9000, 0xa000, PROT_EXEC, REGION_ANONYMOUS), 0);
	assert_int_equal(region_insert(list, 0x1000, 0x2000, PROT_READ, REGION_ANONYMOUS), 0);
	expect_regions(list, expected, 3);
}

static void test_overlapping_insert_is_refused(void **state)
{
	struct region_list *list = *state;

	assert_int_equal(region_insert(list, 0x5000, 0x7000, RW, REGION_ANONYMOUS), 0);
	assert_int_equal(region_insert(list, 0x6000, 0x8000, RW, REGION_ANONYMOUS), -EEXIST);
	assert_int_equal(region_insert(list, 0x4000, 0x5001, RW, REGION_ANONYMOUS), -EEXIST);
	assert_int_equal(region_insert(list, 0x7000, 0x8000, RW, REGION_ANONYMOUS), 0);
	assert_int_equal(region_insert(list, 0x8000, 0x8000, RW, REGION_ANONYMOUS), -EINVAL);
}

static void test_find_returns_the_holding_region(void **state)
{
	struct region_list *list = *state;

	region_insert(list, 0x5000, 0x7000, RW, REGION_ANONYMOUS);
	assert_null(region_find(list, 0x4fff));
	assert_int_equal(region_find(list, 0x5000)->start, 0x5000);
	assert_int_equal(region_find(list, 0x6fff)->start, 0x5000);
	assert_null(region_find(list, 0x7000));
}

static void test_unmap_the_middle_splits_in_two(void **state)
{
	struct region_list *list = *state;
	const uintptr_t expected[][3] = { { 0x10000, 0x12000, RW }, { 0x13000, 0x20000, RW } };

	region_insert(list, 0x10000, 0x20000, RW, REGION_ANONYMOUS);
	assert_int_equal(region_remove_range(list, 0x12000, 0x13000, count_removed, NULL), 0);
	expect_regions(list, expected, 2);
	assert_int_equal(removed_bytes, 0x1000);
}

static void test_unmap_across_regions_trims_both_and_drops_inner(void **state)
{
	struct region_list *list = *state;
	const uintptr_t expected[][3] = { { 0x10000, 0x11000, RW }, { 0x25000, 0x30000, RW } };

	region_insert(list, 0x10000, 0x14000, RW, REGION_ANONYMOUS);
	region_insert(list, 0x18000, 0x1a000, RW, REGION_ANONYMOUS);
	region_insert(list, 0x20000, 0x30000, RW, REGION_ANONYMOUS);
	assert_int_equal(region_remove_range(list, 0x11000, 0x25000, count_removed, NULL), 0);
	expect_regions(list, expected, 2);
	assert_int_equal(removed_bytes, 0x3000 + 0x2000 + 0x5000);
}

static void test_unmap_of_nothing_succeeds(void **state)
{
	struct region_list *list = *state;

	assert_int_equal(region_remove_range(list, 0x1000, 0x9000, count_removed, NULL), 0);
	assert_int_equal(removed_bytes, 0);
}

static void test_protect_the_middle_makes_three(void **state)
{
	struct region_list *list = *state;
	const uintptr_t expected[][3] = {
		{ 0x10000, 0x11000, RW }, { 0x11000, 0x12000, PROT_NONE }, { 0x12000, 0x14000, RW },
	};

	region_insert(list, 0x10000, 0x14000, RW, REGION_ANONYMOUS);
	assert_int_equal(region_protect_range(list, 0x11000, 0x12000, PROT_NONE), 0);
	expect_regions(list, expected, 3);
}

static void test_covers_needs_every_address(void **state)
{
	struct region_list *list = *state;

	region_insert(list, 0x10000, 0x12000, RW, REGION_ANONYMOUS);
	region_insert(list, 0x12000, 0x14000, PROT_READ, REGION_ANONYMOUS);
	region_insert(list, 0x15000, 0x16000, RW, REGION_ANONYMOUS);
	assert_true(region_list_covers(list, 0x10000, 0x14000));
	assert_true(region_list_covers(list, 0x11000, 0x13000));
	assert_false(region_list_covers(list, 0x13000, 0x16000));
	assert_false(region_list_covers(list, 0xf000, 0x11000));
}

static void test_free_room_is_found_top_down(void **state)
{
	struct region_list *list = *state;

	/* Empty: right below the top. */
	assert_int_equal(region_find_free_top_down(list, 0x2000, 0x10000, 0x100000), 0xfe000);
	region_insert(list, 0xf0000, 0x100000, RW, REGION_ANONYMOUS);
	assert_int_equal(region_find_free_top_down(list, 0x2000, 0x10000, 0x100000), 0xee000);
	/* A gap too small is skipped, a larger one below is taken. */
	region_insert(list, 0x20000, 0xef000, RW, REGION_ANONYMOUS);
	assert_int_equal(region_find_free_top_down(list, 0x2000, 0x10000, 0x100000), 0x1e000);
	assert_int_equal(region_find_free_top_down(list, 0x20000, 0x10000, 0x100000), 0);
}

static void test_copy_duplicates_every_region(void **state)
{
	struct region_list *list = *state;
	struct region_list copy;
	const uintptr_t expected[][3] = { { 0x1000, 0x2000, PROT_READ }, { 0x5000, 0x7000, RW } };

	region_insert(list, 0x1000, 0x2000, PROT_READ, REGION_ANONYMOUS);
	region_insert(list, 0x5000, 0x7000, RW, REGION_HEAP);
	region_list_init(&copy);
	assert_int_equal(region_list_copy(&copy, list), 0);
	expect_regions(&copy, expected, 2);
	assert_int_equal(region_find(&copy, 0x5000)->kind, REGION_HEAP);
	region_list_clear(&copy, count_removed, NULL);
	assert_int_equal(removed_bytes, 0x3000);
}

/* Splits and copies take a reference to the shared memory, frees drop it. */
static void test_shared_memory_references_follow_the_regions(void **state)
{
	struct region_list *list = *state;
	struct region_list copy;
	struct shared_memory shared = { .references = 1 };
	struct region *upper;

	assert_int_equal(region_insert(list, 0x10000, 0x20000, RW, REGION_ANONYMOUS), 0);
	region_find(list, 0x10000)->shared = &shared;	/* hands over the first reference */
	assert_int_equal(region_protect_range(list, 0x14000, 0x15000, PROT_READ), 0);
	assert_int_equal(list->count, 3);
	assert_int_equal(shared.references, 3);
	upper = region_find(list, 0x15000);
	assert_ptr_equal(upper->shared, &shared);
	assert_int_equal(upper->shared_first_page, 5);	/* 0x15000 is page 5 of the object */

	region_list_init(&copy);
	assert_int_equal(region_list_copy(&copy, list), 0);
	assert_int_equal(shared.references, 6);
	assert_int_equal(region_find(&copy, 0x14000)->shared_first_page, 4);
	region_list_clear(&copy, NULL, NULL);
	assert_int_equal(shared.references, 3);

	assert_int_equal(region_remove_range(list, 0x10000, 0x15000, NULL, NULL), 0);
	assert_int_equal(shared.references, 1);
	region_list_clear(list, NULL, NULL);
	assert_int_equal(shared.references, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_insert_keeps_address_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_overlapping_insert_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_find_returns_the_holding_region, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unmap_the_middle_splits_in_two, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unmap_across_regions_trims_both_and_drops_inner,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_unmap_of_nothing_succeeds, setup, teardown),
		cmocka_unit_test_setup_teardown(test_protect_the_middle_makes_three, setup, teardown),
		cmocka_unit_test_setup_teardown(test_covers_needs_every_address, setup, teardown),
		cmocka_unit_test_setup_teardown(test_free_room_is_found_top_down, setup, teardown),
		cmocka_unit_test_setup_teardown(test_copy_duplicates_every_region, setup, teardown),
		cmocka_unit_test_setup_teardown(test_shared_memory_references_follow_the_regions,
						setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
