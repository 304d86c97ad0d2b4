/*
 * mm_tests.c: in-kernel tests of the page allocator, the page tables and the
 * heap, on the real machine: real memory map, real CR3, real TLB. Every test
 * frees what it allocates, so the free page count and the heap statistics
 * end where they started.
 */
#include <kuid/arch.h>
#include <kuid/heap.h>
#include <kuid/ktest.h>
#include <kuid/page_alloc.h>
#include <kuid/paging.h>
#include <kuid/string.h>
#include <uapi/errno.h>

/* Far above the direct map, in the kernel half, where nothing is mapped. */
#define TEST_KERNEL_ADDRESS	0xffffc00000000000UL
/* An ordinary user-space address, in address spaces the tests create. */
#define TEST_USER_ADDRESS	0x400000UL

/* --- page_alloc -------------------------------------------------------- */

KTEST(page_alloc, counts_are_sane)
{
	KTEST_EXPECT(page_alloc_total_count() > 0);
	KTEST_EXPECT(page_alloc_free_count() <= page_alloc_total_count());
}

KTEST(page_alloc, single_pages_are_distinct_and_writable)
{
	enum { PAGES = 64 };
	physical_address_t pages[PAGES];
	size_t free_before = page_alloc_free_count();

	for (int i = 0; i < PAGES; i++) {
		pages[i] = page_alloc();
		KTEST_ASSERT(pages[i] != 0);
		KTEST_EXPECT(pages[i] % PAGE_FRAME_SIZE == 0);
		for (int j = 0; j < i; j++)
			KTEST_EXPECT(pages[j] != pages[i]);
		memset(physical_to_virtual(pages[i]), i, PAGE_FRAME_SIZE);
	}
	KTEST_EXPECT_EQ(page_alloc_free_count(), free_before - PAGES);
	/* Each page kept its own contents: no page was handed out twice. */
	for (int i = 0; i < PAGES; i++) {
		const uint8_t *bytes = physical_to_virtual(pages[i]);

		KTEST_EXPECT_EQ(bytes[0], i);
		KTEST_EXPECT_EQ(bytes[PAGE_FRAME_SIZE - 1], i);
		page_free(pages[i]);
	}
	KTEST_EXPECT_EQ(page_alloc_free_count(), free_before);
}

KTEST(page_alloc, contiguous_run_is_usable_and_found_again)
{
	enum { PAGES = 16 };
	size_t free_before = page_alloc_free_count();
	physical_address_t run = page_alloc_contiguous(PAGES);
	uint8_t *bytes;

	KTEST_ASSERT(run != 0);
	KTEST_EXPECT(run % PAGE_FRAME_SIZE == 0);
	KTEST_EXPECT_EQ(page_alloc_free_count(), free_before - PAGES);
	bytes = physical_to_virtual(run);
	memset(bytes, 0xa5, PAGES * PAGE_FRAME_SIZE);
	KTEST_EXPECT_EQ(bytes[PAGES * PAGE_FRAME_SIZE - 1], 0xa5);
	page_free_contiguous(run, PAGES);
	KTEST_EXPECT_EQ(page_alloc_free_count(), free_before);

	/* First fit: nothing else allocated meanwhile, so the same run comes back. */
	KTEST_EXPECT_EQ(page_alloc_contiguous(PAGES), run);
	page_free_contiguous(run, PAGES);
	KTEST_EXPECT_EQ(page_alloc_contiguous(0), 0);
}

/*
 * Take every free page, then give them all back. The pages are chained
 * through their own first bytes, so the test needs no memory of its own.
 * Interrupts stay off meanwhile: nothing else may find memory exhausted.
 */
KTEST(page_alloc, exhaustion_returns_zero_and_everything_comes_back)
{
	unsigned long irq_state = arch_irq_save();
	size_t free_before = page_alloc_free_count();
	physical_address_t chain = 0, page;
	size_t taken = 0;

	while ((page = page_alloc()) != 0) {
		*(physical_address_t *)physical_to_virtual(page) = chain;
		chain = page;
		taken++;
	}
	KTEST_EXPECT_EQ(page_alloc_free_count(), 0);
	KTEST_EXPECT_EQ(page_alloc_contiguous(1), 0);
	while (chain != 0) {
		page = chain;
		chain = *(physical_address_t *)physical_to_virtual(page);
		page_free(page);
	}
	arch_irq_restore(irq_state);
	KTEST_EXPECT_EQ(taken, free_before);
	KTEST_EXPECT_EQ(page_alloc_free_count(), free_before);
}

/* --- paging ------------------------------------------------------------ */

static int data_probe = 1;
static const int rodata_probe = 2;

static int text_probe(void)
{
	return data_probe + rodata_probe;
}

KTEST(paging, kernel_image_has_proper_permissions)
{
	struct page_table *kernel = paging_kernel_table();
	physical_address_t physical;
	unsigned int flags;

	KTEST_ASSERT(page_table_translate(kernel, (uintptr_t)&text_probe, &physical, &flags) == 0);
	KTEST_EXPECT_EQ(physical, virtual_to_physical((const void *)&text_probe));
	KTEST_EXPECT(flags & PAGE_MAP_EXECUTE);
	KTEST_EXPECT(!(flags & PAGE_MAP_WRITE));

	KTEST_ASSERT(page_table_translate(kernel, (uintptr_t)&rodata_probe, NULL, &flags) == 0);
	KTEST_EXPECT_EQ(flags, 0);

	KTEST_ASSERT(page_table_translate(kernel, (uintptr_t)&data_probe, &physical, &flags) == 0);
	KTEST_EXPECT_EQ(physical, virtual_to_physical(&data_probe));
	KTEST_EXPECT_EQ(flags, PAGE_MAP_WRITE);
	KTEST_EXPECT_EQ(text_probe(), 3);
}

KTEST(paging, direct_map_is_writable_data)
{
	physical_address_t page = page_alloc();
	physical_address_t physical;
	unsigned int flags;

	KTEST_ASSERT(page != 0);
	KTEST_ASSERT(page_table_translate(paging_kernel_table(),
					  (uintptr_t)physical_to_virtual(page) + 123, &physical,
					  &flags) == 0);
	KTEST_EXPECT_EQ(physical, page + 123);
	KTEST_EXPECT_EQ(flags, PAGE_MAP_WRITE);
	KTEST_EXPECT_EQ(virtual_to_physical(physical_to_virtual(page)), page);
	page_free(page);
}

KTEST(paging, low_memory_is_no_longer_identity_mapped)
{
	struct page_table *kernel = paging_kernel_table();

	KTEST_EXPECT_EQ(page_table_translate(kernel, 0, NULL, NULL), -EFAULT);
	KTEST_EXPECT_EQ(page_table_translate(kernel, 0x100000, NULL, NULL), -EFAULT);
	KTEST_EXPECT_EQ(page_table_translate(kernel, 0x0000800000000000UL, NULL, NULL), -EFAULT);
}

KTEST(paging, map_write_read_through_direct_map_unmap)
{
	struct page_table *kernel = paging_kernel_table();
	volatile uint64_t *mapped = (volatile uint64_t *)TEST_KERNEL_ADDRESS;
	physical_address_t page = page_alloc();
	physical_address_t physical;
	uint64_t *direct;
	unsigned int flags;

	KTEST_ASSERT(page != 0);
	direct = physical_to_virtual(page);
	KTEST_ASSERT(page_table_translate(kernel, TEST_KERNEL_ADDRESS, NULL, NULL) == -EFAULT);
	KTEST_ASSERT(page_table_map(kernel, TEST_KERNEL_ADDRESS, page, PAGE_MAP_WRITE) == 0);

	mapped[0] = 0x1122334455667788;
	KTEST_EXPECT(direct[0] == 0x1122334455667788);
	direct[511] = 42;
	KTEST_EXPECT(mapped[511] == 42);

	KTEST_EXPECT_EQ(page_table_translate(kernel, TEST_KERNEL_ADDRESS, &physical, &flags), 0);
	KTEST_EXPECT_EQ(physical, page);
	KTEST_EXPECT_EQ(flags, PAGE_MAP_WRITE);

	KTEST_EXPECT_EQ(page_table_unmap(kernel, TEST_KERNEL_ADDRESS), page);
	KTEST_EXPECT_EQ(page_table_translate(kernel, TEST_KERNEL_ADDRESS, NULL, NULL), -EFAULT);
	KTEST_EXPECT_EQ(page_table_unmap(kernel, TEST_KERNEL_ADDRESS), 0);
	page_free(page);
}

KTEST(paging, mapping_twice_gives_eexist)
{
	struct page_table *kernel = paging_kernel_table();
	physical_address_t page = page_alloc();

	KTEST_ASSERT(page != 0);
	KTEST_ASSERT(page_table_map(kernel, TEST_KERNEL_ADDRESS, page, 0) == 0);
	KTEST_EXPECT_EQ(page_table_map(kernel, TEST_KERNEL_ADDRESS, page, 0), -EEXIST);
	KTEST_EXPECT_EQ(page_table_map(kernel, TEST_KERNEL_ADDRESS, page, PAGE_MAP_WRITE),
			-EEXIST);
	/* The direct map uses 2 MiB pages: a 4 KiB page cannot go inside one. */
	KTEST_EXPECT_EQ(page_table_map(kernel, (uintptr_t)physical_to_virtual(page), page, 0),
			-EEXIST);
	KTEST_EXPECT_EQ(page_table_unmap(kernel, TEST_KERNEL_ADDRESS), page);
	page_free(page);
}

KTEST(paging, bad_arguments_give_einval)
{
	struct page_table *kernel = paging_kernel_table();

	KTEST_EXPECT_EQ(page_table_map(kernel, TEST_KERNEL_ADDRESS + 8, 0x200000, 0), -EINVAL);
	KTEST_EXPECT_EQ(page_table_map(kernel, TEST_KERNEL_ADDRESS, 0x200008, 0), -EINVAL);
	KTEST_EXPECT_EQ(page_table_map(kernel, 0x0000800000000000UL, 0x200000, 0), -EINVAL);
	KTEST_EXPECT_EQ(page_table_map(kernel, TEST_KERNEL_ADDRESS, 0x200000, PAGE_MAP_USER),
			-EINVAL);
	KTEST_EXPECT_EQ(page_table_map(kernel, TEST_KERNEL_ADDRESS, 0x200000, 1u << 7), -EINVAL);
	KTEST_EXPECT_EQ(page_table_translate(kernel, TEST_KERNEL_ADDRESS, NULL, NULL), -EFAULT);
}

/* After an unmap the TLB must forget the old page, or the write below would reach it. */
KTEST(paging, remapping_reaches_the_new_page)
{
	struct page_table *kernel = paging_kernel_table();
	volatile uint64_t *mapped = (volatile uint64_t *)TEST_KERNEL_ADDRESS;
	physical_address_t first = page_alloc();
	physical_address_t second = page_alloc();
	uint64_t *first_direct, *second_direct;

	KTEST_ASSERT(first != 0 && second != 0);
	first_direct = physical_to_virtual(first);
	second_direct = physical_to_virtual(second);
	first_direct[0] = 0;
	second_direct[0] = 0;

	KTEST_ASSERT(page_table_map(kernel, TEST_KERNEL_ADDRESS, first, PAGE_MAP_WRITE) == 0);
	mapped[0] = 1;
	KTEST_EXPECT_EQ(page_table_unmap(kernel, TEST_KERNEL_ADDRESS), first);
	KTEST_ASSERT(page_table_map(kernel, TEST_KERNEL_ADDRESS, second, PAGE_MAP_WRITE) == 0);
	mapped[0] = 2;
	KTEST_EXPECT_EQ(first_direct[0], 1);
	KTEST_EXPECT_EQ(second_direct[0], 2);
	KTEST_EXPECT_EQ(page_table_unmap(kernel, TEST_KERNEL_ADDRESS), second);
	page_free(first);
	page_free(second);
}

KTEST(paging, new_address_space_shares_the_kernel_half)
{
	struct page_table *kernel = paging_kernel_table();
	physical_address_t kernel_physical, physical;
	struct page_table table;
	size_t free_before;
	unsigned int flags;
	physical_address_t page = page_alloc();

	KTEST_ASSERT(page != 0);
	/* Tables of the kernel half stay once made: make them before counting. */
	KTEST_ASSERT(page_table_map(kernel, TEST_KERNEL_ADDRESS, page, 0) == 0);
	KTEST_EXPECT_EQ(page_table_unmap(kernel, TEST_KERNEL_ADDRESS), page);
	free_before = page_alloc_free_count();
	KTEST_ASSERT(page_table_create(&table) == 0);

	/* The kernel half is the same; the user half is empty. */
	KTEST_EXPECT_EQ(page_table_translate(&table, (uintptr_t)&data_probe, &physical, NULL), 0);
	KTEST_ASSERT(page_table_translate(kernel, (uintptr_t)&data_probe, &kernel_physical,
					  NULL) == 0);
	KTEST_EXPECT_EQ(physical, kernel_physical);
	KTEST_EXPECT_EQ(page_table_translate(&table, TEST_USER_ADDRESS, NULL, NULL), -EFAULT);

	KTEST_ASSERT(page_table_map(&table, TEST_USER_ADDRESS, page,
				    PAGE_MAP_WRITE | PAGE_MAP_USER) == 0);
	KTEST_EXPECT_EQ(page_table_translate(&table, TEST_USER_ADDRESS, &physical, &flags), 0);
	KTEST_EXPECT_EQ(physical, page);
	KTEST_EXPECT_EQ(flags, PAGE_MAP_WRITE | PAGE_MAP_USER);
	KTEST_EXPECT_EQ(page_table_translate(kernel, TEST_USER_ADDRESS, NULL, NULL), -EFAULT);

	/* Kernel mappings made after the copy show up in the new table too. */
	KTEST_ASSERT(page_table_map(kernel, TEST_KERNEL_ADDRESS, page, 0) == 0);
	KTEST_EXPECT_EQ(page_table_translate(&table, TEST_KERNEL_ADDRESS, &physical, NULL), 0);
	KTEST_EXPECT_EQ(physical, page);
	KTEST_EXPECT_EQ(page_table_unmap(kernel, TEST_KERNEL_ADDRESS), page);

	page_table_destroy(&table);
	/* Every table page came back; the mapped page itself is the caller's. */
	KTEST_EXPECT_EQ(page_alloc_free_count(), free_before);
	page_free(page);
}

/*
 * Switch to a new address space, write through its user-half mapping, and
 * switch back. The kernel keeps running throughout because its code, stack
 * and data are in the shared upper half. Interrupts are off so that no other
 * thread runs on the borrowed address space.
 */
KTEST(paging, activated_address_space_maps_its_user_page)
{
	volatile uint64_t *user = (volatile uint64_t *)TEST_USER_ADDRESS;
	physical_address_t page = page_alloc();
	struct page_table table;
	unsigned long irq_state;
	uint64_t *direct;

	KTEST_ASSERT(page != 0);
	direct = physical_to_virtual(page);
	direct[0] = 0;
	KTEST_ASSERT(page_table_create(&table) == 0);
	KTEST_ASSERT(page_table_map(&table, TEST_USER_ADDRESS, page,
				    PAGE_MAP_WRITE | PAGE_MAP_USER) == 0);

	irq_state = arch_irq_save();
	page_table_activate(&table);
	user[0] = 0xfeedface;
	page_table_activate(paging_kernel_table());
	arch_irq_restore(irq_state);

	KTEST_EXPECT(direct[0] == 0xfeedface);
	KTEST_EXPECT_EQ(page_table_unmap(&table, TEST_USER_ADDRESS), page);
	page_table_destroy(&table);
	page_free(page);
}

/* --- heap -------------------------------------------------------------- */

static void expect_statistics_equal(struct ktest_context *ktest_context,
				    const struct heap_statistics *before)
{
	struct heap_statistics now;

	heap_get_statistics(&now);
	KTEST_EXPECT_EQ(now.live_objects, before->live_objects);
	KTEST_EXPECT_EQ(now.live_bytes, before->live_bytes);
}

KTEST(heap, zero_and_impossible_sizes_give_null)
{
	KTEST_EXPECT(kmalloc(0) == NULL);
	KTEST_EXPECT(kmalloc((size_t)-1) == NULL);
	KTEST_EXPECT(kmalloc(page_alloc_total_count() * PAGE_FRAME_SIZE + 1) == NULL);
	kfree(NULL);
}

KTEST(heap, many_sizes_are_aligned_and_do_not_overlap)
{
	enum { OBJECTS = 300, STEP = 17 };
	static uint8_t *objects[OBJECTS];
	struct heap_statistics before;

	heap_get_statistics(&before);
	for (int i = 0; i < OBJECTS; i++) {
		size_t size = 1 + (size_t)i * STEP;

		objects[i] = kmalloc(size);
		KTEST_ASSERT(objects[i] != NULL);
		KTEST_EXPECT((uintptr_t)objects[i] % 16 == 0);
		memset(objects[i], i, size);
	}
	for (int i = 0; i < OBJECTS; i++) {
		size_t size = 1 + (size_t)i * STEP;

		KTEST_EXPECT_EQ(objects[i][0], (uint8_t)i);
		KTEST_EXPECT_EQ(objects[i][size - 1], (uint8_t)i);
		kfree(objects[i]);
	}
	expect_statistics_equal(ktest_context, &before);
}

KTEST(heap, statistics_follow_requested_sizes)
{
	struct heap_statistics before, during;
	void *first, *second;

	heap_get_statistics(&before);
	first = kmalloc(24);
	second = kzalloc(1000);
	KTEST_ASSERT(first != NULL && second != NULL);
	heap_get_statistics(&during);
	KTEST_EXPECT_EQ(during.live_objects, before.live_objects + 2);
	KTEST_EXPECT_EQ(during.live_bytes, before.live_bytes + 1024);
	kfree(first);
	kfree(second);
	expect_statistics_equal(ktest_context, &before);
}

KTEST(heap, kzalloc_returns_zeroed_memory)
{
	uint8_t *object = kmalloc(512);

	KTEST_ASSERT(object != NULL);
	memset(object, 0xff, 512);
	kfree(object);
	object = kzalloc(512);
	KTEST_ASSERT(object != NULL);
	for (int i = 0; i < 512; i++)
		KTEST_EXPECT_EQ(object[i], 0);
	kfree(object);
}

KTEST(heap, large_allocation_takes_and_returns_pages)
{
	enum { SIZE = 64 * 1024 };
	size_t free_before = page_alloc_free_count();
	uint8_t *object = kmalloc(SIZE);

	KTEST_ASSERT(object != NULL);
	KTEST_EXPECT((uintptr_t)object % 16 == 0);
	/* 64 KiB and the header: 17 pages. */
	KTEST_EXPECT_EQ(page_alloc_free_count(), free_before - 17);
	memset(object, 0x3c, SIZE);
	KTEST_EXPECT_EQ(object[SIZE - 1], 0x3c);
	kfree(object);
	KTEST_EXPECT_EQ(page_alloc_free_count(), free_before);
}
