/*
 * context_switch.S: switch from one kernel thread to another.
 * Only the callee-saved registers need saving (the C caller assumes the
 * others are clobbered anyway): rbx, rbp, r12-r15. They are pushed on the old
 * stack, the stack pointers are exchanged, and the same registers are popped
 * from the new stack. `ret` then returns into the new thread.
 *
 * void arch_context_switch(uintptr_t *saved_stack_pointer (rdi),
 *                          uintptr_t next_stack_pointer (rsi));
 */
	.text
	.globl	arch_context_switch
arch_context_switch:
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	mov	%rsp, (%rdi)
	mov	%rsi, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	ret

/*
 * A new thread's first "return" lands here, with the start function in r12
 * (see thread_stack.c). rbp is 0 so backtraces stop at the thread's origin.
 */
	.globl	thread_entry_trampoline
thread_entry_trampoline:
	xor	%ebp, %ebp
	call	*%r12
	ud2			/* start functions never return */
