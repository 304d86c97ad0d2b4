/*
 * hostile_syscall_tests.c: a user program that does nothing but make bad
 * system calls (hostile_program.S) must end normally, and leave the kernel
 * with exactly the heap objects and free pages it had before. The user-space
 * side of the same promise, compared against Linux, is tests/user/hostile.c;
 * this test adds what only the kernel can see: nothing leaked.
 */
#include <kuid/heap.h>
#include <kuid/ktest.h>
#include <kuid/page_alloc.h>
#include <uapi/wait.h>

#include "tiny_program.h"

extern const uint8_t hostile_program_start[], hostile_program_end[];

KTEST(hostile, bad_system_calls_fail_cleanly_and_leak_nothing)
{
	static const char *const argv[] = { "hostile", NULL };
	struct heap_statistics before, after;
	size_t free_pages_before;

	size_t size = (size_t)(hostile_program_end - hostile_program_start);

	KTEST_ASSERT(tiny_program_install(hostile_program_start, size) == 0);
	/* One run first, so that anything made once and kept (a cache) is there already. */
	KTEST_EXPECT_EQ(tiny_program_run(argv), W_EXITCODE(0, 0));
	heap_get_statistics(&before);
	free_pages_before = page_alloc_free_count();

	KTEST_EXPECT_EQ(tiny_program_run(argv), W_EXITCODE(0, 0));

	heap_get_statistics(&after);
	KTEST_EXPECT_EQ(after.live_objects, before.live_objects);
	KTEST_EXPECT_EQ(after.live_bytes, before.live_bytes);
	KTEST_EXPECT_EQ(page_alloc_free_count(), free_pages_before);
	tiny_program_remove();
}
