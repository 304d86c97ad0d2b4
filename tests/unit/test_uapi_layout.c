/*
 * Checks that include/uapi/ states the Linux x86_64 ABI exactly: every constant, structure
 * size and field offset is compared with the host's own Linux and C library headers, which
 * uapi_host_values.c and uapi_host_libc_values.c read in translation units of their own.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <uapi/arch_prctl.h>
#include <uapi/auxvec.h>
#include <uapi/capability.h>
#include <uapi/dirent.h>
#include <uapi/errno.h>
#include <uapi/fcntl.h>
#include <uapi/ioctl.h>
#include <uapi/limits.h>
#include <uapi/mman.h>
#include <uapi/mount.h>
#include <uapi/nsfs.h>
#include <uapi/prctl.h>
#include <uapi/random.h>
#include <uapi/resource.h>
#include <uapi/sched.h>
#include <uapi/signal.h>
#include <uapi/stat.h>
#include <uapi/syscall_numbers.h>
#include <uapi/termios.h>
#include <uapi/time.h>
#include <uapi/utsname.h>
#include <uapi/wait.h>

#include "uapi_checks.h"

/* kuid/types.h has ARRAY_SIZE, but on the host it includes <sys/types.h>, whose struct
 * timeval and timespec would collide with uapi/time.h's. */
#define ARRAY_LENGTH(array) (sizeof(array) / sizeof((array)[0]))

/* Sizes Linux documents outright, checked while compiling. */
_Static_assert(sizeof(struct stat) == 144, "struct stat is 144 bytes on x86_64");
_Static_assert(sizeof(struct statx) == 256, "struct statx is 256 bytes");
_Static_assert(sizeof(struct statfs) == 120, "struct statfs is 120 bytes on x86_64");
_Static_assert(sizeof(siginfo_t) == SIGINFO_SIZE, "siginfo_t is 128 bytes");
_Static_assert(sizeof(struct kernel_sigaction) == 32, "rt_sigaction reads 32 bytes");
_Static_assert(sizeof(kernel_sigset_t) == 8, "rt_sigprocmask's sigsetsize is 8");
_Static_assert(sizeof(struct termios) == 36, "TCGETS copies 36 bytes");
_Static_assert(sizeof(struct clone_args) == CLONE_ARGS_SIZE_VER2, "clone_args version 2");
_Static_assert(sizeof(struct new_utsname) == 6 * 65, "uname copies six 65-byte strings");
_Static_assert(sizeof(struct linux_dirent64) == 24, "d_name starts at byte 19");
_Static_assert(offsetof(struct linux_dirent64, d_name) == 19, "d_name starts at byte 19");

static const struct uapi_fact kuid_kernel_constants[] = {
	KERNEL_CONSTANTS(KUID_FACT_SAME, KUID_FACT_RENAMED)
};
static const struct uapi_fact kuid_libc_constants[] = {
	LIBC_CONSTANTS(KUID_FACT_SAME, KUID_FACT_RENAMED)
};
static const struct uapi_fact kuid_kernel_layouts[] = {
	KERNEL_LAYOUTS(KUID_FACT_SIZE, KUID_FACT_FIELD)
};
static const struct uapi_fact kuid_libc_layouts[] = {
	LIBC_LAYOUTS(KUID_FACT_SIZE, KUID_FACT_FIELD, KUID_FACT_OFFSET)
};

/* Compare two tables built from the same list; report every difference, not just one. */
static void expect_same_facts(const struct uapi_fact *kuid, size_t kuid_count,
			      const struct uapi_fact *host, size_t host_count)
{
	int differences = 0;

	assert_int_equal(kuid_count, host_count);
	for (size_t i = 0; i < kuid_count; i++) {
		if (kuid[i].value != host[i].value) {
			print_error("%s is %#llx in kuid, but %s is %#llx on the host\n",
				    kuid[i].name, kuid[i].value, host[i].name, host[i].value);
			differences++;
		}
	}
	assert_int_equal(differences, 0);
}

static void test_constants_match_linux_headers(void **state)
{
	(void)state;
	expect_same_facts(kuid_kernel_constants, ARRAY_LENGTH(kuid_kernel_constants),
			  host_kernel_constants, host_kernel_constant_count);
}

static void test_constants_match_c_library(void **state)
{
	(void)state;
	expect_same_facts(kuid_libc_constants, ARRAY_LENGTH(kuid_libc_constants),
			  host_libc_constants, host_libc_constant_count);
}

static void test_structures_match_linux_headers(void **state)
{
	(void)state;
	expect_same_facts(kuid_kernel_layouts, ARRAY_LENGTH(kuid_kernel_layouts),
			  host_kernel_layouts, host_kernel_layout_count);
}

static void test_structures_match_c_library(void **state)
{
	(void)state;
	expect_same_facts(kuid_libc_layouts, ARRAY_LENGTH(kuid_libc_layouts),
			  host_libc_layouts, host_libc_layout_count);
}

static void expect_same_wait_meaning(int status)
{
	struct wait_status_meaning host;

	host_decode_wait_status(status, &host);
	assert_int_equal(WIFEXITED(status) != 0, host.exited);
	assert_int_equal(WEXITSTATUS(status), host.exit_status);
	assert_int_equal(WIFSIGNALED(status) != 0, host.signaled);
	assert_int_equal(WTERMSIG(status), host.term_signal);
	assert_int_equal(WIFSTOPPED(status) != 0, host.stopped);
	assert_int_equal(WSTOPSIG(status), host.stop_signal);
	assert_int_equal(WIFCONTINUED(status) != 0, host.continued);
	assert_int_equal(WCOREDUMP(status) != 0, host.core_dumped);
}

/* The kernel builds a status word with W_EXITCODE and friends; the C library must read
 * back what the kernel meant. */
static void test_wait_status_encoding_matches_c_library(void **state)
{
	(void)state;
	for (int code = 0; code <= 255; code++) {
		assert_int_equal(W_EXITCODE(code, 0), host_wait_exit_code(code, 0));
		expect_same_wait_meaning(W_EXITCODE(code, 0));
	}
	for (int signal = 1; signal <= SIGSYS; signal++) {
		assert_int_equal(W_EXITCODE(0, signal), host_wait_exit_code(0, signal));
		assert_int_equal(W_STOPCODE(signal), host_wait_stop_code(signal));
		expect_same_wait_meaning(W_EXITCODE(0, signal));
		expect_same_wait_meaning(W_EXITCODE(0, signal) | WCOREFLAG);
		expect_same_wait_meaning(W_STOPCODE(signal));
	}
	expect_same_wait_meaning(W_CONTINUED);
}

static void test_ioctl_numbers_decode(void **state)
{
	(void)state;
	assert_int_equal(_IOR('T', 0x30, unsigned int), TIOCGPTN);
	assert_int_equal(_IOW('T', 0x31, int), TIOCSPTLCK);
	assert_int_equal(_IOC_DIR(TIOCGPTN), _IOC_READ);
	assert_int_equal(_IOC_TYPE(TIOCGPTN), 'T');
	assert_int_equal(_IOC_NR(TIOCGPTN), 0x30);
	assert_int_equal(_IOC_SIZE(TIOCGPTN), sizeof(unsigned int));
	assert_int_equal(NS_GET_USERNS, 0xb701);
	assert_int_equal(_IOC_DIR(NS_GET_OWNER_UID), _IOC_NONE);
}

/* Linux's rt_sigframe on x86_64 is not in its uapi headers; its layout follows from
 * struct ucontext and siginfo_t, which are checked above. */
static void test_rt_sigframe_layout(void **state)
{
	(void)state;
	assert_int_equal(sizeof(struct ucontext), 304);
	assert_int_equal(offsetof(struct rt_sigframe, uc), 8);
	assert_int_equal(offsetof(struct rt_sigframe, info), 8 + 304);
	assert_int_equal(sizeof(struct rt_sigframe), 8 + 304 + 128);
	assert_int_equal(offsetof(struct ucontext, uc_mcontext), 40);
}

static void test_helper_macros(void **state)
{
	(void)state;
	assert_int_equal(SIGRTMAX, 64);
	assert_true(SIGNAL_BIT(SIGRTMAX) == 1ULL << 63);
	assert_true(SIGNAL_BIT(SIGHUP) == 1);
	assert_int_equal(DT_FROM_MODE(S_IFDIR | 0755), DT_DIR);
	assert_int_equal(DT_FROM_MODE(S_IFREG), DT_REG);
	assert_int_equal(DT_FROM_MODE(S_IFLNK), DT_LNK);
	assert_int_equal(DT_FROM_MODE(S_IFCHR), DT_CHR);
	assert_int_equal(DT_FROM_MODE(S_IFBLK), DT_BLK);
	assert_int_equal(DT_FROM_MODE(S_IFIFO), DT_FIFO);
	assert_int_equal(DT_FROM_MODE(S_IFSOCK), DT_SOCK);
	assert_true(S_ISDIR(S_IFDIR | 01777));
	assert_false(S_ISDIR(S_IFREG | 0755));
	assert_int_equal(CAP_TO_INDEX(CAP_LAST_CAP), 1);
	assert_int_equal(CAP_TO_MASK(CAP_SETFCAP), 1u << 31);
	assert_true(CAP_VALID(CAP_CHOWN) && CAP_VALID(CAP_LAST_CAP) && !CAP_VALID(41));
	assert_int_equal(SECURE_ALL_BITS, 0x55);
	assert_int_equal(SECURE_ALL_LOCKS, 0xaa);
}

/* Linux 6.5..6.10 numbers are newer than this host's headers: they continue its table. */
static void test_newest_syscall_numbers_follow_on(void **state)
{
	(void)state;
	assert_int_equal(__NR_cachestat, __NR_set_mempolicy_home_node + 1);
	assert_int_equal(__NR_mseal, __NR_cachestat + 11);
	assert_int_equal(NR_SYSCALLS, __NR_mseal + 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_constants_match_linux_headers),
		cmocka_unit_test(test_constants_match_c_library),
		cmocka_unit_test(test_structures_match_linux_headers),
		cmocka_unit_test(test_structures_match_c_library),
		cmocka_unit_test(test_wait_status_encoding_matches_c_library),
		cmocka_unit_test(test_ioctl_numbers_decode),
		cmocka_unit_test(test_rt_sigframe_layout),
		cmocka_unit_test(test_helper_macros),
		cmocka_unit_test(test_newest_syscall_numbers_follow_on),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
