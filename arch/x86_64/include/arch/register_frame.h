/*
 * register_frame.h: how the entry code saves the general registers into a
 * struct interrupt_frame (interrupts.h) and takes them back. interrupt_entry.S
 * and syscall_entry.S both use these macros, so the order of the pushes, which
 * is the layout of the struct, is written down once.
 */
#ifndef ARCH_REGISTER_FRAME_H
#define ARCH_REGISTER_FRAME_H

/* Offsets in struct interrupt_frame, for the assembly (checked in interrupts.h). */
#define FRAME_R11			(4 * 8)
#define FRAME_RCX			(12 * 8)
#define FRAME_RIP			(17 * 8)
#define FRAME_CS			(18 * 8)
#define FRAME_RFLAGS			(19 * 8)
#define FRAME_RSP			(20 * 8)
#define FRAME_SS			(21 * 8)
#define FRAME_SIZE			(22 * 8)

#ifdef __ASSEMBLY__

/*
 * Below the vector and the error code already on the stack: rax first, r15
 * last, so r15 ends at the lowest address, the start of the struct.
 */
	.macro save_general_registers
	pushq	%rax
	pushq	%rbx
	pushq	%rcx
	pushq	%rdx
	pushq	%rsi
	pushq	%rdi
	pushq	%rbp
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	.endm

/* The reverse: the vector and the error code are left on the stack. */
	.macro restore_general_registers
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rbp
	popq	%rdi
	popq	%rsi
	popq	%rdx
	popq	%rcx
	popq	%rbx
	popq	%rax
	.endm

#endif /* __ASSEMBLY__ */
#endif
