/*
 * The printf engine behind snprintf and printk. One pass over the format:
 * plain characters go straight out; each % conversion is first parsed into a
 * struct conversion, then its argument is printed as that struct says.
 */
#include <kuid/format.h>

#include <limits.h>
#include <kuid/string.h>

/* The size of an integer argument, from the length modifier (hh, h, l...). */
enum argument_size {
	ARGUMENT_INT,
	ARGUMENT_CHAR,
	ARGUMENT_SHORT,
	ARGUMENT_LONG,
	ARGUMENT_LONG_LONG,
	ARGUMENT_SIZE_T,
	ARGUMENT_INTMAX_T,
	ARGUMENT_PTRDIFF_T,
};

/* Everything written between the % and the conversion letter. */
struct conversion {
	bool left_align;     /* flag '-' */
	bool zero_pad;       /* flag '0' */
	bool plus_sign;      /* flag '+' */
	bool space_sign;     /* flag ' ' */
	bool alternate_form; /* flag '#' */
	int width;           /* 0 when there is none */
	int precision;       /* -1 when there is none */
	enum argument_size argument_size;
	char letter;         /* 'd', 'x', 's'...; '\0' if the format ended early */
};

struct formatter {
	format_output_fn *output;
	void *context;
	size_t count; /* characters produced so far */
};

static void emit(struct formatter *formatter, char character)
{
	formatter->output(formatter->context, character);
	formatter->count++;
}

static void emit_repeated(struct formatter *formatter, char character, size_t times)
{
	while (times--)
		emit(formatter, character);
}

static void emit_text(struct formatter *formatter, const char *text, size_t length)
{
	for (size_t i = 0; i < length; i++)
		emit(formatter, text[i]);
}

/*
 * Every conversion prints the same shape: prefix (a sign or "0x"), leading
 * zeros, the body, all padded with spaces to the field width, on the left or,
 * with the '-' flag, on the right.
 */
static void emit_field(struct formatter *formatter, const struct conversion *conversion,
		       const char *prefix, size_t zeros, const char *body, size_t body_length)
{
	size_t prefix_length = strlen(prefix);
	size_t content = prefix_length + zeros + body_length;
	size_t width = (size_t)conversion->width;
	size_t padding = width > content ? width - content : 0;

	if (!conversion->left_align)
		emit_repeated(formatter, ' ', padding);
	emit_text(formatter, prefix, prefix_length);
	emit_repeated(formatter, '0', zeros);
	emit_text(formatter, body, body_length);
	if (conversion->left_align)
		emit_repeated(formatter, ' ', padding);
}

/*
 * Print an integer given as its magnitude and sign: this way the most negative
 * value needs no special case, since its magnitude fits in unsigned long long.
 */
static void emit_integer(struct formatter *formatter, const struct conversion *conversion,
			 unsigned long long magnitude, bool negative)
{
	const char *digit_characters = conversion->letter == 'X' ? "0123456789ABCDEF"
								 : "0123456789abcdef";
	unsigned base = 10;
	char digits[24]; /* 64 bits take at most 22 octal digits */
	char *end = digits + sizeof(digits);
	char *start = end;
	bool is_signed = conversion->letter == 'd' || conversion->letter == 'i';
	const char *prefix = "";
	size_t digit_count;
	size_t zeros = 0;

	if (conversion->letter == 'o')
		base = 8;
	else if (conversion->letter == 'x' || conversion->letter == 'X')
		base = 16;

	/* Digits come out least significant first, so fill the buffer backwards. */
	for (unsigned long long rest = magnitude; rest != 0; rest /= base)
		*--start = digit_characters[rest % base];
	/* C prints no digit at all for the value 0 with precision 0. */
	if (magnitude == 0 && conversion->precision != 0)
		*--start = '0';
	digit_count = (size_t)(end - start);

	if (negative)
		prefix = "-";
	else if (is_signed && conversion->plus_sign)
		prefix = "+";
	else if (is_signed && conversion->space_sign)
		prefix = " ";
	else if (conversion->alternate_form && magnitude != 0 && base == 16)
		prefix = conversion->letter == 'X' ? "0X" : "0x";

	/* The precision is the minimum number of digits. */
	if (conversion->precision > 0 && (size_t)conversion->precision > digit_count)
		zeros = (size_t)conversion->precision - digit_count;
	/* '#' with octal: make sure the number starts with a 0. */
	if (conversion->alternate_form && base == 8 && zeros == 0 &&
	    (digit_count == 0 || *start != '0'))
		zeros = 1;
	/* '0' fills the width with zeros, unless '-' or a precision says otherwise. */
	if (conversion->zero_pad && !conversion->left_align && conversion->precision < 0) {
		size_t used = strlen(prefix) + digit_count;
		size_t width = (size_t)conversion->width;

		if (width > used + zeros)
			zeros = width - used;
	}

	emit_field(formatter, conversion, prefix, zeros, start, digit_count);
}

static void emit_string(struct formatter *formatter, const struct conversion *conversion,
			const char *text)
{
	size_t length;

	if (text == NULL)
		text = "(null)";
	/* With a precision, the text need not be NUL-terminated: never read past it. */
	if (conversion->precision >= 0)
		length = strnlen(text, (size_t)conversion->precision);
	else
		length = strlen(text);
	emit_field(formatter, conversion, "", 0, text, length);
}

/* Always every hex digit, so addresses line up in a column of output. */
static void emit_pointer(struct formatter *formatter, const struct conversion *conversion,
			 const void *pointer)
{
	uintptr_t address = (uintptr_t)pointer;
	char digits[2 * sizeof(address)];

	for (size_t i = sizeof(digits); i > 0; i--) {
		digits[i - 1] = "0123456789abcdef"[address & 0xf];
		address >>= 4;
	}
	emit_field(formatter, conversion, "0x", 0, digits, sizeof(digits));
}

/*
 * The argument functions take a pointer to a va_list: every va_arg must
 * advance the one list shared by the whole format string.
 */
static long long fetch_signed(va_list *args, enum argument_size argument_size)
{
	switch (argument_size) {
	case ARGUMENT_CHAR:
		/* Arguments narrower than int arrive promoted to int. */
		return (signed char)va_arg(*args, int);
	case ARGUMENT_SHORT:
		return (short)va_arg(*args, int);
	case ARGUMENT_LONG:
		return va_arg(*args, long);
	case ARGUMENT_LONG_LONG:
		return va_arg(*args, long long);
	case ARGUMENT_SIZE_T:
		return va_arg(*args, ssize_t);
	case ARGUMENT_INTMAX_T:
		return va_arg(*args, intmax_t);
	case ARGUMENT_PTRDIFF_T:
		return va_arg(*args, ptrdiff_t);
	case ARGUMENT_INT:
		break;
	}
	return va_arg(*args, int);
}

static unsigned long long fetch_unsigned(va_list *args, enum argument_size argument_size)
{
	switch (argument_size) {
	case ARGUMENT_CHAR:
		return (unsigned char)va_arg(*args, unsigned int);
	case ARGUMENT_SHORT:
		return (unsigned short)va_arg(*args, unsigned int);
	case ARGUMENT_LONG:
		return va_arg(*args, unsigned long);
	case ARGUMENT_LONG_LONG:
		return va_arg(*args, unsigned long long);
	case ARGUMENT_SIZE_T:
		return va_arg(*args, size_t);
	case ARGUMENT_INTMAX_T:
		return va_arg(*args, uintmax_t);
	case ARGUMENT_PTRDIFF_T:
		/* C prints %tu as the unsigned type of the same width. */
		return (unsigned long long)va_arg(*args, ptrdiff_t);
	case ARGUMENT_INT:
		break;
	}
	return va_arg(*args, unsigned int);
}

/* A decimal width or precision; an absurdly long one saturates at INT_MAX. */
static int parse_decimal(const char **cursor)
{
	int number = 0;

	for (; **cursor >= '0' && **cursor <= '9'; (*cursor)++) {
		int digit = **cursor - '0';

		number = number > (INT_MAX - digit) / 10 ? INT_MAX : number * 10 + digit;
	}
	return number;
}

/*
 * Parse the conversion that starts just after a '%' at cursor; a '*' width or
 * precision takes its value from args. Returns where the format goes on.
 */
static const char *parse_conversion(const char *cursor, va_list *args,
				    struct conversion *conversion)
{
	*conversion = (struct conversion){ .precision = -1, .argument_size = ARGUMENT_INT };

	for (;; cursor++) {
		if (*cursor == '-')
			conversion->left_align = true;
		else if (*cursor == '0')
			conversion->zero_pad = true;
		else if (*cursor == '+')
			conversion->plus_sign = true;
		else if (*cursor == ' ')
			conversion->space_sign = true;
		else if (*cursor == '#')
			conversion->alternate_form = true;
		else
			break;
	}

	if (*cursor == '*') {
		int width = va_arg(*args, int);

		cursor++;
		/* C: a negative width from * is the '-' flag and a positive width. */
		if (width < 0) {
			conversion->left_align = true;
			width = width == INT_MIN ? INT_MAX : -width;
		}
		conversion->width = width;
	} else {
		conversion->width = parse_decimal(&cursor);
	}

	if (*cursor == '.') {
		cursor++;
		if (*cursor == '*') {
			int precision = va_arg(*args, int);

			cursor++;
			/* C: a negative precision from * counts as no precision. */
			conversion->precision = precision < 0 ? -1 : precision;
		} else {
			conversion->precision = parse_decimal(&cursor);
		}
	}

	if (cursor[0] == 'h' && cursor[1] == 'h') {
		conversion->argument_size = ARGUMENT_CHAR;
		cursor += 2;
	} else if (cursor[0] == 'l' && cursor[1] == 'l') {
		conversion->argument_size = ARGUMENT_LONG_LONG;
		cursor += 2;
	} else if (*cursor == 'h') {
		conversion->argument_size = ARGUMENT_SHORT;
		cursor++;
	} else if (*cursor == 'l') {
		conversion->argument_size = ARGUMENT_LONG;
		cursor++;
	} else if (*cursor == 'z') {
		conversion->argument_size = ARGUMENT_SIZE_T;
		cursor++;
	} else if (*cursor == 'j') {
		conversion->argument_size = ARGUMENT_INTMAX_T;
		cursor++;
	} else if (*cursor == 't') {
		conversion->argument_size = ARGUMENT_PTRDIFF_T;
		cursor++;
	}

	conversion->letter = *cursor;
	/* Never step over the terminating NUL of a format that ends with '%'. */
	if (*cursor != '\0')
		cursor++;
	return cursor;
}

int format_to(format_output_fn *output, void *context, const char *format, va_list args)
{
	struct formatter formatter = { .output = output, .context = context, .count = 0 };
	struct conversion conversion;
	va_list remaining;

	/*
	 * The helpers need a pointer to the va_list. A va_list parameter may
	 * have decayed to a pointer (it does on x86_64), so &args would have
	 * the wrong type: take a pointer to a local copy instead.
	 */
	va_copy(remaining, args);

	while (*format != '\0') {
		const char *percent = format;

		if (*format != '%') {
			emit(&formatter, *format++);
			continue;
		}
		format = parse_conversion(format + 1, &remaining, &conversion);

		switch (conversion.letter) {
		case 'd':
		case 'i': {
			long long value = fetch_signed(&remaining, conversion.argument_size);
			unsigned long long magnitude = (unsigned long long)value;

			if (value < 0)
				magnitude = 0 - magnitude;
			emit_integer(&formatter, &conversion, magnitude, value < 0);
			break;
		}
		case 'u':
		case 'x':
		case 'X':
		case 'o':
			emit_integer(&formatter, &conversion,
				     fetch_unsigned(&remaining, conversion.argument_size), false);
			break;
		case 'c': {
			char character = (char)va_arg(remaining, int);

			emit_field(&formatter, &conversion, "", 0, &character, 1);
			break;
		}
		case 's':
			emit_string(&formatter, &conversion, va_arg(remaining, const char *));
			break;
		case 'p':
			emit_pointer(&formatter, &conversion, va_arg(remaining, const void *));
			break;
		case '%':
			emit(&formatter, '%');
			break;
		default:
			emit_text(&formatter, percent, (size_t)(format - percent));
			break;
		}
	}

	va_end(remaining);
	/* C would report an overflow; the kernel never prints 2 GiB in one call. */
	return formatter.count > INT_MAX ? INT_MAX : (int)formatter.count;
}

/* A format_to output that fills a buffer and keeps counting past its end. */
struct buffer_output {
	char *buffer;
	size_t size;
	size_t length; /* of the whole text, including what did not fit */
};

static void write_to_buffer(void *context, char character)
{
	struct buffer_output *output = context;

	/* The last byte of the buffer is kept for the NUL. */
	if (output->length + 1 < output->size)
		output->buffer[output->length] = character;
	output->length++;
}

int vsnprintf(char *buffer, size_t size, const char *format, va_list args)
{
	struct buffer_output output = { .buffer = buffer, .size = size, .length = 0 };
	int length = format_to(write_to_buffer, &output, format, args);

	if (size > 0)
		buffer[MIN(output.length, size - 1)] = '\0';
	return length;
}

int snprintf(char *buffer, size_t size, const char *format, ...)
{
	va_list args;
	int length;

	va_start(args, format);
	length = vsnprintf(buffer, size, format, args);
	va_end(args);
	return length;
}
