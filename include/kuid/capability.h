/*
 * capability.h: may these credentials use capability X over that user namespace (R4.1)? And
 * how set*id and execve recompute the capability sets (R4.10, R4.7).
 *
 * A capability is never absolute: it is held *in* a user namespace, and it reaches that
 * namespace and every namespace below it, never one above or beside it. A privileged
 * operation therefore names the namespace that governs what it touches (the file's, the
 * hostname's, the initial one for the clock) and asks over that one. Everything here but
 * ns_capable() is pure: it takes the credentials to judge as an argument.
 */
#ifndef KUID_CAPABILITY_H
#define KUID_CAPABILITY_H

#include <kuid/cred.h>
#include <kuid/types.h>
#include <kuid/uidgid.h>
#include <kuid/userns_rules.h>
#include <uapi/capability.h>

struct user_namespace;

/* Capabilities 0 .. CAP_LAST_CAP: what a task gets in a namespace it creates (R4.4). */
#define CAP_EMPTY_SET	((kernel_cap_t){ 0 })
#define CAP_FULL_SET	((kernel_cap_t){ (2ull << CAP_LAST_CAP) - 1 })

/*
 * The capabilities that fsuid 0 used to mean: set*fsuid switches them with the fsuid (R4.10).
 * Linux's CAP_FS_SET.
 */
#define CAP_FS_SET ((kernel_cap_t){ (1ull << CAP_CHOWN) | (1ull << CAP_MKNOD) |		\
				    (1ull << CAP_DAC_OVERRIDE) |				\
				    (1ull << CAP_DAC_READ_SEARCH) | (1ull << CAP_FOWNER) |	\
				    (1ull << CAP_FSETID) | (1ull << CAP_MAC_OVERRIDE) |		\
				    (1ull << CAP_LINUX_IMMUTABLE) })

static inline bool cap_is_subset(kernel_cap_t set, kernel_cap_t superset)
{
	return (set.bits & ~superset.bits) == 0;
}

/* ---- the question (capability.c) ---- */

/*
 * R4.1: does `cred` have capability `capability` over target_ns? Walk from target_ns upward:
 *   1. at the cred's own namespace: yes if the capability is in the effective set;
 *   2. at a level no deeper than the cred's: no, target_ns is not below the cred's namespace;
 *   3. at a namespace whose parent is the cred's namespace and whose owner is the cred's euid:
 *      yes, even with an empty effective set (the creator owns what it created);
 *   4. otherwise go up one level and ask again.
 * Returns 0 or -EPERM (callers pick the errno they report). An invalid capability number is
 * refused. *refusal (may be NULL) says why.
 */
int cap_capable_explained(const struct cred *cred, struct user_namespace *target_ns,
			  int capability, struct userns_refusal *refusal);

static inline int cap_capable(const struct cred *cred, struct user_namespace *target_ns,
			      int capability)
{
	return cap_capable_explained(cred, target_ns, capability, NULL);
}

/* R4.2: the same as a yes/no, for credentials that are not the caller's (another task's). */
bool has_ns_capability(const struct cred *cred, struct user_namespace *ns, int capability);

/*
 * R4.2: judged with the credentials the file was opened with (file->f_cred), whoever uses the
 * file now. This is what keeps an fd passed to a privileged process from gaining power.
 */
bool file_ns_capable(const struct cred *opener_cred, struct user_namespace *ns, int capability);

/*
 * R4.2: the calling task's question, ns_capable(ns, CAP_X); capable(CAP_X) is
 * ns_capable(&init_user_ns, CAP_X). Not pure: kernel/user_namespace/current_capable.c.
 */
bool ns_capable(struct user_namespace *ns, int capability);

/* ---- capabilities over inodes (R4.3) ---- */

/*
 * Are both the inode's owner and group mapped in ns? A capability in ns reaches only files whose
 * ids ns can name: root in a container cannot override a host-root file.
 */
bool privileged_wrt_inode_uidgid(const struct user_namespace *ns, kuid_t inode_uid,
				 kgid_t inode_gid);

/*
 * R4.3: capability over an inode for CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_CHOWN,
 * CAP_FSETID and CAP_SETFCAP: the capability in cred's own namespace, and the inode's uid and
 * gid both mapped there.
 */
bool capable_wrt_inode_uidgid(const struct cred *cred, kuid_t inode_uid, kgid_t inode_gid,
			      int capability);

/*
 * R4.3: Linux's inode_owner_or_capable with the credentials given: cred's fsuid owns the
 * inode, or cred has CAP_FOWNER in its namespace and the inode's uid (only the uid, Obs 7b) is
 * mapped there.
 */
bool cred_inode_owner_or_capable(const struct cred *cred, kuid_t inode_uid);

/* ---- set*id (capability_transitions.c) ---- */

/*
 * R4.10: after setuid, setreuid or setresuid changed new_cred's uids (old_cred: before). With
 * root = uid 0 of old_cred's namespace: all of the real, effective and saved uid leaving root
 * clears permitted and effective (unless SECBIT_KEEP_CAPS) and ambient; the effective uid
 * leaving root clears effective; the effective uid becoming root sets effective to permitted.
 * SECBIT_NO_SETUID_FIXUP (R4.9) turns all of this off.
 */
void cap_fix_setuid(struct cred *new_cred, const struct cred *old_cred);

/*
 * The same for setfsuid: the fsuid leaving root drops CAP_FS_SET from the effective set, the
 * fsuid becoming root raises the permitted part of CAP_FS_SET.
 */
void cap_fix_setfsuid(struct cred *new_cred, const struct cred *old_cred);

/* ---- execve (capability_transitions.c) ---- */

/* The security.capability of the file, once R4.8 has decided to honour it. */
struct file_capabilities {
	kernel_cap_t permitted;		/* fP: forced */
	kernel_cap_t inheritable;	/* fI: granted if also in the process's inheritable */
	bool effective;			/* VFS_CAP_FLAGS_EFFECTIVE: start with them effective */
};

/* What execve knows besides the credentials. */
struct exec_capability_context {
	const struct file_capabilities *file_caps;	/* NULL: the file has none that count */
	/*
	 * R8.8: the exec is unsafe: the fs context is shared with another process, or a tracer
	 * without CAP_SYS_PTRACE in the new namespace is attached.
	 */
	bool unsafe;
	bool no_new_privs;				/* prctl(PR_SET_NO_NEW_PRIVS) */
};

/*
 * R4.7, R8.8: compute the capabilities after execve. old_cred is the caller's; new_cred is its
 * copy with euid/egid already changed by the file's set-id bits (R8.6, the exec code's job).
 * With root = uid 0 of new_cred's namespace and unless old_cred has SECBIT_NOROOT: a real or
 * effective uid equal to root gets permitted = bounding | inheritable, and effective too if the
 * effective uid is root; a file with capabilities that is setuid to root, run by non-root,
 * gets only its file capabilities. Then the unsafe-exec downgrade, saved and fs ids set to the
 * effective ones, ambient kept only when nothing was gained, SECBIT_KEEP_CAPS cleared.
 * *secure_exec is AT_SECURE for the auxiliary vector. Returns 0, or -EPERM when the file forces
 * effective capabilities that cannot all be granted (new_cred is then not to be used).
 */
int cap_exec_credentials(struct cred *new_cred, const struct cred *old_cred,
			 const struct exec_capability_context *context, bool *secure_exec,
			 struct userns_refusal *refusal);

#endif /* KUID_CAPABILITY_H */
