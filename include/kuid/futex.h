/*
 * futex.h: fast user-space locks. A futex is a 32-bit word in user memory;
 * threads lock and unlock it with atomic instructions alone, and enter the
 * kernel only to sleep until the word changes (FUTEX_WAIT) or to wake those
 * sleeping on it (FUTEX_WAKE). pthread mutexes, condition variables and
 * pthread_join are built on it. docs/processes.md has the story.
 */
#ifndef KUID_FUTEX_H
#define KUID_FUTEX_H

#include <kuid/types.h>

struct address_space;

/*
 * Wake up to `count` threads waiting on the word at address in space (any
 * sharing, as a FUTEX_WAKE without FUTEX_PRIVATE_FLAG). Returns how many were
 * woken, or -EFAULT if no mapping holds address. Thread exit uses it for
 * CLONE_CHILD_CLEARTID, which is how pthread_join learns a thread ended.
 */
int futex_wake(struct address_space *space, uintptr_t address, int count);

#endif
