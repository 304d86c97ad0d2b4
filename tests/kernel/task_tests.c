/*
 * task_tests.c: in-kernel tests of the user-mode spine: user-memory copies
 * that must fail cleanly, address-space regions and pages, ELF loading, and
 * whole processes (spawn, fork, vfork, exit, wait, a fatal fault) running
 * tiny hand-assembled programs written to /tmp.
 */
#include <kuid/address_space.h>
#include <kuid/cred.h>
#include <kuid/elf.h>
#include <kuid/exec.h>
#include <kuid/fd_table.h>
#include <kuid/file.h>
#include <kuid/heap.h>
#include <kuid/ktest.h>
#include <kuid/string.h>
#include <kuid/task.h>
#include <kuid/user_memory.h>
#include <uapi/capability.h>
#include <uapi/errno.h>
#include <uapi/fcntl.h>
#include <uapi/mman.h>
#include <uapi/signal.h>
#include <uapi/wait.h>

#include "tiny_program.h"

#define PAGE 0x1000UL
#define KERNEL_ADDRESS 0xffff800000000000UL
#define UNMAPPED_USER_ADDRESS 0x10000UL

/* ---- User memory: every bad pointer is -EFAULT, never a kernel fault ---- */

KTEST(user_memory, kernel_addresses_are_refused)
{
	char buffer[16];

	KTEST_EXPECT_EQ(copy_from_user(buffer, (const void *)KERNEL_ADDRESS, 8), -EFAULT);
	KTEST_EXPECT_EQ(copy_to_user((void *)KERNEL_ADDRESS, buffer, 8), -EFAULT);
	KTEST_EXPECT_EQ(clear_user((void *)(uintptr_t)buffer, 8), -EFAULT);
	KTEST_EXPECT_EQ(copy_string_from_user(buffer, (const char *)(uintptr_t)"kernel", 16),
			-EFAULT);
}

KTEST(user_memory, ranges_running_past_user_space_are_refused)
{
	char buffer[32];

	/* Starts in user space, ends beyond it. */
	KTEST_EXPECT_EQ(copy_from_user(buffer, (const void *)(ELF_USER_SPACE_END - 8), 16),
			-EFAULT);
	/* Wraps around the top of the address space. */
	KTEST_EXPECT_EQ(copy_from_user(buffer, (const void *)0x1000, SIZE_MAX), -EFAULT);
	KTEST_EXPECT_EQ(copy_to_user((void *)UINTPTR_MAX - 7, buffer, 16), -EFAULT);
	KTEST_EXPECT(!user_range_is_valid(ELF_USER_SPACE_END, 1));
	KTEST_EXPECT(user_range_is_valid(0x1000, 0x1000));
}

KTEST(user_memory, unmapped_user_memory_faults_into_efault)
{
	char buffer[16] = "unchanged";

	/* No address space here: the copy routine faults and its fixup returns -EFAULT. */
	KTEST_EXPECT_EQ(copy_from_user(buffer, (const void *)UNMAPPED_USER_ADDRESS, 8), -EFAULT);
	KTEST_EXPECT_EQ(copy_to_user((void *)UNMAPPED_USER_ADDRESS, buffer, 8), -EFAULT);
	KTEST_EXPECT_EQ(clear_user((void *)UNMAPPED_USER_ADDRESS, 8), -EFAULT);
	KTEST_EXPECT_EQ(copy_string_from_user(buffer, (const char *)UNMAPPED_USER_ADDRESS, 16),
			-EFAULT);
	KTEST_EXPECT_EQ(copy_from_user(buffer, (const void *)UNMAPPED_USER_ADDRESS, 0), 0);
}

KTEST(user_memory, copies_reach_an_active_address_space)
{
	struct address_space *space = address_space_create();
	uintptr_t address = 0x200000;
	char text[32] = { 0 };
	unsigned long irq_state;

	KTEST_ASSERT(space != NULL);
	KTEST_ASSERT(address_space_map(space, &address, 2 * PAGE, PROT_READ | PROT_WRITE,
				       MAP_AT_FIXED) == 0);
	KTEST_ASSERT(address_space_write(space, address + PAGE - 3, "kuid!", 6) == 0);
	/* A kernel thread runs on the kernel's page table: switch by hand, without preemption. */
	irq_state = arch_irq_save();
	address_space_activate(space);
	KTEST_EXPECT_EQ(copy_string_from_user(text, (const char *)address + PAGE - 3, sizeof(text)),
			5);
	KTEST_EXPECT_EQ(copy_string_from_user(text, (const char *)address + PAGE - 3, 3),
			-ENAMETOOLONG);
	KTEST_EXPECT_EQ(copy_to_user((void *)(address + 2 * PAGE - 4), text, 8), -EFAULT);
	address_space_activate(NULL);
	arch_irq_restore(irq_state);
	KTEST_EXPECT(memcmp(text, "kui", 3) == 0);
	address_space_put(space);
}

/* ---- Address spaces ---- */

static bool page_present(struct address_space *space, uintptr_t address)
{
	return page_table_translate(&space->page_table, address, NULL, NULL) == 0;
}

/* The byte at a user address of a (possibly inactive) space, through the direct map. */
static int byte_at(struct address_space *space, uintptr_t address)
{
	physical_address_t physical;

	if (page_table_translate(&space->page_table, address, &physical, NULL) < 0)
		return -1;
	return *(uint8_t *)physical_to_virtual(physical);
}

KTEST(address_space, munmap_in_the_middle_splits_and_frees_pages)
{
	struct address_space *space = address_space_create();
	uintptr_t address = 0x400000;

	KTEST_ASSERT(space != NULL);
	KTEST_ASSERT(address_space_map(space, &address, 8 * PAGE, PROT_READ | PROT_WRITE,
				       MAP_AT_FIXED) == 0);
	KTEST_EXPECT_EQ(space->regions.count, 1);
	KTEST_EXPECT_EQ(address_space_present_pages(space), 0);	/* nothing touched yet */
	for (int i = 0; i < 8; i++)
		KTEST_EXPECT_EQ(address_space_handle_fault(space, address + i * PAGE,
							   FAULT_ACCESS_WRITE | FAULT_ACCESS_USER), 0);
	KTEST_EXPECT_EQ(address_space_present_pages(space), 8);
	KTEST_EXPECT_EQ(address_space_unmap(space, address + 2 * PAGE, 3 * PAGE), 0);
	KTEST_EXPECT_EQ(space->regions.count, 2);
	KTEST_EXPECT_EQ(address_space_present_pages(space), 5);
	KTEST_EXPECT(!page_present(space, address + 3 * PAGE));
	KTEST_EXPECT_EQ(address_space_unmap(space, address + 1, PAGE), -EINVAL);
	KTEST_EXPECT_EQ(address_space_unmap(space, address, 0), -EINVAL);
	KTEST_EXPECT_EQ(address_space_unmap(space, address, 8 * PAGE), 0);
	KTEST_EXPECT_EQ(address_space_present_pages(space), 0);
	KTEST_EXPECT_EQ(space->regions.count, 0);
	address_space_put(space);
}

KTEST(address_space, faults_follow_the_protection)
{
	struct address_space *space = address_space_create();
	uintptr_t readable = 0x500000, guard = 0x510000;

	KTEST_ASSERT(space != NULL);
	KTEST_ASSERT(address_space_map(space, &readable, PAGE, PROT_READ, MAP_AT_FIXED) == 0);
	KTEST_ASSERT(address_space_map(space, &guard, PAGE, PROT_NONE, MAP_AT_FIXED) == 0);
	KTEST_EXPECT_EQ(address_space_handle_fault(space, readable, FAULT_ACCESS_USER), 0);
	KTEST_EXPECT_EQ(address_space_handle_fault(space, readable,
						   FAULT_ACCESS_WRITE | FAULT_ACCESS_USER), -EFAULT);
	KTEST_EXPECT_EQ(address_space_handle_fault(space, readable,
						   FAULT_ACCESS_EXECUTE | FAULT_ACCESS_USER),
			-EFAULT);
	KTEST_EXPECT_EQ(address_space_handle_fault(space, guard, FAULT_ACCESS_USER), -EFAULT);
	KTEST_EXPECT_EQ(address_space_handle_fault(space, 0x600000, FAULT_ACCESS_USER), -EFAULT);
	KTEST_EXPECT_EQ(address_space_handle_fault(space, KERNEL_ADDRESS, 0), -EFAULT);
	address_space_put(space);
}

KTEST(address_space, mprotect_keeps_the_data)
{
	struct address_space *space = address_space_create();
	uintptr_t address = 0x700000;

	KTEST_ASSERT(space != NULL);
	KTEST_ASSERT(address_space_map(space, &address, 4 * PAGE, PROT_READ | PROT_WRITE,
				       MAP_AT_FIXED) == 0);
	KTEST_ASSERT(address_space_write(space, address + PAGE, "x", 1) == 0);
	KTEST_EXPECT_EQ(address_space_protect(space, address + PAGE, PAGE, PROT_NONE), 0);
	KTEST_EXPECT_EQ(space->regions.count, 3);
	KTEST_EXPECT_EQ(address_space_handle_fault(space, address + PAGE, FAULT_ACCESS_USER),
			-EFAULT);
	KTEST_EXPECT_EQ(address_space_protect(space, address + PAGE, PAGE, PROT_READ), 0);
	KTEST_EXPECT_EQ(byte_at(space, address + PAGE), 'x');
	/* Part of the range unmapped: -ENOMEM, as Linux. */
	KTEST_EXPECT_EQ(address_space_protect(space, address, 8 * PAGE, PROT_READ), -ENOMEM);
	address_space_put(space);
}

KTEST(address_space, mappings_go_top_down_and_noreplace_refuses)
{
	struct address_space *space = address_space_create();
	uintptr_t first = 0, second = 0, fixed;

	KTEST_ASSERT(space != NULL);
	KTEST_ASSERT(address_space_map(space, &first, 3 * PAGE, PROT_READ, 0) == 0);
	KTEST_ASSERT(address_space_map(space, &second, PAGE, PROT_READ, 0) == 0);
	KTEST_EXPECT_EQ(first, USER_MMAP_TOP - 3 * PAGE);
	KTEST_EXPECT_EQ(second, first - PAGE);
	fixed = first + PAGE;
	KTEST_EXPECT_EQ(address_space_map(space, &fixed, PAGE, PROT_READ, MAP_AT_NOREPLACE),
			-EEXIST);
	KTEST_EXPECT_EQ(address_space_map(space, &fixed, PAGE, PROT_WRITE, MAP_AT_FIXED), 0);
	KTEST_EXPECT_EQ(space->regions.count, 4);	/* second, first split in two around fixed */
	fixed = 0x1001;
	KTEST_EXPECT_EQ(address_space_map(space, &fixed, PAGE, PROT_READ, MAP_AT_FIXED), -EINVAL);
	address_space_put(space);
}

KTEST(address_space, brk_grows_and_shrinks_the_heap)
{
	struct address_space *space = address_space_create();
	uintptr_t start = 0x800000, blocker = 0x900000;

	KTEST_ASSERT(space != NULL);
	address_space_set_heap_start(space, start);
	KTEST_EXPECT_EQ(address_space_set_break(space, 0), start);
	KTEST_EXPECT_EQ(address_space_set_break(space, start + 100), start + 100);
	KTEST_EXPECT_EQ(address_space_handle_fault(space, start + 50,
						   FAULT_ACCESS_WRITE | FAULT_ACCESS_USER), 0);
	KTEST_EXPECT_EQ(address_space_set_break(space, start + 5 * PAGE), start + 5 * PAGE);
	KTEST_EXPECT_EQ(address_space_set_break(space, start - 1), start + 5 * PAGE);
	/* A mapping in the way stops the heap. */
	KTEST_ASSERT(address_space_map(space, &blocker, PAGE, PROT_READ, MAP_AT_FIXED) == 0);
	KTEST_EXPECT_EQ(address_space_set_break(space, blocker + PAGE), start + 5 * PAGE);
	KTEST_EXPECT_EQ(address_space_set_break(space, start), start);
	KTEST_EXPECT(!page_present(space, start));
	address_space_put(space);
}

KTEST(address_space, fork_copies_pages_instead_of_sharing_them)
{
	struct address_space *space = address_space_create();
	struct address_space *copy;
	uintptr_t address = 0x300000;

	KTEST_ASSERT(space != NULL);
	KTEST_ASSERT(address_space_map(space, &address, 2 * PAGE, PROT_READ | PROT_WRITE,
				       MAP_AT_FIXED) == 0);
	KTEST_ASSERT(address_space_write(space, address, "a", 1) == 0);
	copy = address_space_copy(space);
	KTEST_ASSERT(copy != NULL);
	KTEST_ASSERT(address_space_write(space, address, "b", 1) == 0);
	KTEST_EXPECT_EQ(byte_at(copy, address), 'a');
	KTEST_EXPECT_EQ(byte_at(space, address), 'b');
	KTEST_EXPECT(!page_present(copy, address + PAGE));	/* untouched pages stay untouched */
	address_space_put(copy);
	address_space_put(space);
}

/* ---- Tiny programs ---- */

/* exit(argc): the initial stack pointer points at argc. */
static const uint8_t exit_with_argc[] = {
	0x48, 0x8b, 0x3c, 0x24,			/* mov rdi, [rsp] */
	0xb8, 0x3c, 0x00, 0x00, 0x00,		/* mov eax, 60 (exit) */
	0x0f, 0x05,				/* syscall */
};

/* Write to address 0: SIGSEGV. */
static const uint8_t write_to_null[] = {
	0xc7, 0x04, 0x25, 0, 0, 0, 0, 0x2a, 0, 0, 0,	/* mov dword [0], 42 */
	0xeb, 0xfe,					/* jmp . */
};

/* Fork (or vfork) a child that exits with 3; wait for it; exit with its exit code. */
#define FORK_AND_WAIT(syscall_number)                                                   \
	{                                                                               \
		0xb8, syscall_number, 0x00, 0x00, 0x00,	/* mov eax, fork or vfork */    \
		0x0f, 0x05,				/* syscall */                   \
		0x85, 0xc0,				/* test eax, eax */             \
		0x75, 0x0c,				/* jnz parent */                \
		0xbf, 0x03, 0x00, 0x00, 0x00,		/* mov edi, 3 */                \
		0xb8, 0x3c, 0x00, 0x00, 0x00,		/* mov eax, 60 (exit) */        \
		0x0f, 0x05,				/* syscall */                   \
		0x48, 0x83, 0xec, 0x10,			/* parent: sub rsp, 16 */       \
		0xbf, 0xff, 0xff, 0xff, 0xff,		/* mov edi, -1 */               \
		0x48, 0x89, 0xe6,			/* mov rsi, rsp */              \
		0x31, 0xd2,				/* xor edx, edx */              \
		0x45, 0x31, 0xd2,			/* xor r10d, r10d */            \
		0xb8, 0x3d, 0x00, 0x00, 0x00,		/* mov eax, 61 (wait4) */       \
		0x0f, 0x05,				/* syscall */                   \
		0x8b, 0x3c, 0x24,			/* mov edi, [rsp] */            \
		0xc1, 0xef, 0x08,			/* shr edi, 8 */                \
		0xb8, 0x3c, 0x00, 0x00, 0x00,		/* mov eax, 60 (exit) */        \
		0x0f, 0x05,				/* syscall */                   \
	}

static const uint8_t fork_and_wait[] = FORK_AND_WAIT(57);
static const uint8_t vfork_and_wait[] = FORK_AND_WAIT(58);

/* A fresh address space and the exit_with_argc program, built as an ELF file of one type. */
struct elf_load_case {
	struct address_space *space;
	uint8_t *file;
	size_t size;
	struct loaded_program program;
	const char *reason;
};

static bool elf_load_case_start(struct elf_load_case *test, uint16_t type)
{
	test->space = address_space_create();
	test->file = tiny_program_build(exit_with_argc, sizeof(exit_with_argc), type, &test->size);
	test->reason = NULL;
	return test->space != NULL && test->file != NULL;
}

static int elf_load_case_load(struct elf_load_case *test)
{
	return elf_load(test->space, test->file, test->size, &test->program, &test->reason);
}

static void elf_load_case_end(struct elf_load_case *test)
{
	address_space_put(test->space);
	kfree(test->file);
}

KTEST(elf_load, segments_land_where_the_program_says)
{
	struct elf_load_case test;
	struct region *region;

	KTEST_ASSERT(elf_load_case_start(&test, ET_EXEC));
	KTEST_ASSERT(elf_load_case_load(&test) == 0);
	KTEST_EXPECT_EQ(test.program.entry, TINY_PROGRAM_BASE + TINY_PROGRAM_CODE_OFFSET);
	KTEST_EXPECT_EQ(test.program.program_headers,
			TINY_PROGRAM_BASE + sizeof(struct elf64_header));
	KTEST_EXPECT_EQ(test.program.program_header_count, 1);
	KTEST_EXPECT_EQ(test.program.end, TINY_PROGRAM_BASE + PAGE);
	region = region_find(&test.space->regions, TINY_PROGRAM_BASE);
	KTEST_ASSERT(region != NULL);
	KTEST_EXPECT_EQ(region->protection, PROT_READ | PROT_EXEC);
	/* The ELF header is visible. */
	KTEST_EXPECT_EQ(byte_at(test.space, TINY_PROGRAM_BASE), 0x7f);
	KTEST_EXPECT_EQ(byte_at(test.space, test.program.entry), exit_with_argc[0]);
	elf_load_case_end(&test);
}

KTEST(elf_load, static_pie_gets_a_load_bias)
{
	struct elf_load_case test;

	KTEST_ASSERT(elf_load_case_start(&test, ET_DYN));
	KTEST_ASSERT(elf_load_case_load(&test) == 0);
	KTEST_EXPECT_EQ(test.program.entry, USER_PIE_LOAD_BIAS + TINY_PROGRAM_CODE_OFFSET);
	KTEST_EXPECT_EQ(byte_at(test.space, USER_PIE_LOAD_BIAS + 1), 'E');
	elf_load_case_end(&test);
}

KTEST(elf_load, a_broken_file_is_refused)
{
	struct elf_load_case test;

	KTEST_ASSERT(elf_load_case_start(&test, ET_EXEC));
	test.file[0] = 'X';
	KTEST_EXPECT_EQ(elf_load_case_load(&test), -ENOEXEC);
	KTEST_EXPECT(test.reason != NULL);
	KTEST_EXPECT_EQ(test.space->regions.count, 0);
	elf_load_case_end(&test);
}

/* ---- Processes ---- */

KTEST(process, exit_status_reaches_the_kernel)
{
	const char *const argv[] = { "one", "two", "three", NULL };

	KTEST_ASSERT(tiny_program_install(exit_with_argc, sizeof(exit_with_argc)) == 0);
	KTEST_EXPECT_EQ(tiny_program_run(argv), W_EXITCODE(3, 0));
	tiny_program_remove();
}

KTEST(process, a_missing_program_exits_with_127)
{
	const char *const argv[] = { "missing", NULL };

	tiny_program_remove();
	KTEST_EXPECT_EQ(tiny_program_run(argv), W_EXITCODE(127, 0));
}

KTEST(process, a_write_to_null_is_killed_by_sigsegv)
{
	const char *const argv[] = { "crash", NULL };
	int status;

	KTEST_ASSERT(tiny_program_install(write_to_null, sizeof(write_to_null)) == 0);
	status = tiny_program_run(argv);
	KTEST_EXPECT(WIFSIGNALED(status));
	KTEST_EXPECT_EQ(WTERMSIG(status), SIGSEGV);
	tiny_program_remove();
}

KTEST(process, fork_exit_and_wait4)
{
	const char *const argv[] = { "fork", NULL };

	KTEST_ASSERT(tiny_program_install(fork_and_wait, sizeof(fork_and_wait)) == 0);
	KTEST_EXPECT_EQ(tiny_program_run(argv), W_EXITCODE(3, 0));
	tiny_program_remove();
}

KTEST(process, vfork_exit_and_wait4)
{
	const char *const argv[] = { "vfork", NULL };

	KTEST_ASSERT(tiny_program_install(vfork_and_wait, sizeof(vfork_and_wait)) == 0);
	KTEST_EXPECT_EQ(tiny_program_run(argv), W_EXITCODE(3, 0));
	tiny_program_remove();
}

/* ---- Credentials ---- */

KTEST(cred, kernel_threads_act_as_root_with_every_capability)
{
	const struct cred *cred = current_cred();

	KTEST_EXPECT(uid_eq(cred->euid, GLOBAL_ROOT_UID));
	KTEST_EXPECT(capable(CAP_SYS_ADMIN));
	KTEST_EXPECT(capable(CAP_LAST_CAP));
	KTEST_EXPECT(!capable(CAP_LAST_CAP + 1));
	KTEST_EXPECT(in_group_p(GLOBAL_ROOT_GID));
	KTEST_EXPECT(!in_group_p((kgid_t){ 1000 }));
}

KTEST(cred, a_prepared_copy_is_private)
{
	struct cred *copy = cred_prepare();

	KTEST_ASSERT(copy != NULL);
	copy->euid = (kuid_t){ 1000 };
	KTEST_EXPECT(uid_eq(current_cred()->euid, GLOBAL_ROOT_UID));
	cred_abort(copy);
}
