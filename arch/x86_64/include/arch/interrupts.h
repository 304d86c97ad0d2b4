/*
 * interrupts.h: the interrupt frame and handler registration (interrupts.c).
 */
#ifndef ARCH_INTERRUPTS_H
#define ARCH_INTERRUPTS_H

#include <kuid/types.h>
#include <arch/register_frame.h>

/* What interrupt_entry.S leaves on the stack, lowest address first. */
struct interrupt_frame {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t vector;
	uint64_t error_code;
	/* Pushed by the CPU. */
	uint64_t rip, cs, rflags, rsp, ss;
};

/* The assembly's offsets (register_frame.h) must be the struct's. */
_Static_assert(offsetof(struct interrupt_frame, r11) == FRAME_R11, "frame layout");
_Static_assert(offsetof(struct interrupt_frame, rcx) == FRAME_RCX, "frame layout");
_Static_assert(offsetof(struct interrupt_frame, rip) == FRAME_RIP, "frame layout");
_Static_assert(offsetof(struct interrupt_frame, cs) == FRAME_CS, "frame layout");
_Static_assert(offsetof(struct interrupt_frame, rflags) == FRAME_RFLAGS, "frame layout");
_Static_assert(offsetof(struct interrupt_frame, rsp) == FRAME_RSP, "frame layout");
_Static_assert(offsetof(struct interrupt_frame, ss) == FRAME_SS, "frame layout");
_Static_assert(sizeof(struct interrupt_frame) == FRAME_SIZE, "frame layout");

#define EXCEPTION_COUNT		32
#define IRQ_BASE_VECTOR		32	/* the PIC's 16 lines land at 32..47 */
#define IRQ_COUNT		16
#define IRQ_TIMER		0
#define IRQ_COM1		4

typedef void (*interrupt_handler_fn)(struct interrupt_frame *frame);

void idt_init(void);
void irq_set_handler(unsigned int irq, interrupt_handler_fn handler);

static inline bool frame_from_user_mode(const struct interrupt_frame *frame)
{
	return (frame->cs & 3) == 3;
}

/* Print the registers of a frame, for exception and panic reports. */
void interrupt_frame_print(const struct interrupt_frame *frame);

/* Print return addresses by walking saved frame pointers from rbp. */
void backtrace_print_from(uint64_t rip, uint64_t rbp);

/* Programmable interrupt controller (pic.c) and timer (pit.c). */
void pic_init(void);
void pic_unmask(unsigned int irq);
void pic_end_of_interrupt(unsigned int irq);
void pit_init(unsigned int ticks_per_second);

#endif
