/*
 * identity_helpers.c: the ktest helpers of identity_helpers.h, shared by
 * cred_tests.c, user_namespace_tests.c, procfs_tests.c and namespace_tests.c.
 */
#include <kuid/capability.h>
#include <kuid/heap.h>
#include <kuid/string.h>
#include <uapi/errno.h>

#include "identity_helpers.h"

struct cred ktest_cred(struct user_namespace *ns, uint32_t uid, uint32_t gid,
		       kernel_cap_t effective)
{
	struct cred cred = { 0 };

	cred.references = 1;
	cred.uid = cred.euid = cred.suid = cred.fsuid = (kuid_t){ uid };
	cred.gid = cred.egid = cred.sgid = cred.fsgid = (kgid_t){ gid };
	cred.cap_permitted = cred.cap_effective = effective;
	cred.cap_bounding = CAP_FULL_SET;
	cred.user_ns = get_user_ns(ns);
	return cred;
}

int ktest_write_map(struct id_map *target, const struct id_map *parent_map, const char *text)
{
	struct id_map built = { .table = kzalloc(sizeof(struct id_map_table)) };
	int error;

	if (!built.table)
		return -ENOMEM;
	error = id_map_parse(text, strlen(text), &built, NULL);
	if (!error)
		error = id_map_translate_lower(&built, parent_map, NULL);
	if (!error)
		error = id_map_install(target, &built);
	if (error)
		kfree(built.table);
	return error;
}
