/*
 * poll.h: waiting for any of several files to become ready.
 *
 * A file says whether it is ready through its poll operation (kuid/file.h).
 * To sleep until one of many files changes, kuid keeps one wait queue for the
 * whole system: every driver that makes a file readable or writable (a pipe
 * getting data or losing its writer, a terminal receiving a line) calls
 * poll_notify(), and every sleeping poll()/select() wakes and looks again.
 * That costs some needless wake-ups, which one CPU and a handful of processes
 * do not notice, and it keeps drivers free of poll bookkeeping.
 */
#ifndef KUID_POLL_H
#define KUID_POLL_H

struct file;

/* Wake every task sleeping in poll or select. */
void poll_notify(void);

/* What the file is ready for (POLLIN, POLLOUT, POLLHUP, ...). */
unsigned int file_poll(struct file *file);

#endif
