/*
 * Unit tests for the pure signal rules: kernel/signal/signal_rules.c, the
 * signal-set helpers of kuid/signal.h and kernel/signal/signal_restart.c
 * (default actions, masks, ignoring, wait statuses, which interrupted system
 * calls restart). The W* macros are the host C library's (<stdlib.h>).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include <kuid/signal.h>
#include <uapi/errno.h>
#include <uapi/syscall_numbers.h>

static void test_signal_n_is_bit_n_minus_one(void **state)
{
	(void)state;
	assert_int_equal(SIGNAL_BIT(1), 1);
	assert_int_equal(SIGNAL_BIT(SIGKILL), 1 << 8);
	assert_true(SIGNAL_BIT(64) == 1ull << 63);
	assert_true(sigset_has(sigset_add(0, SIGINT), SIGINT));
	assert_false(sigset_has(sigset_remove(sigset_add(0, SIGINT), SIGINT), SIGINT));
}

static void test_lowest_signal_is_delivered_first(void **state)
{
	(void)state;
	assert_int_equal(signal_lowest(0), 0);
	assert_int_equal(signal_lowest(SIGNAL_BIT(SIGTERM) | SIGNAL_BIT(SIGINT)), SIGINT);
	assert_int_equal(signal_lowest(SIGNAL_BIT(64)), 64);
}

static void test_valid_numbers_are_1_to_64(void **state)
{
	(void)state;
	assert_false(signal_is_valid(0));
	assert_true(signal_is_valid(1));
	assert_true(signal_is_valid(64));
	assert_false(signal_is_valid(65));
	assert_false(signal_is_valid(-1));
	assert_true(signal_is_realtime(SIGRTMIN));
	assert_false(signal_is_realtime(SIGSYS));
}

static void test_default_actions_follow_signal_7(void **state)
{
	(void)state;
	assert_int_equal(signal_default_action(SIGINT), SIGNAL_DEFAULT_TERMINATE);
	assert_int_equal(signal_default_action(SIGKILL), SIGNAL_DEFAULT_TERMINATE);
	assert_int_equal(signal_default_action(SIGSEGV), SIGNAL_DEFAULT_CORE);
	assert_int_equal(signal_default_action(SIGQUIT), SIGNAL_DEFAULT_CORE);
	assert_int_equal(signal_default_action(SIGXFSZ), SIGNAL_DEFAULT_CORE);
	assert_int_equal(signal_default_action(SIGCHLD), SIGNAL_DEFAULT_IGNORE);
	assert_int_equal(signal_default_action(SIGWINCH), SIGNAL_DEFAULT_IGNORE);
	assert_int_equal(signal_default_action(SIGURG), SIGNAL_DEFAULT_IGNORE);
	assert_int_equal(signal_default_action(SIGCONT), SIGNAL_DEFAULT_CONTINUE);
	assert_int_equal(signal_default_action(SIGTSTP), SIGNAL_DEFAULT_STOP);
	assert_int_equal(signal_default_action(SIGTTOU), SIGNAL_DEFAULT_STOP);
	assert_int_equal(signal_default_action(SIGRTMIN + 3), SIGNAL_DEFAULT_TERMINATE);
}

static void test_ignored_means_sig_ign_or_a_default_of_ignore(void **state)
{
	struct kernel_sigaction action = { .sa_handler = SIG_DFL };

	(void)state;
	assert_true(signal_is_ignored_by(&action, SIGCHLD));
	assert_false(signal_is_ignored_by(&action, SIGINT));
	assert_true(signal_is_ignored_by(&action, SIGCONT));	/* continued at send time */
	action.sa_handler = SIG_IGN;
	assert_true(signal_is_ignored_by(&action, SIGINT));
	assert_false(signal_is_ignored_by(&action, SIGKILL));
	action.sa_handler = 0x401000;
	assert_false(signal_is_ignored_by(&action, SIGCHLD));
}

static void test_sigprocmask_block_unblock_setmask(void **state)
{
	kernel_sigset_t blocked = SIGNAL_BIT(SIGUSR1);

	(void)state;
	assert_int_equal(sigprocmask_apply(&blocked, SIG_BLOCK, SIGNAL_BIT(SIGUSR2)), 0);
	assert_true(blocked == (SIGNAL_BIT(SIGUSR1) | SIGNAL_BIT(SIGUSR2)));
	assert_int_equal(sigprocmask_apply(&blocked, SIG_UNBLOCK, SIGNAL_BIT(SIGUSR1)), 0);
	assert_true(blocked == SIGNAL_BIT(SIGUSR2));
	assert_int_equal(sigprocmask_apply(&blocked, SIG_SETMASK, SIGNAL_BIT(SIGINT)), 0);
	assert_true(blocked == SIGNAL_BIT(SIGINT));
}

static void test_sigprocmask_rejects_a_bad_how_and_changes_nothing(void **state)
{
	kernel_sigset_t blocked = SIGNAL_BIT(SIGUSR1);

	(void)state;
	assert_int_equal(sigprocmask_apply(&blocked, 3, ~0ull), -EINVAL);
	assert_true(blocked == SIGNAL_BIT(SIGUSR1));
}

static void test_kill_and_stop_are_never_blocked(void **state)
{
	kernel_sigset_t blocked = 0;

	(void)state;
	assert_int_equal(sigprocmask_apply(&blocked, SIG_SETMASK, ~0ull), 0);
	assert_false(sigset_has(blocked, SIGKILL));
	assert_false(sigset_has(blocked, SIGSTOP));
	assert_true(sigset_has(blocked, SIGINT));
}

static void test_death_status_matches_the_c_library_macros(void **state)
{
	int status = signal_death_wait_status(SIGSEGV);

	(void)state;
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGSEGV);
	assert_false(status & 0x80);		/* no core bit: as Linux with RLIMIT_CORE 0 */
	assert_false(WIFEXITED(status));
}

static void test_reads_restart_only_with_sa_restart_when_handled(void **state)
{
	struct kernel_sigaction restarting = { .sa_handler = 0x401000, .sa_flags = SA_RESTART };
	struct kernel_sigaction plain = { .sa_handler = 0x401000 };

	(void)state;
	assert_true(signal_should_restart(__NR_read, NULL));
	assert_true(signal_should_restart(__NR_read, &restarting));
	assert_false(signal_should_restart(__NR_read, &plain));
	assert_true(signal_should_restart(__NR_wait4, &restarting));
	assert_true(signal_should_restart(__NR_ioctl, &restarting));
}

static void test_pause_and_sleeps_restart_only_without_a_handler(void **state)
{
	struct kernel_sigaction restarting = { .sa_handler = 0x401000, .sa_flags = SA_RESTART };

	(void)state;
	assert_true(signal_should_restart(__NR_pause, NULL));
	assert_false(signal_should_restart(__NR_pause, &restarting));
	assert_false(signal_should_restart(__NR_rt_sigsuspend, &restarting));
	assert_false(signal_should_restart(__NR_nanosleep, &restarting));
	assert_false(signal_should_restart(__NR_poll, &restarting));
}

static void test_other_calls_never_restart(void **state)
{
	(void)state;
	assert_false(signal_should_restart(__NR_getpid, NULL));
	assert_false(signal_should_restart(__NR_rt_sigreturn, NULL));
	assert_int_equal(signal_restart_rule_of(-1), SIGNAL_RESTART_NEVER);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_signal_n_is_bit_n_minus_one),
		cmocka_unit_test(test_lowest_signal_is_delivered_first),
		cmocka_unit_test(test_valid_numbers_are_1_to_64),
		cmocka_unit_test(test_default_actions_follow_signal_7),
		cmocka_unit_test(test_ignored_means_sig_ign_or_a_default_of_ignore),
		cmocka_unit_test(test_sigprocmask_block_unblock_setmask),
		cmocka_unit_test(test_sigprocmask_rejects_a_bad_how_and_changes_nothing),
		cmocka_unit_test(test_kill_and_stop_are_never_blocked),
		cmocka_unit_test(test_death_status_matches_the_c_library_macros),
		cmocka_unit_test(test_reads_restart_only_with_sa_restart_when_handled),
		cmocka_unit_test(test_pause_and_sleeps_restart_only_without_a_handler),
		cmocka_unit_test(test_other_calls_never_restart),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
