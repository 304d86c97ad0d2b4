/*
 * userns_rules.c: the table that turns an enum userns_rule into its R-number and a one-line
 * summary, so a refusal can be explained to the user. Pure data: kernel and host tests alike.
 */
#include <kuid/userns_rules.h>

/* Designated initializers: a rule's entry sits next to nothing but its own name. */
const struct userns_rule_description userns_rules[USERNS_RULE_COUNT] = {
	[RULE_NONE] = { "R0", "nothing was refused" },
	[RULE_R1_7_DEPTH] = {
		"R1.7", "user namespaces nest at most 33 deep below the initial one" },
	[RULE_R1_8_UCOUNT_LIMIT] = {
		"R1.8", "each namespace on the way up allows only max_user_namespaces per user" },
	[RULE_R1_9_UCOUNT_SYSCTL] = {
		"R1.9", "/proc/sys/user shows one's own namespace; writing needs CAP_SYS_RESOURCE" },
	[RULE_R3_2_INITIAL_NAMESPACE] = {
		"R3.2", "the maps of the initial namespace cannot be written" },
	[RULE_R3_3_OPENER_NAMESPACE] = {
		"R3.3", "a map file is written by an opener in the namespace or in its parent" },
	[RULE_R3_4_WRITE_SIZE] = {
		"R3.4", "a map is written at offset 0, in one write of fewer than 4096 bytes" },
	[RULE_R3_6_WRITE_ONCE] = { "R3.6", "a map that already has extents cannot be written" },
	[RULE_R3_7_OPENER_NOT_ADMIN] = {
		"R3.7", "the opener of a uid or gid map needs CAP_SYS_ADMIN over the namespace" },
	[RULE_R3_8_FORMAT] = {
		"R3.8", "each line is three unsigned decimal numbers separated by whitespace" },
	[RULE_R3_9_RANGE] = {
		"R3.9", "an extent has a count of at least 1 and never reaches id 4294967295" },
	[RULE_R3_10_OVERLAP] = {
		"R3.10", "the upper ranges do not overlap, and neither do the lower ranges" },
	[RULE_R3_11_TOO_MANY] = { "R3.11", "a map has at most 340 extents" },
	[RULE_R3_12_EMPTY] = { "R3.12", "a map has at least one extent" },
	[RULE_R3_13_NOT_PERMITTED] = {
		"R3.13", "only one's own id, or with CAP_SETUID/SETGID for writer and opener" },
	[RULE_R3_14_NOT_IN_PARENT] = {
		"R3.14", "each lower range lies inside a single extent of the parent's map (R2.4)" },
	[RULE_R3_19_SETGROUPS_OPEN] = {
		"R3.19", "opening setgroups for writing needs CAP_SYS_ADMIN over the namespace" },
	[RULE_R3_20_SETGROUPS_FORMAT] = {
		"R3.20", "setgroups takes \"allow\" or \"deny\" in one short write at offset 0" },
	[RULE_R3_21_SETGROUPS_STATE] = {
		"R3.21", "setgroups can be denied only before gid_map, and never allowed again" },
	[RULE_R3_23_SETGROUPS] = {
		"R3.23", "setgroups needs CAP_SETGID in one's namespace, a gid_map, and \"allow\"" },
	[RULE_R4_1_CAPABILITY] = {
		"R4.1", "a capability holds in one's own namespace (if effective) and below it" },
	[RULE_R4_7_EXEC_CAPABILITIES] = {
		"R4.7", "execve recomputes capabilities; forced file capabilities must all fit" },
	[RULE_R4_9_SECUREBITS] = {
		"R4.9", "changing securebits needs CAP_SETPCAP in one's namespace; locks never open" },
	[RULE_R4_11_INITIAL_NS_ONLY] = {
		"R4.11", "device nodes, the clock, modules: capabilities of the initial namespace only" },
	[RULE_R4_CAPSET] = {
		"R4-capset", "capset and PR_CAP_*: no set grows beyond what the old sets allow" },
	[RULE_R5_1_CLONE_FLAGS] = {
		"R5.1", "clone refuses NEWNS|FS, NEWUSER|FS, THREAD|NEWUSER, THREAD|NEWPID..." },
	[RULE_R5_2_NAMESPACE_CAPABILITY] = {
		"R5.2", "a new non-user namespace needs CAP_SYS_ADMIN in its owner" },
	[RULE_R5_3_CREATOR] = {
		"R5.3", "the creator of a user namespace is not chrooted; its euid, egid are mapped" },
	[RULE_R5_4_UNSHARE_FLAGS] = {
		"R5.4", "unshare takes only its flags; THREAD, SIGHAND, VM need one thread" },
	[RULE_R5_6_PID_NAMESPACE] = {
		"R5.6", "one new pid ns per process, owned below the parent's owner, 32 deep" },
	[RULE_R5_7_SETNS_ARGUMENTS] = {
		"R5.7", "setns takes an nsfs fd, and an nstype of 0 or the fd's type" },
	[RULE_R5_8_JOIN_USER_NS] = {
		"R5.8", "join a user ns: not one's own, one thread, own fs, CAP_SYS_ADMIN" },
	[RULE_R5_9_JOIN_OTHER_NS] = {
		"R5.9", "join a ns: CAP_SYS_ADMIN over its owner and in one's own user ns" },
	[RULE_R5_10_OWNER_GOVERNS] = {
		"R5.10", "a namespace's resources need capabilities over its owner" },
	[RULE_R6_2_NS_LINK_ACCESS] = {
		"R6.2", "/proc/PID/ns links: only for who may inspect the process (ptrace read)" },
	[RULE_R6_4_INODE_NUMBERS] = {
		"R6.4", "inode numbers come from one pool (4096 numbers in kuid)" },
	[RULE_R6_6_OWNER_VISIBLE] = {
		"R6.6", "NS_GET_USERNS/PARENT reach only one's own user ns and below" },
	[RULE_R6_7_HIERARCHICAL] = {
		"R6.7", "NS_GET_PARENT works on user and pid namespaces only" },
	[RULE_R6_9_OWNER_UID] = { "R6.9", "NS_GET_OWNER_UID works on user namespaces only" },
	[RULE_R6_10_UNKNOWN_IOCTL] = {
		"R6.10", "an nsfs file answers NS_GET_* only; else ENOTTY" },
	[RULE_R7_2_SET_ID] = {
		"R7.2", "set*id: an unmapped id is EINVAL; other ids need CAP_SETUID/CAP_SETGID" },
	[RULE_R7_4_CHOWN] = {
		"R7.4", "chown: unmapped ids are EINVAL; giving a file away needs CAP_CHOWN over it" },
	[RULE_R7_6_DAC] = {
		"R7.6", "overriding file permissions needs the file's uid and gid mapped (R4.3)" },
	[RULE_R7_7_DEVICE_NODES] = {
		"R7.7", "mknod of a device node needs CAP_MKNOD in the initial namespace" },
	[RULE_R8_1_KILL] = {
		"R8.1", "kill: a matching real/effective vs real/saved uid, or CAP_KILL over the target" },
	[RULE_R8_3_PTRACE_ACCESS] = {
		"R8.3", "inspecting a process: all its ids one's own and dumpable, or CAP_SYS_PTRACE" },
	[RULE_R8_6_SET_ID_EXEC] = {
		"R8.6", "set-id bits count only without nosuid and with the file's uid and gid mapped" },
	[RULE_R9_1_MAY_MOUNT] = {
		"R9.1", "mount, umount, pivot_root need CAP_SYS_ADMIN over the mount ns's owner" },
	[RULE_R9_2_NEW_INSTANCE] = {
		"R9.2", "a new instance needs CAP_SYS_ADMIN over its user ns (proc: the pid ns's)" },
	[RULE_R9_3_TOO_REVEALING] = {
		"R9.3", "proc mounts only where a proc is fully visible (no locked covers)" },
	[RULE_R9_5_LOCKED_MOUNT] = {
		"R9.5", "a locked mount cannot be unmounted, moved or pivoted away" },
	[RULE_R9_6_LOCKED_FLAGS] = {
		"R9.6", "locked mount flags cannot be cleared; locked children need MS_REC" },
	[RULE_R9_7_CHROOT] = {
		"R9.7", "chroot needs CAP_SYS_CHROOT in the caller's own user namespace" },
	[RULE_R9_8_SYSCTL_WRITE] = {
		"R9.8", "kernel settings in /proc/sys are written by the global root only" },
	[RULE_R12_3_INIT_DEATH] = {
		"R12.3", "when a pid ns's init dies, its members are killed and fork into it fails" },
};

const char *userns_rule_number(enum userns_rule rule)
{
	if ((unsigned)rule >= USERNS_RULE_COUNT || !userns_rules[rule].number)
		return "R?";
	return userns_rules[rule].number;
}

const char *userns_rule_summary(enum userns_rule rule)
{
	if ((unsigned)rule >= USERNS_RULE_COUNT || !userns_rules[rule].summary)
		return "unknown rule";
	return userns_rules[rule].summary;
}
