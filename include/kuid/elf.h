/*
 * ELF64 executables: the structures of the file format that execve reads, and a parser
 * that checks a whole program file held in memory and describes what must be mapped.
 */
#ifndef KUID_ELF_H
#define KUID_ELF_H

#include <kuid/types.h>

/* e_ident: the first 16 bytes say how to read the rest of the file. */
#define EI_NIDENT       16
#define EI_MAG0         0               /* 0x7f 'E' 'L' 'F' */
#define EI_CLASS        4
#define EI_DATA         5
#define EI_VERSION      6
#define EI_OSABI        7
#define ELFMAG          "\177ELF"
#define SELFMAG         4
#define ELFCLASS64      2               /* 64-bit fields */
#define ELFDATA2LSB     1               /* little-endian */
#define EV_CURRENT      1               /* the only ELF version there is */

/* e_type. */
#define ET_EXEC         2               /* linked to run at fixed addresses */
#define ET_DYN          3               /* position independent: runs at any load bias */

/* e_machine. */
#define EM_X86_64       62

/* p_type. */
#define PT_NULL         0
#define PT_LOAD         1               /* bytes to place in memory */
#define PT_DYNAMIC      2
#define PT_INTERP       3               /* path of the dynamic loader to run instead */
#define PT_NOTE         4
#define PT_PHDR         6               /* where the program headers themselves are loaded */
#define PT_TLS          7               /* template of thread-local storage (read by libc) */
#define PT_GNU_EH_FRAME 0x6474e550
#define PT_GNU_STACK    0x6474e551      /* its p_flags say whether the stack is executable */
#define PT_GNU_RELRO    0x6474e552
#define PT_GNU_PROPERTY 0x6474e553

/* p_flags. */
#define PF_X            0x1
#define PF_W            0x2
#define PF_R            0x4

/* The file header, at offset 0 (64 bytes). */
struct elf64_header {
	uint8_t e_ident[EI_NIDENT];
	uint16_t e_type;
	uint16_t e_machine;
	uint32_t e_version;
	uint64_t e_entry;               /* address of the first instruction */
	uint64_t e_phoff;               /* file offset of the program header table */
	uint64_t e_shoff;               /* section headers: for linkers, not for execve */
	uint32_t e_flags;
	uint16_t e_ehsize;
	uint16_t e_phentsize;           /* size of one program header: 56 */
	uint16_t e_phnum;
	uint16_t e_shentsize;
	uint16_t e_shnum;
	uint16_t e_shstrndx;
};

/* One program header (56 bytes): a segment of the file and what to do with it. */
struct elf64_program_header {
	uint32_t p_type;
	uint32_t p_flags;
	uint64_t p_offset;              /* where the segment's bytes start in the file */
	uint64_t p_vaddr;               /* where they go in memory */
	uint64_t p_paddr;               /* unused */
	uint64_t p_filesz;              /* bytes taken from the file */
	uint64_t p_memsz;               /* bytes in memory; those past p_filesz are zero */
	uint64_t p_align;
};

/* The page size x86_64 programs are linked for. */
#define ELF_PAGE_SIZE           4096ULL

/*
 * User addresses are below this: Linux's TASK_SIZE on x86_64, 2^47 minus one page. The
 * last page below 2^47 stays unmapped because returning to user space with sysret just
 * below a non-canonical address is unsafe on Intel CPUs.
 */
#define ELF_USER_SPACE_END      0x00007ffffffff000ULL

/* Linux refuses program header tables larger than a page: at most 73 headers. */
#define ELF_MAX_PROGRAM_HEADERS (ELF_PAGE_SIZE / sizeof(struct elf64_program_header))

/* kuid's limit on PT_LOAD segments; real programs have two to five. */
#define ELF_MAX_LOAD_SEGMENTS   16

/* A PT_LOAD segment: copy file_size bytes from file_offset to vaddr, zero the rest. */
struct elf_segment {
	uint64_t vaddr;
	uint64_t memory_size;           /* >= file_size */
	uint64_t file_offset;           /* same remainder modulo ELF_PAGE_SIZE as vaddr */
	uint64_t file_size;
	uint32_t flags;                 /* PF_R | PF_W | PF_X */
};

/*
 * What execve needs to know about a program, found by elf_parse.
 *
 * For ET_EXEC every address below is final. For ET_DYN (a static-PIE program) they are
 * relative: the caller chooses a page-aligned load bias, adds it to entry, phdr_vaddr,
 * load_start, load_end and every segment's vaddr, and checks that the biased load_end
 * is still at most ELF_USER_SPACE_END.
 */
struct elf_image {
	uint16_t type;                  /* ET_EXEC or ET_DYN */
	uint64_t entry;                 /* initial rip; AT_ENTRY */
	uint64_t phdr_vaddr;            /* program headers in memory: AT_PHDR; 0 if not loaded */
	uint16_t phdr_entry_size;       /* AT_PHENT */
	uint16_t phdr_count;            /* AT_PHNUM */
	uint64_t load_start;            /* lowest segment's vaddr, rounded down to a page */
	uint64_t load_end;              /* highest segment's end, rounded up to a page */
	bool executable_stack;          /* PT_GNU_STACK has PF_X */
	const char *interpreter;        /* PT_INTERP path, inside the file; NULL if none */
	size_t segment_count;
	struct elf_segment segments[ELF_MAX_LOAD_SEGMENTS];   /* by ascending vaddr */
};

/*
 * Check that the size bytes at file are an ELF64 x86_64 program kuid can run, and
 * describe it in *image. Nothing is allocated; image->interpreter points into file.
 * Segments with p_memsz 0 occupy no memory and are left out of image->segments.
 *
 * Returns 0, or a negative errno with *reason set to a short static description of the
 * problem ("not an ELF file") for the kernel log:
 *   -ENOEXEC  not a program of this format: bad magic, class, byte order, version,
 *             machine or type, program header table malformed or outside the file,
 *             a malformed PT_INTERP, no PT_LOAD, more than ELF_MAX_LOAD_SEGMENTS,
 *             PT_LOAD segments out of order or overlapping;
 *   -EINVAL   a PT_LOAD segment that cannot be loaded: p_filesz > p_memsz, bytes past
 *             the end of the file, addresses beyond user space, p_offset and p_vaddr not
 *             congruent modulo the page size; or an entry point beyond user space;
 *   -ENOEXEC  a well-formed dynamically linked program (it has PT_INTERP): kuid runs
 *             static programs only. *image is then completely filled in, so the caller
 *             can name image->interpreter in its message.
 */
int elf_parse(const void *file, size_t size, struct elf_image *image, const char **reason);

#endif /* KUID_ELF_H */
