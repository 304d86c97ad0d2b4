/*
 * Unit tests for include/kuid/list.h: insertion order, removal anywhere,
 * both loops, and that the links stay consistent in both directions.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include <kuid/list.h>

/* The node is deliberately not the first member, so container_of must do real work. */
struct item {
	int value;
	struct list_node node;
	char padding;
};

/*
 * Check that the list holds exactly the expected values, walking forwards with
 * list_for_each_entry and backwards through the prev links.
 */
static void expect_values(const struct list_node *head, const int *expected, size_t count)
{
	struct item *item;
	size_t index = 0;
	const struct list_node *node;

	list_for_each_entry(item, head, node) {
		assert_true(index < count);
		assert_int_equal(item->value, expected[index]);
		index++;
	}
	assert_int_equal(index, count);

	for (node = head->prev; node != head; node = node->prev) {
		assert_true(index > 0);
		index--;
		assert_int_equal(list_entry(node, struct item, node)->value, expected[index]);
		assert_ptr_equal(node->next->prev, node);
	}
	assert_int_equal(index, 0);
	assert_int_equal(list_empty(head), count == 0);
}

static void test_new_lists_are_empty(void **state)
{
	(void)state;
	static struct list_node static_head = LIST_INIT(static_head);
	struct list_node head;

	list_init(&head);
	assert_true(list_empty(&head));
	assert_true(list_empty(&static_head));
	expect_values(&head, NULL, 0);
}

static void test_add_puts_at_front_and_add_tail_at_back(void **state)
{
	(void)state;
	struct list_node head;
	struct item items[4] = { { .value = 1 }, { .value = 2 }, { .value = 3 }, { .value = 4 } };

	list_init(&head);
	list_add_tail(&head, &items[1].node);
	list_add(&head, &items[0].node);
	list_add_tail(&head, &items[2].node);
	list_add_tail(&head, &items[3].node);
	expect_values(&head, (const int[]){ 1, 2, 3, 4 }, 4);
	assert_ptr_equal(list_first_entry(&head, struct item, node), &items[0]);
}

static void test_remove_anywhere(void **state)
{
	(void)state;
	struct list_node head;
	struct item items[4] = { { .value = 1 }, { .value = 2 }, { .value = 3 }, { .value = 4 } };

	list_init(&head);
	for (size_t i = 0; i < 4; i++)
		list_add_tail(&head, &items[i].node);

	list_remove(&items[1].node);
	expect_values(&head, (const int[]){ 1, 3, 4 }, 3);
	list_remove(&items[0].node);
	expect_values(&head, (const int[]){ 3, 4 }, 2);
	assert_ptr_equal(list_first_entry(&head, struct item, node), &items[2]);
	list_remove(&items[3].node);
	expect_values(&head, (const int[]){ 3 }, 1);
	list_remove(&items[2].node);
	expect_values(&head, NULL, 0);
}

static void test_removed_node_is_in_no_list(void **state)
{
	(void)state;
	struct list_node head;
	struct item first = { .value = 1 };
	struct item second = { .value = 2 };

	list_init(&head);
	list_add_tail(&head, &first.node);
	list_add_tail(&head, &second.node);
	list_remove(&first.node);
	assert_true(list_empty(&first.node));

	/* A second removal must not disturb the list the node has left. */
	list_remove(&first.node);
	expect_values(&head, (const int[]){ 2 }, 1);

	/* A removed node can join a list again. */
	list_add(&head, &first.node);
	expect_values(&head, (const int[]){ 1, 2 }, 2);
}

static void test_loop_over_empty_list_runs_no_body(void **state)
{
	(void)state;
	struct list_node head;
	struct item *item;
	struct item *next;
	int bodies = 0;

	list_init(&head);
	list_for_each_entry(item, &head, node)
		bodies++;
	list_for_each_entry_safe(item, next, &head, node)
		bodies++;
	assert_int_equal(bodies, 0);
}

static struct item *new_item(int value)
{
	struct item *item = malloc(sizeof(*item));

	assert_non_null(item);
	item->value = value;
	return item;
}

/*
 * The safe loop must allow freeing the current entry: AddressSanitizer would
 * report the loop reading a freed node.
 */
static void test_safe_loop_can_free_every_entry(void **state)
{
	(void)state;
	struct list_node head;
	struct item *item;
	struct item *next;
	int visited = 0;

	list_init(&head);
	for (int value = 1; value <= 5; value++)
		list_add_tail(&head, &new_item(value)->node);

	list_for_each_entry_safe(item, next, &head, node) {
		visited++;
		assert_int_equal(item->value, visited);
		list_remove(&item->node);
		free(item);
	}
	assert_int_equal(visited, 5);
	assert_true(list_empty(&head));
}

static void test_safe_loop_can_free_some_entries(void **state)
{
	(void)state;
	struct list_node head;
	struct item *item;
	struct item *next;

	list_init(&head);
	for (int value = 1; value <= 6; value++)
		list_add_tail(&head, &new_item(value)->node);

	list_for_each_entry_safe(item, next, &head, node) {
		if (item->value % 2 == 0) {
			list_remove(&item->node);
			free(item);
		}
	}
	expect_values(&head, (const int[]){ 1, 3, 5 }, 3);

	list_for_each_entry_safe(item, next, &head, node) {
		list_remove(&item->node);
		free(item);
	}
	assert_true(list_empty(&head));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_lists_are_empty),
		cmocka_unit_test(test_add_puts_at_front_and_add_tail_at_back),
		cmocka_unit_test(test_remove_anywhere),
		cmocka_unit_test(test_removed_node_is_in_no_list),
		cmocka_unit_test(test_loop_over_empty_list_runs_no_body),
		cmocka_unit_test(test_safe_loop_can_free_every_entry),
		cmocka_unit_test(test_safe_loop_can_free_some_entries),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
