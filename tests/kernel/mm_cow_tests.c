/*
 * mm_cow_tests.c: in-kernel tests of what fork does to memory: private pages
 * shared copy-on-write and copied on the first write (by the program or by
 * copy_to_user), MAP_SHARED pages shared for good and freed with their last
 * mapping, mremap moving pages without copying them, and the page-table walk
 * that skips holes. Each test checks that the free page count ends where it
 * started: every page reference taken was dropped.
 */
#include <kuid/address_space.h>
#include <kuid/arch.h>
#include <kuid/futex.h>
#include <kuid/ktest.h>
#include <kuid/page_alloc.h>
#include <kuid/paging.h>
#include <kuid/task.h>
#include <kuid/user_memory.h>
#include <uapi/errno.h>
#include <uapi/mman.h>

#define PAGE 0x1000UL
#define BASE 0x400000UL
#define USER_WRITE (FAULT_ACCESS_WRITE | FAULT_ACCESS_USER)

/* The physical page behind address, or 0; *writable says whether it may be written. */
static physical_address_t page_of(struct address_space *space, uintptr_t address, bool *writable)
{
	physical_address_t physical;
	unsigned int flags;

	if (page_table_translate(&space->page_table, address, &physical, &flags) < 0)
		return 0;
	if (writable)
		*writable = flags & PAGE_MAP_WRITE;
	return physical & ~(PAGE - 1);
}

static char byte_at(struct address_space *space, uintptr_t address)
{
	physical_address_t physical;

	if (page_table_translate(&space->page_table, address, &physical, NULL) < 0)
		return -1;
	return *(char *)physical_to_virtual(physical);
}

/* A space with `pages` written pages at BASE (private, or MAP_SHARED). */
static struct address_space *space_with_pages(size_t pages, unsigned int how)
{
	struct address_space *space = address_space_create();
	uintptr_t address = BASE;

	if (!space)
		return NULL;
	if (address_space_map(space, &address, pages * PAGE, PROT_READ | PROT_WRITE,
			      MAP_AT_FIXED | how) < 0) {
		address_space_put(space);
		return NULL;
	}
	for (size_t i = 0; i < pages; i++)
		address_space_write(space, BASE + i * PAGE, "p", 1);
	return space;
}

KTEST(mm_cow, fork_shares_pages_read_only_and_a_write_copies)
{
	struct address_space *parent = space_with_pages(4, 0), *child;
	size_t free_before;
	bool writable = false;
	physical_address_t original;

	KTEST_ASSERT(parent != NULL);
	free_before = page_alloc_free_count();
	original = page_of(parent, BASE, NULL);
	child = address_space_copy(parent);
	KTEST_ASSERT(child != NULL);

	/* Same pages, read-only on both sides. */
	KTEST_EXPECT_EQ(page_of(child, BASE, &writable), original);
	KTEST_EXPECT(!writable);
	KTEST_EXPECT_EQ(page_of(parent, BASE, &writable), original);
	KTEST_EXPECT(!writable);

	/* The child writes: it gets a copy; the parent keeps the original. */
	KTEST_EXPECT_EQ(address_space_handle_fault(child, BASE + 8, USER_WRITE), 0);
	KTEST_EXPECT(page_of(child, BASE, &writable) != original);
	KTEST_EXPECT(writable);
	KTEST_EXPECT_EQ(byte_at(child, BASE), 'p');
	/* The parent is now the last user: a write just makes the page writable again. */
	KTEST_EXPECT_EQ(address_space_handle_fault(parent, BASE, USER_WRITE), 0);
	KTEST_EXPECT_EQ(page_of(parent, BASE, &writable), original);
	KTEST_EXPECT(writable);

	address_space_put(child);
	KTEST_EXPECT_EQ(page_alloc_free_count(), free_before);
	address_space_put(parent);
}

KTEST(mm_cow, copy_to_user_breaks_copy_on_write)
{
	struct address_space *parent = space_with_pages(1, 0), *child;
	unsigned long irq_state;
	int result;

	KTEST_ASSERT(parent != NULL);
	child = address_space_copy(parent);
	KTEST_ASSERT(child != NULL);
	/*
	 * The page-fault handler resolves a kernel fault in the address space of
	 * the current task. This kernel thread has none: lend it a stand-in task
	 * for the child, and switch tables by hand, with interrupts off so the
	 * scheduler never sees either.
	 */
	irq_state = arch_irq_save();
	{
		struct task stand_in = { .address_space = child };

		thread_current()->task = &stand_in;
		address_space_activate(child);
		result = copy_to_user((void *)(BASE + 1), "k", 1);
		address_space_activate(NULL);
		thread_current()->task = NULL;
	}
	arch_irq_restore(irq_state);

	KTEST_EXPECT_EQ(result, 0);
	KTEST_EXPECT_EQ(byte_at(child, BASE + 1), 'k');
	KTEST_EXPECT_EQ(byte_at(parent, BASE + 1), 0);	/* the parent's page is untouched */
	KTEST_EXPECT(page_of(child, BASE, NULL) != page_of(parent, BASE, NULL));
	address_space_put(child);
	address_space_put(parent);
}

KTEST(mm_cow, a_read_only_region_stays_read_only_after_fork)
{
	struct address_space *parent = space_with_pages(1, 0), *child;

	KTEST_ASSERT(parent != NULL);
	KTEST_ASSERT(address_space_protect(parent, BASE, PAGE, PROT_READ) == 0);
	child = address_space_copy(parent);
	KTEST_ASSERT(child != NULL);
	KTEST_EXPECT_EQ(address_space_handle_fault(child, BASE, USER_WRITE), -EFAULT);
	/* mprotect back to writable must not make a still shared page writable. */
	KTEST_ASSERT(address_space_protect(child, BASE, PAGE, PROT_READ | PROT_WRITE) == 0);
	{
		bool writable = true;

		page_of(child, BASE, &writable);
		KTEST_EXPECT(!writable);
	}
	KTEST_EXPECT_EQ(address_space_handle_fault(child, BASE, USER_WRITE), 0);
	KTEST_EXPECT(page_of(child, BASE, NULL) != page_of(parent, BASE, NULL));
	address_space_put(child);
	address_space_put(parent);
}

KTEST(mm_cow, shared_pages_stay_shared_and_die_with_the_last_mapping)
{
	struct address_space *parent, *child;
	size_t free_before;
	bool writable = false;

	/* The first address space ever also sets up the page counts: make one first. */
	address_space_put(address_space_create());
	free_before = page_alloc_free_count();
	parent = space_with_pages(2, MAP_AS_SHARED);
	KTEST_ASSERT(parent != NULL);
	child = address_space_copy(parent);
	KTEST_ASSERT(child != NULL);

	KTEST_EXPECT_EQ(page_of(child, BASE, &writable), page_of(parent, BASE, NULL));
	KTEST_EXPECT(writable);
	/* A write by either is a write to the one page: no copy. */
	KTEST_EXPECT_EQ(address_space_handle_fault(child, BASE, USER_WRITE), 0);
	KTEST_EXPECT_EQ(page_of(child, BASE, NULL), page_of(parent, BASE, NULL));
	address_space_put(parent);
	/* The child still has the memory and its content. */
	KTEST_EXPECT_EQ(byte_at(child, BASE + PAGE), 'p');
	address_space_put(child);
	KTEST_EXPECT_EQ(page_alloc_free_count(), free_before);
}

KTEST(mm_cow, shared_page_touched_by_one_is_seen_by_the_other)
{
	struct address_space *parent = space_with_pages(1, MAP_AS_SHARED), *child;
	uintptr_t second = BASE + 16 * PAGE;

	KTEST_ASSERT(parent != NULL);
	KTEST_ASSERT(address_space_map(parent, &second, 2 * PAGE, PROT_READ | PROT_WRITE,
				       MAP_AT_FIXED | MAP_AS_SHARED) == 0);
	child = address_space_copy(parent);
	KTEST_ASSERT(child != NULL);
	/* Nobody had touched `second` at fork; the child does now, the parent after. */
	KTEST_EXPECT_EQ(address_space_write(child, second + PAGE, "c", 1), 0);
	KTEST_EXPECT_EQ(address_space_handle_fault(parent, second + PAGE, USER_WRITE), 0);
	KTEST_EXPECT_EQ(byte_at(parent, second + PAGE), 'c');
	/* Futex words in shared memory have the same identity in both spaces. */
	{
		const void *object_a, *object_b;
		uint64_t offset_a, offset_b;

		KTEST_EXPECT_EQ(address_space_identify_word(parent, second + 8, &object_a,
							    &offset_a), 0);
		KTEST_EXPECT_EQ(address_space_identify_word(child, second + 8, &object_b,
							    &offset_b), 0);
		KTEST_EXPECT(object_a == object_b && offset_a == offset_b);
		KTEST_EXPECT_EQ(futex_wake(child, second + 8, 1), 0);	/* nobody waits */
	}
	address_space_put(parent);
	address_space_put(child);
}

KTEST(mm_cow, mremap_moves_pages_without_copying)
{
	struct address_space *space = space_with_pages(2, 0);
	physical_address_t first, second;
	uintptr_t blocker = BASE + 2 * PAGE, moved = 0;
	size_t free_before;

	KTEST_ASSERT(space != NULL);
	KTEST_ASSERT(address_space_map(space, &blocker, PAGE, PROT_READ, MAP_AT_FIXED) == 0);
	first = page_of(space, BASE, NULL);
	second = page_of(space, BASE + PAGE, NULL);
	free_before = page_alloc_free_count();
	KTEST_EXPECT_EQ(address_space_remap(space, BASE, 2 * PAGE, 8 * PAGE, 0, &moved), -ENOMEM);
	KTEST_ASSERT(address_space_remap(space, BASE, 2 * PAGE, 8 * PAGE, MREMAP_MAYMOVE,
					 &moved) == 0);
	KTEST_EXPECT(moved != BASE);
	KTEST_EXPECT_EQ(page_of(space, moved, NULL), first);
	KTEST_EXPECT_EQ(page_of(space, moved + PAGE, NULL), second);
	KTEST_EXPECT_EQ(page_of(space, BASE, NULL), 0);
	KTEST_EXPECT_EQ(address_space_handle_fault(space, BASE, USER_WRITE), -EFAULT);
	/* At most a page table or two for the new place; no page was copied. */
	KTEST_EXPECT(free_before - page_alloc_free_count() <= 3);
	address_space_put(space);
}

KTEST(mm_cow, next_present_skips_holes)
{
	struct address_space *space = address_space_create();
	uintptr_t address = BASE;
	uintptr_t far = BASE + (64UL << 30);	/* 64 GiB on: another PDPT entry */

	KTEST_ASSERT(space != NULL);
	KTEST_ASSERT(address_space_map(space, &address, (64UL << 30) + 2 * PAGE,
				       PROT_READ | PROT_WRITE, MAP_AT_FIXED) == 0);
	KTEST_EXPECT_EQ(page_table_next_present(&space->page_table, BASE, far + 2 * PAGE),
			far + 2 * PAGE);
	address_space_write(space, far + PAGE, "x", 1);
	address_space_write(space, BASE + 3 * PAGE, "x", 1);
	KTEST_EXPECT_EQ(page_table_next_present(&space->page_table, BASE, far + 2 * PAGE),
			BASE + 3 * PAGE);
	KTEST_EXPECT_EQ(page_table_next_present(&space->page_table, BASE + 4 * PAGE,
						far + 2 * PAGE), far + PAGE);
	KTEST_EXPECT_EQ(address_space_present_pages(space), 2);
	address_space_put(space);
}
