/*
 * reserved_memory.c: physical memory that belongs to the kernel image or to
 * the PC's legacy low megabyte (BIOS data, video memory), and so must never
 * reach the page allocator.
 */
#include <kuid/arch.h>
#include <arch/memory_layout.h>

/* Linker symbols (linker.ld): only their addresses mean something. */
extern char kernel_physical_start[], kernel_physical_end[];

#define LOW_MEMORY_END 0x100000

size_t arch_reserved_memory(struct memory_region *regions, size_t max_regions)
{
	const struct memory_region reserved[] = {
		{ .start = 0, .end = LOW_MEMORY_END },
		{ .start = (uintptr_t)kernel_physical_start, .end = (uintptr_t)kernel_physical_end },
	};
	size_t count = MIN(ARRAY_SIZE(reserved), max_regions);

	for (size_t i = 0; i < count; i++)
		regions[i] = reserved[i];
	return count;
}
