/*
 * elf_load.c: put a checked ELF program into a new address space. Each
 * PT_LOAD segment becomes a region with the segment's protection; its file
 * bytes are copied in at once (the whole file is in memory already), and the
 * rest of the region (.bss) is left to demand paging, which gives zero pages.
 *
 * Linux maps whole file pages, so the bytes of a segment's first page that
 * come before the segment (the ELF header, for the first one) are visible
 * too; kuid copies them as well. When two segments share a page (a linker
 * may pack them so), that page gets the union of their protections.
 */
#include <kuid/address_space.h>
#include <kuid/elf.h>
#include <kuid/exec.h>
#include <uapi/errno.h>
#include <uapi/mman.h>

static unsigned int protection_of(uint32_t flags)
{
	return ((flags & PF_R) ? PROT_READ : 0) | ((flags & PF_W) ? PROT_WRITE : 0) |
	       ((flags & PF_X) ? PROT_EXEC : 0);
}

/* Make the region(s) for one segment: [start, end), page-aligned, after previous_end. */
static int map_segment(struct address_space *space, uintptr_t start, uintptr_t end,
		       uintptr_t previous_end, unsigned int protection,
		       unsigned int previous_protection)
{
	uintptr_t address = start;

	if (start < previous_end) {
		/* The first page is the previous segment's last: widen its protection. */
		int error = address_space_protect(space, start, ELF_PAGE_SIZE,
						  protection | previous_protection);

		if (error)
			return error;
		address = start + ELF_PAGE_SIZE;
	}
	if (address >= end)
		return 0;
	return address_space_map(space, &address, end - address, protection, MAP_AT_NOREPLACE);
}

int elf_load(struct address_space *space, const void *file, size_t size,
	     struct loaded_program *program, const char **reason)
{
	const uint8_t *bytes = file;
	struct elf_image image;
	uintptr_t bias = 0, previous_end = 0;
	unsigned int previous_protection = 0;
	int error;

	error = elf_parse(file, size, &image, reason);
	if (error)
		return error;
	if (image.type == ET_DYN) {
		bias = USER_PIE_LOAD_BIAS - image.load_start;
		if (image.load_end - image.load_start > ELF_USER_SPACE_END - USER_PIE_LOAD_BIAS) {
			*reason = "program too large for its load address";
			return -ENOMEM;
		}
	}

	for (size_t i = 0; i < image.segment_count; i++) {
		const struct elf_segment *segment = &image.segments[i];
		uintptr_t address = segment->vaddr + bias;
		uintptr_t start = ALIGN_DOWN(address, ELF_PAGE_SIZE);
		uintptr_t end = ALIGN_UP(address + segment->memory_size, ELF_PAGE_SIZE);
		unsigned int protection = protection_of(segment->flags);
		/* The bytes of the first page before the segment, from the file, unless shared. */
		size_t lead = start >= previous_end ? address - start : 0;

		error = map_segment(space, start, end, previous_end, protection,
				    previous_protection);
		if (!error && segment->file_size > 0)
			error = address_space_write(space, address - lead,
						    bytes + segment->file_offset - lead,
						    segment->file_size + lead);
		if (error) {
			*reason = "out of memory loading a segment";
			return error;
		}
		previous_end = end;
		previous_protection = protection;
	}

	*program = (struct loaded_program){
		.entry = image.entry + bias,
		.program_headers = image.phdr_vaddr ? image.phdr_vaddr + bias : 0,
		.program_header_size = image.phdr_entry_size,
		.program_header_count = image.phdr_count,
		.end = image.load_end + bias,
		.executable_stack = image.executable_stack,
	};
	return 0;
}
