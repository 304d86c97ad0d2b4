/*
 * limits.c: the resource limits that protect the kernel from one program:
 * RLIMIT_AS (mmap, mremap, brk), RLIMIT_FSIZE (write, truncate, SIGXFSZ) and
 * RLIMIT_NPROC (fork). Each scenario lowers its limits in a child, so the
 * next scenario starts with the defaults again.
 */
#include "lib/check.h"

#include <stdint.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>

#define MIB (1024L * 1024L)
#define FILE_PATH "/tmp/limits-fsize"

static int set_limit(int resource, rlim_t value)
{
	struct rlimit limit = { value, value };
	return setrlimit(resource, &limit);
}

/*
 * 64 MiB leaves room for the program itself and its stack (Linux counts the
 * stack as far as it has grown; kuid does not count it) but not for 128 MiB more.
 */
static void test_address_space(void)
{
	expect_ok(set_limit(RLIMIT_AS, 64 * MIB), "setrlimit(RLIMIT_AS, 64 MiB)");

	void *big = mmap(NULL, 128 * MIB, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
			 -1, 0);
	ok(big == MAP_FAILED && errno == ENOMEM, "mmap of 128 MiB: ENOMEM (got %s)",
	   big == MAP_FAILED ? errno_name(errno) : "success");
	void *small = mmap(NULL, MIB, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ok(small != MAP_FAILED, "mmap of 1 MiB still works");
	if (small == MAP_FAILED)
		return;
	memset(small, 1, MIB);

	void *grown = mremap(small, MIB, 128 * MIB, MREMAP_MAYMOVE);
	ok(grown == MAP_FAILED && errno == ENOMEM, "mremap to 128 MiB: ENOMEM (got %s)",
	   grown == MAP_FAILED ? errno_name(errno) : "success");
	grown = mremap(small, MIB, 2 * MIB, MREMAP_MAYMOVE);
	ok(grown != MAP_FAILED, "mremap to 2 MiB works");

	/* musl's sbrk refuses any growth, so ask the kernel itself. */
	uintptr_t old_break = (uintptr_t)syscall(SYS_brk, 0);
	uintptr_t answer = (uintptr_t)syscall(SYS_brk, old_break + 128 * MIB);
	ok(answer == old_break, "brk 128 MiB higher: the old break comes back");
	answer = (uintptr_t)syscall(SYS_brk, old_break + 4096);
	ok(answer == old_break + 4096, "brk one page higher works");
}

/* In a child: write one byte at the limit; exit 0 if the write gave EFBIG. */
static int write_past_limit(void)
{
	int fd = open(FILE_PATH, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || set_limit(RLIMIT_FSIZE, 4096) < 0)
		return 2;
	if (pwrite(fd, "x", 1, 4096) != -1 || errno != EFBIG)
		return 1;
	return 0;
}

static void test_file_size(void)
{
	set_limit(RLIMIT_CORE, 0);	/* the default action of SIGXFSZ dumps core */

	pid_t child = spawn();
	if (child == 0)
		_exit(write_past_limit());
	int status = wait_for(child);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGXFSZ,
	   "a write at the limit kills with SIGXFSZ (got %s)", status_text(status));

	child = spawn();
	if (child == 0) {
		signal(SIGXFSZ, SIG_IGN);
		_exit(write_past_limit());
	}
	is_int(wait_for(child), 0, "with SIGXFSZ ignored, the write fails with EFBIG");

	signal(SIGXFSZ, SIG_IGN);
	int fd = open(FILE_PATH, O_RDWR | O_CREAT | O_TRUNC, 0600);
	expect_ok(fd, "open a file");
	expect_ok(set_limit(RLIMIT_FSIZE, 4096), "setrlimit(RLIMIT_FSIZE, 4096)");
	char block[6000];
	memset(block, 'a', sizeof block);
	is_int(pwrite(fd, block, sizeof block, 0), 4096, "a write that starts below stops at it");
	struct stat status_of_file;
	fstat(fd, &status_of_file);
	is_int(status_of_file.st_size, 4096, "the file is 4096 bytes");
	expect_errno(ftruncate(fd, 8192), EFBIG, "ftruncate past the limit");
	expect_ok(ftruncate(fd, 100), "ftruncate down");
	expect_ok(ftruncate(fd, 4096), "ftruncate up to the limit");
	close(fd);
	unlink(FILE_PATH);
}

/* In a child as uid 1000 with RLIMIT_NPROC 1: exit 0 if fork gives EAGAIN. */
static int fork_over_limit(void)
{
	if (setresgid(1000, 1000, 1000) < 0 || setresuid(1000, 1000, 1000) < 0)
		return 2;
	/* This process alone reaches the limit of 1. */
	if (set_limit(RLIMIT_NPROC, 1) < 0)
		return 3;
	pid_t pid = fork();
	if (pid == 0)
		_exit(0);
	if (pid > 0) {
		wait_for(pid);
		return 1;
	}
	return errno == EAGAIN ? 0 : 4;
}

static void test_process_count(void)
{
	pid_t child = spawn();
	if (child == 0)
		_exit(fork_over_limit());
	is_int(wait_for(child), 0, "uid 1000 at its RLIMIT_NPROC: fork fails with EAGAIN");

	/* Root (uid 0 of the initial user namespace) is never held to it. */
	expect_ok(set_limit(RLIMIT_NPROC, 1), "setrlimit(RLIMIT_NPROC, 1) as root");
	child = fork();
	if (child == 0)
		_exit(0);
	ok(child > 0, "root still forks (got %s)", child > 0 ? "a child" : errno_name(errno));
	if (child > 0)
		wait_for(child);
}

int main(void)
{
	plan(19);
	scenario("RLIMIT_AS: mmap, mremap, brk", test_address_space);
	scenario("RLIMIT_FSIZE: write, truncate, SIGXFSZ", test_file_size);
	scenario("RLIMIT_NPROC: fork", test_process_count);
	return finish();
}
