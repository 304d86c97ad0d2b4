/* Options of wait4 and waitid, and how a child's fate is packed into a wait status word.
 * Linux x86_64 values; the status encoding is the one every Unix C library decodes. */
#ifndef KUID_UAPI_WAIT_H
#define KUID_UAPI_WAIT_H

#define WNOHANG         0x00000001      /* return 0 at once if no child has changed */
#define WUNTRACED       0x00000002      /* also report stopped children */
#define WSTOPPED        WUNTRACED       /* waitid's name for it */
#define WEXITED         0x00000004      /* waitid: report children that ended */
#define WCONTINUED      0x00000008      /* also report children continued by SIGCONT */
#define WNOWAIT         0x01000000      /* waitid: report, but leave the child waitable */
#define __WNOTHREAD     0x20000000      /* only children of this thread */
#define __WALL          0x40000000      /* children of any exit signal */
#define __WCLONE        0x80000000u     /* only children whose exit signal is not SIGCHLD */

/* idtype of waitid. */
#define P_ALL           0
#define P_PID           1
#define P_PGID          2
#define P_PIDFD         3

/* Building a status word (the kernel's side). Bits 0..6: the signal that ended the child,
 * or 0x7f for "stopped"; bit 7: a core was dumped; bits 8..15: the exit code, or the
 * stop signal. */
#define W_EXITCODE(code, sig)   ((((code) & 0xff) << 8) | ((sig) & 0x7f))
#define W_STOPCODE(sig)         ((((sig) & 0xff) << 8) | 0x7f)
#define W_CONTINUED             0xffff
#define WCOREFLAG               0x80

/* Reading a status word (the C library's side). */
#define WEXITSTATUS(status)     (((status) >> 8) & 0xff)
#define WTERMSIG(status)        ((status) & 0x7f)
#define WSTOPSIG(status)        WEXITSTATUS(status)
#define WIFEXITED(status)       (WTERMSIG(status) == 0)
#define WIFSTOPPED(status)      (((status) & 0xff) == 0x7f)
#define WIFSIGNALED(status)     (WTERMSIG(status) != 0 && WTERMSIG(status) != 0x7f)
#define WIFCONTINUED(status)    ((status) == W_CONTINUED)
#define WCOREDUMP(status)       (((status) & WCOREFLAG) != 0)

#endif /* KUID_UAPI_WAIT_H */
