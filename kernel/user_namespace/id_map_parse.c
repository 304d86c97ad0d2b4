/*
 * id_map_parse.c: turn the text written to /proc/PID/uid_map (gid_map, projid_map) into extents,
 * refusing exactly what Linux refuses (R3.8 to R3.12), with the rule that refused it.
 * Pure logic; the caller checks size, offset and permissions, and translates the lower ids.
 *
 * The checks run line by line, in Linux's order: the format of a line, then its ranges, then
 * overlap with the lines before it, then the 340-extent limit. The first failure decides, so the
 * rule reported is the one Linux's code would stop at (all of them give EINVAL).
 *
 * Oddities kept on purpose, because Linux has them (checked on Linux 6.18):
 *  - numbers are read as unsigned long and cut to their low 32 bits: "99999999999 0 1" maps
 *    1215752191, and "4294967296 0 1" maps 0;
 *  - white space is what Linux's isspace() says: space, \t, \v, \f, \r and also byte 0xA0
 *    (no-break space in Latin-1), which Linux's character table counts as a space;
 *  - a NUL byte ends the text: "0 0 1\0junk" is accepted;
 *  - one final newline ends the last line, but a second one starts an empty line, refused.
 */
#include <kuid/id_map.h>
#include <kuid/string.h>
#include <uapi/errno.h>

/* The part of one line not read yet; a line never contains its '\n'. */
struct line_cursor {
	const char *next;
	const char *end;
};

static bool is_space(char character)
{
	unsigned char byte = (unsigned char)character;

	return byte == ' ' || (byte >= '\t' && byte <= '\r') || byte == 0xa0;
}

static bool is_digit(char character)
{
	return character >= '0' && character <= '9';
}

static bool at_end(const struct line_cursor *line)
{
	return line->next == line->end;
}

static void skip_spaces(struct line_cursor *line)
{
	while (!at_end(line) && is_space(*line->next))
		line->next++;
}

/* An unsigned decimal: at least one digit; no sign, no "0x"; leading zeros are fine. */
static bool read_number(struct line_cursor *line, uint32_t *value)
{
	unsigned long number = 0;

	if (at_end(line) || !is_digit(*line->next))
		return false;
	while (!at_end(line) && is_digit(*line->next)) {
		/* Unsigned arithmetic wraps on overflow, as Linux's simple_strtoul does. */
		number = number * 10 + (unsigned long)(*line->next - '0');
		line->next++;
	}
	/* R3.8 quirk: Linux keeps only the low 32 bits. */
	*value = (uint32_t)number;
	return true;
}

/* R3.8: "first lower_first count", white space around and between the numbers. */
static int parse_line(struct line_cursor line, uint32_t line_number,
		      struct id_map_extent *extent, struct userns_refusal *refusal)
{
	uint32_t numbers[3];

	for (int which = 0; which < 3; which++) {
		bool last = which == 2;

		skip_spaces(&line);
		if (which == 0 && at_end(&line))
			return userns_refuse(refusal, RULE_R3_8_FORMAT, line_number,
					     "the line is empty", EINVAL);
		if (!read_number(&line, &numbers[which]))
			return userns_refuse(refusal, RULE_R3_8_FORMAT, line_number,
					     at_end(&line) ? "the line has fewer than three numbers"
						      : "expected an unsigned decimal number "
							"(no sign, no 0x)", EINVAL);
		/* The first two numbers need white space after them; the third may end the line. */
		if (at_end(&line)) {
			if (!last)
				return userns_refuse(refusal, RULE_R3_8_FORMAT, line_number,
						     "the line has fewer than three numbers",
						     EINVAL);
		} else if (!is_space(*line.next)) {
			return userns_refuse(refusal, RULE_R3_8_FORMAT, line_number,
					     "a number is followed by something other than white "
					     "space", EINVAL);
		}
	}

	skip_spaces(&line);
	if (!at_end(&line))
		return userns_refuse(refusal, RULE_R3_8_FORMAT, line_number,
				     "something other than white space follows the third number",
				     EINVAL);

	*extent = (struct id_map_extent){
		.first = numbers[0], .lower_first = numbers[1], .count = numbers[2],
	};
	return 0;
}

/*
 * R3.9: 4294967295 is never a valid id, so it may not start a range, and no range may reach
 * it: first + count, computed in 32 bits, must stay above first. That also refuses count 0.
 */
static int check_range(const struct id_map_extent *extent, uint32_t line_number,
		       struct userns_refusal *refusal)
{
	if (extent->first == ID_MAP_UNMAPPED)
		return userns_refuse(refusal, RULE_R3_9_RANGE, line_number,
				     "the first id is 4294967295, which is never a valid id", EINVAL);
	if (extent->lower_first == ID_MAP_UNMAPPED)
		return userns_refuse(refusal, RULE_R3_9_RANGE, line_number,
				     "the lower id is 4294967295, which is never a valid id", EINVAL);
	if (extent->count == 0)
		return userns_refuse(refusal, RULE_R3_9_RANGE, line_number, "the count is 0",
				     EINVAL);
	if ((uint32_t)(extent->first + extent->count) <= extent->first)
		return userns_refuse(refusal, RULE_R3_9_RANGE, line_number,
				     "the upper range reaches 4294967295", EINVAL);
	if ((uint32_t)(extent->lower_first + extent->count) <= extent->lower_first)
		return userns_refuse(refusal, RULE_R3_9_RANGE, line_number,
				     "the lower range reaches 4294967295", EINVAL);
	return 0;
}

/* After check_range, start + count - 1 cannot wrap, so the last ids are exact. */
static bool ranges_overlap(uint32_t start_a, uint32_t start_b, uint32_t count_a,
			   uint32_t count_b)
{
	return start_a <= start_b + count_b - 1 && start_b <= start_a + count_a - 1;
}

/*
 * R3.10: compared with every earlier line; at most 340 * 339 / 2 comparisons for a whole
 * write. Touching ranges ("0 0 1" then "1 1 1") are fine.
 */
static int check_overlap(const struct id_map_extent *earlier, uint32_t earlier_count,
			 const struct id_map_extent *extent, uint32_t line_number,
			 struct userns_refusal *refusal)
{
	for (uint32_t i = 0; i < earlier_count; i++) {
		if (ranges_overlap(earlier[i].first, extent->first, earlier[i].count,
				   extent->count))
			return userns_refuse(refusal, RULE_R3_10_OVERLAP, line_number,
					     "the upper range overlaps an earlier line", EINVAL);
		if (ranges_overlap(earlier[i].lower_first, extent->lower_first,
				   earlier[i].count, extent->count))
			return userns_refuse(refusal, RULE_R3_10_OVERLAP, line_number,
					     "the lower range overlaps an earlier line", EINVAL);
	}
	return 0;
}

int id_map_parse(const char *text, size_t length, struct id_map *out,
		 struct userns_refusal *refusal)
{
	struct id_map_extent *extents = out->table->extents;
	uint32_t count = 0;
	uint32_t line_number = 0;
	const char *line_start = text;
	const char *text_end;
	bool more_lines;

	out->extent_count = 0;

	/* Linux copies the write into a NUL-terminated string: a NUL byte ends the text. */
	text_end = text + strnlen(text, length);
	/* One final newline closes the last line rather than starting a new, empty one. */
	if (text_end > text && text_end[-1] == '\n')
		text_end--;

	/* Even an empty text is one (empty) line, refused by parse_line: the loop runs once. */
	do {
		const char *line_end = line_start;
		struct id_map_extent extent;
		int error;

		while (line_end < text_end && *line_end != '\n')
			line_end++;
		more_lines = line_end < text_end;
		line_number++;

		error = parse_line((struct line_cursor){ line_start, line_end }, line_number,
				   &extent, refusal);
		if (!error)
			error = check_range(&extent, line_number, refusal);
		if (!error)
			error = check_overlap(extents, count, &extent, line_number, refusal);
		if (error)
			return error;

		/*
		 * R3.11: Linux refuses while storing the 340th extent if another line follows, so
		 * this also guarantees that extents[] never overflows. The refused line is the next.
		 */
		if (count + 1 == ID_MAP_EXTENTS_MAX && more_lines)
			return userns_refuse(refusal, RULE_R3_11_TOO_MANY, line_number + 1,
					     "a map has at most 340 lines", EINVAL);

		extents[count++] = extent;
		line_start = line_end + 1;
	} while (more_lines);

	/* R3.12: cannot fail here (every line adds an extent or is refused), kept as in Linux. */
	if (count == 0)
		return userns_refuse(refusal, RULE_R3_12_EMPTY, 0, "the map has no extent", EINVAL);

	out->extent_count = count;
	id_map_sort(out);
	return 0;
}
