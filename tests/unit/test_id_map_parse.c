/*
 * Unit tests for kernel/user_namespace/id_map_parse.c. The texts of Obs 3a are used verbatim,
 * then every boundary: 0, 1, 5, 6, 339, 340 and 341 lines, ids near 4294967295, one-id overlaps
 * at either end on either side, and the odd cases checked on Linux 6.18 (0xA0, NUL, 2^64 + 1).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "id_map_test_helpers.h"
#include <kuid/format.h>
#include <kuid/id_map.h>
#include <kuid/userns_rules.h>
#include <uapi/errno.h>

/* Large enough for 341 lines of "%u %u 1\n" with numbers below 10000. */
#define TEXT_CAPACITY 8192

static void expect_accepted(const char *text, uint32_t expected_count)
{
	struct id_map map;
	struct userns_refusal refusal = { 0 };

	if (parse_text(text, &map, &refusal) != 0)
		fail_msg("refused \"%s\": %s: %s", text, userns_rule_number(refusal.rule),
			 refusal.reason);
	assert_int_equal(map.extent_count, expected_count);
	free_map(&map);
}

static void expect_refused_length(const char *text, size_t length, enum userns_rule rule)
{
	struct id_map map;
	struct userns_refusal refusal = { 0 };
	int error = parse_length(text, length, &map, &refusal);

	if (error != -EINVAL)
		fail_msg("\"%s\": expected -EINVAL, got %d", text, error);
	if (refusal.rule != rule)
		fail_msg("\"%s\": expected %s, refused by %s (%s)", text, userns_rule_number(rule),
			 userns_rule_number(refusal.rule), refusal.reason);
	assert_non_null(refusal.reason);
	assert_int_equal(map.extent_count, 0);
	free_map(&map);
}

static void expect_refused(const char *text, enum userns_rule rule)
{
	expect_refused_length(text, strlen(text), rule);
}

/* Lines "i i+1000 1" for i = 0 .. count-1, with or without a newline after the last. */
static void make_lines(char *text, uint32_t count, bool final_newline)
{
	size_t length = 0;

	text[0] = '\0';
	for (uint32_t i = 0; i < count; i++) {
		bool last = i + 1 == count;

		length += (size_t)snprintf(text + length, TEXT_CAPACITY - length, "%u %u 1%s", i,
					   i + 1000, last && !final_newline ? "" : "\n");
	}
}

/* Obs 3a, EINVAL list, verbatim (341 lines and 4096 bytes have their own tests). */
static void test_obs_3a_refused(void **state)
{
	(void)state;
	expect_refused("0 0 0", RULE_R3_9_RANGE);
	expect_refused("0 0", RULE_R3_8_FORMAT);
	expect_refused("0 0 1 junk", RULE_R3_8_FORMAT);
	expect_refused("0 0 1\n\n", RULE_R3_8_FORMAT);
	expect_refused("0 0 10\n5 100 10", RULE_R3_10_OVERLAP);
	expect_refused("0 0 10\n20 5 10", RULE_R3_10_OVERLAP);
	expect_refused("4294967295 0 1", RULE_R3_9_RANGE);
	expect_refused("0 4294967295 1", RULE_R3_9_RANGE);
	expect_refused("4294967290 0 10", RULE_R3_9_RANGE);
	expect_refused("0 4294967290 6", RULE_R3_9_RANGE);
	expect_refused("0x10 0 1", RULE_R3_8_FORMAT);
	expect_refused("-1 0 1", RULE_R3_8_FORMAT);
	expect_refused("+1 0 1", RULE_R3_8_FORMAT);
	expect_refused("", RULE_R3_8_FORMAT);		/* the empty write */
	expect_refused("\n", RULE_R3_8_FORMAT);
	expect_refused("0 0 1,", RULE_R3_8_FORMAT);
}

/* Obs 3a, OK list, verbatim (339/340 lines and 4095 bytes have their own tests). */
static void test_obs_3a_accepted(void **state)
{
	(void)state;
	struct id_map map;

	expect_accepted("   0    0    1   ", 1);
	expect_accepted("0\t0\t1\n", 1);
	expect_accepted("0 0 1\n1 1 1\n", 2);
	expect_accepted("0 0 4294967295", 1);
	expect_accepted("00010 0 1", 1);

	/* R3.8 quirk: 99999999999 is 0x174876E7FF; its low 32 bits are 1215752191. */
	assert_int_equal(parse_text("99999999999 0 1", &map, NULL), 0);
	assert_int_equal(map.table->extents[0].first, 1215752191u);
	assert_int_equal(map_id_down(&map, 1215752191u), 0);
	free_map(&map);
}

/* Each number lands where it belongs, lines stay in the order written. */
static void test_numbers_and_written_order(void **state)
{
	(void)state;
	struct id_map map;

	assert_int_equal(parse_text(" 7 100000 3\n\t0\v5\f2\r\n", &map, NULL), 0);
	assert_int_equal(map.extent_count, 2);
	assert_int_equal(map.table->extents[0].first, 7);
	assert_int_equal(map.table->extents[0].lower_first, 100000);
	assert_int_equal(map.table->extents[0].count, 3);
	assert_int_equal(map.table->extents[1].first, 0);
	assert_int_equal(map.table->extents[1].lower_first, 5);
	assert_int_equal(map.table->extents[1].count, 2);
	free_map(&map);
}

/* Checked on Linux 6.18: what its parser does beyond what the reference lists. */
static void test_linux_oddities(void **state)
{
	(void)state;
	struct id_map map;

	/* Byte 0xA0 is white space to Linux's isspace(), anywhere a space may be. */
	expect_accepted("0\xa0" "0 1", 1);
	expect_accepted("0 0\xa0" "1", 1);
	expect_accepted("\xa0" "0 0 1\xa0", 1);
	expect_accepted("0 0 1\v", 1);
	expect_accepted("0 0 1\r\n", 1);
	expect_accepted("0 0 1 \t\r\n", 1);

	/* A NUL byte ends the text, whatever follows it. */
	assert_int_equal(parse_length("0 0 1\0junk", 10, &map, NULL), 0);
	assert_int_equal(map.extent_count, 1);
	free_map(&map);
	assert_int_equal(parse_length("0 0 1\0\n\n", 8, &map, NULL), 0);
	free_map(&map);
	expect_refused_length("\0", 1, RULE_R3_8_FORMAT);

	/* Only length bytes are read: the rest of the C string is not part of the write. */
	assert_int_equal(parse_length("0 0 10junk", 6, &map, NULL), 0);
	assert_int_equal(map.table->extents[0].count, 10);
	free_map(&map);

	/* Digits beyond 64 bits wrap, then the low 32 bits are kept: 2^64 + 1 is 1, 2^32 is 0. */
	assert_int_equal(parse_text("18446744073709551617 0 1", &map, NULL), 0);
	assert_int_equal(map.table->extents[0].first, 1);
	free_map(&map);
	assert_int_equal(parse_text("4294967296 0 1", &map, NULL), 0);
	assert_int_equal(map.table->extents[0].first, 0);
	free_map(&map);
	assert_int_equal(parse_text("0 00000000000000000000000000000000001 1", &map, NULL), 0);
	assert_int_equal(map.table->extents[0].lower_first, 1);
	free_map(&map);
}

static void test_format_errors(void **state)
{
	(void)state;
	expect_refused(" ", RULE_R3_8_FORMAT);
	expect_refused("0 0 1\n ", RULE_R3_8_FORMAT);		/* a last line of spaces */
	expect_refused("\n0 0 1", RULE_R3_8_FORMAT);		/* an empty first line */
	expect_refused("0 0 ", RULE_R3_8_FORMAT);		/* the count is missing */
	expect_refused("0 0 \n", RULE_R3_8_FORMAT);
	expect_refused("0\n0 1", RULE_R3_8_FORMAT);
	expect_refused("0", RULE_R3_8_FORMAT);
	expect_refused("0 0 1 2", RULE_R3_8_FORMAT);
	expect_refused("0,0,1", RULE_R3_8_FORMAT);
	expect_refused("0 a 1", RULE_R3_8_FORMAT);
	expect_refused("0 0 1x", RULE_R3_8_FORMAT);
	expect_refused("0 0 1\n0x", RULE_R3_8_FORMAT);
}

/* R3.9 at the top of the id space, both sides. */
static void test_ranges_near_the_top(void **state)
{
	(void)state;
	expect_accepted("4294967294 0 1", 1);
	expect_accepted("0 4294967294 1", 1);
	expect_refused("4294967294 0 2", RULE_R3_9_RANGE);
	expect_refused("0 4294967294 2", RULE_R3_9_RANGE);
	expect_refused("1 0 4294967295", RULE_R3_9_RANGE);
	expect_refused("0 1 4294967295", RULE_R3_9_RANGE);
	expect_accepted("4294967290 0 5", 1);
	expect_refused("4294967290 0 6", RULE_R3_9_RANGE);
	/* Counts that wrap all the way round to above first are still caught by "<= first". */
	expect_refused("10 0 4294967286", RULE_R3_9_RANGE);
	expect_refused("5 5 0", RULE_R3_9_RANGE);
}

/* R3.10, upper side: touching is fine, one shared id at either end is not. */
static void test_upper_overlap_boundaries(void **state)
{
	(void)state;
	expect_accepted("10 0 10\n20 100 10", 2);	/* touches the end */
	expect_accepted("10 0 10\n5 100 5", 2);		/* touches the start */
	expect_refused("10 0 10\n19 100 10", RULE_R3_10_OVERLAP);	/* shares id 19 */
	expect_refused("10 0 10\n5 100 6", RULE_R3_10_OVERLAP);	/* shares id 10 */
	expect_refused("10 0 10\n12 100 2", RULE_R3_10_OVERLAP);	/* inside */
	expect_refused("10 0 10\n0 100 30", RULE_R3_10_OVERLAP);	/* around */
	expect_refused("10 0 10\n10 100 10", RULE_R3_10_OVERLAP);	/* the same */
}

/* R3.10, lower side (parent numbering): the same boundaries. */
static void test_lower_overlap_boundaries(void **state)
{
	(void)state;
	expect_accepted("0 10 10\n100 20 10", 2);
	expect_accepted("0 10 10\n100 5 5", 2);
	expect_refused("0 10 10\n100 19 10", RULE_R3_10_OVERLAP);
	expect_refused("0 10 10\n100 5 6", RULE_R3_10_OVERLAP);
	expect_refused("0 10 10\n100 12 2", RULE_R3_10_OVERLAP);
	expect_refused("0 10 10\n100 0 30", RULE_R3_10_OVERLAP);
	/* Against any earlier line, not only the one before. */
	expect_refused("0 10 10\n100 200 10\n200 19 1", RULE_R3_10_OVERLAP);
}

static void test_line_counts_1_5_6(void **state)
{
	(void)state;
	char text[TEXT_CAPACITY];
	const uint32_t counts[] = { 1, 5, 6 };

	for (size_t c = 0; c < ARRAY_SIZE(counts); c++) {
		make_lines(text, counts[c], true);
		expect_accepted(text, counts[c]);
		make_lines(text, counts[c], false);
		expect_accepted(text, counts[c]);
	}
}

/* R3.11, Obs 3a: 339 and 340 lines are accepted, 341 refused. */
static void test_line_counts_339_340_341(void **state)
{
	(void)state;
	char text[TEXT_CAPACITY];
	struct id_map map;
	struct userns_refusal refusal = { 0 };

	make_lines(text, 339, true);
	expect_accepted(text, 339);
	make_lines(text, 340, true);
	expect_accepted(text, 340);
	make_lines(text, 340, false);
	expect_accepted(text, 340);

	make_lines(text, 341, true);
	assert_int_equal(parse_text(text, &map, &refusal), -EINVAL);
	assert_int_equal(refusal.rule, RULE_R3_11_TOO_MANY);
	assert_int_equal(refusal.line, 341);
	free_map(&map);
	make_lines(text, 341, false);
	expect_refused(text, RULE_R3_11_TOO_MANY);

	/*
	 * Linux refuses while storing line 340 if anything follows, so an empty or bad 341st line
	 * is refused as "too many", but a bad 340th line for its own fault.
	 */
	make_lines(text, 340, true);
	strcat(text, "\n");
	expect_refused(text, RULE_R3_11_TOO_MANY);
	make_lines(text, 340, true);
	strcat(text, "junk");
	expect_refused(text, RULE_R3_11_TOO_MANY);
	make_lines(text, 339, true);
	strcat(text, "junk");
	expect_refused(text, RULE_R3_8_FORMAT);
}

/* R3.4: the caller refuses 4096 bytes; 4095 bytes of a valid map parse fine. */
static void test_write_size_limit(void **state)
{
	(void)state;
	char text[ID_MAP_WRITE_SIZE_LIMIT + 1];
	struct id_map map;

	assert_int_equal(ID_MAP_WRITE_SIZE_LIMIT, 4096);
	memset(text, ' ', sizeof(text));
	memcpy(text, "0 0 1", 5);
	assert_int_equal(parse_length(text, ID_MAP_WRITE_SIZE_LIMIT - 1, &map, NULL), 0);
	assert_int_equal(map.extent_count, 1);
	free_map(&map);
}

/* The first failing check decides, line by line (R3.16), and the refusal names the line. */
static void test_refusal_names_rule_and_line(void **state)
{
	(void)state;
	struct id_map map;
	struct userns_refusal refusal = { 0 };

	assert_int_equal(parse_text("0 0 1\n1 1 1\n2 2 1 x\n0 0 1", &map, &refusal), -EINVAL);
	assert_int_equal(refusal.rule, RULE_R3_8_FORMAT);
	assert_int_equal(refusal.line, 3);
	assert_string_equal(userns_rule_number(refusal.rule), "R3.8");
	free_map(&map);

	assert_int_equal(parse_text("0 0 1\n0 5 1\nbad", &map, &refusal), -EINVAL);
	assert_int_equal(refusal.rule, RULE_R3_10_OVERLAP);
	assert_int_equal(refusal.line, 2);
	free_map(&map);

	assert_int_equal(parse_text("0 0 0\n0 0 1 junk", &map, &refusal), -EINVAL);
	assert_int_equal(refusal.rule, RULE_R3_9_RANGE);
	assert_int_equal(refusal.line, 1);
	free_map(&map);

	/* A caller that does not want the reason passes NULL. */
	assert_int_equal(parse_text("0 0 0", &map, NULL), -EINVAL);
	free_map(&map);
}

/* The parsed map is sorted and ready for lookups (lower ids still in parent numbering). */
static void test_parsed_map_is_searchable(void **state)
{
	(void)state;
	struct id_map map;

	assert_int_equal(parse_text("50 500 5\n10 100 5\n40 400 5\n20 200 5\n60 600 5\n30 300 5",
				    &map, NULL), 0);
	for (uint32_t first = 10; first <= 60; first += 10) {
		assert_int_equal(map_id_down(&map, first), first * 10);
		assert_int_equal(map_id_down(&map, first + 4), first * 10 + 4);
		assert_int_equal(map_id_down(&map, first + 5), ID_MAP_UNMAPPED);
		assert_int_equal(map_id_up(&map, first * 10 + 4), first + 4);
	}
	free_map(&map);
}

/* Every rule has its R-number and summary; the enum and the table agree. */
static void test_rule_table_is_complete(void **state)
{
	(void)state;
	for (int rule = 0; rule < USERNS_RULE_COUNT; rule++) {
		const char *number = userns_rules[rule].number;

		assert_non_null(number);
		assert_non_null(userns_rules[rule].summary);
		assert_int_equal(number[0], 'R');
		for (int other = 0; other < rule; other++)
			assert_string_not_equal(number, userns_rules[other].number);
	}
	assert_string_equal(userns_rule_number(RULE_R3_9_RANGE), "R3.9");
	assert_string_equal(userns_rule_number(RULE_R3_14_NOT_IN_PARENT), "R3.14");
	assert_string_equal(userns_rule_number(USERNS_RULE_COUNT), "R?");
	assert_string_equal(userns_rule_summary(USERNS_RULE_COUNT), "unknown rule");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_obs_3a_refused),
		cmocka_unit_test(test_obs_3a_accepted),
		cmocka_unit_test(test_numbers_and_written_order),
		cmocka_unit_test(test_linux_oddities),
		cmocka_unit_test(test_format_errors),
		cmocka_unit_test(test_ranges_near_the_top),
		cmocka_unit_test(test_upper_overlap_boundaries),
		cmocka_unit_test(test_lower_overlap_boundaries),
		cmocka_unit_test(test_line_counts_1_5_6),
		cmocka_unit_test(test_line_counts_339_340_341),
		cmocka_unit_test(test_write_size_limit),
		cmocka_unit_test(test_refusal_names_rule_and_line),
		cmocka_unit_test(test_parsed_map_is_searchable),
		cmocka_unit_test(test_rule_table_is_complete),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
