/*
 * pid.h: a process id as pid namespaces see it (R12.1). A struct pid is one id with one number
 * per level, from the initial pid namespace down to the namespace it was made in: a process in
 * a namespace of level 2 might be 4012 to the initial namespace, 7 to its parent and 1 to its
 * own. Each namespace hands out its own numbers (kernel/task/pid.c).
 *
 * The kernel's own name for an id is its number in the initial namespace (struct process's
 * pid, struct task's tid, process_group, session): unique while the struct pid lives. What a
 * caller sees is the number at its own level, pid_number_in(pid, current_pid_ns()); an id
 * from a level above the caller's has no number there: 0 ("not visible", getppid's answer for
 * a parent outside the namespace).
 *
 * Lifetime. A struct pid is reference counted: a task holds its tid's, a process its pid's,
 * group's and session's. While it lives its numbers stay taken, so a group id never names a
 * new, unrelated process. It holds a reference to the namespace it was made in, which holds
 * its parents. docs/processes.md, "Pids and pid namespaces", tells the story.
 */
#ifndef KUID_PID_H
#define KUID_PID_H

#include <kuid/list.h>
#include <kuid/types.h>

typedef int pid_t;

struct pid_namespace;
struct pid;

/* One number of a struct pid: Linux's upid. */
struct pid_number {
	pid_t number;
	struct pid_namespace *ns;	/* no reference: the struct pid holds the deepest one */
	struct list_node node;		/* in ns->numbers, under the tasks lock */
	struct pid *pid;
};

struct pid {
	unsigned int references;	/* atomic */
	unsigned int level;		/* of the namespace it was made in */
	struct pid_number numbers[];	/* [0]: the initial namespace ... [level]: its own */
};

/*
 * A new id made in `ns`, with a number at ns's level and at every level above; one reference
 * in *result. 0; -ENOMEM when out of memory or when ns's init has died (R12.3: nothing new
 * may enter it); -EAGAIN when some level has no free number left (its pid_max). The first
 * number ns hands out is 1: its init's.
 */
int pid_alloc(struct pid_namespace *ns, struct pid **result);

struct pid *get_pid(struct pid *pid);
/* The last put gives the numbers back. Never with the tasks lock held (it takes it). */
void put_pid(struct pid *pid);

/* The kernel's name for the id: its number in the initial namespace. 0 for NULL. */
pid_t pid_global_number(const struct pid *pid);

/* The id's number in ns, or 0 when ns cannot see it (ns is below the id's). 0 for NULL. */
pid_t pid_number_in(const struct pid *pid, const struct pid_namespace *ns);

/* The id's number in its own namespace (1 for a namespace's init). 0 for NULL. */
pid_t pid_own_number(const struct pid *pid);

/*
 * The kernel's name (the initial namespace's number) of the id that `ns` numbers `number`,
 * or 0 when ns has no such number. Takes the tasks lock; the _locked form is for callers
 * holding it.
 */
pid_t pid_global_of(pid_t number, struct pid_namespace *ns);
pid_t pid_global_of_locked(pid_t number, struct pid_namespace *ns);

/* The same for the caller: a number it passed to a system call, in its own pid namespace. */
pid_t pid_global_from_caller(pid_t number);

/*
 * The other way: how the caller's pid namespace numbers the id whose kernel name is
 * `global`; 0 when the id is not visible there (R12.1). Takes the tasks lock.
 */
pid_t pid_caller_number_of_global(pid_t global);

/* How many ids hold a number in ns (for tests and the zap of a namespace). Lock held. */
unsigned int pid_namespace_numbers_in_use(const struct pid_namespace *ns);

/* How many struct pids exist (for tests and leak checks). */
unsigned int pids_alive(void);

#endif /* KUID_PID_H */
