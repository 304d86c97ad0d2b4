/*
 * threads: pthread_create and pthread_join (CLONE_CHILD_CLEARTID's futex
 * wake), mutexes and condition variables under contention, and futex(2)
 * itself: EAGAIN, time-outs, EINTR, errors, and a wake across fork through
 * MAP_SHARED memory.
 */
#include "lib/check.h"

#include <pthread.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>

/* From linux/futex.h, which musl-gcc does not ship. */
#define FUTEX_WAIT		0
#define FUTEX_WAKE		1
#define FUTEX_WAIT_BITSET	9
#define FUTEX_PRIVATE_FLAG	128
#define FUTEX_WAIT_PRIVATE	(FUTEX_WAIT | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_PRIVATE	(FUTEX_WAKE | FUTEX_PRIVATE_FLAG)

static long futex(volatile uint32_t *word, int operation, uint32_t value,
		  const struct timespec *timeout, uint32_t value3)
{
	return syscall(SYS_futex, word, operation, value, timeout, NULL, value3);
}

static void *return_argument_plus_one(void *argument)
{
	return (void *)((uintptr_t)argument + 1);
}

static void test_create_join(void)
{
	pthread_t threads[8];
	int created = 0, joined = 0;
	for (uintptr_t i = 0; i < 8; i++)
		created += pthread_create(&threads[i], NULL, return_argument_plus_one,
					  (void *)(i * 10)) == 0;
	is_int(created, 8, "pthread_create starts 8 threads");
	for (uintptr_t i = 0; i < 8; i++) {
		void *result = NULL;
		joined += pthread_join(threads[i], &result) == 0 && result == (void *)(i * 10 + 1);
	}
	is_int(joined, 8, "pthread_join returns each thread's result");
}

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;

static void *add_many(void *argument)
{
	(void)argument;
	for (int i = 0; i < 20000; i++) {
		pthread_mutex_lock(&lock);
		long seen = counter;
		if (i % 1000 == 0)
			sched_yield();	/* let the others find the mutex taken */
		counter = seen + 1;
		pthread_mutex_unlock(&lock);
	}
	return NULL;
}

static void test_mutex(void)
{
	pthread_t threads[4];
	for (int i = 0; i < 4; i++)
		pthread_create(&threads[i], NULL, add_many, NULL);
	for (int i = 0; i < 4; i++)
		pthread_join(threads[i], NULL);
	is_int(counter, 4 * 20000, "four threads add under a mutex: no update lost");
}

static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;
static int ready, arrived;

static void *wait_for_ready(void *argument)
{
	(void)argument;
	pthread_mutex_lock(&lock);
	arrived++;
	pthread_cond_broadcast(&changed);
	while (!ready)
		pthread_cond_wait(&changed, &lock);
	pthread_mutex_unlock(&lock);
	return NULL;
}

static void test_condition(void)
{
	pthread_t threads[4];
	for (int i = 0; i < 4; i++)
		pthread_create(&threads[i], NULL, wait_for_ready, NULL);
	pthread_mutex_lock(&lock);
	while (arrived < 4)
		pthread_cond_wait(&changed, &lock);
	ready = 1;
	pthread_cond_broadcast(&changed);
	pthread_mutex_unlock(&lock);
	for (int i = 0; i < 4; i++)
		pthread_join(threads[i], NULL);
	ok(1, "pthread_cond_broadcast wakes four waiters, and all are joined");
}

static void on_alarm(int signal_number)
{
	(void)signal_number;
}

static void test_futex_calls(void)
{
	static uint32_t word = 1;
	struct timespec short_time = { 0, 20 * 1000 * 1000 };

	expect_errno(futex(&word, FUTEX_WAIT_PRIVATE, 2, NULL, 0), EAGAIN,
		     "FUTEX_WAIT when the word differs");
	expect_errno(futex(&word, FUTEX_WAIT_PRIVATE, 1, &short_time, 0), ETIMEDOUT,
		     "FUTEX_WAIT with a 20 ms time-out");
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	expect_errno(futex(&word, FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG, 1, &now, ~0u), ETIMEDOUT,
		     "FUTEX_WAIT_BITSET with a deadline already past");
	is_int(futex(&word, FUTEX_WAKE_PRIVATE, 1, NULL, 0), 0, "FUTEX_WAKE with nobody waiting wakes 0");
	expect_errno(futex((uint32_t *)((char *)&word + 1), FUTEX_WAKE_PRIVATE, 1, NULL, 0), EINVAL,
		     "a misaligned futex word");
	expect_errno(futex(&word, FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG, 1, NULL, 0), EINVAL,
		     "FUTEX_WAIT_BITSET with an empty bitset");
	expect_errno(futex((uint32_t *)16, FUTEX_WAIT, 0, NULL, 0), EFAULT,
		     "FUTEX_WAIT on an unmapped word");
	struct timespec bad = { 0, 1000000000 };
	expect_errno(futex(&word, FUTEX_WAIT_PRIVATE, 1, &bad, 0), EINVAL,
		     "a time-out with tv_nsec out of range");

	struct sigaction action = { .sa_handler = on_alarm };
	sigaction(SIGALRM, &action, NULL);	/* no SA_RESTART */
	ualarm(30000, 0);
	expect_errno(futex(&word, FUTEX_WAIT_PRIVATE, 1, NULL, 0), EINTR,
		     "a signal interrupts FUTEX_WAIT");
	guard();
}

static void test_shared_wake(void)
{
	volatile uint32_t *word = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
				       MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	*word = 0;
	pid_t pid = spawn();
	if (pid == 0) {
		/* Not private: the key is the shared page, the same in both processes. */
		long result;
		do
			result = futex(word, FUTEX_WAIT, 0, NULL, 0);
		while (result == 0 && *word == 0);
		_exit(*word == 7 ? 0 : 1);
	}
	long woken = 0;
	for (int tries = 0; tries < 200 && woken == 0; tries++) {
		usleep(10000);
		*word = 7;
		woken = futex(word, FUTEX_WAKE, 1, NULL, 0);
	}
	is_int(woken, 1, "FUTEX_WAKE in the parent wakes the child waiting on MAP_SHARED memory");
	is_int(wait_for(pid), 0, "and the child saw the new value");
}

int main(void)
{
	plan(15);
	scenario("pthread_create and pthread_join", test_create_join);
	scenario("mutex under contention", test_mutex);
	scenario("condition variable", test_condition);
	scenario("futex calls", test_futex_calls);
	scenario("futex across fork", test_shared_wake);
	return finish();
}
