/*
 * line_discipline.c: Linux's "n_tty" rules for typed bytes and program
 * output, without locks or devices, so a host unit test can type at it.
 * kuid/line_discipline.h describes the two buffers (the line being edited,
 * and the bytes ready for readers) and how a byte moves between them.
 */
#include <kuid/line_discipline.h>
#include <kuid/string.h>
#include <uapi/signal.h>

#define CONTROL(letter)	((letter) & 0x1f)
#define DELETE		0x7f

void termios_set_defaults(struct termios *termios)
{
	/* The control characters of Linux's INIT_C_CC, slot by slot. */
	static const uint8_t default_control_characters[NCCS] = {
		[VINTR] = CONTROL('C'),
		[VQUIT] = CONTROL('\\'),
		[VERASE] = DELETE,
		[VKILL] = CONTROL('U'),
		[VEOF] = CONTROL('D'),
		[VTIME] = 0,
		[VMIN] = 1,
		[VSTART] = CONTROL('Q'),
		[VSTOP] = CONTROL('S'),
		[VSUSP] = CONTROL('Z'),
		[VREPRINT] = CONTROL('R'),
		[VDISCARD] = CONTROL('O'),
		[VWERASE] = CONTROL('W'),
		[VLNEXT] = CONTROL('V'),
	};

	memset(termios, 0, sizeof(*termios));
	termios->c_iflag = ICRNL | IXON;
	termios->c_oflag = OPOST | ONLCR;
	termios->c_cflag = B115200 | CS8 | CREAD | HUPCL | CLOCAL;
	termios->c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN;
	memcpy(termios->c_cc, default_control_characters, NCCS);
}

void line_discipline_init(struct line_discipline *discipline, line_discipline_emit_fn emit,
			  void *emit_context)
{
	memset(discipline, 0, sizeof(*discipline));
	termios_set_defaults(&discipline->termios);
	discipline->emit = emit;
	discipline->emit_context = emit_context;
}

static bool local_flag(const struct line_discipline *discipline, uint32_t flag)
{
	return (discipline->termios.c_lflag & flag) != 0;
}

static bool input_flag(const struct line_discipline *discipline, uint32_t flag)
{
	return (discipline->termios.c_iflag & flag) != 0;
}

/* A byte that is a special character now. A slot set to 0 is disabled, as in Linux. */
static bool is_special(const struct line_discipline *discipline, uint8_t byte, int slot)
{
	uint8_t special = discipline->termios.c_cc[slot];

	return special != 0 && byte == special;
}

static bool is_control(uint8_t byte)
{
	return byte < 0x20 || byte == DELETE;
}

/* ---- Output: what programs write, and echo ---- */

void line_discipline_write(struct line_discipline *discipline, const void *bytes, size_t length)
{
	const char *text = bytes;
	bool post_process = (discipline->termios.c_oflag & OPOST) != 0;
	bool newline_to_crlf = post_process && (discipline->termios.c_oflag & ONLCR);
	bool cr_to_newline = post_process && (discipline->termios.c_oflag & OCRNL);
	size_t run_start = 0;

	if (!newline_to_crlf && !cr_to_newline) {
		discipline->emit(discipline->emit_context, text, length);
		return;
	}
	/* Pass unchanged runs through in one piece; rewrite the bytes between them. */
	for (size_t i = 0; i < length; i++) {
		if (text[i] == '\n' && newline_to_crlf) {
			discipline->emit(discipline->emit_context, text + run_start, i - run_start);
			discipline->emit(discipline->emit_context, "\r\n", 2);
			run_start = i + 1;
		} else if (text[i] == '\r' && cr_to_newline) {
			discipline->emit(discipline->emit_context, text + run_start, i - run_start);
			line_discipline_write(discipline, "\n", 1);
			run_start = i + 1;
		}
	}
	discipline->emit(discipline->emit_context, text + run_start, length - run_start);
}

/* Echo a typed byte: with ECHOCTL a control character shows as ^X (tab excepted). */
static void echo_byte(struct line_discipline *discipline, uint8_t byte)
{
	char caret[2] = { '^', (char)(byte ^ 0x40) };

	if (!local_flag(discipline, ECHO))
		return;
	if (local_flag(discipline, ECHOCTL) && is_control(byte) && byte != '\t' && byte != '\n')
		line_discipline_write(discipline, caret, 2);
	else
		line_discipline_write(discipline, &byte, 1);
}

/* How many columns a byte took when it was echoed, so erasing it can rub them out. */
static size_t echoed_width(const struct line_discipline *discipline, uint8_t byte)
{
	if (local_flag(discipline, ECHOCTL) && is_control(byte) && byte != '\t')
		return 2;
	/* A UTF-8 continuation byte shares its column with the byte before it. */
	if (input_flag(discipline, IUTF8) && (byte & 0xc0) == 0x80)
		return 0;
	return 1;
}

/* ---- The ready ring ---- */

static size_t ready_space(const struct line_discipline *discipline)
{
	return LINE_DISCIPLINE_BUFFER_SIZE - discipline->ready_count;
}

static void ready_append(struct line_discipline *discipline, const uint8_t *bytes, size_t length)
{
	for (size_t i = 0; i < length; i++) {
		size_t slot = (discipline->ready_start + discipline->ready_count) %
			      LINE_DISCIPLINE_BUFFER_SIZE;

		discipline->ready[slot] = bytes[i];
		discipline->ready_count++;
	}
}

static size_t ready_take(struct line_discipline *discipline, uint8_t *buffer, size_t length)
{
	length = MIN(length, discipline->ready_count);
	for (size_t i = 0; i < length; i++) {
		buffer[i] = discipline->ready[discipline->ready_start];
		discipline->ready_start = (discipline->ready_start + 1) % LINE_DISCIPLINE_BUFFER_SIZE;
		discipline->ready_count--;
	}
	return length;
}

/* ---- Canonical mode: editing a line ---- */

/*
 * Move the edited line to the readers, with its terminator (newline, EOL)
 * or none (^D). Returns false, dropping nothing, when readers have no room.
 */
static bool complete_line(struct line_discipline *discipline, int terminator)
{
	size_t length = discipline->editing_length + (terminator >= 0 ? 1 : 0);
	uint8_t terminator_byte = (uint8_t)terminator;

	if (length > ready_space(discipline) ||
	    discipline->lines_count == LINE_DISCIPLINE_LINES_MAX)
		return false;
	ready_append(discipline, discipline->editing, discipline->editing_length);
	if (terminator >= 0)
		ready_append(discipline, &terminator_byte, 1);
	discipline->line_lengths[(discipline->lines_start + discipline->lines_count) %
				 LINE_DISCIPLINE_LINES_MAX] = (uint16_t)length;
	discipline->lines_count++;
	discipline->editing_length = 0;
	return true;
}

/* Remove the last typed character (all its bytes, for UTF-8) and rub it out on screen. */
static void erase_one_character(struct line_discipline *discipline, bool rub_out)
{
	size_t columns = 0;
	uint8_t byte;

	do {
		byte = discipline->editing[--discipline->editing_length];
		columns += echoed_width(discipline, byte);
	} while (input_flag(discipline, IUTF8) && (byte & 0xc0) == 0x80 &&
		 discipline->editing_length > 0);

	if (!local_flag(discipline, ECHO) || !rub_out)
		return;
	/* A tab's width depends on the column it started at; kuid rubs out one column. */
	if (columns == 0)
		columns = 1;
	for (size_t i = 0; i < columns; i++)
		discipline->emit(discipline->emit_context, "\b \b", 3);
}

static bool is_word_character(uint8_t byte)
{
	return byte != ' ' && byte != '\t';
}

/* VERASE, VWERASE or VKILL (`slot` says which) in canonical mode. */
static void erase(struct line_discipline *discipline, int slot, uint8_t byte)
{
	bool rub_out = local_flag(discipline, ECHOE);

	if (discipline->editing_length == 0)
		return;
	if (slot == VKILL && !(local_flag(discipline, ECHOKE) && rub_out)) {
		/* Without ECHOKE the line is not rubbed out: the kill character shows instead. */
		discipline->editing_length = 0;
		echo_byte(discipline, byte);
		if (local_flag(discipline, ECHO) && local_flag(discipline, ECHOK))
			line_discipline_write(discipline, "\n", 1);
		return;
	}
	if (slot == VERASE && !rub_out) {
		erase_one_character(discipline, false);
		echo_byte(discipline, byte);
		return;
	}
	if (slot == VERASE) {
		erase_one_character(discipline, true);
		return;
	}
	if (slot == VWERASE) {
		/* Blanks after the word first, then the word itself. */
		while (discipline->editing_length > 0 &&
		       !is_word_character(discipline->editing[discipline->editing_length - 1]))
			erase_one_character(discipline, rub_out);
		while (discipline->editing_length > 0 &&
		       is_word_character(discipline->editing[discipline->editing_length - 1]))
			erase_one_character(discipline, rub_out);
		return;
	}
	while (discipline->editing_length > 0)
		erase_one_character(discipline, true);
}

static void receive_canonical(struct line_discipline *discipline, uint8_t byte)
{
	if (is_special(discipline, byte, VERASE)) {
		erase(discipline, VERASE, byte);
	} else if (is_special(discipline, byte, VKILL)) {
		erase(discipline, VKILL, byte);
	} else if (local_flag(discipline, IEXTEN) && is_special(discipline, byte, VWERASE)) {
		erase(discipline, VWERASE, byte);
	} else if (is_special(discipline, byte, VEOF)) {
		/* ^D pushes the line out as it is; on an empty line, that is end of file. */
		complete_line(discipline, -1);
	} else if (byte == '\n' || is_special(discipline, byte, VEOL) ||
		   (local_flag(discipline, IEXTEN) && is_special(discipline, byte, VEOL2))) {
		if (!complete_line(discipline, byte))
			return;
		if (local_flag(discipline, ECHO) || (byte == '\n' && local_flag(discipline, ECHONL)))
			line_discipline_write(discipline, &byte, 1);
	} else if (discipline->editing_length < LINE_DISCIPLINE_LINE_MAX) {
		discipline->editing[discipline->editing_length++] = byte;
		echo_byte(discipline, byte);
	}
	/* A full line takes nothing more but its end, as in Linux. */
}

/* ---- Receiving ---- */

/* ISIG: the character that raises a signal, or 0. */
static int signal_of(const struct line_discipline *discipline, uint8_t byte)
{
	if (!local_flag(discipline, ISIG))
		return 0;
	if (is_special(discipline, byte, VINTR))
		return SIGINT;
	if (is_special(discipline, byte, VQUIT))
		return SIGQUIT;
	if (is_special(discipline, byte, VSUSP))
		return SIGTSTP;
	return 0;
}

int line_discipline_receive(struct line_discipline *discipline, uint8_t byte)
{
	int signal;

	if (input_flag(discipline, ISTRIP))
		byte &= 0x7f;
	if (byte == '\r') {
		if (input_flag(discipline, IGNCR))
			return 0;
		if (input_flag(discipline, ICRNL))
			byte = '\n';
	} else if (byte == '\n' && input_flag(discipline, INLCR)) {
		byte = '\r';
	}

	/*
	 * IXON's ^S and ^Q would pause and resume output. kuid's output never
	 * queues, so there is nothing to pause; they are consumed as Linux does.
	 */
	if (input_flag(discipline, IXON) &&
	    (is_special(discipline, byte, VSTOP) || is_special(discipline, byte, VSTART)))
		return 0;

	signal = signal_of(discipline, byte);
	if (signal) {
		/* What was typed is thrown away (unless NOFLSH), and ^C shows. */
		if (!local_flag(discipline, NOFLSH))
			line_discipline_flush_input(discipline);
		echo_byte(discipline, byte);
		return signal;
	}

	if (local_flag(discipline, ICANON)) {
		receive_canonical(discipline, byte);
		return 0;
	}
	if (ready_space(discipline) == 0)
		return 0;
	ready_append(discipline, &byte, 1);
	echo_byte(discipline, byte);
	return 0;
}

/* ---- Reading ---- */

bool line_discipline_readable(const struct line_discipline *discipline, size_t minimum)
{
	if (local_flag(discipline, ICANON))
		return discipline->lines_count > 0;
	return discipline->ready_count >= MAX(minimum, (size_t)1);
}

size_t line_discipline_read(struct line_discipline *discipline, void *buffer, size_t size)
{
	uint16_t *line_length;
	size_t taken;

	if (!local_flag(discipline, ICANON))
		return ready_take(discipline, buffer, size);
	if (discipline->lines_count == 0)
		return 0;

	line_length = &discipline->line_lengths[discipline->lines_start];
	taken = ready_take(discipline, buffer, MIN(size, (size_t)*line_length));
	*line_length -= (uint16_t)taken;
	/* A line read to its end (or an end of file, read as 0 bytes) is done. */
	if (*line_length == 0) {
		discipline->lines_start = (discipline->lines_start + 1) % LINE_DISCIPLINE_LINES_MAX;
		discipline->lines_count--;
	}
	return taken;
}

size_t line_discipline_bytes_ready(const struct line_discipline *discipline)
{
	return discipline->ready_count;
}

void line_discipline_flush_input(struct line_discipline *discipline)
{
	discipline->ready_start = 0;
	discipline->ready_count = 0;
	discipline->lines_start = 0;
	discipline->lines_count = 0;
	discipline->editing_length = 0;
}

void line_discipline_set_termios(struct line_discipline *discipline,
				 const struct termios *termios)
{
	bool was_canonical = local_flag(discipline, ICANON);
	bool is_canonical = (termios->c_lflag & ICANON) != 0;

	discipline->termios = *termios;
	if (was_canonical && !is_canonical) {
		/* Line boundaries mean nothing now; a half-typed line becomes readable. */
		discipline->lines_start = 0;
		discipline->lines_count = 0;
		if (discipline->editing_length <= ready_space(discipline))
			ready_append(discipline, discipline->editing, discipline->editing_length);
		discipline->editing_length = 0;
	} else if (!was_canonical && is_canonical && discipline->ready_count > 0) {
		/* Unread raw bytes become the start of the line being edited, as in Linux. */
		discipline->editing_length = ready_take(discipline, discipline->editing,
							LINE_DISCIPLINE_LINE_MAX);
		discipline->ready_count = 0;
	}
}
