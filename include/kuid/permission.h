/*
 * permission.h: the classic Unix permission rule, as a pure function.
 * A mode has three triples of rwx bits (owner, group, others). Exactly one
 * triple applies: the owner's if the caller owns the file, else the group's
 * if the caller is in the file's group, else the others'. A denial by the
 * applicable triple is final, even when another triple would allow: a file of
 * mode 0077 is closed to its owner. Capabilities are handled elsewhere
 * (kernel/fs/permission.c); this is only the rule from the bits.
 */
#ifndef KUID_PERMISSION_H
#define KUID_PERMISSION_H

#include <kuid/types.h>

/* What a caller wants to do. Linux's values, which are also access(2)'s X_OK, W_OK, R_OK. */
#define MAY_EXEC	0x1
#define MAY_WRITE	0x2
#define MAY_READ	0x4
#define MAY_ACCESS_MASK	(MAY_EXEC | MAY_WRITE | MAY_READ)

/* True when the applicable triple of `mode` grants every bit in `want`. */
bool permission_allows(uint32_t mode, bool owner_match, bool group_match, int want);

#endif
