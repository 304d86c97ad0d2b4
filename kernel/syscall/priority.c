/*
 * priority.c: getpriority(2) and setpriority(2), the nice value of processes. kuid's scheduler
 * is plain round robin, so the value is only kept and reported; what matters here are Linux's
 * rules on who may change it. Anyone may lower the priority of a process it owns; raising it
 * (a lower nice value) needs RLIMIT_NICE or CAP_SYS_NICE in the *initial* namespace (R4.11),
 * so root of a container gets EACCES, as on Linux (Obs 9d).
 */
#include <kuid/capability.h>
#include <kuid/cred.h>
#include <kuid/pid.h>
#include <kuid/syscall_handlers.h>
#include <kuid/task.h>
#include <kuid/user_namespace.h>
#include <uapi/errno.h>
#include <uapi/resource.h>

#define NICE_MIN (-20)
#define NICE_MAX 19

/* Linux's nice_to_rlimit: nice 19 is 1, nice -20 is 40; getpriority answers in these units. */
static int nice_to_rlimit(int nice)
{
	return 20 - nice;
}

/* Which processes a request is about, and what happened to them. */
struct priority_request {
	int which;		/* PRIO_PROCESS, PRIO_PGRP, PRIO_USER */
	pid_t pid;		/* the kernel's pid, for PRIO_PROCESS */
	pid_t group;		/* for PRIO_PGRP */
	kuid_t uid;		/* for PRIO_USER */
	bool set;		/* setpriority (else getpriority) */
	int nice;		/* setpriority: the new value */
	const struct cred *caller;
	bool privileged;	/* capable(CAP_SYS_NICE), asked before the tasks lock is taken */
	long result;		/* -ESRCH until a process matches */
};

/* A live thread of the process, whose credentials speak for it; NULL when none is left. */
static struct task *process_first_thread(struct process *process)
{
	struct task *task;

	list_for_each_entry(task, &process->threads, process_node)
		if (!task->exited)
			return task;
	return NULL;
}

static bool request_matches(const struct priority_request *request, struct process *process,
			    const struct cred *cred)
{
	switch (request->which) {
	case PRIO_PROCESS:
		return process->pid == request->pid;
	case PRIO_PGRP:
		return process->process_group == request->group;
	default:
		return uid_eq(cred->uid, request->uid);
	}
}

/*
 * Linux's set_one_prio: the caller's euid is the target's real or effective uid, or it has
 * CAP_SYS_NICE over the target's namespace (EPERM); a lower nice value needs RLIMIT_NICE or
 * CAP_SYS_NICE in the initial namespace (EACCES).
 */
static long set_one(const struct priority_request *request, struct process *process,
		    const struct cred *cred)
{
	int current_nice = __atomic_load_n(&process->nice, __ATOMIC_RELAXED);
	uint64_t nice_limit = process->limits[RLIMIT_NICE].rlim_cur;

	if (!uid_eq(cred->uid, request->caller->euid) &&
	    !uid_eq(cred->euid, request->caller->euid) &&
	    !has_ns_capability(request->caller, cred->user_ns, CAP_SYS_NICE))
		return userns_refuse(NULL, RULE_R4_1_CAPABILITY, 0,
				     "another user's process, and no CAP_SYS_NICE over it", EPERM);
	if (request->nice < current_nice &&
	    (uint64_t)nice_to_rlimit(request->nice) > nice_limit && !request->privileged)
		return userns_refuse(NULL, RULE_R4_11_INITIAL_NS_ONLY, 0,
				     "raising a priority needs CAP_SYS_NICE in the initial ns",
				     EACCES);
	__atomic_store_n(&process->nice, request->nice, __ATOMIC_RELAXED);
	return 0;
}

/* Called with the tasks lock held, for each live process. */
static int priority_one(struct process *process, void *context)
{
	struct priority_request *request = context;
	struct task *task = process_first_thread(process);
	const struct cred *cred;
	long error;

	if (!task)
		return 0;
	cred = task_get_cred(task);
	if (request_matches(request, process, cred)) {
		if (request->set) {
			error = set_one(request, process, cred);
			/* As Linux: the last refusal, unless a later process succeeds. */
			if (error || request->result == -ESRCH)
				request->result = error;
		} else {
			long value = nice_to_rlimit(__atomic_load_n(&process->nice,
								    __ATOMIC_RELAXED));
			if (value > request->result)
				request->result = value;
		}
	}
	put_cred(cred);
	return 0;
}

/* Fill in whom `who` names; -EINVAL for an unknown `which`, -ESRCH for an unmapped user. */
static long priority_run(int which, int who, struct priority_request *request)
{
	struct task *caller = current_task();

	if (which < PRIO_PROCESS || which > PRIO_USER)
		return -EINVAL;
	request->which = which;
	request->caller = current_cred();
	request->result = -ESRCH;
	if (which == PRIO_PROCESS)
		request->pid = who ? pid_global_from_caller(who) : caller->process->pid;
	else if (which == PRIO_PGRP)
		request->group = who ? pid_global_from_caller(who) : caller->process->process_group;
	else
		request->uid = who ? uid_from_user((uid_t)who) : current_cred()->uid;
	if (which == PRIO_USER && !uid_valid(request->uid))
		return -ESRCH;
	if (which != PRIO_USER && who && request->pid <= 0 && request->group <= 0)
		return -ESRCH;
	process_for_each(priority_one, request);
	return request->result;
}

long sys_setpriority(int which, int who, int nice)
{
	struct priority_request request = { .set = true };

	request.nice = nice < NICE_MIN ? NICE_MIN : nice > NICE_MAX ? NICE_MAX : nice;
	request.privileged = capable(CAP_SYS_NICE);
	return priority_run(which, who, &request);
}

long sys_getpriority(int which, int who)
{
	struct priority_request request = { .set = false };

	return priority_run(which, who, &request);
}
