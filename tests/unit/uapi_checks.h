/*
 * The facts test_uapi_layout checks: every constant of include/uapi/ and every field of its
 * structures, each paired with its name in the host's headers. Three files expand these
 * lists: test_uapi_layout.c with kuid's names, uapi_host_values.c with the Linux kernel's
 * headers, uapi_host_libc_values.c with the C library's (for what the kernel does not
 * export). The lists are expanded in the same order everywhere, so entry i always
 * describes the same fact.
 */
#ifndef KUID_TEST_UAPI_CHECKS_H
#define KUID_TEST_UAPI_CHECKS_H

#include <stddef.h>

/* One fact: a constant's value, a field's offset or size, or a structure's size. */
struct uapi_fact {
	const char *name;
	unsigned long long value;
};

/* Each list is expanded twice: once with kuid's half of each pair, once with the host's. */
#define KUID_FACT_SAME(name)                    { #name, (unsigned long long)(name) },
#define KUID_FACT_RENAMED(kuid_name, host_name) { #kuid_name, (unsigned long long)(kuid_name) },
#define HOST_FACT_SAME(name)                    { #name, (unsigned long long)(name) },
#define HOST_FACT_RENAMED(kuid_name, host_name) { #host_name, (unsigned long long)(host_name) },

#define KUID_FACT_SIZE(kuid_type, host_type) \
	{ "sizeof(" #kuid_type ")", sizeof(kuid_type) },
#define KUID_FACT_FIELD(kuid_type, kuid_field, host_type, host_field) \
	{ "offsetof(" #kuid_type ", " #kuid_field ")", offsetof(kuid_type, kuid_field) }, \
	{ "sizeof(" #kuid_type "." #kuid_field ")", sizeof(((kuid_type *)0)->kuid_field) },
#define KUID_FACT_OFFSET(kuid_type, kuid_field, host_type, host_field) \
	{ "offsetof(" #kuid_type ", " #kuid_field ")", offsetof(kuid_type, kuid_field) },
#define HOST_FACT_SIZE(kuid_type, host_type) \
	{ "sizeof(" #host_type ")", sizeof(host_type) },
#define HOST_FACT_FIELD(kuid_type, kuid_field, host_type, host_field) \
	{ "offsetof(" #host_type ", " #host_field ")", offsetof(host_type, host_field) }, \
	{ "sizeof(" #host_type "." #host_field ")", sizeof(((host_type *)0)->host_field) },
#define HOST_FACT_OFFSET(kuid_type, kuid_field, host_type, host_field) \
	{ "offsetof(" #host_type ", " #host_field ")", offsetof(host_type, host_field) },

/* Constants whose value the Linux uapi headers (<linux/...>, <asm/...>) give. */
#define KERNEL_CONSTANTS(SAME, RENAMED) \
	/* uapi/arch_prctl.h */ \
	SAME(ARCH_SET_GS) SAME(ARCH_SET_FS) SAME(ARCH_GET_FS) SAME(ARCH_GET_GS) \
	SAME(ARCH_GET_CPUID) SAME(ARCH_SET_CPUID) \
	/* uapi/auxvec.h */ \
	SAME(AT_NULL) SAME(AT_IGNORE) SAME(AT_EXECFD) SAME(AT_PHDR) SAME(AT_PHENT) \
	SAME(AT_PHNUM) SAME(AT_PAGESZ) SAME(AT_BASE) SAME(AT_FLAGS) SAME(AT_ENTRY) \
	SAME(AT_NOTELF) SAME(AT_UID) SAME(AT_EUID) SAME(AT_GID) SAME(AT_EGID) \
	SAME(AT_PLATFORM) SAME(AT_HWCAP) SAME(AT_CLKTCK) SAME(AT_SECURE) \
	SAME(AT_BASE_PLATFORM) SAME(AT_RANDOM) SAME(AT_HWCAP2) SAME(AT_EXECFN) \
	SAME(AT_SYSINFO_EHDR) SAME(AT_MINSIGSTKSZ) \
	/* uapi/capability.h */ \
	SAME(_LINUX_CAPABILITY_VERSION_1) SAME(_LINUX_CAPABILITY_U32S_1) \
	SAME(_LINUX_CAPABILITY_VERSION_2) SAME(_LINUX_CAPABILITY_U32S_2) \
	SAME(_LINUX_CAPABILITY_VERSION_3) SAME(_LINUX_CAPABILITY_U32S_3) SAME(CAP_CHOWN) \
	SAME(CAP_DAC_OVERRIDE) SAME(CAP_DAC_READ_SEARCH) SAME(CAP_FOWNER) SAME(CAP_FSETID) \
	SAME(CAP_KILL) SAME(CAP_SETGID) SAME(CAP_SETUID) SAME(CAP_SETPCAP) \
	SAME(CAP_LINUX_IMMUTABLE) SAME(CAP_NET_BIND_SERVICE) SAME(CAP_NET_BROADCAST) \
	SAME(CAP_NET_ADMIN) SAME(CAP_NET_RAW) SAME(CAP_IPC_LOCK) SAME(CAP_IPC_OWNER) \
	SAME(CAP_SYS_MODULE) SAME(CAP_SYS_RAWIO) SAME(CAP_SYS_CHROOT) SAME(CAP_SYS_PTRACE) \
	SAME(CAP_SYS_PACCT) SAME(CAP_SYS_ADMIN) SAME(CAP_SYS_BOOT) SAME(CAP_SYS_NICE) \
	SAME(CAP_SYS_RESOURCE) SAME(CAP_SYS_TIME) SAME(CAP_SYS_TTY_CONFIG) SAME(CAP_MKNOD) \
	SAME(CAP_LEASE) SAME(CAP_AUDIT_WRITE) SAME(CAP_AUDIT_CONTROL) SAME(CAP_SETFCAP) \
	SAME(CAP_MAC_OVERRIDE) SAME(CAP_MAC_ADMIN) SAME(CAP_SYSLOG) SAME(CAP_WAKE_ALARM) \
	SAME(CAP_BLOCK_SUSPEND) SAME(CAP_AUDIT_READ) SAME(CAP_PERFMON) SAME(CAP_BPF) \
	SAME(CAP_CHECKPOINT_RESTORE) SAME(CAP_LAST_CAP) SAME(SECURE_NOROOT) \
	SAME(SECURE_NOROOT_LOCKED) SAME(SECURE_NO_SETUID_FIXUP) \
	SAME(SECURE_NO_SETUID_FIXUP_LOCKED) SAME(SECURE_KEEP_CAPS) \
	SAME(SECURE_KEEP_CAPS_LOCKED) SAME(SECURE_NO_CAP_AMBIENT_RAISE) \
	SAME(SECURE_NO_CAP_AMBIENT_RAISE_LOCKED) SAME(SECBIT_NOROOT) \
	SAME(SECBIT_NOROOT_LOCKED) SAME(SECBIT_NO_SETUID_FIXUP) \
	SAME(SECBIT_NO_SETUID_FIXUP_LOCKED) SAME(SECBIT_KEEP_CAPS) \
	SAME(SECBIT_KEEP_CAPS_LOCKED) SAME(SECBIT_NO_CAP_AMBIENT_RAISE) \
	SAME(SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED) SAME(SECURE_ALL_BITS) SAME(SECURE_ALL_LOCKS) \
	SAME(VFS_CAP_REVISION_MASK) SAME(VFS_CAP_REVISION_SHIFT) SAME(VFS_CAP_FLAGS_MASK) \
	SAME(VFS_CAP_FLAGS_EFFECTIVE) SAME(VFS_CAP_REVISION_1) SAME(VFS_CAP_U32_1) \
	SAME(VFS_CAP_REVISION_2) SAME(VFS_CAP_U32_2) SAME(VFS_CAP_REVISION_3) \
	SAME(VFS_CAP_U32_3) SAME(VFS_CAP_U32) SAME(XATTR_CAPS_SZ_2) SAME(XATTR_CAPS_SZ_3) \
	/* uapi/errno.h */ \
	SAME(EPERM) SAME(ENOENT) SAME(ESRCH) SAME(EINTR) SAME(EIO) SAME(ENXIO) SAME(E2BIG) \
	SAME(ENOEXEC) SAME(EBADF) SAME(ECHILD) SAME(EAGAIN) SAME(ENOMEM) SAME(EACCES) \
	SAME(EFAULT) SAME(ENOTBLK) SAME(EBUSY) SAME(EEXIST) SAME(EXDEV) SAME(ENODEV) \
	SAME(ENOTDIR) SAME(EISDIR) SAME(EINVAL) SAME(ENFILE) SAME(EMFILE) SAME(ENOTTY) \
	SAME(ETXTBSY) SAME(EFBIG) SAME(ENOSPC) SAME(ESPIPE) SAME(EROFS) SAME(EMLINK) \
	SAME(EPIPE) SAME(EDOM) SAME(ERANGE) SAME(EDEADLK) SAME(ENAMETOOLONG) SAME(ENOLCK) \
	SAME(ENOSYS) SAME(ENOTEMPTY) SAME(ELOOP) SAME(ENOMSG) SAME(EIDRM) SAME(ECHRNG) \
	SAME(EL2NSYNC) SAME(EL3HLT) SAME(EL3RST) SAME(ELNRNG) SAME(EUNATCH) SAME(ENOCSI) \
	SAME(EL2HLT) SAME(EBADE) SAME(EBADR) SAME(EXFULL) SAME(ENOANO) SAME(EBADRQC) \
	SAME(EBADSLT) SAME(EBFONT) SAME(ENOSTR) SAME(ENODATA) SAME(ETIME) SAME(ENOSR) \
	SAME(ENONET) SAME(ENOPKG) SAME(EREMOTE) SAME(ENOLINK) SAME(EADV) SAME(ESRMNT) \
	SAME(ECOMM) SAME(EPROTO) SAME(EMULTIHOP) SAME(EDOTDOT) SAME(EBADMSG) SAME(EOVERFLOW) \
	SAME(ENOTUNIQ) SAME(EBADFD) SAME(EREMCHG) SAME(ELIBACC) SAME(ELIBBAD) SAME(ELIBSCN) \
	SAME(ELIBMAX) SAME(ELIBEXEC) SAME(EILSEQ) SAME(ERESTART) SAME(ESTRPIPE) SAME(EUSERS) \
	SAME(ENOTSOCK) SAME(EDESTADDRREQ) SAME(EMSGSIZE) SAME(EPROTOTYPE) SAME(ENOPROTOOPT) \
	SAME(EPROTONOSUPPORT) SAME(ESOCKTNOSUPPORT) SAME(EOPNOTSUPP) SAME(EPFNOSUPPORT) \
	SAME(EAFNOSUPPORT) SAME(EADDRINUSE) SAME(EADDRNOTAVAIL) SAME(ENETDOWN) \
	SAME(ENETUNREACH) SAME(ENETRESET) SAME(ECONNABORTED) SAME(ECONNRESET) SAME(ENOBUFS) \
	SAME(EISCONN) SAME(ENOTCONN) SAME(ESHUTDOWN) SAME(ETOOMANYREFS) SAME(ETIMEDOUT) \
	SAME(ECONNREFUSED) SAME(EHOSTDOWN) SAME(EHOSTUNREACH) SAME(EALREADY) \
	SAME(EINPROGRESS) SAME(ESTALE) SAME(EUCLEAN) SAME(ENOTNAM) SAME(ENAVAIL) SAME(EISNAM) \
	SAME(EREMOTEIO) SAME(EDQUOT) SAME(ENOMEDIUM) SAME(EMEDIUMTYPE) SAME(ECANCELED) \
	SAME(ENOKEY) SAME(EKEYEXPIRED) SAME(EKEYREVOKED) SAME(EKEYREJECTED) SAME(EOWNERDEAD) \
	SAME(ENOTRECOVERABLE) SAME(ERFKILL) SAME(EHWPOISON) SAME(EWOULDBLOCK) SAME(EDEADLOCK) \
	/* uapi/fcntl.h */ \
	SAME(O_ACCMODE) SAME(O_RDONLY) SAME(O_WRONLY) SAME(O_RDWR) SAME(O_CREAT) SAME(O_EXCL) \
	SAME(O_NOCTTY) SAME(O_TRUNC) SAME(O_APPEND) SAME(O_NONBLOCK) SAME(O_NDELAY) \
	SAME(O_DSYNC) SAME(FASYNC) SAME(O_DIRECT) SAME(O_LARGEFILE) SAME(O_DIRECTORY) \
	SAME(O_NOFOLLOW) SAME(O_NOATIME) SAME(O_CLOEXEC) SAME(O_SYNC) SAME(O_PATH) \
	SAME(O_TMPFILE) SAME(AT_FDCWD) SAME(AT_SYMLINK_NOFOLLOW) SAME(AT_EACCESS) \
	SAME(AT_REMOVEDIR) SAME(AT_SYMLINK_FOLLOW) SAME(AT_NO_AUTOMOUNT) SAME(AT_EMPTY_PATH) \
	SAME(AT_STATX_SYNC_TYPE) SAME(AT_STATX_SYNC_AS_STAT) SAME(AT_STATX_FORCE_SYNC) \
	SAME(AT_STATX_DONT_SYNC) SAME(AT_RECURSIVE) SAME(RENAME_NOREPLACE) \
	SAME(RENAME_EXCHANGE) SAME(RENAME_WHITEOUT) SAME(F_DUPFD) SAME(F_GETFD) SAME(F_SETFD) \
	SAME(F_GETFL) SAME(F_SETFL) SAME(F_GETLK) SAME(F_SETLK) SAME(F_SETLKW) SAME(F_SETOWN) \
	SAME(F_GETOWN) SAME(F_SETSIG) SAME(F_GETSIG) SAME(F_LINUX_SPECIFIC_BASE) \
	SAME(F_SETLEASE) SAME(F_GETLEASE) SAME(F_NOTIFY) SAME(F_DUPFD_CLOEXEC) \
	SAME(F_SETPIPE_SZ) SAME(F_GETPIPE_SZ) SAME(F_ADD_SEALS) SAME(F_GET_SEALS) \
	SAME(FD_CLOEXEC) SAME(F_RDLCK) SAME(F_WRLCK) SAME(F_UNLCK) \
	/* uapi/ioctl.h */ \
	SAME(_IOC_NRBITS) SAME(_IOC_TYPEBITS) SAME(_IOC_SIZEBITS) SAME(_IOC_DIRBITS) \
	SAME(_IOC_NRSHIFT) SAME(_IOC_TYPESHIFT) SAME(_IOC_SIZESHIFT) SAME(_IOC_DIRSHIFT) \
	SAME(_IOC_NRMASK) SAME(_IOC_TYPEMASK) SAME(_IOC_SIZEMASK) SAME(_IOC_DIRMASK) \
	SAME(_IOC_NONE) SAME(_IOC_WRITE) SAME(_IOC_READ) \
	/* uapi/limits.h */ \
	SAME(NGROUPS_MAX) SAME(ARG_MAX) SAME(NAME_MAX) SAME(PATH_MAX) SAME(PIPE_BUF) \
	SAME(XATTR_NAME_MAX) SAME(XATTR_SIZE_MAX) \
	/* uapi/mman.h */ \
	SAME(PROT_NONE) SAME(PROT_READ) SAME(PROT_WRITE) SAME(PROT_EXEC) SAME(PROT_GROWSDOWN) \
	SAME(PROT_GROWSUP) SAME(MAP_TYPE) SAME(MAP_SHARED) SAME(MAP_PRIVATE) \
	SAME(MAP_SHARED_VALIDATE) SAME(MAP_FIXED) SAME(MAP_ANONYMOUS) SAME(MAP_32BIT) \
	SAME(MAP_GROWSDOWN) SAME(MAP_DENYWRITE) SAME(MAP_EXECUTABLE) SAME(MAP_LOCKED) \
	SAME(MAP_NORESERVE) SAME(MAP_POPULATE) SAME(MAP_NONBLOCK) SAME(MAP_STACK) \
	SAME(MAP_HUGETLB) SAME(MAP_SYNC) SAME(MAP_FIXED_NOREPLACE) SAME(MREMAP_MAYMOVE) \
	SAME(MREMAP_FIXED) SAME(MREMAP_DONTUNMAP) SAME(MS_ASYNC) SAME(MS_INVALIDATE) \
	SAME(MS_SYNC) SAME(MADV_NORMAL) SAME(MADV_RANDOM) SAME(MADV_SEQUENTIAL) \
	SAME(MADV_WILLNEED) SAME(MADV_DONTNEED) SAME(MADV_FREE) SAME(MADV_REMOVE) \
	SAME(MADV_DONTFORK) SAME(MADV_DOFORK) \
	/* uapi/mount.h */ \
	SAME(MS_RDONLY) SAME(MS_NOSUID) SAME(MS_NODEV) SAME(MS_NOEXEC) SAME(MS_SYNCHRONOUS) \
	SAME(MS_REMOUNT) SAME(MS_MANDLOCK) SAME(MS_DIRSYNC) SAME(MS_NOSYMFOLLOW) \
	SAME(MS_NOATIME) SAME(MS_NODIRATIME) SAME(MS_BIND) SAME(MS_MOVE) SAME(MS_REC) \
	SAME(MS_SILENT) SAME(MS_POSIXACL) SAME(MS_UNBINDABLE) SAME(MS_PRIVATE) SAME(MS_SLAVE) \
	SAME(MS_SHARED) SAME(MS_RELATIME) SAME(MS_KERNMOUNT) SAME(MS_I_VERSION) \
	SAME(MS_STRICTATIME) SAME(MS_LAZYTIME) SAME(MS_MGC_VAL) SAME(MS_MGC_MSK) \
	/* uapi/nsfs.h */ \
	SAME(NSIO) SAME(NS_GET_USERNS) SAME(NS_GET_PARENT) SAME(NS_GET_NSTYPE) \
	SAME(NS_GET_OWNER_UID) \
	/* uapi/prctl.h */ \
	SAME(PR_SET_PDEATHSIG) SAME(PR_GET_PDEATHSIG) SAME(PR_GET_DUMPABLE) \
	SAME(PR_SET_DUMPABLE) SAME(PR_GET_KEEPCAPS) SAME(PR_SET_KEEPCAPS) SAME(PR_SET_NAME) \
	SAME(PR_GET_NAME) SAME(PR_GET_SECCOMP) SAME(PR_SET_SECCOMP) SAME(PR_CAPBSET_READ) \
	SAME(PR_CAPBSET_DROP) SAME(PR_GET_SECUREBITS) SAME(PR_SET_SECUREBITS) \
	SAME(PR_SET_TIMERSLACK) SAME(PR_GET_TIMERSLACK) SAME(PR_SET_CHILD_SUBREAPER) \
	SAME(PR_GET_CHILD_SUBREAPER) SAME(PR_SET_NO_NEW_PRIVS) SAME(PR_GET_NO_NEW_PRIVS) \
	SAME(PR_GET_TID_ADDRESS) SAME(PR_SET_THP_DISABLE) SAME(PR_GET_THP_DISABLE) \
	SAME(PR_CAP_AMBIENT) SAME(PR_CAP_AMBIENT_IS_SET) SAME(PR_CAP_AMBIENT_RAISE) \
	SAME(PR_CAP_AMBIENT_LOWER) SAME(PR_CAP_AMBIENT_CLEAR_ALL) \
	/* uapi/random.h */ \
	SAME(GRND_NONBLOCK) SAME(GRND_RANDOM) SAME(GRND_INSECURE) \
	/* uapi/resource.h */ \
	SAME(RLIMIT_CPU) SAME(RLIMIT_FSIZE) SAME(RLIMIT_DATA) SAME(RLIMIT_STACK) \
	SAME(RLIMIT_CORE) SAME(RLIMIT_RSS) SAME(RLIMIT_NPROC) SAME(RLIMIT_NOFILE) \
	SAME(RLIMIT_MEMLOCK) SAME(RLIMIT_AS) SAME(RLIMIT_LOCKS) SAME(RLIMIT_SIGPENDING) \
	SAME(RLIMIT_MSGQUEUE) SAME(RLIMIT_NICE) SAME(RLIMIT_RTPRIO) SAME(RLIMIT_RTTIME) \
	SAME(RLIM_NLIMITS) SAME(RLIM_INFINITY) SAME(RLIM64_INFINITY) SAME(RUSAGE_SELF) \
	SAME(RUSAGE_CHILDREN) SAME(RUSAGE_THREAD) SAME(PRIO_PROCESS) SAME(PRIO_PGRP) \
	SAME(PRIO_USER) \
	/* uapi/sched.h */ \
	SAME(CSIGNAL) SAME(CLONE_NEWTIME) SAME(CLONE_VM) SAME(CLONE_FS) SAME(CLONE_FILES) \
	SAME(CLONE_SIGHAND) SAME(CLONE_PIDFD) SAME(CLONE_PTRACE) SAME(CLONE_VFORK) \
	SAME(CLONE_PARENT) SAME(CLONE_THREAD) SAME(CLONE_NEWNS) SAME(CLONE_SYSVSEM) \
	SAME(CLONE_SETTLS) SAME(CLONE_PARENT_SETTID) SAME(CLONE_CHILD_CLEARTID) \
	SAME(CLONE_DETACHED) SAME(CLONE_UNTRACED) SAME(CLONE_CHILD_SETTID) \
	SAME(CLONE_NEWCGROUP) SAME(CLONE_NEWUTS) SAME(CLONE_NEWIPC) SAME(CLONE_NEWUSER) \
	SAME(CLONE_NEWPID) SAME(CLONE_NEWNET) SAME(CLONE_IO) SAME(CLONE_CLEAR_SIGHAND) \
	SAME(CLONE_INTO_CGROUP) SAME(CLONE_ARGS_SIZE_VER0) SAME(CLONE_ARGS_SIZE_VER1) \
	SAME(CLONE_ARGS_SIZE_VER2) SAME(SCHED_NORMAL) SAME(SCHED_FIFO) SAME(SCHED_RR) \
	SAME(SCHED_BATCH) SAME(SCHED_IDLE) SAME(SCHED_DEADLINE) SAME(SCHED_RESET_ON_FORK) \
	/* uapi/signal.h */ \
	SAME(SIGHUP) SAME(SIGINT) SAME(SIGQUIT) SAME(SIGILL) SAME(SIGTRAP) SAME(SIGABRT) \
	SAME(SIGIOT) SAME(SIGBUS) SAME(SIGFPE) SAME(SIGKILL) SAME(SIGUSR1) SAME(SIGSEGV) \
	SAME(SIGUSR2) SAME(SIGPIPE) SAME(SIGALRM) SAME(SIGTERM) SAME(SIGSTKFLT) SAME(SIGCHLD) \
	SAME(SIGCONT) SAME(SIGSTOP) SAME(SIGTSTP) SAME(SIGTTIN) SAME(SIGTTOU) SAME(SIGURG) \
	SAME(SIGXCPU) SAME(SIGXFSZ) SAME(SIGVTALRM) SAME(SIGPROF) SAME(SIGWINCH) SAME(SIGIO) \
	SAME(SIGPOLL) SAME(SIGPWR) SAME(SIGSYS) SAME(SIGRTMIN) \
	SAME(SA_NOCLDSTOP) SAME(SA_NOCLDWAIT) SAME(SA_SIGINFO) SAME(SA_UNSUPPORTED) \
	SAME(SA_EXPOSE_TAGBITS) SAME(SA_RESTORER) SAME(SA_ONSTACK) SAME(SA_RESTART) \
	SAME(SA_NODEFER) SAME(SA_RESETHAND) SAME(SA_NOMASK) SAME(SA_ONESHOT) SAME(SIG_BLOCK) \
	SAME(SIG_UNBLOCK) SAME(SIG_SETMASK) SAME(SIG_DFL) SAME(SIG_IGN) SAME(SIG_ERR) \
	SAME(SS_ONSTACK) SAME(SS_DISABLE) SAME(SS_AUTODISARM) SAME(MINSIGSTKSZ) \
	SAME(SIGSTKSZ) SAME(SI_USER) SAME(SI_KERNEL) SAME(SI_QUEUE) SAME(SI_TIMER) \
	SAME(SI_MESGQ) SAME(SI_ASYNCIO) SAME(SI_SIGIO) SAME(SI_TKILL) SAME(ILL_ILLOPC) \
	SAME(ILL_ILLOPN) SAME(ILL_ILLADR) SAME(ILL_ILLTRP) SAME(ILL_PRVOPC) SAME(ILL_PRVREG) \
	SAME(ILL_COPROC) SAME(ILL_BADSTK) SAME(FPE_INTDIV) SAME(FPE_INTOVF) SAME(FPE_FLTDIV) \
	SAME(FPE_FLTOVF) SAME(FPE_FLTUND) SAME(FPE_FLTRES) SAME(FPE_FLTINV) SAME(FPE_FLTSUB) \
	SAME(SEGV_MAPERR) SAME(SEGV_ACCERR) SAME(BUS_ADRALN) SAME(BUS_ADRERR) \
	SAME(BUS_OBJERR) SAME(TRAP_BRKPT) SAME(TRAP_TRACE) SAME(CLD_EXITED) SAME(CLD_KILLED) \
	SAME(CLD_DUMPED) SAME(CLD_TRAPPED) SAME(CLD_STOPPED) SAME(CLD_CONTINUED) \
	SAME(UC_FP_XSTATE) SAME(UC_SIGCONTEXT_SS) SAME(UC_STRICT_RESTORE_SS) \
	RENAMED(SIGINFO_SIZE, SI_MAX_SIZE) \
	/* uapi/stat.h */ \
	SAME(STATX_TYPE) SAME(STATX_MODE) SAME(STATX_NLINK) SAME(STATX_UID) SAME(STATX_GID) \
	SAME(STATX_ATIME) SAME(STATX_MTIME) SAME(STATX_CTIME) SAME(STATX_INO) \
	SAME(STATX_SIZE) SAME(STATX_BLOCKS) SAME(STATX_BASIC_STATS) SAME(STATX_BTIME) \
	SAME(STATX_MNT_ID) SAME(STATX_DIOALIGN) SAME(STATX_ALL) SAME(STATX__RESERVED) \
	SAME(STATX_ATTR_COMPRESSED) SAME(STATX_ATTR_IMMUTABLE) SAME(STATX_ATTR_APPEND) \
	SAME(STATX_ATTR_NODUMP) SAME(STATX_ATTR_ENCRYPTED) SAME(STATX_ATTR_AUTOMOUNT) \
	SAME(STATX_ATTR_MOUNT_ROOT) SAME(STATX_ATTR_VERITY) SAME(STATX_ATTR_DAX) \
	SAME(RAMFS_MAGIC) SAME(TMPFS_MAGIC) SAME(PROC_SUPER_MAGIC) SAME(SYSFS_MAGIC) \
	SAME(DEVPTS_SUPER_MAGIC) SAME(NSFS_MAGIC) \
	/* uapi/syscall_numbers.h */ \
	SAME(__NR_read) SAME(__NR_write) SAME(__NR_open) SAME(__NR_close) SAME(__NR_stat) \
	SAME(__NR_fstat) SAME(__NR_lstat) SAME(__NR_poll) SAME(__NR_lseek) SAME(__NR_mmap) \
	SAME(__NR_mprotect) SAME(__NR_munmap) SAME(__NR_brk) SAME(__NR_rt_sigaction) \
	SAME(__NR_rt_sigprocmask) SAME(__NR_rt_sigreturn) SAME(__NR_ioctl) SAME(__NR_pread64) \
	SAME(__NR_pwrite64) SAME(__NR_readv) SAME(__NR_writev) SAME(__NR_access) \
	SAME(__NR_pipe) SAME(__NR_select) SAME(__NR_sched_yield) SAME(__NR_mremap) \
	SAME(__NR_msync) SAME(__NR_mincore) SAME(__NR_madvise) SAME(__NR_shmget) \
	SAME(__NR_shmat) SAME(__NR_shmctl) SAME(__NR_dup) SAME(__NR_dup2) SAME(__NR_pause) \
	SAME(__NR_nanosleep) SAME(__NR_getitimer) SAME(__NR_alarm) SAME(__NR_setitimer) \
	SAME(__NR_getpid) SAME(__NR_sendfile) SAME(__NR_socket) SAME(__NR_connect) \
	SAME(__NR_accept) SAME(__NR_sendto) SAME(__NR_recvfrom) SAME(__NR_sendmsg) \
	SAME(__NR_recvmsg) SAME(__NR_shutdown) SAME(__NR_bind) SAME(__NR_listen) \
	SAME(__NR_getsockname) SAME(__NR_getpeername) SAME(__NR_socketpair) \
	SAME(__NR_setsockopt) SAME(__NR_getsockopt) SAME(__NR_clone) SAME(__NR_fork) \
	SAME(__NR_vfork) SAME(__NR_execve) SAME(__NR_exit) SAME(__NR_wait4) SAME(__NR_kill) \
	SAME(__NR_uname) SAME(__NR_semget) SAME(__NR_semop) SAME(__NR_semctl) \
	SAME(__NR_shmdt) SAME(__NR_msgget) SAME(__NR_msgsnd) SAME(__NR_msgrcv) \
	SAME(__NR_msgctl) SAME(__NR_fcntl) SAME(__NR_flock) SAME(__NR_fsync) \
	SAME(__NR_fdatasync) SAME(__NR_truncate) SAME(__NR_ftruncate) SAME(__NR_getdents) \
	SAME(__NR_getcwd) SAME(__NR_chdir) SAME(__NR_fchdir) SAME(__NR_rename) \
	SAME(__NR_mkdir) SAME(__NR_rmdir) SAME(__NR_creat) SAME(__NR_link) SAME(__NR_unlink) \
	SAME(__NR_symlink) SAME(__NR_readlink) SAME(__NR_chmod) SAME(__NR_fchmod) \
	SAME(__NR_chown) SAME(__NR_fchown) SAME(__NR_lchown) SAME(__NR_umask) \
	SAME(__NR_gettimeofday) SAME(__NR_getrlimit) SAME(__NR_getrusage) SAME(__NR_sysinfo) \
	SAME(__NR_times) SAME(__NR_ptrace) SAME(__NR_getuid) SAME(__NR_syslog) \
	SAME(__NR_getgid) SAME(__NR_setuid) SAME(__NR_setgid) SAME(__NR_geteuid) \
	SAME(__NR_getegid) SAME(__NR_setpgid) SAME(__NR_getppid) SAME(__NR_getpgrp) \
	SAME(__NR_setsid) SAME(__NR_setreuid) SAME(__NR_setregid) SAME(__NR_getgroups) \
	SAME(__NR_setgroups) SAME(__NR_setresuid) SAME(__NR_getresuid) SAME(__NR_setresgid) \
	SAME(__NR_getresgid) SAME(__NR_getpgid) SAME(__NR_setfsuid) SAME(__NR_setfsgid) \
	SAME(__NR_getsid) SAME(__NR_capget) SAME(__NR_capset) SAME(__NR_rt_sigpending) \
	SAME(__NR_rt_sigtimedwait) SAME(__NR_rt_sigqueueinfo) SAME(__NR_rt_sigsuspend) \
	SAME(__NR_sigaltstack) SAME(__NR_utime) SAME(__NR_mknod) SAME(__NR_uselib) \
	SAME(__NR_personality) SAME(__NR_ustat) SAME(__NR_statfs) SAME(__NR_fstatfs) \
	SAME(__NR_sysfs) SAME(__NR_getpriority) SAME(__NR_setpriority) \
	SAME(__NR_sched_setparam) SAME(__NR_sched_getparam) SAME(__NR_sched_setscheduler) \
	SAME(__NR_sched_getscheduler) SAME(__NR_sched_get_priority_max) \
	SAME(__NR_sched_get_priority_min) SAME(__NR_sched_rr_get_interval) SAME(__NR_mlock) \
	SAME(__NR_munlock) SAME(__NR_mlockall) SAME(__NR_munlockall) SAME(__NR_vhangup) \
	SAME(__NR_modify_ldt) SAME(__NR_pivot_root) SAME(__NR__sysctl) SAME(__NR_prctl) \
	SAME(__NR_arch_prctl) SAME(__NR_adjtimex) SAME(__NR_setrlimit) SAME(__NR_chroot) \
	SAME(__NR_sync) SAME(__NR_acct) SAME(__NR_settimeofday) SAME(__NR_mount) \
	SAME(__NR_umount2) SAME(__NR_swapon) SAME(__NR_swapoff) SAME(__NR_reboot) \
	SAME(__NR_sethostname) SAME(__NR_setdomainname) SAME(__NR_iopl) SAME(__NR_ioperm) \
	SAME(__NR_create_module) SAME(__NR_init_module) SAME(__NR_delete_module) \
	SAME(__NR_get_kernel_syms) SAME(__NR_query_module) SAME(__NR_quotactl) \
	SAME(__NR_nfsservctl) SAME(__NR_getpmsg) SAME(__NR_putpmsg) SAME(__NR_afs_syscall) \
	SAME(__NR_tuxcall) SAME(__NR_security) SAME(__NR_gettid) SAME(__NR_readahead) \
	SAME(__NR_setxattr) SAME(__NR_lsetxattr) SAME(__NR_fsetxattr) SAME(__NR_getxattr) \
	SAME(__NR_lgetxattr) SAME(__NR_fgetxattr) SAME(__NR_listxattr) SAME(__NR_llistxattr) \
	SAME(__NR_flistxattr) SAME(__NR_removexattr) SAME(__NR_lremovexattr) \
	SAME(__NR_fremovexattr) SAME(__NR_tkill) SAME(__NR_time) SAME(__NR_futex) \
	SAME(__NR_sched_setaffinity) SAME(__NR_sched_getaffinity) SAME(__NR_set_thread_area) \
	SAME(__NR_io_setup) SAME(__NR_io_destroy) SAME(__NR_io_getevents) \
	SAME(__NR_io_submit) SAME(__NR_io_cancel) SAME(__NR_get_thread_area) \
	SAME(__NR_lookup_dcookie) SAME(__NR_epoll_create) SAME(__NR_epoll_ctl_old) \
	SAME(__NR_epoll_wait_old) SAME(__NR_remap_file_pages) SAME(__NR_getdents64) \
	SAME(__NR_set_tid_address) SAME(__NR_restart_syscall) SAME(__NR_semtimedop) \
	SAME(__NR_fadvise64) SAME(__NR_timer_create) SAME(__NR_timer_settime) \
	SAME(__NR_timer_gettime) SAME(__NR_timer_getoverrun) SAME(__NR_timer_delete) \
	SAME(__NR_clock_settime) SAME(__NR_clock_gettime) SAME(__NR_clock_getres) \
	SAME(__NR_clock_nanosleep) SAME(__NR_exit_group) SAME(__NR_epoll_wait) \
	SAME(__NR_epoll_ctl) SAME(__NR_tgkill) SAME(__NR_utimes) SAME(__NR_vserver) \
	SAME(__NR_mbind) SAME(__NR_set_mempolicy) SAME(__NR_get_mempolicy) SAME(__NR_mq_open) \
	SAME(__NR_mq_unlink) SAME(__NR_mq_timedsend) SAME(__NR_mq_timedreceive) \
	SAME(__NR_mq_notify) SAME(__NR_mq_getsetattr) SAME(__NR_kexec_load) SAME(__NR_waitid) \
	SAME(__NR_add_key) SAME(__NR_request_key) SAME(__NR_keyctl) SAME(__NR_ioprio_set) \
	SAME(__NR_ioprio_get) SAME(__NR_inotify_init) SAME(__NR_inotify_add_watch) \
	SAME(__NR_inotify_rm_watch) SAME(__NR_migrate_pages) SAME(__NR_openat) \
	SAME(__NR_mkdirat) SAME(__NR_mknodat) SAME(__NR_fchownat) SAME(__NR_futimesat) \
	SAME(__NR_newfstatat) SAME(__NR_unlinkat) SAME(__NR_renameat) SAME(__NR_linkat) \
	SAME(__NR_symlinkat) SAME(__NR_readlinkat) SAME(__NR_fchmodat) SAME(__NR_faccessat) \
	SAME(__NR_pselect6) SAME(__NR_ppoll) SAME(__NR_unshare) SAME(__NR_set_robust_list) \
	SAME(__NR_get_robust_list) SAME(__NR_splice) SAME(__NR_tee) \
	SAME(__NR_sync_file_range) SAME(__NR_vmsplice) SAME(__NR_move_pages) \
	SAME(__NR_utimensat) SAME(__NR_epoll_pwait) SAME(__NR_signalfd) \
	SAME(__NR_timerfd_create) SAME(__NR_eventfd) SAME(__NR_fallocate) \
	SAME(__NR_timerfd_settime) SAME(__NR_timerfd_gettime) SAME(__NR_accept4) \
	SAME(__NR_signalfd4) SAME(__NR_eventfd2) SAME(__NR_epoll_create1) SAME(__NR_dup3) \
	SAME(__NR_pipe2) SAME(__NR_inotify_init1) SAME(__NR_preadv) SAME(__NR_pwritev) \
	SAME(__NR_rt_tgsigqueueinfo) SAME(__NR_perf_event_open) SAME(__NR_recvmmsg) \
	SAME(__NR_fanotify_init) SAME(__NR_fanotify_mark) SAME(__NR_prlimit64) \
	SAME(__NR_name_to_handle_at) SAME(__NR_open_by_handle_at) SAME(__NR_clock_adjtime) \
	SAME(__NR_syncfs) SAME(__NR_sendmmsg) SAME(__NR_setns) SAME(__NR_getcpu) \
	SAME(__NR_process_vm_readv) SAME(__NR_process_vm_writev) SAME(__NR_kcmp) \
	SAME(__NR_finit_module) SAME(__NR_sched_setattr) SAME(__NR_sched_getattr) \
	SAME(__NR_renameat2) SAME(__NR_seccomp) SAME(__NR_getrandom) SAME(__NR_memfd_create) \
	SAME(__NR_kexec_file_load) SAME(__NR_bpf) SAME(__NR_execveat) SAME(__NR_userfaultfd) \
	SAME(__NR_membarrier) SAME(__NR_mlock2) SAME(__NR_copy_file_range) SAME(__NR_preadv2) \
	SAME(__NR_pwritev2) SAME(__NR_pkey_mprotect) SAME(__NR_pkey_alloc) \
	SAME(__NR_pkey_free) SAME(__NR_statx) SAME(__NR_io_pgetevents) SAME(__NR_rseq) \
	SAME(__NR_pidfd_send_signal) SAME(__NR_io_uring_setup) SAME(__NR_io_uring_enter) \
	SAME(__NR_io_uring_register) SAME(__NR_open_tree) SAME(__NR_move_mount) \
	SAME(__NR_fsopen) SAME(__NR_fsconfig) SAME(__NR_fsmount) SAME(__NR_fspick) \
	SAME(__NR_pidfd_open) SAME(__NR_clone3) SAME(__NR_close_range) SAME(__NR_openat2) \
	SAME(__NR_pidfd_getfd) SAME(__NR_faccessat2) SAME(__NR_process_madvise) \
	SAME(__NR_epoll_pwait2) SAME(__NR_mount_setattr) SAME(__NR_quotactl_fd) \
	SAME(__NR_landlock_create_ruleset) SAME(__NR_landlock_add_rule) \
	SAME(__NR_landlock_restrict_self) SAME(__NR_memfd_secret) SAME(__NR_process_mrelease) \
	SAME(__NR_futex_waitv) SAME(__NR_set_mempolicy_home_node) \
	/* uapi/termios.h */ \
	SAME(NCCS) SAME(VINTR) SAME(VQUIT) SAME(VERASE) SAME(VKILL) SAME(VEOF) SAME(VTIME) \
	SAME(VMIN) SAME(VSWTC) SAME(VSTART) SAME(VSTOP) SAME(VSUSP) SAME(VEOL) SAME(VREPRINT) \
	SAME(VDISCARD) SAME(VWERASE) SAME(VLNEXT) SAME(VEOL2) SAME(IGNBRK) SAME(BRKINT) \
	SAME(IGNPAR) SAME(PARMRK) SAME(INPCK) SAME(ISTRIP) SAME(INLCR) SAME(IGNCR) \
	SAME(ICRNL) SAME(IUCLC) SAME(IXON) SAME(IXANY) SAME(IXOFF) SAME(IMAXBEL) SAME(IUTF8) \
	SAME(OPOST) SAME(OLCUC) SAME(ONLCR) SAME(OCRNL) SAME(ONOCR) SAME(ONLRET) SAME(OFILL) \
	SAME(OFDEL) SAME(CBAUD) SAME(B0) SAME(B9600) SAME(B19200) SAME(B38400) SAME(B57600) \
	SAME(B115200) SAME(CSIZE) SAME(CS5) SAME(CS6) SAME(CS7) SAME(CS8) SAME(CSTOPB) \
	SAME(CREAD) SAME(PARENB) SAME(PARODD) SAME(HUPCL) SAME(CLOCAL) SAME(ISIG) \
	SAME(ICANON) SAME(XCASE) SAME(ECHO) SAME(ECHOE) SAME(ECHOK) SAME(ECHONL) SAME(NOFLSH) \
	SAME(TOSTOP) SAME(ECHOCTL) SAME(ECHOPRT) SAME(ECHOKE) SAME(FLUSHO) SAME(PENDIN) \
	SAME(IEXTEN) SAME(EXTPROC) SAME(TCIFLUSH) SAME(TCOFLUSH) SAME(TCIOFLUSH) SAME(TCGETS) \
	SAME(TCSETS) SAME(TCSETSW) SAME(TCSETSF) SAME(TCSBRK) SAME(TCXONC) SAME(TCFLSH) \
	SAME(TIOCEXCL) SAME(TIOCNXCL) SAME(TIOCSCTTY) SAME(TIOCGPGRP) SAME(TIOCSPGRP) \
	SAME(TIOCOUTQ) SAME(TIOCSTI) SAME(TIOCGWINSZ) SAME(TIOCSWINSZ) SAME(FIONREAD) \
	SAME(TIOCINQ) SAME(TIOCCONS) SAME(FIONBIO) SAME(TIOCNOTTY) SAME(TIOCSETD) \
	SAME(TIOCGETD) SAME(TIOCGSID) SAME(TIOCGPTN) SAME(TIOCSPTLCK) SAME(FIONCLEX) \
	SAME(FIOCLEX) SAME(FIOASYNC) \
	/* uapi/time.h */ \
	SAME(CLOCK_REALTIME) SAME(CLOCK_MONOTONIC) SAME(CLOCK_PROCESS_CPUTIME_ID) \
	SAME(CLOCK_THREAD_CPUTIME_ID) SAME(CLOCK_MONOTONIC_RAW) SAME(CLOCK_REALTIME_COARSE) \
	SAME(CLOCK_MONOTONIC_COARSE) SAME(CLOCK_BOOTTIME) SAME(CLOCK_REALTIME_ALARM) \
	SAME(CLOCK_BOOTTIME_ALARM) SAME(CLOCK_TAI) SAME(TIMER_ABSTIME) SAME(ITIMER_REAL) \
	SAME(ITIMER_VIRTUAL) SAME(ITIMER_PROF) \
	/* uapi/utsname.h */ \
	RENAMED(NEW_UTS_LEN, __NEW_UTS_LEN) \
	/* uapi/wait.h */ \
	SAME(WNOHANG) SAME(WUNTRACED) SAME(WSTOPPED) SAME(WEXITED) SAME(WCONTINUED) \
	SAME(WNOWAIT) SAME(__WNOTHREAD) SAME(__WALL) SAME(__WCLONE) SAME(P_ALL) SAME(P_PID) \
	SAME(P_PGID) SAME(P_PIDFD)

/* Constants only the C library's headers give (the kernel keeps them internal). */
#define LIBC_CONSTANTS(SAME, RENAMED) \
	/* uapi/dirent.h */ \
	SAME(DT_UNKNOWN) SAME(DT_FIFO) SAME(DT_CHR) SAME(DT_DIR) SAME(DT_BLK) SAME(DT_REG) \
	SAME(DT_LNK) SAME(DT_SOCK) SAME(DT_WHT) \
	/* uapi/errno.h */ \
	SAME(ENOTSUP) \
	/* uapi/mman.h */ \
	SAME(MAP_ANON) \
	/* uapi/mount.h */ \
	SAME(MNT_FORCE) SAME(MNT_DETACH) SAME(MNT_EXPIRE) SAME(UMOUNT_NOFOLLOW) \
	/* uapi/stat.h */ \
	SAME(S_IFMT) SAME(S_IFSOCK) SAME(S_IFLNK) SAME(S_IFREG) SAME(S_IFBLK) SAME(S_IFDIR) \
	SAME(S_IFCHR) SAME(S_IFIFO) SAME(S_ISUID) SAME(S_ISGID) SAME(S_ISVTX) SAME(S_IRWXU) \
	SAME(S_IRUSR) SAME(S_IWUSR) SAME(S_IXUSR) SAME(S_IRWXG) SAME(S_IRGRP) SAME(S_IWGRP) \
	SAME(S_IXGRP) SAME(S_IRWXO) SAME(S_IROTH) SAME(S_IWOTH) SAME(S_IXOTH) SAME(ST_RDONLY) \
	SAME(ST_NOSUID) SAME(ST_NODEV) SAME(ST_NOEXEC) SAME(ST_SYNCHRONOUS) SAME(ST_MANDLOCK) \
	SAME(ST_NOATIME) SAME(ST_NODIRATIME) SAME(ST_RELATIME) \
	/* uapi/wait.h */ \
	SAME(WCOREFLAG) RENAMED(W_CONTINUED, __W_CONTINUED)

/* Structures as the Linux uapi headers define them. */
#define KERNEL_LAYOUTS(SIZE, FIELD) \
	SIZE(struct stat, struct stat) \
	FIELD(struct stat, st_dev, struct stat, st_dev) \
	FIELD(struct stat, st_ino, struct stat, st_ino) \
	FIELD(struct stat, st_nlink, struct stat, st_nlink) \
	FIELD(struct stat, st_mode, struct stat, st_mode) \
	FIELD(struct stat, st_uid, struct stat, st_uid) \
	FIELD(struct stat, st_gid, struct stat, st_gid) \
	FIELD(struct stat, st_pad0, struct stat, __pad0) \
	FIELD(struct stat, st_rdev, struct stat, st_rdev) \
	FIELD(struct stat, st_size, struct stat, st_size) \
	FIELD(struct stat, st_blksize, struct stat, st_blksize) \
	FIELD(struct stat, st_blocks, struct stat, st_blocks) \
	FIELD(struct stat, st_atime, struct stat, st_atime) \
	FIELD(struct stat, st_atime_nsec, struct stat, st_atime_nsec) \
	FIELD(struct stat, st_mtime, struct stat, st_mtime) \
	FIELD(struct stat, st_mtime_nsec, struct stat, st_mtime_nsec) \
	FIELD(struct stat, st_ctime, struct stat, st_ctime) \
	FIELD(struct stat, st_ctime_nsec, struct stat, st_ctime_nsec) \
	FIELD(struct stat, st_reserved, struct stat, __unused) \
	SIZE(struct statx_timestamp, struct statx_timestamp) \
	FIELD(struct statx_timestamp, tv_sec, struct statx_timestamp, tv_sec) \
	FIELD(struct statx_timestamp, tv_nsec, struct statx_timestamp, tv_nsec) \
	FIELD(struct statx_timestamp, reserved, struct statx_timestamp, __reserved) \
	SIZE(struct statx, struct statx) \
	FIELD(struct statx, stx_mask, struct statx, stx_mask) \
	FIELD(struct statx, stx_blksize, struct statx, stx_blksize) \
	FIELD(struct statx, stx_attributes, struct statx, stx_attributes) \
	FIELD(struct statx, stx_nlink, struct statx, stx_nlink) \
	FIELD(struct statx, stx_uid, struct statx, stx_uid) \
	FIELD(struct statx, stx_gid, struct statx, stx_gid) \
	FIELD(struct statx, stx_mode, struct statx, stx_mode) \
	FIELD(struct statx, stx_spare0, struct statx, __spare0) \
	FIELD(struct statx, stx_ino, struct statx, stx_ino) \
	FIELD(struct statx, stx_size, struct statx, stx_size) \
	FIELD(struct statx, stx_blocks, struct statx, stx_blocks) \
	FIELD(struct statx, stx_attributes_mask, struct statx, stx_attributes_mask) \
	FIELD(struct statx, stx_atime, struct statx, stx_atime) \
	FIELD(struct statx, stx_btime, struct statx, stx_btime) \
	FIELD(struct statx, stx_ctime, struct statx, stx_ctime) \
	FIELD(struct statx, stx_mtime, struct statx, stx_mtime) \
	FIELD(struct statx, stx_rdev_major, struct statx, stx_rdev_major) \
	FIELD(struct statx, stx_rdev_minor, struct statx, stx_rdev_minor) \
	FIELD(struct statx, stx_dev_major, struct statx, stx_dev_major) \
	FIELD(struct statx, stx_dev_minor, struct statx, stx_dev_minor) \
	FIELD(struct statx, stx_mnt_id, struct statx, stx_mnt_id) \
	FIELD(struct statx, stx_dio_mem_align, struct statx, stx_dio_mem_align) \
	FIELD(struct statx, stx_dio_offset_align, struct statx, stx_dio_offset_align) \
	FIELD(struct statx, stx_spare3, struct statx, __spare3) \
	SIZE(struct statfs, struct statfs) \
	FIELD(struct statfs, f_type, struct statfs, f_type) \
	FIELD(struct statfs, f_bsize, struct statfs, f_bsize) \
	FIELD(struct statfs, f_blocks, struct statfs, f_blocks) \
	FIELD(struct statfs, f_bfree, struct statfs, f_bfree) \
	FIELD(struct statfs, f_bavail, struct statfs, f_bavail) \
	FIELD(struct statfs, f_files, struct statfs, f_files) \
	FIELD(struct statfs, f_ffree, struct statfs, f_ffree) \
	FIELD(struct statfs, f_fsid, struct statfs, f_fsid) \
	FIELD(struct statfs, f_namelen, struct statfs, f_namelen) \
	FIELD(struct statfs, f_frsize, struct statfs, f_frsize) \
	FIELD(struct statfs, f_flags, struct statfs, f_flags) \
	FIELD(struct statfs, f_spare, struct statfs, f_spare) \
	SIZE(kernel_sigset_t, sigset_t) \
	SIZE(struct kernel_sigaction, struct sigaction) \
	FIELD(struct kernel_sigaction, sa_handler, struct sigaction, sa_handler) \
	FIELD(struct kernel_sigaction, sa_flags, struct sigaction, sa_flags) \
	FIELD(struct kernel_sigaction, sa_restorer, struct sigaction, sa_restorer) \
	FIELD(struct kernel_sigaction, sa_mask, struct sigaction, sa_mask) \
	SIZE(stack_t, stack_t) \
	FIELD(stack_t, ss_sp, stack_t, ss_sp) \
	FIELD(stack_t, ss_flags, stack_t, ss_flags) \
	FIELD(stack_t, ss_size, stack_t, ss_size) \
	SIZE(union sigval, sigval_t) \
	SIZE(siginfo_t, siginfo_t) \
	FIELD(siginfo_t, si_signo, siginfo_t, si_signo) \
	FIELD(siginfo_t, si_errno, siginfo_t, si_errno) \
	FIELD(siginfo_t, si_code, siginfo_t, si_code) \
	FIELD(siginfo_t, fields.kill.pid, siginfo_t, si_pid) \
	FIELD(siginfo_t, fields.kill.uid, siginfo_t, si_uid) \
	FIELD(siginfo_t, fields.timer.timer_id, siginfo_t, si_tid) \
	FIELD(siginfo_t, fields.timer.overrun, siginfo_t, si_overrun) \
	FIELD(siginfo_t, fields.timer.value, siginfo_t, _sifields._timer._sigval) \
	FIELD(siginfo_t, fields.timer.private_field, siginfo_t, _sifields._timer._sys_private) \
	FIELD(siginfo_t, fields.rt.pid, siginfo_t, _sifields._rt._pid) \
	FIELD(siginfo_t, fields.rt.uid, siginfo_t, _sifields._rt._uid) \
	FIELD(siginfo_t, fields.rt.value, siginfo_t, si_value) \
	FIELD(siginfo_t, fields.child.pid, siginfo_t, _sifields._sigchld._pid) \
	FIELD(siginfo_t, fields.child.uid, siginfo_t, _sifields._sigchld._uid) \
	FIELD(siginfo_t, fields.child.status, siginfo_t, si_status) \
	FIELD(siginfo_t, fields.child.utime, siginfo_t, si_utime) \
	FIELD(siginfo_t, fields.child.stime, siginfo_t, si_stime) \
	FIELD(siginfo_t, fields.fault.addr, siginfo_t, si_addr) \
	FIELD(siginfo_t, fields.poll.band, siginfo_t, si_band) \
	FIELD(siginfo_t, fields.poll.fd, siginfo_t, si_fd) \
	FIELD(siginfo_t, fields.sys.call_addr, siginfo_t, si_call_addr) \
	FIELD(siginfo_t, fields.sys.syscall, siginfo_t, si_syscall) \
	FIELD(siginfo_t, fields.sys.arch, siginfo_t, si_arch) \
	SIZE(struct sigcontext_64, struct sigcontext_64) \
	FIELD(struct sigcontext_64, r8, struct sigcontext_64, r8) \
	FIELD(struct sigcontext_64, r9, struct sigcontext_64, r9) \
	FIELD(struct sigcontext_64, r10, struct sigcontext_64, r10) \
	FIELD(struct sigcontext_64, r11, struct sigcontext_64, r11) \
	FIELD(struct sigcontext_64, r12, struct sigcontext_64, r12) \
	FIELD(struct sigcontext_64, r13, struct sigcontext_64, r13) \
	FIELD(struct sigcontext_64, r14, struct sigcontext_64, r14) \
	FIELD(struct sigcontext_64, r15, struct sigcontext_64, r15) \
	FIELD(struct sigcontext_64, rdi, struct sigcontext_64, di) \
	FIELD(struct sigcontext_64, rsi, struct sigcontext_64, si) \
	FIELD(struct sigcontext_64, rbp, struct sigcontext_64, bp) \
	FIELD(struct sigcontext_64, rbx, struct sigcontext_64, bx) \
	FIELD(struct sigcontext_64, rdx, struct sigcontext_64, dx) \
	FIELD(struct sigcontext_64, rax, struct sigcontext_64, ax) \
	FIELD(struct sigcontext_64, rcx, struct sigcontext_64, cx) \
	FIELD(struct sigcontext_64, rsp, struct sigcontext_64, sp) \
	FIELD(struct sigcontext_64, rip, struct sigcontext_64, ip) \
	FIELD(struct sigcontext_64, rflags, struct sigcontext_64, flags) \
	FIELD(struct sigcontext_64, cs, struct sigcontext_64, cs) \
	FIELD(struct sigcontext_64, gs, struct sigcontext_64, gs) \
	FIELD(struct sigcontext_64, fs, struct sigcontext_64, fs) \
	FIELD(struct sigcontext_64, ss, struct sigcontext_64, ss) \
	FIELD(struct sigcontext_64, err, struct sigcontext_64, err) \
	FIELD(struct sigcontext_64, trapno, struct sigcontext_64, trapno) \
	FIELD(struct sigcontext_64, oldmask, struct sigcontext_64, oldmask) \
	FIELD(struct sigcontext_64, cr2, struct sigcontext_64, cr2) \
	FIELD(struct sigcontext_64, fpstate, struct sigcontext_64, fpstate) \
	FIELD(struct sigcontext_64, reserved1, struct sigcontext_64, reserved1) \
	SIZE(struct ucontext, struct ucontext) \
	FIELD(struct ucontext, uc_flags, struct ucontext, uc_flags) \
	FIELD(struct ucontext, uc_link, struct ucontext, uc_link) \
	FIELD(struct ucontext, uc_stack, struct ucontext, uc_stack) \
	FIELD(struct ucontext, uc_mcontext, struct ucontext, uc_mcontext) \
	FIELD(struct ucontext, uc_sigmask, struct ucontext, uc_sigmask) \
	SIZE(struct clone_args, struct clone_args) \
	FIELD(struct clone_args, flags, struct clone_args, flags) \
	FIELD(struct clone_args, pidfd, struct clone_args, pidfd) \
	FIELD(struct clone_args, child_tid, struct clone_args, child_tid) \
	FIELD(struct clone_args, parent_tid, struct clone_args, parent_tid) \
	FIELD(struct clone_args, exit_signal, struct clone_args, exit_signal) \
	FIELD(struct clone_args, stack, struct clone_args, stack) \
	FIELD(struct clone_args, stack_size, struct clone_args, stack_size) \
	FIELD(struct clone_args, tls, struct clone_args, tls) \
	FIELD(struct clone_args, set_tid, struct clone_args, set_tid) \
	FIELD(struct clone_args, set_tid_size, struct clone_args, set_tid_size) \
	FIELD(struct clone_args, cgroup, struct clone_args, cgroup) \
	SIZE(struct termios, struct termios) \
	FIELD(struct termios, c_iflag, struct termios, c_iflag) \
	FIELD(struct termios, c_oflag, struct termios, c_oflag) \
	FIELD(struct termios, c_cflag, struct termios, c_cflag) \
	FIELD(struct termios, c_lflag, struct termios, c_lflag) \
	FIELD(struct termios, c_line, struct termios, c_line) \
	FIELD(struct termios, c_cc, struct termios, c_cc) \
	SIZE(struct winsize, struct winsize) \
	FIELD(struct winsize, ws_row, struct winsize, ws_row) \
	FIELD(struct winsize, ws_col, struct winsize, ws_col) \
	FIELD(struct winsize, ws_xpixel, struct winsize, ws_xpixel) \
	FIELD(struct winsize, ws_ypixel, struct winsize, ws_ypixel) \
	SIZE(struct timespec, struct __kernel_timespec) \
	FIELD(struct timespec, tv_sec, struct __kernel_timespec, tv_sec) \
	FIELD(struct timespec, tv_nsec, struct __kernel_timespec, tv_nsec) \
	SIZE(struct timeval, struct timeval) \
	FIELD(struct timeval, tv_sec, struct timeval, tv_sec) \
	FIELD(struct timeval, tv_usec, struct timeval, tv_usec) \
	SIZE(struct timezone, struct timezone) \
	FIELD(struct timezone, tz_minuteswest, struct timezone, tz_minuteswest) \
	FIELD(struct timezone, tz_dsttime, struct timezone, tz_dsttime) \
	SIZE(struct itimerval, struct itimerval) \
	FIELD(struct itimerval, it_interval, struct itimerval, it_interval) \
	FIELD(struct itimerval, it_value, struct itimerval, it_value) \
	SIZE(struct itimerspec, struct __kernel_itimerspec) \
	FIELD(struct itimerspec, it_interval, struct __kernel_itimerspec, it_interval) \
	FIELD(struct itimerspec, it_value, struct __kernel_itimerspec, it_value) \
	SIZE(struct rlimit, struct rlimit) \
	FIELD(struct rlimit, rlim_cur, struct rlimit, rlim_cur) \
	FIELD(struct rlimit, rlim_max, struct rlimit, rlim_max) \
	SIZE(struct rlimit64, struct rlimit64) \
	FIELD(struct rlimit64, rlim_cur, struct rlimit64, rlim_cur) \
	FIELD(struct rlimit64, rlim_max, struct rlimit64, rlim_max) \
	SIZE(struct rusage, struct rusage) \
	FIELD(struct rusage, ru_utime, struct rusage, ru_utime) \
	FIELD(struct rusage, ru_stime, struct rusage, ru_stime) \
	FIELD(struct rusage, ru_maxrss, struct rusage, ru_maxrss) \
	FIELD(struct rusage, ru_minflt, struct rusage, ru_minflt) \
	FIELD(struct rusage, ru_nvcsw, struct rusage, ru_nvcsw) \
	FIELD(struct rusage, ru_nivcsw, struct rusage, ru_nivcsw) \
	SIZE(struct new_utsname, struct new_utsname) \
	FIELD(struct new_utsname, sysname, struct new_utsname, sysname) \
	FIELD(struct new_utsname, nodename, struct new_utsname, nodename) \
	FIELD(struct new_utsname, release, struct new_utsname, release) \
	FIELD(struct new_utsname, version, struct new_utsname, version) \
	FIELD(struct new_utsname, machine, struct new_utsname, machine) \
	FIELD(struct new_utsname, domainname, struct new_utsname, domainname) \
	SIZE(struct __user_cap_header_struct, struct __user_cap_header_struct) \
	FIELD(struct __user_cap_header_struct, version, struct __user_cap_header_struct, version) \
	FIELD(struct __user_cap_header_struct, pid, struct __user_cap_header_struct, pid) \
	SIZE(struct __user_cap_data_struct, struct __user_cap_data_struct) \
	FIELD(struct __user_cap_data_struct, effective, struct __user_cap_data_struct, effective) \
	FIELD(struct __user_cap_data_struct, permitted, struct __user_cap_data_struct, permitted) \
	FIELD(struct __user_cap_data_struct, inheritable, \
	      struct __user_cap_data_struct, inheritable) \
	SIZE(struct vfs_cap_data, struct vfs_cap_data) \
	FIELD(struct vfs_cap_data, magic_etc, struct vfs_cap_data, magic_etc) \
	FIELD(struct vfs_cap_data, data, struct vfs_cap_data, data) \
	SIZE(struct vfs_ns_cap_data, struct vfs_ns_cap_data) \
	FIELD(struct vfs_ns_cap_data, magic_etc, struct vfs_ns_cap_data, magic_etc) \
	FIELD(struct vfs_ns_cap_data, data, struct vfs_ns_cap_data, data) \
	FIELD(struct vfs_ns_cap_data, rootid, struct vfs_ns_cap_data, rootid)

/*
 * Structures compared with the C library's: the directory record getdents64 fills, and
 * the places in ucontext_t where a signal handler built with a C library finds registers.
 */
#define LIBC_LAYOUTS(SIZE, FIELD, OFFSET) \
	FIELD(struct linux_dirent64, d_ino, struct dirent64, d_ino) \
	FIELD(struct linux_dirent64, d_off, struct dirent64, d_off) \
	FIELD(struct linux_dirent64, d_reclen, struct dirent64, d_reclen) \
	FIELD(struct linux_dirent64, d_type, struct dirent64, d_type) \
	OFFSET(struct linux_dirent64, d_name, struct dirent64, d_name) \
	FIELD(struct ucontext, uc_flags, ucontext_t, uc_flags) \
	FIELD(struct ucontext, uc_link, ucontext_t, uc_link) \
	FIELD(struct ucontext, uc_stack, ucontext_t, uc_stack) \
	OFFSET(struct ucontext, uc_sigmask, ucontext_t, uc_sigmask) \
	FIELD(struct ucontext, uc_mcontext.r8, ucontext_t, uc_mcontext.gregs[REG_R8]) \
	FIELD(struct ucontext, uc_mcontext.r15, ucontext_t, uc_mcontext.gregs[REG_R15]) \
	FIELD(struct ucontext, uc_mcontext.rdi, ucontext_t, uc_mcontext.gregs[REG_RDI]) \
	FIELD(struct ucontext, uc_mcontext.rsi, ucontext_t, uc_mcontext.gregs[REG_RSI]) \
	FIELD(struct ucontext, uc_mcontext.rbp, ucontext_t, uc_mcontext.gregs[REG_RBP]) \
	FIELD(struct ucontext, uc_mcontext.rbx, ucontext_t, uc_mcontext.gregs[REG_RBX]) \
	FIELD(struct ucontext, uc_mcontext.rdx, ucontext_t, uc_mcontext.gregs[REG_RDX]) \
	FIELD(struct ucontext, uc_mcontext.rax, ucontext_t, uc_mcontext.gregs[REG_RAX]) \
	FIELD(struct ucontext, uc_mcontext.rcx, ucontext_t, uc_mcontext.gregs[REG_RCX]) \
	FIELD(struct ucontext, uc_mcontext.rsp, ucontext_t, uc_mcontext.gregs[REG_RSP]) \
	FIELD(struct ucontext, uc_mcontext.rip, ucontext_t, uc_mcontext.gregs[REG_RIP]) \
	FIELD(struct ucontext, uc_mcontext.rflags, ucontext_t, uc_mcontext.gregs[REG_EFL]) \
	OFFSET(struct ucontext, uc_mcontext.cs, ucontext_t, uc_mcontext.gregs[REG_CSGSFS]) \
	FIELD(struct ucontext, uc_mcontext.err, ucontext_t, uc_mcontext.gregs[REG_ERR]) \
	FIELD(struct ucontext, uc_mcontext.trapno, ucontext_t, uc_mcontext.gregs[REG_TRAPNO]) \
	FIELD(struct ucontext, uc_mcontext.oldmask, ucontext_t, uc_mcontext.gregs[REG_OLDMASK]) \
	FIELD(struct ucontext, uc_mcontext.cr2, ucontext_t, uc_mcontext.gregs[REG_CR2]) \
	FIELD(struct ucontext, uc_mcontext.fpstate, ucontext_t, uc_mcontext.fpregs)

/* The host's tables, filled by uapi_host_values.c and uapi_host_libc_values.c. */
extern const struct uapi_fact host_kernel_constants[];
extern const size_t host_kernel_constant_count;
extern const struct uapi_fact host_libc_constants[];
extern const size_t host_libc_constant_count;
extern const struct uapi_fact host_kernel_layouts[];
extern const size_t host_kernel_layout_count;
extern const struct uapi_fact host_libc_layouts[];
extern const size_t host_libc_layout_count;

/* The C library's decoding of a wait status, for comparison with uapi/wait.h. */
struct wait_status_meaning {
	int exited, exit_status, signaled, term_signal, stopped, stop_signal, continued, core_dumped;
};
void host_decode_wait_status(int status, struct wait_status_meaning *meaning);
int host_wait_exit_code(int code, int signal);
int host_wait_stop_code(int signal);

#endif /* KUID_TEST_UAPI_CHECKS_H */
