/*
 * task.h: processes and threads of user programs.
 *
 * A struct task is one thread of a user program: a kernel thread (sched.h)
 * that runs user code and enters the kernel through system calls and
 * interrupts. It carries what a thread owns or shares: its address space
 * (shared by CLONE_VM), credentials, file descriptors (CLONE_FILES), root and
 * cwd (CLONE_FS), signal handlers (CLONE_SIGHAND), FPU state and TLS base.
 *
 * A struct process is what the threads of one program share (CLONE_THREAD)
 * and what the family tree is made of: the process id, the parent, the
 * children, the process group and session, the resource limits, and the exit
 * status a parent collects with wait4. A process ends when its last thread
 * exits; it stays a zombie until its parent reaps it. docs/processes.md tells
 * the story of fork, execve, exit and wait.
 *
 * Lifetimes. Both structs are reference counted. A task is held by its
 * kernel thread while it runs and by the pid table while it is registered; a
 * process by each of its tasks and by its parent's list of children until it
 * is reaped. Every *_get has its *_put.
 *
 * Locking. One lock, taken with tasks_lock()/tasks_unlock(), protects the
 * family tree (parent, children), process states, group and session ids, the
 * thread lists and the pid table. It is taken with interrupts off and never
 * held across anything that sleeps or touches user memory.
 */
#ifndef KUID_TASK_H
#define KUID_TASK_H

#include <kuid/list.h>
#include <kuid/pid.h>
#include <kuid/sched.h>
#include <kuid/signal.h>
#include <kuid/types.h>
#include <kuid/wait.h>
#include <uapi/prctl.h>
#include <uapi/resource.h>

struct address_space;
struct cred;
struct file;
struct files_table;
struct fs_context;
struct namespace_set;
struct pid_namespace;
struct user_cpu_state;
struct user_registers;

/* The highest pid a namespace hands out; then numbering starts again at 2 (Linux: pid_max). */
#define PID_MAX 32768

enum process_state {
	PROCESS_ALIVE,		/* at least one thread runs */
	PROCESS_ZOMBIE,		/* every thread exited; the parent has not reaped it yet */
};

struct process {
	unsigned int references;		/* atomic */
	/*
	 * Ids are kept twice: as the kernel's name (the number in the initial pid namespace,
	 * which comparisons use) and as a struct pid (kuid/pid.h), a reference, which numbers
	 * the id at every level: what getpid and friends report. NULL group and session ids
	 * are group and session 0 (the first process's: Linux's init leads neither).
	 */
	pid_t pid;				/* = the first thread's tid */
	struct pid *process_pid;		/* the same id, numbered per level */

	/* Protected by the tasks lock. */
	enum process_state state;
	struct process *parent;			/* NULL for init; see reparenting in exit.c */
	struct list_node children;		/* struct process, by sibling_node */
	struct list_node sibling_node;
	struct list_node threads;		/* struct task, by process_node */
	unsigned int live_threads;
	bool group_exiting;			/* exit_group or a fatal signal: all threads go */
	int exit_status;			/* the wait status, once the process ends */
	int exit_signal;			/* sent to the parent at the end (SIGCHLD) */
	pid_t process_group;
	pid_t session;
	struct pid *group_pid;			/* references, changed under the tasks lock */
	struct pid *session_pid;
	bool has_execed;			/* setpgid on a child that execed: -EACCES */
	int dumpable;				/* DUMPABLE_* of cred.h (R8.5); atomic */
	int nice;				/* setpriority: -20..19, kept only; atomic */
	int stop_report;			/* a stop to report to wait4: its signal, or 0 */
	bool continue_report;			/* a SIGCONT to report (WCONTINUED) */
	struct rlimit64 limits[RLIM_NLIMITS];
	/*
	 * The pid namespace the process lives in (its "active" one), a reference fixed for its
	 * life; pid_namespace_init: it was the first process there, its pid 1 (R5.1, R12.2).
	 * unkillable: an init ignores the signals R12.2 says; a fault it has no handler for
	 * clears it, so a crashing init still dies. kuid/pid_namespace.h.
	 */
	struct pid_namespace *pid_namespace;
	bool pid_namespace_init;
	bool unkillable;			/* atomic */
	struct list_node table_node;		/* in the pid table */

	struct wait_queue child_event;		/* wait4 sleeps here: a child changed */
	struct signal_queue shared_pending;	/* signals sent to the whole process */
};

struct task {
	unsigned int references;		/* atomic */
	pid_t tid;				/* the kernel's name; = the process's pid for
						 * its first thread */
	struct pid *thread_pid;			/* the same id per level (gettid), a reference */
	struct process *process;		/* a reference */
	struct thread *thread;			/* the kernel thread; NULL once it exited */
	bool exited;				/* protected by the tasks lock */
	struct list_node process_node;		/* in process->threads */
	struct list_node table_node;		/* in the pid table */

	/* Each a reference, shared with other tasks as the clone flags said. */
	struct address_space *address_space;	/* CLONE_VM */
	const struct cred *cred;		/* replaced by cred_commit, never edited */
	struct files_table *files;		/* CLONE_FILES */
	struct fs_context *fs;			/* CLONE_FS */
	struct namespace_set *namespaces;	/* kuid/nsproxy.h: shared until one changes */
	struct task_signals signals;		/* signals.handlers shared with CLONE_SIGHAND */
	bool signals_ready;			/* task_signals_init has run */
	struct user_cpu_state *cpu_state;	/* FPU/SSE registers and TLS base */
	bool exec_kill;				/* another thread's execve ends this one */
	bool exit_signal_sent;			/* exit_group's SIGKILL already went out */

	uintptr_t clear_child_tid;		/* set_tid_address, CLONE_CHILD_CLEARTID */
	uintptr_t set_child_tid;		/* CLONE_CHILD_SETTID: written when it first runs */
	uintptr_t robust_list_head;		/* set_robust_list: stored, not yet used */
	size_t robust_list_length;
	char comm[TASK_COMM_LEN];		/* the name: the program's, or PR_SET_NAME's */
	/*
	 * The program file it runs, open (Linux's mm->exe_file, /proc/PID/exe): a reference,
	 * set by execve, shared by clone, dropped at exit; changed under the tasks lock.
	 */
	struct file *exe_file;

	/* A vfork parent sleeps on it until this task execs or exits. */
	struct vfork_done *vfork_done;
	/* A new task's first user registers; installed when it first runs. */
	struct user_registers *start_registers;
};

/* The task of the running thread, or NULL in a kernel thread. */
static inline struct task *current_task(void)
{
	return thread_current()->task;
}

struct task *task_get(struct task *task);
void task_put(struct task *task);
struct process *process_get(struct process *process);
void process_put(struct process *process);

/* The tasks lock (see the top of this file). */
unsigned long tasks_lock(void);
void tasks_unlock(unsigned long irq_state);

/*
 * The soft limit (rlim_cur) of `resource` for the calling process: what the kernel enforces
 * (kernel/task/resource_limit.c). RLIM64_INFINITY for a kernel thread, which has none.
 */
uint64_t current_limit(unsigned int resource);

/*
 * Another task's resources, each a new reference taken under the tasks lock, so that the
 * owner dropping them at exit cannot free them under us: its address space, the program
 * file it runs and its fs context (root, cwd); NULL once it let go of them (or never had them).
 */
struct address_space *task_get_address_space(struct task *task);
struct file *task_get_exe_file(struct task *task);
struct fs_context *task_get_fs(struct task *task);
/* Make `file` (a reference the task takes over; NULL: none) its program; puts the old one. */
void task_set_exe_file(struct task *task, struct file *file);

/*
 * ---- The pid table (kernel/task/pid_table.c) ----
 * Every pid here is the kernel's name for an id, its number in the initial pid namespace; a
 * number from user space goes through pid_global_from_caller (kuid/pid.h) first.
 */

/* Called with the tasks lock held. */
void pid_table_add_task(struct task *task);
void pid_table_remove_task(struct task *task);
void pid_table_add_process(struct process *process);
void pid_table_remove_process(struct process *process);
/* Lookups return a new reference, or NULL. */
struct task *task_find(pid_t tid);
struct process *process_find(pid_t pid);
/* A live thread of the process to send it signals, with a reference; NULL if none. */
struct task *process_signal_target(struct process *process);
/*
 * Call fn for every live process (fn must not sleep: the tasks lock is
 * held); stop when it returns non-zero and return that value, else 0.
 */
int process_for_each(int (*fn)(struct process *process, void *context), void *context);
/* The same with the tasks lock already held; zombies_too: zombies are visited as well. */
int process_for_each_locked(int (*fn)(struct process *process, void *context), void *context,
			    bool zombies_too);

/* ---- Life and death ---- */

/* Make the first user task, pid 1, in the calling kernel thread. */
int task_create_init(void);

/*
 * Start the program at path in a new process that has no parent (the kernel
 * waits for it), with root's credentials and no open descriptors. argv and
 * envp must stay valid until process_wait_exit returns. *process is a
 * reference for process_wait_exit. If the program cannot be run, the
 * process exits with status 127.
 */
int task_spawn(const char *path, const char *const *argv, const char *const *envp,
	       struct process **process);
/* Wait for a spawned process to end, reap it, drop the reference: its wait status. */
int process_wait_exit(struct process *process);

/*
 * Run the program at path in the current task (execve). argv and envp are
 * kernel arrays, NULL-terminated. On success it returns 0 with the task's
 * user registers set to start the new program; the caller then returns to
 * user mode.
 */
int task_exec(const char *path, const char *const *argv, const char *const *envp);

/* End the calling thread with a wait status (W_EXITCODE); the last thread ends the process. */
__noreturn void task_exit(int wait_status);
/* End every thread of the calling process (exit_group, a fatal signal). */
__noreturn void task_exit_group(int wait_status);

/*
 * Called before every return to user mode, with the registers that will be
 * restored: reschedules if the time slice is over, ends a thread whose
 * process is exiting, and delivers pending signals.
 */
void return_to_user(struct user_registers *registers);

/*
 * Job control, for the signals code: the current process stopped (the
 * signal that stopped it) or continued. The parent's wait4 learns about it.
 */
void process_report_stopped(struct process *process, int signal);
void process_report_continued(struct process *process);

/* Switch the user state (page table, FPU, TLS base) from one thread to the next. */
void task_switch(struct thread *previous, struct thread *next);

#endif
