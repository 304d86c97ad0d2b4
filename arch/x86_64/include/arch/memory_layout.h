/*
 * memory_layout.h: the fixed virtual addresses of kuid on x86_64.
 * Shared by the boot assembly and C, so only #defines live here.
 * docs/memory.md draws the picture.
 */
#ifndef ARCH_MEMORY_LAYOUT_H
#define ARCH_MEMORY_LAYOUT_H

/* The kernel image is linked here, in the top 2 GiB (-mcmodel=kernel). */
#define KERNEL_VIRTUAL_OFFSET	0xFFFFFFFF80000000

/*
 * All physical memory is mapped once, read-write, starting here, so the
 * kernel can reach any physical page by adding this offset.
 */
#define DIRECT_MAP_BASE		0xFFFF800000000000

/* How much the boot page tables map, before the C paging code takes over. */
#define BOOT_MAPPED_BYTES	0x100000000	/* 4 GiB */

/* User space ends where the canonical lower half ends. */
#define USER_SPACE_END		0x0000800000000000

#define PAGE_SIZE		4096
#define PAGE_SHIFT		12

/* Segment selectors; the order is dictated by syscall/sysret (see gdt.c). */
#define SELECTOR_KERNEL_CODE	0x08
#define SELECTOR_KERNEL_DATA	0x10
#define SELECTOR_USER_DATA	0x18
#define SELECTOR_USER_CODE	0x20
#define SELECTOR_TSS		0x28

/* The isa-debug-exit device turns a value written here into QEMU's exit status. */
#define QEMU_DEBUG_EXIT_PORT	0xf4

#endif
