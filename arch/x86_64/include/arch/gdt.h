/* gdt.h: segments and the task state segment (see gdt.c). */
#ifndef ARCH_GDT_H
#define ARCH_GDT_H

#include <stdint.h>

/* The interrupt stack table slot (1-based) that double faults run on. */
#define DOUBLE_FAULT_STACK_INDEX 1

void gdt_init(void);

/* The stack the CPU switches to when an interrupt or syscall leaves ring 3. */
void tss_set_kernel_stack(uint64_t stack_top);

#endif
