/*
 * page_fault.c: exceptions that are not kernel bugs. A page fault in a user
 * address is usually just a page that has not been allocated yet (demand
 * paging) or a write to a page shared copy-on-write since fork, whether by
 * the program or by a user-copy routine (kernel/mm/address_space_fault.c
 * resolves both). If the address space cannot resolve
 * it, a fault raised by the program becomes a signal (SIGSEGV), and one
 * raised by a user-copy routine makes that copy return -EFAULT. Every other
 * exception from user code becomes its Linux signal too.
 *
 * Out of memory. When no page can be had for a valid address, Linux runs its
 * OOM killer (SIGKILL to the largest process). kuid has none: the faulting
 * program gets SIGBUS (BUS_ADRERR), not SIGSEGV, since its address is fine
 * and only the page behind it is missing (SIGBUS is Linux's signal for that
 * too, as for a file mapping past the end of its file). A handler for it runs
 * if its frame fits on a present stack page; otherwise the program dies.
 */
#include <kuid/address_space.h>
#include <kuid/panic.h>
#include <kuid/printk.h>
#include <kuid/signal.h>
#include <kuid/task.h>
#include <uapi/errno.h>
#include <uapi/signal.h>
#include <arch/cpu.h>
#include <arch/interrupts.h>
#include <arch/user_mode.h>

#define PAGE_FAULT_PRESENT	(1UL << 0)
#define PAGE_FAULT_WRITE	(1UL << 1)
#define PAGE_FAULT_USER		(1UL << 2)
#define PAGE_FAULT_FETCH	(1UL << 4)

#define VECTOR_PAGE_FAULT	14

extern const char user_copy_fault[];

/* Ask the current task's address space to page in `address`; 0 if it did. */
static int resolve_in_address_space(uint64_t address, uint64_t error_code)
{
	struct task *task = current_task();
	unsigned int access = 0;

	if (!task || !task->address_space)
		return -EFAULT;
	if (error_code & PAGE_FAULT_WRITE)
		access |= FAULT_ACCESS_WRITE;
	if (error_code & PAGE_FAULT_FETCH)
		access |= FAULT_ACCESS_EXECUTE;
	if (error_code & PAGE_FAULT_USER)
		access |= FAULT_ACCESS_USER;
	return address_space_handle_fault(task->address_space, address, access);
}

bool kernel_page_fault_fixup(struct interrupt_frame *frame)
{
	uint64_t address = read_cr2();

	/* Only the user-copy routines may touch user memory from the kernel. */
	if (!user_copy_contains(frame->rip))
		return false;
	if (resolve_in_address_space(address, frame->error_code) == 0)
		return true;
	frame->rip = (uint64_t)user_copy_fault;
	return true;
}

/* Linux's choice of signal for each exception raised by user code (0: none applies). */
static int signal_for_exception(unsigned int vector, int *code)
{
	*code = SI_KERNEL;
	if (vector == 0)
		*code = FPE_INTDIV;
	else if (vector == 6)
		*code = ILL_ILLOPN;
	else if (vector == 3)
		*code = TRAP_BRKPT;
	switch (vector) {
	case 0:			/* #DE divide error */
	case 16:		/* #MF x87 error */
	case 19:		/* #XM SIMD error */
		return SIGFPE;
	case 1:			/* #DB */
	case 3:			/* #BP int3 */
		return SIGTRAP;
	case 6:			/* #UD */
		return SIGILL;
	case 4:			/* #OF */
	case 5:			/* #BR */
	case 13:		/* #GP */
	case 14:		/* #PF */
		return SIGSEGV;
	case 10:		/* #TS */
	case 11:		/* #NP */
	case 12:		/* #SS */
	case 17:		/* #AC */
		return SIGBUS;
	default:
		return 0;
	}
}

void user_exception(struct interrupt_frame *frame)
{
	unsigned int vector = frame->vector;
	uint64_t address = frame->rip;
	struct task *task = current_task();
	int code;
	int signal = signal_for_exception(vector, &code);

	if (vector == VECTOR_PAGE_FAULT) {
		int error;

		address = read_cr2();
		error = resolve_in_address_space(address, frame->error_code);
		if (error == 0)
			return;
		code = (frame->error_code & PAGE_FAULT_PRESENT) ? SEGV_ACCERR : SEGV_MAPERR;
		if (error == -ENOMEM) {
			signal = SIGBUS;
			code = BUS_ADRERR;
		}
	}
	if (signal == 0) {
		/* NMI, double fault, machine check: the machine, not the program. */
		interrupt_frame_print(frame);
		panic("exception %u in user mode at %#lx", vector, frame->rip);
	}
	printk(LOG_INFO, "kuid: %s[%d]: %s at %#lx ip %#lx sp %#lx error %#lx\n", task->comm,
	       task->tid, vector != VECTOR_PAGE_FAULT ? "trap" :
	       signal == SIGBUS ? "out of memory" : "segfault", address, frame->rip,
	       frame->rsp, frame->error_code);
	/* For the handler's sigcontext (trapno, err, cr2). */
	task->signals.fault_trap_number = vector;
	task->signals.fault_error_code = frame->error_code;
	task->signals.fault_address = address;
	signal_force_fault(signal, code, address);
}
