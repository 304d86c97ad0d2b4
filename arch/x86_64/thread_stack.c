/*
 * thread_stack.c: the first stack frame of a new kernel thread, laid out as
 * if the thread had called arch_context_switch itself: six saved registers
 * and a return address. The return address is the trampoline, which calls
 * the start function kept in the saved r12. After `ret` the stack pointer is
 * stack_top, 16-byte aligned, as the ABI wants it just before a call.
 */
#include <kuid/arch.h>

extern void thread_entry_trampoline(void);

struct initial_frame {
	uint64_t r15, r14, r13, r12, rbx, rbp;
	uint64_t return_address;
};

uintptr_t arch_thread_initial_stack(void *stack_top, void (*start)(void))
{
	struct initial_frame *frame = (struct initial_frame *)stack_top - 1;

	*frame = (struct initial_frame){
		.r12 = (uint64_t)start,
		.return_address = (uint64_t)thread_entry_trampoline,
	};
	return (uintptr_t)frame;
}
