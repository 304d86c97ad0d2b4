/*
 * id_translation.c: make_kuid/from_kuid and their gid twins (R2), and the overflow ids that
 * stand in for an unmapped id whenever an id must be reported anyway (R1.10). Pure logic: the
 * maps do the work (id_map.c); this file only says which map and what "unmapped" becomes.
 */
#include <kuid/user_namespace.h>
#include <uapi/errno.h>

/*
 * R1.10: kernel.overflowuid and kernel.overflowgid. Plain globals read without a lock: a reader
 * sees the old or the new value, and either is a valid answer.
 */
uid_t overflowuid = OVERFLOW_ID_DEFAULT;
gid_t overflowgid = OVERFLOW_ID_DEFAULT;

int set_overflowuid(uint32_t value)
{
	if (value > OVERFLOW_ID_MAX)
		return -EINVAL;
	__atomic_store_n(&overflowuid, value, __ATOMIC_RELAXED);
	return 0;
}

int set_overflowgid(uint32_t value)
{
	if (value > OVERFLOW_ID_MAX)
		return -EINVAL;
	__atomic_store_n(&overflowgid, value, __ATOMIC_RELAXED);
	return 0;
}

/*
 * ID_MAP_UNMAPPED is (uint32_t)-1, the very value of INVALID_UID, so the result of a lookup can
 * be wrapped as it is: an unmapped id comes out invalid without a test.
 */
kuid_t make_kuid(const struct user_namespace *ns, uid_t uid)
{
	return (kuid_t){ map_id_down(&ns->uid_map, uid) };
}

kgid_t make_kgid(const struct user_namespace *ns, gid_t gid)
{
	return (kgid_t){ map_id_down(&ns->gid_map, gid) };
}

uid_t from_kuid(const struct user_namespace *ns, kuid_t kuid)
{
	return map_id_up(&ns->uid_map, __kuid_val(kuid));
}

gid_t from_kgid(const struct user_namespace *ns, kgid_t kgid)
{
	return map_id_up(&ns->gid_map, __kgid_val(kgid));
}

bool kuid_has_mapping(const struct user_namespace *ns, kuid_t kuid)
{
	return from_kuid(ns, kuid) != (uid_t)-1;
}

bool kgid_has_mapping(const struct user_namespace *ns, kgid_t kgid)
{
	return from_kgid(ns, kgid) != (gid_t)-1;
}
