/*
 * userns_rules.h: the rules of linux-userns-rules.md (R-numbers) as values the code can use.
 *
 * A check that refuses a request says which rule refused it: it fills a struct userns_refusal
 * with the rule and a short reason, and returns a negative errno as usual. Because the rule is a
 * value and not only a comment, a later part of kuid can tell the user why a call was refused
 * ("R3.10: the upper range overlaps line 2"). The R-numbers are those of
 * /work/shared/reference/linux-userns-rules.md.
 *
 * Adding a rule: one enumerator here (named RULE_R<section>_<number>_<WHAT>, kept in R-number
 * order) and one entry in the table of kernel/user_namespace/userns_rules.c. A unit test
 * (test_rule_table_is_complete in tests/unit/test_id_map_parse.c) checks that every enumerator
 * has an entry.
 */
#ifndef KUID_USERNS_RULES_H
#define KUID_USERNS_RULES_H

#include <kuid/types.h>

enum userns_rule {
	RULE_NONE = 0,			/* nothing was refused */

	/* Section 1: the data model. */
	RULE_R1_7_DEPTH,		/* at most 33 user namespaces below the initial one */
	RULE_R1_8_UCOUNT_LIMIT,		/* max_user_namespaces, charged up the tree */
	RULE_R1_9_UCOUNT_SYSCTL,	/* /proc/sys/user: one's own ns, CAP_SYS_RESOURCE to write */

	/* Section 3: writing uid_map, gid_map and projid_map. */
	RULE_R3_2_INITIAL_NAMESPACE,	/* the initial namespace's maps never change */
	RULE_R3_3_OPENER_NAMESPACE,	/* the opener lives in the namespace or its parent */
	RULE_R3_4_WRITE_SIZE,		/* offset 0 and fewer than 4096 bytes */
	RULE_R3_6_WRITE_ONCE,		/* a map is written once */
	RULE_R3_7_OPENER_NOT_ADMIN,	/* the opener has CAP_SYS_ADMIN over the namespace */
	RULE_R3_8_FORMAT,		/* three unsigned decimals per line */
	RULE_R3_9_RANGE,		/* no extent reaches 4294967295 or is empty */
	RULE_R3_10_OVERLAP,		/* extents do not overlap, on either side */
	RULE_R3_11_TOO_MANY,		/* at most 340 extents */
	RULE_R3_12_EMPTY,		/* at least one extent */
	RULE_R3_13_NOT_PERMITTED,	/* the ids are the opener's own, or both have CAP_SETUID */
	RULE_R3_14_NOT_IN_PARENT,	/* lower range inside one extent of the parent (R2.4) */
	RULE_R3_19_SETGROUPS_OPEN,	/* writing setgroups needs CAP_SYS_ADMIN at open */
	RULE_R3_20_SETGROUPS_FORMAT,	/* "allow" or "deny", one short write at offset 0 */
	RULE_R3_21_SETGROUPS_STATE,	/* deny is for ever, and only before gid_map */
	RULE_R3_23_SETGROUPS,		/* setgroups(2): CAP_SETGID, gid_map written, "allow" */

	/* Section 4: capabilities. */
	RULE_R4_1_CAPABILITY,		/* capabilities hold in one's namespace and below it */
	RULE_R4_7_EXEC_CAPABILITIES,	/* execve recomputes the capability sets */
	RULE_R4_9_SECUREBITS,		/* PR_SET_SECUREBITS: CAP_SETPCAP, locked bits stay */
	RULE_R4_11_INITIAL_NS_ONLY,	/* some capabilities count in the initial ns only */
	RULE_R4_CAPSET,			/* capset/prctl cap rules (commoncap.c, not in the doc) */

	/* Section 5: clone, unshare, setns. */
	RULE_R5_1_CLONE_FLAGS,		/* clone: NEWNS|FS, NEWUSER|FS, THREAD|NEWPID... EINVAL */
	RULE_R5_2_NAMESPACE_CAPABILITY,	/* new non-user namespaces: CAP_SYS_ADMIN (R5.5 too) */
	RULE_R5_3_CREATOR,		/* creator not chrooted, its euid and egid mapped */
	RULE_R5_4_UNSHARE_FLAGS,	/* unshare: only its flags; threads block THREAD/VM */
	RULE_R5_6_PID_NAMESPACE,	/* one new pid ns before a child; owner, depth 32 */
	RULE_R5_7_SETNS_ARGUMENTS,	/* setns: an nsfs fd, nstype 0 or its type (R12.5) */
	RULE_R5_8_JOIN_USER_NS,		/* setns user: not own ns, one thread, own fs, caps */
	RULE_R5_9_JOIN_OTHER_NS,	/* setns others: CAP_SYS_ADMIN over owner and own ns */
	RULE_R5_10_OWNER_GOVERNS,	/* a namespace's resources need caps over its owner */

	/* Section 6: /proc/PID/ns and nsfs. */
	RULE_R6_2_NS_LINK_ACCESS,	/* /proc/PID/ns/X: ptrace_may_access READ_FSCREDS */
	RULE_R6_4_INODE_NUMBERS,	/* the nsfs inode number pool is finite in kuid */
	RULE_R6_6_OWNER_VISIBLE,	/* NS_GET_USERNS/PARENT: only within one's own subtree */
	RULE_R6_7_HIERARCHICAL,		/* NS_GET_PARENT: user and pid namespaces only */
	RULE_R6_9_OWNER_UID,		/* NS_GET_OWNER_UID: user namespaces only */
	RULE_R6_10_UNKNOWN_IOCTL,	/* anything else on an nsfs file: ENOTTY */

	/* Section 7: credentials and ids. */
	RULE_R7_2_SET_ID,		/* set*id: unmapped EINVAL, then CAP_SETUID/SETGID */
	RULE_R7_4_CHOWN,		/* chown: unmapped EINVAL, else owner or CAP_CHOWN */
	RULE_R7_6_DAC,			/* DAC overrides need the inode's ids mapped (R4.3) */
	RULE_R7_7_DEVICE_NODES,		/* mknod of a device: CAP_MKNOD in the initial ns */

	/* Section 8: signals, exec. */
	RULE_R8_1_KILL,			/* same uid, or CAP_KILL in the target's namespace */
	RULE_R8_3_PTRACE_ACCESS,	/* same ids and dumpable, or CAP_SYS_PTRACE over it */
	RULE_R8_6_SET_ID_EXEC,		/* set-id bits need nosuid off and both ids mapped */

	/* Section 9: mounts and the file system. */
	RULE_R9_1_MAY_MOUNT,		/* mount, umount, pivot_root: CAP_SYS_ADMIN over mnt ns owner */
	RULE_R9_2_NEW_INSTANCE,		/* a new instance: CAP_SYS_ADMIN over its user ns (proc: pid) */
	RULE_R9_3_TOO_REVEALING,	/* proc only while a fully visible proc is in the mnt ns */
	RULE_R9_5_LOCKED_MOUNT,		/* a locked mount stays on what it covers */
	RULE_R9_6_LOCKED_FLAGS,		/* locked flags stay; no plain bind of locked children */
	RULE_R9_7_CHROOT,		/* chroot: CAP_SYS_CHROOT in the caller's own ns */
	RULE_R9_8_SYSCTL_WRITE,		/* kernel settings: written by the global root only */

	/* Section 12: the life of a pid namespace. */
	RULE_R12_3_INIT_DEATH,		/* once the ns init died, nothing enters: ENOMEM */

	USERNS_RULE_COUNT		/* keep last: the number of entries of the table */
};

/* What the table says about one rule. */
struct userns_rule_description {
	const char *number;	/* "R3.9", as in linux-userns-rules.md */
	const char *summary;	/* one line, for a student and for a refusal message */
};

/* Indexed by enum userns_rule. */
extern const struct userns_rule_description userns_rules[USERNS_RULE_COUNT];

/* "R3.9"; "R?" for a value that is not a rule, so a message never prints NULL. */
const char *userns_rule_number(enum userns_rule rule);
const char *userns_rule_summary(enum userns_rule rule);

/*
 * Why a request was refused. A checking function takes a pointer to one (which may be NULL
 * when the caller does not care) and fills it when it refuses; otherwise it leaves it alone.
 */
struct userns_refusal {
	enum userns_rule rule;
	const char *reason;	/* a fixed sentence saying what exactly was wrong */
	uint32_t line;		/* in a map write: the refused line, counted from 1; else 0 */
};

/*
 * Fill *refusal (if there is one) and return -error, so a check reads
 *	return userns_refuse(refusal, RULE_R3_9_RANGE, 0, "count is 0", EINVAL);
 */
static inline int userns_refuse(struct userns_refusal *refusal, enum userns_rule rule,
				uint32_t line, const char *reason, int error)
{
	if (refusal) {
		refusal->rule = rule;
		refusal->reason = reason;
		refusal->line = line;
	}
	return -error;
}

#endif /* KUID_USERNS_RULES_H */
