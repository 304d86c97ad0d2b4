/*
 * Unit tests for the pure parts of execve: the "#!" line (kernel/exec/
 * script_parse.c) and the initial stack of a new program (kernel/exec/
 * initial_stack.c), read back word by word the way a C library's start-up
 * code reads it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include <kuid/exec.h>
#include <kuid/string.h>
#include <uapi/auxvec.h>
#include <uapi/errno.h>

/* ---- "#!" lines ---- */

static int parse(const char *text, struct script_line *line)
{
	return script_parse(text, strlen(text), line);
}

static void test_interpreter_alone(void **state)
{
	struct script_line line;

	(void)state;
	assert_int_equal(parse("#!/bin/sh\necho hi\n", &line), 0);
	assert_string_equal(line.interpreter, "/bin/sh");
	assert_false(line.has_argument);
}

static void test_argument_keeps_inner_spaces(void **state)
{
	struct script_line line;

	(void)state;
	assert_int_equal(parse("#!  /usr/bin/env   python3 -u  \t\nrest", &line), 0);
	assert_string_equal(line.interpreter, "/usr/bin/env");
	assert_true(line.has_argument);
	assert_string_equal(line.argument, "python3 -u");
}

static void test_line_without_newline_at_end_of_file(void **state)
{
	struct script_line line;

	(void)state;
	/* A file shorter than the header ends the line, as Linux's NUL padding does. */
	assert_int_equal(parse("#!/bin/busybox sh", &line), 0);
	assert_string_equal(line.interpreter, "/bin/busybox");
	assert_string_equal(line.argument, "sh");
	/* A NUL ends the line as well as a newline does. */
	assert_int_equal(script_parse("#!/bin/sh\0garbage", 18, &line), 0);
	assert_string_equal(line.interpreter, "/bin/sh");
	assert_false(line.has_argument);
}

static void test_not_a_script(void **state)
{
	struct script_line line;

	(void)state;
	assert_int_equal(parse("\177ELF", &line), -ENOEXEC);
	assert_int_equal(parse("#/bin/sh\n", &line), -ENOEXEC);
	assert_int_equal(parse("#!\n", &line), -ENOEXEC);
	assert_int_equal(parse("#!   \t\n", &line), -ENOEXEC);
	assert_int_equal(parse("#", &line), -ENOEXEC);
}

static void test_interpreter_cut_by_the_header_size(void **state)
{
	char text[SCRIPT_HEADER_SIZE + 10];
	struct script_line line;

	(void)state;
	memset(text, 'a', sizeof(text));
	text[0] = '#';
	text[1] = '!';
	text[2] = '/';
	assert_int_equal(script_parse(text, sizeof(text), &line), -ENOEXEC);
	/* A long argument may be cut: only the interpreter must be whole. */
	text[10] = ' ';
	assert_int_equal(script_parse(text, sizeof(text), &line), 0);
	assert_int_equal(strlen(line.argument), SCRIPT_HEADER_SIZE - 11);
}

/* ---- The initial stack ---- */

#define STACK_TOP 0x7ffffffde000UL
#define IMAGE_SIZE 4096

static uint8_t image[IMAGE_SIZE];

static uint64_t word_at(uintptr_t address)
{
	uint64_t value;

	assert_true(address >= STACK_TOP - IMAGE_SIZE && address + 8 <= STACK_TOP);
	memcpy(&value, image + (address - (STACK_TOP - IMAGE_SIZE)), sizeof(value));
	return value;
}

static const char *string_at(uintptr_t address)
{
	assert_true(address >= STACK_TOP - IMAGE_SIZE && address < STACK_TOP);
	return (const char *)image + (address - (STACK_TOP - IMAGE_SIZE));
}

static void test_stack_reads_back_like_libc_reads_it(void **state)
{
	const char *argv[] = { "/bin/echo", "hello", "world" };
	const char *envp[] = { "HOME=/", "TERM=linux" };
	struct auxv_entry auxv[] = {
		{ AT_PAGESZ, 4096 }, { AT_RANDOM, 0 }, { AT_EXECFN, 0 }, { AT_PLATFORM, 0 },
	};
	struct initial_stack_input input = {
		.argv = argv, .argc = 3, .envp = envp, .envc = 2,
		.execfn = "/bin/echo", .platform = "x86_64",
		.random = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 },
		.auxv = auxv, .auxv_count = 4,
	};
	uintptr_t sp, word;

	(void)state;
	assert_int_equal(initial_stack_build(&input, STACK_TOP, image, IMAGE_SIZE, &sp), 0);
	assert_int_equal(sp % 16, 0);	/* the ABI: rsp is 16-byte aligned at argc */
	assert_int_equal(word_at(sp), 3);
	for (int i = 0; i < 3; i++)
		assert_string_equal(string_at(word_at(sp + 8 + 8 * i)), argv[i]);
	assert_int_equal(word_at(sp + 32), 0);
	word = sp + 40;
	for (int i = 0; i < 2; i++, word += 8)
		assert_string_equal(string_at(word_at(word)), envp[i]);
	assert_int_equal(word_at(word), 0);
	word += 8;

	assert_int_equal(word_at(word), AT_PAGESZ);
	assert_int_equal(word_at(word + 8), 4096);
	assert_int_equal(word_at(word + 16), AT_RANDOM);
	assert_memory_equal(string_at(word_at(word + 24)), input.random, 16);
	assert_int_equal(word_at(word + 32), AT_EXECFN);
	assert_string_equal(string_at(word_at(word + 40)), "/bin/echo");
	assert_int_equal(word_at(word + 48), AT_PLATFORM);
	assert_string_equal(string_at(word_at(word + 56)), "x86_64");
	assert_int_equal(word_at(word + 64), AT_NULL);
	assert_int_equal(word_at(word + 72), 0);

	/* Linux's order: argv strings lowest, then envp strings, execfn at the very top. */
	assert_true(word_at(sp + 8) < word_at(sp + 40));
	assert_int_equal(word_at(STACK_TOP - 8), 0);
	assert_string_equal(string_at(STACK_TOP - 8 - strlen("/bin/echo") - 1), "/bin/echo");
}

static void test_stack_too_small_is_e2big(void **state)
{
	char long_string[IMAGE_SIZE];
	const char *argv[] = { long_string };
	struct initial_stack_input input = {
		.argv = argv, .argc = 1, .execfn = "/x", .platform = "x86_64",
	};
	uintptr_t sp;

	(void)state;
	memset(long_string, 'x', sizeof(long_string) - 1);
	long_string[sizeof(long_string) - 1] = '\0';
	assert_int_equal(initial_stack_build(&input, STACK_TOP, image, IMAGE_SIZE, &sp), -E2BIG);
	long_string[IMAGE_SIZE - 200] = '\0';
	assert_int_equal(initial_stack_build(&input, STACK_TOP, image, IMAGE_SIZE, &sp), 0);
	assert_int_equal(sp % 16, 0);
}

static void test_empty_argv_and_envp(void **state)
{
	struct initial_stack_input input = { .execfn = "/init", .platform = "x86_64" };
	uintptr_t sp;

	(void)state;
	assert_int_equal(initial_stack_build(&input, STACK_TOP, image, IMAGE_SIZE, &sp), 0);
	assert_int_equal(word_at(sp), 0);		/* argc */
	assert_int_equal(word_at(sp + 8), 0);		/* argv's NULL */
	assert_int_equal(word_at(sp + 16), 0);		/* envp's NULL */
	assert_int_equal(word_at(sp + 24), AT_NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_interpreter_alone),
		cmocka_unit_test(test_argument_keeps_inner_spaces),
		cmocka_unit_test(test_line_without_newline_at_end_of_file),
		cmocka_unit_test(test_not_a_script),
		cmocka_unit_test(test_interpreter_cut_by_the_header_size),
		cmocka_unit_test(test_stack_reads_back_like_libc_reads_it),
		cmocka_unit_test(test_stack_too_small_is_e2big),
		cmocka_unit_test(test_empty_argv_and_envp),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
