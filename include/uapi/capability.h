/* Linux capabilities: their numbers, the capget/capset structures, the securebits that
 * change how uid 0 is treated, and the security.capability file attribute. Linux's values. */
#ifndef KUID_UAPI_CAPABILITY_H
#define KUID_UAPI_CAPABILITY_H

#include <stdint.h>

/* capget/capset: the header says which layout the data uses. Version 1 has one data
 * struct (capabilities 0..31); versions 2 and 3 have two (0..63). */
#define _LINUX_CAPABILITY_VERSION_1     0x19980330
#define _LINUX_CAPABILITY_U32S_1        1
#define _LINUX_CAPABILITY_VERSION_2     0x20071026      /* deprecated: treated as 3 */
#define _LINUX_CAPABILITY_U32S_2        2
#define _LINUX_CAPABILITY_VERSION_3     0x20080522
#define _LINUX_CAPABILITY_U32S_3        2

typedef struct __user_cap_header_struct {
	uint32_t version;
	int32_t pid;                    /* 0: the caller */
} *cap_user_header_t;

typedef struct __user_cap_data_struct {
	uint32_t effective;
	uint32_t permitted;
	uint32_t inheritable;
} *cap_user_data_t;

/* The capabilities. */
#define CAP_CHOWN               0
#define CAP_DAC_OVERRIDE        1
#define CAP_DAC_READ_SEARCH     2
#define CAP_FOWNER              3
#define CAP_FSETID              4
#define CAP_KILL                5
#define CAP_SETGID              6
#define CAP_SETUID              7
#define CAP_SETPCAP             8
#define CAP_LINUX_IMMUTABLE     9
#define CAP_NET_BIND_SERVICE    10
#define CAP_NET_BROADCAST       11
#define CAP_NET_ADMIN           12
#define CAP_NET_RAW             13
#define CAP_IPC_LOCK            14
#define CAP_IPC_OWNER           15
#define CAP_SYS_MODULE          16
#define CAP_SYS_RAWIO           17
#define CAP_SYS_CHROOT          18
#define CAP_SYS_PTRACE          19
#define CAP_SYS_PACCT           20
#define CAP_SYS_ADMIN           21
#define CAP_SYS_BOOT            22
#define CAP_SYS_NICE            23
#define CAP_SYS_RESOURCE        24
#define CAP_SYS_TIME            25
#define CAP_SYS_TTY_CONFIG      26
#define CAP_MKNOD               27
#define CAP_LEASE               28
#define CAP_AUDIT_WRITE         29
#define CAP_AUDIT_CONTROL       30
#define CAP_SETFCAP             31
#define CAP_MAC_OVERRIDE        32
#define CAP_MAC_ADMIN           33
#define CAP_SYSLOG              34
#define CAP_WAKE_ALARM          35
#define CAP_BLOCK_SUSPEND       36
#define CAP_AUDIT_READ          37
#define CAP_PERFMON             38
#define CAP_BPF                 39
#define CAP_CHECKPOINT_RESTORE  40
#define CAP_LAST_CAP            CAP_CHECKPOINT_RESTORE

#define CAP_VALID(cap)          ((cap) >= 0 && (cap) <= CAP_LAST_CAP)
#define CAP_TO_INDEX(cap)       ((cap) >> 5)            /* which 32-bit data word */
#define CAP_TO_MASK(cap)        (1u << ((cap) & 31))    /* which bit in it */

/* Securebits (PR_SET_SECUREBITS): each SECURE_* is a bit number, the next one locks it. */
#define SECURE_NOROOT                           0       /* uid 0 gets no capabilities */
#define SECURE_NOROOT_LOCKED                    1
#define SECURE_NO_SETUID_FIXUP                  2       /* uid changes leave capabilities */
#define SECURE_NO_SETUID_FIXUP_LOCKED           3
#define SECURE_KEEP_CAPS                        4       /* like PR_SET_KEEPCAPS */
#define SECURE_KEEP_CAPS_LOCKED                 5
#define SECURE_NO_CAP_AMBIENT_RAISE             6
#define SECURE_NO_CAP_AMBIENT_RAISE_LOCKED      7

#define SECBIT_NOROOT                   (1u << SECURE_NOROOT)
#define SECBIT_NOROOT_LOCKED            (1u << SECURE_NOROOT_LOCKED)
#define SECBIT_NO_SETUID_FIXUP          (1u << SECURE_NO_SETUID_FIXUP)
#define SECBIT_NO_SETUID_FIXUP_LOCKED   (1u << SECURE_NO_SETUID_FIXUP_LOCKED)
#define SECBIT_KEEP_CAPS                (1u << SECURE_KEEP_CAPS)
#define SECBIT_KEEP_CAPS_LOCKED         (1u << SECURE_KEEP_CAPS_LOCKED)
#define SECBIT_NO_CAP_AMBIENT_RAISE     (1u << SECURE_NO_CAP_AMBIENT_RAISE)
#define SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED (1u << SECURE_NO_CAP_AMBIENT_RAISE_LOCKED)

#define SECURE_ALL_BITS         (SECBIT_NOROOT | SECBIT_NO_SETUID_FIXUP | \
				 SECBIT_KEEP_CAPS | SECBIT_NO_CAP_AMBIENT_RAISE)
#define SECURE_ALL_LOCKS        (SECURE_ALL_BITS << 1)

/* File capabilities: the value of the security.capability extended attribute, stored
 * little-endian. Revision 3 adds the root uid of the user namespace that set it. */
#define VFS_CAP_REVISION_MASK   0xFF000000u
#define VFS_CAP_REVISION_SHIFT  24
#define VFS_CAP_FLAGS_MASK      (~VFS_CAP_REVISION_MASK)
#define VFS_CAP_FLAGS_EFFECTIVE 0x000001        /* raise the permitted set into effective */
#define VFS_CAP_REVISION_1      0x01000000u
#define VFS_CAP_U32_1           1
#define VFS_CAP_REVISION_2      0x02000000u
#define VFS_CAP_U32_2           2
#define VFS_CAP_REVISION_3      0x03000000u
#define VFS_CAP_U32_3           2
#define VFS_CAP_U32             VFS_CAP_U32_3
#define XATTR_CAPS_SZ_2         (4 * (1 + 2 * VFS_CAP_U32_2))   /* 20 bytes */
#define XATTR_CAPS_SZ_3         (4 * (2 + 2 * VFS_CAP_U32_3))   /* 24 bytes */

struct vfs_cap_data {                   /* revisions 1 and 2 */
	uint32_t magic_etc;             /* revision | flags */
	struct {
		uint32_t permitted;
		uint32_t inheritable;
	} data[VFS_CAP_U32];
};

struct vfs_ns_cap_data {                /* revision 3 */
	uint32_t magic_etc;
	struct {
		uint32_t permitted;
		uint32_t inheritable;
	} data[VFS_CAP_U32];
	uint32_t rootid;                /* uid 0 of the owning namespace, as a host uid */
};

#endif /* KUID_UAPI_CAPABILITY_H */
