/*
 * syscall_entry.S: the way in from a user program's `syscall` instruction and
 * the way back out to ring 3 for every path (system calls, interrupts, a new
 * process). docs/processes.md follows a system call through this file.
 *
 * `syscall` loads rip from LSTAR and masks rflags with SFMASK (interrupts are
 * off), saves the user rip in rcx and rflags in r11, and nothing else: rsp is
 * still the user's stack. So the entry switches to the thread's kernel stack
 * through the per-CPU area, then builds the same struct interrupt_frame an
 * interrupt from ring 3 would have built at the same place. From then on the
 * kernel treats both alike (fork copies it, signals rewrite it).
 */
#include <arch/memory_layout.h>
#include <arch/register_frame.h>
#include <arch/user_mode.h>

/* The first address sysret must not return to: see ELF_USER_SPACE_END in kuid/elf.h. */
#define SYSRET_RIP_LIMIT	0x00007ffffffff000
#define RFLAGS_TRAP		(1 << 8)
#define RFLAGS_RESUME		(1 << 16)

	.text
	.globl	syscall_entry
syscall_entry:
	swapgs				/* GS base: now the kernel's per-CPU area */
	movq	%rsp, %gs:PER_CPU_USER_STACK_POINTER
	movq	%gs:PER_CPU_KERNEL_STACK_TOP, %rsp

	/* What the CPU pushes for an interrupt from ring 3... */
	pushq	$USER_DATA_SELECTOR_RPL3	/* ss */
	pushq	%gs:PER_CPU_USER_STACK_POINTER	/* rsp */
	pushq	%r11				/* rflags */
	pushq	$USER_CODE_SELECTOR_RPL3	/* cs */
	pushq	%rcx				/* rip */
	/* ...then the system-call number where an error code goes, and the marker vector. */
	pushq	%rax
	pushq	$SYSCALL_FRAME_VECTOR
	/* The general registers, as interrupt_entry.S saves them. */
	save_general_registers
	xorl	%ebp, %ebp		/* backtraces end here */

	movq	%rsp, %rdi
	call	syscall_from_user	/* enables interrupts, runs the handler, return_to_user */

/*
 * Leave for ring 3 through the frame at rsp, which must sit at the top of the
 * kernel stack. sysret is the fast way, but it takes rip from rcx and rflags
 * from r11, so it is only correct when the frame has rcx == rip and
 * r11 == rflags (true after an ordinary system call, not after execve or
 * rt_sigreturn). It also faults in ring 0 if rip is not canonical, and cannot
 * restore the trap and resume flags. Everything else leaves through iretq.
 */
	.globl	user_mode_return
user_mode_return:
	cli
	movq	FRAME_RIP(%rsp), %rcx
	cmpq	%rcx, FRAME_RCX(%rsp)
	jne	.Lreturn_with_iret
	movq	$SYSRET_RIP_LIMIT, %r11
	cmpq	%r11, %rcx
	jae	.Lreturn_with_iret
	movq	FRAME_RFLAGS(%rsp), %r11
	cmpq	%r11, FRAME_R11(%rsp)
	jne	.Lreturn_with_iret
	testq	$(RFLAGS_TRAP | RFLAGS_RESUME), %r11
	jnz	.Lreturn_with_iret
	cmpq	$USER_CODE_SELECTOR_RPL3, FRAME_CS(%rsp)
	jne	.Lreturn_with_iret
	cmpq	$USER_DATA_SELECTOR_RPL3, FRAME_SS(%rsp)
	jne	.Lreturn_with_iret

	restore_general_registers	/* rcx == rip and r11 == rflags, as checked above */
	/* Left: vector, error code, rip, cs, rflags, rsp, ss. */
	movq	(5 * 8)(%rsp), %rsp	/* the user stack; interrupts stay off until sysret */
	swapgs
	sysretq

.Lreturn_with_iret:
	jmp	interrupt_return	/* interrupt_entry.S: swapgs, pop, iretq */

/*
 * void user_mode_enter(void): start running user code in a thread that did
 * not come from user mode (the first process, a new child): its registers
 * were put at the top of its kernel stack, where an entry would have saved them.
 */
	.globl	user_mode_enter
user_mode_enter:
	movq	%gs:PER_CPU_KERNEL_STACK_TOP, %rsp
	subq	$FRAME_SIZE, %rsp
	jmp	user_mode_return
