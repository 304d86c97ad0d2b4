/*
 * cred.h: credentials, the "who am I" of a task.
 *
 * A struct cred holds a task's user and group ids (as kernel ids), its
 * supplementary groups, its five capability sets, its securebits and the
 * user namespace it lives in. Credentials are shared and never changed in
 * place: to change them, a task copies its own (cred_prepare), edits the
 * copy, and installs it (cred_commit). Readers therefore never see a
 * half-made change, and a struct cred that two tasks share stays valid for
 * both. Every get_cred() has its put_cred().
 */
#ifndef KUID_CRED_H
#define KUID_CRED_H

#include <kuid/types.h>
#include <kuid/uidgid.h>
#include <kuid/userns_rules.h>

/* A capability set: bit N is capability N of include/uapi/capability.h. */
typedef struct {
	uint64_t bits;
} kernel_cap_t;

/* Supplementary groups, sorted by kernel id so membership is a binary search. */
struct group_info {
	unsigned int references;
	unsigned int count;
	kgid_t groups[];
};

struct user_namespace;

struct cred {
	unsigned int references;

	kuid_t uid;	/* real: who started the task */
	kuid_t euid;	/* effective: whose rights it uses */
	kuid_t suid;	/* saved: what it may switch back to */
	kuid_t fsuid;	/* file system: owner of new files, subject of access checks */
	kgid_t gid, egid, sgid, fsgid;
	struct group_info *groups;

	kernel_cap_t cap_inheritable;
	kernel_cap_t cap_permitted;
	kernel_cap_t cap_effective;
	kernel_cap_t cap_bounding;
	kernel_cap_t cap_ambient;
	unsigned int securebits;

	struct user_namespace *user_ns;
};

static inline bool cap_raised(kernel_cap_t set, int capability)
{
	return (set.bits >> capability) & 1;
}

static inline kernel_cap_t cap_raise(kernel_cap_t set, int capability)
{
	set.bits |= 1ull << capability;
	return set;
}

static inline kernel_cap_t cap_lower(kernel_cap_t set, int capability)
{
	set.bits &= ~(1ull << capability);
	return set;
}

/* ---- Using credentials (kernel/cred/cred.c) ---- */

/* The calling task's credentials. No reference is taken: valid while the task runs. */
const struct cred *current_cred(void);

const struct cred *get_cred(const struct cred *cred);
struct task;
/* Another task's current credentials, with a reference: put_cred when done. */
const struct cred *task_get_cred(const struct task *task);
void put_cred(const struct cred *cred);	/* the last put frees it; put_cred(NULL) is fine */

/*
 * The credentials of pid 1 (and of kernel threads): every id 0, every
 * capability up to CAP_LAST_CAP permitted, effective and in the bounding
 * set, no supplementary groups, in init_user_ns. Returns a new reference.
 */
const struct cred *cred_init(void);

/*
 * Changing credentials: take a private copy of the caller's (cred_prepare),
 * edit it, then either install it (cred_commit, which consumes the
 * reference) or throw it away (cred_abort). NULL when out of memory.
 * A copy holds its own references to its groups and its user namespace.
 * cred_commit also makes the process non-dumpable when the change gives it
 * other ids or more capabilities (R8.5, Linux's commit_creds).
 */
struct cred *cred_prepare(void);
int cred_commit(struct cred *new_cred);
void cred_abort(struct cred *new_cred);
/* The end of most changes: cred_commit if `error` is 0, else cred_abort; returns error. */
long cred_commit_or_abort(struct cred *new_cred, long error);

/*
 * R4.2: has the caller `capability` over the initial user namespace? That is
 * ns_capable(&init_user_ns, capability): root of a container never has it.
 * For things every namespace shares (the clock, device nodes, rebooting).
 */
bool capable(int capability);

/* Is gid the caller's effective (fs) group or one of its supplementary groups? */
bool in_group_p(kgid_t gid);

/*
 * The translation points between kernel ids and the ids user space sees,
 * in the caller's user namespace (R7.1, R7.2). Every id that leaves for user
 * space (getuid, stat, the auxiliary vector) goes through the first two:
 * from_kuid_munged(current_user_ns(), id), 65534 when unmapped. Every id that
 * comes in goes through the last two: make_kuid(current_user_ns(), id),
 * INVALID_UID when unmapped, which the caller refuses with -EINVAL.
 */
uid_t uid_to_user(kuid_t uid);
gid_t gid_to_user(kgid_t gid);
kuid_t uid_from_user(uid_t uid);
kgid_t gid_from_user(gid_t gid);

/* Supplementary groups: `count` sorted kernel ids. NULL when out of memory. */
struct group_info *groups_alloc(unsigned int count);
struct group_info *get_group_info(struct group_info *groups);
void put_group_info(struct group_info *groups);
bool groups_search(const struct group_info *groups, kgid_t gid);
/* Sort `count` kernel gids in place (setgroups hands them in any order). */
void groups_sort(struct group_info *groups);

/* ---- set*id on a copy of the credentials (kernel/cred/set_id_rules.c, pure) ---- */

/*
 * R7.2: Linux's setuid, setreuid, setresuid, setfsuid and their gid twins,
 * applied to new_cred, a copy of old_cred. The ids are kernel ids already
 * translated; INVALID_UID / INVALID_GID stands for user space's -1, "leave
 * it". `privileged` is ns_capable(own namespace, CAP_SETUID or CAP_SETGID).
 * Without it a task may only move among its real, effective and saved ids.
 * The uid calls end with the capability fix-ups of R4.10 (cap_fix_setuid,
 * cap_fix_setfsuid). 0 or -EPERM (*refusal says why); the fs calls never
 * fail and answer whether they changed anything.
 */
int cred_setuid(struct cred *new_cred, const struct cred *old_cred, kuid_t uid,
		bool privileged, struct userns_refusal *refusal);
int cred_setreuid(struct cred *new_cred, const struct cred *old_cred, kuid_t ruid,
		  kuid_t euid, bool privileged, struct userns_refusal *refusal);
int cred_setresuid(struct cred *new_cred, const struct cred *old_cred, kuid_t ruid,
		   kuid_t euid, kuid_t suid, bool privileged, struct userns_refusal *refusal);
bool cred_setfsuid(struct cred *new_cred, const struct cred *old_cred, kuid_t uid,
		   bool privileged);
int cred_setgid(struct cred *new_cred, const struct cred *old_cred, kgid_t gid,
		bool privileged, struct userns_refusal *refusal);
int cred_setregid(struct cred *new_cred, const struct cred *old_cred, kgid_t rgid,
		  kgid_t egid, bool privileged, struct userns_refusal *refusal);
int cred_setresgid(struct cred *new_cred, const struct cred *old_cred, kgid_t rgid,
		   kgid_t egid, kgid_t sgid, bool privileged, struct userns_refusal *refusal);
bool cred_setfsgid(struct cred *new_cred, const struct cred *old_cred, kgid_t gid,
		   bool privileged);
/* R3.23: CAP_SETGID in cred's own namespace, its gid_map written, setgroups "allow". */
int cred_may_setgroups(const struct cred *cred, struct userns_refusal *refusal);

/* ---- changing one's own capabilities (kernel/cred/capability_rules.c, pure) ---- */

/*
 * capset(2), Linux's cap_capset: without CAP_SETPCAP (in one's own
 * namespace) new inheritable within old inheritable | old permitted; always
 * within old inheritable | bounding; permitted within old permitted;
 * effective within new permitted. 0 or -EPERM.
 */
int capset_check(const struct cred *old_cred, kernel_cap_t effective, kernel_cap_t permitted,
		 kernel_cap_t inheritable, bool has_setpcap, struct userns_refusal *refusal);
/* Install checked sets; ambient keeps only what stays permitted and inheritable. */
void capset_apply(struct cred *new_cred, kernel_cap_t effective, kernel_cap_t permitted,
		  kernel_cap_t inheritable);
/* PR_CAP_AMBIENT_RAISE: permitted and inheritable, and no SECBIT_NO_CAP_AMBIENT_RAISE. */
int ambient_raise_check(const struct cred *cred, int capability,
			struct userns_refusal *refusal);
/* R4.9, PR_SET_SECUREBITS: locked bits keep their value, locks stay, CAP_SETPCAP. */
int securebits_check(unsigned int old_bits, unsigned long new_bits, bool has_setpcap,
		     struct userns_refusal *refusal);

/*
 * prctl(2)'s capability and credential options (kernel/cred/prctl_capabilities.c):
 * PR_CAPBSET_READ/DROP, PR_CAP_AMBIENT, PR_GET/SET_SECUREBITS, PR_GET/SET_KEEPCAPS,
 * PR_GET/SET_DUMPABLE. sys_prctl passes every option it does not handle itself;
 * -EINVAL for one that is not among these either.
 */
long prctl_credentials(int option, unsigned long argument2, unsigned long argument3,
		       unsigned long argument4, unsigned long argument5);

/* ---- Dumpability (kernel/cred/dumpable.c) ---- */

/*
 * R8.5: a process is dumpable (1) unless its credentials changed under it:
 * then (0) its /proc files belong to root and it may not be ptraced.
 * PR_SET_DUMPABLE sets it back; execve sets it from what the exec did.
 */
#define DUMPABLE_NO	0
#define DUMPABLE_USER	1

int task_dumpable(const struct task *task);
void task_set_dumpable(struct task *task, int dumpable);

/*
 * R3.1: who owns a task's /proc/PID files: its euid and egid when it is
 * dumpable, otherwise uid 0 and gid 0 of the user namespace its memory
 * belongs to (address_space->user_ns, Linux's mm->user_ns: set at execve),
 * or the global root when that namespace does not map them. Reads the task's
 * current credentials; the task must be held by the caller.
 */
void task_dump_owner(struct task *task, kuid_t *uid, kgid_t *gid);

/* ---- May the caller inspect another process? (kernel/cred/ptrace_access.c) ---- */

/*
 * R8.3, Linux's ptrace_may_access: READ for looking (/proc/PID/ns, environ...), ATTACH for
 * controlling; FSCREDS judges the caller by its fsuid/fsgid and effective capabilities (what
 * /proc uses), REALCREDS by its real ids and permitted capabilities (ptrace itself).
 */
#define PTRACE_MODE_READ	0x01
#define PTRACE_MODE_ATTACH	0x02
#define PTRACE_MODE_FSCREDS	0x08
#define PTRACE_MODE_REALCREDS	0x10
#define PTRACE_MODE_READ_FSCREDS	(PTRACE_MODE_READ | PTRACE_MODE_FSCREDS)
#define PTRACE_MODE_ATTACH_REALCREDS	(PTRACE_MODE_ATTACH | PTRACE_MODE_REALCREDS)

/*
 * May `caller` inspect `target` (a thread of process `target_process`)? Its own process: yes.
 * Otherwise all three of the target's uids and gids are the caller's (fs or real) ids, or the
 * caller has CAP_SYS_PTRACE in the target's user namespace; a non-dumpable target needs
 * CAP_SYS_PTRACE in `memory_ns`, the user namespace of its memory (set at its last execve;
 * NULL: the target's own), in any case; and across namespaces, or when the target holds
 * capabilities the caller lacks, CAP_SYS_PTRACE over the target's namespace decides (the
 * commoncap rule). 0 or -EPERM (callers in /proc turn it into -EACCES); *refusal says why.
 */
int ptrace_access_check(const struct cred *caller, bool same_process, const struct cred *target,
			bool target_dumpable, struct user_namespace *memory_ns, unsigned int mode,
			struct userns_refusal *refusal);

/* The calling task's question about `task`, with the task's current credentials. */
bool ptrace_may_access(struct task *task, unsigned int mode);

#endif
