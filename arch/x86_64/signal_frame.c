/*
 * signal_frame.c: the x86_64 half of running a signal handler. It writes
 * Linux's struct rt_sigframe (uapi/signal.h) on the user stack so that the
 * handler runs as if called, and on rt_sigreturn reads it back, trusting
 * nothing in it that could hand ring 0 or a bad address to the CPU.
 *
 *	higher addresses	the interrupted program's stack
 *				128-byte red zone, left alone
 *	(64-aligned)		FXSAVE image, 512 bytes   <- uc.uc_mcontext.fpstate
 *				struct rt_sigframe: info, uc, pretcode
 *	rsp at entry ->		pretcode (= sa_restorer), rsp + 8 is 16-aligned
 */
#include <kuid/arch.h>
#include <kuid/signal.h>
#include <kuid/string.h>
#include <kuid/user_memory.h>
#include <kuid/user_registers.h>
#include <arch/memory_layout.h>
#include <arch/user_mode.h>
#include <uapi/errno.h>

#define RED_ZONE_SIZE		128
#define FPU_IMAGE_ALIGNMENT	64

/* The rflags bits a program may set through its frame (Linux's FIX_EFLAGS). */
#define RFLAGS_CARRY		(1UL << 0)
#define RFLAGS_PARITY		(1UL << 2)
#define RFLAGS_ADJUST		(1UL << 4)
#define RFLAGS_ZERO		(1UL << 6)
#define RFLAGS_SIGN		(1UL << 7)
#define RFLAGS_TRAP		(1UL << 8)
#define RFLAGS_DIRECTION	(1UL << 10)
#define RFLAGS_OVERFLOW		(1UL << 11)
#define RFLAGS_RESUME		(1UL << 16)
#define RFLAGS_ALIGNMENT_CHECK	(1UL << 18)
#define RFLAGS_USER_CHANGEABLE                                                           \
	(RFLAGS_CARRY | RFLAGS_PARITY | RFLAGS_ADJUST | RFLAGS_ZERO | RFLAGS_SIGN |       \
	 RFLAGS_TRAP | RFLAGS_DIRECTION | RFLAGS_OVERFLOW | RFLAGS_RESUME |              \
	 RFLAGS_ALIGNMENT_CHECK)

/* Where MXCSR sits in an FXSAVE image; its reserved bits make fxrstor fault. */
#define FXSAVE_MXCSR_OFFSET	24
#define FXSAVE_CONTROL_WORD_OFFSET 0
#define MXCSR_WRITABLE_BITS	0xffbf	/* without DAZ, the smallest mask any CPU has */
#define FPU_CONTROL_WORD_DEFAULT 0x037f
#define MXCSR_DEFAULT		0x1f80
/* Bytes 464..511 of the image are free for software; Linux leaves them out of fxrstor. */
#define FXSAVE_SOFTWARE_BYTES	464

#define SYSCALL_INSTRUCTION_SIZE 2	/* 0f 05 */

static const uint32_t uc_flags_without_xsave = UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS;

bool signal_on_alternate_stack(const struct task_signals *signals, uint64_t stack_pointer)
{
	/* The stack grows down: its top, base + size, belongs to it, its base does not. */
	return stack_pointer > signals->alternate_stack_base &&
	       stack_pointer - signals->alternate_stack_base <= signals->alternate_stack_size;
}

/* What uc_stack and sigaltstack(2) report as ss_flags. */
static int32_t alternate_stack_flags(const struct task_signals *signals, uint64_t stack_pointer)
{
	int32_t autodisarm = (int32_t)(signals->alternate_stack_flags & SS_AUTODISARM);

	if (signals->alternate_stack_size == 0)
		return SS_DISABLE;
	return (signal_on_alternate_stack(signals, stack_pointer) ? SS_ONSTACK : 0) | autodisarm;
}

/* Where the frame goes: below the red zone, or at the top of the alternate stack. */
static uint64_t frame_stack_top(const struct interrupt_frame *frame,
				const struct signal_delivery *delivery,
				const struct task_signals *signals)
{
	bool wants_alternate = (delivery->action.sa_flags & SA_ONSTACK) &&
			       signals->alternate_stack_size != 0 &&
			       !signal_on_alternate_stack(signals, frame->rsp);

	if (wants_alternate)
		return signals->alternate_stack_base + signals->alternate_stack_size;
	return frame->rsp - RED_ZONE_SIZE;
}

static void sigcontext_fill(struct sigcontext_64 *context, const struct interrupt_frame *frame,
			    const struct task_signals *signals, kernel_sigset_t old_mask,
			    uint64_t fpu_image_address)
{
	*context = (struct sigcontext_64){
		.r8 = frame->r8, .r9 = frame->r9, .r10 = frame->r10, .r11 = frame->r11,
		.r12 = frame->r12, .r13 = frame->r13, .r14 = frame->r14, .r15 = frame->r15,
		.rdi = frame->rdi, .rsi = frame->rsi, .rbp = frame->rbp, .rbx = frame->rbx,
		.rdx = frame->rdx, .rax = frame->rax, .rcx = frame->rcx, .rsp = frame->rsp,
		.rip = frame->rip, .rflags = frame->rflags,
		.cs = (uint16_t)frame->cs, .ss = (uint16_t)frame->ss,
		.err = signals->fault_error_code,
		.trapno = signals->fault_trap_number,
		.oldmask = old_mask,
		.cr2 = signals->fault_address,
		.fpstate = fpu_image_address,
	};
}

/*
 * Save the live FPU registers into `image`, then give the handler a clean FPU
 * (as Linux does). Interrupts stay off so that no task switch saves the
 * registers in between and undoes the reset.
 */
static void fpu_save_and_reset(struct user_cpu_state *cpu_state, uint8_t *image)
{
	uint8_t *state_image = user_cpu_state_fpu_image(cpu_state);
	unsigned long irq_state = arch_irq_save();
	uint16_t control_word = FPU_CONTROL_WORD_DEFAULT;
	uint32_t mxcsr = MXCSR_DEFAULT;

	user_cpu_state_save(cpu_state);
	memcpy(image, state_image, USER_CPU_STATE_FPU_IMAGE_SIZE);
	memset(state_image, 0, USER_CPU_STATE_FPU_IMAGE_SIZE);
	memcpy(state_image + FXSAVE_CONTROL_WORD_OFFSET, &control_word, sizeof(control_word));
	memcpy(state_image + FXSAVE_MXCSR_OFFSET, &mxcsr, sizeof(mxcsr));
	user_cpu_state_restore(cpu_state);
	arch_irq_restore(irq_state);
}

int arch_signal_frame_build(struct user_registers *registers,
			    const struct signal_delivery *delivery,
			    struct task_signals *signals, struct user_cpu_state *cpu_state)
{
	struct interrupt_frame *frame = user_registers_frame(registers);
	/* On the kernel stack: another task may build its own frame while this one faults. */
	uint8_t fpu_image[USER_CPU_STATE_FPU_IMAGE_SIZE] __attribute__((aligned(16)));
	struct rt_sigframe sigframe;
	uint64_t top = frame_stack_top(frame, delivery, signals);
	uint64_t fpu_address = ALIGN_DOWN(top - USER_CPU_STATE_FPU_IMAGE_SIZE, FPU_IMAGE_ALIGNMENT);
	uint64_t frame_address = ALIGN_DOWN(fpu_address - sizeof(sigframe), 16) - 8;

	/* SA_RESTORER is how the handler gets back; both C libraries always set it. */
	if (!(delivery->action.sa_flags & SA_RESTORER))
		return -EFAULT;
	if (!user_range_is_valid(frame_address, top - frame_address))
		return -EFAULT;

	memset(&sigframe, 0, sizeof(sigframe));
	sigframe.pretcode = delivery->action.sa_restorer;
	sigframe.uc.uc_flags = uc_flags_without_xsave;
	sigframe.uc.uc_stack = (stack_t){
		.ss_sp = signals->alternate_stack_base,
		.ss_flags = alternate_stack_flags(signals, frame->rsp),
		.ss_size = signals->alternate_stack_size,
	};
	sigcontext_fill(&sigframe.uc.uc_mcontext, frame, signals, delivery->blocked_to_restore,
			fpu_address);
	sigframe.uc.uc_sigmask = delivery->blocked_to_restore;
	if (delivery->action.sa_flags & SA_SIGINFO)
		sigframe.info = delivery->info;

	fpu_save_and_reset(cpu_state, fpu_image);
	memset(fpu_image + FXSAVE_SOFTWARE_BYTES, 0,
	       USER_CPU_STATE_FPU_IMAGE_SIZE - FXSAVE_SOFTWARE_BYTES);
	if (copy_to_user((void __user *)fpu_address, fpu_image, sizeof(fpu_image)) < 0 ||
	    copy_to_user((void __user *)frame_address, &sigframe, sizeof(sigframe)) < 0)
		return -EFAULT;

	/* The handler runs on a disarmed alternate stack when SS_AUTODISARM asks for it. */
	if (top != frame->rsp - RED_ZONE_SIZE &&
	    (signals->alternate_stack_flags & SS_AUTODISARM)) {
		signals->alternate_stack_base = 0;
		signals->alternate_stack_size = 0;
		signals->alternate_stack_flags = SS_DISABLE;
	}

	frame->rsp = frame_address;
	frame->rip = delivery->action.sa_handler;
	frame->rdi = (uint64_t)delivery->signal;
	frame->rsi = frame_address + offsetof(struct rt_sigframe, info);
	frame->rdx = frame_address + offsetof(struct rt_sigframe, uc);
	frame->rax = 0;		/* no vector registers used, for a variadic handler */
	frame->cs = USER_CODE_SELECTOR_RPL3;
	frame->ss = USER_DATA_SELECTOR_RPL3;
	/* A handler starts with the direction flag clear, as the ABI promises, and untraced. */
	frame->rflags &= ~(RFLAGS_DIRECTION | RFLAGS_TRAP | RFLAGS_RESUME);
	user_registers_clear_syscall(registers);
	return 0;
}

/* Reload the FPU from the frame's image, made harmless first. */
static int fpu_restore_from(struct user_cpu_state *cpu_state, uint64_t fpu_address)
{
	uint8_t fpu_image[USER_CPU_STATE_FPU_IMAGE_SIZE] __attribute__((aligned(16)));
	uint8_t *state_image = user_cpu_state_fpu_image(cpu_state);
	unsigned long irq_state;
	uint32_t mxcsr;

	if (fpu_address == 0) {
		/* No saved FPU state: Linux gives the program a clean FPU. */
		memset(fpu_image, 0, sizeof(fpu_image));
		mxcsr = MXCSR_DEFAULT;
		memcpy(fpu_image + FXSAVE_CONTROL_WORD_OFFSET,
		       &(uint16_t){ FPU_CONTROL_WORD_DEFAULT }, sizeof(uint16_t));
	} else {
		if (copy_from_user(fpu_image, (const void __user *)fpu_address,
				   sizeof(fpu_image)) < 0)
			return -EFAULT;
		memcpy(&mxcsr, fpu_image + FXSAVE_MXCSR_OFFSET, sizeof(mxcsr));
		/* A reserved MXCSR bit would make fxrstor fault in the kernel. */
		mxcsr &= MXCSR_WRITABLE_BITS;
	}
	memcpy(fpu_image + FXSAVE_MXCSR_OFFSET, &mxcsr, sizeof(mxcsr));

	irq_state = arch_irq_save();
	user_cpu_state_save(cpu_state);		/* keeps the fs base and the rest current */
	memcpy(state_image, fpu_image, FXSAVE_SOFTWARE_BYTES);
	user_cpu_state_restore(cpu_state);
	arch_irq_restore(irq_state);
	return 0;
}

/* sigaltstack settings saved in the frame come back, as Linux's restore_altstack does. */
static void alternate_stack_restore(struct task_signals *signals, const stack_t *saved,
				    uint64_t stack_pointer)
{
	if (signal_on_alternate_stack(signals, stack_pointer))
		return;		/* sigaltstack would say EPERM; Linux ignores that error */
	if (saved->ss_flags & SS_DISABLE) {
		signals->alternate_stack_base = 0;
		signals->alternate_stack_size = 0;
		signals->alternate_stack_flags = SS_DISABLE;
	} else if (saved->ss_size >= MINSIGSTKSZ) {
		signals->alternate_stack_base = saved->ss_sp;
		signals->alternate_stack_size = saved->ss_size;
		signals->alternate_stack_flags = (uint32_t)saved->ss_flags & SS_AUTODISARM;
	}
}

int arch_signal_frame_return(struct user_registers *registers, struct task_signals *signals,
			     struct user_cpu_state *cpu_state, kernel_sigset_t *blocked,
			     long *return_value)
{
	struct interrupt_frame *frame = user_registers_frame(registers);
	/* The handler's `ret` popped pretcode: the frame starts 8 bytes below rsp. */
	uint64_t frame_address = frame->rsp - 8;
	struct rt_sigframe sigframe;
	const struct sigcontext_64 *context = &sigframe.uc.uc_mcontext;

	if (copy_from_user(&sigframe, (const void __user *)frame_address, sizeof(sigframe)) < 0)
		return -EFAULT;
	/* iretq to a non-canonical rip would fault in ring 0: refuse it here. */
	if (context->rip >= USER_SPACE_END)
		return -EFAULT;
	/*
	 * Linux loads cs (and, with UC_STRICT_RESTORE_SS, ss) from the frame with
	 * RPL 3, and iretq faults on anything but the user selectors: the program
	 * gets SIGSEGV. Same answer here, decided before the CPU sees them.
	 */
	if ((context->cs | 3) != USER_CODE_SELECTOR_RPL3)
		return -EFAULT;
	if ((sigframe.uc.uc_flags & UC_STRICT_RESTORE_SS) &&
	    (context->ss | 3) != USER_DATA_SELECTOR_RPL3)
		return -EFAULT;
	if (fpu_restore_from(cpu_state, context->fpstate) < 0)
		return -EFAULT;

	frame->r8 = context->r8;
	frame->r9 = context->r9;
	frame->r10 = context->r10;
	frame->r11 = context->r11;
	frame->r12 = context->r12;
	frame->r13 = context->r13;
	frame->r14 = context->r14;
	frame->r15 = context->r15;
	frame->rdi = context->rdi;
	frame->rsi = context->rsi;
	frame->rbp = context->rbp;
	frame->rbx = context->rbx;
	frame->rdx = context->rdx;
	frame->rax = context->rax;
	frame->rcx = context->rcx;
	frame->rsp = context->rsp;
	frame->rip = context->rip;
	/* Only arithmetic and harmless flags come from user memory; IF, IOPL, VM never do. */
	frame->rflags = (frame->rflags & ~RFLAGS_USER_CHANGEABLE) |
			(context->rflags & RFLAGS_USER_CHANGEABLE);
	/* Ring 3's selectors, whatever else the frame says (cs was checked above). */
	frame->cs = USER_CODE_SELECTOR_RPL3;
	frame->ss = USER_DATA_SELECTOR_RPL3;
	/* This is no system call to restart, whatever rax holds. */
	user_registers_clear_syscall(registers);

	*blocked = sigframe.uc.uc_sigmask & ~SIGNALS_UNBLOCKABLE;
	alternate_stack_restore(signals, &sigframe.uc.uc_stack, frame->rsp);
	*return_value = (long)context->rax;
	return 0;
}

void arch_signal_restart_syscall(struct user_registers *registers)
{
	struct interrupt_frame *frame = user_registers_frame(registers);

	frame->rax = frame->error_code;		/* the saved system-call number */
	frame->rip -= SYSCALL_INSTRUCTION_SIZE;
}
