/*
 * mount_flags.c: the per-mount flags mount(2) asks for, and the rule that a locked flag stays
 * (R9.6): a mount copied to a less privileged owner cannot become writable, or honour device
 * nodes, set-id bits or exec, or change its atime mode, if it could not before.
 */
#include <kuid/mount.h>
#include <uapi/errno.h>

unsigned int mount_flags_requested(unsigned long flags, const struct mount *existing)
{
	unsigned int wanted = (unsigned int)flags &
			      (MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_NOSYMFOLLOW |
			       MS_NOATIME | MS_NODIRATIME);

	/* relatime unless noatime or strictatime is asked for, as Linux. */
	if (!(flags & MS_NOATIME))
		wanted |= MS_RELATIME;
	if (flags & MS_STRICTATIME)
		wanted &= ~(MS_RELATIME | MS_NOATIME);
	/* A remount that names no atime mode keeps the one the mount has. */
	if (existing && (flags & MS_REMOUNT) &&
	    !(flags & (MS_NOATIME | MS_NODIRATIME | MS_RELATIME | MS_STRICTATIME))) {
		wanted &= ~MOUNT_ATIME_FLAGS;
		wanted |= existing->flags & MOUNT_ATIME_FLAGS;
	}
	return wanted;
}

unsigned int mount_locks_for(unsigned int flags)
{
	unsigned int locks = 0;

	if (flags & MS_RDONLY)
		locks |= MOUNT_LOCK_READONLY;
	if (flags & MS_NODEV)
		locks |= MOUNT_LOCK_NODEV;
	if (flags & MS_NOSUID)
		locks |= MOUNT_LOCK_NOSUID;
	if (flags & MS_NOEXEC)
		locks |= MOUNT_LOCK_NOEXEC;
	return locks;
}

int mount_flags_keep_locks(const struct mount *mount, unsigned int flags,
			   struct userns_refusal *refusal)
{
	unsigned int locks = mount->locks;

	/* Every locked flag must be asked for again; asking for all of them is fine (Obs 9a). */
	if (locks & mount_locks_for(MS_RDONLY | MS_NODEV | MS_NOSUID | MS_NOEXEC) &
	    ~mount_locks_for(flags))
		return userns_refuse(refusal, RULE_R9_6_LOCKED_FLAGS, 0,
				     "a remount would clear a locked ro/nodev/nosuid/noexec", EPERM);
	if ((locks & MOUNT_LOCK_ATIME) &&
	    (mount->flags & MOUNT_ATIME_FLAGS) != (flags & MOUNT_ATIME_FLAGS))
		return userns_refuse(refusal, RULE_R9_6_LOCKED_FLAGS, 0,
				     "a remount would change a locked atime mode", EPERM);
	return 0;
}
