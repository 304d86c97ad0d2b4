/*
 * uid_mix.c: code that must NOT compile (tests/unit/test_uid_type_safety.c checks it). Kernel
 * ids and user-space ids are different types (R1.1), so each MIX_* variant below, one mistake
 * each, is a compile error. Built with no MIX_* defined it is correct code and must compile:
 * that proves the failures come from the mistakes and not from a broken file.
 */
#include <kuid/uidgid.h>

kuid_t kernel_uid_from_user(uid_t uid);
uid_t user_uid_from_kernel(kuid_t kuid);

kuid_t kernel_uid_from_user(uid_t uid)
{
#ifdef MIX_KUID_FROM_INTEGER
	kuid_t kuid = uid;		/* a user id is not a kernel id */
#else
	kuid_t kuid = { uid };		/* (make_kuid does this through a map) */
#endif
	return kuid;
}

uid_t user_uid_from_kernel(kuid_t kuid)
{
#ifdef MIX_UID_FROM_KUID
	uid_t uid = kuid;		/* a kernel id is not a user id */
#else
	uid_t uid = __kuid_val(kuid);
#endif
	return uid;
}

bool same_owner(kuid_t left, kuid_t right, kgid_t group);

bool same_owner(kuid_t left, kuid_t right, kgid_t group)
{
#if defined(MIX_COMPARE_WITH_EQUALS)
	return left == right;		/* compare with uid_eq() */
#elif defined(MIX_KUID_WITH_KGID)
	return uid_eq(left, group);	/* a group is not a user */
#elif defined(MIX_KUID_WITH_LITERAL)
	return uid_eq(left, 0);		/* 0 of which namespace? GLOBAL_ROOT_UID */
#else
	(void)group;
	return uid_eq(left, right);
#endif
}
