/*
 * user_namespace_test_helpers.h: credentials and map writes for the user-namespace unit tests.
 * Credentials are built by hand (the real ones belong to kernel/cred/cred.c, which needs a
 * task); maps are written through the real parser, translation and install of id_map.c, into
 * tables from the kernel heap, because put_user_ns() gives them back with kfree().
 * Include after the system headers, <cmocka.h> and host_kernel_heap.h.
 */
#ifndef USER_NAMESPACE_TEST_HELPERS_H
#define USER_NAMESPACE_TEST_HELPERS_H

#include <kuid/capability.h>
#include <kuid/cred.h>
#include <kuid/heap.h>
#include <kuid/id_map.h>
#include <kuid/user_namespace.h>

/* Example users of the reference host (linux-userns-rules.md, Obs): tester is 1001:1001. */
#define TESTER 1001u

/*
 * A cred in ns whose every uid is `uid` and every gid `gid` (kernel ids), with an empty
 * effective set, as an ordinary user has. It holds a reference to ns: end with drop_cred().
 */
static inline struct cred cred_in(struct user_namespace *ns, uint32_t uid, uint32_t gid)
{
	struct cred cred = { 0 };

	cred.references = 1;
	cred.uid = cred.euid = cred.suid = cred.fsuid = (kuid_t){ uid };
	cred.gid = cred.egid = cred.sgid = cred.fsgid = (kgid_t){ gid };
	cred.cap_bounding = CAP_FULL_SET;
	cred.user_ns = get_user_ns(ns);
	return cred;
}

/* The same with every capability, as root of the initial namespace has. */
static inline struct cred root_cred_in(struct user_namespace *ns, uint32_t uid, uint32_t gid)
{
	struct cred cred = cred_in(ns, uid, gid);

	cred.cap_permitted = cred.cap_effective = CAP_FULL_SET;
	return cred;
}

static inline void drop_cred(struct cred *cred)
{
	put_user_ns(cred->user_ns);
	cred->user_ns = NULL;
}

/* Write `text` into a map of ns whose parent's map of the same kind is parent_map. */
static inline void write_map(struct id_map *target, const struct id_map *parent_map,
			     const char *text)
{
	struct id_map built = { .table = kzalloc(sizeof(struct id_map_table)) };
	struct userns_refusal refusal = { 0 };

	assert_non_null(built.table);
	assert_int_equal(id_map_parse(text, strlen(text), &built, &refusal), 0);
	assert_int_equal(id_map_translate_lower(&built, parent_map, &refusal), 0);
	assert_int_equal(id_map_install(target, &built), 0);
}

static inline void write_uid_map(struct user_namespace *ns, const char *text)
{
	write_map(&ns->uid_map, &ns->parent->uid_map, text);
}

static inline void write_gid_map(struct user_namespace *ns, const char *text)
{
	write_map(&ns->gid_map, &ns->parent->gid_map, text);
}

/* Create a namespace from *cred (which moves into it) and return it; the creation must work. */
static inline struct user_namespace *must_create(struct cred *cred)
{
	assert_int_equal(create_user_ns(cred, false, NULL), 0);
	return cred->user_ns;
}

static inline unsigned int references_of(const struct user_namespace *ns)
{
	return ns->ns.references;
}

#endif /* USER_NAMESPACE_TEST_HELPERS_H */
