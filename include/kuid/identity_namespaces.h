/*
 * identity_namespaces.h: the IPC, network and cgroup namespaces. kuid has no System V IPC, no
 * network stack and no cgroups, so these namespaces hold nothing but what every namespace
 * has: an identity (the nsfs inode number), an owner and a reference count. They can be
 * created, shared, joined and compared exactly as on Linux; there is simply nothing in them.
 */
#ifndef KUID_IDENTITY_NAMESPACES_H
#define KUID_IDENTITY_NAMESPACES_H

#include <kuid/ns_common.h>
#include <kuid/userns_rules.h>

struct cred;
struct ucounts;

/* One shape for the three. */
struct identity_namespace {
	struct ns_common ns;		/* references, inode number, owner (R5.10) */
	struct ucounts *ucounts;	/* the creator's charge of this type (R1.8) */
};

struct ipc_namespace {
	struct identity_namespace identity;
};

struct net_namespace {
	struct identity_namespace identity;
};

struct cgroup_namespace {
	struct identity_namespace identity;
};

/* The initial ones: inode numbers 0xEFFFFFFF, 0xEFFFFFF9, 0xEFFFFFFB. Never freed. */
extern struct ipc_namespace init_ipc_ns;
extern struct net_namespace init_net_ns;
extern struct cgroup_namespace init_cgroup_ns;

/* A new namespace owned by creator's namespace: 0, -ENOSPC (*refusal says why) or -ENOMEM. */
int ipc_namespace_create(const struct cred *creator, struct ipc_namespace **result,
			 struct userns_refusal *refusal);
int net_namespace_create(const struct cred *creator, struct net_namespace **result,
			 struct userns_refusal *refusal);
int cgroup_namespace_create(const struct cred *creator, struct cgroup_namespace **result,
			    struct userns_refusal *refusal);

/* Each is a plain reference: ns_get(&x->identity.ns) and these. NULL does nothing. */
void put_ipc_ns(struct ipc_namespace *ipc);
void put_net_ns(struct net_namespace *net);
void put_cgroup_ns(struct cgroup_namespace *cgroup);

#endif /* KUID_IDENTITY_NAMESPACES_H */
