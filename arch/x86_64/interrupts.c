/*
 * interrupts.c: the interrupt descriptor table and the one C entry point for
 * every vector. Exceptions (0..31) in kernel mode are reported in full and
 * stop the kernel, except page faults of the user-copy routines; exceptions
 * in user mode go to page_fault.c, which pages in memory or signals the
 * program. Hardware interrupts (32..47) go to registered handlers. Whatever
 * interrupted user mode passes through return_to_user() on its way back.
 */
#include <kuid/panic.h>
#include <kuid/printk.h>
#include <kuid/sched.h>
#include <kuid/task.h>
#include <arch/cpu.h>
#include <arch/gdt.h>
#include <arch/interrupts.h>
#include <arch/memory_layout.h>
#include <arch/user_mode.h>

struct idt_entry {
	uint16_t offset_low;
	uint16_t selector;
	uint8_t interrupt_stack;
	uint8_t type_and_privilege;
	uint16_t offset_middle;
	uint32_t offset_high;
	uint32_t reserved;
} __packed;

struct idt_pointer {
	uint16_t limit;
	uint64_t base;
} __packed;

#define GATE_INTERRUPT_KERNEL	0x8E	/* present, ring 0, interrupt gate */
#define VECTOR_DOUBLE_FAULT	8
#define VECTOR_PAGE_FAULT	14

extern const uint64_t interrupt_stub_table[256];

static struct idt_entry idt[256];
static interrupt_handler_fn irq_handlers[IRQ_COUNT];

static const char *const exception_names[EXCEPTION_COUNT] = {
	[0] = "#DE divide error",
	[1] = "#DB debug",
	[2] = "NMI",
	[3] = "#BP breakpoint",
	[4] = "#OF overflow",
	[5] = "#BR bound range exceeded",
	[6] = "#UD invalid opcode",
	[7] = "#NM device not available",
	[8] = "#DF double fault",
	[10] = "#TS invalid TSS",
	[11] = "#NP segment not present",
	[12] = "#SS stack-segment fault",
	[13] = "#GP general protection fault",
	[14] = "#PF page fault",
	[16] = "#MF x87 floating-point error",
	[17] = "#AC alignment check",
	[18] = "#MC machine check",
	[19] = "#XM SIMD floating-point error",
	[20] = "#VE virtualization exception",
	[21] = "#CP control protection",
};

static void idt_set_gate(unsigned int vector, uint64_t handler, uint8_t interrupt_stack)
{
	idt[vector] = (struct idt_entry){
		.offset_low = handler & 0xffff,
		.selector = SELECTOR_KERNEL_CODE,
		.interrupt_stack = interrupt_stack,
		.type_and_privilege = GATE_INTERRUPT_KERNEL,
		.offset_middle = (handler >> 16) & 0xffff,
		.offset_high = handler >> 32,
	};
}

void idt_init(void)
{
	struct idt_pointer pointer = { .limit = sizeof(idt) - 1, .base = (uint64_t)idt };

	for (unsigned int vector = 0; vector < 256; vector++)
		idt_set_gate(vector, interrupt_stub_table[vector], 0);
	/* A double fault often means the stack is gone: give it its own. */
	idt_set_gate(VECTOR_DOUBLE_FAULT, interrupt_stub_table[VECTOR_DOUBLE_FAULT],
		     DOUBLE_FAULT_STACK_INDEX);
	__asm__ volatile("lidt %0" : : "m"(pointer));
}

void irq_set_handler(unsigned int irq, interrupt_handler_fn handler)
{
	irq_handlers[irq] = handler;
	pic_unmask(irq);
}

void interrupt_frame_print(const struct interrupt_frame *frame)
{
	printk(LOG_EMERG, "  rip %016lx  cs %04lx  rflags %016lx\n", frame->rip, frame->cs,
	       frame->rflags);
	printk(LOG_EMERG, "  rsp %016lx  ss %04lx  error code %lx\n", frame->rsp, frame->ss,
	       frame->error_code);
	printk(LOG_EMERG, "  rax %016lx  rbx %016lx  rcx %016lx\n", frame->rax, frame->rbx,
	       frame->rcx);
	printk(LOG_EMERG, "  rdx %016lx  rsi %016lx  rdi %016lx\n", frame->rdx, frame->rsi,
	       frame->rdi);
	printk(LOG_EMERG, "  rbp %016lx  r8  %016lx  r9  %016lx\n", frame->rbp, frame->r8,
	       frame->r9);
	printk(LOG_EMERG, "  r10 %016lx  r11 %016lx  r12 %016lx\n", frame->r10, frame->r11,
	       frame->r12);
	printk(LOG_EMERG, "  r13 %016lx  r14 %016lx  r15 %016lx\n", frame->r13, frame->r14,
	       frame->r15);
	printk(LOG_EMERG, "  cr2 %016lx  cr3 %016lx\n", read_cr2(), read_cr3());
}

static __noreturn void exception_report(struct interrupt_frame *frame)
{
	unsigned int vector = frame->vector;
	const char *name = exception_names[vector] ? exception_names[vector] : "reserved";

	printk(LOG_EMERG, "EXCEPTION: %s (vector %u, error code %#lx) in kernel mode\n", name,
	       vector, frame->error_code);
	if (vector == VECTOR_PAGE_FAULT)
		printk(LOG_EMERG, "  page fault at address %#lx (%s, %s)\n", read_cr2(),
		       frame->error_code & 2 ? "write" : "read",
		       frame->error_code & 1 ? "protection violation" : "page not present");
	interrupt_frame_print(frame);
	backtrace_print_from(frame->rip, frame->rbp);
	panic("unhandled %s at %#lx", name, frame->rip);
}

void interrupt_dispatch(struct interrupt_frame *frame);

void interrupt_dispatch(struct interrupt_frame *frame)
{
	uint64_t vector = frame->vector;

	if (vector < EXCEPTION_COUNT) {
		if (frame_from_user_mode(frame))
			user_exception(frame);
		else if (!(vector == VECTOR_PAGE_FAULT && kernel_page_fault_fixup(frame)))
			exception_report(frame);
	} else if (vector < IRQ_BASE_VECTOR + IRQ_COUNT) {
		unsigned int irq = vector - IRQ_BASE_VECTOR;

		/* Acknowledge first: the handler may switch to another thread. */
		pic_end_of_interrupt(irq);
		if (irq_handlers[irq])
			irq_handlers[irq](frame);
		scheduler_preempt_if_needed();
	} else {
		printk(LOG_WARNING, "interrupt: unexpected vector %lu ignored\n", vector);
	}
	if (frame_from_user_mode(frame)) {
		return_to_user(frame_user_registers(frame));
		arch_irq_disable();	/* interrupt_return must not be interrupted */
	}
}
