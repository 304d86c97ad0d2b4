/*
 * Checking an ELF64 program held in memory before execve trusts any of it. Pure logic:
 * every offset and size read from the file is checked against the file before use.
 * The errno for each refusal follows Linux's load_elf_binary; see kuid/elf.h.
 */
#include <kuid/elf.h>
#include <kuid/string.h>
#include <uapi/errno.h>
#include <uapi/limits.h>

/* Record why the file is refused and return the error, so a check reads as one line. */
static int refuse(const char **reason, int error, const char *why)
{
	*reason = why;
	return error;
}

/* Is [offset, offset + length) inside a file of file_size bytes? Written so that no
 * sum can wrap around. */
static bool inside_file(uint64_t offset, uint64_t length, size_t file_size)
{
	return offset <= file_size && length <= file_size - offset;
}

static int check_file_header(const struct elf64_header *header, size_t file_size,
			     const char **reason)
{
	if (header->e_ident[EI_CLASS] != ELFCLASS64)
		return refuse(reason, -ENOEXEC, "not a 64-bit ELF file");
	if (header->e_ident[EI_DATA] != ELFDATA2LSB)
		return refuse(reason, -ENOEXEC, "not a little-endian ELF file");
	if (header->e_ident[EI_VERSION] != EV_CURRENT || header->e_version != EV_CURRENT)
		return refuse(reason, -ENOEXEC, "unknown ELF version");
	if (header->e_machine != EM_X86_64)
		return refuse(reason, -ENOEXEC, "not an x86_64 program");
	if (header->e_type != ET_EXEC && header->e_type != ET_DYN)
		return refuse(reason, -ENOEXEC, "not an executable (ELF type is not EXEC or DYN)");
	if (header->e_phentsize != sizeof(struct elf64_program_header))
		return refuse(reason, -ENOEXEC, "program header size is not 56");
	if (header->e_phnum == 0)
		return refuse(reason, -ENOEXEC, "no program headers");
	if (header->e_phnum > ELF_MAX_PROGRAM_HEADERS)
		return refuse(reason, -ENOEXEC, "more than 73 program headers");
	if (!inside_file(header->e_phoff,
			 (uint64_t)header->e_phnum * sizeof(struct elf64_program_header), file_size))
		return refuse(reason, -ENOEXEC, "program headers outside the file");
	return 0;
}

/*
 * Linux reads the path, at most PATH_MAX bytes, and wants it NUL-terminated. A path
 * outside the file is a short read there (-EIO); here it is a malformed file.
 */
static int check_interpreter(const struct elf64_program_header *segment, const uint8_t *file,
			     size_t file_size, const char **interpreter, const char **reason)
{
	if (segment->p_filesz < 2 || segment->p_filesz > PATH_MAX)
		return refuse(reason, -ENOEXEC, "PT_INTERP path has a bad length");
	if (!inside_file(segment->p_offset, segment->p_filesz, file_size))
		return refuse(reason, -ENOEXEC, "PT_INTERP path outside the file");
	if (file[segment->p_offset + segment->p_filesz - 1] != '\0')
		return refuse(reason, -ENOEXEC, "PT_INTERP path is not NUL-terminated");
	*interpreter = (const char *)file + segment->p_offset;
	return 0;
}

/*
 * The first three checks are Linux's, which refuses such segments with -EINVAL. Linux
 * does not check that the bytes are in the file (touching them later raises SIGBUS);
 * kuid refuses that file up front, with the same errno as its other segment errors.
 */
static int check_load_segment(const struct elf64_program_header *segment, size_t file_size,
			      const char **reason)
{
	if (segment->p_filesz > segment->p_memsz)
		return refuse(reason, -EINVAL, "PT_LOAD segment has more file bytes than memory");
	if (segment->p_vaddr >= ELF_USER_SPACE_END || segment->p_memsz > ELF_USER_SPACE_END ||
	    ELF_USER_SPACE_END - segment->p_memsz < segment->p_vaddr)
		return refuse(reason, -EINVAL, "PT_LOAD segment outside user space");
	/* Linux maps the file page by page, which mmap refuses otherwise. */
	if (segment->p_filesz != 0 &&
	    segment->p_offset % ELF_PAGE_SIZE != segment->p_vaddr % ELF_PAGE_SIZE)
		return refuse(reason, -EINVAL,
			      "PT_LOAD segment's file offset and address differ within a page");
	if (!inside_file(segment->p_offset, segment->p_filesz, file_size))
		return refuse(reason, -EINVAL, "PT_LOAD segment extends past the end of the file");
	return 0;
}

/* Append a checked PT_LOAD segment to the image, keeping the list sorted and disjoint as
 * the ELF specification requires. Linux does not check the order; kuid does. */
static int add_load_segment(struct elf_image *image, const struct elf64_program_header *segment,
			    const char **reason)
{
	struct elf_segment *last;

	if (segment->p_memsz == 0)
		return 0;
	if (image->segment_count == ELF_MAX_LOAD_SEGMENTS)
		return refuse(reason, -ENOEXEC, "more PT_LOAD segments than kuid supports");
	if (image->segment_count > 0) {
		last = &image->segments[image->segment_count - 1];
		if (segment->p_vaddr < last->vaddr + last->memory_size)
			return refuse(reason, -ENOEXEC,
				      "PT_LOAD segments overlap or are out of order");
	}
	image->segments[image->segment_count++] = (struct elf_segment){
		.vaddr = segment->p_vaddr,
		.memory_size = segment->p_memsz,
		.file_offset = segment->p_offset,
		.file_size = segment->p_filesz,
		.flags = segment->p_flags & (PF_R | PF_W | PF_X),
	};
	return 0;
}

/*
 * AT_PHDR is the address where the program header table ends up in memory: found, as
 * Linux does, through the PT_LOAD segment whose file bytes contain e_phoff (the last
 * one, should two segments load the same file bytes).
 */
static uint64_t program_headers_address(const struct elf_image *image, uint64_t phoff)
{
	uint64_t address = 0;

	for (size_t i = 0; i < image->segment_count; i++) {
		const struct elf_segment *segment = &image->segments[i];

		if (segment->file_offset <= phoff &&
		    phoff - segment->file_offset < segment->file_size)
			address = segment->vaddr + (phoff - segment->file_offset);
	}
	return address;
}

int elf_parse(const void *file, size_t size, struct elf_image *image, const char **reason)
{
	const uint8_t *bytes = file;
	struct elf64_header header;
	const struct elf_segment *last;
	int error;

	if (size < SELFMAG || memcmp(bytes, ELFMAG, SELFMAG) != 0)
		return refuse(reason, -ENOEXEC, "not an ELF file");
	if (size < sizeof(header))
		return refuse(reason, -ENOEXEC, "ELF header cut short");
	/* Copied out because the file may sit at any alignment (a cpio archive aligns to 4). */
	memcpy(&header, bytes, sizeof(header));
	error = check_file_header(&header, size, reason);
	if (error)
		return error;

	memset(image, 0, sizeof(*image));
	image->type = header.e_type;
	image->entry = header.e_entry;
	image->phdr_entry_size = header.e_phentsize;
	image->phdr_count = header.e_phnum;

	for (size_t i = 0; i < header.e_phnum; i++) {
		struct elf64_program_header segment;

		memcpy(&segment, bytes + header.e_phoff + i * sizeof(segment), sizeof(segment));
		switch (segment.p_type) {
		case PT_INTERP:
			/* Like Linux, only the first PT_INTERP counts. */
			if (image->interpreter == NULL)
				error = check_interpreter(&segment, bytes, size,
							  &image->interpreter, reason);
			break;
		case PT_GNU_STACK:
			image->executable_stack = (segment.p_flags & PF_X) != 0;
			break;
		case PT_LOAD:
			error = check_load_segment(&segment, size, reason);
			if (error == 0)
				error = add_load_segment(image, &segment, reason);
			break;
		}
		if (error)
			return error;
	}

	if (image->segment_count == 0)
		return refuse(reason, -ENOEXEC, "nothing to load (no PT_LOAD segment)");
	last = &image->segments[image->segment_count - 1];
	image->load_start = ALIGN_DOWN(image->segments[0].vaddr, ELF_PAGE_SIZE);
	image->load_end = ALIGN_UP(last->vaddr + last->memory_size, ELF_PAGE_SIZE);
	image->phdr_vaddr = program_headers_address(image, header.e_phoff);

	if (image->entry >= ELF_USER_SPACE_END)
		return refuse(reason, -EINVAL, "entry point outside user space");
	if (image->interpreter != NULL)
		return refuse(reason, -ENOEXEC,
			      "dynamically linked (has PT_INTERP); kuid runs static programs only");
	*reason = NULL;
	return 0;
}
