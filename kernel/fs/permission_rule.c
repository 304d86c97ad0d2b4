/*
 * permission_rule.c: which rwx triple of a mode applies, and whether it grants
 * what is wanted. Pure logic; kernel/fs/permission.c adds the caller's ids and
 * capabilities around it.
 */
#include <kuid/permission.h>

#define OWNER_SHIFT 6
#define GROUP_SHIFT 3
#define OTHER_SHIFT 0

bool permission_allows(uint32_t mode, bool owner_match, bool group_match, int want)
{
	unsigned int shift = owner_match ? OWNER_SHIFT : group_match ? GROUP_SHIFT : OTHER_SHIFT;
	unsigned int granted = (mode >> shift) & MAY_ACCESS_MASK;
	unsigned int wanted = (unsigned int)want & MAY_ACCESS_MASK;

	return (granted & wanted) == wanted;
}
