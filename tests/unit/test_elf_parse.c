/*
 * Unit tests for kernel/exec/elf_parse.c. A small static program is built in memory, then
 * broken one field at a time; every parse reads an exact-size heap copy, so AddressSanitizer
 * catches any read past the end of the file. /bin/busybox is parsed too when it exists.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <kuid/elf.h>
#include <kuid/string.h>
#include <uapi/errno.h>
#include <uapi/limits.h>

/*
 * The test program, laid out like a linker's output:
 *   0x0000  ELF header, program headers    -> 0x400000 R   (one page)
 *   0x1000  code, 0x10 bytes               -> 0x401000 R X
 *   0x2010  data, 0x20 bytes + 0xfe0 bss   -> 0x403010 RW
 * plus a PT_GNU_STACK header. The file ends right after the data.
 */
#define PROGRAM_HEADER_COUNT    4
#define HEADERS_END             (sizeof(struct elf64_header) + \
				 PROGRAM_HEADER_COUNT * sizeof(struct elf64_program_header))
#define PROGRAM_SIZE            0x2030
#define BUFFER_SIZE             0x3000
#define ENTRY                   0x401000
#define INTERPRETER             "/lib/ld-musl-x86_64.so.1"

struct program {
	_Alignas(8) uint8_t bytes[BUFFER_SIZE];
	size_t size;
};

static struct elf64_header *file_header(struct program *program)
{
	return (struct elf64_header *)program->bytes;
}

/* The index-th entry of the table at e_phoff, which must lie inside the buffer. */
static struct elf64_program_header *program_header(struct program *program, size_t index)
{
	return (struct elf64_program_header *)(program->bytes + file_header(program)->e_phoff +
					       index * sizeof(struct elf64_program_header));
}

static void set_program_header(struct program *program, size_t index, uint32_t type,
			       uint32_t flags, uint64_t offset, uint64_t vaddr, uint64_t file_size,
			       uint64_t memory_size)
{
	*program_header(program, index) = (struct elf64_program_header){
		.p_type = type,
		.p_flags = flags,
		.p_offset = offset,
		.p_vaddr = vaddr,
		.p_paddr = vaddr,
		.p_filesz = file_size,
		.p_memsz = memory_size,
		.p_align = ELF_PAGE_SIZE,
	};
}

static void build_program(struct program *program)
{
	struct elf64_header *header = file_header(program);

	memset(program, 0, sizeof(*program));
	memcpy(header->e_ident, ELFMAG, SELFMAG);
	header->e_ident[EI_CLASS] = ELFCLASS64;
	header->e_ident[EI_DATA] = ELFDATA2LSB;
	header->e_ident[EI_VERSION] = EV_CURRENT;
	header->e_type = ET_EXEC;
	header->e_machine = EM_X86_64;
	header->e_version = EV_CURRENT;
	header->e_entry = ENTRY;
	header->e_phoff = sizeof(struct elf64_header);
	header->e_ehsize = sizeof(struct elf64_header);
	header->e_phentsize = sizeof(struct elf64_program_header);
	header->e_phnum = PROGRAM_HEADER_COUNT;
	set_program_header(program, 0, PT_LOAD, PF_R, 0, 0x400000, 0x1000, 0x1000);
	set_program_header(program, 1, PT_LOAD, PF_R | PF_X, 0x1000, 0x401000, 0x10, 0x10);
	set_program_header(program, 2, PT_LOAD, PF_R | PF_W, 0x2010, 0x403010, 0x20, 0x1000);
	set_program_header(program, 3, PT_GNU_STACK, PF_R | PF_W, 0, 0, 0, 0);
	memset(program->bytes + 0x1000, 0x90, 0x10);    /* nop */
	memset(program->bytes + 0x2010, 0xaa, 0x20);
	program->size = PROGRAM_SIZE;
}

/* The exact-size copy the last parse read; freed by the next parse or by the teardown. */
static uint8_t *file_copy;

static int group_teardown(void **state)
{
	(void)state;
	free(file_copy);
	file_copy = NULL;
	return 0;
}

/* Why the last parse refused the file. */
static const char *last_reason;

/* Parse the first size bytes of bytes, from a heap copy of exactly that size. Checks the
 * contract on reason: set on every refusal, NULL on success. */
static int parse_bytes(const void *bytes, size_t size, struct elf_image *image)
{
	const char *reason = "not set";
	int result;

	free(file_copy);
	file_copy = malloc(size > 0 ? size : 1);
	assert_non_null(file_copy);
	memcpy(file_copy, bytes, size);
	result = elf_parse(file_copy, size, image, &reason);
	if (result == 0) {
		assert_null(reason);
	} else {
		assert_non_null(reason);
		assert_string_not_equal(reason, "not set");
	}
	last_reason = reason;
	return result;
}

static int parse(const struct program *program, struct elf_image *image)
{
	return parse_bytes(program->bytes, program->size, image);
}

/* Refused with this errno, for the reason that mentions these words. */
static void expect_refusal(const struct program *program, int error, const char *words)
{
	struct elf_image image;

	assert_int_equal(parse(program, &image), error);
	if (strstr(last_reason, words) == NULL)
		fail_msg("refused because \"%s\", expected \"%s\"", last_reason, words);
}

static void test_valid_static_program(void **state)
{
	(void)state;
	struct program program;
	struct elf_image image;

	build_program(&program);
	assert_int_equal(parse(&program, &image), 0);
	assert_int_equal(image.type, ET_EXEC);
	assert_int_equal(image.entry, ENTRY);
	assert_int_equal(image.phdr_vaddr, 0x400000 + sizeof(struct elf64_header));
	assert_int_equal(image.phdr_entry_size, 56);
	assert_int_equal(image.phdr_count, PROGRAM_HEADER_COUNT);
	assert_int_equal(image.load_start, 0x400000);
	assert_int_equal(image.load_end, 0x405000);
	assert_false(image.executable_stack);
	assert_null(image.interpreter);

	assert_int_equal(image.segment_count, 3);
	assert_int_equal(image.segments[0].vaddr, 0x400000);
	assert_int_equal(image.segments[0].flags, PF_R);
	assert_int_equal(image.segments[1].vaddr, 0x401000);
	assert_int_equal(image.segments[1].file_offset, 0x1000);
	assert_int_equal(image.segments[1].file_size, 0x10);
	assert_int_equal(image.segments[1].memory_size, 0x10);
	assert_int_equal(image.segments[1].flags, PF_R | PF_X);
	assert_int_equal(image.segments[2].vaddr, 0x403010);
	assert_int_equal(image.segments[2].file_offset, 0x2010);
	assert_int_equal(image.segments[2].file_size, 0x20);
	assert_int_equal(image.segments[2].memory_size, 0x1000);
	assert_int_equal(image.segments[2].flags, PF_R | PF_W);
}

/* Cut short inside the headers, the file is not an ELF program (-ENOEXEC); cut short inside
 * a segment's bytes, that segment cannot be loaded (-EINVAL). */
static void test_truncated_at_every_length(void **state)
{
	(void)state;
	struct program program;
	struct elf_image image;

	build_program(&program);
	for (size_t size = 0; size < PROGRAM_SIZE; size++) {
		int expected = size < HEADERS_END ? -ENOEXEC : -EINVAL;

		assert_int_equal(parse_bytes(program.bytes, size, &image), expected);
	}
	assert_int_equal(parse_bytes(program.bytes, PROGRAM_SIZE, &image), 0);
}

/* The file may sit at any address: a cpio archive only aligns it to 4 bytes. */
static void test_unaligned_file(void **state)
{
	(void)state;
	static uint8_t shifted[PROGRAM_SIZE + 1];
	struct program program;
	struct elf_image image;
	const char *reason;

	build_program(&program);
	memcpy(shifted + 1, program.bytes, PROGRAM_SIZE);
	assert_int_equal(elf_parse(shifted + 1, PROGRAM_SIZE, &image, &reason), 0);
	assert_int_equal(image.entry, ENTRY);
}

static void test_bad_identification(void **state)
{
	(void)state;
	struct program program;

	for (int i = 0; i < SELFMAG; i++) {
		build_program(&program);
		file_header(&program)->e_ident[i] ^= 0x20;
		expect_refusal(&program, -ENOEXEC, "not an ELF file");
	}

	build_program(&program);
	file_header(&program)->e_ident[EI_CLASS] = 1;           /* ELFCLASS32 */
	expect_refusal(&program, -ENOEXEC, "64-bit");

	build_program(&program);
	file_header(&program)->e_ident[EI_DATA] = 2;            /* big-endian */
	expect_refusal(&program, -ENOEXEC, "little-endian");

	build_program(&program);
	file_header(&program)->e_ident[EI_VERSION] = 0;
	expect_refusal(&program, -ENOEXEC, "version");

	build_program(&program);
	file_header(&program)->e_version = 2;
	expect_refusal(&program, -ENOEXEC, "version");
}

static void test_bad_machine_and_type(void **state)
{
	(void)state;
	static const uint16_t bad_types[] = { 0, 1 /* ET_REL */, 4 /* ET_CORE */, 0xfe00 };
	struct program program;

	build_program(&program);
	file_header(&program)->e_machine = 3;                   /* EM_386 */
	expect_refusal(&program, -ENOEXEC, "x86_64");

	for (size_t i = 0; i < sizeof(bad_types) / sizeof(bad_types[0]); i++) {
		build_program(&program);
		file_header(&program)->e_type = bad_types[i];
		expect_refusal(&program, -ENOEXEC, "not an executable");
	}
}

static void test_bad_program_header_table(void **state)
{
	(void)state;
	static const uint16_t bad_counts[] = { 0, ELF_MAX_PROGRAM_HEADERS + 1, 0xffff };
	static const uint64_t bad_offsets[] = {
		PROGRAM_SIZE,                                           /* just past the end */
		PROGRAM_SIZE - PROGRAM_HEADER_COUNT * 56 + 1,           /* last byte outside */
		UINT64_MAX, UINT64_MAX - 55,                            /* offset + size wraps */
	};
	struct program program;

	build_program(&program);
	file_header(&program)->e_phentsize = 32;
	expect_refusal(&program, -ENOEXEC, "size is not 56");

	for (size_t i = 0; i < sizeof(bad_counts) / sizeof(bad_counts[0]); i++) {
		build_program(&program);
		file_header(&program)->e_phnum = bad_counts[i];
		expect_refusal(&program, -ENOEXEC, "program headers");
	}
	for (size_t i = 0; i < sizeof(bad_offsets) / sizeof(bad_offsets[0]); i++) {
		build_program(&program);
		file_header(&program)->e_phoff = bad_offsets[i];
		expect_refusal(&program, -ENOEXEC, "outside the file");
	}
}

/* The largest table Linux accepts fills a page: 73 headers, here at 0x1000 and all PT_NULL
 * but the last, which loads the whole file. */
static void test_largest_program_header_table(void **state)
{
	(void)state;
	struct program program;
	struct elf_image image;
	size_t last = ELF_MAX_PROGRAM_HEADERS - 1;

	build_program(&program);
	memset(program.bytes + sizeof(struct elf64_header), 0,
	       BUFFER_SIZE - sizeof(struct elf64_header));
	file_header(&program)->e_phoff = 0x1000;
	file_header(&program)->e_phnum = ELF_MAX_PROGRAM_HEADERS;
	program.size = 0x1000 + ELF_MAX_PROGRAM_HEADERS * sizeof(struct elf64_program_header);
	set_program_header(&program, last, PT_LOAD, PF_R | PF_X, 0, 0x400000, program.size,
			   program.size);
	assert_int_equal(parse(&program, &image), 0);
	assert_int_equal(image.phdr_count, ELF_MAX_PROGRAM_HEADERS);
	assert_int_equal(image.segment_count, 1);
	assert_int_equal(image.phdr_vaddr, 0x401000);
}

static void test_segment_file_size_larger_than_memory_size(void **state)
{
	(void)state;
	struct program program;

	build_program(&program);
	program_header(&program, 2)->p_memsz = 0x1f;
	expect_refusal(&program, -EINVAL, "more file bytes than memory");
}

static void test_segment_past_end_of_file(void **state)
{
	(void)state;
	static const uint64_t bad_offsets[] = { PROGRAM_SIZE - 0x10 + 1, PROGRAM_SIZE + 0x1000 - 0x20,
						UINT64_MAX - 0xfff + 0x10 };
	struct program program;

	build_program(&program);
	program_header(&program, 2)->p_filesz = 0x21;           /* one byte past the end */
	expect_refusal(&program, -EINVAL, "past the end");

	for (size_t i = 0; i < sizeof(bad_offsets) / sizeof(bad_offsets[0]); i++) {
		build_program(&program);
		program_header(&program, 2)->p_offset = bad_offsets[i];
		program_header(&program, 2)->p_vaddr = 0x403000 | (bad_offsets[i] & 0xfff);
		expect_refusal(&program, -EINVAL, "past the end");
	}
}

static void test_segment_beyond_user_space(void **state)
{
	(void)state;
	struct program program;
	struct elf_image image;

	/* Ends exactly at the limit: accepted. */
	build_program(&program);
	program_header(&program, 2)->p_vaddr = ELF_USER_SPACE_END - 0x1000 + 0x10;
	program_header(&program, 2)->p_memsz = 0x1000 - 0x10;
	assert_int_equal(parse(&program, &image), 0);
	assert_int_equal(image.load_end, ELF_USER_SPACE_END);

	/* One byte further: refused. */
	program_header(&program, 2)->p_memsz += 1;
	expect_refusal(&program, -EINVAL, "outside user space");

	/* Starts at the limit. */
	build_program(&program);
	program_header(&program, 2)->p_vaddr = ELF_USER_SPACE_END + 0x10;
	expect_refusal(&program, -EINVAL, "outside user space");

	/* vaddr + memsz wraps around zero. */
	build_program(&program);
	program_header(&program, 2)->p_memsz = UINT64_MAX - 0x403010 + 2;
	expect_refusal(&program, -EINVAL, "outside user space");

	/* Kernel addresses. */
	build_program(&program);
	program_header(&program, 2)->p_vaddr = 0xffffffff80000010;
	expect_refusal(&program, -EINVAL, "outside user space");
}

static void test_segment_offset_not_congruent_with_address(void **state)
{
	(void)state;
	struct program program;
	struct elf_image image;

	build_program(&program);
	program_header(&program, 2)->p_vaddr = 0x403018;
	expect_refusal(&program, -EINVAL, "differ within a page");

	/* p_align does not matter: Linux maps file pages either way. */
	program_header(&program, 2)->p_align = 1;
	expect_refusal(&program, -EINVAL, "differ within a page");

	/* Without file bytes nothing is mapped from the file, so any address will do. */
	program_header(&program, 2)->p_filesz = 0;
	assert_int_equal(parse(&program, &image), 0);
}

static void test_segments_out_of_order_or_overlapping(void **state)
{
	(void)state;
	struct program program;
	struct elf_image image;

	build_program(&program);
	*program_header(&program, 3) = *program_header(&program, 2);
	set_program_header(&program, 2, PT_GNU_STACK, PF_R | PF_W, 0, 0, 0, 0);
	assert_int_equal(parse(&program, &image), 0);   /* other headers may come between */

	build_program(&program);
	*program_header(&program, 3) = *program_header(&program, 0);
	set_program_header(&program, 0, PT_GNU_STACK, PF_R | PF_W, 0, 0, 0, 0);
	expect_refusal(&program, -ENOEXEC, "out of order");             /* 0x400000 after 0x403010 */

	build_program(&program);
	program_header(&program, 0)->p_memsz = 0x1001;  /* one byte into the code */
	expect_refusal(&program, -ENOEXEC, "overlap");
}

static void test_empty_segment_is_left_out(void **state)
{
	(void)state;
	struct program program;
	struct elf_image image;

	build_program(&program);
	set_program_header(&program, 3, PT_LOAD, PF_R, 0, 0x7ff0, 0, 0);
	assert_int_equal(parse(&program, &image), 0);
	assert_int_equal(image.segment_count, 3);

	/* It is still checked, as Linux does: its address must be a user address. */
	program_header(&program, 3)->p_vaddr = ELF_USER_SPACE_END;
	expect_refusal(&program, -EINVAL, "outside user space");
}

static void test_load_segment_limit(void **state)
{
	(void)state;
	struct program program;
	struct elf_image image;
	struct elf64_header *header;

	/* ELF_MAX_LOAD_SEGMENTS one-page segments of zeroes, then one too many. */
	build_program(&program);
	header = file_header(&program);
	header->e_phnum = ELF_MAX_LOAD_SEGMENTS;
	for (size_t i = 0; i < ELF_MAX_LOAD_SEGMENTS; i++)
		set_program_header(&program, i, PT_LOAD, PF_R | PF_X, 0, 0x400000 + i * 0x1000,
				   0x1000, 0x1000);
	program.size = 0x1000;
	assert_int_equal(parse(&program, &image), 0);
	assert_int_equal(image.segment_count, ELF_MAX_LOAD_SEGMENTS);

	header->e_phnum = ELF_MAX_LOAD_SEGMENTS + 1;
	set_program_header(&program, ELF_MAX_LOAD_SEGMENTS, PT_LOAD, PF_R, 0,
			   0x400000 + ELF_MAX_LOAD_SEGMENTS * 0x1000, 0x1000, 0x1000);
	expect_refusal(&program, -ENOEXEC, "more PT_LOAD segments");
}

static void test_no_load_segment(void **state)
{
	(void)state;
	struct program program;

	build_program(&program);
	for (size_t i = 0; i < 3; i++)
		program_header(&program, i)->p_type = PT_NOTE;
	expect_refusal(&program, -ENOEXEC, "no PT_LOAD");
}

static void test_entry_point(void **state)
{
	(void)state;
	struct program program;
	struct elf_image image;

	/* Linux only checks that the entry is a user address. */
	build_program(&program);
	file_header(&program)->e_entry = ELF_USER_SPACE_END - 1;
	assert_int_equal(parse(&program, &image), 0);

	file_header(&program)->e_entry = ELF_USER_SPACE_END;
	expect_refusal(&program, -EINVAL, "entry point");
	file_header(&program)->e_entry = UINT64_MAX;
	expect_refusal(&program, -EINVAL, "entry point");
}

static void test_executable_stack(void **state)
{
	(void)state;
	struct program program;
	struct elf_image image;

	build_program(&program);
	program_header(&program, 3)->p_flags = PF_R | PF_W | PF_X;
	assert_int_equal(parse(&program, &image), 0);
	assert_true(image.executable_stack);

	/* Without PT_GNU_STACK the stack is not executable (Linux 5.8 and later on x86_64). */
	program_header(&program, 3)->p_type = PT_NOTE;
	assert_int_equal(parse(&program, &image), 0);
	assert_false(image.executable_stack);
}

/* Put a PT_INTERP of the given length over the PT_GNU_STACK header, its path in the
 * unused end of the first page. */
static void add_interpreter(struct program *program, const char *path, uint64_t length)
{
	memcpy(program->bytes + 0x800, path, strlen(path) + 1);
	set_program_header(program, 3, PT_INTERP, PF_R, 0x800, 0x400800, length, length);
}

static void test_dynamically_linked_program(void **state)
{
	(void)state;
	struct program program;
	struct elf_image image;

	build_program(&program);
	add_interpreter(&program, INTERPRETER, sizeof(INTERPRETER));
	assert_int_equal(parse(&program, &image), -ENOEXEC);
	assert_non_null(strstr(last_reason, "static programs only"));
	/* The image is complete, so the kernel can name the interpreter it lacks. */
	assert_non_null(image.interpreter);
	assert_string_equal(image.interpreter, INTERPRETER);
	assert_int_equal(image.segment_count, 3);
}

/* Like Linux, only the first PT_INTERP counts: a broken second one goes unnoticed. */
static void test_second_interpreter_ignored(void **state)
{
	(void)state;
	struct program program;
	struct elf_image image;

	build_program(&program);
	add_interpreter(&program, INTERPRETER, sizeof(INTERPRETER));
	*program_header(&program, 2) = *program_header(&program, 3);
	program_header(&program, 3)->p_filesz = 1;
	program.size = 0x1010;                          /* the data segment is gone */
	assert_int_equal(parse(&program, &image), -ENOEXEC);
	assert_non_null(strstr(last_reason, "static programs only"));
	assert_string_equal(image.interpreter, INTERPRETER);
}

static void test_malformed_interpreter(void **state)
{
	(void)state;
	struct program program;

	build_program(&program);
	add_interpreter(&program, INTERPRETER, sizeof(INTERPRETER) - 1);  /* NUL left out */
	expect_refusal(&program, -ENOEXEC, "not NUL-terminated");

	add_interpreter(&program, "", 1);
	expect_refusal(&program, -ENOEXEC, "bad length");

	add_interpreter(&program, INTERPRETER, PATH_MAX + 1);
	expect_refusal(&program, -ENOEXEC, "bad length");

	add_interpreter(&program, INTERPRETER, sizeof(INTERPRETER));
	program_header(&program, 3)->p_offset = PROGRAM_SIZE - sizeof(INTERPRETER) + 1;
	expect_refusal(&program, -ENOEXEC, "PT_INTERP path outside");
	program_header(&program, 3)->p_offset = UINT64_MAX - 4;
	expect_refusal(&program, -ENOEXEC, "PT_INTERP path outside");
}

/* A static-PIE program: addresses start at 0, the caller chooses the load bias. */
static void test_position_independent_program(void **state)
{
	(void)state;
	struct program program;
	struct elf_image image;

	build_program(&program);
	file_header(&program)->e_type = ET_DYN;
	file_header(&program)->e_entry = ENTRY - 0x400000;
	for (size_t i = 0; i < 3; i++)
		program_header(&program, i)->p_vaddr -= 0x400000;
	assert_int_equal(parse(&program, &image), 0);
	assert_int_equal(image.type, ET_DYN);
	assert_int_equal(image.entry, 0x1000);
	assert_int_equal(image.load_start, 0);
	assert_int_equal(image.load_end, 0x5000);
	assert_int_equal(image.phdr_vaddr, sizeof(struct elf64_header));
}

static void test_program_headers_not_loaded(void **state)
{
	(void)state;
	struct program program;
	struct elf_image image;

	build_program(&program);
	program_header(&program, 0)->p_type = PT_NOTE;
	assert_int_equal(parse(&program, &image), 0);
	assert_int_equal(image.phdr_vaddr, 0);

	/* A segment that starts before the table but ends before it does not load it. */
	build_program(&program);
	program_header(&program, 0)->p_filesz = sizeof(struct elf64_header);
	assert_int_equal(parse(&program, &image), 0);
	assert_int_equal(image.phdr_vaddr, 0);
}

/* Debian's busybox-static: a real static ET_EXEC linked by GNU ld. */
static void test_busybox(void **state)
{
	(void)state;
	struct elf_image image;
	struct elf64_header header;
	FILE *file = fopen("/bin/busybox", "rb");
	uint8_t *contents;
	long size;

	if (file == NULL)
		skip();
	assert_int_equal(fseek(file, 0, SEEK_END), 0);
	size = ftell(file);
	assert_true(size > (long)sizeof(header));
	rewind(file);
	contents = malloc((size_t)size);
	assert_non_null(contents);
	assert_int_equal(fread(contents, 1, (size_t)size, file), (size_t)size);
	fclose(file);
	memcpy(&header, contents, sizeof(header));

	assert_int_equal(parse_bytes(contents, (size_t)size, &image), 0);
	free(contents);
	assert_int_equal(image.type, header.e_type);
	assert_int_equal(image.entry, header.e_entry);
	assert_int_equal(image.phdr_count, header.e_phnum);
	assert_null(image.interpreter);
	assert_false(image.executable_stack);
	assert_in_range(image.segment_count, 2, ELF_MAX_LOAD_SEGMENTS);
	assert_true(image.phdr_vaddr != 0);
	for (size_t i = 0; i < image.segment_count; i++) {
		const struct elf_segment *segment = &image.segments[i];

		assert_true(segment->vaddr >= image.load_start);
		assert_true(segment->vaddr + segment->memory_size <= image.load_end);
		if (segment->vaddr <= image.entry &&
		    image.entry < segment->vaddr + segment->memory_size)
			assert_true(segment->flags & PF_X);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_static_program),
		cmocka_unit_test(test_truncated_at_every_length),
		cmocka_unit_test(test_unaligned_file),
		cmocka_unit_test(test_bad_identification),
		cmocka_unit_test(test_bad_machine_and_type),
		cmocka_unit_test(test_bad_program_header_table),
		cmocka_unit_test(test_largest_program_header_table),
		cmocka_unit_test(test_segment_file_size_larger_than_memory_size),
		cmocka_unit_test(test_segment_past_end_of_file),
		cmocka_unit_test(test_segment_beyond_user_space),
		cmocka_unit_test(test_segment_offset_not_congruent_with_address),
		cmocka_unit_test(test_segments_out_of_order_or_overlapping),
		cmocka_unit_test(test_empty_segment_is_left_out),
		cmocka_unit_test(test_load_segment_limit),
		cmocka_unit_test(test_no_load_segment),
		cmocka_unit_test(test_entry_point),
		cmocka_unit_test(test_executable_stack),
		cmocka_unit_test(test_dynamically_linked_program),
		cmocka_unit_test(test_second_interpreter_ignored),
		cmocka_unit_test(test_malformed_interpreter),
		cmocka_unit_test(test_position_independent_program),
		cmocka_unit_test(test_program_headers_not_loaded),
		cmocka_unit_test(test_busybox),
	};

	return cmocka_run_group_tests(tests, NULL, group_teardown);
}
