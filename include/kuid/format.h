/*
 * printf-style formatting without a C library: snprintf into a buffer, and
 * format_to, which hands each character to a callback (a console, a log).
 */
#ifndef KUID_FORMAT_H
#define KUID_FORMAT_H

#include <stdarg.h>
#include <kuid/types.h>

#ifdef KUID_HOSTED
/*
 * As in kuid/string.h: on the host, macros rename kuid's functions so unit
 * tests run kuid's code and not the C library's. <stdio.h> is included first
 * so that its own declarations keep the real names; unit tests include every
 * system header before the kuid headers.
 */
#include <stdio.h>

#undef snprintf
#undef vsnprintf
#define snprintf kuid_snprintf
#define vsnprintf kuid_vsnprintf
#endif /* KUID_HOSTED */

/*
 * Supported: conversions %d %i %u %x %X %o %c %s %p %%, length modifiers
 * hh h l ll z j t, flags - 0 + space #, field width and precision (both also
 * as *). %s of NULL prints "(null)"; %p prints 0x and 16 hex digits. There is
 * no floating point: the kernel never uses the FPU. An unknown conversion is
 * printed as it was written, so the mistake shows in the output.
 */

/* Receives the formatted text one character at a time. */
typedef void format_output_fn(void *context, char character);

/*
 * Format into output(context, ...) and return the number of characters
 * produced.
 */
int format_to(format_output_fn *output, void *context, const char *format, va_list args)
	__attribute__((format(printf, 3, 0)));

/*
 * As C99: write at most size - 1 characters and a NUL into buffer (nothing at
 * all when size is 0), and return the length the whole text would have had,
 * so the text was cut short exactly when the return value is >= size.
 */
int vsnprintf(char *buffer, size_t size, const char *format, va_list args)
	__attribute__((format(printf, 3, 0)));
int snprintf(char *buffer, size_t size, const char *format, ...)
	__attribute__((format(printf, 3, 4)));

#endif /* KUID_FORMAT_H */
