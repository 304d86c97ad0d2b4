/*
 * gdt.c: the global descriptor table and the task state segment.
 * In long mode segments are almost flat; what remains is the privilege level
 * of code and data, and the TSS, which tells the CPU which stack to use when
 * an interrupt arrives from user mode (rsp0) or when a double fault must not
 * reuse a broken stack (IST 1).
 */
#include <kuid/types.h>
#include <kuid/arch.h>
#include <arch/gdt.h>
#include <arch/memory_layout.h>
#include <arch/user_mode.h>

struct task_state_segment {
	uint32_t reserved0;
	uint64_t stack_for_ring[3];
	uint64_t reserved1;
	uint64_t interrupt_stack[7];
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t io_bitmap_offset;
} __packed;

struct descriptor_table_pointer {
	uint16_t limit;
	uint64_t base;
} __packed;

/*
 * The order is not free: syscall loads CS and SS from STAR as kernel code
 * and code + 8; sysret loads user SS from STAR+8 and user CS from STAR+16.
 * So user data must directly precede user code (see memory_layout.h).
 */
static uint64_t gdt[7] = {
	0,
	0x00AF9A000000FFFF,	/* 0x08 kernel code: 64-bit, ring 0 */
	0x00CF92000000FFFF,	/* 0x10 kernel data: ring 0 */
	0x00CFF2000000FFFF,	/* 0x18 user data: ring 3 */
	0x00AFFA000000FFFF,	/* 0x20 user code: 64-bit, ring 3 */
	0, 0,			/* 0x28 TSS: a 16-byte system descriptor */
};

static struct task_state_segment tss;
static uint8_t double_fault_stack[8192] __attribute__((aligned(16)));

#define TSS_TYPE_AVAILABLE_64 0x89

static void gdt_install_tss(void)
{
	uint64_t base = (uint64_t)&tss;
	uint64_t limit = sizeof(tss) - 1;

	gdt[5] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
		 ((uint64_t)TSS_TYPE_AVAILABLE_64 << 40) |
		 (((limit >> 16) & 0xf) << 48) | (((base >> 24) & 0xff) << 56);
	gdt[6] = base >> 32;
}

void gdt_init(void)
{
	struct descriptor_table_pointer pointer = {
		.limit = sizeof(gdt) - 1,
		.base = (uint64_t)gdt,
	};

	tss.interrupt_stack[DOUBLE_FAULT_STACK_INDEX - 1] =
		(uint64_t)(double_fault_stack + sizeof(double_fault_stack));
	tss.io_bitmap_offset = sizeof(tss);	/* no I/O permission bitmap */
	gdt_install_tss();

	/* A far return is the way to reload CS in 64-bit mode. */
	__asm__ volatile("lgdt %0\n\t"
			 "pushq %1\n\t"
			 "leaq 1f(%%rip), %%rax\n\t"
			 "pushq %%rax\n\t"
			 "lretq\n"
			 "1:\n\t"
			 "movw %w2, %%ds\n\t"
			 "movw %w2, %%es\n\t"
			 "movw %w2, %%ss\n\t"
			 "ltr %w3"
			 :
			 : "m"(pointer), "i"(SELECTOR_KERNEL_CODE), "r"(SELECTOR_KERNEL_DATA),
			   "r"(SELECTOR_TSS)
			 : "rax", "memory");
}

void tss_set_kernel_stack(uint64_t stack_top)
{
	tss.stack_for_ring[0] = stack_top;
}

/* Interrupts from ring 3 find the stack in the TSS, system calls in the per-CPU area. */
void arch_set_kernel_stack(uintptr_t stack_top)
{
	tss_set_kernel_stack(stack_top);
	per_cpu_set_kernel_stack(stack_top);
}
