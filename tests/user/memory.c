/*
 * memory: brk, anonymous and file mappings, munmap, mprotect, MAP_FIXED,
 * MAP_SHARED across fork, copy-on-write after fork, and the faults and
 * errors around them. Every access that must fault runs in a forked child,
 * whose wait status must say SIGSEGV.
 */
#include "lib/check.h"

#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>

#define PAGE 4096UL

/* What happens when a child touches ADDRESS: 'r' read, 'w' write. Returns the wait status. */
static int touch_in_child(volatile char *address, char how)
{
	pid_t pid = spawn();
	if (pid == 0) {
		if (how == 'w')
			*address = 1;
		else
			(void)*address;
		_exit(0);
	}
	return wait_for(pid);
}

static int killed_by_segv(int status)
{
	return WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV;
}

static void *raw_mmap(void *address, size_t length, int protection, int flags, int fd, long offset)
{
	return (void *)syscall(SYS_mmap, address, length, protection, flags, fd, offset);
}

static void test_brk(void)
{
	/* The raw call: the C library's malloc must not be used in this scenario. */
	uintptr_t start = (uintptr_t)syscall(SYS_brk, 0);
	ok(start != 0, "brk(0) returns the current break");
	uintptr_t grown = (uintptr_t)syscall(SYS_brk, start + 256 * 1024);
	is_int(grown, start + 256 * 1024, "brk grows by 256 KiB");
	volatile char *heap = (volatile char *)start;
	int all_zero = 1;
	for (size_t i = 0; i < 256 * 1024; i += 512)
		all_zero &= heap[i] == 0;
	ok(all_zero, "new heap memory reads as zeros");
	for (size_t i = 0; i < 256 * 1024; i += 512)
		heap[i] = (char)i;
	ok(heap[512 * 7] == (char)(512 * 7), "and can be written");
	is_int(syscall(SYS_brk, 0), start + 256 * 1024, "brk(0) reports the new break");
	uintptr_t shrunk = (uintptr_t)syscall(SYS_brk, start + 4096);
	is_int(shrunk, start + 4096, "brk shrinks");
	ok(killed_by_segv(touch_in_child(heap + 128 * 1024, 'r')),
	   "memory above the shrunk break faults (SIGSEGV)");
	uintptr_t refused = (uintptr_t)syscall(SYS_brk, 4096);
	is_int(refused, start + 4096, "an impossible brk leaves the break unchanged");
	grown = (uintptr_t)syscall(SYS_brk, start + 64 * 1024);
	ok(grown == start + 64 * 1024 && heap[32 * 1024] == 0,
	   "growing again gives fresh zeroed memory");
}

static void test_anonymous(void)
{
	size_t length = 16 * PAGE;
	char *area = mmap(NULL, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ok(area != MAP_FAILED, "mmap of 16 anonymous pages");
	ok(((uintptr_t)area & (PAGE - 1)) == 0, "the address is page-aligned");
	int zero = 1;
	for (size_t i = 0; i < length; i++)
		zero &= area[i] == 0;
	ok(zero, "anonymous memory starts zeroed");
	for (size_t i = 0; i < length; i++)
		area[i] = (char)(i * 3);
	int same = 1;
	for (size_t i = 0; i < length; i++)
		same &= area[i] == (char)(i * 3);
	ok(same, "what is written reads back");

	/* Copy on write after fork: the child's writes stay in the child. */
	pid_t pid = spawn();
	if (pid == 0) {
		area[0] = 'c';
		_exit(area[0] == 'c' && area[1] == 3 ? 0 : 1);
	}
	is_int(wait_for(pid), 0, "the child sees the parent's memory and can write it");
	is_int(area[0], 0, "the child's write is not seen by the parent");

	ok(munmap(area + 4 * PAGE, PAGE) == 0, "munmap of one page in the middle");
	ok(killed_by_segv(touch_in_child(area + 4 * PAGE, 'r')), "reading the unmapped page: SIGSEGV");
	ok(!killed_by_segv(touch_in_child(area + 5 * PAGE, 'w')) && area[5 * PAGE] == (char)(5 * PAGE * 3),
	   "the page after it is still mapped");
	ok(munmap(area, length) == 0, "munmap of the whole range, hole included");
	ok(killed_by_segv(touch_in_child(area, 'r')), "reading it afterwards: SIGSEGV");
	ok(munmap(area, length) == 0, "munmap of an unmapped range is not an error");

	char *high = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *low = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ok(high != MAP_FAILED && low != MAP_FAILED && high != low, "two separate mappings");
	char *big = mmap(NULL, 64 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ok(big != MAP_FAILED, "a 64 MiB mapping (only touched pages need memory)");
	if (big != MAP_FAILED) {
		big[0] = 1;
		big[(64 << 20) - 1] = 2;
		ok(big[0] == 1 && big[(64 << 20) - 1] == 2 && big[32 << 20] == 0,
		   "its first, last and middle bytes work");
		munmap(big, 64 << 20);
	} else {
		ok(0, "its first, last and middle bytes work");
	}
}

static void test_protection(void)
{
	char *area = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	memset(area, 'p', 3 * PAGE);
	ok(mprotect(area + PAGE, PAGE, PROT_READ) == 0, "mprotect the middle page PROT_READ");
	ok(area[PAGE] == 'p', "it can still be read");
	int status = touch_in_child(area + PAGE, 'w');
	ok(killed_by_segv(status), "writing it: SIGSEGV (%s)", status_text(status));
	ok(!killed_by_segv(touch_in_child(area + 2 * PAGE, 'w')), "the next page is still writable");
	ok(mprotect(area + PAGE, PAGE, PROT_NONE) == 0, "mprotect PROT_NONE");
	ok(killed_by_segv(touch_in_child(area + PAGE, 'r')), "reading it: SIGSEGV");
	ok(mprotect(area + PAGE, PAGE, PROT_READ | PROT_WRITE) == 0, "mprotect back to read-write");
	area[PAGE] = 'q';
	ok(area[PAGE] == 'q' && area[PAGE + 1] == 'p', "the content survived");
	char *readonly = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ok(readonly != MAP_FAILED && readonly[100] == 0, "a PROT_READ mapping reads zeros");
	ok(killed_by_segv(touch_in_child(readonly, 'w')), "writing a PROT_READ mapping: SIGSEGV");
	expect_errno(syscall(SYS_mprotect, area + 1, PAGE, PROT_READ), EINVAL, "mprotect of an unaligned address");
	expect_errno(syscall(SYS_mprotect, area, PAGE, 0x1000), EINVAL, "mprotect with unknown bits");
	munmap(area, 3 * PAGE);
	expect_errno(syscall(SYS_mprotect, area, PAGE, PROT_READ), ENOMEM, "mprotect of unmapped memory");
}

static void test_fixed(void)
{
	char *area = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	memset(area, 'a', 3 * PAGE);
	char *middle = mmap(area + PAGE, PAGE, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	ok(middle == area + PAGE, "MAP_FIXED returns exactly the address asked for");
	ok(middle[0] == 0 && middle[PAGE - 1] == 0, "the replaced page is fresh (zeros)");
	ok(area[0] == 'a' && area[2 * PAGE] == 'a', "the neighbours are untouched");
	char *hint = mmap(area + PAGE, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ok(hint != MAP_FAILED && hint != area + PAGE, "without MAP_FIXED a used address is only a hint");
	ok(middle[0] == 0, "and the mapping there is not replaced");
	munmap(hint, PAGE);
	munmap(area, 3 * PAGE);
	char *again = mmap(area, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	ok(again == area && again[0] == 0, "MAP_FIXED on an unmapped address");
	munmap(again, PAGE);
	void *bad = raw_mmap(area + 1, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	ok(bad == (void *)-1 && errno == EINVAL, "MAP_FIXED with an unaligned address: EINVAL");
}

static void test_files(void)
{
	char text[PAGE + 100];
	for (size_t i = 0; i < sizeof text; i++)
		text[i] = (char)('a' + i % 26);
	int fd = open("mapped", O_RDWR | O_CREAT | O_TRUNC, 0644);
	write(fd, text, sizeof text);

	char *view = mmap(NULL, 2 * PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
	ok(view != MAP_FAILED, "a private read-only mapping of a file");
	ok(memcmp(view, text, sizeof text) == 0, "it shows the file's content");
	int zero_tail = 1;
	for (size_t i = sizeof text; i < 2 * PAGE; i++)
		zero_tail &= view[i] == 0;
	ok(zero_tail, "the rest of the last page reads as zeros");
	ok(killed_by_segv(touch_in_child(view, 'w')), "writing a PROT_READ file mapping: SIGSEGV");
	munmap(view, 2 * PAGE);

	char *second = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, PAGE);
	ok(second != MAP_FAILED && memcmp(second, text + PAGE, 100) == 0, "a mapping at offset 4096");
	munmap(second, PAGE);

	char *copy = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	ok(copy != MAP_FAILED, "a private writable mapping");
	copy[0] = 'Z';
	char first;
	pread(fd, &first, 1, 0);
	ok(copy[0] == 'Z' && first == 'a', "writes to a private mapping do not reach the file");
	close(fd);
	ok(copy[1] == 'b', "the mapping outlives the descriptor");
	munmap(copy, PAGE);

	fd = open("mapped", O_RDONLY);
	void *failed = raw_mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	ok(failed == (void *)-1 && errno == EACCES, "a shared writable mapping of an O_RDONLY fd: EACCES");
	failed = raw_mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 1);
	ok(failed == (void *)-1 && errno == EINVAL, "a file offset that is not page-aligned: EINVAL");
	close(fd);
	failed = raw_mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, 999, 0);
	ok(failed == (void *)-1 && errno == EBADF, "mapping a bad descriptor: EBADF");
	int dir = open(".", O_RDONLY);
	failed = raw_mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, dir, 0);
	ok(failed == (void *)-1 && errno == ENODEV, "mapping a directory: ENODEV");
	close(dir);
}

static void test_shared(void)
{
	volatile int *shared = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	ok(shared != MAP_FAILED, "a shared anonymous mapping");
	shared[0] = 1;
	pid_t pid = spawn();
	if (pid == 0) {
		shared[1] = shared[0] + 41;
		_exit(0);
	}
	wait_for(pid);
	is_int(shared[1], 42, "a child's write to MAP_SHARED memory is seen by the parent");
}

static void test_errors(void)
{
	void *result = raw_mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ok(result == (void *)-1 && errno == EINVAL, "mmap of length 0: EINVAL");
	result = raw_mmap(NULL, PAGE, PROT_READ, MAP_ANONYMOUS, -1, 0);
	ok(result == (void *)-1 && errno == EINVAL, "mmap without MAP_PRIVATE or MAP_SHARED: EINVAL");
	result = raw_mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	ok(result == (void *)-1 && errno == EINVAL,
	   "anonymous mmap with MAP_PRIVATE|MAP_SHARED (= MAP_SHARED_VALIDATE): EINVAL");
	result = raw_mmap(NULL, (size_t)-4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ok(result == (void *)-1 && errno == ENOMEM, "mmap of an impossible length: ENOMEM");
	expect_errno(syscall(SYS_munmap, (void *)(PAGE + 1), PAGE), EINVAL, "munmap of an unaligned address");
	expect_errno(syscall(SYS_munmap, (void *)(16 * PAGE), 0), EINVAL, "munmap of length 0");
	ok(killed_by_segv(touch_in_child((volatile char *)16, 'w')), "writing address 16: SIGSEGV");
	ok(killed_by_segv(touch_in_child((volatile char *)0xffff800000000000UL, 'r')),
	   "reading a kernel address: SIGSEGV");
}

int main(void)
{
	plan(66);
	if (enter_private_dir("memory") != 0) {
		ok(0, "make a private directory under /tmp: %s", errno_name(errno));
		return finish();
	}
	scenario("brk", test_brk);
	scenario("anonymous mappings and munmap", test_anonymous);
	scenario("mprotect", test_protection);
	scenario("MAP_FIXED", test_fixed);
	scenario("file mappings", test_files);
	scenario("MAP_SHARED", test_shared);
	scenario("errors", test_errors);
	cleanup();
	return finish();
}
