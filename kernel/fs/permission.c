/*
 * permission.c: may the calling task do this to this inode? The rwx bits
 * decide first (permission_allows, with the task's fsuid, fsgid and groups);
 * capabilities can then override, as in Linux's generic_permission:
 *   CAP_DAC_READ_SEARCH  read any file, read and search any directory;
 *   CAP_DAC_OVERRIDE     anything, except executing a file with no x bit at all.
 * An override counts only over files whose owner and group the caller's user
 * namespace can name (R4.3, R7.6): root of a container cannot read the
 * host's files. CAP_FOWNER needs only the owner named (Obs 7b).
 */
#include <kuid/capability.h>
#include <kuid/cred.h>
#include <kuid/user_namespace.h>
#include <kuid/vfs.h>
#include <uapi/capability.h>
#include <uapi/errno.h>
#include <uapi/stat.h>

#define ANY_EXECUTE_BIT (S_IXUSR | S_IXGRP | S_IXOTH)

/*
 * The one place a capability over an inode is asked for. `cred` is the
 * caller's own, or (for access(2)) a copy with the real ids in place.
 */
static bool cred_capable_over_inode(const struct cred *cred, struct inode *inode,
				    int capability)
{
	/* R4.3: the capability in cred's own namespace, and both inode ids mapped there. */
	return capable_wrt_inode_uidgid(cred, inode->uid, inode->gid, capability);
}

static bool capable_over_inode(struct inode *inode, int capability)
{
	return cred_capable_over_inode(current_cred(), inode, capability);
}

bool capable_dac_override(struct inode *inode)
{
	return capable_over_inode(inode, CAP_DAC_OVERRIDE);
}

bool capable_dac_read_search(struct inode *inode)
{
	return capable_over_inode(inode, CAP_DAC_READ_SEARCH);
}

bool capable_fowner(struct inode *inode)
{
	const struct cred *cred = current_cred();

	/* R4.3, Obs 7b: for CAP_FOWNER only the inode's uid must be mapped. */
	return kuid_has_mapping(cred->user_ns, inode->uid) &&
	       ns_capable(cred->user_ns, CAP_FOWNER);
}

bool capable_chown(struct inode *inode)
{
	return capable_over_inode(inode, CAP_CHOWN);
}

bool capable_fsetid(struct inode *inode)
{
	return capable_over_inode(inode, CAP_FSETID);
}

bool caller_in_group(kgid_t gid)
{
	return in_group_p(gid);
}

bool inode_owner_or_capable(struct inode *inode)
{
	/* R4.3: the owner, or CAP_FOWNER in the caller's namespace with the owner mapped there. */
	return cred_inode_owner_or_capable(current_cred(), inode->uid);
}

static bool cred_in_group(const struct cred *cred, kgid_t gid)
{
	if (cred == current_cred())
		return caller_in_group(gid);
	return gid_eq(cred->fsgid, gid) || groups_search(cred->groups, gid);
}

int inode_permission_as(const struct cred *cred, struct inode *inode, int want)
{
	bool owner = uid_eq(cred->fsuid, inode->uid);
	bool group = !owner && cred_in_group(cred, inode->gid);

	want &= MAY_ACCESS_MASK;
	/* A file system with its own rule (/proc/sys) decides alone, as in Linux. */
	if (inode->operations && inode->operations->permission)
		return inode->operations->permission(inode, cred, want);
	if (permission_allows(inode->mode, owner, group, want))
		return 0;

	if (S_ISDIR(inode->mode)) {
		if (!(want & MAY_WRITE) &&
		    cred_capable_over_inode(cred, inode, CAP_DAC_READ_SEARCH))
			return 0;
		if (cred_capable_over_inode(cred, inode, CAP_DAC_OVERRIDE))
			return 0;
		return userns_refuse(NULL, RULE_R7_6_DAC, 0, "directory mode bits refuse",
				     EACCES);
	}
	if (want == MAY_READ && cred_capable_over_inode(cred, inode, CAP_DAC_READ_SEARCH))
		return 0;
	/* Even root cannot execute a file nobody may execute. */
	if ((!(want & MAY_EXEC) || (inode->mode & ANY_EXECUTE_BIT)) &&
	    cred_capable_over_inode(cred, inode, CAP_DAC_OVERRIDE))
		return 0;
	/* R7.6: a container root facing a host file it cannot name ends here too. */
	return userns_refuse(NULL, RULE_R7_6_DAC, 0, "mode bits refuse, no override applies",
			     EACCES);
}

int inode_permission(struct inode *inode, int want)
{
	return inode_permission_as(current_cred(), inode, want);
}
