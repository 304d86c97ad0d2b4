/*
 * memory_exhaustion_tests.c: what kuid does when physical memory runs out.
 * Linux would run its OOM killer; kuid must just not panic or hang:
 *	- a program that touches pages until none is left dies of SIGBUS
 *	  (arch/x86_64/page_fault.c says why not SIGSEGV), and all its memory
 *	  comes back;
 *	- with every page taken, a page fault answers -ENOMEM and a tmpfs write
 *	  that needs a new page answers -ENOSPC.
 */
#include <kuid/address_space.h>
#include <kuid/fd_table.h>
#include <kuid/file.h>
#include <kuid/ktest.h>
#include <kuid/page_alloc.h>
#include <kuid/paging.h>
#include <kuid/vfs.h>
#include <uapi/errno.h>
#include <uapi/fcntl.h>
#include <uapi/mman.h>
#include <uapi/signal.h>

#include "tiny_program.h"

#define PAGE 0x1000UL
#define ADDRESS 0x400000UL
#define FILE_PATH "/tmp/ktest-exhaustion"

/*
 * mmap 4 GiB of private memory (more than the machine has), then write one
 * byte to each page in turn, forever: only a signal ends it.
 */
static const uint8_t touch_every_page[] = {
	0xb8, 0x09, 0x00, 0x00, 0x00,				/* mov eax, 9 (mmap) */
	0x31, 0xff,						/* xor edi, edi */
	0x48, 0xbe, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,	/* mov rsi, 4 GiB */
	0xba, 0x03, 0x00, 0x00, 0x00,				/* mov edx, PROT_READ|WRITE */
	0x41, 0xba, 0x22, 0x00, 0x00, 0x00,			/* mov r10d, PRIVATE|ANON */
	0x49, 0xc7, 0xc0, 0xff, 0xff, 0xff, 0xff,		/* mov r8, -1 */
	0x45, 0x31, 0xc9,					/* xor r9d, r9d */
	0x0f, 0x05,						/* syscall */
	0xc6, 0x00, 0x01,					/* again: mov byte [rax], 1 */
	0x48, 0x05, 0x00, 0x10, 0x00, 0x00,			/* add rax, 4096 */
	0xeb, 0xf5,						/* jmp again */
};

KTEST(memory_exhaustion, a_program_that_fills_memory_dies_of_sigbus)
{
	static const char *const argv[] = { TINY_PROGRAM_PATH, NULL };
	size_t free_before;
	int status;

	KTEST_ASSERT(tiny_program_install(touch_every_page, sizeof(touch_every_page)) == 0);
	free_before = page_alloc_free_count();
	status = tiny_program_run(argv);
	KTEST_EXPECT_EQ(status & 0x7f, SIGBUS);
	/* Every page it took came back (the heap may keep a little of what it grew). */
	KTEST_EXPECT(page_alloc_free_count() + 16 >= free_before);
	tiny_program_remove();
}

/* Take every free page; each holds the address of the one taken before it. */
static physical_address_t take_every_page(void)
{
	physical_address_t chain = 0, page;

	while ((page = page_alloc()) != 0) {
		*(physical_address_t *)physical_to_virtual(page) = chain;
		chain = page;
	}
	return chain;
}

static void give_pages_back(physical_address_t chain)
{
	while (chain) {
		physical_address_t next = *(physical_address_t *)physical_to_virtual(chain);

		page_free(chain);
		chain = next;
	}
}

static void remove_file(struct fs_context *fs)
{
	struct lookup_result result;

	if (path_walk(fs, &fs->root, FILE_PATH, 0, &result) == 0) {
		vfs_unlink(&result.parent, result.name, false);
		lookup_result_release(&result);
	}
}

KTEST(memory_exhaustion, with_no_page_left_faults_and_tmpfs_writes_fail_cleanly)
{
	struct address_space *space = address_space_create();
	struct fs_context *fs = fs_context_create_root();
	uintptr_t address = ADDRESS;
	struct file *file = NULL;
	physical_address_t taken;

	KTEST_ASSERT(space && fs);
	KTEST_ASSERT(address_space_map(space, &address, 2 * PAGE, PROT_READ | PROT_WRITE,
				       MAP_AT_FIXED) == 0);
	/* The first page brings the page tables; the second then needs only its page. */
	KTEST_ASSERT(address_space_write(space, ADDRESS, "x", 1) == 0);
	KTEST_ASSERT(vfs_open(fs, &fs->root, FILE_PATH, O_CREAT | O_RDWR | O_TRUNC, 0600,
			      &file) == 0);
	KTEST_ASSERT(kernel_write(file, "x", 1, 0) == 1);

	taken = take_every_page();
	KTEST_EXPECT_EQ(page_alloc_free_count(), 0);
	KTEST_EXPECT_EQ(address_space_handle_fault(space, ADDRESS + PAGE,
						   FAULT_ACCESS_WRITE | FAULT_ACCESS_USER),
			-ENOMEM);
	KTEST_EXPECT_EQ(kernel_write(file, "y", 1, PAGE), -ENOSPC);
	give_pages_back(taken);

	KTEST_EXPECT_EQ(address_space_handle_fault(space, ADDRESS + PAGE,
						   FAULT_ACCESS_WRITE | FAULT_ACCESS_USER), 0);
	KTEST_EXPECT_EQ(kernel_write(file, "y", 1, PAGE), 1);
	file_put(file);
	remove_file(fs);
	fs_context_put(fs);
	address_space_put(space);
}
