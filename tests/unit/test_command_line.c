/*
 * Unit tests for kernel/boot/command_line.c: every option and its values,
 * values at their size limits, spacing, and the words that must stop the
 * boot with a message naming them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#include <kuid/command_line.h>
#include <kuid/string.h>
#include <uapi/errno.h>

static struct kernel_options options;
static char error[256];

/* A string of `length` copies of `character` after `prefix`, in a static buffer. */
static const char *repeated(const char *prefix, char character, size_t length)
{
	static char text[1024];
	size_t prefix_length = strlen(prefix);

	assert_true(prefix_length + length < sizeof(text));
	memcpy(text, prefix, prefix_length);
	memset(text + prefix_length, character, length);
	text[prefix_length + length] = '\0';
	return text;
}

static void expect_accepted(const char *command_line)
{
	assert_int_equal(command_line_parse(command_line, &options, error, sizeof(error)), 0);
}

/* Refused with -EINVAL and a message that contains `expected`. */
static void expect_refused(const char *command_line, const char *expected)
{
	memset(error, 0, sizeof(error));
	assert_int_equal(command_line_parse(command_line, &options, error, sizeof(error)),
			 -EINVAL);
	if (strstr(error, expected) == NULL)
		fail_msg("message '%s' does not contain '%s'", error, expected);
}

static void expect_defaults_except_ktest(bool run_ktests)
{
	assert_int_equal(options.run_ktests, run_ktests);
	assert_string_equal(options.ktest_group, "");
	assert_string_equal(options.init_path, "/init");
	assert_int_equal(options.console_level, LOG_INFO);
	assert_false(options.syscall_trace);
}

/* --- the options ---------------------------------------------------------- */

static void test_empty_command_line_gives_defaults(void **state)
{
	(void)state;
	expect_accepted("");
	expect_defaults_except_ktest(false);

	expect_accepted(" \t  \t");
	expect_defaults_except_ktest(false);
}

static void test_ktest_runs_every_group(void **state)
{
	(void)state;
	expect_accepted("ktest");
	expect_defaults_except_ktest(true);
}

static void test_ktest_group(void **state)
{
	(void)state;
	expect_accepted("ktest=heap");
	assert_true(options.run_ktests);
	assert_string_equal(options.ktest_group, "heap");
}

static void test_init_path(void **state)
{
	(void)state;
	expect_accepted("init=/bin/sh");
	assert_false(options.run_ktests);
	assert_string_equal(options.init_path, "/bin/sh");
}

static void test_every_log_level_by_name_and_digit(void **state)
{
	static const char *const names[] = {
		"emerg", "alert", "crit", "err", "warn", "notice", "info", "debug",
	};
	char word[32];

	(void)state;
	for (int level = LOG_EMERG; level <= LOG_DEBUG; level++) {
		snprintf(word, sizeof(word), "loglevel=%s", names[level]);
		expect_accepted(word);
		assert_int_equal(options.console_level, level);

		snprintf(word, sizeof(word), "loglevel=%d", level);
		expect_accepted(word);
		assert_int_equal(options.console_level, level);
	}
}

static void test_syscall_trace(void **state)
{
	(void)state;
	expect_accepted("syscall_trace=1");
	assert_true(options.syscall_trace);
	expect_accepted("syscall_trace=1 syscall_trace=0");
	assert_false(options.syscall_trace);
	expect_refused("syscall_trace=2", "syscall_trace must be 0 or 1: 'syscall_trace=2'");
	expect_refused("syscall_trace=yes", "syscall_trace must be 0 or 1");
	expect_refused("syscall_trace=", "syscall_trace must be 0 or 1");
	expect_refused("syscall_trace", "unknown option");
}

static void test_all_options_together(void **state)
{
	(void)state;
	expect_accepted("ktest=sched init=/sbin/init loglevel=debug syscall_trace=1");
	assert_true(options.run_ktests);
	assert_string_equal(options.ktest_group, "sched");
	assert_string_equal(options.init_path, "/sbin/init");
	assert_int_equal(options.console_level, LOG_DEBUG);
	assert_true(options.syscall_trace);
}

/* Every parse starts from the defaults, whatever the previous one left. */
static void test_each_parse_starts_afresh(void **state)
{
	(void)state;
	expect_accepted("ktest=sched init=/sbin/init loglevel=debug syscall_trace=1");
	expect_accepted("");
	expect_defaults_except_ktest(false);
}

static void test_a_repeated_option_keeps_the_last_value(void **state)
{
	(void)state;
	expect_accepted("loglevel=err loglevel=warn init=/a init=/b ktest=heap ktest=sched");
	assert_int_equal(options.console_level, LOG_WARNING);
	assert_string_equal(options.init_path, "/b");
	assert_string_equal(options.ktest_group, "sched");
}

static void test_tabs_and_repeated_spaces_separate_words(void **state)
{
	(void)state;
	expect_accepted("  \tktest=heap\t\t loglevel=debug    init=/sbin/init\t ");
	assert_true(options.run_ktests);
	assert_string_equal(options.ktest_group, "heap");
	assert_int_equal(options.console_level, LOG_DEBUG);
	assert_string_equal(options.init_path, "/sbin/init");
}

/* --- values at their size limits ----------------------------------------- */

static void test_longest_ktest_group_fits(void **state)
{
	const char *word = repeated("ktest=", 'g', KTEST_GROUP_MAX - 1);

	(void)state;
	expect_accepted(word);
	assert_int_equal(strlen(options.ktest_group), KTEST_GROUP_MAX - 1);
	assert_string_equal(options.ktest_group, word + strlen("ktest="));
}

static void test_ktest_group_one_too_long(void **state)
{
	(void)state;
	expect_refused(repeated("ktest=", 'g', KTEST_GROUP_MAX), "bad test group");
}

/* A word has at most 255 characters, so init= takes a path of up to 250 of them. */
static void test_longest_init_path_fits(void **state)
{
	const char *word = repeated("init=/", 'p', 255 - strlen("init=/"));

	(void)state;
	assert_int_equal(strlen(word), 255);
	expect_accepted(word);
	assert_int_equal(strlen(options.init_path), 250);
	assert_string_equal(options.init_path, word + strlen("init="));
}

static void test_init_path_one_too_long(void **state)
{
	(void)state;
	expect_refused(repeated("init=/", 'p', 256 - strlen("init=/")),
		       "longer than 255 characters");
}

/* The same limit for any word: 255 characters are read, 256 are not. */
static void test_word_length_limit(void **state)
{
	(void)state;
	expect_refused(repeated("", 'w', 255), "unknown option");
	expect_refused(repeated("", 'w', 256), "longer than 255 characters");
}

static void test_300_character_word(void **state)
{
	(void)state;
	expect_refused(repeated("loglevel=", 'x', 300 - strlen("loglevel=")),
		       "kernel command line: a word is longer than 255 characters");
	/* Also when it comes after a good word. */
	expect_refused(repeated("ktest ", 'x', 300), "longer than 255 characters");
}

/* --- words that stop the boot --------------------------------------------- */

static void test_unknown_option_is_named(void **state)
{
	(void)state;
	expect_refused("bogus", "kernel command line: unknown option: 'bogus'");
	expect_refused("ktest bogus loglevel=info", "unknown option: 'bogus'");
}

static void test_near_misses_are_unknown(void **state)
{
	static const char *const words[] = {
		"ktests", "KTEST", "ktes", "ktest_group=heap", "init", "loglevel", "quiet",
		"=", "=value", "foo=bar", "init_path=/init", "log=debug",
	};
	char expected[64];

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(words); i++) {
		snprintf(expected, sizeof(expected), "unknown option: '%s'", words[i]);
		expect_refused(words[i], expected);
	}
}

static void test_empty_ktest_group(void **state)
{
	(void)state;
	expect_refused("ktest=", "bad test group: 'ktest='");
}

static void test_relative_or_empty_init_path(void **state)
{
	(void)state;
	expect_refused("init=relative", "init must be an absolute path: 'init=relative'");
	expect_refused("init=sbin/init", "absolute path");
	expect_refused("init=", "absolute path");
}

static void test_unknown_log_levels(void **state)
{
	(void)state;
	expect_refused("loglevel=9", "unknown log level: 'loglevel=9'");
	expect_refused("loglevel=8", "unknown log level");
	expect_refused("loglevel=-1", "unknown log level");
	expect_refused("loglevel=10", "unknown log level");
	expect_refused("loglevel=INFO", "unknown log level");
	expect_refused("loglevel=warning", "unknown log level");
	expect_refused("loglevel=", "unknown log level");
}

/* Parsing stops at the first bad word: that is the one named. */
static void test_first_bad_word_is_named(void **state)
{
	(void)state;
	expect_refused("loglevel=debug init=x bogus", "'init=x'");
}

/* A message that does not fit is cut short, and still ends with its NUL. */
static void test_message_fits_a_small_buffer(void **state)
{
	char small[16];

	(void)state;
	memset(small, 'X', sizeof(small));
	assert_int_equal(command_line_parse("bogus", &options, small, sizeof(small)), -EINVAL);
	assert_int_equal(strlen(small), sizeof(small) - 1);
	assert_int_equal(memcmp(small, "kernel command ", sizeof(small) - 1), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_command_line_gives_defaults),
		cmocka_unit_test(test_ktest_runs_every_group),
		cmocka_unit_test(test_ktest_group),
		cmocka_unit_test(test_init_path),
		cmocka_unit_test(test_every_log_level_by_name_and_digit),
		cmocka_unit_test(test_syscall_trace),
		cmocka_unit_test(test_all_options_together),
		cmocka_unit_test(test_each_parse_starts_afresh),
		cmocka_unit_test(test_a_repeated_option_keeps_the_last_value),
		cmocka_unit_test(test_tabs_and_repeated_spaces_separate_words),
		cmocka_unit_test(test_longest_ktest_group_fits),
		cmocka_unit_test(test_ktest_group_one_too_long),
		cmocka_unit_test(test_longest_init_path_fits),
		cmocka_unit_test(test_init_path_one_too_long),
		cmocka_unit_test(test_word_length_limit),
		cmocka_unit_test(test_300_character_word),
		cmocka_unit_test(test_unknown_option_is_named),
		cmocka_unit_test(test_near_misses_are_unknown),
		cmocka_unit_test(test_empty_ktest_group),
		cmocka_unit_test(test_relative_or_empty_init_path),
		cmocka_unit_test(test_unknown_log_levels),
		cmocka_unit_test(test_first_bad_word_is_named),
		cmocka_unit_test(test_message_fits_a_small_buffer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
