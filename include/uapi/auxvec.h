/* Keys of the auxiliary vector: (key, value) pairs execve puts on the new stack after envp,
 * ending with AT_NULL, to tell the program and its C library about itself and the machine. */
#ifndef KUID_UAPI_AUXVEC_H
#define KUID_UAPI_AUXVEC_H

#define AT_NULL         0               /* end of the vector */
#define AT_IGNORE       1
#define AT_EXECFD       2
#define AT_PHDR         3               /* address of the program headers in memory */
#define AT_PHENT        4               /* size of one program header (56) */
#define AT_PHNUM        5               /* number of program headers */
#define AT_PAGESZ       6               /* page size (4096) */
#define AT_BASE         7               /* load address of the interpreter; 0 without one */
#define AT_FLAGS        8
#define AT_ENTRY        9               /* the program's entry point */
#define AT_NOTELF       10
#define AT_UID          11              /* real uid */
#define AT_EUID         12              /* effective uid */
#define AT_GID          13              /* real gid */
#define AT_EGID         14              /* effective gid */
#define AT_PLATFORM     15              /* address of the string "x86_64" */
#define AT_HWCAP        16              /* CPUID leaf 1 edx bits */
#define AT_CLKTCK       17              /* times() ticks per second (100) */
#define AT_SECURE       23              /* 1 if set-id: the C library then ignores LD_* etc. */
#define AT_BASE_PLATFORM 24
#define AT_RANDOM       25              /* address of 16 random bytes (stack protector seed) */
#define AT_HWCAP2       26
#define AT_RSEQ_FEATURE_SIZE 27         /* Linux 6.3 */
#define AT_RSEQ_ALIGN   28              /* Linux 6.3 */
#define AT_EXECFN       31              /* address of the path passed to execve */
#define AT_SYSINFO_EHDR 33              /* address of the vDSO; absent if there is none */
#define AT_MINSIGSTKSZ  51              /* smallest stack a signal handler needs */

#endif /* KUID_UAPI_AUXVEC_H */
