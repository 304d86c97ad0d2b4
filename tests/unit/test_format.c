/*
 * Unit tests for lib/format.c. Wherever C defines the output, kuid's
 * snprintf is run side by side with the host C library's, at every buffer
 * size; kuid's own choices (%p, NULL strings) are checked against fixed text.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

/* Taken before kuid/format.h renames vsnprintf to kuid's function. */
static int (*const host_vsnprintf)(char *, size_t, const char *, va_list) = vsnprintf;

#include <kuid/format.h>
#include <kuid/string.h>
#include <kuid/types.h>

#define BUFFER_SIZE 256
#define UNTOUCHED '#'

/*
 * Format with kuid and with the C library into buffers of every size from 0
 * to one past the full length: the text, the NUL and the return value must
 * agree, and no byte past the given size may be written.
 */
static void __attribute__((format(printf, 1, 2))) expect_like_libc(const char *format, ...)
{
	char expected[BUFFER_SIZE];
	char actual[BUFFER_SIZE];
	va_list args;
	va_list copy;
	int full_length;

	va_start(args, format);
	va_copy(copy, args);
	full_length = host_vsnprintf(expected, sizeof(expected), format, copy);
	va_end(copy);
	assert_in_range(full_length, 0, BUFFER_SIZE - 2);

	for (size_t size = 0; size <= (size_t)full_length + 1; size++) {
		int expected_length;
		int actual_length;

		memset(expected, UNTOUCHED, sizeof(expected));
		memset(actual, UNTOUCHED, sizeof(actual));
		va_copy(copy, args);
		expected_length = host_vsnprintf(expected, size, format, copy);
		va_end(copy);
		va_copy(copy, args);
		actual_length = vsnprintf(actual, size, format, copy);
		va_end(copy);

		if (actual_length != expected_length ||
		    memcmp(actual, expected, sizeof(actual)) != 0) {
			print_error("format \"%s\", buffer size %zu: kuid gave \"%.*s\" (%d), "
				    "the C library \"%.*s\" (%d)\n",
				    format, size, (int)MIN(size, sizeof(actual)), actual,
				    actual_length, (int)MIN(size, sizeof(expected)), expected,
				    expected_length);
			fail();
		}
	}
	va_end(args);
}

/* Format into a large buffer and compare with fixed text and return value. */
static void __attribute__((format(printf, 2, 3)))
expect_text(const char *expected, const char *format, ...)
{
	char actual[BUFFER_SIZE];
	va_list args;
	int length;

	va_start(args, format);
	length = vsnprintf(actual, sizeof(actual), format, args);
	va_end(args);
	assert_string_equal(actual, expected);
	assert_int_equal(length, strlen(expected));
}

static void test_plain_text_and_percent(void **state)
{
	(void)state;

	expect_like_libc("%s", "");
	expect_like_libc("plain text");
	expect_like_libc("%%");
	expect_like_libc("a%%b%%%%c");
}

static void test_signed_decimal(void **state)
{
	(void)state;

	expect_like_libc("%d %d %d", 0, 1, -1);
	expect_like_libc("%d|%i", INT_MAX, INT_MIN);
	expect_like_libc("[%5d] [%-5d] [%05d] [%05d]", 42, 42, 42, -42);
	expect_like_libc("[%+d] [%+d] [% d] [% d]", 7, -7, 7, -7);
	expect_like_libc("[%.3d] [%.3d] [%.0d] [%5.0d] [%-3.0d]", 7, -7, 0, 0, 0);
	expect_like_libc("[%+05d] [% 05d] [%-+5d]", 7, 7, 7);
	expect_like_libc("[%2d] [%1d] [%0d]", 12345, -1, 3);
	expect_like_libc("%.40d", -1);
}

static void test_unsigned_decimal(void **state)
{
	(void)state;

	expect_like_libc("%u %u %u", 0u, 1u, UINT_MAX);
	expect_like_libc("[%7.4u] [%-7u] [%07u]", 12u, 12u, 12u);
}

static void test_length_modifiers(void **state)
{
	(void)state;

	/* hh and h convert the promoted int back to the narrow type. */
	expect_like_libc("%hhd %hhd %hhu %hhx", 255, 128, 257, 0x1ff);
	expect_like_libc("%hd %hd %hu %hx", 32768, -1, 65537, 0x12345);
	expect_like_libc("%ld %ld %lu %lx", LONG_MAX, LONG_MIN, ULONG_MAX, ULONG_MAX);
	expect_like_libc("%lld %lld %llu %llo", LLONG_MAX, LLONG_MIN, ULLONG_MAX, ULLONG_MAX);
	expect_like_libc("%zu %zx %zd %zd", SIZE_MAX, (size_t)0xabc, (ssize_t)-1, (ssize_t)5);
	expect_like_libc("%jd %ju %td %tx", INTMAX_MIN, UINTMAX_MAX, (ptrdiff_t)-3,
			 (ptrdiff_t)255);
	expect_like_libc("%li %lli %hi %hhi", -5L, -6LL, (short)-7, (signed char)-8);
}

static void test_hexadecimal_and_octal(void **state)
{
	(void)state;

	expect_like_libc("%x %X %x %X", 0u, 0u, 0xdeadbeefu, 0xdeadbeefu);
	expect_like_libc("[%#x] [%#x] [%#X] [%#o] [%#o] [%#o]", 0u, 255u, 255u, 0u, 8u, 1u);
	expect_like_libc("[%#010x] [%#-10x] [%#10X] [%010X]", 0x1fu, 0x1fu, 0x1fu, 0x1fu);
	expect_like_libc("[%.8x] [%#.8x] [%#.0x] [%.0x] [%#5.3x]", 0xabu, 0xabu, 0u, 0u, 0xabu);
	expect_like_libc("[%o] [%o] [%.5o] [%#.5o] [%#.0o] [%.0o] [%#3o]",
			 0u, 8u, 8u, 8u, 0u, 0u, 8u);
	expect_like_libc("[%#o] [%#.1o] [%#.2o]", 07u, 07u, 07u);
	expect_like_libc("%lx %lX %llx", 0x123456789abcdefUL, 0xfedcba987654321UL, 1ULL << 63);
}

static void test_characters(void **state)
{
	(void)state;

	expect_like_libc("%c%c%c", 'k', 'u', 'i');
	expect_like_libc("[%3c] [%-3c] [%1c]", 'a', 'b', 'c');
	expect_like_libc("%c", 0xe9);
}

static void test_strings(void **state)
{
	(void)state;

	expect_like_libc("%s|%s", "abc", "");
	expect_like_libc("[%5s] [%-5s] [%2s]", "abc", "abc", "abc");
	expect_like_libc("[%.2s] [%5.1s] [%-5.1s] [%.0s] [%.10s]",
			 "abc", "abc", "abc", "abc", "abc");
}

static void test_star_width_and_precision(void **state)
{
	(void)state;

	expect_like_libc("[%*d] [%-*d]", 6, 42, 6, 42);
	/* A negative width from * means left alignment. */
	expect_like_libc("[%*d] [%*s]", -6, 42, -4, "ab");
	expect_like_libc("[%.*d] [%.*s] [%*.*s]", 4, 7, 2, "abcdef", 5, 1, "xyz");
	/* A negative precision from * means no precision at all. */
	expect_like_libc("[%.*s] [%.*d]", -1, "abcdef", -3, 7);
	expect_like_libc("%*.*d|%s|%*c", 8, 3, 5, "after", 3, 'z');
}

/*
 * Flags that C defines to have no effect in these combinations. The compiler
 * warns about them, rightly, in real code.
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat"
static void test_flags_without_effect(void **state)
{
	(void)state;

	/* '+' wins over ' '. */
	expect_like_libc("[%+ d] [% +d]", 7, 7);
	/* '0' is ignored with a precision or with '-'. */
	expect_like_libc("[%08.3d] [%-08d] [%08.0x]", 7, 7, 0u);
	/* But a negative precision from * is no precision, so '0' pads. */
	expect_like_libc("[%0*.*d]", 6, -1, 5);
	/* '+' and ' ' apply to signed conversions only; '#' to x, X and o. */
	expect_like_libc("[%+u] [% u] [%#u] [%+x] [%#d]", 5u, 5u, 5u, 5u, 5);
}
#pragma GCC diagnostic pop

static void test_mixed_format(void **state)
{
	(void)state;

	expect_like_libc("pid %d: %s exited with %#x after %lu ticks%c", 42, "init", 0x7f00u,
			 123456789UL, '!');
	expect_like_libc("%s=%u, %s=%-8s|", "uid", 1000u, "name", "kuid");
}

static void test_pointers(void **state)
{
	(void)state;

	expect_text("0x0000000000001234", "%p", (void *)0x1234);
	expect_text("0x0000000000000000", "%p", (void *)NULL);
	expect_text("0xffffffff80000000", "%p", (void *)0xffffffff80000000UL);
	expect_text("[  0x00000000deadbeef]", "[%20p]", (void *)0xdeadbeef);
	expect_text("[0x00000000deadbeef  ]", "[%-20p]", (void *)0xdeadbeef);
	expect_text("[0x00000000000000ab]", "[%5p]", (void *)0xab);
}

static void test_null_string(void **state)
{
	(void)state;
	/* Hidden in a variable so the compiler does not warn about the NULL. */
	const char *volatile nothing = NULL;

	expect_text("(null)", "%s", nothing);
	expect_text("[  (null)]", "[%8s]", nothing);
	expect_text("[(nu]", "[%.3s]", nothing);
}

static void test_string_precision_reads_no_further(void **state)
{
	(void)state;
	/* Not NUL-terminated: AddressSanitizer reports any read past its end. */
	const char unterminated[3] = { 'a', 'b', 'c' };

	expect_text("[abc]", "[%.3s]", unterminated);
	expect_text("[ab]", "[%.2s]", unterminated);
}

/*
 * Formats that C leaves undefined or that are mistakes: kuid prints them as
 * written so the mistake shows. The compiler would rightly warn here.
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"
static void test_unknown_conversion_printed_as_written(void **state)
{
	(void)state;

	expect_text("[%y]", "[%y]");
	expect_text("[%-5y]", "[%-5y]");
	expect_text("abc%", "abc%");
	expect_text("%", "%");
	expect_text("abc%l", "abc%l");
	expect_text("7 %q 8", "%d %q %d", 7, 8);
}
#pragma GCC diagnostic pop

static void test_return_value_when_truncated(void **state)
{
	(void)state;
	char buffer[8] = "#######";

	assert_int_equal(snprintf(NULL, 0, "%d", 12345), 5);
	assert_int_equal(snprintf(buffer, 0, "hello"), 5);
	assert_int_equal(buffer[0], '#');
	assert_int_equal(snprintf(buffer, 1, "hello"), 5);
	assert_string_equal(buffer, "");
	assert_int_equal(snprintf(buffer, 5, "hello"), 5);
	assert_string_equal(buffer, "hell");
	assert_int_equal(snprintf(buffer, 6, "hello"), 5);
	assert_string_equal(buffer, "hello");
	assert_int_equal(snprintf(buffer, sizeof(buffer), "%s%s", "abcd", "efgh"), 8);
	assert_string_equal(buffer, "abcdefg");
	assert_int_equal(snprintf(buffer, sizeof(buffer), "%20p", (void *)1), 20);
	assert_string_equal(buffer, "  0x000");
}

static void test_long_output(void **state)
{
	(void)state;
	char buffer[BUFFER_SIZE];

	/* Width and precision do not depend on any internal buffer size. */
	assert_int_equal(snprintf(buffer, sizeof(buffer), "%200d", 1), 200);
	assert_int_equal(strlen(buffer), 200);
	assert_int_equal(buffer[199], '1');
	assert_int_equal(snprintf(buffer, sizeof(buffer), "%.300d", 1), 300);
	assert_int_equal(strlen(buffer), sizeof(buffer) - 1);
	assert_int_equal(buffer[0], '0');
}

/* A format_to output that keeps what it receives, including NUL characters. */
struct recording {
	char text[64];
	size_t count;
};

static void record(void *context, char character)
{
	struct recording *recording = context;

	if (recording->count < sizeof(recording->text))
		recording->text[recording->count] = character;
	recording->count++;
}

static int __attribute__((format(printf, 2, 3)))
format_to_recording(struct recording *recording, const char *format, ...)
{
	va_list args;
	int length;

	va_start(args, format);
	length = format_to(record, recording, format, args);
	va_end(args);
	return length;
}

static void test_format_to_sends_each_character_once(void **state)
{
	(void)state;
	struct recording recording = { .count = 0 };

	assert_int_equal(format_to_recording(&recording, "[%5d|%s]", -3, "ok"), 10);
	assert_int_equal(recording.count, 10);
	assert_memory_equal(recording.text, "[   -3|ok]", 10);
	/* format_to adds no NUL of its own, but passes on a %c of NUL. */
	recording.count = 0;
	assert_int_equal(format_to_recording(&recording, "a%cb", '\0'), 3);
	assert_int_equal(recording.count, 3);
	assert_memory_equal(recording.text, "a\0b", 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_text_and_percent),
		cmocka_unit_test(test_signed_decimal),
		cmocka_unit_test(test_unsigned_decimal),
		cmocka_unit_test(test_length_modifiers),
		cmocka_unit_test(test_hexadecimal_and_octal),
		cmocka_unit_test(test_characters),
		cmocka_unit_test(test_strings),
		cmocka_unit_test(test_star_width_and_precision),
		cmocka_unit_test(test_flags_without_effect),
		cmocka_unit_test(test_mixed_format),
		cmocka_unit_test(test_pointers),
		cmocka_unit_test(test_null_string),
		cmocka_unit_test(test_string_precision_reads_no_further),
		cmocka_unit_test(test_unknown_conversion_printed_as_written),
		cmocka_unit_test(test_return_value_when_truncated),
		cmocka_unit_test(test_long_output),
		cmocka_unit_test(test_format_to_sends_each_character_once),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
