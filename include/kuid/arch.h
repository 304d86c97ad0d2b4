/*
 * arch.h: everything the portable kernel asks of the CPU and the board.
 * arch/x86_64 implements these; kernel/ never includes an arch/ header.
 */
#ifndef KUID_ARCH_H
#define KUID_ARCH_H

#include <kuid/boot_info.h>
#include <kuid/types.h>

/* Bring up the console, segments and interrupt table: enough to report faults. */
void arch_early_init(void);

/* Start the periodic timer; interrupts are enabled by the scheduler. */
void arch_timer_init(unsigned int ticks_per_second);

/* The console: the first serial port. */
void arch_console_write(const char *text, size_t length);

/*
 * Serial ports 0..2 (COM1..COM3) for the ttys (kernel/tty/). Output is raw
 * and polled; once enabled, each received byte goes to tty_receive_from_interrupt.
 */
#define ARCH_SERIAL_PORTS 3
bool arch_serial_present(unsigned int port);
void arch_serial_write(unsigned int port, const char *bytes, size_t length);
void arch_serial_enable_receive(unsigned int port);

/*
 * Leave QEMU with a verdict (through the isa-debug-exit device), or halt
 * forever on a machine that has no such device.
 */
__noreturn void arch_exit(bool success);

/* Interrupt state. arch_irq_save disables and returns what to restore. */
unsigned long arch_irq_save(void);
void arch_irq_restore(unsigned long state);
void arch_irq_enable(void);
void arch_irq_disable(void);
bool arch_irq_enabled(void);

/* Wait for the next interrupt (enables interrupts while waiting). */
void arch_cpu_idle(void);

/* A hint inside busy-wait loops. */
void arch_cpu_relax(void);

/* Print the chain of return addresses starting at the caller's frame. */
void arch_print_backtrace(void);

/*
 * Threads. arch_context_switch saves the callee-saved registers on the
 * current stack, stores the stack pointer in *saved_stack_pointer and resumes
 * whatever was saved on next_stack_pointer. arch_thread_initial_stack lays out
 * a fresh stack so that the first switch to it calls start().
 */
void arch_context_switch(uintptr_t *saved_stack_pointer, uintptr_t next_stack_pointer);
uintptr_t arch_thread_initial_stack(void *stack_top, void (*start)(void));

/* The stack the CPU enters the kernel on from user mode (the running thread's). */
void arch_set_kernel_stack(uintptr_t stack_top);

/* What user programs learn about the CPU: AT_HWCAP (CPUID leaf 1, edx). */
unsigned long arch_elf_hwcap(void);

/* A random number from the CPU (rdrand), if it has such an instruction. */
bool arch_hardware_random(uint64_t *value);

/* A counter that runs fast and never goes back (the TSC): a seed, not a clock. */
uint64_t arch_cycle_counter(void);

/* The battery-backed clock (CMOS RTC), in seconds since 1970, UTC. */
int64_t arch_read_wall_clock(void);

/* Physical memory the kernel must never hand out: the image, low memory. */
size_t arch_reserved_memory(struct memory_region *regions, size_t max_regions);

#endif
