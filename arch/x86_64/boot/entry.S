/*
 * entry.S: from GRUB's 32-bit protected mode to kernel_main in 64-bit long mode.
 * GRUB jumps here with paging off, eax = multiboot2 magic, ebx = the physical
 * address of the boot information. docs/boot.md walks through every step.
 */
#include <arch/memory_layout.h>

#define MULTIBOOT2_BOOTLOADER_MAGIC	0x36d76289
#define COM1_DATA			0x3f8
#define COM1_LINE_STATUS		0x3fd
#define LINE_STATUS_TRANSMIT_EMPTY	0x20
#define EXIT_CODE_FAILURE		0x11

#define CPUID_EXTENDED_MAX		0x80000000
#define CPUID_EXTENDED_FEATURES		0x80000001
#define CPUID_LONG_MODE			(1 << 29)
#define CPUID_NO_EXECUTE		(1 << 20)

#define CR0_PROTECTED_MODE		(1 << 0)
#define CR0_MONITOR_COPROCESSOR		(1 << 1)
#define CR0_EMULATE_COPROCESSOR		(1 << 2)
#define CR0_WRITE_PROTECT		(1 << 16)
#define CR0_PAGING			(1 << 31)
#define CR4_PAE				(1 << 5)
#define CR4_OS_FXSAVE			(1 << 9)
#define CR4_OS_SIMD_EXCEPTIONS		(1 << 10)
#define MSR_EFER			0xC0000080
#define EFER_SYSCALL_ENABLE		(1 << 0)
#define EFER_LONG_MODE_ENABLE		(1 << 8)
#define EFER_NO_EXECUTE_ENABLE		(1 << 11)

#define PAGE_PRESENT			(1 << 0)
#define PAGE_WRITABLE			(1 << 1)
#define PAGE_HUGE			(1 << 7)
#define HUGE_PAGE_SHIFT			21	/* 2 MiB pages */
#define BOOT_PAGE_DIRECTORIES		4	/* 4 x 1 GiB = BOOT_MAPPED_BYTES */

	.section .boot.text, "ax"
	.code32
	.globl boot_entry32
boot_entry32:
	cli
	cld
	mov	$boot_stack32_top, %esp

	cmp	$MULTIBOOT2_BOOTLOADER_MAGIC, %eax
	jne	not_multiboot2
	mov	%ebx, boot_multiboot_info

	/* Long mode is a CPU feature; say so clearly if it is missing. */
	mov	$CPUID_EXTENDED_MAX, %eax
	cpuid
	cmp	$CPUID_EXTENDED_FEATURES, %eax
	jb	no_long_mode
	mov	$CPUID_EXTENDED_FEATURES, %eax
	cpuid
	test	$CPUID_LONG_MODE, %edx
	jz	no_long_mode
	mov	%edx, boot_extended_features

	call	build_boot_page_tables

	/* PAE paging is required by long mode; FXSAVE/SSE for user programs. */
	mov	%cr4, %eax
	or	$(CR4_PAE | CR4_OS_FXSAVE | CR4_OS_SIMD_EXCEPTIONS), %eax
	mov	%eax, %cr4

	mov	$boot_pml4, %eax
	mov	%eax, %cr3

	/* Long mode and syscall on; no-execute pages only if the CPU has them. */
	mov	$(EFER_LONG_MODE_ENABLE | EFER_SYSCALL_ENABLE), %esi
	testl	$CPUID_NO_EXECUTE, boot_extended_features
	jz	1f
	or	$EFER_NO_EXECUTE_ENABLE, %esi
1:	mov	$MSR_EFER, %ecx
	rdmsr
	or	%esi, %eax
	wrmsr

	/* Turning paging on with LME set activates long mode (compatibility). */
	mov	%cr0, %eax
	and	$~CR0_EMULATE_COPROCESSOR, %eax
	or	$(CR0_PAGING | CR0_WRITE_PROTECT | CR0_PROTECTED_MODE | CR0_MONITOR_COPROCESSOR), %eax
	mov	%eax, %cr0

	/* A far jump into a 64-bit code segment leaves compatibility mode. */
	lgdt	boot_gdt_pointer
	ljmp	$SELECTOR_KERNEL_CODE, $boot_entry64

/*
 * Identity-map the first 4 GiB with 2 MiB pages, and map the same physical
 * memory twice more: at DIRECT_MAP_BASE and, for the first 2 GiB, at
 * KERNEL_VIRTUAL_OFFSET where the kernel is linked. The identity map keeps
 * this code running while paging is switched on; kernel_main drops it.
 */
build_boot_page_tables:
	mov	$boot_page_tables_start, %edi
	mov	$((boot_page_tables_end - boot_page_tables_start) / 4), %ecx
	xor	%eax, %eax
	rep stosl

	mov	$boot_page_directories, %edi
	xor	%ecx, %ecx
1:	mov	%ecx, %eax
	shl	$HUGE_PAGE_SHIFT, %eax
	or	$(PAGE_PRESENT | PAGE_WRITABLE | PAGE_HUGE), %eax
	mov	%eax, (%edi, %ecx, 8)
	inc	%ecx
	cmp	$(BOOT_PAGE_DIRECTORIES * 512), %ecx
	jne	1b

	/* Low PDPT: entries 0..3 point at the four page directories. */
	mov	$(boot_page_directories + PAGE_PRESENT + PAGE_WRITABLE), %eax
	xor	%ecx, %ecx
2:	mov	%eax, boot_pdpt_low(, %ecx, 8)
	add	$PAGE_SIZE, %eax
	inc	%ecx
	cmp	$BOOT_PAGE_DIRECTORIES, %ecx
	jne	2b

	/* High PDPT: entries 510 and 511 map physical 0..2 GiB at -2 GiB. */
	movl	$(boot_page_directories + PAGE_PRESENT + PAGE_WRITABLE), boot_pdpt_high + 510 * 8
	movl	$(boot_page_directories + PAGE_SIZE + PAGE_PRESENT + PAGE_WRITABLE), boot_pdpt_high + 511 * 8

	/* PML4: 0 = identity, 256 = direct map, 511 = kernel image. */
	movl	$(boot_pdpt_low + PAGE_PRESENT + PAGE_WRITABLE), boot_pml4
	movl	$(boot_pdpt_low + PAGE_PRESENT + PAGE_WRITABLE), boot_pml4 + 256 * 8
	movl	$(boot_pdpt_high + PAGE_PRESENT + PAGE_WRITABLE), boot_pml4 + 511 * 8
	ret

not_multiboot2:
	mov	$message_not_multiboot2, %esi
	jmp	boot_fail
no_long_mode:
	mov	$message_no_long_mode, %esi

/*
 * Nothing is set up yet, so print the reason straight to COM1 (GRUB left it
 * initialised), ask QEMU to exit with the failure status and halt.
 */
boot_fail:
1:	lodsb
	test	%al, %al
	jz	3f
	mov	%al, %bl
	mov	$COM1_LINE_STATUS, %dx
2:	inb	%dx, %al
	test	$LINE_STATUS_TRANSMIT_EMPTY, %al
	jz	2b
	mov	$COM1_DATA, %dx
	mov	%bl, %al
	outb	%al, %dx
	jmp	1b
3:	mov	$QEMU_DEBUG_EXIT_PORT, %dx
	mov	$EXIT_CODE_FAILURE, %eax
	outl	%eax, %dx
4:	hlt
	jmp	4b

	.code64
boot_entry64:
	mov	$SELECTOR_KERNEL_DATA, %ax
	mov	%ax, %ds
	mov	%ax, %es
	mov	%ax, %ss
	xor	%ax, %ax
	mov	%ax, %fs
	mov	%ax, %gs
	movabs	$kernel_entry, %rax
	jmp	*%rax

	.section .boot.data, "aw"
	.balign 8
boot_gdt:
	.quad 0				/* null descriptor */
	.quad 0x00AF9A000000FFFF	/* 0x08: 64-bit kernel code */
	.quad 0x00CF92000000FFFF	/* 0x10: kernel data */
boot_gdt_end:
boot_gdt_pointer:
	.short boot_gdt_end - boot_gdt - 1
	.long boot_gdt

	.globl boot_multiboot_info
boot_multiboot_info:
	.long 0
boot_extended_features:
	.long 0

message_not_multiboot2:
	.asciz "kuid: not started by a multiboot2 boot loader (use GRUB's multiboot2 command)\r\n"
message_no_long_mode:
	.asciz "kuid: this CPU has no 64-bit long mode; kuid needs an x86_64 CPU\r\n"

	.section .boot.bss, "aw", @nobits
	.balign PAGE_SIZE
boot_page_tables_start:
	.globl boot_pml4
boot_pml4:
	.skip PAGE_SIZE
boot_pdpt_low:
	.skip PAGE_SIZE
boot_pdpt_high:
	.skip PAGE_SIZE
boot_page_directories:
	.skip PAGE_SIZE * BOOT_PAGE_DIRECTORIES
boot_page_tables_end:
boot_stack32:
	.skip 1024
boot_stack32_top:

/* From here on the code runs at its linked, higher-half address. */
	.text
kernel_entry:
	movabs	$boot_stack_top, %rsp
	xor	%ebp, %ebp		/* ends the backtrace walk */
	movl	boot_multiboot_info, %edi
	call	kernel_main
1:	cli
	hlt
	jmp	1b

	.bss
	.balign 16
	.globl boot_stack_bottom, boot_stack_top
boot_stack_bottom:
	.skip 16384
boot_stack_top:
