/*
 * Unit tests for lib/string.c: each function on its edge cases, and the
 * comparison and search functions checked against the host C library.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

/*
 * Taken before kuid/string.h renames these names to kuid's functions: from
 * here on, memcmp means kuid_memcmp and the C library's is host_memcmp.
 */
static int (*const host_memcmp)(const void *, const void *, size_t) = memcmp;
static int (*const host_strcmp)(const char *, const char *) = strcmp;
static int (*const host_strncmp)(const char *, const char *, size_t) = strncmp;
static size_t (*const host_strlen)(const char *) = strlen;
static char *(*const host_strchr)(const char *, int) = strchr;
static char *(*const host_strrchr)(const char *, int) = strrchr;

#include <kuid/string.h>
#include <uapi/errno.h>

/* Comparison results are only defined by their sign. */
static int sign(int value)
{
	return (value > 0) - (value < 0);
}

static void test_memcpy_copies_exactly_length_bytes(void **state)
{
	(void)state;
	char destination[8] = "########";

	assert_ptr_equal(memcpy(destination + 1, "abcdef", 3), destination + 1);
	assert_memory_equal(destination, "#abc####", 8);

	assert_ptr_equal(memcpy(destination, "zzz", 0), destination);
	assert_memory_equal(destination, "#abc####", 8);
}

static void test_memmove_overlap_forward(void **state)
{
	(void)state;
	char buffer[] = "abcdefghij";

	/* The destination starts inside the source: needs a backward copy. */
	assert_ptr_equal(memmove(buffer + 2, buffer, 6), buffer + 2);
	assert_string_equal(buffer, "ababcdefij");
}

static void test_memmove_overlap_backward(void **state)
{
	(void)state;
	char buffer[] = "abcdefghij";

	assert_ptr_equal(memmove(buffer, buffer + 3, 7), buffer);
	assert_string_equal(buffer, "defghijhij");
}

static void test_memmove_by_one_byte_both_ways(void **state)
{
	(void)state;
	char right[] = "123456";
	char left[] = "123456";

	memmove(right + 1, right, 5);
	assert_string_equal(right, "112345");
	memmove(left, left + 1, 5);
	assert_string_equal(left, "234566");
}

static void test_memmove_same_place_and_zero_length(void **state)
{
	(void)state;
	char buffer[] = "abcdef";

	memmove(buffer, buffer, 6);
	assert_string_equal(buffer, "abcdef");
	memmove(buffer + 1, buffer, 0);
	assert_string_equal(buffer, "abcdef");
}

static void test_memmove_disjoint(void **state)
{
	(void)state;
	char source[] = "hello";
	char destination[6] = { 0 };

	memmove(destination, source, sizeof(source));
	assert_string_equal(destination, "hello");
}

static void test_memset_uses_low_byte_only(void **state)
{
	(void)state;
	unsigned char buffer[6] = { 1, 2, 3, 4, 5, 6 };
	const unsigned char expected[6] = { 1, 0xab, 0xab, 0xab, 5, 6 };

	assert_ptr_equal(memset(buffer + 1, 0x12ab, 3), buffer + 1);
	assert_memory_equal(buffer, expected, sizeof(buffer));

	memset(buffer, 0, 0);
	assert_int_equal(buffer[0], 1);
}

static void test_memcmp_signs(void **state)
{
	(void)state;

	assert_int_equal(memcmp("abc", "abc", 3), 0);
	assert_int_equal(memcmp("abc", "abd", 0), 0);
	assert_int_equal(memcmp("abc", "abd", 2), 0);
	assert_true(memcmp("abc", "abd", 3) < 0);
	assert_true(memcmp("abd", "abc", 3) > 0);
	/* Bytes compare unsigned: 0x80 is larger than 0x01. */
	assert_true(memcmp("\x80", "\x01", 1) > 0);
	/* memcmp does not stop at a NUL. */
	assert_true(memcmp("a\0b", "a\0c", 3) < 0);
}

static void test_strlen(void **state)
{
	(void)state;

	assert_int_equal(strlen(""), 0);
	assert_int_equal(strlen("a"), 1);
	assert_int_equal(strlen("hello, world"), 12);
	assert_int_equal(strlen("ab\0cd"), 2);
}

static void test_strnlen_never_reads_past_max_length(void **state)
{
	(void)state;
	/* Not NUL-terminated: AddressSanitizer reports any read past its end. */
	const char unterminated[4] = { 'a', 'b', 'c', 'd' };

	assert_int_equal(strnlen(unterminated, 4), 4);
	assert_int_equal(strnlen(unterminated, 2), 2);
	assert_int_equal(strnlen(unterminated, 0), 0);
	assert_int_equal(strnlen("ab", 10), 2);
	assert_int_equal(strnlen("", 10), 0);
}

static void test_strcmp(void **state)
{
	(void)state;

	assert_int_equal(strcmp("", ""), 0);
	assert_int_equal(strcmp("same", "same"), 0);
	assert_true(strcmp("", "a") < 0);
	assert_true(strcmp("a", "") > 0);
	assert_true(strcmp("abc", "abcd") < 0);
	assert_true(strcmp("abd", "abc") > 0);
	assert_true(strcmp("\xe9", "z") > 0);
}

static void test_strncmp(void **state)
{
	(void)state;

	assert_int_equal(strncmp("abcx", "abcy", 3), 0);
	assert_true(strncmp("abcx", "abcy", 4) < 0);
	assert_int_equal(strncmp("x", "y", 0), 0);
	assert_true(strncmp("ab", "abc", 5) < 0);
	/* Equal strings stop the comparison at their NUL, whatever follows. */
	assert_int_equal(strncmp("ab\0x", "ab\0y", 4), 0);
}

static void test_strchr(void **state)
{
	(void)state;
	const char *text = "a/b/c";

	assert_ptr_equal(strchr(text, '/'), text + 1);
	assert_ptr_equal(strchr(text, 'a'), text);
	assert_null(strchr(text, 'z'));
	assert_ptr_equal(strchr(text, '\0'), text + 5);
	assert_null(strchr("", 'a'));
	/* The character is converted to char: 0xe9 and -23 are the same byte. */
	assert_ptr_equal(strchr("caf\xe9", 0xe9), strchr("caf\xe9", -23));
	assert_non_null(strchr("caf\xe9", 0xe9));
}

static void test_strrchr(void **state)
{
	(void)state;
	const char *text = "a/b/c";

	assert_ptr_equal(strrchr(text, '/'), text + 3);
	assert_ptr_equal(strrchr(text, 'c'), text + 4);
	assert_null(strrchr(text, 'z'));
	assert_ptr_equal(strrchr(text, '\0'), text + 5);
	assert_null(strrchr("", 'a'));
}

/* Strings whose every pair is compared against the C library. */
static const char *const samples[] = {
	"", "a", "b", "ab", "abc", "abd", "abcd", "ABC", "\x7f", "\x80", "\xff", "a\xff", "zz/z/",
};

static void test_comparisons_agree_with_libc(void **state)
{
	(void)state;

	for (size_t i = 0; i < ARRAY_SIZE(samples); i++) {
		for (size_t j = 0; j < ARRAY_SIZE(samples); j++) {
			const char *left = samples[i];
			const char *right = samples[j];
			size_t shorter = MIN(host_strlen(left), host_strlen(right)) + 1;

			assert_int_equal(sign(strcmp(left, right)),
					 sign(host_strcmp(left, right)));
			assert_int_equal(sign(memcmp(left, right, shorter)),
					 sign(host_memcmp(left, right, shorter)));
			for (size_t n = 0; n <= 5; n++)
				assert_int_equal(sign(strncmp(left, right, n)),
						 sign(host_strncmp(left, right, n)));
		}
	}
}

static void test_searches_agree_with_libc(void **state)
{
	(void)state;
	const int characters[] = { 'a', 'b', 'z', '/', '\0', 0x80, 0xff, -1, 'A' };

	for (size_t i = 0; i < ARRAY_SIZE(samples); i++) {
		assert_int_equal(strlen(samples[i]), host_strlen(samples[i]));
		for (size_t j = 0; j < ARRAY_SIZE(characters); j++) {
			assert_ptr_equal(strchr(samples[i], characters[j]),
					 host_strchr(samples[i], characters[j]));
			assert_ptr_equal(strrchr(samples[i], characters[j]),
					 host_strrchr(samples[i], characters[j]));
		}
	}
}

static void test_string_copy_fits(void **state)
{
	(void)state;
	char buffer[8] = "########";

	assert_int_equal(string_copy(buffer, "abc", sizeof(buffer)), 3);
	assert_memory_equal(buffer, "abc\0####", 8);
}

static void test_string_copy_exact_fit(void **state)
{
	(void)state;
	char buffer[4];

	assert_int_equal(string_copy(buffer, "abc", sizeof(buffer)), 3);
	assert_string_equal(buffer, "abc");
}

static void test_string_copy_truncates(void **state)
{
	(void)state;
	char buffer[4];

	/* A return value >= size tells the caller the copy was cut short. */
	assert_int_equal(string_copy(buffer, "abcdef", sizeof(buffer)), 6);
	assert_string_equal(buffer, "abc");
}

static void test_string_copy_tiny_sizes(void **state)
{
	(void)state;
	char buffer[2] = "#";

	assert_int_equal(string_copy(buffer, "abc", 0), 3);
	assert_int_equal(buffer[0], '#');
	assert_int_equal(string_copy(buffer, "abc", 1), 3);
	assert_int_equal(buffer[0], '\0');
	assert_int_equal(string_copy(buffer, "", sizeof(buffer)), 0);
	assert_string_equal(buffer, "");
}

static void test_parse_unsigned_decimal(void **state)
{
	(void)state;
	unsigned long value = 1;

	assert_int_equal(parse_unsigned("0", 10, &value, NULL), 0);
	assert_int_equal(value, 0);
	assert_int_equal(parse_unsigned("12345", 10, &value, NULL), 0);
	assert_int_equal(value, 12345);
	assert_int_equal(parse_unsigned("007", 0, &value, NULL), 0);
	assert_int_equal(value, 7);
	assert_int_equal(parse_unsigned("18446744073709551615", 10, &value, NULL), 0);
	assert_true(value == ULONG_MAX);
}

static void test_parse_unsigned_hexadecimal(void **state)
{
	(void)state;
	unsigned long value = 0;

	assert_int_equal(parse_unsigned("ff", 16, &value, NULL), 0);
	assert_int_equal(value, 0xff);
	assert_int_equal(parse_unsigned("0xDeadBeef", 16, &value, NULL), 0);
	assert_int_equal(value, 0xdeadbeef);
	assert_int_equal(parse_unsigned("0X10", 0, &value, NULL), 0);
	assert_int_equal(value, 16);
	assert_int_equal(parse_unsigned("0xffffffffffffffff", 0, &value, NULL), 0);
	assert_true(value == ULONG_MAX);
}

static void test_parse_unsigned_other_bases(void **state)
{
	(void)state;
	unsigned long value = 0;

	assert_int_equal(parse_unsigned("777", 8, &value, NULL), 0);
	assert_int_equal(value, 0777);
	assert_int_equal(parse_unsigned("1011", 2, &value, NULL), 0);
	assert_int_equal(value, 11);
	assert_int_equal(parse_unsigned("zZ", 36, &value, NULL), 0);
	assert_int_equal(value, 35 * 36 + 35);
	assert_int_equal(parse_unsigned("2", 2, &value, NULL), -EINVAL);
	assert_int_equal(parse_unsigned("1", 1, &value, NULL), -EINVAL);
	assert_int_equal(parse_unsigned("1", 37, &value, NULL), -EINVAL);
}

static void test_parse_unsigned_reports_end(void **state)
{
	(void)state;
	const char *text = "64M";
	const char *end = NULL;
	unsigned long value = 0;

	assert_int_equal(parse_unsigned(text, 10, &value, &end), 0);
	assert_int_equal(value, 64);
	assert_ptr_equal(end, text + 2);

	/* "0x" with no hex digit after it is the number 0, then "x...". */
	text = "0xg";
	assert_int_equal(parse_unsigned(text, 0, &value, &end), 0);
	assert_int_equal(value, 0);
	assert_ptr_equal(end, text + 1);
	assert_int_equal(parse_unsigned("0x", 16, &value, &end), 0);
	assert_int_equal(value, 0);

	text = "12,13";
	assert_int_equal(parse_unsigned(text, 10, &value, &end), 0);
	assert_ptr_equal(end, text + 2);
	assert_int_equal(parse_unsigned(end + 1, 10, &value, &end), 0);
	assert_int_equal(value, 13);
	assert_int_equal(*end, '\0');
}

static void test_parse_unsigned_rejects_non_numbers(void **state)
{
	(void)state;
	const char *end = NULL;
	unsigned long value = 99;

	assert_int_equal(parse_unsigned("", 10, &value, NULL), -EINVAL);
	assert_int_equal(parse_unsigned("", 10, &value, &end), -EINVAL);
	assert_int_equal(parse_unsigned("abc", 10, &value, &end), -EINVAL);
	assert_int_equal(parse_unsigned(" 1", 10, &value, NULL), -EINVAL);
	assert_int_equal(parse_unsigned("-1", 10, &value, NULL), -EINVAL);
	assert_int_equal(parse_unsigned("+1", 10, &value, NULL), -EINVAL);
	/* Without end, the whole text must be the number. */
	assert_int_equal(parse_unsigned("12abc", 10, &value, NULL), -EINVAL);
	assert_int_equal(parse_unsigned("0x", 0, &value, NULL), -EINVAL);
	assert_int_equal(parse_unsigned("1f", 10, &value, NULL), -EINVAL);
	/* Errors leave the outputs alone. */
	assert_int_equal(value, 99);
	assert_null(end);
}

static void test_parse_unsigned_overflow(void **state)
{
	(void)state;
	unsigned long value = 99;

	assert_int_equal(parse_unsigned("18446744073709551616", 10, &value, NULL), -ERANGE);
	assert_int_equal(parse_unsigned("99999999999999999999999", 10, &value, NULL), -ERANGE);
	assert_int_equal(parse_unsigned("0x10000000000000000", 0, &value, NULL), -ERANGE);
	assert_int_equal(value, 99);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_memcpy_copies_exactly_length_bytes),
		cmocka_unit_test(test_memmove_overlap_forward),
		cmocka_unit_test(test_memmove_overlap_backward),
		cmocka_unit_test(test_memmove_by_one_byte_both_ways),
		cmocka_unit_test(test_memmove_same_place_and_zero_length),
		cmocka_unit_test(test_memmove_disjoint),
		cmocka_unit_test(test_memset_uses_low_byte_only),
		cmocka_unit_test(test_memcmp_signs),
		cmocka_unit_test(test_strlen),
		cmocka_unit_test(test_strnlen_never_reads_past_max_length),
		cmocka_unit_test(test_strcmp),
		cmocka_unit_test(test_strncmp),
		cmocka_unit_test(test_strchr),
		cmocka_unit_test(test_strrchr),
		cmocka_unit_test(test_comparisons_agree_with_libc),
		cmocka_unit_test(test_searches_agree_with_libc),
		cmocka_unit_test(test_string_copy_fits),
		cmocka_unit_test(test_string_copy_exact_fit),
		cmocka_unit_test(test_string_copy_truncates),
		cmocka_unit_test(test_string_copy_tiny_sizes),
		cmocka_unit_test(test_parse_unsigned_decimal),
		cmocka_unit_test(test_parse_unsigned_hexadecimal),
		cmocka_unit_test(test_parse_unsigned_other_bases),
		cmocka_unit_test(test_parse_unsigned_reports_end),
		cmocka_unit_test(test_parse_unsigned_rejects_non_numbers),
		cmocka_unit_test(test_parse_unsigned_overflow),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
