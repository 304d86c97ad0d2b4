/*
 * tty: terminal ioctls. When stdin is a terminal: TCGETS, TIOCGWINSZ, and a
 * TCSETS round trip that puts everything back. Otherwise those are skipped.
 * The ENOTTY and EBADF paths (a file, a pipe, a bad fd) are always checked.
 */
#include "lib/check.h"

#include <sys/ioctl.h>
#include <termios.h>

static void test_not_a_terminal(void)
{
	struct termios settings;
	char name[] = "/tmp/kuid-tty.XXXXXX";
	int fd = mkstemp(name);
	ok(fd >= 0, "a scratch file");
	expect_errno(ioctl(fd, TCGETS, &settings), ENOTTY, "TCGETS on a regular file");
	ok(!isatty(fd), "isatty of a file is false");
	close(fd);
	unlink(name);
	int ends[2];
	pipe(ends);
	expect_errno(ioctl(ends[0], TCGETS, &settings), ENOTTY, "TCGETS on a pipe");
	struct winsize size;
	expect_errno(ioctl(ends[1], TIOCGWINSZ, &size), ENOTTY, "TIOCGWINSZ on a pipe");
	expect_errno(ioctl(999, TCGETS, &settings), EBADF, "TCGETS on a bad fd");
}

static void test_terminal(void)
{
	const int count = 6;
	if (!isatty(0)) {
		for (int i = 0; i < count; i++)
			skip("stdin is not a terminal");
		return;
	}
	struct termios settings, again;
	ok(ioctl(0, TCGETS, &settings) == 0, "TCGETS on stdin");
	struct winsize size;
	memset(&size, 0xff, sizeof size);
	ok(ioctl(0, TIOCGWINSZ, &size) == 0, "TIOCGWINSZ on stdin");
	ok(size.ws_row != 0xffff && size.ws_col != 0xffff, "the window size was filled in (%ux%u)",
	   size.ws_col, size.ws_row);
	ok(ioctl(0, TCSETS, &settings) == 0, "TCSETS with the same settings");
	struct termios changed = settings;
	changed.c_lflag ^= ECHO;
	int set = ioctl(0, TCSETS, &changed) == 0;
	int read_back = ioctl(0, TCGETS, &again) == 0;
	ioctl(0, TCSETS, &settings); /* put the terminal back first */
	ok(set && read_back && (again.c_lflag & ECHO) == (changed.c_lflag & ECHO),
	   "TCSETS changes ECHO and TCGETS sees it");
	ok(ioctl(0, TCGETS, &again) == 0 && again.c_lflag == settings.c_lflag &&
	   again.c_iflag == settings.c_iflag && again.c_oflag == settings.c_oflag,
	   "the settings are back as they were");
}

int main(void)
{
	plan(12);
	scenario("not a terminal", test_not_a_terminal);
	scenario("stdin as a terminal", test_terminal);
	return finish();
}
