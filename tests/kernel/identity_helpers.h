/*
 * identity_helpers.h: ktest helpers shared by the tests of credentials, user
 * namespaces, the other namespaces and procfs: a user's credentials made by hand, and an
 * id map written the way the procfs uid_map writer writes it.
 */
#ifndef KUID_TESTS_KERNEL_IDENTITY_HELPERS_H
#define KUID_TESTS_KERNEL_IDENTITY_HELPERS_H

#include <kuid/cred.h>
#include <kuid/id_map.h>
#include <kuid/user_namespace.h>

/*
 * Credentials of kernel uid:gid in ns (every uid and every gid the same), with
 * `effective` as the effective and permitted sets; holds a reference to ns.
 */
struct cred ktest_cred(struct user_namespace *ns, uint32_t uid, uint32_t gid,
		       kernel_cap_t effective);

/* Parse `text`, translate it through parent_map and install it in target; 0 or an errno. */
int ktest_write_map(struct id_map *target, const struct id_map *parent_map, const char *text);

#endif /* KUID_TESTS_KERNEL_IDENTITY_HELPERS_H */
