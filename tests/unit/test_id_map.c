/*
 * Unit tests for kernel/user_namespace/id_map.c: lookups down and up at the edges of every
 * extent for maps of 1, 5, 6, 64 and 340 extents, ids near 4294967295, publication, read-back
 * order and format (R2.6), translation through nested maps (R3.14, R2.4).
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
#include <kuid/id_map.h>
#include <kuid/userns_rules.h>
#include <uapi/errno.h>

#define UNMAPPED ID_MAP_UNMAPPED

/*
 * A map of count extents with gaps between them on both sides: in first order, extent i covers
 * 1000 + 10 i .. and has 5 to 7 ids; its lower range runs the other way (the last extent is the
 * lowest), so by_first and by_lower differ. Written order is a shuffle: the p-th line written is
 * extent (7 p) mod count (7 shares no factor with 1, 5, 6, 64 or 340).
 */
static struct id_map_extent gapped_extent(uint32_t i, uint32_t count)
{
	return (struct id_map_extent){
		.first = 1000 + 10 * i,
		.lower_first = 1000000 + 10 * (count - 1 - i),
		.count = 5 + i % 3,
	};
}

static void build_gapped_map(struct id_map *map, uint32_t count)
{
	struct id_map_extent extents[ID_MAP_EXTENTS_MAX];

	for (uint32_t position = 0; position < count; position++)
		extents[position] = gapped_extent((7 * position) % count, count);
	build_map(map, extents, count);
}

static void check_lookups_at_every_edge(uint32_t count)
{
	struct id_map map;

	build_gapped_map(&map, count);
	for (uint32_t i = 0; i < count; i++) {
		struct id_map_extent extent = gapped_extent(i, count);
		uint32_t last = extent.count - 1;

		assert_int_equal(map_id_down(&map, extent.first), extent.lower_first);
		assert_int_equal(map_id_down(&map, extent.first + last), extent.lower_first + last);
		assert_int_equal(map_id_down(&map, extent.first + last + 1), UNMAPPED);
		assert_int_equal(map_id_down(&map, extent.first - 1), UNMAPPED);

		assert_int_equal(map_id_up(&map, extent.lower_first), extent.first);
		assert_int_equal(map_id_up(&map, extent.lower_first + last), extent.first + last);
		assert_int_equal(map_id_up(&map, extent.lower_first + last + 1), UNMAPPED);
		assert_int_equal(map_id_up(&map, extent.lower_first - 1), UNMAPPED);

		assert_int_equal(map_id_range_down(&map, extent.first, extent.count),
				 extent.lower_first);
		assert_int_equal(map_id_range_down(&map, extent.first, extent.count + 1), UNMAPPED);
		assert_int_equal(map_id_range_down(&map, extent.first + 1, extent.count), UNMAPPED);
		assert_int_equal(map_id_range_up(&map, extent.lower_first, extent.count),
				 extent.first);
		assert_int_equal(map_id_range_up(&map, extent.lower_first, extent.count + 1),
				 UNMAPPED);
	}
	/* Far outside, below and above everything. */
	assert_int_equal(map_id_down(&map, 0), UNMAPPED);
	assert_int_equal(map_id_down(&map, 4294967295u), UNMAPPED);
	assert_int_equal(map_id_up(&map, 0), UNMAPPED);
	assert_int_equal(map_id_up(&map, 4294967295u), UNMAPPED);
	free_map(&map);
}

static void test_lookups_1_extent(void **state)
{
	(void)state;
	check_lookups_at_every_edge(1);
}

static void test_lookups_5_extents(void **state)
{
	(void)state;
	check_lookups_at_every_edge(5);
}

static void test_lookups_6_extents(void **state)
{
	(void)state;
	check_lookups_at_every_edge(6);
}

static void test_lookups_64_extents(void **state)
{
	(void)state;
	check_lookups_at_every_edge(64);
}

static void test_lookups_340_extents(void **state)
{
	(void)state;
	check_lookups_at_every_edge(ID_MAP_EXTENTS_MAX);
}

/* R2.5: before it is written, a map (all zero, no table) maps nothing either way. */
static void test_empty_map_maps_nothing(void **state)
{
	(void)state;
	struct id_map empty = { 0 };

	assert_int_equal(map_id_down(&empty, 0), UNMAPPED);
	assert_int_equal(map_id_down(&empty, 1000), UNMAPPED);
	assert_int_equal(map_id_up(&empty, 0), UNMAPPED);
	assert_int_equal(map_id_range_down(&empty, 0, 1), UNMAPPED);
	assert_null(id_map_read_back(&empty, 0));
}

/* R1.6: every id but 4294967295 maps to itself. */
static void test_initial_map_is_identity(void **state)
{
	(void)state;
	struct id_map initial = ID_MAP_INITIAL;

	assert_int_equal(initial.extent_count, 1);
	assert_int_equal(map_id_down(&initial, 0), 0);
	assert_int_equal(map_id_down(&initial, 1001), 1001);
	assert_int_equal(map_id_down(&initial, 4294967294u), 4294967294u);
	assert_int_equal(map_id_down(&initial, 4294967295u), UNMAPPED);
	assert_int_equal(map_id_up(&initial, 4294967294u), 4294967294u);
	assert_int_equal(map_id_up(&initial, 4294967295u), UNMAPPED);
	assert_int_equal(map_id_range_down(&initial, 0, 4294967295u), 0);
	assert_int_equal(map_id_range_down(&initial, 1, 4294967295u), UNMAPPED);
}

/* Extents that touch: one past the last id of one extent is the first id of the next. */
static void test_adjacent_extents(void **state)
{
	(void)state;
	const struct id_map_extent extents[] = {
		{ 20, 0, 10 }, { 0, 100, 10 }, { 10, 50, 10 },
	};
	struct id_map map;

	build_map(&map, extents, 3);
	assert_int_equal(map_id_down(&map, 9), 109);
	assert_int_equal(map_id_down(&map, 10), 50);
	assert_int_equal(map_id_down(&map, 19), 59);
	assert_int_equal(map_id_down(&map, 20), 0);
	assert_int_equal(map_id_down(&map, 29), 9);
	assert_int_equal(map_id_down(&map, 30), UNMAPPED);
	assert_int_equal(map_id_up(&map, 9), 29);
	assert_int_equal(map_id_up(&map, 10), UNMAPPED);
	assert_int_equal(map_id_up(&map, 59), 19);
	assert_int_equal(map_id_up(&map, 100), 0);
	/* R2.1, R2.4: two touching extents together do not map a range across them. */
	assert_int_equal(map_id_range_down(&map, 0, 10), 100);
	assert_int_equal(map_id_range_down(&map, 5, 10), UNMAPPED);
	assert_int_equal(map_id_range_down(&map, 9, 2), UNMAPPED);
	free_map(&map);
}

static void test_ids_near_the_top(void **state)
{
	(void)state;
	/* The highest ids an extent may hold: 4294967294 on either side (R3.9). */
	const struct id_map_extent extents[] = {
		{ 4294967290u, 0, 5 }, { 0, 4294967290u, 5 },
	};
	struct id_map map;

	build_map(&map, extents, 2);
	assert_int_equal(map_id_down(&map, 4294967290u), 0);
	assert_int_equal(map_id_down(&map, 4294967294u), 4);
	assert_int_equal(map_id_down(&map, 4294967295u), UNMAPPED);
	assert_int_equal(map_id_down(&map, 4), 4294967294u);
	assert_int_equal(map_id_up(&map, 4294967294u), 4);
	assert_int_equal(map_id_up(&map, 4294967295u), UNMAPPED);
	assert_int_equal(map_id_up(&map, 4), 4294967294u);
	/* id + count - 1 wraps past 4294967295 to a small number: never one extent. */
	assert_int_equal(map_id_range_down(&map, 4294967294u, 3), UNMAPPED);
	assert_int_equal(map_id_range_down(&map, 4294967290u, 5), 0);
	assert_int_equal(map_id_range_down(&map, 4294967290u, 6), UNMAPPED);
	free_map(&map);
}

/*
 * R3.15: single-threaded, the contract a reader relies on: before install every lookup says
 * unmapped (count 0), after it every extent is there; a second install is refused.
 */
static void test_install_publishes_whole_map(void **state)
{
	(void)state;
	struct id_map namespace_map = { 0 };
	struct id_map built;
	struct id_map other;

	assert_int_equal(parse_text("0 1000 10\n10 5000 10\n", &built, NULL), 0);
	assert_int_equal(map_id_down(&namespace_map, 0), UNMAPPED);
	assert_int_equal(map_id_down(&namespace_map, 10), UNMAPPED);

	assert_int_equal(id_map_install(&namespace_map, &built), 0);
	assert_int_equal(__atomic_load_n(&namespace_map.extent_count, __ATOMIC_ACQUIRE), 2);
	assert_ptr_equal(namespace_map.table, built.table);
	assert_int_equal(map_id_down(&namespace_map, 0), 1000);
	assert_int_equal(map_id_down(&namespace_map, 19), 5009);
	assert_int_equal(map_id_up(&namespace_map, 5000), 10);

	/* R3.6: written once; the installed map stays as it was. */
	assert_int_equal(parse_text("0 0 1", &other, NULL), 0);
	assert_int_equal(id_map_install(&namespace_map, &other), -EPERM);
	assert_ptr_equal(namespace_map.table, built.table);
	assert_int_equal(map_id_down(&namespace_map, 0), 1000);
	free_map(&other);
	free_map(&namespace_map);
}

static void test_install_refuses_empty_map(void **state)
{
	(void)state;
	struct id_map namespace_map = { 0 };
	struct id_map nothing = { 0 };

	assert_int_equal(id_map_install(&namespace_map, &nothing), -EINVAL);
	assert_int_equal(namespace_map.extent_count, 0);
	assert_null(namespace_map.table);
}

/* Read back every line of a map and compare with what Linux printed. */
static void check_read_back(const struct id_map *map, const char *expected)
{
	char text[ID_MAP_EXTENTS_MAX * ID_MAP_LINE_SIZE];
	size_t length = 0;
	const struct id_map_extent *extent;

	for (uint32_t position = 0; (extent = id_map_read_back(map, position)); position++)
		length += (size_t)id_map_format_line(text + length, sizeof(text) - length, extent,
						     extent->lower_first);
	assert_string_equal(text, expected);
}

/* Obs 3d, R1.5: six lines read back sorted by first, five in the order written. */
static void test_read_back_order_5_and_6_extents(void **state)
{
	(void)state;
	struct id_map six;
	struct id_map five;

	assert_int_equal(parse_text("50 500 5\n10 100 5\n40 400 5\n20 200 5\n60 600 5\n30 300 5\n",
				    &six, NULL), 0);
	check_read_back(&six,
			"        10        100          5\n"
			"        20        200          5\n"
			"        30        300          5\n"
			"        40        400          5\n"
			"        50        500          5\n"
			"        60        600          5\n");
	assert_int_equal(parse_text("50 500 5\n10 100 5\n40 400 5\n20 200 5\n60 600 5\n",
				    &five, NULL), 0);
	check_read_back(&five,
			"        50        500          5\n"
			"        10        100          5\n"
			"        40        400          5\n"
			"        20        200          5\n"
			"        60        600          5\n");
	free_map(&six);
	free_map(&five);
}

static void test_read_back_order_1_64_and_340_extents(void **state)
{
	(void)state;
	const uint32_t counts[] = { 1, 64, ID_MAP_EXTENTS_MAX };

	for (size_t c = 0; c < ARRAY_SIZE(counts); c++) {
		struct id_map map;
		uint32_t position;

		build_gapped_map(&map, counts[c]);
		for (position = 0; position < counts[c]; position++) {
			const struct id_map_extent *extent = id_map_read_back(&map, position);

			assert_non_null(extent);
			assert_int_equal(extent->first, gapped_extent(position, counts[c]).first);
		}
		assert_null(id_map_read_back(&map, position));
		free_map(&map);
	}
}

/* R2.6: "%10u %10u %10u\n"; the widest line, 4294967295 three times, fills ID_MAP_LINE_SIZE. */
static void test_format_line(void **state)
{
	(void)state;
	char line[ID_MAP_LINE_SIZE];
	const struct id_map_extent widest = { 4294967295u, 0, 4294967295u };
	const struct id_map_extent small = { 0, 100010, 5 };

	assert_int_equal(id_map_format_line(line, sizeof(line), &widest, 4294967295u), 33);
	assert_string_equal(line, "4294967295 4294967295 4294967295\n");
	assert_int_equal(id_map_format_line(line, sizeof(line), &small, 100010), 33);
	assert_string_equal(line, "         0     100010          5\n");
	/* The middle field is what the caller passes: the opener's view (Obs 3e). */
	id_map_format_line(line, sizeof(line), &small, 10);
	assert_string_equal(line, "         0         10          5\n");
}

/* Parse child_text, then translate it through parent; returns what translate returns. */
static int parse_and_translate(const char *child_text, const struct id_map *parent,
			       struct id_map *child, struct userns_refusal *refusal)
{
	assert_int_equal(parse_text(child_text, child, NULL), 0);
	return id_map_translate_lower(child, parent, refusal);
}

/* Obs 3e: A = "0 100000 1000" below the initial namespace, B inside A. */
static void test_translate_nested_maps(void **state)
{
	(void)state;
	struct id_map initial = ID_MAP_INITIAL;
	struct id_map a;
	struct id_map b;
	struct userns_refusal refusal = { 0 };

	assert_int_equal(parse_and_translate("0 100000 1000", &initial, &a, NULL), 0);
	assert_int_equal(a.table->extents[0].lower_first, 100000);

	assert_int_equal(parse_and_translate("0 10 5", &a, &b, NULL), 0);
	assert_int_equal(b.table->extents[0].lower_first, 100010);	/* a kernel id now (R1.4) */
	/* R2.3: one hop from B's ids to kernel ids and back, no walk through A. */
	assert_int_equal(map_id_down(&b, 0), 100010);
	assert_int_equal(map_id_down(&b, 4), 100014);
	assert_int_equal(map_id_down(&b, 5), UNMAPPED);
	assert_int_equal(map_id_up(&b, 100012), 2);
	assert_int_equal(map_id_up(&b, 10), UNMAPPED);
	/* What A sees of B's lower id, R2.7: from A's map, 100010 is 10. */
	assert_int_equal(map_id_up(&a, b.table->extents[0].lower_first), 10);
	free_map(&b);

	assert_int_equal(parse_and_translate("0 1000 1", &a, &b, &refusal), -EPERM);
	assert_int_equal(refusal.rule, RULE_R3_14_NOT_IN_PARENT);
	assert_non_null(refusal.reason);
	free_map(&b);
	assert_int_equal(parse_and_translate("0 999 2", &a, &b, &refusal), -EPERM);
	free_map(&b);
	free_map(&a);
}

/* Obs 3f, R2.4: a lower range across two touching parent extents is refused. */
static void test_translate_whole_range_in_one_parent_extent(void **state)
{
	(void)state;
	struct id_map initial = ID_MAP_INITIAL;
	struct id_map parent;
	struct id_map child;

	assert_int_equal(parse_and_translate("0 100000 5\n5 100005 5", &initial, &parent, NULL),
			 0);
	assert_int_equal(parse_and_translate("0 3 4", &parent, &child, NULL), -EPERM);
	free_map(&child);
	assert_int_equal(parse_and_translate("0 3 2\n2 5 2", &parent, &child, NULL), 0);
	assert_int_equal(map_id_down(&child, 1), 100004);
	assert_int_equal(map_id_down(&child, 2), 100005);
	free_map(&child);
	free_map(&parent);
}

/* A refused translation leaves every extent as parsed, including those before the bad one. */
static void test_translate_refused_leaves_map_unchanged(void **state)
{
	(void)state;
	struct id_map parent;
	struct id_map child;
	const struct id_map_extent parent_extents[] = { { 0, 100000, 10 } };

	build_map(&parent, parent_extents, 1);
	assert_int_equal(parse_and_translate("0 0 5\n5 8 5", &parent, &child, NULL), -EPERM);
	assert_int_equal(child.table->extents[0].lower_first, 0);
	assert_int_equal(child.table->extents[1].lower_first, 8);
	free_map(&child);
	free_map(&parent);
}

/* Translation can change the order of lower ids; going up must still find every extent. */
static void test_translate_resorts_lower_order(void **state)
{
	(void)state;
	struct id_map parent;
	struct id_map child;
	/* Parent ids 0..9 are kernel 200..209, parent ids 10..19 are kernel 100..109. */
	const struct id_map_extent parent_extents[] = { { 0, 200, 10 }, { 10, 100, 10 } };

	build_map(&parent, parent_extents, 2);
	assert_int_equal(parse_and_translate("0 0 10\n10 10 10", &parent, &child, NULL), 0);
	assert_int_equal(map_id_up(&child, 100), 10);
	assert_int_equal(map_id_up(&child, 109), 19);
	assert_int_equal(map_id_up(&child, 200), 0);
	assert_int_equal(map_id_up(&child, 150), UNMAPPED);
	free_map(&child);
	free_map(&parent);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lookups_1_extent),
		cmocka_unit_test(test_lookups_5_extents),
		cmocka_unit_test(test_lookups_6_extents),
		cmocka_unit_test(test_lookups_64_extents),
		cmocka_unit_test(test_lookups_340_extents),
		cmocka_unit_test(test_empty_map_maps_nothing),
		cmocka_unit_test(test_initial_map_is_identity),
		cmocka_unit_test(test_adjacent_extents),
		cmocka_unit_test(test_ids_near_the_top),
		cmocka_unit_test(test_install_publishes_whole_map),
		cmocka_unit_test(test_install_refuses_empty_map),
		cmocka_unit_test(test_read_back_order_5_and_6_extents),
		cmocka_unit_test(test_read_back_order_1_64_and_340_extents),
		cmocka_unit_test(test_format_line),
		cmocka_unit_test(test_translate_nested_maps),
		cmocka_unit_test(test_translate_whole_range_in_one_parent_extent),
		cmocka_unit_test(test_translate_refused_leaves_map_unchanged),
		cmocka_unit_test(test_translate_resorts_lower_order),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
