/*
 * task_internal.h: what the files of kernel/task/ share among themselves.
 * Not a public interface: the rest of the kernel uses kuid/task.h.
 */
#ifndef KERNEL_TASK_TASK_INTERNAL_H
#define KERNEL_TASK_TASK_INTERNAL_H

#include <kuid/task.h>

#define TASK_STACK_LIMIT	(8ull << 20)	/* RLIMIT_STACK: 8 MiB, as Linux */
#define TASK_OPEN_FILES_LIMIT	1024		/* RLIMIT_NOFILE; the fd table's size */

/*
 * A new process with one reference, whose id is pid (it takes its own reference); group,
 * session and limits from model (NULL: group and session 0, the default limits).
 */
struct process *process_create(struct pid *pid, const struct process *model);
/* A new task with one reference and a fresh FPU state; nothing else filled in. */
struct task *task_create(void);
/* Drop the address space, files and fs context (idempotent). */
void task_release_resources(struct task *task);
/* Use the task's page table and FPU/TLS state on this CPU (interrupts off). */
void task_activate(struct task *task);
void task_set_comm(struct task *task, const char *name);
/* The running kernel thread starts running task (interrupts must be on). */
void task_adopt_current_thread(struct task *task);

/*
 * RLIMIT_NPROC for a new task with these credentials (process_count_limit.c): 0, or -EAGAIN
 * when their real uid already has as many tasks as the caller's limit allows.
 */
int check_process_count_limit(const struct cred *child_cred);

/* The process reparented orphans of the initial pid namespace go to (exit.c). */
void task_set_init_process(struct process *process);

/*
 * ---- A pid namespace's init (pid_namespace_init.c) ----
 * Called at registration, with the tasks lock held: if the new process is number 1 of its
 * namespace, it becomes the namespace's init and reaper (R12.2).
 */
void pid_namespace_init_register(struct process *process);
/* Undo it for a process whose thread could not be started (fork.c). Tasks lock held. */
void pid_namespace_init_unregister(struct process *process);
/* Where the orphans of `process` go: its namespace's reaper, or NULL. Tasks lock held. */
struct process *pid_namespace_reaper_for(struct process *process);
/*
 * R12.3: the calling process, a namespace's init whose last thread is ending, kills every
 * other member of its namespace and the namespaces below, reaps its children and waits until
 * the namespace is empty. Sleeps; called without locks.
 */
void pid_namespace_zap(struct process *init);

/* The vfork parent's wait (fork.c): released by exec or exit of the child. */
void task_release_vfork_parent(struct task *task);

/* execve: end every other thread of the caller's process (exit.c). */
void task_kill_other_threads_for_exec(struct task *self);

/* Start running a task created by clone in a new kernel thread (fork.c). */
int task_start_thread(struct task *task);

#endif
