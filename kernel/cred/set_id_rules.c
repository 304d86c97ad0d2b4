/*
 * set_id_rules.c: what setuid, setreuid, setresuid, setfsuid and their gid
 * twins do to a copy of the credentials (R7.2, Linux's kernel/sys.c), and the
 * capability fix-ups that follow a uid change (R4.10). Pure: the caller has
 * translated the ids (INVALID_UID / INVALID_GID means "-1, leave it") and
 * says whether the caller holds CAP_SETUID / CAP_SETGID in its own namespace.
 * Also who may call setgroups (R3.23).
 */
#include <kuid/capability.h>
#include <kuid/cred.h>
#include <kuid/user_namespace.h>
#include <uapi/errno.h>

/* Is `uid` one of the ids the cred already has, so switching to it needs no privilege? */
static bool uid_is_real_effective_or_saved(const struct cred *cred, kuid_t uid)
{
	return uid_eq(uid, cred->uid) || uid_eq(uid, cred->euid) || uid_eq(uid, cred->suid);
}

static bool gid_is_real_effective_or_saved(const struct cred *cred, kgid_t gid)
{
	return gid_eq(gid, cred->gid) || gid_eq(gid, cred->egid) || gid_eq(gid, cred->sgid);
}

static int refuse_set_id(struct userns_refusal *refusal, const char *reason)
{
	/* R7.2: the ids are valid but switching to them needs CAP_SETUID/CAP_SETGID. */
	return userns_refuse(refusal, RULE_R7_2_SET_ID, 0, reason, EPERM);
}

int cred_setuid(struct cred *new_cred, const struct cred *old_cred, kuid_t uid,
		bool privileged, struct userns_refusal *refusal)
{
	if (privileged) {
		/* The privileged form sets every uid: no way back to the old one. */
		new_cred->uid = uid;
		new_cred->suid = uid;
	} else if (!uid_eq(uid, old_cred->uid) && !uid_eq(uid, old_cred->suid)) {
		return refuse_set_id(refusal, "setuid to a uid that is neither real nor saved");
	}
	new_cred->euid = uid;
	new_cred->fsuid = uid;
	cap_fix_setuid(new_cred, old_cred);
	return 0;
}

int cred_setreuid(struct cred *new_cred, const struct cred *old_cred, kuid_t ruid,
		  kuid_t euid, bool privileged, struct userns_refusal *refusal)
{
	if (uid_valid(ruid)) {
		if (!uid_eq(ruid, old_cred->uid) && !uid_eq(ruid, old_cred->euid) && !privileged)
			return refuse_set_id(refusal, "setreuid: real uid not real or effective");
		new_cred->uid = ruid;
	}
	if (uid_valid(euid)) {
		if (!uid_is_real_effective_or_saved(old_cred, euid) && !privileged)
			return refuse_set_id(refusal, "setreuid: effective uid not real/eff/saved");
		new_cred->euid = euid;
	}
	/* Linux: a changed real uid, or an effective one other than the real, is saved. */
	if (uid_valid(ruid) || (uid_valid(euid) && !uid_eq(euid, old_cred->uid)))
		new_cred->suid = new_cred->euid;
	new_cred->fsuid = new_cred->euid;
	cap_fix_setuid(new_cred, old_cred);
	return 0;
}

int cred_setresuid(struct cred *new_cred, const struct cred *old_cred, kuid_t ruid,
		   kuid_t euid, kuid_t suid, bool privileged, struct userns_refusal *refusal)
{
	bool needs_privilege =
		(uid_valid(ruid) && !uid_is_real_effective_or_saved(old_cred, ruid)) ||
		(uid_valid(euid) && !uid_is_real_effective_or_saved(old_cred, euid)) ||
		(uid_valid(suid) && !uid_is_real_effective_or_saved(old_cred, suid));

	if (needs_privilege && !privileged)
		return refuse_set_id(refusal, "setresuid to a uid not among real/eff/saved");
	if (uid_valid(ruid))
		new_cred->uid = ruid;
	if (uid_valid(euid))
		new_cred->euid = euid;
	if (uid_valid(suid))
		new_cred->suid = suid;
	new_cred->fsuid = new_cred->euid;
	cap_fix_setuid(new_cred, old_cred);
	return 0;
}

bool cred_setfsuid(struct cred *new_cred, const struct cred *old_cred, kuid_t uid,
		   bool privileged)
{
	/* setfsuid never fails: a refused or unmapped id just changes nothing. */
	if (!uid_valid(uid) || uid_eq(uid, old_cred->fsuid))
		return false;
	if (!uid_is_real_effective_or_saved(old_cred, uid) && !privileged)
		return false;
	new_cred->fsuid = uid;
	cap_fix_setfsuid(new_cred, old_cred);
	return true;
}

int cred_setgid(struct cred *new_cred, const struct cred *old_cred, kgid_t gid,
		bool privileged, struct userns_refusal *refusal)
{
	if (privileged) {
		new_cred->gid = gid;
		new_cred->sgid = gid;
	} else if (!gid_eq(gid, old_cred->gid) && !gid_eq(gid, old_cred->sgid)) {
		return refuse_set_id(refusal, "setgid to a gid that is neither real nor saved");
	}
	new_cred->egid = gid;
	new_cred->fsgid = gid;
	return 0;
}

int cred_setregid(struct cred *new_cred, const struct cred *old_cred, kgid_t rgid,
		  kgid_t egid, bool privileged, struct userns_refusal *refusal)
{
	if (gid_valid(rgid)) {
		if (!gid_eq(rgid, old_cred->gid) && !gid_eq(rgid, old_cred->egid) && !privileged)
			return refuse_set_id(refusal, "setregid: real gid not real or effective");
		new_cred->gid = rgid;
	}
	if (gid_valid(egid)) {
		if (!gid_is_real_effective_or_saved(old_cred, egid) && !privileged)
			return refuse_set_id(refusal, "setregid: effective gid not real/eff/saved");
		new_cred->egid = egid;
	}
	if (gid_valid(rgid) || (gid_valid(egid) && !gid_eq(egid, old_cred->gid)))
		new_cred->sgid = new_cred->egid;
	new_cred->fsgid = new_cred->egid;
	return 0;
}

int cred_setresgid(struct cred *new_cred, const struct cred *old_cred, kgid_t rgid,
		   kgid_t egid, kgid_t sgid, bool privileged, struct userns_refusal *refusal)
{
	bool needs_privilege =
		(gid_valid(rgid) && !gid_is_real_effective_or_saved(old_cred, rgid)) ||
		(gid_valid(egid) && !gid_is_real_effective_or_saved(old_cred, egid)) ||
		(gid_valid(sgid) && !gid_is_real_effective_or_saved(old_cred, sgid));

	if (needs_privilege && !privileged)
		return refuse_set_id(refusal, "setresgid to a gid not among real/eff/saved");
	if (gid_valid(rgid))
		new_cred->gid = rgid;
	if (gid_valid(egid))
		new_cred->egid = egid;
	if (gid_valid(sgid))
		new_cred->sgid = sgid;
	new_cred->fsgid = new_cred->egid;
	return 0;
}

bool cred_setfsgid(struct cred *new_cred, const struct cred *old_cred, kgid_t gid,
		   bool privileged)
{
	if (!gid_valid(gid) || gid_eq(gid, old_cred->fsgid))
		return false;
	if (!gid_is_real_effective_or_saved(old_cred, gid) && !privileged)
		return false;
	new_cred->fsgid = gid;
	return true;
}

int cred_may_setgroups(const struct cred *cred, struct userns_refusal *refusal)
{
	struct user_namespace *ns = cred->user_ns;

	/*
	 * R3.23: CAP_SETGID in one's own namespace, and that namespace has a gid
	 * map and says "allow". The last two are Linux's fix for CVE-2014-8989:
	 * an unprivileged creator must not drop a group that denies it access.
	 */
	if (!has_ns_capability(cred, ns, CAP_SETGID))
		return userns_refuse(refusal, RULE_R3_23_SETGROUPS, 0,
				     "setgroups needs CAP_SETGID in one's namespace", EPERM);
	if (__atomic_load_n(&ns->gid_map.extent_count, __ATOMIC_ACQUIRE) == 0)
		return userns_refuse(refusal, RULE_R3_23_SETGROUPS, 0,
				     "setgroups before the namespace's gid_map is written", EPERM);
	if (!(__atomic_load_n(&ns->flags, __ATOMIC_RELAXED) & USERNS_SETGROUPS_ALLOWED))
		return userns_refuse(refusal, RULE_R3_23_SETGROUPS, 0,
				     "/proc/PID/setgroups says \"deny\"", EPERM);
	return 0;
}
