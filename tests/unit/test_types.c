/*
 * Unit tests for the helper macros of include/kuid/types.h: alignment at and
 * around the boundaries, container_of, and MIN/MAX evaluating arguments once.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <kuid/types.h>

static void test_align(void **state)
{
	(void)state;

	assert_int_equal(ALIGN_UP(0, 4096), 0);
	assert_int_equal(ALIGN_UP(1, 4096), 4096);
	assert_int_equal(ALIGN_UP(4095, 4096), 4096);
	assert_int_equal(ALIGN_UP(4096, 4096), 4096);
	assert_int_equal(ALIGN_UP(4097, 4096), 8192);
	assert_int_equal(ALIGN_DOWN(4095, 4096), 0);
	assert_int_equal(ALIGN_DOWN(4097, 4096), 4096);
	assert_int_equal(ALIGN_DOWN(7, 1), 7);
	/* The alignment mask is built in the value's type, so no high bits are lost. */
	assert_true(ALIGN_DOWN(0xffffffff80001234UL, 4096) == 0xffffffff80001000UL);
	assert_true(ALIGN_UP(0xffffffff80001234UL, 0x200000) == 0xffffffff80200000UL);
	assert_true(IS_ALIGNED(0x2000UL, 4096));
	assert_false(IS_ALIGNED(0x2001UL, 4096));
}

static void test_array_size(void **state)
{
	(void)state;
	int numbers[7];
	char text[] = "four";

	assert_int_equal(ARRAY_SIZE(numbers), 7);
	assert_int_equal(ARRAY_SIZE(text), 5);
}

struct outer {
	char first;
	long second;
	int inner;
};

static void test_container_of(void **state)
{
	(void)state;
	struct outer outer;

	assert_ptr_equal(container_of(&outer.inner, struct outer, inner), &outer);
	assert_ptr_equal(container_of(&outer.first, struct outer, first), &outer);
}

static void test_min_max_evaluate_once(void **state)
{
	(void)state;
	int counter = 0;

	assert_int_equal(MIN(3, 5), 3);
	assert_int_equal(MAX(3, 5), 5);
	assert_int_equal(MIN(-1, -2), -2);
	assert_int_equal(MIN(counter++, 10), 0);
	assert_int_equal(counter, 1);
	assert_int_equal(MAX(counter++, -10), 1);
	assert_int_equal(counter, 2);
}

static void test_branch_hints_keep_the_value(void **state)
{
	(void)state;

	assert_true(likely(5));
	assert_false(likely(0));
	assert_true(unlikely(-1));
	assert_false(unlikely(0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_align),
		cmocka_unit_test(test_array_size),
		cmocka_unit_test(test_container_of),
		cmocka_unit_test(test_min_max_evaluate_once),
		cmocka_unit_test(test_branch_hints_keep_the_value),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
