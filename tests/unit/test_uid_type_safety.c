/*
 * Compile-time checks of include/kuid/uidgid.h (R1.1): mixing kernel ids with user ids, uids
 * with gids, or comparing them with == must not compile. Each case compiles
 * tests/unit/compile_fail/uid_mix.c with one mistake switched on and expects the compiler to
 * refuse; the file without any mistake must compile. The compiler is $HOSTCC (default gcc);
 * the tests run from the top of the source tree, as `make unit` does.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <cmocka.h>

#define SOURCE "tests/unit/compile_fail/uid_mix.c"

static const char *host_compiler(void)
{
	const char *compiler = getenv("HOSTCC");

	return compiler && *compiler ? compiler : "gcc";
}

/* The exit status of compiling SOURCE with -D<define> (none if define is NULL). */
static int compile_with(const char *define)
{
	char command[512];

	snprintf(command, sizeof(command),
		 "%s -std=gnu11 -fsyntax-only -Wall -Werror -Iinclude %s%s %s 2>/dev/null",
		 host_compiler(), define ? "-D" : "", define ? define : "", SOURCE);
	return system(command);
}

/* Skip, saying why, when there is no compiler or no source tree to compile. */
static int check_compiler(void **state)
{
	char command[256];

	(void)state;
	snprintf(command, sizeof(command), "%s --version >/dev/null 2>&1", host_compiler());
	if (access(SOURCE, R_OK) != 0) {
		printf("skipped: %s not found (run from the top of the source tree)\n", SOURCE);
		return 0;
	}
	if (system(command) != 0) {
		printf("skipped: no host compiler '%s' (set HOSTCC)\n", host_compiler());
		return 0;
	}
	*state = (void *)1;
	return 0;
}

#define NEEDS_COMPILER()      \
	do {                  \
		if (!*state)  \
			skip(); \
	} while (0)

static void test_correct_code_compiles(void **state)
{
	NEEDS_COMPILER();
	assert_int_equal(compile_with(NULL), 0);
}

static void test_user_id_into_kernel_id_fails(void **state)
{
	NEEDS_COMPILER();
	assert_int_not_equal(compile_with("MIX_KUID_FROM_INTEGER"), 0);
}

static void test_kernel_id_into_user_id_fails(void **state)
{
	NEEDS_COMPILER();
	assert_int_not_equal(compile_with("MIX_UID_FROM_KUID"), 0);
}

static void test_comparing_with_equals_fails(void **state)
{
	NEEDS_COMPILER();
	assert_int_not_equal(compile_with("MIX_COMPARE_WITH_EQUALS"), 0);
}

static void test_uid_with_gid_fails(void **state)
{
	NEEDS_COMPILER();
	assert_int_not_equal(compile_with("MIX_KUID_WITH_KGID"), 0);
}

static void test_uid_with_literal_fails(void **state)
{
	NEEDS_COMPILER();
	assert_int_not_equal(compile_with("MIX_KUID_WITH_LITERAL"), 0);
}

int main(void)
{
	static void *compiler_found;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_prestate(test_correct_code_compiles, &compiler_found),
		cmocka_unit_test_prestate(test_user_id_into_kernel_id_fails, &compiler_found),
		cmocka_unit_test_prestate(test_kernel_id_into_user_id_fails, &compiler_found),
		cmocka_unit_test_prestate(test_comparing_with_equals_fails, &compiler_found),
		cmocka_unit_test_prestate(test_uid_with_gid_fails, &compiler_found),
		cmocka_unit_test_prestate(test_uid_with_literal_fails, &compiler_found),
	};

	check_compiler(&compiler_found);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
