/*
 * Unit tests for kernel/fs/permission_rule.c (which rwx triple applies and
 * what it grants) and kernel/fs/device_number.c (Linux's encoding of
 * major:minor in 32 bits).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include <kuid/permission.h>
#include <kuid/vfs.h>

static void test_owner_triple_applies_to_the_owner(void **state)
{
	(void)state;
	assert_true(permission_allows(0700, true, false, MAY_READ | MAY_WRITE | MAY_EXEC));
	assert_true(permission_allows(0400, true, true, MAY_READ));
	assert_false(permission_allows(0400, true, true, MAY_WRITE));
}

static void test_a_denying_owner_triple_is_final(void **state)
{
	(void)state;
	/* The owner is refused even though group and others may. */
	assert_false(permission_allows(0077, true, true, MAY_READ));
	/* A group member is refused by the group triple even though others may. */
	assert_false(permission_allows(0707, false, true, MAY_READ));
	assert_true(permission_allows(0707, false, false, MAY_READ));
}

static void test_group_and_other_triples(void **state)
{
	(void)state;
	assert_true(permission_allows(0050, false, true, MAY_READ | MAY_EXEC));
	assert_false(permission_allows(0050, false, true, MAY_WRITE));
	assert_true(permission_allows(0002, false, false, MAY_WRITE));
	assert_false(permission_allows(0002, false, false, MAY_READ | MAY_WRITE));
}

static void test_nothing_wanted_is_always_allowed(void **state)
{
	(void)state;
	assert_true(permission_allows(0000, false, false, 0));
	/* Type and set-id bits play no part. */
	assert_true(permission_allows(0104755, false, false, MAY_READ | MAY_EXEC));
	assert_false(permission_allows(07000, true, false, MAY_READ));
}

static void test_device_numbers_encode_as_linux(void **state)
{
	struct device_number null = { 1, 3 }, serial = { 4, 64 }, big = { 259, 300 };
	struct device_number back;

	(void)state;
	assert_int_equal(device_number_encode(null), 0x103);
	assert_int_equal(device_number_encode(serial), 0x440);
	/* Minor bits above 8 go to bits 20 and up. */
	assert_int_equal(device_number_encode(big),
			 (300 & 0xff) | (259 << 8) | ((300 & ~0xff) << 12));
	back = device_number_decode(device_number_encode(big));
	assert_int_equal(back.major, 259);
	assert_int_equal(back.minor, 300);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_owner_triple_applies_to_the_owner),
		cmocka_unit_test(test_a_denying_owner_triple_is_final),
		cmocka_unit_test(test_group_and_other_triples),
		cmocka_unit_test(test_nothing_wanted_is_always_allowed),
		cmocka_unit_test(test_device_numbers_encode_as_linux),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
