/*
 * user_mode.h: how x86_64 enters and leaves ring 3 (user_mode.c, syscall_entry.S).
 * Shared by assembly and C: the per-CPU area that the syscall entry reaches
 * through GS, and the offsets of the saved registers it needs.
 */
#ifndef ARCH_USER_MODE_H
#define ARCH_USER_MODE_H

/*
 * The per-CPU area. `syscall` does not switch stacks, so its entry code finds
 * the kernel stack here (GS base points at this area while in the kernel;
 * swapgs exchanges it with the user's GS base at each crossing).
 */
#define PER_CPU_KERNEL_STACK_TOP	0	/* the running thread's stack top */
#define PER_CPU_USER_STACK_POINTER	8	/* scratch: user rsp during entry */

/*
 * The `vector` of a frame saved by syscall_entry.S, which is no interrupt.
 * Its `error_code` slot then holds the system-call number (what Linux calls
 * orig_rax), because rax itself is overwritten by the return value.
 */
#define SYSCALL_FRAME_VECTOR		0x100

/* The offsets of the saved registers are in register_frame.h. */

#define USER_CODE_SELECTOR_RPL3		0x23	/* SELECTOR_USER_CODE | 3 */
#define USER_DATA_SELECTOR_RPL3		0x1b	/* SELECTOR_USER_DATA | 3 */

#ifndef __ASSEMBLY__

#include <kuid/types.h>
#include <arch/interrupts.h>

struct per_cpu {
	uint64_t kernel_stack_top;
	uint64_t user_stack_pointer;
};

/*
 * The saved user registers that kernel/ handles through kuid/user_registers.h:
 * on x86_64, exactly the frame an interrupt or a syscall leaves at the top of
 * the thread's kernel stack. Wrapping it in a struct keeps the portable code
 * from depending on the layout.
 */
struct user_registers {
	struct interrupt_frame frame;
};

static inline struct interrupt_frame *user_registers_frame(struct user_registers *registers)
{
	return &registers->frame;
}

static inline struct user_registers *frame_user_registers(struct interrupt_frame *frame)
{
	return container_of(frame, struct user_registers, frame);
}

/* Program STAR, LSTAR, SFMASK and the GS bases; called once by arch_early_init. */
void user_mode_init(void);

/* Where the next entry from ring 3 saves its registers. */
void per_cpu_set_kernel_stack(uint64_t stack_top);

/* The C side of syscall_entry.S. */
void syscall_from_user(struct interrupt_frame *frame);

/* An exception (vector < 32) raised by user code: resolve it or signal the task. */
void user_exception(struct interrupt_frame *frame);

/*
 * A page fault in kernel mode. True if it was resolved: a user page was
 * paged in for a user-copy routine, or the copy now returns -EFAULT.
 */
bool kernel_page_fault_fixup(struct interrupt_frame *frame);

/* The user-copy routines (user_copy.S): 0, or -EFAULT if a page faulted. */
int arch_copy_user(void *destination, const void *source, size_t length);
int arch_clear_user(void *destination, size_t length);

/* True if rip lies inside one of the user-copy routines. */
bool user_copy_contains(uint64_t rip);

#endif /* __ASSEMBLY__ */
#endif
