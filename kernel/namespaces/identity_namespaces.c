/*
 * identity_namespaces.c: the IPC, network and cgroup namespaces, which in kuid hold nothing
 * but their identity and owner (identity_namespaces.h says why). The three types differ only
 * in their name, their clone flag, their initial inode number and what they are charged to.
 */
#include <kuid/cred.h>
#include <kuid/heap.h>
#include <kuid/identity_namespaces.h>
#include <kuid/user_namespace.h>
#include <uapi/errno.h>
#include <uapi/sched.h>

#include "namespace_internal.h"

static void identity_ns_release(struct ns_common *ns);

/* Each type's table; the ucount type to give back at death is found through it. */
static const struct ns_operations ipc_ns_operations = {
	.name = "ipc", .type = NS_TYPE_IPC, .clone_flag = CLONE_NEWIPC,
	.release = identity_ns_release,
};
static const struct ns_operations net_ns_operations = {
	.name = "net", .type = NS_TYPE_NET, .clone_flag = CLONE_NEWNET,
	.release = identity_ns_release,
};
static const struct ns_operations cgroup_ns_operations = {
	.name = "cgroup", .type = NS_TYPE_CGROUP, .clone_flag = CLONE_NEWCGROUP,
	.release = identity_ns_release,
};

#define INITIAL_IDENTITY(operations_, inode_number_) {					\
	.identity = { .ns = {								\
		.references = 1,	/* init_namespace_set's, never put */		\
		.inode_number = (inode_number_),					\
		.operations = (operations_),						\
		.owner = &init_user_ns,							\
	} } }

struct ipc_namespace init_ipc_ns =
	INITIAL_IDENTITY(&ipc_ns_operations, NS_INITIAL_IPC_INODE_NUMBER);
struct net_namespace init_net_ns =
	INITIAL_IDENTITY(&net_ns_operations, NS_INITIAL_NET_INODE_NUMBER);
struct cgroup_namespace init_cgroup_ns =
	INITIAL_IDENTITY(&cgroup_ns_operations, NS_INITIAL_CGROUP_INODE_NUMBER);

static enum ucount_type ucount_type_of(enum ns_type type)
{
	switch (type) {
	case NS_TYPE_IPC:
		return UCOUNT_IPC_NAMESPACES;
	case NS_TYPE_NET:
		return UCOUNT_NET_NAMESPACES;
	default:
		return UCOUNT_CGROUP_NAMESPACES;
	}
}

/* The three structs are an identity_namespace and nothing else: one allocation serves all. */
static int identity_ns_create(const struct ns_operations *operations, const struct cred *creator,
			      struct identity_namespace **result, struct userns_refusal *refusal)
{
	struct identity_namespace *identity = kzalloc(sizeof(*identity));
	int error;

	if (!identity)
		return -ENOMEM;
	error = namespace_birth(&identity->ns, operations, creator,
				ucount_type_of(operations->type), &identity->ucounts, refusal);
	if (error) {
		kfree(identity);
		return error;
	}
	*result = identity;
	return 0;
}

static void identity_ns_release(struct ns_common *ns)
{
	struct identity_namespace *identity = container_of(ns, struct identity_namespace, ns);

	namespace_death(ns, identity->ucounts, ucount_type_of(ns->operations->type));
	kfree(identity);
}

int ipc_namespace_create(const struct cred *creator, struct ipc_namespace **result,
			struct userns_refusal *refusal)
{
	struct identity_namespace *identity;
	int error = identity_ns_create(&ipc_ns_operations, creator, &identity,
				       refusal);

	if (!error)
		*result = container_of(identity, struct ipc_namespace, identity);
	return error;
}

int net_namespace_create(const struct cred *creator, struct net_namespace **result,
			struct userns_refusal *refusal)
{
	struct identity_namespace *identity;
	int error = identity_ns_create(&net_ns_operations, creator, &identity,
				       refusal);

	if (!error)
		*result = container_of(identity, struct net_namespace, identity);
	return error;
}

int cgroup_namespace_create(const struct cred *creator, struct cgroup_namespace **result,
			   struct userns_refusal *refusal)
{
	struct identity_namespace *identity;
	int error = identity_ns_create(&cgroup_ns_operations, creator, &identity,
				       refusal);

	if (!error)
		*result = container_of(identity, struct cgroup_namespace, identity);
	return error;
}

void put_ipc_ns(struct ipc_namespace *ipc)
{
	if (ipc)
		ns_put(&ipc->identity.ns);
}

void put_net_ns(struct net_namespace *net)
{
	if (net)
		ns_put(&net->identity.ns);
}

void put_cgroup_ns(struct cgroup_namespace *cgroup)
{
	if (cgroup)
		ns_put(&cgroup->identity.ns);
}
