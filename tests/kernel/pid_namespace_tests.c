/*
 * pid_namespace_tests.c: numbering pids per pid namespace (R12.1), pid_max, the end of a
 * namespace whose init died (R12.3) and the lifetime of ids and namespaces, on the real heap;
 * then whole processes, with busybox's unshare and sh from the initramfs: pid 1 at three
 * levels, and an init whose death takes its namespace's other members with it.
 */
#include <kuid/capability.h>
#include <kuid/clock.h>
#include <kuid/cred.h>
#include <kuid/ktest.h>
#include <kuid/nsproxy.h>
#include <kuid/pid.h>
#include <kuid/pid_namespace.h>
#include <kuid/sched.h>
#include <kuid/task.h>
#include <kuid/user_namespace.h>
#include <uapi/errno.h>
#include <uapi/wait.h>

#define BUSYBOX "/bin/busybox"

/* Root's credentials in the initial user namespace; holds a reference to it. */
static struct cred root_cred(void)
{
	struct cred cred = { 0 };

	cred.references = 1;
	cred.cap_bounding = cred.cap_permitted = cred.cap_effective = CAP_FULL_SET;
	cred.user_ns = get_user_ns(&init_user_ns);
	return cred;
}

/* A namespace below init_pid_ns (level 1) and one below that (level 2). */
static int make_two_levels(struct cred *creator, struct pid_namespace **first,
			   struct pid_namespace **second)
{
	int error = pid_namespace_create(&init_pid_ns, creator, first, NULL);

	if (!error)
		error = pid_namespace_create(*first, creator, second, NULL);
	return error;
}

KTEST(pid_namespace, numbers_at_three_levels)
{
	struct cred creator = root_cred();
	struct pid_namespace *first, *second;
	struct pid *init, *sibling, *above;
	unsigned int alive = pids_alive();

	KTEST_ASSERT(make_two_levels(&creator, &first, &second) == 0);
	KTEST_ASSERT(pid_alloc(second, &init) == 0);
	KTEST_ASSERT(pid_alloc(second, &sibling) == 0);
	KTEST_ASSERT(pid_alloc(first, &above) == 0);
	KTEST_EXPECT_EQ(pids_alive(), alive + 3);

	/* Each namespace counts on its own, from 1. */
	KTEST_EXPECT_EQ(init->level, 2);
	KTEST_EXPECT_EQ(pid_own_number(init), 1);
	KTEST_EXPECT_EQ(pid_number_in(init, first), 1);
	KTEST_EXPECT(pid_global_number(init) > 0);
	KTEST_EXPECT_EQ(pid_number_in(init, &init_pid_ns), pid_global_number(init));
	KTEST_EXPECT_EQ(pid_own_number(sibling), 2);
	KTEST_EXPECT_EQ(pid_number_in(sibling, first), 2);
	KTEST_EXPECT_EQ(pid_own_number(above), 3);
	/* An id of a level above is invisible below. */
	KTEST_EXPECT_EQ(pid_number_in(above, second), 0);
	KTEST_EXPECT_EQ(pid_global_of(1, second), pid_global_number(init));
	KTEST_EXPECT_EQ(pid_global_of(3, first), pid_global_number(above));
	KTEST_EXPECT_EQ(pid_global_of(3, second), 0);

	put_pid(init);
	put_pid(sibling);
	put_pid(above);
	put_pid_ns(second);
	put_pid_ns(first);
	put_user_ns(creator.user_ns);
	KTEST_EXPECT_EQ(pids_alive(), alive);
}

KTEST(pid_namespace, pid_max_wraps_to_2_and_skips_taken_numbers)
{
	struct cred creator = root_cred();
	struct pid_namespace *ns;
	struct pid *pids[3], *extra = NULL, *again = NULL;

	KTEST_ASSERT(pid_namespace_create(&init_pid_ns, &creator, &ns, NULL) == 0);
	ns->pid_max = 3;
	for (int i = 0; i < 3; i++)
		KTEST_ASSERT(pid_alloc(ns, &pids[i]) == 0);
	KTEST_EXPECT_EQ(pid_alloc(ns, &extra), -EAGAIN);
	put_pid(pids[1]);
	KTEST_EXPECT_EQ(pid_alloc(ns, &again), 0);
	KTEST_EXPECT_EQ(pid_own_number(again), 2);	/* 1 stays the init's */
	put_pid(again);
	put_pid(pids[0]);
	put_pid(pids[2]);
	put_pid_ns(ns);
	put_user_ns(creator.user_ns);
}

KTEST(pid_namespace, nothing_enters_after_the_init_died)
{
	struct cred creator = root_cred();
	struct pid_namespace *first, *second;
	struct pid *pid = NULL;
	unsigned long irq_state;

	KTEST_ASSERT(make_two_levels(&creator, &first, &second) == 0);
	irq_state = tasks_lock();
	first->dying = true;		/* what the zap of first's init does first */
	tasks_unlock(irq_state);
	/* R12.3: ENOMEM, in the namespace and in the ones below it. */
	KTEST_EXPECT_EQ(pid_alloc(first, &pid), -ENOMEM);
	KTEST_EXPECT_EQ(pid_alloc(second, &pid), -ENOMEM);
	KTEST_EXPECT_EQ(pid_alloc(&init_pid_ns, &pid), 0);
	put_pid(pid);
	put_pid_ns(second);
	put_pid_ns(first);
	put_user_ns(creator.user_ns);
}

KTEST(pid_namespace, ids_hold_their_namespace_until_the_last_put)
{
	struct cred creator = root_cred();
	struct pid_namespace *ns;
	struct pid *pid;
	unsigned int namespaces = namespaces_alive();

	KTEST_ASSERT(pid_namespace_create(&init_pid_ns, &creator, &ns, NULL) == 0);
	KTEST_ASSERT(pid_alloc(ns, &pid) == 0);
	put_pid_ns(ns);			/* the id keeps it */
	KTEST_EXPECT_EQ(namespaces_alive(), namespaces + 1);
	KTEST_EXPECT_EQ(pid_own_number(get_pid(pid)), 1);
	put_pid(pid);
	KTEST_EXPECT_EQ(namespaces_alive(), namespaces + 1);
	put_pid(pid);			/* the last: the numbers and the namespace go */
	KTEST_EXPECT_EQ(namespaces_alive(), namespaces);
	put_user_ns(creator.user_ns);
}

/* Run busybox with argv; its wait status, or -1. */
static int run_busybox(const char *const *argv)
{
	static const char *const envp[] = { "PATH=/bin:/sbin:/usr/bin", NULL };
	struct process *process;
	int status;

	if (task_spawn(BUSYBOX, argv, envp, &process) < 0)
		return -1;
	status = process_wait_exit(process);
	/* Let the ended threads be freed before the leak check looks. */
	thread_sleep_milliseconds(50);
	return status;
}

static int count_outside_init_ns(struct process *process, void *context)
{
	if (process->pid_namespace && process->pid_namespace->level > 0)
		(*(int *)context)++;
	return 0;
}

static int processes_in_child_namespaces(void)
{
	unsigned long irq_state = tasks_lock();
	int count = 0;

	process_for_each_locked(count_outside_init_ns, &count, true);
	tasks_unlock(irq_state);
	return count;
}

KTEST(pid_namespace, every_new_namespace_starts_at_pid_1)
{
	/* Level 1's shell is pid 1 with a parent outside (ppid 0); so is level 2's. */
	const char *const argv[] = {
		"unshare", "-p", "-f", "sh", "-c",
		"test $$ = 1 && test $PPID = 0 && "
		"unshare -p -f sh -c 'test $$ = 1 && test $PPID = 0 && exit 5'",
		NULL
	};
	unsigned int alive = pids_alive(), namespaces = namespaces_alive();

	KTEST_EXPECT_EQ(run_busybox(argv), W_EXITCODE(5, 0));
	KTEST_EXPECT_EQ(processes_in_child_namespaces(), 0);
	KTEST_EXPECT_EQ(pids_alive(), alive);
	KTEST_EXPECT_EQ(namespaces_alive(), namespaces);
}

KTEST(pid_namespace, the_inits_death_kills_and_reaps_its_namespace)
{
	/*
	 * The init leaves a member that would sleep for 100 s, and an orphan of its child. Its
	 * exit must kill both and wait for them: busybox's unshare, waiting for the init,
	 * returns at once, with no process left in any namespace below the initial one.
	 */
	const char *const argv[] = {
		"unshare", "-p", "-f", "sh", "-c",
		"sleep 100 & sh -c 'sleep 100 &'; exit 3",
		NULL
	};
	unsigned int alive = pids_alive(), namespaces = namespaces_alive();
	uint64_t start = clock_ticks();

	KTEST_EXPECT_EQ(run_busybox(argv), W_EXITCODE(3, 0));
	KTEST_EXPECT(clock_ticks() - start < 20 * CLOCK_TICKS_PER_SECOND);
	KTEST_EXPECT_EQ(processes_in_child_namespaces(), 0);
	KTEST_EXPECT_EQ(pids_alive(), alive);
	KTEST_EXPECT_EQ(namespaces_alive(), namespaces);
}
