/*
 * script_parse.c: the "#!" line of a script, read the way Linux's
 * binfmt_script does: "#!", optional blanks, the interpreter (up to a blank
 * or the end of the line), optional blanks, then everything up to the end of
 * the line, minus trailing blanks, as one optional argument. Pure logic.
 */
#include <kuid/exec.h>
#include <kuid/string.h>
#include <uapi/errno.h>

static bool is_blank(char character)
{
	return character == ' ' || character == '\t';
}

int script_parse(const char *header, size_t length, struct script_line *line)
{
	const char *end, *cursor, *word_end;
	bool line_complete;

	length = MIN(length, (size_t)SCRIPT_HEADER_SIZE);
	if (length < 2 || header[0] != '#' || header[1] != '!')
		return -ENOEXEC;

	/*
	 * The line ends at the first newline or NUL. A file shorter than the
	 * header ends its line too (Linux pads its buffer with NULs); in a longer
	 * file without a newline in the header, the line may be cut short.
	 */
	end = header + 2;
	line_complete = length < SCRIPT_HEADER_SIZE;
	while (end < header + length) {
		if (*end == '\n' || *end == '\0') {
			line_complete = true;
			break;
		}
		end++;
	}

	cursor = header + 2;
	while (cursor < end && is_blank(*cursor))
		cursor++;
	if (cursor == end)
		return -ENOEXEC;	/* "#!" and nothing else */
	word_end = cursor;
	while (word_end < end && !is_blank(*word_end))
		word_end++;
	/* An interpreter name cut by the end of the header cannot be trusted. */
	if (word_end == end && !line_complete)
		return -ENOEXEC;

	memset(line, 0, sizeof(*line));
	memcpy(line->interpreter, cursor, (size_t)(word_end - cursor));

	cursor = word_end;
	while (cursor < end && is_blank(*cursor))
		cursor++;
	while (end > cursor && is_blank(end[-1]))
		end--;
	if (end > cursor) {
		memcpy(line->argument, cursor, (size_t)(end - cursor));
		line->has_argument = true;
	}
	return 0;
}
