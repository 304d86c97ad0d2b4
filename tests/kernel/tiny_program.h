/*
 * tiny_program.h: ktest helpers that run tiny hand-assembled user programs:
 * wrap machine code in a one-segment ELF file, install it at
 * TINY_PROGRAM_PATH, run it as a new process and wait for it.
 */
#ifndef KUID_TESTS_KERNEL_TINY_PROGRAM_H
#define KUID_TESTS_KERNEL_TINY_PROGRAM_H

#include <kuid/elf.h>
#include <kuid/types.h>

#define TINY_PROGRAM_BASE 0x400000UL
/* The code follows the ELF header and the one program header. */
#define TINY_PROGRAM_CODE_OFFSET (sizeof(struct elf64_header) + sizeof(struct elf64_program_header))
#define TINY_PROGRAM_PATH "/tmp/ktest-program"

/* An ELF file (ET_EXEC at TINY_PROGRAM_BASE, or ET_DYN) holding `code`; kfree it. */
uint8_t *tiny_program_build(const uint8_t *code, size_t code_size, uint16_t type, size_t *size);

/* Write the program to TINY_PROGRAM_PATH, mode 0755; 0 or a negative errno. */
int tiny_program_install(const uint8_t *code, size_t code_size);

void tiny_program_remove(void);

/* Run the installed program with argv; its wait status, or -1. */
int tiny_program_run(const char *const *argv);

#endif /* KUID_TESTS_KERNEL_TINY_PROGRAM_H */
