/*
 * syscall_handlers.h: the prototype of every handler named in
 * kernel/syscall/syscall_list.h, grouped by the subsystem that implements
 * it. The dispatcher includes this header, so a handler listed there but not
 * declared here does not compile; each implementing file includes it too, so
 * the definition is checked against its prototype.
 *
 * Handlers take the arguments they need, as the registers carry them (see
 * kuid/syscall.h), and return a value or a negative errno.
 */
#ifndef KUID_SYSCALL_HANDLERS_H
#define KUID_SYSCALL_HANDLERS_H

#include <kuid/fs_syscalls.h>	/* the file system calls (kernel/fs/) */
#include <kuid/types.h>
#include <kuid/user_memory.h>

struct new_utsname;
struct rlimit;
struct rlimit64;
struct rusage;
struct siginfo;
struct sysinfo;
struct timespec;
struct timeval;
struct timezone;

/* ---- Namespaces (kernel/namespaces/) ---- */
long sys_unshare(unsigned long flags);
long sys_setns(int fd, int nstype);

/* ---- Processes (kernel/task/) ---- */
long sys_clone(unsigned long flags, uintptr_t stack, int __user *parent_tid,
	       int __user *child_tid, unsigned long tls);
long sys_fork(void);
long sys_vfork(void);
long sys_execve(const char __user *path, const char __user *const __user *argv,
		const char __user *const __user *envp);
long sys_exit(int code);
long sys_exit_group(int code);
long sys_wait4(int pid, int __user *status, int options, struct rusage __user *usage);
long sys_waitid(int id_type, int id, struct siginfo __user *info, int options,
		struct rusage __user *usage);
long sys_getpid(void);
long sys_getppid(void);
long sys_gettid(void);
long sys_setpgid(int pid, int process_group);
long sys_getpgid(int pid);
long sys_getpgrp(void);
long sys_setsid(void);
long sys_getsid(int pid);
long sys_set_tid_address(int __user *address);
long sys_set_robust_list(void __user *head, size_t length);
long sys_rseq(void __user *rseq, uint32_t length, int flags, uint32_t signature);
long sys_arch_prctl(int code, unsigned long address);
long sys_prctl(int option, unsigned long argument2, unsigned long argument3,
	       unsigned long argument4, unsigned long argument5);
long sys_getrlimit(unsigned int resource, struct rlimit __user *limit);
long sys_setrlimit(unsigned int resource, const struct rlimit __user *limit);
long sys_prlimit64(int pid, unsigned int resource, const struct rlimit64 __user *new_limit,
		   struct rlimit64 __user *old_limit);
long sys_getpriority(int which, int who);
long sys_setpriority(int which, int who, int nice);

/* ---- Memory (kernel/mm/) ---- */
long sys_mmap(uintptr_t address, size_t length, int protection, int flags, int fd,
	      long offset);
long sys_mprotect(uintptr_t address, size_t length, int protection);
long sys_munmap(uintptr_t address, size_t length);
long sys_brk(uintptr_t new_break);
long sys_madvise(uintptr_t address, size_t length, int advice);
long sys_mremap(uintptr_t address, size_t old_length, size_t new_length, int flags,
		uintptr_t new_address);

/* ---- Futexes (kernel/futex/) ---- */
long sys_futex(uint32_t __user *address, int operation, uint32_t value,
	       const struct timespec __user *timeout, uint32_t __user *address2, uint32_t value3);

/* ---- Credentials (kernel/cred/) ---- */
long sys_getuid(void);
long sys_geteuid(void);
long sys_getgid(void);
long sys_getegid(void);
long sys_getresuid(uint32_t __user *real, uint32_t __user *effective, uint32_t __user *saved);
long sys_getresgid(uint32_t __user *real, uint32_t __user *effective, uint32_t __user *saved);
long sys_getgroups(int size, uint32_t __user *list);
long sys_setuid(uint32_t uid);
long sys_setgid(uint32_t gid);
long sys_setreuid(uint32_t ruid, uint32_t euid);
long sys_setregid(uint32_t rgid, uint32_t egid);
long sys_setresuid(uint32_t ruid, uint32_t euid, uint32_t suid);
long sys_setresgid(uint32_t rgid, uint32_t egid, uint32_t sgid);
long sys_setfsuid(uint32_t uid);
long sys_setfsgid(uint32_t gid);
long sys_setgroups(int size, const uint32_t __user *list);
struct __user_cap_header_struct;
struct __user_cap_data_struct;
long sys_capget(struct __user_cap_header_struct __user *header,
		struct __user_cap_data_struct __user *data);
long sys_capset(struct __user_cap_header_struct __user *header,
		const struct __user_cap_data_struct __user *data);

/* ---- Small system calls (kernel/syscall/) ---- */
long sys_uname(struct new_utsname __user *name);
long sys_sethostname(const char __user *name, int length);
long sys_setdomainname(const char __user *name, int length);
long sys_sched_yield(void);
long sys_getcpu(unsigned int __user *cpu, unsigned int __user *node, void __user *cache);
long sys_getrandom(void __user *buffer, size_t length, unsigned int flags);
long sys_sysinfo(struct sysinfo __user *info);
long sys_reboot(int magic1, int magic2, unsigned int command, void __user *argument);
long sys_clock_gettime(int clock, struct timespec __user *time);
long sys_clock_settime(int clock, const struct timespec __user *time);
long sys_clock_getres(int clock, struct timespec __user *resolution);
long sys_gettimeofday(struct timeval __user *time, struct timezone __user *zone);
long sys_time(int64_t __user *seconds);
long sys_nanosleep(const struct timespec __user *duration, struct timespec __user *remaining);
long sys_clock_nanosleep(int clock, int flags, const struct timespec __user *request,
			 struct timespec __user *remaining);

/* ---- Signals (kernel/signal/) ---- */
struct itimerval;
struct kernel_sigaction;
struct sigaltstack;
long sys_rt_sigaction(int signal, const struct kernel_sigaction __user *new_action,
		      struct kernel_sigaction __user *old_action, size_t sigset_size);
long sys_rt_sigprocmask(int how, const uint64_t __user *new_set, uint64_t __user *old_set,
			size_t sigset_size);
long sys_rt_sigpending(uint64_t __user *set, size_t sigset_size);
long sys_rt_sigsuspend(const uint64_t __user *mask, size_t sigset_size);
long sys_rt_sigreturn(void);
long sys_sigaltstack(const struct sigaltstack __user *new_stack,
		     struct sigaltstack __user *old_stack);
long sys_pause(void);
long sys_kill(int pid, int signal);
long sys_tkill(int tid, int signal);
long sys_tgkill(int process_id, int tid, int signal);
long sys_rt_sigqueueinfo(int pid, int signal, const siginfo_t __user *info);
long sys_rt_tgsigqueueinfo(int process_id, int tid, int signal, const siginfo_t __user *info);
long sys_alarm(unsigned int seconds);
long sys_setitimer(int which, const struct itimerval __user *new_value,
		   struct itimerval __user *old_value);
long sys_getitimer(int which, struct itimerval __user *value);

#endif
