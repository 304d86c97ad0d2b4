/*
 * multiboot2_header.S: the header GRUB looks for in the first 32 KiB of the
 * image. It asks for an i386 (protected mode) entry at boot_entry32, given as
 * a physical address because the ELF entry point is a higher-half address.
 */
#define MULTIBOOT2_HEADER_MAGIC		0xE85250D6
#define MULTIBOOT2_ARCH_I386		0
#define MULTIBOOT2_TAG_END		0
#define MULTIBOOT2_TAG_ENTRY_ADDRESS	3

	.section .multiboot2, "a"
	.balign 8
header_start:
	.long MULTIBOOT2_HEADER_MAGIC
	.long MULTIBOOT2_ARCH_I386
	.long header_end - header_start
	.long -(MULTIBOOT2_HEADER_MAGIC + MULTIBOOT2_ARCH_I386 + (header_end - header_start))

	.balign 8
	.short MULTIBOOT2_TAG_ENTRY_ADDRESS
	.short 0
	.long 12
	.long boot_entry32

	.balign 8
	.short MULTIBOOT2_TAG_END
	.short 0
	.long 8
header_end:
