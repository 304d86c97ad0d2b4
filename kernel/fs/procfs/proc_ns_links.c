/*
 * proc_ns_links.c: /proc/PID/ns, one magic link per namespace type (R6.1). readlink gives
 * "user:[4026531837]": the type and the namespace's nsfs inode number; following the link
 * jumps to that nsfs inode (R6.3), so stat sees the namespace and open gives an fd that keeps
 * it alive (R6.5). A namespace that does not exist yet (pid_for_children before the first
 * child) is -ENOENT (R6.2).
 */
#include <kuid/cred.h>
#include <kuid/format.h>
#include <kuid/nsfs.h>
#include <kuid/nsproxy.h>
#include <kuid/string.h>
#include <uapi/errno.h>
#include <uapi/sched.h>
#include <uapi/stat.h>

#include "procfs_internal.h"

/* Not a CLONE_NEW* value: the entry for the pid namespace of the task's next children. */
#define PID_FOR_CHILDREN 0

/*
 * The namespace the link is about (a reference), or an errno. R6.2: only for a caller who may
 * inspect the process (R8.3, ptrace read access with its fs ids), else -EACCES.
 */
static int link_namespace(struct proc_inode *inode, struct ns_common **ns)
{
	struct task *task = proc_task_get(inode->pid);
	unsigned long clone_flag = (unsigned int)inode->entry->parameter;
	int error = 0;

	if (!task)
		return -ENOENT;		/* the process is gone */
	*ns = NULL;
	if (!ptrace_may_access(task, PTRACE_MODE_READ_FSCREDS))
		error = userns_refuse(NULL, RULE_R6_2_NS_LINK_ACCESS, 0,
				      "the caller may not inspect this process", EACCES);
	else if (clone_flag == PID_FOR_CHILDREN)
		*ns = task_pid_for_children_get(task);
	else
		*ns = task_namespace_get(task, clone_flag);
	task_put(task);
	if (error == 0 && !*ns)
		error = -ENOENT;	/* R6.2: no such namespace (yet) */
	return error;
}

/* R6.1: "<type>:[<inode>]"; *_for_children print the base type's name. */
static ssize_t ns_link_text(struct proc_inode *inode, char *buffer, size_t size)
{
	struct ns_common *ns;
	char text[32];
	int length, error = link_namespace(inode, &ns);

	if (error < 0)
		return error;
	length = snprintf(text, sizeof(text), "%s:[%u]", ns_common_name(ns), ns->inode_number);
	ns_put(ns);
	length = MIN(length, (int)size);
	memcpy(buffer, text, (size_t)length);
	return length;
}

/* R6.3: the place of the namespace's nsfs inode. */
static int ns_get_link(struct proc_inode *inode, struct path *target)
{
	struct ns_common *ns;
	int error = link_namespace(inode, &ns);

	if (error < 0)
		return error;
	error = nsfs_path(ns, target);
	ns_put(ns);
	return error;
}

#define NS_LINK(entry_name, clone_flag)                                                 \
	{                                                                              \
		.name = entry_name, .mode = S_IFLNK | 0777, .link_text = ns_link_text, \
		.get_link = ns_get_link, .parameter = (int)(clone_flag),               \
	}

/* R6.1's directory order. cgroup and time come with their namespaces. */
static const struct proc_entry proc_ns_net = NS_LINK("net", CLONE_NEWNET);
static const struct proc_entry proc_ns_uts = NS_LINK("uts", CLONE_NEWUTS);
static const struct proc_entry proc_ns_ipc = NS_LINK("ipc", CLONE_NEWIPC);
static const struct proc_entry proc_ns_pid = NS_LINK("pid", CLONE_NEWPID);
static const struct proc_entry proc_ns_pid_for_children =
	NS_LINK("pid_for_children", PID_FOR_CHILDREN);
static const struct proc_entry proc_ns_user = NS_LINK("user", CLONE_NEWUSER);
static const struct proc_entry proc_ns_mnt = NS_LINK("mnt", CLONE_NEWNS);

static const struct proc_entry *const proc_ns_children[] = {
	&proc_ns_net, &proc_ns_uts, &proc_ns_ipc, &proc_ns_pid, &proc_ns_pid_for_children,
	&proc_ns_user, &proc_ns_mnt,
};

const struct proc_entry proc_ns_directory_entry = {
	.name = "ns",
	.mode = S_IFDIR | 0511,
	.children = proc_ns_children,
	.child_count = ARRAY_SIZE(proc_ns_children),
};
