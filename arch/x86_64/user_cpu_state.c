/*
 * user_cpu_state.c: the FPU/SSE registers and the fs base of a user thread.
 * They are switched eagerly: saved with fxsave when a user thread leaves the
 * CPU, restored with fxrstor when one comes back (kernel/task/task_switch.c).
 * Kernel threads in between never touch them, since the kernel is compiled
 * without SSE. The fs base is what C libraries point at the thread's TLS
 * block; it lives in an MSR the kernel does not use either.
 */
#include <kuid/heap.h>
#include <kuid/string.h>
#include <kuid/user_registers.h>
#include <arch/cpu.h>

#define FPU_CONTROL_WORD_DEFAULT	0x037f	/* all exceptions masked, 64-bit precision */
#define MXCSR_DEFAULT			0x1f80	/* all SSE exceptions masked */

/* The FXSAVE image must be 16-byte aligned; kmalloc guarantees that. */
struct user_cpu_state {
	uint8_t fxsave_area[USER_CPU_STATE_FPU_IMAGE_SIZE] __attribute__((aligned(16)));
	uint64_t fs_base;
};

/* The first fields of the FXSAVE layout (Intel SDM, table 10-2). */
struct fxsave_header {
	uint16_t control_word;
	uint16_t status_word;
	uint8_t tag_word;		/* abridged: 0 means every register empty */
	uint8_t reserved;
	uint16_t last_opcode;
	uint64_t last_instruction;
	uint64_t last_operand;
	uint32_t mxcsr;
	uint32_t mxcsr_mask;
};

void user_cpu_state_reset(struct user_cpu_state *state)
{
	struct fxsave_header *header = (struct fxsave_header *)state->fxsave_area;

	memset(state, 0, sizeof(*state));
	header->control_word = FPU_CONTROL_WORD_DEFAULT;
	header->mxcsr = MXCSR_DEFAULT;
}

struct user_cpu_state *user_cpu_state_create(void)
{
	struct user_cpu_state *state = kmalloc(sizeof(*state));

	if (state)
		user_cpu_state_reset(state);
	return state;
}

void user_cpu_state_destroy(struct user_cpu_state *state)
{
	kfree(state);
}

void user_cpu_state_save(struct user_cpu_state *state)
{
	__asm__ volatile("fxsave64 %0" : "=m"(state->fxsave_area));
}

void user_cpu_state_restore(const struct user_cpu_state *state)
{
	__asm__ volatile("fxrstor64 %0" : : "m"(state->fxsave_area));
	write_msr(MSR_FS_BASE, state->fs_base);
}

void user_cpu_state_copy_current(struct user_cpu_state *copy,
				 const struct user_cpu_state *current)
{
	user_cpu_state_save(copy);	/* the live registers, straight into the copy */
	copy->fs_base = current->fs_base;
}

uintptr_t user_cpu_state_tls_base(const struct user_cpu_state *state)
{
	return state->fs_base;
}

void user_cpu_state_set_tls_base(struct user_cpu_state *state, uintptr_t base, bool live)
{
	state->fs_base = base;
	if (live)
		write_msr(MSR_FS_BASE, base);
}

void *user_cpu_state_fpu_image(struct user_cpu_state *state)
{
	return state->fxsave_area;
}
