/*
 * tty_tests.c: in-kernel tests of a terminal with no hardware behind it:
 * bytes typed with tty_receive, output caught in a buffer. They check what
 * a reader gets (blocking and not), what is echoed, ioctls from the kernel's
 * side, and that ^C reaches the foreground process group as SIGINT.
 */
#include <kuid/heap.h>
#include <kuid/ktest.h>
#include <kuid/sched.h>
#include <kuid/signal.h>
#include <kuid/string.h>
#include <kuid/task.h>
#include <kuid/tty.h>
#include <uapi/errno.h>

struct screen {
	char text[512];
	size_t length;
};

static void screen_output(void *driver_data, const char *bytes, size_t length)
{
	struct screen *screen = driver_data;

	length = MIN(length, sizeof(screen->text) - 1 - screen->length);
	memcpy(screen->text + screen->length, bytes, length);
	screen->length += length;
	screen->text[screen->length] = '\0';
}

struct test_terminal {
	struct tty tty;
	struct screen screen;
};

static struct test_terminal *terminal_create(void)
{
	struct test_terminal *terminal = kzalloc(sizeof(*terminal));

	if (terminal)
		tty_setup(&terminal->tty, "test tty", screen_output, &terminal->screen);
	return terminal;
}

static void type(struct test_terminal *terminal, const char *keys)
{
	tty_receive(&terminal->tty, keys, strlen(keys));
}

KTEST(tty, canonical_read_returns_one_edited_line)
{
	struct test_terminal *terminal = terminal_create();
	char buffer[32] = { 0 };

	KTEST_ASSERT(terminal != NULL);
	type(terminal, "ecko\x7f\x7fho hi\r");
	KTEST_EXPECT_EQ(tty_read(&terminal->tty, buffer, sizeof(buffer), true), 8);
	KTEST_EXPECT(memcmp(buffer, "echo hi\n", 8) == 0);
	KTEST_EXPECT(strcmp(terminal->screen.text, "ecko\b \b\b \bho hi\r\n") == 0);
	kfree(terminal);
}

KTEST(tty, nonblocking_read_without_a_line_says_eagain)
{
	struct test_terminal *terminal = terminal_create();
	char buffer[8];

	KTEST_ASSERT(terminal != NULL);
	type(terminal, "partial");
	KTEST_EXPECT_EQ(tty_read(&terminal->tty, buffer, sizeof(buffer), true), -EAGAIN);
	kfree(terminal);
}

KTEST(tty, kill_and_eof)
{
	struct test_terminal *terminal = terminal_create();
	char buffer[16];

	KTEST_ASSERT(terminal != NULL);
	type(terminal, "junk\x15" "\x04");
	KTEST_EXPECT_EQ(tty_read(&terminal->tty, buffer, sizeof(buffer), true), 0);
	kfree(terminal);
}

struct blocking_read {
	struct tty *tty;
	char buffer[16];
	ssize_t result;
};

static void read_a_line(void *argument)
{
	struct blocking_read *reader = argument;

	reader->result = tty_read(reader->tty, reader->buffer, sizeof(reader->buffer), false);
}

KTEST(tty, blocked_reader_wakes_when_the_line_is_complete)
{
	struct test_terminal *terminal = terminal_create();
	struct blocking_read reader = { .result = -1 };
	struct thread *thread;

	KTEST_ASSERT(terminal != NULL);
	reader.tty = &terminal->tty;
	thread = thread_create("tty reader", read_a_line, &reader, 0);
	KTEST_ASSERT(thread != NULL);
	thread_sleep_milliseconds(20);
	type(terminal, "ok");
	thread_sleep_milliseconds(20);
	KTEST_EXPECT_EQ(reader.result, -1);	/* no line yet: still waiting */
	type(terminal, "\r");
	thread_join(thread);
	KTEST_EXPECT_EQ(reader.result, 3);
	KTEST_EXPECT(memcmp(reader.buffer, "ok\n", 3) == 0);
	kfree(terminal);
}

KTEST(tty, write_turns_newlines_into_crlf)
{
	struct test_terminal *terminal = terminal_create();

	KTEST_ASSERT(terminal != NULL);
	KTEST_EXPECT_EQ(tty_write(&terminal->tty, "a\nb\n", 4), 4);
	KTEST_EXPECT(strcmp(terminal->screen.text, "a\r\nb\r\n") == 0);
	kfree(terminal);
}

/*
 * What a program does with tcsetattr to read bytes rather than lines: turn
 * off local modes (ICANON among them) and say how many bytes (VMIN) or how
 * long (VTIME, in tenths of a second) a read waits for.
 */
static void set_noncanonical(struct test_terminal *terminal, uint32_t local_modes_off,
			     uint8_t minimum_bytes, uint8_t tenths_to_wait)
{
	struct termios termios = terminal->tty.discipline.termios;

	termios.c_lflag &= ~local_modes_off;
	termios.c_cc[VMIN] = minimum_bytes;
	termios.c_cc[VTIME] = tenths_to_wait;
	line_discipline_set_termios(&terminal->tty.discipline, &termios);
}

KTEST(tty, raw_mode_reads_bytes_at_once_without_echo)
{
	struct test_terminal *terminal = terminal_create();
	char buffer[8];

	KTEST_ASSERT(terminal != NULL);
	set_noncanonical(terminal, ICANON | ECHO | ISIG, 1, 0);	/* as cfmakeraw */
	type(terminal, "\x03x");
	KTEST_EXPECT_EQ(tty_read(&terminal->tty, buffer, sizeof(buffer), true), 2);
	KTEST_EXPECT_EQ(buffer[0], 3);
	KTEST_EXPECT_EQ(terminal->screen.length, 0);
	kfree(terminal);
}

KTEST(tty, vmin_zero_read_returns_at_once)
{
	struct test_terminal *terminal = terminal_create();
	char buffer[8];

	KTEST_ASSERT(terminal != NULL);
	set_noncanonical(terminal, ICANON, 0, 0);
	KTEST_EXPECT_EQ(tty_read(&terminal->tty, buffer, sizeof(buffer), false), 0);
	kfree(terminal);
}

KTEST(tty, default_window_is_80_by_24)
{
	struct test_terminal *terminal = terminal_create();

	KTEST_ASSERT(terminal != NULL);
	KTEST_EXPECT_EQ(terminal->tty.window_size.ws_col, 80);
	KTEST_EXPECT_EQ(terminal->tty.window_size.ws_row, 24);
	kfree(terminal);
}

KTEST(tty, control_c_sends_sigint_to_the_foreground_group)
{
	struct test_terminal *terminal = terminal_create();
	struct process *process = kzalloc(sizeof(*process));
	struct task *task = kzalloc(sizeof(*task));
	struct signal_handlers *handlers = signal_handlers_create();
	unsigned long irq_state;

	KTEST_ASSERT(terminal && process && task && handlers);
	/* A stand-in process in group 4100, the terminal's foreground group. */
	process->pid = 4100;
	process->process_group = 4100;
	process->state = PROCESS_ALIVE;
	list_init(&process->threads);
	signal_queue_init(&process->shared_pending);
	task->process = process;
	list_add_tail(&process->threads, &task->process_node);
	task_signals_init(&task->signals, handlers, NULL, &process->shared_pending);
	terminal->tty.foreground_group = 4100;
	irq_state = tasks_lock();
	pid_table_add_process(process);
	tasks_unlock(irq_state);

	type(terminal, "sleep 100\x03");

	irq_state = tasks_lock();
	pid_table_remove_process(process);
	tasks_unlock(irq_state);
	KTEST_EXPECT(sigset_has(process->shared_pending.signals, SIGINT));
	KTEST_EXPECT(strcmp(terminal->screen.text, "sleep 100^C") == 0);
	KTEST_EXPECT_EQ(line_discipline_bytes_ready(&terminal->tty.discipline), 0);

	task_signals_destroy(&task->signals);
	signal_queue_flush(&process->shared_pending);
	kfree(task);
	kfree(process);
	kfree(terminal);
}

KTEST(tty, console_is_registered_for_com1)
{
	/* tty_init ran at boot; COM1 is always there under QEMU. */
	KTEST_ASSERT(tty_serial(0) != NULL);
	KTEST_EXPECT(strcmp(tty_serial(0)->name, "ttyS0") == 0);
	KTEST_EXPECT(tty_serial(TTY_SERIAL_COUNT) == NULL);
}
