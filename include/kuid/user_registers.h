/*
 * user_registers.h: the registers a user thread left behind when it entered
 * the kernel, and the CPU state that follows it between threads.
 *
 * Every entry from user mode (a system call, an interrupt, an exception)
 * saves the user's registers at the top of the thread's kernel stack, and
 * every return to user mode loads them from there. Changing them there is how
 * the kernel changes what the program sees: a return value in rax, a new
 * program after execve, a signal handler's frame. Their layout belongs to
 * arch/ (struct interrupt_frame on x86_64); the portable kernel uses these
 * accessors only.
 */
#ifndef KUID_USER_REGISTERS_H
#define KUID_USER_REGISTERS_H

#include <kuid/types.h>

struct thread;
struct user_registers;

/* The saved user registers of a thread (at the top of its kernel stack). */
struct user_registers *user_registers_of(struct thread *thread);

uintptr_t user_registers_instruction_pointer(const struct user_registers *registers);
uintptr_t user_registers_stack_pointer(const struct user_registers *registers);
void user_registers_set_instruction_pointer(struct user_registers *registers, uintptr_t value);
void user_registers_set_stack_pointer(struct user_registers *registers, uintptr_t value);

/* What the program finds in rax when the kernel returns to it. */
long user_registers_return_value(const struct user_registers *registers);
void user_registers_set_return_value(struct user_registers *registers, long value);

/*
 * For registers saved by a system call: its number, and argument `index`
 * (0..5), as the handler received them. -1 if the registers were saved by
 * an interrupt or an exception (then there is no system call to restart).
 */
long user_registers_syscall_number(const struct user_registers *registers);
unsigned long user_registers_syscall_argument(const struct user_registers *registers,
					      unsigned int index);

/* Forget the system call (so a signal does not restart it). */
void user_registers_clear_syscall(struct user_registers *registers);

/* The size of the saved registers, for taking a copy (fork does). */
size_t user_registers_size(void);

/*
 * A fresh start for execve: every register zero, interrupts enabled, user
 * code and stack segments, the given instruction and stack pointers.
 */
void user_registers_init(struct user_registers *registers, uintptr_t instruction_pointer,
			 uintptr_t stack_pointer);

/*
 * Leave the kernel for user mode with the registers at the top of the
 * current thread's kernel stack (put there by the caller). Call
 * return_to_user() first, as every return to user mode does.
 */
__noreturn void user_mode_enter(void);

/*
 * The rest of a user thread's CPU state, which no entry saves: the FPU and
 * SSE registers and the thread-local storage base (the fs base on x86_64).
 * The kernel never uses the FPU (it is built with -mgeneral-regs-only), so
 * these need saving only when the CPU passes from one user thread to another;
 * kernel/task does it on every switch (eager switching).
 */
struct user_cpu_state;

/* Initial state: FPU as after reset (FCW 0x37f, MXCSR 0x1f80), TLS base 0. NULL: no memory. */
struct user_cpu_state *user_cpu_state_create(void);
void user_cpu_state_destroy(struct user_cpu_state *state);
/* Back to the initial state, for execve. */
void user_cpu_state_reset(struct user_cpu_state *state);
/* Copy the state of the running thread, whose registers are live in the CPU (fork). */
void user_cpu_state_copy_current(struct user_cpu_state *copy,
				 const struct user_cpu_state *current);

/* Take the state out of the CPU / put it back in. */
void user_cpu_state_save(struct user_cpu_state *state);
void user_cpu_state_restore(const struct user_cpu_state *state);

/* The TLS base: arch_prctl(ARCH_SET_FS / ARCH_GET_FS), clone(CLONE_SETTLS). */
uintptr_t user_cpu_state_tls_base(const struct user_cpu_state *state);
/* Set it in the state, and in the CPU too when `live` (the state is the running thread's). */
void user_cpu_state_set_tls_base(struct user_cpu_state *state, uintptr_t base, bool live);

/* The 512-byte FXSAVE image, for a signal frame (signals). */
void *user_cpu_state_fpu_image(struct user_cpu_state *state);
#define USER_CPU_STATE_FPU_IMAGE_SIZE 512

#endif
