/*
 * Memory and string functions for a kernel that has no C library, plus a
 * bounded string copy and the number parser used for the kernel command line.
 */
#ifndef KUID_STRING_H
#define KUID_STRING_H

#include <kuid/types.h>

#ifdef KUID_HOSTED
/*
 * A host unit test links against the C library, which has functions with the
 * same names. Macros rename kuid's functions (memcpy becomes kuid_memcpy), so
 * the test runs kuid's code and the two never collide at link time.
 *
 * The C library's <string.h> is included here first, under the real names:
 * its include guard then turns any later #include <string.h> into nothing, so
 * the macros below cannot rewrite its declarations. Other system headers may
 * still use these names in inline code, so a unit test includes every system
 * header (and <cmocka.h>) first and the kuid headers after them.
 */
#include <string.h>

#undef memcpy
#undef memmove
#undef memset
#undef memcmp
#undef strlen
#undef strnlen
#undef strcmp
#undef strncmp
#undef strchr
#undef strrchr
#define memcpy kuid_memcpy
#define memmove kuid_memmove
#define memset kuid_memset
#define memcmp kuid_memcmp
#define strlen kuid_strlen
#define strnlen kuid_strnlen
#define strcmp kuid_strcmp
#define strncmp kuid_strncmp
#define strchr kuid_strchr
#define strrchr kuid_strrchr
#endif /* KUID_HOSTED */

/*
 * The four memory functions must keep exactly these names in the kernel:
 * gcc emits calls to them on its own, for example to copy a large struct.
 */
void *memcpy(void *restrict destination, const void *restrict source, size_t length);
void *memmove(void *destination, const void *source, size_t length);
void *memset(void *destination, int byte, size_t length);
int memcmp(const void *left, const void *right, size_t length);

size_t strlen(const char *string);
size_t strnlen(const char *string, size_t max_length);
int strcmp(const char *left, const char *right);
int strncmp(const char *left, const char *right, size_t max_length);
char *strchr(const char *string, int character);
char *strrchr(const char *string, int character);

/*
 * Copy source into a destination buffer of size bytes, with the semantics of
 * BSD strlcpy: at most size - 1 characters are copied and the result is always
 * NUL-terminated (unless size is 0, when nothing is written). Returns
 * strlen(source), so the copy was cut short exactly when the return value is
 * >= size.
 */
size_t string_copy(char *destination, const char *source, size_t size);

/*
 * Parse an unsigned number at the start of text, in the given base (2 to 36),
 * or in base 0, meaning hexadecimal after a "0x" or "0X" prefix and decimal
 * otherwise. Base 16 accepts the prefix too. Neither spaces nor a sign are
 * accepted.
 *
 * If end is not NULL, *end is set to the first character after the number,
 * so the caller can read what follows (a unit suffix such as "M" in
 * "mem=64M"). If end is NULL, the number must be the whole of text.
 *
 * Returns 0 and stores the number in *value; -EINVAL if there is no number
 * (or, with end NULL, something follows it) or the base is not supported;
 * -ERANGE if the number does not fit in an unsigned long. On error, *value
 * and *end are left untouched.
 */
int parse_unsigned(const char *text, unsigned base, unsigned long *value, const char **end);

#endif /* KUID_STRING_H */
