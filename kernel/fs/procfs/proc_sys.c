/*
 * proc_sys.c: /proc/sys, kernel settings as files. Two permission rules, as Linux's:
 *   - the generic one (R9.8): the owner bits count only for the global root's euid, the group
 *     bits only for members of the global root group, so root of a container gets the "other"
 *     bits and cannot write kernel.overflowuid or any global knob (EACCES at open);
 *   - user.max_*_namespaces (R1.9): the reader's *own* namespace's limits; with
 *     CAP_SYS_RESOURCE there, everybody gets the owner bits, otherwise only "other read".
 */
#include <kuid/capability.h>
#include <kuid/cred.h>
#include <kuid/string.h>
#include <kuid/task.h>
#include <kuid/user_namespace.h>
#include <uapi/errno.h>
#include <uapi/stat.h>

#include "procfs_internal.h"

#define INT_MAX_VALUE		2147483647
#define NGROUPS_MAX_VALUE	65536

/* Apply the rwx triple that `mode` gives `cred`, as Linux's test_perm. */
static int test_permission(uint32_t mode, const struct cred *cred, int want)
{
	if (uid_eq(cred->euid, GLOBAL_ROOT_UID))
		mode >>= 6;
	else if (gid_eq(cred->egid, GLOBAL_ROOT_GID) || groups_search(cred->groups, GLOBAL_ROOT_GID))
		mode >>= 3;
	if ((want & ~mode & (MAY_READ | MAY_WRITE | MAY_EXEC)) == 0)
		return 0;
	return -EACCES;
}

/* R9.8: a global setting; only the global root may write it. */
int sysctl_permission(struct proc_inode *inode, const struct cred *cred, int want)
{
	int error = test_permission(inode->entry->mode, cred, want);

	if (error < 0 && (want & MAY_WRITE))
		return userns_refuse(NULL, RULE_R9_8_SYSCTL_WRITE, 0,
				     "kernel settings are written by the global root only", EACCES);
	return error;
}

/* R1.9: the limits of the reader's own namespace, for whoever has CAP_SYS_RESOURCE there. */
static int ucount_permission(struct proc_inode *inode, const struct cred *cred, int want)
{
	uint32_t mode;

	if (has_ns_capability(cred, cred->user_ns, CAP_SYS_RESOURCE))
		mode = (inode->entry->mode & S_IRWXU) >> 6;
	else
		mode = inode->entry->mode & S_IROTH;
	mode = (mode << 6) | (mode << 3) | mode;
	if (test_permission(mode, cred, want) < 0)
		return userns_refuse(NULL, RULE_R1_9_UCOUNT_SYSCTL, 0,
				     "max_*_namespaces needs CAP_SYS_RESOURCE in one's namespace",
				     EACCES);
	return 0;
}

/* proc_dointvec's text: optional white space and sign, digits, then white space only. */
static int parse_integer(const char *text, size_t count, int64_t *value)
{
	size_t i = 0;
	bool negative = false, digits = false;
	int64_t number = 0;

	while (i < count && (text[i] == ' ' || (text[i] >= '\t' && text[i] <= '\r')))
		i++;
	if (i < count && (text[i] == '-' || text[i] == '+'))
		negative = text[i++] == '-';
	for (; i < count && text[i] >= '0' && text[i] <= '9'; i++) {
		digits = true;
		number = number * 10 + (text[i] - '0');
		if (number > (int64_t)1 << 40)
			return -EINVAL;
	}
	for (; i < count && text[i]; i++)
		if (!(text[i] == ' ' || (text[i] >= '\t' && text[i] <= '\r')))
			return -EINVAL;
	if (!digits)
		return -EINVAL;
	*value = negative ? -number : number;
	return 0;
}

/* ---- kernel.* ---- */

enum kernel_setting {
	SETTING_CAP_LAST_CAP,
	SETTING_OVERFLOWUID,
	SETTING_OVERFLOWGID,
	SETTING_NGROUPS_MAX,
	SETTING_PID_MAX,
};

static int kernel_setting_seq(struct seq_buffer *seq, struct proc_file *file)
{
	switch (file->entry->parameter) {
	case SETTING_CAP_LAST_CAP:
		seq_printf(seq, "%d\n", CAP_LAST_CAP);
		break;
	case SETTING_OVERFLOWUID:
		seq_printf(seq, "%u\n", __atomic_load_n(&overflowuid, __ATOMIC_RELAXED));
		break;
	case SETTING_OVERFLOWGID:
		seq_printf(seq, "%u\n", __atomic_load_n(&overflowgid, __ATOMIC_RELAXED));
		break;
	case SETTING_NGROUPS_MAX:
		seq_printf(seq, "%d\n", NGROUPS_MAX_VALUE);
		break;
	default:
		seq_printf(seq, "%d\n", PID_MAX);
		break;
	}
	return 0;
}

/* R1.10: overflowuid and overflowgid take 0 .. 65535 (set_overflowuid checks). */
static ssize_t overflow_id_write(struct proc_file *file, const char *text, size_t count,
				 uint64_t *position)
{
	int64_t value;
	int error = parse_integer(text, count, &value);

	if (error == 0 && (value < 0 || value > OVERFLOW_ID_MAX))
		error = -EINVAL;
	if (error == 0)
		error = file->entry->parameter == SETTING_OVERFLOWUID ?
				set_overflowuid((uint32_t)value) :
				set_overflowgid((uint32_t)value);
	if (error < 0)
		return error;
	*position += count;
	return (ssize_t)count;
}

#define KERNEL_SETTING(entry_name, entry_mode, which, writer)                          \
	{                                                                              \
		.name = entry_name, .mode = S_IFREG | (entry_mode),                    \
		.show = kernel_setting_seq, .write = writer,                           \
		.permission = sysctl_permission, .parameter = which,                   \
	}

static const struct proc_entry sys_cap_last_cap =
	KERNEL_SETTING("cap_last_cap", 0444, SETTING_CAP_LAST_CAP, NULL);
static const struct proc_entry sys_ngroups_max =
	KERNEL_SETTING("ngroups_max", 0444, SETTING_NGROUPS_MAX, NULL);
static const struct proc_entry sys_overflowgid =
	KERNEL_SETTING("overflowgid", 0644, SETTING_OVERFLOWGID, overflow_id_write);
static const struct proc_entry sys_overflowuid =
	KERNEL_SETTING("overflowuid", 0644, SETTING_OVERFLOWUID, overflow_id_write);
static const struct proc_entry sys_pid_max =
	KERNEL_SETTING("pid_max", 0444, SETTING_PID_MAX, NULL);

static const struct proc_entry *const sys_kernel_children[] = {
	&sys_cap_last_cap, &proc_sys_domainname_entry, &proc_sys_hostname_entry, &sys_ngroups_max,
	&sys_overflowgid, &sys_overflowuid, &sys_pid_max,
};

static const struct proc_entry sys_kernel = {
	.name = "kernel",
	.mode = S_IFDIR | 0555,
	.children = sys_kernel_children,
	.child_count = ARRAY_SIZE(sys_kernel_children),
};

/* ---- user.* (R1.9) ---- */

/* Whose limits: the namespace of whoever opened the file, as Linux's set_lookup(). */
static int ucount_max_seq(struct seq_buffer *seq, struct proc_file *file)
{
	struct user_namespace *ns = file->opener->user_ns;

	seq_printf(seq, "%d\n",
		   __atomic_load_n(&ns->ucount_max[file->entry->parameter], __ATOMIC_RELAXED));
	return 0;
}

static ssize_t ucount_max_write(struct proc_file *file, const char *text, size_t count,
				uint64_t *position)
{
	struct user_namespace *ns = file->opener->user_ns;
	int64_t value;
	int error = parse_integer(text, count, &value);

	if (error == 0 && (value < 0 || value > INT_MAX_VALUE))
		error = userns_refuse(&file->refusal, RULE_R1_9_UCOUNT_SYSCTL, 0,
				      "max_*_namespaces takes 0 .. 2147483647", EINVAL);
	if (error < 0)
		return error;
	__atomic_store_n(&ns->ucount_max[file->entry->parameter], (int)value, __ATOMIC_RELAXED);
	*position += count;
	return (ssize_t)count;
}

#define UCOUNT_MAX(entry_name, type)                                                    \
	{                                                                              \
		.name = entry_name, .mode = S_IFREG | 0644, .show = ucount_max_seq,    \
		.write = ucount_max_write, .permission = ucount_permission,            \
		.parameter = type,                                                     \
	}

static const struct proc_entry sys_max_cgroup =
	UCOUNT_MAX("max_cgroup_namespaces", UCOUNT_CGROUP_NAMESPACES);
static const struct proc_entry sys_max_ipc =
	UCOUNT_MAX("max_ipc_namespaces", UCOUNT_IPC_NAMESPACES);
static const struct proc_entry sys_max_mnt =
	UCOUNT_MAX("max_mnt_namespaces", UCOUNT_MNT_NAMESPACES);
static const struct proc_entry sys_max_net =
	UCOUNT_MAX("max_net_namespaces", UCOUNT_NET_NAMESPACES);
static const struct proc_entry sys_max_pid =
	UCOUNT_MAX("max_pid_namespaces", UCOUNT_PID_NAMESPACES);
static const struct proc_entry sys_max_time =
	UCOUNT_MAX("max_time_namespaces", UCOUNT_TIME_NAMESPACES);
static const struct proc_entry sys_max_user =
	UCOUNT_MAX("max_user_namespaces", UCOUNT_USER_NAMESPACES);
static const struct proc_entry sys_max_uts =
	UCOUNT_MAX("max_uts_namespaces", UCOUNT_UTS_NAMESPACES);

static const struct proc_entry *const sys_user_children[] = {
	&sys_max_cgroup, &sys_max_ipc, &sys_max_mnt, &sys_max_net,
	&sys_max_pid, &sys_max_time, &sys_max_user, &sys_max_uts,
};

static const struct proc_entry sys_user = {
	.name = "user",
	.mode = S_IFDIR | 0555,
	.children = sys_user_children,
	.child_count = ARRAY_SIZE(sys_user_children),
};

static const struct proc_entry *const sys_children[] = { &sys_kernel, &sys_user };

const struct proc_entry proc_sys_entry = {
	.name = "sys",
	.mode = S_IFDIR | 0555,
	.children = sys_children,
	.child_count = ARRAY_SIZE(sys_children),
};
