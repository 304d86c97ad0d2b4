/*
 * Bitmaps: arrays of unsigned long words holding one bit per item, such as
 * one bit per physical page in the page allocator (1 means used).
 */
#ifndef KUID_BITMAP_H
#define KUID_BITMAP_H

#include <kuid/types.h>

#define BITMAP_BITS_PER_WORD (8 * sizeof(unsigned long))

/* How many words a bitmap of bit_count bits needs: unsigned long map[BITMAP_WORDS(n)]. */
#define BITMAP_WORDS(bit_count) (((bit_count) + BITMAP_BITS_PER_WORD - 1) / BITMAP_BITS_PER_WORD)

/*
 * Bit i lives in word i / BITMAP_BITS_PER_WORD, at position
 * i % BITMAP_BITS_PER_WORD counted from the least significant bit.
 * No function checks its bit numbers against the bitmap's size: callers do.
 */
void bitmap_set(unsigned long *bitmap, size_t bit);
void bitmap_clear(unsigned long *bitmap, size_t bit);
bool bitmap_test(const unsigned long *bitmap, size_t bit);

/* Set or clear the count bits from start on. */
void bitmap_set_range(unsigned long *bitmap, size_t start, size_t count);
void bitmap_clear_range(unsigned long *bitmap, size_t start, size_t count);

/*
 * Searches look at bits [start, bit_count) of a bitmap of bit_count bits, and
 * return the index of the first bit found, or bit_count if there is none.
 * Bits at bit_count and beyond, in the last word, are never looked at.
 */
size_t bitmap_find_next_zero(const unsigned long *bitmap, size_t bit_count, size_t start);
size_t bitmap_find_next_set(const unsigned long *bitmap, size_t bit_count, size_t start);
size_t bitmap_find_first_zero(const unsigned long *bitmap, size_t bit_count);

/* The number of set bits among the first bit_count. */
size_t bitmap_count_set(const unsigned long *bitmap, size_t bit_count);

#endif /* KUID_BITMAP_H */
