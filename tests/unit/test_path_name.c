/*
 * Unit tests for kernel/fs/path_name.c: splitting a path into components,
 * recognising "." and "..", trailing slashes, and building a path from the
 * leaf upwards as getcwd does.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include <kuid/path_name.h>
#include <kuid/string.h>
#include <uapi/errno.h>

/* Split `path` and compare with the expected components, NULL-terminated. */
static void expect_components(const char *path, const char *const *expected)
{
	struct path_component component;
	const char *cursor = path;
	size_t index = 0;

	while (path_next_component(&cursor, &component)) {
		assert_non_null(expected[index]);
		assert_int_equal(component.length, strlen(expected[index]));
		assert_memory_equal(component.name, expected[index], component.length);
		index++;
	}
	assert_null(expected[index]);
	assert_true(path_rest_is_empty(cursor));
}

static void test_components_ignore_repeated_and_outer_slashes(void **state)
{
	(void)state;
	expect_components("a/b/c", (const char *const[]){ "a", "b", "c", NULL });
	expect_components("/a//b///c/", (const char *const[]){ "a", "b", "c", NULL });
	expect_components("///", (const char *const[]){ NULL });
	expect_components("", (const char *const[]){ NULL });
	expect_components("./../x", (const char *const[]){ ".", "..", "x", NULL });
	expect_components("...", (const char *const[]){ "...", NULL });
}

static void test_component_kinds(void **state)
{
	struct path_component dot = { ".", 1 }, dotdot = { "..", 2 }, dots = { "...", 3 };
	struct path_component hidden = { ".x", 2 }, prefix = { "..x", 2 };

	(void)state;
	assert_int_equal(path_component_kind(&dot), COMPONENT_DOT);
	assert_int_equal(path_component_kind(&dotdot), COMPONENT_DOTDOT);
	assert_int_equal(path_component_kind(&dots), COMPONENT_NORMAL);
	assert_int_equal(path_component_kind(&hidden), COMPONENT_NORMAL);
	/* Only `length` bytes count: "..x" cut to two bytes is "..". */
	assert_int_equal(path_component_kind(&prefix), COMPONENT_DOTDOT);
}

static void test_last_component_and_trailing_slash(void **state)
{
	struct path_component component;
	const char *cursor = "dir/file/";

	(void)state;
	assert_true(path_next_component(&cursor, &component));
	assert_false(path_rest_is_empty(cursor));
	assert_false(path_rest_is_trailing_slash(cursor));
	assert_true(path_next_component(&cursor, &component));
	assert_true(path_rest_is_empty(cursor));
	assert_true(path_rest_is_trailing_slash(cursor));

	cursor = "dir/file";
	assert_true(path_next_component(&cursor, &component));
	assert_true(path_next_component(&cursor, &component));
	assert_true(path_rest_is_empty(cursor));
	assert_false(path_rest_is_trailing_slash(cursor));
}

static void test_prepend_builds_from_the_leaf(void **state)
{
	char buffer[16];
	size_t start = sizeof(buffer) - 1;

	(void)state;
	buffer[start] = '\0';
	assert_int_equal(path_prepend_component(buffer, sizeof(buffer) - 1, &start, "c", 1), 0);
	assert_int_equal(path_prepend_component(buffer, sizeof(buffer) - 1, &start, "bb", 2), 0);
	assert_int_equal(path_prepend_component(buffer, sizeof(buffer) - 1, &start, "a", 1), 0);
	assert_string_equal(buffer + start, "/a/bb/c");
}

static void test_prepend_refuses_what_does_not_fit(void **state)
{
	char buffer[8];
	size_t start = sizeof(buffer) - 1;

	(void)state;
	buffer[start] = '\0';
	assert_int_equal(path_prepend_component(buffer, sizeof(buffer) - 1, &start, "abcde", 5),
			 0);
	assert_int_equal(start, 1);
	/* "/x" needs two bytes; one is left: refused, and nothing moves. */
	assert_int_equal(path_prepend_component(buffer, sizeof(buffer) - 1, &start, "x", 1),
			 -ERANGE);
	assert_int_equal(start, 1);
	assert_string_equal(buffer + start, "/abcde");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_components_ignore_repeated_and_outer_slashes),
		cmocka_unit_test(test_component_kinds),
		cmocka_unit_test(test_last_component_and_trailing_slash),
		cmocka_unit_test(test_prepend_builds_from_the_leaf),
		cmocka_unit_test(test_prepend_refuses_what_does_not_fit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
