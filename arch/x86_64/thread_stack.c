/*
 * thread_stack.c: the first stack frame of a new kernel thread, laid out as
 * if the thread had called arch_context_switch itself: six saved registers
 * and a return address. The return address is the trampoline, which calls
 * the start function kept in the saved r12. After `ret` the stack pointer is
 * 16-byte aligned, as the ABI wants it just before a call.
 *
 * The very top of every stack is kept free for the user registers that an
 * entry from ring 3 saves there (struct user_registers): a thread that later
 * runs a user program must not have its own frames in that place.
 */
#include <kuid/arch.h>
#include <arch/user_mode.h>

extern void thread_entry_trampoline(void);

struct initial_frame {
	uint64_t r15, r14, r13, r12, rbx, rbp;
	uint64_t return_address;
};

uintptr_t arch_thread_initial_stack(void *stack_top, void (*start)(void))
{
	char *below_user_registers = (char *)stack_top - sizeof(struct user_registers);
	struct initial_frame *frame = (struct initial_frame *)below_user_registers - 1;

	_Static_assert(sizeof(struct user_registers) % 16 == 0, "keeps the stack 16-byte aligned");
	*frame = (struct initial_frame){
		.r12 = (uint64_t)start,
		.return_address = (uint64_t)thread_entry_trampoline,
	};
	return (uintptr_t)frame;
}
