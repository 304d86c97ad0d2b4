/*
 * interrupt_entry.S: one small stub per interrupt vector. Each stub makes the
 * stack look the same (an error code, real or 0, then the vector number),
 * saves every general register into a struct interrupt_frame (the macros of
 * register_frame.h) and calls interrupt_dispatch() in interrupts.c.
 */
#include <arch/memory_layout.h>
#include <arch/register_frame.h>

/* Vectors for which the CPU itself pushes an error code. */
#define HAS_ERROR_CODE(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || \
			   (v) == 21 || (v) == 29 || (v) == 30)

	.altmacro
	.macro interrupt_stub vector
	.balign 16
interrupt_stub_\vector:
	.if !HAS_ERROR_CODE(\vector)
	pushq	$0
	.endif
	pushq	$\vector
	jmp	interrupt_common
	.endm

	.macro stub_address vector
	.quad	interrupt_stub_\vector
	.endm

	.text
	.set	vector, 0
	.rept	256
	interrupt_stub %vector
	.set	vector, vector + 1
	.endr

interrupt_common:
	save_general_registers
	cld

	/* From user mode, GS must point at the kernel's per-CPU data. */
	testb	$3, FRAME_CS(%rsp)
	jz	1f
	swapgs
1:
	mov	%rsp, %rdi
	call	interrupt_dispatch

	.globl	interrupt_return
interrupt_return:
	testb	$3, FRAME_CS(%rsp)
	jz	2f
	swapgs
2:
	restore_general_registers
	add	$16, %rsp	/* the vector and the error code */
	iretq

	.section .rodata
	.balign 8
	.globl	interrupt_stub_table
interrupt_stub_table:
	.set	vector, 0
	.rept	256
	stub_address %vector
	.set	vector, vector + 1
	.endr
