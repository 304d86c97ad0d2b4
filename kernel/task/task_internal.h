/*
 * task_internal.h: what the files of kernel/task/ share among themselves.
 * Not a public interface: the rest of the kernel uses kuid/task.h.
 */
#ifndef KERNEL_TASK_TASK_INTERNAL_H
#define KERNEL_TASK_TASK_INTERNAL_H

#include <kuid/task.h>

#define TASK_STACK_LIMIT	(8ull << 20)	/* RLIMIT_STACK: 8 MiB, as Linux */
#define TASK_OPEN_FILES_LIMIT	1024		/* RLIMIT_NOFILE; the fd table's size */

/* A new process with one reference; group, session and limits from model (NULL: its own). */
struct process *process_create(pid_t pid, const struct process *model);
/* A new task with one reference and a fresh FPU state; nothing else filled in. */
struct task *task_create(void);
/* Drop the address space, files and fs context (idempotent). */
void task_release_resources(struct task *task);
/* Use the task's page table and FPU/TLS state on this CPU (interrupts off). */
void task_activate(struct task *task);
void task_set_comm(struct task *task, const char *name);
/* The running kernel thread starts running task (interrupts must be on). */
void task_adopt_current_thread(struct task *task);

/* The process reparented orphans go to (exit.c). */
void task_set_init_process(struct process *process);

/* The vfork parent's wait (fork.c): released by exec or exit of the child. */
void task_release_vfork_parent(struct task *task);

/* execve: end every other thread of the caller's process (exit.c). */
void task_kill_other_threads_for_exec(struct task *self);

/* Start running a task created by clone in a new kernel thread (fork.c). */
int task_start_thread(struct task *task);

#endif
