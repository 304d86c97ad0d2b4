/*
 * userns_rules.c: the table that turns an enum userns_rule into its R-number and a one-line
 * summary, so a refusal can be explained to the user. Pure data: kernel and host tests alike.
 */
#include <kuid/userns_rules.h>

/* Designated initializers: a rule's entry sits next to nothing but its own name. */
const struct userns_rule_description userns_rules[USERNS_RULE_COUNT] = {
	[RULE_NONE] = { "R0", "nothing was refused" },
	[RULE_R3_4_WRITE_SIZE] = {
		"R3.4", "a map is written at offset 0, in one write of fewer than 4096 bytes" },
	[RULE_R3_6_WRITE_ONCE] = { "R3.6", "a map that already has extents cannot be written" },
	[RULE_R3_8_FORMAT] = {
		"R3.8", "each line is three unsigned decimal numbers separated by whitespace" },
	[RULE_R3_9_RANGE] = {
		"R3.9", "an extent has a count of at least 1 and never reaches id 4294967295" },
	[RULE_R3_10_OVERLAP] = {
		"R3.10", "the upper ranges do not overlap, and neither do the lower ranges" },
	[RULE_R3_11_TOO_MANY] = { "R3.11", "a map has at most 340 extents" },
	[RULE_R3_12_EMPTY] = { "R3.12", "a map has at least one extent" },
	[RULE_R3_14_NOT_IN_PARENT] = {
		"R3.14", "each lower range lies inside a single extent of the parent's map (R2.4)" },
};

const char *userns_rule_number(enum userns_rule rule)
{
	if ((unsigned)rule >= USERNS_RULE_COUNT || !userns_rules[rule].number)
		return "R?";
	return userns_rules[rule].number;
}

const char *userns_rule_summary(enum userns_rule rule)
{
	if ((unsigned)rule >= USERNS_RULE_COUNT || !userns_rules[rule].summary)
		return "unknown rule";
	return userns_rules[rule].summary;
}
