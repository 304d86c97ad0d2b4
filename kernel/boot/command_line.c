/*
 * command_line.c: turn the kernel command line into struct kernel_options.
 * An unknown word or a bad value stops the boot with a message naming it:
 * a typo in grub.cfg should not silently change what the kernel does.
 */
#include <kuid/command_line.h>
#include <kuid/format.h>
#include <kuid/string.h>
#include <uapi/errno.h>

#define WORD_MAX 256

static int reject(char *error, size_t error_size, const char *what, const char *word)
{
	snprintf(error, error_size, "kernel command line: %s: '%s'", what, word);
	return -EINVAL;
}

/* Copy a value that must be non-empty and fit. */
static int take_value(char *destination, size_t size, const char *value)
{
	if (value[0] == '\0' || strlen(value) >= size)
		return -EINVAL;
	string_copy(destination, value, size);
	return 0;
}

static int apply_word(const char *word, struct kernel_options *options, char *error,
		      size_t error_size)
{
	const char *equals = strchr(word, '=');
	const char *value = equals ? equals + 1 : NULL;
	size_t name_length = equals ? (size_t)(equals - word) : strlen(word);

	if (!equals && strcmp(word, "ktest") == 0) {
		options->run_ktests = true;
		return 0;
	}
	if (!equals)
		return reject(error, error_size, "unknown option", word);

	if (name_length == 5 && strncmp(word, "ktest", 5) == 0) {
		options->run_ktests = true;
		if (take_value(options->ktest_group, sizeof(options->ktest_group), value) < 0)
			return reject(error, error_size, "bad test group", word);
	} else if (name_length == 4 && strncmp(word, "init", 4) == 0) {
		if (value[0] != '/' ||
		    take_value(options->init_path, sizeof(options->init_path), value) < 0)
			return reject(error, error_size, "init must be an absolute path", word);
	} else if (name_length == 13 && strncmp(word, "syscall_trace", 13) == 0) {
		if (strcmp(value, "0") != 0 && strcmp(value, "1") != 0)
			return reject(error, error_size, "syscall_trace must be 0 or 1", word);
		options->syscall_trace = value[0] == '1';
	} else if (name_length == 8 && strncmp(word, "loglevel", 8) == 0) {
		if (log_level_from_name(value, &options->console_level) < 0)
			return reject(error, error_size, "unknown log level", word);
	} else {
		return reject(error, error_size, "unknown option", word);
	}
	return 0;
}

int command_line_parse(const char *command_line, struct kernel_options *options, char *error,
		       size_t error_size)
{
	const char *cursor = command_line;

	*options = (struct kernel_options){ .console_level = LOG_INFO };
	string_copy(options->init_path, "/init", sizeof(options->init_path));

	while (*cursor) {
		char word[WORD_MAX];
		size_t length = 0;
		int result;

		while (*cursor == ' ' || *cursor == '\t')
			cursor++;
		if (*cursor == '\0')
			break;
		while (cursor[length] && cursor[length] != ' ' && cursor[length] != '\t')
			length++;
		if (length >= sizeof(word)) {
			snprintf(error, error_size, "kernel command line: a word is longer than %d characters",
				 WORD_MAX - 1);
			return -EINVAL;
		}
		memcpy(word, cursor, length);
		word[length] = '\0';
		cursor += length;

		result = apply_word(word, options, error, error_size);
		if (result < 0)
			return result;
	}
	return 0;
}
