/*
 * user_copy.S: the only instructions that touch user memory. If one of them
 * faults on a page that cannot be paged in, the page-fault handler
 * (page_fault.c) sees that rip lies between user_copy_start and
 * user_copy_end and resumes at user_copy_fault instead, which returns -EFAULT
 * to the caller. The routines are leaf functions that push nothing, so the
 * return address is on top of the stack wherever they fault.
 */
#define EFAULT 14

	.text
	.globl	user_copy_start
user_copy_start:

/*
 * Both move 8 bytes per step (movsq, stosq), then the last 0 to 7 one by one.
 * Under QEMU's TCG each step of a `rep` instruction is one pass through a
 * block of translated code, so `rep movsb` alone cost a pass per byte: the
 * 100 bytes of a small read were 100 passes (docs/benchmarks.md).
 */

/* int arch_copy_user(void *destination (rdi), const void *source (rsi), size_t length (rdx)) */
	.globl	arch_copy_user
arch_copy_user:
	movq	%rdx, %rcx
	shrq	$3, %rcx		/* whole words */
	rep movsq
	movq	%rdx, %rcx
	andq	$7, %rcx		/* the bytes left */
	rep movsb
	xorl	%eax, %eax
	ret

/* int arch_clear_user(void *destination (rdi), size_t length (rsi)) */
	.globl	arch_clear_user
arch_clear_user:
	movq	%rsi, %rcx
	shrq	$3, %rcx
	xorl	%eax, %eax
	rep stosq
	movq	%rsi, %rcx
	andq	$7, %rcx
	rep stosb
	ret

	.globl	user_copy_end
user_copy_end:

	.globl	user_copy_fault
user_copy_fault:
	movl	$-EFAULT, %eax
	ret
