/*
 * signal_tests.c: in-kernel tests of sending signals: queueing and
 * coalescing, masks, ignoring, SIGKILL and SIGCONT rules, waking a sleeper,
 * interruptible waits, process groups, and the handler table's copies and
 * references. The targets are stand-in tasks built here (no user program
 * runs during ktest); the user-space tests cover delivery and handlers.
 */
#include <kuid/cred.h>
#include <kuid/heap.h>
#include <kuid/ktest.h>
#include <kuid/sched.h>
#include <kuid/signal.h>
#include <kuid/task.h>
#include <kuid/wait.h>
#include <uapi/capability.h>
#include <uapi/errno.h>

/* A process of one task, enough for the signal code; never runs user code. */
struct stand_in {
	struct process process;
	struct task task;
};

static struct stand_in *stand_in_create(pid_t pid, pid_t process_group)
{
	struct stand_in *stand_in = kzalloc(sizeof(*stand_in));
	struct signal_handlers *handlers;

	if (!stand_in)
		return NULL;
	handlers = signal_handlers_create();
	if (!handlers) {
		kfree(stand_in);
		return NULL;
	}
	stand_in->process.pid = pid;
	stand_in->process.process_group = process_group;
	stand_in->process.session = process_group;
	stand_in->process.state = PROCESS_ALIVE;
	list_init(&stand_in->process.children);
	list_init(&stand_in->process.sibling_node);
	list_init(&stand_in->process.threads);
	list_init(&stand_in->process.table_node);
	signal_queue_init(&stand_in->process.shared_pending);
	stand_in->task.tid = pid;
	stand_in->task.process = &stand_in->process;
	list_add_tail(&stand_in->process.threads, &stand_in->task.process_node);
	task_signals_init(&stand_in->task.signals, handlers, NULL,
			  &stand_in->process.shared_pending);
	return stand_in;
}

static void stand_in_destroy(struct stand_in *stand_in)
{
	task_signals_destroy(&stand_in->task.signals);
	signal_queue_flush(&stand_in->process.shared_pending);
	kfree(stand_in);
}

static kernel_sigset_t pending_of(const struct stand_in *stand_in)
{
	return stand_in->task.signals.pending.signals | stand_in->process.shared_pending.signals;
}

static size_t queued_entries(const struct signal_queue *queue)
{
	size_t count = 0;

	for (const struct list_node *node = queue->entries.next; node != &queue->entries;
	     node = node->next)
		count++;
	return count;
}

static void set_handler(struct stand_in *stand_in, int signal, uint64_t handler)
{
	stand_in->task.signals.handlers->actions[signal - 1].sa_handler = handler;
}

#define SOME_HANDLER 0x401000ull

KTEST(signal, send_makes_a_signal_pending_for_the_process)
{
	struct stand_in *target = stand_in_create(4001, 4001);

	KTEST_ASSERT(target != NULL);
	KTEST_EXPECT(!signal_pending(&target->task));
	KTEST_EXPECT_EQ(signal_send(&target->task, SIGTERM, NULL), 0);
	KTEST_EXPECT(sigset_has(target->process.shared_pending.signals, SIGTERM));
	KTEST_EXPECT(signal_pending(&target->task));
	stand_in_destroy(target);
}

KTEST(signal, thread_directed_signals_use_the_thread_queue)
{
	struct stand_in *target = stand_in_create(4002, 4002);

	KTEST_ASSERT(target != NULL);
	KTEST_EXPECT_EQ(signal_send_to_thread(&target->task, SIGUSR1, NULL), 0);
	KTEST_EXPECT(sigset_has(target->task.signals.pending.signals, SIGUSR1));
	KTEST_EXPECT(!sigset_has(target->process.shared_pending.signals, SIGUSR1));
	stand_in_destroy(target);
}

KTEST(signal, standard_signals_coalesce)
{
	struct stand_in *target = stand_in_create(4003, 4003);

	KTEST_ASSERT(target != NULL);
	set_handler(target, SIGUSR1, SOME_HANDLER);
	for (int i = 0; i < 5; i++)
		signal_send(&target->task, SIGUSR1, NULL);
	KTEST_EXPECT_EQ(queued_entries(&target->process.shared_pending), 1);
	stand_in_destroy(target);
}

KTEST(signal, realtime_signals_queue_every_send)
{
	struct stand_in *target = stand_in_create(4004, 4004);

	KTEST_ASSERT(target != NULL);
	set_handler(target, SIGRTMIN + 1, SOME_HANDLER);
	for (int i = 0; i < 3; i++)
		signal_send(&target->task, SIGRTMIN + 1, NULL);
	KTEST_EXPECT_EQ(queued_entries(&target->process.shared_pending), 3);
	stand_in_destroy(target);
}

KTEST(signal, bad_signal_numbers_are_refused)
{
	struct stand_in *target = stand_in_create(4005, 4005);

	KTEST_ASSERT(target != NULL);
	KTEST_EXPECT_EQ(signal_send(&target->task, 0, NULL), -EINVAL);
	KTEST_EXPECT_EQ(signal_send(&target->task, 65, NULL), -EINVAL);
	KTEST_EXPECT_EQ(pending_of(target), 0);
	stand_in_destroy(target);
}

KTEST(signal, blocked_signal_stays_pending_but_does_not_count)
{
	struct stand_in *target = stand_in_create(4006, 4006);

	KTEST_ASSERT(target != NULL);
	target->task.signals.blocked = SIGNAL_BIT(SIGINT);
	signal_send(&target->task, SIGINT, NULL);
	KTEST_EXPECT(sigset_has(pending_of(target), SIGINT));
	KTEST_EXPECT(!signal_pending(&target->task));
	target->task.signals.blocked = 0;
	KTEST_EXPECT(signal_pending(&target->task));
	stand_in_destroy(target);
}

KTEST(signal, ignored_signal_is_dropped_at_send_time)
{
	struct stand_in *target = stand_in_create(4007, 4007);

	KTEST_ASSERT(target != NULL);
	set_handler(target, SIGUSR2, SIG_IGN);
	signal_send(&target->task, SIGUSR2, NULL);
	signal_send(&target->task, SIGCHLD, NULL);	/* ignored by default */
	signal_send(&target->task, SIGWINCH, NULL);	/* ignored by default */
	KTEST_EXPECT_EQ(pending_of(target), 0);
	stand_in_destroy(target);
}

KTEST(signal, ignored_but_blocked_signal_is_kept)
{
	struct stand_in *target = stand_in_create(4008, 4008);

	KTEST_ASSERT(target != NULL);
	set_handler(target, SIGUSR2, SIG_IGN);
	target->task.signals.blocked = SIGNAL_BIT(SIGUSR2);
	signal_send(&target->task, SIGUSR2, NULL);
	KTEST_EXPECT(sigset_has(pending_of(target), SIGUSR2));
	stand_in_destroy(target);
}

KTEST(signal, sigkill_cannot_be_ignored_or_blocked)
{
	struct stand_in *target = stand_in_create(4009, 4009);

	KTEST_ASSERT(target != NULL);
	set_handler(target, SIGKILL, SIG_IGN);	/* sigaction refuses this; be sure anyway */
	target->task.signals.blocked = ~0ull & ~SIGNALS_UNBLOCKABLE;
	signal_send(&target->task, SIGKILL, NULL);
	KTEST_EXPECT(signal_pending(&target->task));
	stand_in_destroy(target);
}

KTEST(signal, sigcont_discards_pending_stop_signals_and_vice_versa)
{
	struct stand_in *target = stand_in_create(4010, 4010);

	KTEST_ASSERT(target != NULL);
	target->task.signals.blocked = SIGNAL_BIT(SIGTSTP) | SIGNAL_BIT(SIGCONT);
	signal_send(&target->task, SIGTSTP, NULL);
	KTEST_EXPECT(sigset_has(pending_of(target), SIGTSTP));
	signal_send(&target->task, SIGCONT, NULL);
	KTEST_EXPECT(!sigset_has(pending_of(target), SIGTSTP));
	KTEST_EXPECT(sigset_has(pending_of(target), SIGCONT));
	signal_send(&target->task, SIGTTIN, NULL);
	KTEST_EXPECT(!sigset_has(pending_of(target), SIGCONT));
	stand_in_destroy(target);
}

KTEST(signal, sigcont_continues_a_stopped_task)
{
	struct stand_in *target = stand_in_create(4011, 4011);

	KTEST_ASSERT(target != NULL);
	target->task.signals.stopped = true;
	signal_send(&target->task, SIGCONT, NULL);
	KTEST_EXPECT(!target->task.signals.stopped);
	KTEST_EXPECT(target->task.signals.continued);
	/* SIG_DFL SIGCONT has done its work: nothing stays pending. */
	KTEST_EXPECT_EQ(pending_of(target), 0);
	stand_in_destroy(target);
}

KTEST(signal, siginfo_travels_with_the_signal)
{
	struct stand_in *target = stand_in_create(4012, 4012);
	siginfo_t info;

	KTEST_ASSERT(target != NULL);
	siginfo_for_user_kill(&info, SIGUSR1, 77, 1000);
	signal_send(&target->task, SIGUSR1, &info);
	KTEST_ASSERT(!list_empty(&target->process.shared_pending.entries));
	info = list_first_entry(&target->process.shared_pending.entries, struct queued_signal,
				node)->info;
	KTEST_EXPECT_EQ(info.si_signo, SIGUSR1);
	KTEST_EXPECT_EQ(info.si_code, SI_USER);
	KTEST_EXPECT_EQ(info.fields.kill.pid, 77);
	KTEST_EXPECT_EQ(info.fields.kill.uid, 1000);
	stand_in_destroy(target);
}

struct sleeper {
	struct wait_queue queue;
	volatile bool done;
};

static void sleep_until_done(void *argument)
{
	struct sleeper *sleeper = argument;

	wait_event(&sleeper->queue, sleeper->done);
}

KTEST(signal, send_wakes_the_sleeping_target)
{
	struct stand_in *target = stand_in_create(4013, 4013);
	struct sleeper sleeper = { .done = false };
	struct thread *thread;

	KTEST_ASSERT(target != NULL);
	wait_queue_init(&sleeper.queue);
	thread = thread_create("signal sleeper", sleep_until_done, &sleeper, 0);
	KTEST_ASSERT(thread != NULL);
	thread_sleep_milliseconds(20);	/* let it fall asleep */
	target->task.thread = thread;
	/* Only the signal's wake-up can make it see `done`: nobody wakes the queue. */
	sleeper.done = true;
	signal_send(&target->task, SIGTERM, NULL);
	thread_join(thread);
	KTEST_EXPECT(sleeper.done);
	stand_in_destroy(target);
}

KTEST(signal, interruptible_wait_ends_with_eintr)
{
	struct stand_in *target = stand_in_create(4014, 4014);
	struct wait_queue queue;
	unsigned long irq_state;
	int result;

	KTEST_ASSERT(target != NULL);
	wait_queue_init(&queue);
	signal_send(&target->task, SIGTERM, NULL);
	/* Borrow the stand-in as our task, with interrupts off so no switch sees it. */
	irq_state = arch_irq_save();
	thread_current()->task = &target->task;
	result = wait_event_interruptible(&queue, false);
	thread_current()->task = NULL;
	arch_irq_restore(irq_state);
	KTEST_EXPECT_EQ(result, -EINTR);
	stand_in_destroy(target);
}

KTEST(signal, interruptible_wait_in_a_kernel_thread_ignores_signals)
{
	struct wait_queue queue;

	wait_queue_init(&queue);
	KTEST_EXPECT(!current_signal_pending());
	KTEST_EXPECT_EQ(wait_event_interruptible(&queue, true), 0);
}

KTEST(signal, group_send_reaches_every_member_and_only_them)
{
	struct stand_in *first = stand_in_create(4021, 4020);
	struct stand_in *second = stand_in_create(4022, 4020);
	struct stand_in *outsider = stand_in_create(4023, 4023);
	unsigned long irq_state;

	KTEST_ASSERT(first && second && outsider);
	irq_state = tasks_lock();
	pid_table_add_process(&first->process);
	pid_table_add_process(&second->process);
	pid_table_add_process(&outsider->process);
	tasks_unlock(irq_state);

	KTEST_EXPECT_EQ(signal_send_to_group(4020, SIGINT), 0);
	KTEST_EXPECT_EQ(signal_send_to_group(4999, SIGINT), -ESRCH);

	irq_state = tasks_lock();
	pid_table_remove_process(&first->process);
	pid_table_remove_process(&second->process);
	pid_table_remove_process(&outsider->process);
	tasks_unlock(irq_state);
	KTEST_EXPECT(sigset_has(pending_of(first), SIGINT));
	KTEST_EXPECT(sigset_has(pending_of(second), SIGINT));
	KTEST_EXPECT(!sigset_has(pending_of(outsider), SIGINT));
	stand_in_destroy(first);
	stand_in_destroy(second);
	stand_in_destroy(outsider);
}

KTEST(signal, handler_copy_is_independent_and_refcounted)
{
	struct signal_handlers *original = signal_handlers_create();
	struct signal_handlers *copy, *shared;

	KTEST_ASSERT(original != NULL);
	original->actions[SIGINT - 1].sa_handler = SOME_HANDLER;
	copy = signal_handlers_copy(original);
	KTEST_ASSERT(copy != NULL);
	KTEST_EXPECT(copy->actions[SIGINT - 1].sa_handler == SOME_HANDLER);
	copy->actions[SIGINT - 1].sa_handler = SIG_IGN;
	KTEST_EXPECT(original->actions[SIGINT - 1].sa_handler == SOME_HANDLER);
	KTEST_EXPECT_EQ(copy->references, 1);

	shared = signal_handlers_get(original);
	KTEST_EXPECT(shared == original);
	KTEST_EXPECT_EQ(original->references, 2);
	signal_handlers_put(shared);
	KTEST_EXPECT_EQ(original->references, 1);
	signal_handlers_put(original);
	signal_handlers_put(copy);
}

KTEST(signal, exec_resets_handlers_but_keeps_ignored_ones)
{
	struct stand_in *target = stand_in_create(4030, 4030);

	KTEST_ASSERT(target != NULL);
	set_handler(target, SIGINT, SOME_HANDLER);
	set_handler(target, SIGHUP, SIG_IGN);
	target->task.signals.blocked = SIGNAL_BIT(SIGUSR1);
	KTEST_EXPECT_EQ(signals_reset_on_exec(&target->task), 0);
	KTEST_EXPECT(target->task.signals.handlers->actions[SIGINT - 1].sa_handler == SIG_DFL);
	KTEST_EXPECT(target->task.signals.handlers->actions[SIGHUP - 1].sa_handler == SIG_IGN);
	KTEST_EXPECT(target->task.signals.blocked == SIGNAL_BIT(SIGUSR1));	/* kept */
	stand_in_destroy(target);
}

KTEST(signal, exec_unshares_a_table_shared_with_another_process)
{
	struct stand_in *target = stand_in_create(4031, 4031);
	struct signal_handlers *other_holder;

	KTEST_ASSERT(target != NULL);
	set_handler(target, SIGINT, SOME_HANDLER);
	other_holder = signal_handlers_get(target->task.signals.handlers);
	KTEST_EXPECT_EQ(signals_reset_on_exec(&target->task), 0);
	KTEST_EXPECT(target->task.signals.handlers != other_holder);
	/* The other process still has its handler. */
	KTEST_EXPECT(other_holder->actions[SIGINT - 1].sa_handler == SOME_HANDLER);
	KTEST_EXPECT_EQ(other_holder->references, 1);
	signal_handlers_put(other_holder);
	stand_in_destroy(target);
}

KTEST(signal, may_signal_follows_kill_2)
{
	struct stand_in *target = stand_in_create(4040, 4040);
	struct cred sender = { .references = 1 }, target_cred = { .references = 1 };

	KTEST_ASSERT(target != NULL);
	target->task.cred = &target_cred;
	target_cred.uid = (kuid_t){ 1000 };
	target_cred.suid = (kuid_t){ 1001 };
	target_cred.euid = (kuid_t){ 2000 };

	sender.uid = (kuid_t){ 5 };
	sender.euid = (kuid_t){ 1000 };		/* effective matches real */
	KTEST_EXPECT(may_signal(&sender, &target->task));
	sender.euid = (kuid_t){ 1001 };		/* effective matches saved */
	KTEST_EXPECT(may_signal(&sender, &target->task));
	sender.euid = (kuid_t){ 2000 };		/* the target's effective uid does not count */
	KTEST_EXPECT(!may_signal(&sender, &target->task));
	sender.cap_effective = cap_raise(sender.cap_effective, CAP_KILL);
	KTEST_EXPECT(may_signal(&sender, &target->task));
	target->task.cred = NULL;
	stand_in_destroy(target);
}
