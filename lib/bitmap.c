/*
 * Bitmap operations. Ranges and searches work a whole word at a time, so
 * scanning the bitmap of a large memory stays fast in long runs of used pages.
 */
#include <kuid/bitmap.h>

static size_t word_index(size_t bit)
{
	return bit / BITMAP_BITS_PER_WORD;
}

static unsigned long bit_mask(size_t bit)
{
	return 1UL << (bit % BITMAP_BITS_PER_WORD);
}

void bitmap_set(unsigned long *bitmap, size_t bit)
{
	bitmap[word_index(bit)] |= bit_mask(bit);
}

void bitmap_clear(unsigned long *bitmap, size_t bit)
{
	bitmap[word_index(bit)] &= ~bit_mask(bit);
}

bool bitmap_test(const unsigned long *bitmap, size_t bit)
{
	return (bitmap[word_index(bit)] & bit_mask(bit)) != 0;
}

/*
 * Walk the range one word at a time: the first and last words may be covered
 * only in part, every word between them completely.
 */
static void change_range(unsigned long *bitmap, size_t start, size_t count, bool set)
{
	size_t bit = start;
	size_t end = start + count;

	while (bit < end) {
		size_t offset = bit % BITMAP_BITS_PER_WORD;
		size_t bits_in_word = MIN(BITMAP_BITS_PER_WORD - offset, end - bit);
		/* Shifting by the full width of a word is undefined in C: a special case. */
		unsigned long mask = bits_in_word == BITMAP_BITS_PER_WORD
					     ? ~0UL
					     : ((1UL << bits_in_word) - 1) << offset;

		if (set)
			bitmap[word_index(bit)] |= mask;
		else
			bitmap[word_index(bit)] &= ~mask;
		bit += bits_in_word;
	}
}

void bitmap_set_range(unsigned long *bitmap, size_t start, size_t count)
{
	change_range(bitmap, start, count, true);
}

void bitmap_clear_range(unsigned long *bitmap, size_t start, size_t count)
{
	change_range(bitmap, start, count, false);
}

/*
 * Find the first bit at or after start that is set (want_set) or clear.
 * Looking for a clear bit is looking for a set bit in the inverted word, so
 * one loop serves both searches.
 */
static size_t find_next(const unsigned long *bitmap, size_t bit_count, size_t start, bool want_set)
{
	size_t bit = start;

	while (bit < bit_count) {
		size_t word_start = bit - bit % BITMAP_BITS_PER_WORD;
		unsigned long word = bitmap[word_index(bit)];

		if (!want_set)
			word = ~word;
		/* Ignore the bits of this word that come before bit. */
		word &= ~0UL << (bit % BITMAP_BITS_PER_WORD);
		if (word != 0) {
			/* Counting the trailing zeros gives the position of the lowest set bit. */
			size_t found = word_start + (size_t)__builtin_ctzl(word);

			return found < bit_count ? found : bit_count;
		}
		bit = word_start + BITMAP_BITS_PER_WORD;
	}
	return bit_count;
}

size_t bitmap_find_next_zero(const unsigned long *bitmap, size_t bit_count, size_t start)
{
	return find_next(bitmap, bit_count, start, false);
}

size_t bitmap_find_next_set(const unsigned long *bitmap, size_t bit_count, size_t start)
{
	return find_next(bitmap, bit_count, start, true);
}

size_t bitmap_find_first_zero(const unsigned long *bitmap, size_t bit_count)
{
	return find_next(bitmap, bit_count, 0, false);
}

/* Each pass clears the lowest set bit, so the loop runs once per set bit. */
static size_t count_ones(unsigned long word)
{
	size_t count = 0;

	while (word != 0) {
		word &= word - 1;
		count++;
	}
	return count;
}

size_t bitmap_count_set(const unsigned long *bitmap, size_t bit_count)
{
	size_t full_words = bit_count / BITMAP_BITS_PER_WORD;
	size_t bits_in_last_word = bit_count % BITMAP_BITS_PER_WORD;
	size_t total = 0;

	for (size_t i = 0; i < full_words; i++)
		total += count_ones(bitmap[i]);
	if (bits_in_last_word != 0)
		total += count_ones(bitmap[full_words] & ((1UL << bits_in_last_word) - 1));
	return total;
}
