/*
 * Unit tests for kernel/tty/line_discipline.c: type bytes at a terminal with
 * no hardware behind it, then check what a reader gets and what was echoed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include <kuid/line_discipline.h>
#include <kuid/string.h>
#include <uapi/signal.h>

/* Everything the terminal sent to the "screen". */
struct screen {
	char text[8192];
	size_t length;
};

static void screen_emit(void *context, const char *bytes, size_t length)
{
	struct screen *screen = context;

	assert_true(screen->length + length < sizeof(screen->text));
	memcpy(screen->text + screen->length, bytes, length);
	screen->length += length;
	screen->text[screen->length] = '\0';
}

struct terminal {
	struct line_discipline discipline;
	struct screen screen;
};

static int setup(void **state)
{
	struct terminal *terminal = calloc(1, sizeof(*terminal));

	line_discipline_init(&terminal->discipline, screen_emit, &terminal->screen);
	*state = terminal;
	return 0;
}

static int teardown(void **state)
{
	free(*state);
	return 0;
}

/* Type a string; returns the last signal raised, or 0. */
static int type(struct terminal *terminal, const char *keys)
{
	int raised = 0;

	for (size_t i = 0; keys[i]; i++) {
		int signal = line_discipline_receive(&terminal->discipline, (uint8_t)keys[i]);

		if (signal)
			raised = signal;
	}
	return raised;
}

/* Read once into a NUL-terminated buffer; returns the byte count. */
static size_t read_text(struct terminal *terminal, char *buffer, size_t size)
{
	size_t count = line_discipline_read(&terminal->discipline, buffer, size - 1);

	buffer[count] = '\0';
	return count;
}

static void test_defaults_are_linux_defaults(void **state)
{
	struct terminal *terminal = *state;
	const struct termios *termios = &terminal->discipline.termios;

	assert_int_equal(termios->c_iflag, ICRNL | IXON);
	assert_int_equal(termios->c_oflag, OPOST | ONLCR);
	assert_int_equal(termios->c_lflag,
			 ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN);
	assert_int_equal(termios->c_cc[VINTR], 3);
	assert_int_equal(termios->c_cc[VERASE], 0x7f);
	assert_int_equal(termios->c_cc[VEOF], 4);
	assert_int_equal(termios->c_cc[VMIN], 1);
	assert_int_equal(termios->c_cc[VTIME], 0);
}

static void test_canonical_line_is_readable_only_after_enter(void **state)
{
	struct terminal *terminal = *state;
	char buffer[64];

	type(terminal, "ls");
	assert_false(line_discipline_readable(&terminal->discipline, 1));
	assert_int_equal(read_text(terminal, buffer, sizeof(buffer)), 0);
	type(terminal, "\r");	/* Enter sends CR; ICRNL makes it a newline */
	assert_true(line_discipline_readable(&terminal->discipline, 1));
	assert_int_equal(line_discipline_bytes_ready(&terminal->discipline), 3);
	assert_int_equal(read_text(terminal, buffer, sizeof(buffer)), 3);
	assert_string_equal(buffer, "ls\n");
	/* Echo went through ONLCR: the newline shows as CR LF. */
	assert_string_equal(terminal->screen.text, "ls\r\n");
}

static void test_a_read_stops_at_the_end_of_a_line(void **state)
{
	struct terminal *terminal = *state;
	char buffer[64];

	type(terminal, "one\rtwo\r");
	assert_int_equal(read_text(terminal, buffer, sizeof(buffer)), 4);
	assert_string_equal(buffer, "one\n");
	assert_int_equal(read_text(terminal, buffer, 3), 2);
	assert_string_equal(buffer, "tw");
	assert_int_equal(read_text(terminal, buffer, sizeof(buffer)), 2);
	assert_string_equal(buffer, "o\n");
	assert_false(line_discipline_readable(&terminal->discipline, 1));
}

static void test_erase_removes_the_last_character_and_rubs_it_out(void **state)
{
	struct terminal *terminal = *state;
	char buffer[64];

	type(terminal, "lsx\x7f\b\r");	/* DEL erases; ^H is an ordinary byte by default */
	read_text(terminal, buffer, sizeof(buffer));
	assert_string_equal(buffer, "ls\b\n");
	assert_string_equal(terminal->screen.text, "lsx\b \b^H\r\n");
}

static void test_erase_of_a_control_character_rubs_out_both_columns(void **state)
{
	struct terminal *terminal = *state;

	type(terminal, "a\x01\x7f");
	assert_string_equal(terminal->screen.text, "a^A\b \b\b \b");
}

static void test_erase_at_the_start_of_a_line_does_nothing(void **state)
{
	struct terminal *terminal = *state;

	type(terminal, "\x7f\x7f");
	assert_int_equal(terminal->screen.length, 0);
	assert_int_equal(terminal->discipline.editing_length, 0);
}

static void test_erase_removes_a_whole_utf8_character_with_iutf8(void **state)
{
	struct terminal *terminal = *state;
	struct termios termios = terminal->discipline.termios;
	char buffer[64];

	termios.c_iflag |= IUTF8;
	line_discipline_set_termios(&terminal->discipline, &termios);
	type(terminal, "a\xc3\xa9\x7f\r");	/* "aé", erase, Enter */
	read_text(terminal, buffer, sizeof(buffer));
	assert_string_equal(buffer, "a\n");
}

static void test_kill_erases_the_whole_line(void **state)
{
	struct terminal *terminal = *state;
	char buffer[64];

	type(terminal, "abc\x15xy\r");	/* ^U */
	read_text(terminal, buffer, sizeof(buffer));
	assert_string_equal(buffer, "xy\n");
	assert_string_equal(terminal->screen.text, "abc\b \b\b \b\b \bxy\r\n");
}

static void test_kill_without_echoke_echoes_the_kill_character(void **state)
{
	struct terminal *terminal = *state;
	struct termios termios = terminal->discipline.termios;

	termios.c_lflag &= ~ECHOKE;
	line_discipline_set_termios(&terminal->discipline, &termios);
	type(terminal, "abc\x15");
	assert_string_equal(terminal->screen.text, "abc^U\r\n");
	assert_int_equal(terminal->discipline.editing_length, 0);
}

static void test_word_erase_removes_the_last_word(void **state)
{
	struct terminal *terminal = *state;
	char buffer[64];

	type(terminal, "echo hello  \x17world\r");	/* ^W */
	read_text(terminal, buffer, sizeof(buffer));
	assert_string_equal(buffer, "echo world\n");
}

static void test_eof_on_an_empty_line_reads_as_zero_bytes(void **state)
{
	struct terminal *terminal = *state;
	char buffer[64];

	type(terminal, "\x04");
	assert_true(line_discipline_readable(&terminal->discipline, 1));
	assert_int_equal(read_text(terminal, buffer, sizeof(buffer)), 0);
	/* The end of file was consumed by that read. */
	assert_false(line_discipline_readable(&terminal->discipline, 1));
	assert_int_equal(terminal->screen.length, 0);	/* ^D is not echoed */
}

static void test_eof_after_text_pushes_the_line_without_a_newline(void **state)
{
	struct terminal *terminal = *state;
	char buffer[64];

	type(terminal, "abc\x04" "def\r");
	assert_int_equal(read_text(terminal, buffer, sizeof(buffer)), 3);
	assert_string_equal(buffer, "abc");
	assert_int_equal(read_text(terminal, buffer, sizeof(buffer)), 4);
	assert_string_equal(buffer, "def\n");
}

static void test_interrupt_raises_sigint_flushes_and_echoes(void **state)
{
	struct terminal *terminal = *state;

	type(terminal, "one\rtyped");
	assert_int_equal(type(terminal, "\x03"), SIGINT);
	assert_int_equal(line_discipline_bytes_ready(&terminal->discipline), 0);
	assert_int_equal(terminal->discipline.editing_length, 0);
	assert_string_equal(terminal->screen.text, "one\r\ntyped^C");
}

static void test_quit_and_suspend_raise_their_signals(void **state)
{
	struct terminal *terminal = *state;

	assert_int_equal(type(terminal, "\x1c"), SIGQUIT);
	assert_int_equal(type(terminal, "\x1a"), SIGTSTP);
}

static void test_without_isig_control_c_is_an_ordinary_byte(void **state)
{
	struct terminal *terminal = *state;
	struct termios termios = terminal->discipline.termios;
	char buffer[8];

	termios.c_lflag &= ~(ISIG | ICANON);
	line_discipline_set_termios(&terminal->discipline, &termios);
	assert_int_equal(type(terminal, "\x03"), 0);
	assert_int_equal(read_text(terminal, buffer, sizeof(buffer)), 1);
	assert_int_equal(buffer[0], 3);
}

static void test_raw_mode_makes_each_byte_readable_at_once(void **state)
{
	struct terminal *terminal = *state;
	struct termios termios = terminal->discipline.termios;
	char buffer[64];

	termios.c_lflag &= ~(ICANON | ECHO);
	termios.c_iflag &= ~ICRNL;
	line_discipline_set_termios(&terminal->discipline, &termios);
	type(terminal, "a\r\x7f");
	assert_true(line_discipline_readable(&terminal->discipline, 1));
	assert_false(line_discipline_readable(&terminal->discipline, 4));
	assert_int_equal(read_text(terminal, buffer, sizeof(buffer)), 3);
	assert_memory_equal(buffer, "a\r\x7f", 3);
	assert_int_equal(terminal->screen.length, 0);
}

static void test_leaving_canonical_mode_keeps_the_half_typed_line(void **state)
{
	struct terminal *terminal = *state;
	struct termios termios = terminal->discipline.termios;
	char buffer[64];

	type(terminal, "half");
	termios.c_lflag &= ~ICANON;
	line_discipline_set_termios(&terminal->discipline, &termios);
	assert_int_equal(read_text(terminal, buffer, sizeof(buffer)), 4);
	assert_string_equal(buffer, "half");
}

static void test_echo_off_echoes_nothing(void **state)
{
	struct terminal *terminal = *state;
	struct termios termios = terminal->discipline.termios;

	termios.c_lflag &= ~ECHO;
	line_discipline_set_termios(&terminal->discipline, &termios);
	type(terminal, "secret\x7f\x15\r");
	assert_int_equal(terminal->screen.length, 0);
}

static void test_output_newlines_become_crlf_only_with_opost_and_onlcr(void **state)
{
	struct terminal *terminal = *state;
	struct termios termios = terminal->discipline.termios;

	line_discipline_write(&terminal->discipline, "a\nb\n", 4);
	assert_string_equal(terminal->screen.text, "a\r\nb\r\n");
	termios.c_oflag &= ~OPOST;
	line_discipline_set_termios(&terminal->discipline, &termios);
	line_discipline_write(&terminal->discipline, "c\n", 2);
	assert_string_equal(terminal->screen.text, "a\r\nb\r\nc\n");
}

static void test_flow_control_characters_are_consumed(void **state)
{
	struct terminal *terminal = *state;
	char buffer[64];

	type(terminal, "a\x13\x11" "b\r");
	read_text(terminal, buffer, sizeof(buffer));
	assert_string_equal(buffer, "ab\n");
}

static void test_a_full_line_accepts_only_its_end(void **state)
{
	struct terminal *terminal = *state;
	static char buffer[LINE_DISCIPLINE_BUFFER_SIZE + 1];

	for (size_t i = 0; i < LINE_DISCIPLINE_LINE_MAX + 10; i++)
		line_discipline_receive(&terminal->discipline, 'x');
	assert_int_equal(terminal->discipline.editing_length, LINE_DISCIPLINE_LINE_MAX);
	type(terminal, "\r");
	assert_int_equal(read_text(terminal, buffer, sizeof(buffer)),
			 LINE_DISCIPLINE_LINE_MAX + 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define TEST(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
		TEST(test_defaults_are_linux_defaults),
		TEST(test_canonical_line_is_readable_only_after_enter),
		TEST(test_a_read_stops_at_the_end_of_a_line),
		TEST(test_erase_removes_the_last_character_and_rubs_it_out),
		TEST(test_erase_of_a_control_character_rubs_out_both_columns),
		TEST(test_erase_at_the_start_of_a_line_does_nothing),
		TEST(test_erase_removes_a_whole_utf8_character_with_iutf8),
		TEST(test_kill_erases_the_whole_line),
		TEST(test_kill_without_echoke_echoes_the_kill_character),
		TEST(test_word_erase_removes_the_last_word),
		TEST(test_eof_on_an_empty_line_reads_as_zero_bytes),
		TEST(test_eof_after_text_pushes_the_line_without_a_newline),
		TEST(test_interrupt_raises_sigint_flushes_and_echoes),
		TEST(test_quit_and_suspend_raise_their_signals),
		TEST(test_without_isig_control_c_is_an_ordinary_byte),
		TEST(test_raw_mode_makes_each_byte_readable_at_once),
		TEST(test_leaving_canonical_mode_keeps_the_half_typed_line),
		TEST(test_echo_off_echoes_nothing),
		TEST(test_output_newlines_become_crlf_only_with_opost_and_onlcr),
		TEST(test_flow_control_characters_are_consumed),
		TEST(test_a_full_line_accepts_only_its_end),
#undef TEST
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
