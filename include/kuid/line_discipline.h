/*
 * line_discipline.h: what a terminal does with the bytes typed into it, as
 * pure logic (kernel/tty/line_discipline.c, unit tested on the host).
 *
 * Typed bytes go in through line_discipline_receive(); echo and processed
 * output come out through the `emit` callback; readers take bytes with
 * line_discipline_read(). In canonical mode (ICANON) a line is edited
 * (erase, kill, word erase) until Enter or ^D completes it, and only complete
 * lines are readable. In non-canonical mode every byte is readable at once.
 * The tty (kernel/tty/tty.c) adds locking, sleeping readers and signals.
 */
#ifndef KUID_LINE_DISCIPLINE_H
#define KUID_LINE_DISCIPLINE_H

#include <kuid/types.h>
#include <uapi/termios.h>

#define LINE_DISCIPLINE_BUFFER_SIZE	4096	/* readable bytes, as Linux's n_tty */
#define LINE_DISCIPLINE_LINE_MAX	4095	/* one line being edited */
#define LINE_DISCIPLINE_LINES_MAX	128	/* complete lines waiting for a reader */

typedef void (*line_discipline_emit_fn)(void *context, const char *bytes, size_t length);

struct line_discipline {
	struct termios termios;

	/* Bytes a reader may take, oldest first: a ring. */
	uint8_t ready[LINE_DISCIPLINE_BUFFER_SIZE];
	size_t ready_start;
	size_t ready_count;

	/*
	 * Canonical mode: the length of each complete line in `ready`, oldest
	 * first (a ring). A read never crosses the end of a line. A line ended
	 * by ^D has no terminator, so a line of length 0 is an end of file.
	 */
	uint16_t line_lengths[LINE_DISCIPLINE_LINES_MAX];
	size_t lines_start;
	size_t lines_count;

	/* Canonical mode: the line being typed, not readable yet. */
	uint8_t editing[LINE_DISCIPLINE_LINE_MAX];
	size_t editing_length;

	/* Where echo and output go: the terminal's device. */
	line_discipline_emit_fn emit;
	void *emit_context;
};

/* Linux's defaults (tty_std_termios, with a serial port's cflag). */
void termios_set_defaults(struct termios *termios);

/* An empty line discipline with default settings, emitting through `emit`. */
void line_discipline_init(struct line_discipline *discipline, line_discipline_emit_fn emit,
			  void *emit_context);

/* Install new settings (TCSETS); a switch between modes keeps typed bytes. */
void line_discipline_set_termios(struct line_discipline *discipline,
				 const struct termios *termios);

/*
 * One typed byte. Returns the signal the terminal must send to its
 * foreground process group (SIGINT for ^C, SIGQUIT for ^\, SIGTSTP for ^Z,
 * with ISIG), or 0.
 */
int line_discipline_receive(struct line_discipline *discipline, uint8_t byte);

/* Can a read return now? (a complete line, or at least `minimum` bytes when raw) */
bool line_discipline_readable(const struct line_discipline *discipline, size_t minimum);

/*
 * Take up to `size` bytes. Canonical mode: at most one line; 0 at an end of
 * file (^D on an empty line). Non-canonical: whatever is there.
 */
size_t line_discipline_read(struct line_discipline *discipline, void *buffer, size_t size);

/* Bytes a read would find (FIONREAD). */
size_t line_discipline_bytes_ready(const struct line_discipline *discipline);

/* Throw away everything typed and not yet read (TCFLSH, TCSETSF, signals). */
void line_discipline_flush_input(struct line_discipline *discipline);

/* Program output, processed as c_oflag says (ONLCR: "\n" becomes "\r\n"). */
void line_discipline_write(struct line_discipline *discipline, const void *bytes, size_t length);

#endif /* KUID_LINE_DISCIPLINE_H */
