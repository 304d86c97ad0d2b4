/*
 * uts_namespace.h: the UTS namespace: the host name and NIS domain name uname(2) reports and
 * sethostname(2)/setdomainname(2) change. A new namespace starts as a copy of its creator's;
 * changing a name needs CAP_SYS_ADMIN over the namespace's owner (R5.10).
 */
#ifndef KUID_UTS_NAMESPACE_H
#define KUID_UTS_NAMESPACE_H

#include <kuid/ns_common.h>
#include <kuid/types.h>
#include <kuid/userns_rules.h>
#include <uapi/utsname.h>

struct cred;
struct ucounts;

struct uts_namespace {
	struct ns_common ns;		/* references, inode number, owner (R5.10) */
	struct ucounts *ucounts;	/* the creator's UCOUNT_UTS_NAMESPACES charge (R1.8) */
	struct new_utsname name;	/* protected by the uts lock of uts_namespace.c */
};

/* Host name "kuid", domain name "(none)", inode 0xEFFFFFFE. Never freed. */
extern struct uts_namespace init_uts_ns;

static inline struct uts_namespace *to_uts_ns(struct ns_common *ns)
{
	return container_of(ns, struct uts_namespace, ns);
}

/*
 * A copy of `old`'s names owned by creator's namespace: 0, -ENOSPC (*refusal says which
 * rule) or -ENOMEM.
 */
int uts_namespace_create(struct uts_namespace *old, const struct cred *creator,
			 struct uts_namespace **result, struct userns_refusal *refusal);
void put_uts_ns(struct uts_namespace *uts);

/* A consistent copy of all six names, for uname. */
void uts_namespace_read(struct uts_namespace *uts, struct new_utsname *name);

/* Replace the host name or the domain name by `length` bytes (at most NEW_UTS_LEN). */
void uts_namespace_set_hostname(struct uts_namespace *uts, const char *name, size_t length);
void uts_namespace_set_domainname(struct uts_namespace *uts, const char *name, size_t length);

#endif /* KUID_UTS_NAMESPACE_H */
