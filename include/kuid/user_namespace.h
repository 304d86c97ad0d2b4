/*
 * user_namespace.h: user namespaces, the translation of ids through them, and the per-user
 * accounting (ucounts) that limits how many namespaces a user may create.
 *
 * A user namespace renames ids (its uid, gid and projid maps, docs/id-maps.md) and scopes
 * capabilities (capability.h): a process has capabilities in its own namespace and in the
 * namespaces below it, never above. Namespaces form a tree rooted at init_user_ns; each one
 * holds a reference to its parent, so a namespace lives as long as anything inside or below it.
 * docs/user-namespaces.md tells the story; R-numbers are those of linux-userns-rules.md.
 */
#ifndef KUID_USER_NAMESPACE_H
#define KUID_USER_NAMESPACE_H

#include <kuid/id_map.h>
#include <kuid/ns_common.h>
#include <kuid/types.h>
#include <kuid/uidgid.h>
#include <kuid/userns_rules.h>

struct cred;

/* ---- ucounts: how many namespaces each (user namespace, user) has made (R1.8) ---- */

/* What a ucounts record counts: one counter per namespace type. */
enum ucount_type {
	UCOUNT_USER_NAMESPACES,
	UCOUNT_PID_NAMESPACES,
	UCOUNT_UTS_NAMESPACES,
	UCOUNT_IPC_NAMESPACES,
	UCOUNT_NET_NAMESPACES,
	UCOUNT_MNT_NAMESPACES,
	UCOUNT_CGROUP_NAMESPACES,
	UCOUNT_TIME_NAMESPACES,
	UCOUNT_TYPE_COUNT
};

/* R1.9: a new namespace allows INT_MAX of each type; /proc/sys/user/max_* lowers it. */
#define UCOUNT_NEW_NAMESPACE_MAX	2147483647

/*
 * The initial namespace's limits. Linux uses max_threads / 2, computed from the memory size
 * (96365 on the reference host, R1.6). kuid cannot have more than PID_MAX = 32768 tasks, so it
 * uses half of that, a fixed number: a deliberate difference (docs/user-namespaces.md).
 */
#define UCOUNT_INITIAL_NAMESPACE_MAX	16384

/*
 * One record per (namespace, kernel uid) that has charged anything. Records are shared and
 * reference counted; a record does not hold a reference to its namespace, because whoever
 * holds a record (a child namespace's `ucounts`) already keeps that namespace alive.
 */
struct ucounts {
	struct ucounts *next_in_bucket;	/* the hash chain, under the ucounts lock */
	struct user_namespace *ns;
	kuid_t uid;
	unsigned int references;	/* under the ucounts lock */
	int counts[UCOUNT_TYPE_COUNT];	/* atomic */
};

/*
 * R1.8: charge one `type` to (ns, uid), and to each record above it: the record that charged
 * the creation of ns in its parent, then the one above that, up to the initial namespace. At
 * every step the count must stay at or below the ucount_max[type] of that record's namespace.
 * Returns 0 and the charged record in *charged (holding a reference), or -ENOSPC with nothing
 * charged, or -ENOMEM. Every successful inc_ucount has its dec_ucount.
 */
int inc_ucount(struct user_namespace *ns, kuid_t uid, enum ucount_type type,
	       struct ucounts **charged);
void dec_ucount(struct ucounts *charged, enum ucount_type type);

/* The current count of `type` in (ns, uid)'s record; 0 if there is no record. For tests. */
int ucount_read(struct user_namespace *ns, kuid_t uid, enum ucount_type type);

/* How many records exist (for tests and leak checks). */
unsigned int ucounts_records_in_use(void);

/* ---- the namespace ---- */

/* R1.3, R3.21: setgroups(2) may be allowed in this namespace ("allow" in /proc/PID/setgroups). */
#define USERNS_SETGROUPS_ALLOWED	1ul

/* R1.7: a namespace at this level or deeper cannot have children (33 levels below init). */
#define USERNS_MAX_PARENT_LEVEL		32

struct user_namespace {
	/* R3.6: each map is written once, then never changes; readers take no lock. */
	struct id_map uid_map;
	struct id_map gid_map;
	struct id_map projid_map;

	/* Fixed at creation. */
	struct user_namespace *parent;	/* a reference; NULL only for init_user_ns */
	unsigned int level;		/* 0 for init_user_ns, parent's + 1 */
	kuid_t owner;			/* the creator's effective uid (R1.3) */
	kgid_t group;			/* the creator's effective gid */
	bool parent_could_setfcap;	/* creator had CAP_SETFCAP effective (R3.13a) */
	struct ucounts *ucounts;	/* the creator's record in the parent; NULL for init */

	/* Changed under the global userns state mutex of the /proc writers (R3.5). */
	unsigned long flags;		/* USERNS_SETGROUPS_ALLOWED */

	/* R1.9: /proc/sys/user/max_*_namespaces of this namespace; read atomically. */
	int ucount_max[UCOUNT_TYPE_COUNT];

	struct ns_common ns;		/* references, nsfs inode number */
};

/* R1.6: identity maps, level 0, owner 0, setgroups allowed, inode 0xEFFFFFFD. Never freed. */
extern struct user_namespace init_user_ns;

static inline struct user_namespace *get_user_ns(struct user_namespace *ns)
{
	ns_get(&ns->ns);
	return ns;
}

/*
 * Drop a reference. The last one frees the namespace: its maps, its ucounts charge, its inode
 * number, and its reference to the parent, which may free the parent in turn (R1.11).
 * put_user_ns(NULL) does nothing.
 */
void put_user_ns(struct user_namespace *ns);

/* The user namespace behind an ns_common of type NS_TYPE_USER. */
static inline struct user_namespace *to_user_ns(struct ns_common *ns)
{
	return container_of(ns, struct user_namespace, ns);
}

/* Is `ancestor` the namespace `ns` itself or one of its ancestors? */
bool user_ns_is_same_or_ancestor(const struct user_namespace *ancestor,
				 const struct user_namespace *ns);

/*
 * R5.3, R4.4: create a user namespace for new_cred, a private copy of the creator's
 * credentials (cred_prepare) whose user_ns is the parent-to-be. Checks, in Linux's order:
 *   1. the parent's level is above USERNS_MAX_PARENT_LEVEL    -ENOSPC  (R1.7)
 *   2. the creator's euid is over its ucount limit           -ENOSPC  (R1.8)
 *   3. creator_chrooted                                      -EPERM   (R5.3)
 *   4. the creator's euid or egid unmapped in the parent     -EPERM   (R5.3)
 * then -ENOMEM, or -ENOSPC when no nsfs inode number is left. The caller says whether the
 * creator is chrooted (its root is not the root of its mount namespace; chroot("/") does not
 * count) because the file system, not this file, knows that.
 *
 * On success new_cred is in the new namespace with full capabilities there (R4.4), and the
 * cred's reference to the parent has become the new namespace's reference to its parent.
 * On failure new_cred is unchanged. *refusal (may be NULL) names the rule that refused.
 */
int create_user_ns(struct cred *new_cred, bool creator_chrooted,
		   struct userns_refusal *refusal);

/*
 * R4.4, R4.5: give `cred` full capabilities in `ns` (permitted, effective and bounding full,
 * inheritable and ambient empty, securebits 0) and make ns its namespace. The cred takes over
 * the caller's reference to ns; the caller has already dealt with the cred's old one.
 */
void set_cred_user_ns(struct cred *cred, struct user_namespace *ns);

/* How many user namespaces exist besides init_user_ns (for tests and leak checks). */
unsigned int user_namespaces_alive(void);

/* ---- translating ids (R2) ---- */

/*
 * R2.1: the kernel id of `uid` as namespace ns numbers it; INVALID_UID if ns does not map it.
 * Every id that comes in from user space goes through these.
 */
kuid_t make_kuid(const struct user_namespace *ns, uid_t uid);
kgid_t make_kgid(const struct user_namespace *ns, gid_t gid);

/* R2.2: how ns numbers the kernel id; (uid_t)-1 if ns does not map it. */
uid_t from_kuid(const struct user_namespace *ns, kuid_t kuid);
gid_t from_kgid(const struct user_namespace *ns, kgid_t kgid);

/* R1.10: /proc/sys/kernel/overflow{uid,gid}: 65534 by default, 0 .. 65535. */
#define OVERFLOW_ID_DEFAULT	65534
#define OVERFLOW_ID_MAX		65535
extern uid_t overflowuid;	/* read with from_kuid_munged; change with set_overflowuid */
extern gid_t overflowgid;

/*
 * R1.10: as from_kuid, but an unmapped id becomes overflowuid (65534 by default). For every id
 * reported to user space (getuid, stat, ...), where "no such id" cannot be said. Inline, with
 * the map lookup called directly, because getuid and stat run through here all the time.
 */
static inline uid_t from_kuid_munged(const struct user_namespace *ns, kuid_t kuid)
{
	uid_t uid = map_id_up(&ns->uid_map, __kuid_val(kuid));

	return uid != (uid_t)-1 ? uid : __atomic_load_n(&overflowuid, __ATOMIC_RELAXED);
}

static inline gid_t from_kgid_munged(const struct user_namespace *ns, kgid_t kgid)
{
	gid_t gid = map_id_up(&ns->gid_map, __kgid_val(kgid));

	return gid != (gid_t)-1 ? gid : __atomic_load_n(&overflowgid, __ATOMIC_RELAXED);
}

bool kuid_has_mapping(const struct user_namespace *ns, kuid_t kuid);
bool kgid_has_mapping(const struct user_namespace *ns, kgid_t kgid);

/* 0, or -EINVAL for a value above OVERFLOW_ID_MAX (the sysctl's range, R1.10). */
int set_overflowuid(uint32_t value);
int set_overflowgid(uint32_t value);

/* ---- the userns state lock (userns_state.c, kernel only) ---- */

/*
 * R3.5: one global lock serializes every map write, every setgroups write and the
 * setgroups-allowed test, so "gid_map written?" and "setgroups deny?" are always answered
 * together. A spinlock, held only around check-and-install (never across user memory).
 */
void userns_state_lock(void);
void userns_state_unlock(void);

/*
 * R3.23: may setgroups(2) be used in ns? Its gid_map is written and its setgroups file says
 * "allow". Takes the lock. (The capability check is the caller's.)
 */
bool userns_may_setgroups(const struct user_namespace *ns);

/* ---- the calling task (current_capable.c, kernel only) ---- */

/* The user namespace of the calling task's credentials. No reference is taken. */
struct user_namespace *current_user_ns(void);

#endif /* KUID_USER_NAMESPACE_H */
