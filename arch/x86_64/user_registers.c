/*
 * user_registers.c: kuid/user_registers.h on x86_64, where the saved user
 * registers are the struct interrupt_frame at the top of the kernel stack.
 */
#include <kuid/sched.h>
#include <kuid/string.h>
#include <kuid/user_registers.h>
#include <arch/memory_layout.h>
#include <arch/user_mode.h>

#define RFLAGS_ALWAYS_ONE	(1UL << 1)
#define RFLAGS_INTERRUPTS	(1UL << 9)

struct user_registers *user_registers_of(struct thread *thread)
{
	char *stack_top = (char *)thread->stack + THREAD_STACK_SIZE;

	return (struct user_registers *)(stack_top - sizeof(struct user_registers));
}

uintptr_t user_registers_instruction_pointer(const struct user_registers *registers)
{
	return registers->frame.rip;
}

uintptr_t user_registers_stack_pointer(const struct user_registers *registers)
{
	return registers->frame.rsp;
}

void user_registers_set_instruction_pointer(struct user_registers *registers, uintptr_t value)
{
	registers->frame.rip = value;
}

void user_registers_set_stack_pointer(struct user_registers *registers, uintptr_t value)
{
	registers->frame.rsp = value;
}

long user_registers_return_value(const struct user_registers *registers)
{
	return (long)registers->frame.rax;
}

void user_registers_set_return_value(struct user_registers *registers, long value)
{
	registers->frame.rax = (uint64_t)value;
}

long user_registers_syscall_number(const struct user_registers *registers)
{
	if (registers->frame.vector != SYSCALL_FRAME_VECTOR)
		return -1;
	return (long)registers->frame.error_code;
}

unsigned long user_registers_syscall_argument(const struct user_registers *registers,
					      unsigned int index)
{
	const struct interrupt_frame *frame = &registers->frame;
	const uint64_t arguments[] = { frame->rdi, frame->rsi, frame->rdx,
				       frame->r10, frame->r8, frame->r9 };

	return index < ARRAY_SIZE(arguments) ? arguments[index] : 0;
}

void user_registers_clear_syscall(struct user_registers *registers)
{
	registers->frame.vector = 0;
	registers->frame.error_code = 0;
}

size_t user_registers_size(void)
{
	return sizeof(struct user_registers);
}

void user_registers_init(struct user_registers *registers, uintptr_t instruction_pointer,
			 uintptr_t stack_pointer)
{
	memset(registers, 0, sizeof(*registers));
	registers->frame.rip = instruction_pointer;
	registers->frame.rsp = stack_pointer;
	registers->frame.cs = USER_CODE_SELECTOR_RPL3;
	registers->frame.ss = USER_DATA_SELECTOR_RPL3;
	registers->frame.rflags = RFLAGS_ALWAYS_ONE | RFLAGS_INTERRUPTS;
}
