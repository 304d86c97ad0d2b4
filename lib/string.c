/*
 * Memory and string functions for the kernel. The string functions are plain
 * byte loops; the three that move memory go 8 bytes at a time (see below).
 */
#include <kuid/string.h>

#include <limits.h>
#include <uapi/errno.h>

/*
 * Why words. Under QEMU's TCG every guest instruction costs, and a byte loop
 * spends five instructions per byte: zeroing or copying one 4 KiB page took
 * some 20 000 of them. execve, fork's copy-on-write faults and every fresh
 * page go through here, and with byte loops execve spent most of its time
 * in memcpy and memset (docs/benchmarks.md). Moving 8 bytes per step makes
 * them about 8 times cheaper; the last 0 to 7 bytes still go one by one.
 *
 * A word is read and written through __builtin_memcpy of 8 bytes, which gcc
 * turns into a single load or store (even with -fno-builtin, which only
 * concerns the plain names). x86_64 allows unaligned words, and C's rules
 * on alignment and aliasing stay satisfied, so the host tests' sanitizers
 * agree too.
 */
#define WORD_BYTES sizeof(uint64_t)

static inline uint64_t load_word(const unsigned char *from)
{
	uint64_t word;

	__builtin_memcpy(&word, from, WORD_BYTES);
	return word;
}

static inline void store_word(unsigned char *to, uint64_t word)
{
	__builtin_memcpy(to, &word, WORD_BYTES);
}

/* Copies from the first byte to the last, a word at a time while a word is left. */
static void copy_forward(unsigned char *to, const unsigned char *from, size_t length)
{
	for (; length >= WORD_BYTES; length -= WORD_BYTES) {
		store_word(to, load_word(from));
		to += WORD_BYTES;
		from += WORD_BYTES;
	}
	while (length--)
		*to++ = *from++;
}

void *memcpy(void *restrict destination, const void *restrict source, size_t length)
{
	copy_forward(destination, source, length);
	return destination;
}

void *memmove(void *destination, const void *source, size_t length)
{
	unsigned char *to = destination;
	const unsigned char *from = source;

	/*
	 * When the destination starts inside the source, a forward copy would
	 * overwrite bytes before reading them: copy from the end instead. Each
	 * word is loaded whole before it is stored, so overlap within a word
	 * is harmless either way.
	 */
	if (to > from && to < from + length) {
		for (; length >= WORD_BYTES; length -= WORD_BYTES)
			store_word(to + length - WORD_BYTES, load_word(from + length - WORD_BYTES));
		while (length--)
			to[length] = from[length];
	} else {
		copy_forward(to, from, length);
	}
	return destination;
}

void *memset(void *destination, int byte, size_t length)
{
	unsigned char *to = destination;
	/* The byte in each of the 8 bytes of a word: 0x01 times the byte, 8 times over. */
	uint64_t word = (unsigned char)byte * 0x0101010101010101ull;

	for (; length >= WORD_BYTES; length -= WORD_BYTES) {
		store_word(to, word);
		to += WORD_BYTES;
	}
	while (length--)
		*to++ = (unsigned char)byte;
	return destination;
}

/* Bytes compare as unsigned char, as the C standard requires. */
int memcmp(const void *left, const void *right, size_t length)
{
	const unsigned char *a = left;
	const unsigned char *b = right;

	for (size_t i = 0; i < length; i++) {
		if (a[i] != b[i])
			return a[i] < b[i] ? -1 : 1;
	}
	return 0;
}

size_t strlen(const char *string)
{
	size_t length = 0;

	while (string[length] != '\0')
		length++;
	return length;
}

/* Never reads past string[max_length - 1], so it is safe on unterminated buffers. */
size_t strnlen(const char *string, size_t max_length)
{
	size_t length = 0;

	while (length < max_length && string[length] != '\0')
		length++;
	return length;
}

int strcmp(const char *left, const char *right)
{
	return strncmp(left, right, SIZE_MAX);
}

int strncmp(const char *left, const char *right, size_t max_length)
{
	const unsigned char *a = (const unsigned char *)left;
	const unsigned char *b = (const unsigned char *)right;

	for (size_t i = 0; i < max_length; i++) {
		if (a[i] != b[i])
			return a[i] < b[i] ? -1 : 1;
		if (a[i] == '\0')
			break;
	}
	return 0;
}

/* The terminating NUL counts as part of the string: strchr(s, '\0') finds it. */
char *strchr(const char *string, int character)
{
	for (;; string++) {
		if (*string == (char)character)
			return (char *)string;
		if (*string == '\0')
			return NULL;
	}
}

char *strrchr(const char *string, int character)
{
	const char *last = NULL;

	for (;; string++) {
		if (*string == (char)character)
			last = string;
		if (*string == '\0')
			return (char *)last;
	}
}

size_t string_copy(char *destination, const char *source, size_t size)
{
	size_t source_length = strlen(source);

	if (size > 0) {
		size_t copied = source_length < size ? source_length : size - 1;

		memcpy(destination, source, copied);
		destination[copied] = '\0';
	}
	return source_length;
}

/* The value of a digit in bases up to 36, or 36 for a character that is no digit. */
static unsigned digit_value(char character)
{
	if (character >= '0' && character <= '9')
		return (unsigned)(character - '0');
	if (character >= 'a' && character <= 'z')
		return (unsigned)(character - 'a') + 10;
	if (character >= 'A' && character <= 'Z')
		return (unsigned)(character - 'A') + 10;
	return 36;
}

/*
 * A "0x" counts as a prefix only if a hexadecimal digit follows, so that "0x"
 * alone or "0xyz" parse as the number 0 followed by text, as strtoul does.
 */
static bool has_hex_prefix(const char *text)
{
	return text[0] == '0' && (text[1] == 'x' || text[1] == 'X') && digit_value(text[2]) < 16;
}

int parse_unsigned(const char *text, unsigned base, unsigned long *value, const char **end)
{
	const char *cursor = text;
	unsigned long number = 0;

	if (base == 0)
		base = has_hex_prefix(text) ? 16 : 10;
	if (base < 2 || base > 36)
		return -EINVAL;
	if (base == 16 && has_hex_prefix(text))
		cursor += 2;
	if (digit_value(*cursor) >= base)
		return -EINVAL;

	for (; digit_value(*cursor) < base; cursor++) {
		unsigned digit = digit_value(*cursor);

		/* Checked before multiplying, because unsigned overflow wraps silently. */
		if (number > (ULONG_MAX - digit) / base)
			return -ERANGE;
		number = number * base + digit;
	}

	if (end != NULL)
		*end = cursor;
	else if (*cursor != '\0')
		return -EINVAL;
	*value = number;
	return 0;
}
