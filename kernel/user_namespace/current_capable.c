/*
 * current_capable.c: the calling task's side of capabilities: its user namespace, and
 * ns_capable(), which asks capability.c about the caller's own credentials (R4.2). Not pure:
 * current_cred() needs the running task, so this file is built into the kernel only.
 */
#include <kuid/capability.h>
#include <kuid/cred.h>
#include <kuid/user_namespace.h>

struct user_namespace *current_user_ns(void)
{
	return current_cred()->user_ns;
}

/*
 * Linux also marks the task PF_SUPERPRIV here (for process accounting); kuid has no
 * accounting, so the answer is all there is.
 */
bool ns_capable(struct user_namespace *ns, int capability)
{
	return has_ns_capability(current_cred(), ns, capability);
}
