/*
 * random.h: random bytes for programs (getrandom, AT_RANDOM) and the kernel.
 * NOT cryptographic: the generator is xorshift64*, seeded from rdrand when
 * the CPU has it and from the time-stamp counter otherwise. Good enough for
 * hash-table seeds and stack canaries in a teaching kernel, not for keys.
 */
#ifndef KUID_RANDOM_H
#define KUID_RANDOM_H

#include <kuid/types.h>

void random_bytes(void *buffer, size_t length);

#endif
