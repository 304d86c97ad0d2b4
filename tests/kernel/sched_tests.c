/*
 * sched_tests.c: in-kernel tests of threads, preemption, sleeping and wait
 * queues. Each test joins every thread it starts, so the heap is back where
 * it was when the test ends.
 */
#include <kuid/clock.h>
#include <kuid/heap.h>
#include <kuid/ktest.h>
#include <kuid/sched.h>
#include <kuid/wait.h>

static void increment(void *argument)
{
	__atomic_add_fetch((int *)argument, 1, __ATOMIC_RELAXED);
}

KTEST(sched, created_thread_runs_and_joins)
{
	int counter = 0;
	struct thread *thread = thread_create("increment", increment, &counter, 0);

	KTEST_ASSERT(thread != NULL);
	thread_join(thread);
	KTEST_EXPECT_EQ(counter, 1);
}

KTEST(sched, many_threads_all_run)
{
	enum { THREADS = 20 };
	struct thread *threads[THREADS];
	int counter = 0;

	for (int i = 0; i < THREADS; i++) {
		threads[i] = thread_create("many", increment, &counter, 0);
		KTEST_ASSERT(threads[i] != NULL);
	}
	for (int i = 0; i < THREADS; i++)
		thread_join(threads[i]);
	KTEST_EXPECT_EQ(counter, THREADS);
}

KTEST(sched, thread_ids_are_distinct)
{
	struct thread *first = thread_create("first", increment, &(int){ 0 }, 0);
	struct thread *second = thread_create("second", increment, &(int){ 0 }, 0);

	KTEST_ASSERT(first && second);
	KTEST_EXPECT(first->id != second->id);
	KTEST_EXPECT(first->id != 0 && second->id != 0);
	thread_join(first);
	thread_join(second);
}

struct spin_pair {
	volatile bool released;
	volatile bool spinner_done;
};

/* Never yields: only the timer can take the CPU from it. */
static void spin_until_released(void *argument)
{
	struct spin_pair *pair = argument;

	while (!pair->released)
		;
	pair->spinner_done = true;
}

static void release(void *argument)
{
	((struct spin_pair *)argument)->released = true;
}

KTEST(sched, timer_preempts_a_busy_thread)
{
	struct spin_pair pair = { false, false };
	struct thread *spinner = thread_create("spinner", spin_until_released, &pair, 0);
	struct thread *releaser = thread_create("releaser", release, &pair, 0);

	KTEST_ASSERT(spinner && releaser);
	/* Without preemption the spinner would hold the CPU forever. */
	thread_join(spinner);
	thread_join(releaser);
	KTEST_EXPECT(pair.spinner_done);
}

KTEST(sched, sleep_lasts_at_least_the_time_asked)
{
	uint64_t start = clock_ticks();

	thread_sleep_milliseconds(50);
	KTEST_EXPECT(clock_ticks() - start >= clock_ticks_from_milliseconds(50));
}

KTEST(sched, clock_advances)
{
	uint64_t start = clock_ticks();

	while (clock_ticks() == start)
		thread_yield();
	KTEST_EXPECT(clock_ticks() > start);
}

struct mailbox {
	struct wait_queue queue;
	volatile int messages;
	volatile int received;
};

static void consume_three(void *argument)
{
	struct mailbox *box = argument;

	for (int i = 0; i < 3; i++) {
		wait_event(&box->queue, box->messages > 0);
		box->messages--;
		box->received++;
	}
}

KTEST(wait, consumer_wakes_for_each_message)
{
	struct mailbox box = { .messages = 0, .received = 0 };
	struct thread *consumer;

	wait_queue_init(&box.queue);
	consumer = thread_create("consumer", consume_three, &box, 0);
	KTEST_ASSERT(consumer != NULL);
	for (int i = 0; i < 3; i++) {
		thread_sleep_milliseconds(10);
		box.messages++;
		wake_up_all(&box.queue);
	}
	thread_join(consumer);
	KTEST_EXPECT_EQ(box.received, 3);
	KTEST_EXPECT_EQ(box.messages, 0);
}

KTEST(wait, condition_already_true_does_not_block)
{
	struct wait_queue queue;

	wait_queue_init(&queue);
	wait_event(&queue, true);
	KTEST_EXPECT(list_empty(&queue.waiters));
}

struct gate {
	struct wait_queue queue;
	volatile bool open;
	volatile int passed;
};

static void pass_gate(void *argument)
{
	struct gate *gate = argument;

	wait_event(&gate->queue, gate->open);
	__atomic_add_fetch(&gate->passed, 1, __ATOMIC_RELAXED);
}

KTEST(wait, wake_up_all_releases_every_waiter)
{
	enum { WAITERS = 8 };
	struct gate gate = { .open = false, .passed = 0 };
	struct thread *threads[WAITERS];

	wait_queue_init(&gate.queue);
	for (int i = 0; i < WAITERS; i++) {
		threads[i] = thread_create("waiter", pass_gate, &gate, 0);
		KTEST_ASSERT(threads[i] != NULL);
	}
	thread_sleep_milliseconds(20);
	KTEST_EXPECT_EQ(gate.passed, 0);
	gate.open = true;
	wake_up_all(&gate.queue);
	for (int i = 0; i < WAITERS; i++)
		thread_join(threads[i]);
	KTEST_EXPECT_EQ(gate.passed, WAITERS);
}

KTEST(wait, wake_up_one_releases_one_waiter)
{
	struct gate gate = { .open = false, .passed = 0 };
	struct thread *first, *second;

	wait_queue_init(&gate.queue);
	first = thread_create("waiter", pass_gate, &gate, 0);
	second = thread_create("waiter", pass_gate, &gate, 0);
	KTEST_ASSERT(first && second);
	thread_sleep_milliseconds(20);
	gate.open = true;
	wake_up_one(&gate.queue);
	thread_sleep_milliseconds(20);
	KTEST_EXPECT_EQ(gate.passed, 1);
	wake_up_one(&gate.queue);
	thread_join(first);
	thread_join(second);
	KTEST_EXPECT_EQ(gate.passed, 2);
}

KTEST(sched, detached_thread_is_freed_after_it_exits)
{
	struct heap_statistics before, after;
	int counter = 0;

	heap_get_statistics(&before);
	after = before;
	KTEST_ASSERT(thread_create("detached", increment, &counter, THREAD_DETACHED) != NULL);
	/* Freed by the thread that runs after it: give both a chance to run. */
	for (int i = 0; i < 100 && (counter == 0 || after.live_objects != before.live_objects);
	     i++) {
		thread_sleep_milliseconds(10);
		heap_get_statistics(&after);
	}
	KTEST_EXPECT_EQ(counter, 1);
	KTEST_EXPECT_EQ(after.live_objects, before.live_objects);
}
