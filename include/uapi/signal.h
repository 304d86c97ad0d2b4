/* Signals as Linux x86_64 defines them: numbers, sigaction flags, the sigaction and siginfo
 * structures the kernel exchanges with user space, and the frame it builds to run a handler. */
#ifndef KUID_UAPI_SIGNAL_H
#define KUID_UAPI_SIGNAL_H

#include <stdint.h>

/* Standard signals. */
#define SIGHUP          1
#define SIGINT          2
#define SIGQUIT         3
#define SIGILL          4
#define SIGTRAP         5
#define SIGABRT         6
#define SIGIOT          SIGABRT
#define SIGBUS          7
#define SIGFPE          8
#define SIGKILL         9
#define SIGUSR1         10
#define SIGSEGV         11
#define SIGUSR2         12
#define SIGPIPE         13
#define SIGALRM         14
#define SIGTERM         15
#define SIGSTKFLT       16
#define SIGCHLD         17
#define SIGCONT         18
#define SIGSTOP         19
#define SIGTSTP         20
#define SIGTTIN         21
#define SIGTTOU         22
#define SIGURG          23
#define SIGXCPU         24
#define SIGXFSZ         25
#define SIGVTALRM       26
#define SIGPROF         27
#define SIGWINCH        28
#define SIGIO           29
#define SIGPOLL         SIGIO
#define SIGPWR          30
#define SIGSYS          31

/* Real-time signals are 32..64. C libraries keep the first few for themselves
 * and report a larger SIGRTMIN to programs; the kernel does not care. */
#define SIGRTMIN        32
#define SIGRTMAX        64

/* A signal set is one 64-bit word: signal n is bit n - 1. */
typedef uint64_t kernel_sigset_t;
#define SIGNAL_BIT(sig)         (1ULL << ((sig) - 1))

/* sa_flags of rt_sigaction. */
#define SA_NOCLDSTOP    0x00000001u     /* no SIGCHLD when a child stops or continues */
#define SA_NOCLDWAIT    0x00000002u     /* children do not become zombies */
#define SA_SIGINFO      0x00000004u     /* handler takes (sig, siginfo *, ucontext *) */
#define SA_UNSUPPORTED  0x00000400u     /* never accepted: lets user space probe for flags */
#define SA_EXPOSE_TAGBITS 0x00000800u   /* arm64 address tags; ignored on x86_64 */
#define SA_RESTORER     0x04000000u     /* sa_restorer holds the return trampoline */
#define SA_ONSTACK      0x08000000u     /* run the handler on the alternate stack */
#define SA_RESTART      0x10000000u     /* restart interrupted system calls */
#define SA_NODEFER      0x40000000u     /* do not block the signal inside its handler */
#define SA_RESETHAND    0x80000000u     /* back to SIG_DFL once delivered */
#define SA_NOMASK       SA_NODEFER
#define SA_ONESHOT      SA_RESETHAND

/* The `how` argument of rt_sigprocmask. */
#define SIG_BLOCK       0
#define SIG_UNBLOCK     1
#define SIG_SETMASK     2

/* Special values of sa_handler (user space sees them as function pointers). */
#define SIG_DFL         0ULL            /* default action */
#define SIG_IGN         1ULL            /* ignore */
#define SIG_ERR         (~0ULL)         /* error return of the C library's signal() */

/* rt_sigaction's struct, as the kernel reads it on x86_64 (not the C library's sigaction).
 * Addresses are user addresses, kept as integers: the kernel never calls them itself. */
struct kernel_sigaction {
	uint64_t sa_handler;            /* or the SA_SIGINFO handler, or SIG_DFL / SIG_IGN */
	uint64_t sa_flags;
	uint64_t sa_restorer;           /* code that calls rt_sigreturn; see SA_RESTORER */
	kernel_sigset_t sa_mask;        /* signals blocked while the handler runs */
};

/* sigaltstack. */
#define SS_ONSTACK      1               /* ss_flags read back: currently on the stack */
#define SS_DISABLE      2               /* no alternate stack */
#define SS_AUTODISARM   (1u << 31)      /* disable while a handler runs on it */
#define MINSIGSTKSZ     2048
#define SIGSTKSZ        8192

typedef struct sigaltstack {
	uint64_t ss_sp;                 /* lowest address of the stack */
	int32_t ss_flags;
	uint32_t ss_pad;                /* padding, explicit so copies leak nothing */
	uint64_t ss_size;
} stack_t;

/* siginfo: what a SA_SIGINFO handler learns about a signal (128 bytes). */
#define SIGINFO_SIZE    128

union sigval {
	int32_t sival_int;
	uint64_t sival_ptr;
};

typedef struct siginfo {
	int32_t si_signo;
	int32_t si_errno;
	int32_t si_code;                /* SI_* or a per-signal code below */
	int32_t si_pad;                 /* the union is 8-byte aligned */
	union {
		struct {                /* kill, tkill, SI_USER */
			int32_t pid;
			uint32_t uid;
		} kill;
		struct {                /* POSIX timers, SI_TIMER */
			int32_t timer_id;
			int32_t overrun;
			union sigval value;
			int32_t private_field;
		} timer;
		struct {                /* sigqueue, SI_QUEUE */
			int32_t pid;
			uint32_t uid;
			union sigval value;
		} rt;
		struct {                /* SIGCHLD */
			int32_t pid;
			uint32_t uid;
			int32_t status; /* exit code, or the signal number */
			int32_t pad;
			int64_t utime;  /* clock ticks */
			int64_t stime;
		} child;
		struct {                /* SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP */
			uint64_t addr;  /* faulting address */
		} fault;
		struct {                /* SIGPOLL */
			int64_t band;
			int32_t fd;
		} poll;
		struct {                /* SIGSYS (seccomp) */
			uint64_t call_addr;
			int32_t syscall;
			uint32_t arch;
		} sys;
		uint8_t bytes[SIGINFO_SIZE - 16];
	} fields;
} siginfo_t;

/* si_code: where a signal came from. Values <= 0 mean user space sent it. */
#define SI_USER         0               /* kill */
#define SI_KERNEL       0x80            /* the kernel */
#define SI_QUEUE        (-1)            /* sigqueue */
#define SI_TIMER        (-2)            /* POSIX timer expiry */
#define SI_MESGQ        (-3)            /* message queue state change */
#define SI_ASYNCIO      (-4)            /* asynchronous I/O completion */
#define SI_SIGIO        (-5)            /* queued SIGIO */
#define SI_TKILL        (-6)            /* tkill or tgkill */

/* si_code for SIGILL. */
#define ILL_ILLOPC      1               /* illegal opcode */
#define ILL_ILLOPN      2               /* illegal operand */
#define ILL_ILLADR      3               /* illegal addressing mode */
#define ILL_ILLTRP      4               /* illegal trap */
#define ILL_PRVOPC      5               /* privileged opcode */
#define ILL_PRVREG      6               /* privileged register */
#define ILL_COPROC      7               /* coprocessor error */
#define ILL_BADSTK      8               /* internal stack error */

/* si_code for SIGFPE. */
#define FPE_INTDIV      1               /* integer divide by zero */
#define FPE_INTOVF      2               /* integer overflow */
#define FPE_FLTDIV      3               /* floating point divide by zero */
#define FPE_FLTOVF      4               /* floating point overflow */
#define FPE_FLTUND      5               /* floating point underflow */
#define FPE_FLTRES      6               /* floating point inexact result */
#define FPE_FLTINV      7               /* floating point invalid operation */
#define FPE_FLTSUB      8               /* subscript out of range */

/* si_code for SIGSEGV. */
#define SEGV_MAPERR     1               /* nothing mapped at the address */
#define SEGV_ACCERR     2               /* mapped, but the access is not allowed */

/* si_code for SIGBUS. */
#define BUS_ADRALN      1               /* misaligned address */
#define BUS_ADRERR      2               /* nonexistent physical address */
#define BUS_OBJERR      3               /* object-specific hardware error */

/* si_code for SIGTRAP. */
#define TRAP_BRKPT      1               /* breakpoint */
#define TRAP_TRACE      2               /* single step */

/* si_code for SIGCHLD. */
#define CLD_EXITED      1               /* child called exit */
#define CLD_KILLED      2               /* child killed by a signal */
#define CLD_DUMPED      3               /* child killed, dumped core */
#define CLD_TRAPPED     4               /* traced child stopped */
#define CLD_STOPPED     5               /* child stopped */
#define CLD_CONTINUED   6               /* stopped child continued */

/* The registers saved when a handler starts, restored by rt_sigreturn. Linux's order. */
struct sigcontext_64 {
	uint64_t r8;
	uint64_t r9;
	uint64_t r10;
	uint64_t r11;
	uint64_t r12;
	uint64_t r13;
	uint64_t r14;
	uint64_t r15;
	uint64_t rdi;
	uint64_t rsi;
	uint64_t rbp;
	uint64_t rbx;
	uint64_t rdx;
	uint64_t rax;
	uint64_t rcx;
	uint64_t rsp;
	uint64_t rip;
	uint64_t rflags;
	uint16_t cs;
	uint16_t gs;                    /* unused since Linux 2.5.64; must stay */
	uint16_t fs;                    /* unused since Linux 2.5.64; must stay */
	uint16_t ss;                    /* meaningful when UC_SIGCONTEXT_SS is set */
	uint64_t err;                   /* CPU error code of the fault */
	uint64_t trapno;                /* CPU exception vector */
	uint64_t oldmask;               /* first word of the blocked mask (legacy) */
	uint64_t cr2;                   /* faulting address of a page fault */
	uint64_t fpstate;               /* user address of the saved FPU state, 0 if none */
	uint64_t reserved1[8];
};

/* uc_flags. */
#define UC_FP_XSTATE            0x1     /* fpstate is in XSAVE format */
#define UC_SIGCONTEXT_SS        0x2     /* the ss field is valid */
#define UC_STRICT_RESTORE_SS    0x4     /* rt_sigreturn restores ss exactly */

/* The kernel's ucontext on x86_64. The C library's ucontext_t is the same up to
 * uc_sigmask and larger after it, which is fine: the kernel reads only this much. */
struct ucontext {
	uint64_t uc_flags;
	uint64_t uc_link;               /* unused by the kernel */
	stack_t uc_stack;               /* the alternate stack at delivery */
	struct sigcontext_64 uc_mcontext;
	kernel_sigset_t uc_sigmask;     /* mask to restore on rt_sigreturn */
};

/* What the kernel pushes on the user stack to run a handler. Going down from the
 * interrupted rsp: the 128-byte red zone is skipped, then the FPU state (64-byte aligned,
 * pointed at by uc.uc_mcontext.fpstate), then this frame. On entry to the handler rsp
 * points at pretcode and (rsp + 8) is 16-byte aligned, as after a call instruction;
 * rdi = signal, rsi = &info, rdx = &uc. The handler's `ret` pops pretcode (the
 * sa_restorer), which calls rt_sigreturn with rsp = &uc: the frame starts 8 bytes below. */
struct rt_sigframe {
	uint64_t pretcode;
	struct ucontext uc;
	siginfo_t info;
};

#endif /* KUID_UAPI_SIGNAL_H */
