/*
 * userns_rules.h: the rules of linux-userns-rules.md (R-numbers) as values the code can use.
 *
 * A check that refuses a request says which rule refused it: it fills a struct userns_refusal
 * with the rule and a short reason, and returns a negative errno as usual. Because the rule is a
 * value and not only a comment, a later part of kuid can tell the user why a call was refused
 * ("R3.10: the upper range overlaps line 2"). The R-numbers are those of
 * /work/shared/reference/linux-userns-rules.md.
 *
 * Adding a rule: one enumerator here (named RULE_R<section>_<number>_<WHAT>, kept in R-number
 * order) and one entry in the table of kernel/user_namespace/userns_rules.c. A unit test
 * (test_rule_table_is_complete in tests/unit/test_id_map_parse.c) checks that every enumerator
 * has an entry.
 */
#ifndef KUID_USERNS_RULES_H
#define KUID_USERNS_RULES_H

#include <kuid/types.h>

enum userns_rule {
	RULE_NONE = 0,			/* nothing was refused */

	/* Section 3: writing uid_map, gid_map and projid_map. */
	RULE_R3_4_WRITE_SIZE,		/* offset 0 and fewer than 4096 bytes */
	RULE_R3_6_WRITE_ONCE,		/* a map is written once */
	RULE_R3_8_FORMAT,		/* three unsigned decimals per line */
	RULE_R3_9_RANGE,		/* no extent reaches 4294967295 or is empty */
	RULE_R3_10_OVERLAP,		/* extents do not overlap, on either side */
	RULE_R3_11_TOO_MANY,		/* at most 340 extents */
	RULE_R3_12_EMPTY,		/* at least one extent */
	RULE_R3_14_NOT_IN_PARENT,	/* lower range inside one extent of the parent (R2.4) */

	USERNS_RULE_COUNT		/* keep last: the number of entries of the table */
};

/* What the table says about one rule. */
struct userns_rule_description {
	const char *number;	/* "R3.9", as in linux-userns-rules.md */
	const char *summary;	/* one line, for a student and for a refusal message */
};

/* Indexed by enum userns_rule. */
extern const struct userns_rule_description userns_rules[USERNS_RULE_COUNT];

/* "R3.9"; "R?" for a value that is not a rule, so a message never prints NULL. */
const char *userns_rule_number(enum userns_rule rule);
const char *userns_rule_summary(enum userns_rule rule);

/*
 * Why a request was refused. A checking function takes a pointer to one (which may be NULL
 * when the caller does not care) and fills it when it refuses; otherwise it leaves it alone.
 */
struct userns_refusal {
	enum userns_rule rule;
	const char *reason;	/* a fixed sentence saying what exactly was wrong */
	uint32_t line;		/* in a map write: the refused line, counted from 1; else 0 */
};

/*
 * Fill *refusal (if there is one) and return -error, so a check reads
 *	return userns_refuse(refusal, RULE_R3_9_RANGE, 0, "count is 0", EINVAL);
 */
static inline int userns_refuse(struct userns_refusal *refusal, enum userns_rule rule,
				uint32_t line, const char *reason, int error)
{
	if (refusal) {
		refusal->rule = rule;
		refusal->reason = reason;
		refusal->line = line;
	}
	return -error;
}

#endif /* KUID_USERNS_RULES_H */
