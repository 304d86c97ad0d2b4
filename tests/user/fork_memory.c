/*
 * fork_memory: what fork does to memory. Private pages are copy-on-write
 * (each side sees only its own writes, including writes the kernel makes for
 * it, like read(2) into a buffer); MAP_SHARED|MAP_ANONYMOUS pages are shared
 * both ways and outlive the process that made them; mremap grows, shrinks
 * and moves mappings with their contents. Prints the time of a fork+exit+wait
 * loop as a note (a figure, never pass/fail).
 */
#include "lib/check.h"

#include <sched.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>

#define PAGE 4096UL

static void test_copy_on_write(void)
{
	char *area = mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	memset(area, 'p', 4 * PAGE);
	int to_parent[2], to_child[2];
	pipe(to_parent);
	pipe(to_child);
	pid_t pid = spawn();
	if (pid == 0) {
		char go;
		area[0] = 'c';				/* the child writes first */
		read(to_child[0], &go, 1);		/* the parent has written too */
		int fine = area[0] == 'c' && area[PAGE] == 'p';
		/* The kernel writes into a page still shared with the parent. */
		read(to_child[0], area + 2 * PAGE, 5);
		fine &= memcmp(area + 2 * PAGE, "kuid!", 5) == 0;
		write(to_parent[1], "x", 1);
		_exit(fine ? 0 : 1);
	}
	area[PAGE] = 'P';				/* the parent writes another page */
	area[3 * PAGE] = 'P';
	write(to_child[1], "g", 1);
	write(to_child[1], "kuid!", 5);
	char done;
	read(to_parent[0], &done, 1);
	is_int(wait_for(pid), 0, "the child sees its own writes and not the parent's, even read(2)'s");
	ok(area[0] == 'p' && area[PAGE] == 'P' && area[2 * PAGE] == 'p' && area[3 * PAGE] == 'P',
	   "the parent sees its own writes and not the child's");

	/* Many generations: every process writes the same page and keeps its value. */
	int good = 1;
	for (int i = 0; i < 20; i++) {
		pid = spawn();
		if (pid == 0) {
			area[0] = (char)i;
			_exit(area[0] == (char)i && area[PAGE] == 'P' ? 0 : 1);
		}
		area[0] = 'q';
		good &= wait_for(pid) == 0 && area[0] == 'q';
	}
	ok(good, "20 children each write the page the parent also writes");
	munmap(area, 4 * PAGE);
}

static void test_shared(void)
{
	volatile int *shared = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE,
				    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	shared[0] = 5;
	pid_t pid = spawn();
	if (pid == 0) {
		shared[1] = shared[0] * 2;		/* the child writes ... */
		while (shared[2] != 1)			/* ... and waits for the parent's write */
			sched_yield();
		_exit(shared[1024] == 0 ? 0 : 1);	/* an untouched page reads zero */
	}
	while (shared[1] != 10)
		sched_yield();
	ok(1, "the parent sees the child's write");
	shared[2] = 1;
	is_int(wait_for(pid), 0, "and the child sees the parent's");

	/* The memory lives as long as someone maps it. */
	int ready[2];
	pipe(ready);
	pid = spawn();
	if (pid == 0) {
		char byte;
		read(ready[0], &byte, 1);		/* the parent unmapped it meanwhile */
		_exit(shared[1] == 10 ? 0 : 1);
	}
	munmap((void *)shared, 2 * PAGE);
	write(ready[1], "u", 1);
	is_int(wait_for(pid), 0, "the child still reads it after the parent's munmap");

	/* A shared page stays shared after mprotect and a second fork. */
	volatile int *again = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	mprotect((void *)again, PAGE, PROT_READ);
	mprotect((void *)again, PAGE, PROT_READ | PROT_WRITE);
	pid = spawn();
	if (pid == 0) {
		pid_t grandchild = fork();
		if (grandchild == 0) {
			again[0] = 99;
			_exit(0);
		}
		waitpid(grandchild, NULL, 0);
		_exit(0);
	}
	wait_for(pid);
	is_int(again[0], 99, "a grandchild's write reaches the grandparent");
}

static void test_mremap(void)
{
	char *area = mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	for (size_t i = 0; i < 4 * PAGE; i++)
		area[i] = (char)(i % 251);
	char *grown = mremap(area, 4 * PAGE, 64 * PAGE, MREMAP_MAYMOVE);
	ok(grown != MAP_FAILED, "mremap grows 4 pages to 64 (MREMAP_MAYMOVE)");
	int same = 1;
	for (size_t i = 0; i < 4 * PAGE; i++)
		same &= grown[i] == (char)(i % 251);
	ok(same && grown[63 * PAGE] == 0, "the old bytes are there, the new pages read zero");
	grown[63 * PAGE] = 'e';
	char *shrunk = mremap(grown, 64 * PAGE, 2 * PAGE, 0);
	ok(shrunk == grown && shrunk[PAGE + 1] == (char)((PAGE + 1) % 251), "mremap shrinks in place");
	pid_t pid = spawn();
	if (pid == 0) {
		volatile char *tail = shrunk + 2 * PAGE;
		(void)*tail;
		_exit(0);
	}
	int status = wait_for(pid);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV, "the cut-off tail is gone (SIGSEGV)");

	/* A neighbour right above: growing without MREMAP_MAYMOVE cannot work. */
	char *pair = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(pair + PAGE, PAGE);
	mmap(pair + PAGE, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	pair[0] = 'a';
	void *stuck = mremap(pair, PAGE, 2 * PAGE, 0);
	ok(stuck == MAP_FAILED && errno == ENOMEM, "growing into a neighbour without MAYMOVE: ENOMEM");
	char *moved = mremap(pair, PAGE, 2 * PAGE, MREMAP_MAYMOVE);
	ok(moved != MAP_FAILED && moved != pair && moved[0] == 'a', "with MAYMOVE it moves, content and all");

	void *bad = mremap(pair + 1, PAGE, 2 * PAGE, MREMAP_MAYMOVE);
	ok(bad == MAP_FAILED && errno == EINVAL, "mremap of an unaligned address: EINVAL");
	bad = mremap(moved, PAGE, 2 * PAGE, 0x100);
	ok(bad == MAP_FAILED && errno == EINVAL, "mremap with an unknown flag: EINVAL");
	bad = mremap(moved, PAGE, 0, MREMAP_MAYMOVE);
	ok(bad == MAP_FAILED && errno == EINVAL, "mremap to length 0: EINVAL");
	munmap(moved, 2 * PAGE);
	bad = mremap(moved, PAGE, 2 * PAGE, MREMAP_MAYMOVE);
	ok(bad == MAP_FAILED && errno == EFAULT, "mremap of unmapped memory: EFAULT");

	/* musl's realloc of a large block uses mremap. */
	size_t size = 200 * 1024;
	char *block = malloc(size);
	memset(block, 'r', size);
	block = realloc(block, 4 * size);
	int intact = block != NULL;
	for (size_t i = 0; intact && i < size; i++)
		intact &= block[i] == 'r';
	ok(intact, "realloc of a 200 KiB block to 800 KiB keeps its bytes");
	free(block);
}

static double seconds_now(void)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

static void test_fork_cost(void)
{
	/* 4 MiB touched: an eager copy costs 1024 pages per fork, copy-on-write none. */
	size_t size = 4UL << 20;
	char *area = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	memset(area, 1, size);
	int forks = 200, good = 1;
	double start = seconds_now();
	for (int i = 0; i < forks; i++) {
		pid_t pid = fork();
		if (pid == 0)
			_exit(area[size - 1] == 1 ? 0 : 1);
		good &= wait_for(pid) == 0;
	}
	double elapsed = seconds_now() - start;
	note("fork+exit+wait with 4 MiB touched: %.1f us each (%d forks in %.3f s)",
	     elapsed / forks * 1e6, forks, elapsed);
	ok(good, "%d forks of a process with 4 MiB of touched memory", forks);
}

int main(void)
{
	plan(19);
	scenario("copy-on-write", test_copy_on_write);
	scenario("MAP_SHARED across fork", test_shared);
	scenario("mremap", test_mremap);
	scenario("the cost of fork", test_fork_cost);
	return finish();
}
