/*
 * uname.c: uname(2), sethostname(2) and setdomainname(2). The names belong to the caller's
 * UTS namespace (kernel/namespaces/uts_namespace.c). kuid calls itself "Linux" in sysname,
 * because it speaks Linux's system-call ABI and programs that check the name should take the
 * Linux path; the release, 6.18.0-kuid, says who really answers.
 */
#include <kuid/capability.h>
#include <kuid/nsproxy.h>
#include <kuid/syscall_handlers.h>
#include <kuid/user_memory.h>
#include <kuid/uts_namespace.h>
#include <uapi/capability.h>
#include <uapi/errno.h>
#include <uapi/utsname.h>

long sys_uname(struct new_utsname __user *name)
{
	struct new_utsname answer;

	uts_namespace_read(current_namespaces()->uts, &answer);
	return copy_to_user(name, &answer, sizeof(answer));
}

/*
 * Linux's order: the capability (R5.10: over the UTS namespace's owner, so root of a user
 * namespace may rename its own UTS namespace but never the host's), then the length, then
 * the copy.
 */
static long set_uts_name(const char __user *user_name, int length,
			 void (*set)(struct uts_namespace *, const char *, size_t))
{
	struct uts_namespace *uts = current_namespaces()->uts;
	char name[NEW_UTS_LEN];
	long error;

	if (!ns_capable(uts->ns.owner, CAP_SYS_ADMIN))
		return userns_refuse(NULL, RULE_R5_10_OWNER_GOVERNS, 0,
				     "no CAP_SYS_ADMIN over the owner of the UTS ns", EPERM);
	if (length < 0 || length > NEW_UTS_LEN)
		return -EINVAL;
	error = copy_from_user(name, user_name, (size_t)length);
	if (error)
		return error;
	set(uts, name, (size_t)length);
	return 0;
}

long sys_sethostname(const char __user *name, int length)
{
	return set_uts_name(name, length, uts_namespace_set_hostname);
}

long sys_setdomainname(const char __user *name, int length)
{
	return set_uts_name(name, length, uts_namespace_set_domainname);
}
