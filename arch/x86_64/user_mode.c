/*
 * user_mode.c: setting up the `syscall` instruction and the per-CPU area it
 * needs, and the C half of the system-call entry (syscall_entry.S).
 */
#include <kuid/arch.h>
#include <kuid/sched.h>
#include <kuid/syscall.h>
#include <kuid/task.h>
#include <arch/cpu.h>
#include <arch/memory_layout.h>
#include <arch/user_mode.h>

/*
 * STAR: bits 32..47 give the kernel CS for syscall (SS is CS + 8); bits
 * 48..63 give a base for sysret, which loads SS from base + 8 and CS from
 * base + 16. With base = kernel data (0x10) that is user data 0x18 and user
 * code 0x20, the order gdt.c keeps.
 */
#define STAR_VALUE ((uint64_t)SELECTOR_KERNEL_CODE << 32 | \
		    (uint64_t)(SELECTOR_KERNEL_DATA | 3) << 48)

/* Flags cleared on entry: trap, interrupts, direction, I/O level, nested task, alignment check. */
#define SYSCALL_FLAGS_MASK ((1UL << 8) | (1UL << 9) | (1UL << 10) | (3UL << 12) | (1UL << 14) | \
			    (1UL << 18))

extern void syscall_entry(void);

/* One CPU, one area. GS base points at it whenever the CPU runs kernel code. */
static struct per_cpu the_cpu;

void per_cpu_set_kernel_stack(uint64_t stack_top)
{
	the_cpu.kernel_stack_top = stack_top;
}

void user_mode_init(void)
{
	write_msr(MSR_GS_BASE, (uint64_t)&the_cpu);
	write_msr(MSR_KERNEL_GS_BASE, 0);	/* the user's GS base, until swapgs */
	write_msr(MSR_STAR, STAR_VALUE);
	write_msr(MSR_LSTAR, (uint64_t)syscall_entry);
	write_msr(MSR_SYSCALL_MASK, SYSCALL_FLAGS_MASK);
}

void syscall_from_user(struct interrupt_frame *frame)
{
	struct syscall_request request = {
		.number = frame->rax,
		.arguments = { frame->rdi, frame->rsi, frame->rdx, frame->r10, frame->r8, frame->r9 },
	};
	long result;

	arch_irq_enable();
	result = syscall_dispatch(&request);
	/*
	 * A handler that rewrote every register (execve, rt_sigreturn) returns
	 * the value rax must have; all others return their result.
	 */
	frame->rax = result;
	return_to_user(frame_user_registers(frame));
}
