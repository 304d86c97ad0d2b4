/* Operations of arch_prctl(2) on x86_64: reading and setting the fs and gs base registers.
 * C libraries point fs at the thread's TLS block with ARCH_SET_FS. */
#ifndef KUID_UAPI_ARCH_PRCTL_H
#define KUID_UAPI_ARCH_PRCTL_H

#define ARCH_SET_GS             0x1001
#define ARCH_SET_FS             0x1002
#define ARCH_GET_FS             0x1003  /* arg2: user address to store the base at */
#define ARCH_GET_GS             0x1004
#define ARCH_GET_CPUID          0x1011
#define ARCH_SET_CPUID          0x1012

#endif /* KUID_UAPI_ARCH_PRCTL_H */
