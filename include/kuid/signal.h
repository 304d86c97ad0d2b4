/*
 * signal.h: POSIX signals, the Linux way.
 *
 * A signal is sent (signal_send), waits in a pending set until the task
 * returns to user mode, and is then delivered (signal_deliver): either a
 * default action (terminate, stop, continue, ignore) or a user handler run
 * on a frame the kernel builds on the user stack, which the handler leaves
 * through rt_sigreturn. docs/signals.md follows one signal all the way.
 *
 * Who owns what. The table of 64 actions (struct signal_handlers) is shared
 * by the tasks created with CLONE_SIGHAND and reference counted; its lock,
 * `lock`, is the lock of all signal state of the tasks that share it (like
 * Linux's siglock): their pending sets, blocked masks and the table itself.
 * Every other signal field lives in struct task_signals, which struct task
 * embeds. The lock is always taken with interrupts off, because the alarm
 * timer sends SIGALRM from the timer interrupt.
 *
 * A signal set is one 64-bit word: signal n is bit n - 1 (uapi/signal.h).
 */
#ifndef KUID_SIGNAL_H
#define KUID_SIGNAL_H

#include <kuid/list.h>
#include <kuid/spinlock.h>
#include <kuid/types.h>
#include <kuid/uidgid.h>
#include <uapi/signal.h>

#define SIGNAL_COUNT 64

/* The kernel keeps a signal's details in the very layout user space reads. */
#define kernel_siginfo siginfo

/* SIGKILL and SIGSTOP can be neither caught, blocked nor ignored. */
#define SIGNALS_UNBLOCKABLE (SIGNAL_BIT(SIGKILL) | SIGNAL_BIT(SIGSTOP))
/* The signals whose default action stops the process. */
#define SIGNALS_STOP \
	(SIGNAL_BIT(SIGSTOP) | SIGNAL_BIT(SIGTSTP) | SIGNAL_BIT(SIGTTIN) | SIGNAL_BIT(SIGTTOU))

/* ---- Pure rules (kernel/signal/signal_rules.c; host unit tested) ---- */

static inline bool signal_is_valid(int signal)
{
	return signal >= 1 && signal <= SIGNAL_COUNT;
}

static inline bool signal_can_be_caught(int signal)
{
	return signal != SIGKILL && signal != SIGSTOP;
}

/* Real-time signals queue every instance; standard ones coalesce into one. */
static inline bool signal_is_realtime(int signal)
{
	return signal >= SIGRTMIN && signal <= SIGRTMAX;
}

static inline bool sigset_has(kernel_sigset_t set, int signal)
{
	return (set & SIGNAL_BIT(signal)) != 0;
}

static inline kernel_sigset_t sigset_add(kernel_sigset_t set, int signal)
{
	return set | SIGNAL_BIT(signal);
}

static inline kernel_sigset_t sigset_remove(kernel_sigset_t set, int signal)
{
	return set & ~SIGNAL_BIT(signal);
}

/* The lowest-numbered signal in the set, or 0 if it is empty. Delivered first. */
int signal_lowest(kernel_sigset_t set);

enum signal_default_action {
	SIGNAL_DEFAULT_TERMINATE,	/* the process dies */
	SIGNAL_DEFAULT_CORE,		/* dies "with a core dump" (kuid writes none) */
	SIGNAL_DEFAULT_IGNORE,		/* nothing happens */
	SIGNAL_DEFAULT_STOP,		/* the process stops until SIGCONT */
	SIGNAL_DEFAULT_CONTINUE,	/* a stopped process continues */
};

enum signal_default_action signal_default_action(int signal);

/* True when `action` for `signal` means "throw it away" (SIG_IGN, or a default of ignore). */
bool signal_is_ignored_by(const struct kernel_sigaction *action, int signal);

/* rt_sigprocmask's arithmetic: 0, or -EINVAL for an unknown `how`. Never blocks KILL/STOP. */
int sigprocmask_apply(kernel_sigset_t *blocked, int how, kernel_sigset_t set);

/* The wait status of a process killed by `signal` (see signal_rules.c about cores). */
int signal_death_wait_status(int signal);

/* ---- The handler table, shared with CLONE_SIGHAND ---- */

struct signal_handlers {
	unsigned int references;
	struct spinlock lock;		/* the signal lock: see the top of this file */
	struct kernel_sigaction actions[SIGNAL_COUNT];	/* signal n at index n - 1 */
};

/* A fresh table: every action SIG_DFL. NULL when out of memory. */
struct signal_handlers *signal_handlers_create(void);
/* A private copy (fork without CLONE_SIGHAND). NULL when out of memory. */
struct signal_handlers *signal_handlers_copy(struct signal_handlers *handlers);
struct signal_handlers *signal_handlers_get(struct signal_handlers *handlers);
void signal_handlers_put(struct signal_handlers *handlers);

/* ---- Per-task signal state, embedded in struct task ---- */

/*
 * Signals sent but not yet delivered. `signals` says which numbers have at
 * least one entry in `entries` (struct queued_signal, oldest first): a
 * standard signal has at most one, a real-time signal one per send.
 */
struct signal_queue {
	kernel_sigset_t signals;
	struct list_node entries;
};

struct queued_signal {
	struct list_node node;
	siginfo_t info;
};

struct task_signals {
	/* Protected by handlers->lock. */
	struct signal_handlers *handlers;
	kernel_sigset_t blocked;
	struct signal_queue pending;		/* sent to this thread (tkill, faults) */
	struct signal_queue *shared_pending;	/* sent to the whole process (kill) */

	/*
	 * rt_sigsuspend replaces the mask while it sleeps; the handler's frame
	 * must save the mask from before, which is this one.
	 */
	kernel_sigset_t saved_blocked;
	bool restore_saved_blocked;

	/*
	 * Job control: the task is stopped until SIGCONT (or SIGKILL); it sleeps
	 * in signal_stop_current. `continued` asks it to tell its parent, which
	 * it does itself once awake: the sender may hold the tasks lock.
	 */
	bool stopped;
	bool continued;

	/* sigaltstack. Touched only by the task itself. */
	uint64_t alternate_stack_base;
	uint64_t alternate_stack_size;
	uint32_t alternate_stack_flags;		/* SS_DISABLE or SS_AUTODISARM */

	/* The last user fault, for the handler's sigcontext (trapno, err, cr2). */
	uint64_t fault_trap_number;
	uint64_t fault_error_code;
	uint64_t fault_address;
};

struct task;
struct user_registers;

/*
 * A new task's signal state. `handlers` is taken over (the caller got or
 * copied it); the blocked mask is inherited from `parent` (NULL: nothing
 * blocked); nothing is pending. `shared_pending` is the thread group's queue.
 */
void task_signals_init(struct task_signals *signals, struct signal_handlers *handlers,
		       const struct task_signals *parent, struct signal_queue *shared_pending);
/* Drop everything still pending and the reference on the handlers. */
void task_signals_destroy(struct task_signals *signals);

void signal_queue_init(struct signal_queue *queue);
/* Free every queued entry (the last thread of a group frees the shared queue this way). */
void signal_queue_flush(struct signal_queue *queue);

/*
 * execve: handlers go back to SIG_DFL, except those set to SIG_IGN, which stay
 * ignored (that is how `nohup` works); the mask and pending signals survive.
 * A table shared with another process is first replaced by a private copy.
 * 0 or -ENOMEM.
 */
int signals_reset_on_exec(struct task *task);

/* ---- Sending ---- */

/*
 * Queue `signal` for `target`'s process (any thread may take it). `info` may
 * be NULL: the kernel's own siginfo (SI_KERNEL) is used. Standard signals
 * coalesce; an ignored signal is dropped here; SIGCONT continues a stopped
 * process and discards pending stop signals, a stop signal discards a pending
 * SIGCONT. A sleeping target is woken. Callable from interrupts.
 * 0, or -EINVAL for a bad number. No permission check: see may_signal.
 */
int signal_send(struct task *target, int signal, const struct kernel_siginfo *info);
/* The same, for one thread only (tkill, tgkill, a fault of that thread). */
int signal_send_to_thread(struct task *target, int signal, const struct kernel_siginfo *info);
/* Send to every process of a process group (the tty's ^C). 0 or -ESRCH. */
int signal_send_to_group(int process_group, int signal);
/* A fault in user mode: the signal is forced (unblocked, and SIG_DFL if ignored). */
void signal_force_fault(int signal, int code, uint64_t address);

/* A siginfo for kill(): SI_USER from the calling process. */
void siginfo_for_user_kill(siginfo_t *info, int signal, int sender_pid, uid_t sender_uid);

struct cred;
/* May a task with `sender` credentials signal `target`? kill(2)'s rule. */
bool may_signal(const struct cred *sender, const struct task *target);

/* ---- Waiting, delivering ---- */

/* An unblocked signal is pending for this task: an interruptible wait must end. */
bool signal_pending(const struct task *task);
/* The same for the running thread; false in a kernel thread (kuid/wait.h uses it). */
bool current_signal_pending(void);

/*
 * Block `mask` (never SIGKILL or SIGSTOP) until the current system call
 * returns to user space, then restore the mask from before (rt_sigsuspend,
 * ppoll, pselect6).
 */
void signal_set_mask_until_return(kernel_sigset_t mask);

/*
 * Called on every return to user mode with the registers that will be
 * restored: delivers pending signals (one handler frame, or default actions,
 * which may end or stop the task), and restarts an interrupted system call
 * when the rules of signal_restart.c say so.
 */
void signal_deliver(struct user_registers *registers);

/* Stop the current task now (SIGSTOP & co.); returns when continued or killed. */
void signal_stop_current(int signal);

/* How an interrupted system call (-EINTR) continues: kernel/signal/signal_restart.c. */
enum signal_restart_rule {
	SIGNAL_RESTART_NEVER,		/* the program sees EINTR */
	SIGNAL_RESTART_IF_SA_RESTART,	/* restarted unless a handler without SA_RESTART ran */
	SIGNAL_RESTART_UNLESS_HANDLED,	/* restarted only if no handler ran (pause, poll) */
};

enum signal_restart_rule signal_restart_rule_of(long syscall_number);
/* Should the call be restarted? `action` is the handler that runs, NULL if none does. */
bool signal_should_restart(long syscall_number, const struct kernel_sigaction *action);

/* ---- The architecture's part (arch/x86_64/signal_frame.c) ---- */

/* One signal about to run a user handler. */
struct signal_delivery {
	int signal;
	siginfo_t info;
	struct kernel_sigaction action;
	kernel_sigset_t blocked_to_restore;	/* what rt_sigreturn puts back */
};

struct user_cpu_state;

/*
 * Build the rt_sigframe on the user stack (or the alternate stack), save the
 * FPU state into it, and point the registers at the handler. 0, or -EFAULT
 * when the frame cannot be written (the caller then forces SIGSEGV).
 */
int arch_signal_frame_build(struct user_registers *registers,
			    const struct signal_delivery *delivery,
			    struct task_signals *signals, struct user_cpu_state *cpu_state);

/*
 * rt_sigreturn: reload the registers, FPU state, mask (*blocked) and
 * alternate stack saved in the frame at the user's stack pointer, refusing
 * anything that could hurt the kernel. 0 and the value for rax in
 * *return_value, or -EFAULT (the caller then forces SIGSEGV).
 */
int arch_signal_frame_return(struct user_registers *registers, struct task_signals *signals,
			     struct user_cpu_state *cpu_state, kernel_sigset_t *blocked,
			     long *return_value);

/* Point the registers back at the `syscall` instruction, with its number in rax again. */
void arch_signal_restart_syscall(struct user_registers *registers);

/* Is `stack_pointer` on the task's alternate signal stack? */
bool signal_on_alternate_stack(const struct task_signals *signals, uint64_t stack_pointer);

/* ---- Alarms (kernel/signal/interval_timer.c) ---- */

/* From the timer interrupt: send SIGALRM for each ITIMER_REAL that expired. */
void interval_timers_tick(void);
/* A process ends: its timer must not fire afterwards. */
void interval_timer_cancel(struct task *task);

#endif /* KUID_SIGNAL_H */
