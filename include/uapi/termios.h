/* Terminal settings as the TCGETS/TCSETS ioctls exchange them on Linux x86_64, the flag bits,
 * the control character slots, and the terminal ioctl request numbers. */
#ifndef KUID_UAPI_TERMIOS_H
#define KUID_UAPI_TERMIOS_H

#include <stdint.h>

/* The kernel's termios: 36 bytes, no speed fields (those are in termios2, not used here).
 * The C library's struct termios is bigger; it converts. */
#define NCCS 19

struct termios {
	uint32_t c_iflag;               /* input processing */
	uint32_t c_oflag;               /* output processing */
	uint32_t c_cflag;               /* hardware control, including the baud rate */
	uint32_t c_lflag;               /* line discipline: echo, canonical mode, signals */
	uint8_t c_line;                 /* line discipline number, 0 */
	uint8_t c_cc[NCCS];             /* special characters, indexed by V* */
};

struct winsize {
	uint16_t ws_row;
	uint16_t ws_col;
	uint16_t ws_xpixel;
	uint16_t ws_ypixel;
};

/* Indices into c_cc. */
#define VINTR           0               /* ^C: SIGINT */
#define VQUIT           1               /* ^\: SIGQUIT */
#define VERASE          2               /* DEL: erase a character */
#define VKILL           3               /* ^U: erase the line */
#define VEOF            4               /* ^D: end of file */
#define VTIME           5               /* non-canonical read timeout, tenths of a second */
#define VMIN            6               /* non-canonical read minimum byte count */
#define VSWTC           7
#define VSTART          8               /* ^Q */
#define VSTOP           9               /* ^S */
#define VSUSP           10              /* ^Z: SIGTSTP */
#define VEOL            11
#define VREPRINT        12              /* ^R */
#define VDISCARD        13              /* ^O */
#define VWERASE         14              /* ^W: erase a word */
#define VLNEXT          15              /* ^V: take the next character literally */
#define VEOL2           16

/* c_iflag. */
#define IGNBRK          0x0001
#define BRKINT          0x0002
#define IGNPAR          0x0004
#define PARMRK          0x0008
#define INPCK           0x0010
#define ISTRIP          0x0020
#define INLCR           0x0040          /* NL to CR */
#define IGNCR           0x0080          /* drop CR */
#define ICRNL           0x0100          /* CR to NL */
#define IUCLC           0x0200
#define IXON            0x0400          /* ^S/^Q stop and start output */
#define IXANY           0x0800
#define IXOFF           0x1000
#define IMAXBEL         0x2000
#define IUTF8           0x4000          /* erase removes whole UTF-8 characters */

/* c_oflag. */
#define OPOST           0x0001          /* process output at all */
#define OLCUC           0x0002
#define ONLCR           0x0004          /* NL to CR NL */
#define OCRNL           0x0008
#define ONOCR           0x0010
#define ONLRET          0x0020
#define OFILL           0x0040
#define OFDEL           0x0080

/* c_cflag. */
#define CBAUD           0x0000100f
#define B0              0x00000000      /* hang up */
#define B9600           0x0000000d
#define B19200          0x0000000e
#define B38400          0x0000000f
#define B57600          0x00001001
#define B115200         0x00001002
#define CSIZE           0x00000030
#define CS5             0x00000000
#define CS6             0x00000010
#define CS7             0x00000020
#define CS8             0x00000030
#define CSTOPB          0x00000040
#define CREAD           0x00000080
#define PARENB          0x00000100
#define PARODD          0x00000200
#define HUPCL           0x00000400
#define CLOCAL          0x00000800

/* c_lflag. */
#define ISIG            0x00001         /* INTR, QUIT, SUSP send signals */
#define ICANON          0x00002         /* line by line, with editing */
#define XCASE           0x00004
#define ECHO            0x00008
#define ECHOE           0x00010         /* ERASE rubs out the character */
#define ECHOK           0x00020
#define ECHONL          0x00040
#define NOFLSH          0x00080
#define TOSTOP          0x00100         /* SIGTTOU on background writes */
#define ECHOCTL         0x00200         /* echo control characters as ^X */
#define ECHOPRT         0x00400
#define ECHOKE          0x00800
#define FLUSHO          0x01000
#define PENDIN          0x04000
#define IEXTEN          0x08000
#define EXTPROC         0x10000

/* tcflush's queue selector (the TCFLSH argument). */
#define TCIFLUSH        0
#define TCOFLUSH        1
#define TCIOFLUSH       2

/* Terminal ioctl requests. */
#define TCGETS          0x5401          /* read struct termios */
#define TCSETS          0x5402          /* set it now */
#define TCSETSW         0x5403          /* set it after output drains */
#define TCSETSF         0x5404          /* drain output, discard input, set it */
#define TCSBRK          0x5409          /* tcdrain when the argument is 1 */
#define TCXONC          0x540A
#define TCFLSH          0x540B
#define TIOCEXCL        0x540C
#define TIOCNXCL        0x540D
#define TIOCSCTTY       0x540E          /* make this the session's controlling terminal */
#define TIOCGPGRP       0x540F          /* foreground process group */
#define TIOCSPGRP       0x5410
#define TIOCOUTQ        0x5411
#define TIOCSTI         0x5412
#define TIOCGWINSZ      0x5413          /* read struct winsize */
#define TIOCSWINSZ      0x5414          /* set it; SIGWINCH to the foreground group */
#define FIONREAD        0x541B          /* bytes ready to read */
#define TIOCINQ         FIONREAD
#define TIOCCONS        0x541D
#define FIONBIO         0x5421          /* set or clear O_NONBLOCK */
#define TIOCNOTTY       0x5422          /* give up the controlling terminal */
#define TIOCSETD        0x5423
#define TIOCGETD        0x5424
#define TIOCGSID        0x5429          /* session of the terminal */
#define TIOCGPTN        0x80045430      /* _IOR('T', 0x30, unsigned int): pty number */
#define TIOCSPTLCK      0x40045431      /* _IOW('T', 0x31, int): lock or unlock a pty */
#define FIONCLEX        0x5450          /* clear FD_CLOEXEC */
#define FIOCLEX         0x5451          /* set FD_CLOEXEC */
#define FIOASYNC        0x5452

#endif /* KUID_UAPI_TERMIOS_H */
