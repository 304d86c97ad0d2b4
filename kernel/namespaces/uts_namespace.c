/*
 * uts_namespace.c: UTS namespaces: the host name and domain name, one pair per namespace.
 * A new namespace copies its creator's names; uname, sethostname and setdomainname
 * (kernel/syscall/uname.c) work on the caller's. One lock guards the names of every
 * namespace, so uname never reads a name half written.
 */
#include <kuid/cred.h>
#include <kuid/heap.h>
#include <kuid/spinlock.h>
#include <kuid/string.h>
#include <kuid/user_namespace.h>
#include <kuid/uts_namespace.h>
#include <uapi/errno.h>
#include <uapi/sched.h>

#include "namespace_internal.h"

static void uts_ns_release(struct ns_common *ns);

static const struct ns_operations uts_ns_operations = {
	.name = "uts",
	.type = NS_TYPE_UTS,
	.clone_flag = CLONE_NEWUTS,
	.release = uts_ns_release,
};

/* The names as Linux fills them, but for the release, which says who really answers. */
struct uts_namespace init_uts_ns = {
	.ns = {
		.references = 1,	/* init_namespace_set's, never put */
		.inode_number = NS_INITIAL_UTS_INODE_NUMBER,
		.operations = &uts_ns_operations,
		.owner = &init_user_ns,
	},
	.name = {
		.sysname = "Linux",	/* kuid speaks Linux's ABI: programs take Linux's path */
		.nodename = "kuid",
		.release = "6.18.0-kuid",
		.version = "#1 kuid " __DATE__,
		.machine = "x86_64",
		.domainname = "(none)",
	},
};

static struct spinlock uts_lock = SPINLOCK_INIT("uts names");

int uts_namespace_create(struct uts_namespace *old, const struct cred *creator,
			 struct uts_namespace **result, struct userns_refusal *refusal)
{
	struct uts_namespace *uts = kzalloc(sizeof(*uts));
	int error;

	if (!uts)
		return -ENOMEM;
	error = namespace_birth(&uts->ns, &uts_ns_operations, creator, UCOUNT_UTS_NAMESPACES,
				&uts->ucounts, refusal);
	if (error) {
		kfree(uts);
		return error;
	}
	uts_namespace_read(old, &uts->name);
	*result = uts;
	return 0;
}

static void uts_ns_release(struct ns_common *ns)
{
	struct uts_namespace *uts = to_uts_ns(ns);

	namespace_death(ns, uts->ucounts, UCOUNT_UTS_NAMESPACES);
	kfree(uts);
}

void put_uts_ns(struct uts_namespace *uts)
{
	if (uts)
		ns_put(&uts->ns);
}

void uts_namespace_read(struct uts_namespace *uts, struct new_utsname *name)
{
	spin_lock(&uts_lock);
	*name = uts->name;
	spin_unlock(&uts_lock);
}

/* Linux's rule: exactly `length` bytes, the rest of the field zeroed (so no NUL is needed). */
static void set_name(char *field, const char *name, size_t length)
{
	spin_lock(&uts_lock);
	memcpy(field, name, length);
	memset(field + length, 0, NEW_UTS_LEN + 1 - length);
	spin_unlock(&uts_lock);
}

void uts_namespace_set_hostname(struct uts_namespace *uts, const char *name, size_t length)
{
	set_name(uts->name.nodename, name, length);
}

void uts_namespace_set_domainname(struct uts_namespace *uts, const char *name, size_t length)
{
	set_name(uts->name.domainname, name, length);
}
