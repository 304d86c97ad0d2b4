/*
 * Unit tests for lib/bitmap.c: the word boundaries (bits 63, 64, 65), ranges
 * that cross words, and a long random run checked against an array of bools.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <kuid/bitmap.h>
#include <kuid/string.h>

#define TEST_BITS 192 /* three words */

static void test_words_needed(void **state)
{
	(void)state;

	assert_int_equal(BITMAP_BITS_PER_WORD, 64);
	assert_int_equal(BITMAP_WORDS(0), 0);
	assert_int_equal(BITMAP_WORDS(1), 1);
	assert_int_equal(BITMAP_WORDS(64), 1);
	assert_int_equal(BITMAP_WORDS(65), 2);
	assert_int_equal(BITMAP_WORDS(TEST_BITS), 3);
}

static void test_single_bits_at_word_boundaries(void **state)
{
	(void)state;
	unsigned long bitmap[BITMAP_WORDS(TEST_BITS)] = { 0 };

	bitmap_set(bitmap, 0);
	bitmap_set(bitmap, 63);
	bitmap_set(bitmap, 64);
	bitmap_set(bitmap, 65);
	bitmap_set(bitmap, 191);
	assert_true(bitmap[0] == (1UL | 1UL << 63));
	assert_true(bitmap[1] == 3UL);
	assert_true(bitmap[2] == 1UL << 63);

	assert_true(bitmap_test(bitmap, 63));
	assert_true(bitmap_test(bitmap, 64));
	assert_true(bitmap_test(bitmap, 65));
	assert_false(bitmap_test(bitmap, 62));
	assert_false(bitmap_test(bitmap, 66));
	assert_false(bitmap_test(bitmap, 190));

	bitmap_clear(bitmap, 64);
	assert_true(bitmap[1] == 2UL);
	assert_true(bitmap_test(bitmap, 63));
	assert_true(bitmap_test(bitmap, 65));

	/* Setting a set bit or clearing a clear one changes nothing. */
	bitmap_set(bitmap, 0);
	bitmap_clear(bitmap, 64);
	assert_true(bitmap[0] == (1UL | 1UL << 63));
	assert_true(bitmap[1] == 2UL);
}

static void test_set_range_within_one_word(void **state)
{
	(void)state;
	unsigned long bitmap[BITMAP_WORDS(TEST_BITS)] = { 0 };

	bitmap_set_range(bitmap, 4, 3);
	assert_true(bitmap[0] == 0x70UL);
	assert_true(bitmap[1] == 0);

	bitmap_set_range(bitmap, 100, 0);
	assert_true(bitmap[1] == 0);
}

static void test_set_range_crossing_words(void **state)
{
	(void)state;
	unsigned long bitmap[BITMAP_WORDS(TEST_BITS)] = { 0 };

	bitmap_set_range(bitmap, 63, 2);
	assert_true(bitmap[0] == 1UL << 63);
	assert_true(bitmap[1] == 1UL);

	memset(bitmap, 0, sizeof(bitmap));
	bitmap_set_range(bitmap, 10, 150);
	assert_true(bitmap[0] == ~0UL << 10);
	assert_true(bitmap[1] == ~0UL);
	assert_true(bitmap[2] == (1UL << 32) - 1);
}

static void test_set_range_exact_words(void **state)
{
	(void)state;
	unsigned long bitmap[BITMAP_WORDS(TEST_BITS)] = { 0 };

	bitmap_set_range(bitmap, 64, 64);
	assert_true(bitmap[0] == 0);
	assert_true(bitmap[1] == ~0UL);
	assert_true(bitmap[2] == 0);

	bitmap_set_range(bitmap, 0, TEST_BITS);
	assert_true(bitmap[0] == ~0UL && bitmap[1] == ~0UL && bitmap[2] == ~0UL);
}

static void test_clear_range(void **state)
{
	(void)state;
	unsigned long bitmap[BITMAP_WORDS(TEST_BITS)];

	memset(bitmap, 0xff, sizeof(bitmap));
	bitmap_clear_range(bitmap, 60, 70);
	assert_true(bitmap[0] == (1UL << 60) - 1);
	assert_true(bitmap[1] == 0);
	assert_true(bitmap[2] == ~0UL << 2);

	bitmap_clear_range(bitmap, 128, 64);
	assert_true(bitmap[2] == 0);
	bitmap_clear_range(bitmap, 0, 0);
	assert_true(bitmap[0] == (1UL << 60) - 1);
}

static void test_find_first_zero(void **state)
{
	(void)state;
	unsigned long bitmap[BITMAP_WORDS(TEST_BITS)] = { 0 };

	assert_int_equal(bitmap_find_first_zero(bitmap, TEST_BITS), 0);
	bitmap_set_range(bitmap, 0, 64);
	assert_int_equal(bitmap_find_first_zero(bitmap, TEST_BITS), 64);
	bitmap_set(bitmap, 64);
	assert_int_equal(bitmap_find_first_zero(bitmap, TEST_BITS), 65);
	bitmap_set_range(bitmap, 0, TEST_BITS);
	assert_int_equal(bitmap_find_first_zero(bitmap, TEST_BITS), TEST_BITS);
	assert_int_equal(bitmap_find_first_zero(bitmap, 0), 0);
}

static void test_find_next_zero_from_start(void **state)
{
	(void)state;
	unsigned long bitmap[BITMAP_WORDS(TEST_BITS)] = { 0 };

	bitmap_set_range(bitmap, 0, 130);
	bitmap_set(bitmap, 131);
	assert_int_equal(bitmap_find_next_zero(bitmap, TEST_BITS, 0), 130);
	assert_int_equal(bitmap_find_next_zero(bitmap, TEST_BITS, 130), 130);
	assert_int_equal(bitmap_find_next_zero(bitmap, TEST_BITS, 131), 132);
	assert_int_equal(bitmap_find_next_zero(bitmap, TEST_BITS, 191), 191);
	/* A start at or past the end finds nothing. */
	assert_int_equal(bitmap_find_next_zero(bitmap, TEST_BITS, TEST_BITS), TEST_BITS);
	assert_int_equal(bitmap_find_next_zero(bitmap, TEST_BITS, 1000), TEST_BITS);
}

static void test_find_next_set_from_start(void **state)
{
	(void)state;
	unsigned long bitmap[BITMAP_WORDS(TEST_BITS)] = { 0 };

	assert_int_equal(bitmap_find_next_set(bitmap, TEST_BITS, 0), TEST_BITS);
	bitmap_set(bitmap, 63);
	bitmap_set(bitmap, 65);
	assert_int_equal(bitmap_find_next_set(bitmap, TEST_BITS, 0), 63);
	assert_int_equal(bitmap_find_next_set(bitmap, TEST_BITS, 63), 63);
	assert_int_equal(bitmap_find_next_set(bitmap, TEST_BITS, 64), 65);
	assert_int_equal(bitmap_find_next_set(bitmap, TEST_BITS, 66), TEST_BITS);
	assert_int_equal(bitmap_find_next_set(bitmap, 64, 0), 63);
	assert_int_equal(bitmap_find_next_set(bitmap, 64, 64), 64);
}

/*
 * A bitmap of 70 bits has 58 unused bits in its second word. Whatever they
 * hold, searches and counts must end at bit 70.
 */
static void test_bits_past_the_end_are_ignored(void **state)
{
	(void)state;
	unsigned long bitmap[BITMAP_WORDS(70)] = { 0 };

	bitmap[1] = ~0UL << 6; /* bits 70 to 127 set: outside the bitmap */
	assert_int_equal(bitmap_find_next_set(bitmap, 70, 0), 70);
	assert_int_equal(bitmap_find_next_set(bitmap, 70, 69), 70);
	assert_int_equal(bitmap_count_set(bitmap, 70), 0);
	bitmap[1] = 1UL << 40; /* bit 104 only */
	assert_int_equal(bitmap_find_next_set(bitmap, 70, 0), 70);
	assert_int_equal(bitmap_find_next_set(bitmap, 70, 66), 70);

	bitmap[0] = ~0UL;
	bitmap[1] = (1UL << 6) - 1; /* bits 0 to 69 set, 70 to 127 clear */
	assert_int_equal(bitmap_find_first_zero(bitmap, 70), 70);
	assert_int_equal(bitmap_find_next_zero(bitmap, 70, 65), 70);
	bitmap[1] = ~(1UL << 40); /* every bit but 104 */
	assert_int_equal(bitmap_find_first_zero(bitmap, 70), 70);
	assert_int_equal(bitmap_count_set(bitmap, 70), 70);
	assert_int_equal(bitmap_count_set(bitmap, 64), 64);
	assert_int_equal(bitmap_count_set(bitmap, 65), 65);
}

static void test_count_set(void **state)
{
	(void)state;
	unsigned long bitmap[BITMAP_WORDS(TEST_BITS)] = { 0 };

	assert_int_equal(bitmap_count_set(bitmap, TEST_BITS), 0);
	bitmap_set_range(bitmap, 60, 10);
	bitmap_set(bitmap, 191);
	assert_int_equal(bitmap_count_set(bitmap, TEST_BITS), 11);
	assert_int_equal(bitmap_count_set(bitmap, 64), 4);
	assert_int_equal(bitmap_count_set(bitmap, 0), 0);
	bitmap_set_range(bitmap, 0, TEST_BITS);
	assert_int_equal(bitmap_count_set(bitmap, TEST_BITS), TEST_BITS);
}

/* A fixed-seed generator, so that a failure can be replayed exactly. */
static uint64_t random_state = 0x2545f4914f6cdd1dULL;

static size_t random_below(size_t limit)
{
	random_state ^= random_state << 13;
	random_state ^= random_state >> 7;
	random_state ^= random_state << 17;
	return (size_t)(random_state % limit);
}

#define MODEL_BITS 200 /* not a multiple of the word size */

static size_t model_find(const bool *model, size_t start, bool wanted)
{
	for (size_t bit = start; bit < MODEL_BITS; bit++) {
		if (model[bit] == wanted)
			return bit;
	}
	return MODEL_BITS;
}

static void test_random_operations_match_a_model(void **state)
{
	(void)state;
	unsigned long bitmap[BITMAP_WORDS(MODEL_BITS)] = { 0 };
	bool model[MODEL_BITS] = { false };

	for (int round = 0; round < 3000; round++) {
		size_t start = random_below(MODEL_BITS);
		size_t count = random_below(MODEL_BITS - start + 1);
		size_t expected_count = 0;

		switch (random_below(4)) {
		case 0:
			bitmap_set(bitmap, start);
			model[start] = true;
			break;
		case 1:
			bitmap_clear(bitmap, start);
			model[start] = false;
			break;
		case 2:
			bitmap_set_range(bitmap, start, count);
			for (size_t bit = start; bit < start + count; bit++)
				model[bit] = true;
			break;
		default:
			bitmap_clear_range(bitmap, start, count);
			for (size_t bit = start; bit < start + count; bit++)
				model[bit] = false;
			break;
		}

		for (size_t bit = 0; bit < MODEL_BITS; bit++) {
			assert_int_equal(bitmap_test(bitmap, bit), model[bit]);
			expected_count += model[bit];
		}
		assert_int_equal(bitmap_count_set(bitmap, MODEL_BITS), expected_count);
		start = random_below(MODEL_BITS + 1);
		assert_int_equal(bitmap_find_next_zero(bitmap, MODEL_BITS, start),
				 model_find(model, start, false));
		assert_int_equal(bitmap_find_next_set(bitmap, MODEL_BITS, start),
				 model_find(model, start, true));
		assert_int_equal(bitmap_find_first_zero(bitmap, MODEL_BITS),
				 model_find(model, 0, false));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words_needed),
		cmocka_unit_test(test_single_bits_at_word_boundaries),
		cmocka_unit_test(test_set_range_within_one_word),
		cmocka_unit_test(test_set_range_crossing_words),
		cmocka_unit_test(test_set_range_exact_words),
		cmocka_unit_test(test_clear_range),
		cmocka_unit_test(test_find_first_zero),
		cmocka_unit_test(test_find_next_zero_from_start),
		cmocka_unit_test(test_find_next_set_from_start),
		cmocka_unit_test(test_bits_past_the_end_are_ignored),
		cmocka_unit_test(test_count_set),
		cmocka_unit_test(test_random_operations_match_a_model),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
