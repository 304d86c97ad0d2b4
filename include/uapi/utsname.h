/* The answer of uname(2) on Linux x86_64: six NUL-terminated strings of 65 bytes.
 * In kuid the nodename and domainname belong to the UTS namespace. */
#ifndef KUID_UAPI_UTSNAME_H
#define KUID_UAPI_UTSNAME_H

#define NEW_UTS_LEN     64              /* longest string; each field has room for a NUL */

struct new_utsname {
	char sysname[NEW_UTS_LEN + 1];  /* "Linux", for programs that check */
	char nodename[NEW_UTS_LEN + 1]; /* host name */
	char release[NEW_UTS_LEN + 1];
	char version[NEW_UTS_LEN + 1];
	char machine[NEW_UTS_LEN + 1];  /* "x86_64" */
	char domainname[NEW_UTS_LEN + 1];
};

#endif /* KUID_UAPI_UTSNAME_H */
