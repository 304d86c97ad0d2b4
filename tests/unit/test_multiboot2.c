/*
 * Unit tests for kernel/boot/multiboot2.c: boot information blocks built in
 * memory, byte by byte as GRUB lays them out, both valid and malformed. Every
 * malformed block must be refused with -EINVAL and a reason, never read past.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#include <kuid/boot_info.h>
#include <kuid/string.h>
#include <uapi/errno.h>

/*
 * The multiboot2 format, written down again here rather than taken from
 * multiboot2.c: the test checks the parser against the specification, not
 * against itself.
 */
#define TAG_END			0
#define TAG_COMMAND_LINE	1
#define TAG_BOOT_LOADER_NAME	2
#define TAG_MODULE		3
#define TAG_BASIC_MEMORY	4
#define TAG_MEMORY_MAP		6
#define MEMORY_AVAILABLE	1
#define MEMORY_RESERVED		2
#define MEMORY_ACPI_RECLAIMABLE	3
#define MAP_ENTRY_SIZE		24	/* base, length, type, reserved */

/* Where the tests pretend GRUB put the information, in physical memory. */
#define INFORMATION_PHYSICAL	0x10000

#define MIB(n) ((uint64_t)(n) << 20)

/*
 * A block of boot information under construction: an 8-byte header
 * (total_size, reserved), then tags, each starting on an 8-byte boundary.
 */
struct builder {
	_Alignas(8) uint8_t bytes[16384];
	size_t length;
};

static struct builder block;
static struct boot_info info;

static void put32(size_t offset, uint32_t value)
{
	memcpy(&block.bytes[offset], &value, sizeof(value));
}

static void put64(size_t offset, uint64_t value)
{
	memcpy(&block.bytes[offset], &value, sizeof(value));
}

static void start_block(void)
{
	memset(&block, 0, sizeof(block));
	block.length = 8;
}

/* Append a tag of `size` bytes (header included) and return its offset; its body is zero. */
static size_t add_tag(uint32_t type, uint32_t size)
{
	size_t offset = block.length;

	assert_true(offset + ALIGN_UP((size_t)size, 8) <= sizeof(block.bytes));
	put32(offset, type);
	put32(offset + 4, size);
	block.length += ALIGN_UP((size_t)size, 8);
	return offset;
}

/* A string tag: the text with its NUL, as GRUB writes the command line. */
static void add_command_line(const char *text)
{
	size_t offset = add_tag(TAG_COMMAND_LINE, 8 + strlen(text) + 1);

	memcpy(&block.bytes[offset + 8], text, strlen(text) + 1);
}

static void add_module(uint32_t start, uint32_t end, const char *name)
{
	size_t offset = add_tag(TAG_MODULE, 16 + strlen(name) + 1);

	put32(offset + 8, start);
	put32(offset + 12, end);
	memcpy(&block.bytes[offset + 16], name, strlen(name) + 1);
}

struct map_entry {
	uint64_t base;
	uint64_t length;
	uint32_t type;
};

/* A memory map tag whose entries are entry_size bytes apart (GRUB uses 24). */
static size_t add_memory_map_sized(const struct map_entry *entries, size_t count,
				   uint32_t entry_size)
{
	size_t offset = add_tag(TAG_MEMORY_MAP, 16 + count * entry_size);

	put32(offset + 8, entry_size);
	put32(offset + 12, 0);	/* entry_version */
	for (size_t i = 0; i < count; i++) {
		size_t entry = offset + 16 + i * entry_size;

		put64(entry, entries[i].base);
		put64(entry + 8, entries[i].length);
		put32(entry + 16, entries[i].type);
	}
	return offset;
}

static void add_memory_map(const struct map_entry *entries, size_t count)
{
	add_memory_map_sized(entries, count, MAP_ENTRY_SIZE);
}

/* The memory of a small PC: what QEMU's BIOS reports with -m 256M. */
static const struct map_entry typical_map[] = {
	{ 0x0, 0x9fc00, MEMORY_AVAILABLE },
	{ 0x9fc00, 0x400, MEMORY_RESERVED },
	{ 0xf0000, 0x10000, MEMORY_RESERVED },
	{ MIB(1), MIB(255) - 0x20000, MEMORY_AVAILABLE },
	{ MIB(256) - 0x20000, 0x20000, MEMORY_RESERVED },
	{ 0xfffc0000, 0x40000, MEMORY_RESERVED },
};

static void add_typical_memory_map(void)
{
	add_memory_map(typical_map, ARRAY_SIZE(typical_map));
}

static void add_end_tag(void)
{
	add_tag(TAG_END, 8);
}

/* Write total_size: the block ends here. */
static void finish_block(void)
{
	put32(0, (uint32_t)block.length);
}

/* The end tag, then total_size: a complete block, as GRUB hands it over. */
static void end_block(void)
{
	add_end_tag();
	finish_block();
}

/* A minimal valid block: a memory map and the end tag. */
static void build_minimal_block(void)
{
	start_block();
	add_typical_memory_map();
	end_block();
}

/* A valid block but for what the command line may make of it. */
static void build_block_with_command_line(const char *text)
{
	start_block();
	add_command_line(text);
	add_typical_memory_map();
	end_block();
}

/* A string of size - 1 copies of one character and its NUL. */
static void fill_text(char *text, size_t size, char character)
{
	memset(text, character, size - 1);
	text[size - 1] = '\0';
}

/*
 * Parse the first `available` bytes of the block from a heap copy of exactly
 * that size, so that AddressSanitizer stops the test if the parser reads even
 * one byte beyond what it was allowed to. (malloc's memory is 16-byte aligned,
 * as the multiboot2 information is 8-byte aligned.)
 */
static int parse_available(size_t available, const char **reason)
{
	uint8_t *copy = malloc(available > 0 ? available : 1);
	int result;

	assert_non_null(copy);
	memcpy(copy, block.bytes, available);
	result = multiboot2_parse(copy, available, INFORMATION_PHYSICAL, &info, reason);
	free(copy);
	return result;
}

static int parse(const char **reason)
{
	return parse_available(block.length, reason);
}

static void expect_accepted(void)
{
	const char *reason = NULL;

	assert_int_equal(parse(&reason), 0);
}

/* Refused with -EINVAL and a reason a person can read; returns the reason. */
static const char *expect_refused_available(size_t available)
{
	const char *reason = NULL;

	assert_int_equal(parse_available(available, &reason), -EINVAL);
	assert_non_null(reason);
	assert_true(strlen(reason) > 0);
	return reason;
}

static const char *expect_refused(void)
{
	return expect_refused_available(block.length);
}

/* A block with only this memory map must be refused. */
static void expect_memory_map_refused(const struct map_entry *entries, size_t count)
{
	start_block();
	add_memory_map(entries, count);
	end_block();
	expect_refused();
}

/* --- valid information --------------------------------------------------- */

static void test_typical_information_is_read(void **state)
{
	(void)state;
	start_block();
	add_command_line("ktest=heap loglevel=debug");
	add_tag(TAG_BOOT_LOADER_NAME, 8 + 5);	/* tags kuid does not use are skipped */
	add_module(0x200000, 0x280000, "initramfs");
	add_module(0x280000, 0x281000, "extra one");
	add_module(0x281000, 0x281000, "");	/* empty module, empty name: both allowed */
	add_tag(TAG_BASIC_MEMORY, 16);
	add_typical_memory_map();
	end_block();

	expect_accepted();
	assert_string_equal(info.command_line, "ktest=heap loglevel=debug");

	assert_int_equal(info.module_count, 3);
	assert_string_equal(info.modules[0].name, "initramfs");
	assert_int_equal(info.modules[0].location.start, 0x200000);
	assert_int_equal(info.modules[0].location.end, 0x280000);
	assert_string_equal(info.modules[1].name, "extra one");
	assert_int_equal(info.modules[1].location.start, 0x280000);
	assert_int_equal(info.modules[1].location.end, 0x281000);
	assert_string_equal(info.modules[2].name, "");

	/* Only the available regions, in the order of the map; reserved ones are left out. */
	assert_int_equal(info.usable_memory_count, 2);
	assert_int_equal(info.usable_memory[0].start, 0);
	assert_int_equal(info.usable_memory[0].end, 0x9fc00);
	assert_int_equal(info.usable_memory[1].start, MIB(1));
	assert_int_equal(info.usable_memory[1].end, MIB(256) - 0x20000);

	/* The information itself must be kept out of the page allocator. */
	assert_int_equal(info.information.start, INFORMATION_PHYSICAL);
	assert_int_equal(info.information.end, INFORMATION_PHYSICAL + block.length);
}

static void test_find_module_by_name(void **state)
{
	(void)state;
	start_block();
	add_module(0x200000, 0x280000, "initramfs");
	add_module(0x300000, 0x380000, "initramfs-old");
	add_typical_memory_map();
	end_block();

	expect_accepted();
	assert_ptr_equal(boot_info_find_module(&info, "initramfs"), &info.modules[0]);
	assert_ptr_equal(boot_info_find_module(&info, "initramfs-old"), &info.modules[1]);
	assert_null(boot_info_find_module(&info, "initrd"));
	assert_null(boot_info_find_module(&info, "init"));	/* whole names only */
}

static void test_no_command_line_and_no_modules(void **state)
{
	(void)state;
	build_minimal_block();

	expect_accepted();
	assert_string_equal(info.command_line, "");
	assert_int_equal(info.module_count, 0);
	assert_null(boot_info_find_module(&info, "initramfs"));
}

static void test_empty_command_line(void **state)
{
	(void)state;
	build_block_with_command_line("");

	expect_accepted();
	assert_string_equal(info.command_line, "");
}

/* The longest command line that fits is kept whole. */
static void test_command_line_at_its_size_limit(void **state)
{
	char text[BOOT_COMMAND_LINE_MAX];

	(void)state;
	fill_text(text, sizeof(text), 'k');
	build_block_with_command_line(text);

	expect_accepted();
	assert_string_equal(info.command_line, text);
}

/* Cut short, "init=/sbin/x" could become "init=/sb": a longer one is refused. */
static void test_command_line_too_long_is_refused(void **state)
{
	char text[BOOT_COMMAND_LINE_MAX + 1];

	(void)state;
	fill_text(text, sizeof(text), 'k');
	build_block_with_command_line(text);

	expect_refused();
}

/* A module name that does not fit is cut; it then matches no short name by accident. */
static void test_long_module_name_is_cut(void **state)
{
	char name[100];

	(void)state;
	fill_text(name, sizeof(name), 'm');
	start_block();
	add_module(0x200000, 0x201000, name);
	add_typical_memory_map();
	end_block();

	expect_accepted();
	assert_int_equal(info.module_count, 1);
	assert_int_equal(strlen(info.modules[0].name), sizeof(info.modules[0].name) - 1);
	assert_int_equal(memcmp(info.modules[0].name, name, sizeof(info.modules[0].name) - 1), 0);
}

static void test_as_many_modules_as_fit(void **state)
{
	char name[16];

	(void)state;
	start_block();
	for (unsigned int i = 0; i < BOOT_MODULES_MAX; i++) {
		snprintf(name, sizeof(name), "module%u", i);
		add_module(0x200000 + i * 0x1000, 0x201000 + i * 0x1000, name);
	}
	add_typical_memory_map();
	end_block();

	expect_accepted();
	assert_int_equal(info.module_count, BOOT_MODULES_MAX);
	assert_string_equal(info.modules[BOOT_MODULES_MAX - 1].name, "module7");
}

/* Zero-length regions are skipped; other kinds of memory are not usable. */
static void test_only_available_nonempty_regions_are_usable(void **state)
{
	static const struct map_entry map[] = {
		{ MIB(1), 0, MEMORY_AVAILABLE },
		{ MIB(2), MIB(1), MEMORY_ACPI_RECLAIMABLE },
		{ MIB(4), MIB(4), MEMORY_AVAILABLE },
		{ MIB(8), MIB(1), 5 },	/* bad RAM */
	};

	(void)state;
	start_block();
	add_memory_map(map, ARRAY_SIZE(map));
	end_block();

	expect_accepted();
	assert_int_equal(info.usable_memory_count, 1);
	assert_int_equal(info.usable_memory[0].start, MIB(4));
	assert_int_equal(info.usable_memory[0].end, MIB(8));
}

/* The specification lets entries grow: a larger entry_size is read with that stride. */
static void test_memory_map_with_larger_entries(void **state)
{
	static const struct map_entry map[] = {
		{ MIB(1), MIB(3), MEMORY_AVAILABLE },
		{ MIB(4), MIB(1), MEMORY_RESERVED },
		{ MIB(5), MIB(11), MEMORY_AVAILABLE },
	};

	(void)state;
	start_block();
	add_memory_map_sized(map, ARRAY_SIZE(map), 32);
	end_block();

	expect_accepted();
	assert_int_equal(info.usable_memory_count, 2);
	assert_int_equal(info.usable_memory[0].start, MIB(1));
	assert_int_equal(info.usable_memory[0].end, MIB(4));
	assert_int_equal(info.usable_memory[1].start, MIB(5));
	assert_int_equal(info.usable_memory[1].end, MIB(16));
}

/* More regions than boot_info holds: the first ones are kept, the rest ignored. */
static void test_regions_beyond_the_limit_are_ignored(void **state)
{
	enum { REGIONS = BOOT_MEMORY_REGIONS_MAX + 6 };
	struct map_entry map[REGIONS];

	(void)state;
	for (size_t i = 0; i < REGIONS; i++)
		map[i] = (struct map_entry){ MIB(1 + 2 * i), MIB(1), MEMORY_AVAILABLE };
	start_block();
	add_memory_map(map, REGIONS);
	end_block();

	expect_accepted();
	assert_int_equal(info.usable_memory_count, BOOT_MEMORY_REGIONS_MAX);
	for (size_t i = 0; i < BOOT_MEMORY_REGIONS_MAX; i++) {
		assert_int_equal(info.usable_memory[i].start, MIB(1 + 2 * i));
		assert_int_equal(info.usable_memory[i].end, MIB(2 + 2 * i));
	}
}

/* A region may end one byte short of the top of the address space: [start, end) holds it. */
static void test_region_reaching_the_top_of_memory(void **state)
{
	const struct map_entry map[] = {
		{ MIB(1), MIB(1), MEMORY_AVAILABLE },
		{ UINT64_MAX - MIB(1), MIB(1), MEMORY_AVAILABLE },
	};

	(void)state;
	start_block();
	add_memory_map(map, ARRAY_SIZE(map));
	end_block();

	expect_accepted();
	assert_int_equal(info.usable_memory_count, 2);
	assert_true(info.usable_memory[1].end == UINT64_MAX);
}

/* Whatever follows the end tag inside total_size is not looked at. */
static void test_bytes_after_the_end_tag_are_ignored(void **state)
{
	(void)state;
	start_block();
	add_typical_memory_map();
	add_end_tag();
	add_tag(TAG_COMMAND_LINE, 7);	/* would be malformed if it were read */
	finish_block();

	expect_accepted();
	assert_string_equal(info.command_line, "");
}

/* --- malformed information: the block as a whole ------------------------- */

static void test_fewer_bytes_than_a_header(void **state)
{
	(void)state;
	build_minimal_block();

	expect_refused_available(0);
	expect_refused_available(7);
}

static void test_total_size_smaller_than_header_and_one_tag(void **state)
{
	(void)state;
	build_minimal_block();

	put32(0, 0);
	expect_refused();
	put32(0, 8);
	expect_refused();
	put32(0, 15);
	expect_refused();
}

static void test_total_size_larger_than_available(void **state)
{
	(void)state;
	build_minimal_block();

	expect_refused_available(block.length - 8);
	expect_refused_available(block.length - 1);
	put32(0, UINT32_MAX);
	expect_refused();
}

static void test_missing_end_tag(void **state)
{
	(void)state;
	start_block();
	add_typical_memory_map();
	finish_block();

	expect_refused();
}

/* total_size cuts the end tag in half. */
static void test_end_tag_cut_by_total_size(void **state)
{
	(void)state;
	build_minimal_block();

	put32(0, (uint32_t)block.length - 4);
	expect_refused_available(block.length - 4);
}

/* --- malformed information: one tag -------------------------------------- */

static void test_tag_running_past_the_end(void **state)
{
	size_t offset;

	(void)state;
	start_block();
	add_typical_memory_map();
	offset = add_tag(TAG_COMMAND_LINE, 16);
	end_block();

	/* 16 bytes of command line and 8 of end tag remain: claim 32. */
	put32(offset + 4, 32);
	expect_refused();
	put32(offset + 4, UINT32_MAX);
	expect_refused();
}

static void test_tag_smaller_than_its_header(void **state)
{
	static const uint32_t bad_sizes[] = { 0, 1, 7 };
	size_t offset;

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(bad_sizes); i++) {
		start_block();
		offset = add_tag(TAG_BOOT_LOADER_NAME, 8);
		add_typical_memory_map();
		end_block();

		put32(offset + 4, bad_sizes[i]);
		expect_refused();
	}
}

static void test_end_tag_smaller_than_its_header(void **state)
{
	(void)state;
	build_minimal_block();

	put32(block.length - 4, 0);
	expect_refused();
}

/* --- malformed memory maps ----------------------------------------------- */

static void test_memory_map_tag_too_small_for_its_fields(void **state)
{
	size_t offset;

	(void)state;
	start_block();
	offset = add_tag(TAG_MEMORY_MAP, 12);	/* entry_size, but no entry_version */
	put32(offset + 8, MAP_ENTRY_SIZE);
	end_block();

	expect_refused();
}

static void test_memory_map_bad_entry_sizes(void **state)
{
	/* 0; not a multiple of 8; multiples of 8 smaller than an entry. */
	static const uint32_t bad_entry_sizes[] = { 0, 4, 20, 25, 28, 8, 16 };

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(bad_entry_sizes); i++) {
		size_t offset;

		start_block();
		offset = add_memory_map_sized(typical_map, ARRAY_SIZE(typical_map), 24);
		end_block();

		put32(offset + 8, bad_entry_sizes[i]);
		expect_refused();
	}
}

static void test_memory_map_region_wrapping_around(void **state)
{
	const struct map_entry map[] = {
		{ MIB(1), MIB(15), MEMORY_AVAILABLE },
		{ UINT64_MAX - 0xfff, 0x2000, MEMORY_AVAILABLE },
	};

	(void)state;
	expect_memory_map_refused(map, ARRAY_SIZE(map));
}

static void test_no_memory_map(void **state)
{
	(void)state;
	start_block();
	add_command_line("ktest");
	add_module(0x200000, 0x280000, "initramfs");
	end_block();

	expect_refused();
}

static void test_memory_map_with_only_reserved_regions(void **state)
{
	static const struct map_entry map[] = {
		{ 0x0, 0xa0000, MEMORY_RESERVED },
		{ MIB(1), MIB(15), MEMORY_RESERVED },
		{ MIB(16), MIB(16), MEMORY_ACPI_RECLAIMABLE },
	};

	(void)state;
	expect_memory_map_refused(map, ARRAY_SIZE(map));
}

static void test_memory_map_with_no_entries(void **state)
{
	(void)state;
	expect_memory_map_refused(NULL, 0);
}

/* --- malformed strings and modules --------------------------------------- */

static void test_unterminated_command_line(void **state)
{
	size_t offset;

	(void)state;
	start_block();
	offset = add_tag(TAG_COMMAND_LINE, 8 + 5);
	memcpy(&block.bytes[offset + 8], "ktest", 5);	/* no NUL inside the tag */
	block.bytes[offset + 13] = '\0';		/* a NUL in the padding does not count */
	add_typical_memory_map();
	end_block();

	expect_refused();
}

static void test_command_line_tag_without_text(void **state)
{
	(void)state;
	start_block();
	add_tag(TAG_COMMAND_LINE, 8);
	add_typical_memory_map();
	end_block();

	expect_refused();
}

static void test_unterminated_module_name(void **state)
{
	size_t offset;

	(void)state;
	start_block();
	offset = add_tag(TAG_MODULE, 16 + 9);
	put32(offset + 8, 0x200000);
	put32(offset + 12, 0x280000);
	memcpy(&block.bytes[offset + 16], "initramfs", 9);
	add_typical_memory_map();
	end_block();

	expect_refused();
}

static void test_module_tag_too_small(void **state)
{
	(void)state;
	start_block();
	add_tag(TAG_MODULE, 16);	/* start and end, but not even an empty name */
	add_typical_memory_map();
	end_block();

	expect_refused();
}

static void test_module_ending_before_it_starts(void **state)
{
	(void)state;
	start_block();
	add_module(0x280000, 0x200000, "initramfs");
	add_typical_memory_map();
	end_block();

	expect_refused();
}

static void test_too_many_modules(void **state)
{
	(void)state;
	start_block();
	for (unsigned int i = 0; i < BOOT_MODULES_MAX + 1; i++)
		add_module(0x200000, 0x201000, "module");
	add_typical_memory_map();
	end_block();

	expect_refused();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_typical_information_is_read),
		cmocka_unit_test(test_find_module_by_name),
		cmocka_unit_test(test_no_command_line_and_no_modules),
		cmocka_unit_test(test_empty_command_line),
		cmocka_unit_test(test_command_line_at_its_size_limit),
		cmocka_unit_test(test_command_line_too_long_is_refused),
		cmocka_unit_test(test_long_module_name_is_cut),
		cmocka_unit_test(test_as_many_modules_as_fit),
		cmocka_unit_test(test_only_available_nonempty_regions_are_usable),
		cmocka_unit_test(test_memory_map_with_larger_entries),
		cmocka_unit_test(test_regions_beyond_the_limit_are_ignored),
		cmocka_unit_test(test_region_reaching_the_top_of_memory),
		cmocka_unit_test(test_bytes_after_the_end_tag_are_ignored),
		cmocka_unit_test(test_fewer_bytes_than_a_header),
		cmocka_unit_test(test_total_size_smaller_than_header_and_one_tag),
		cmocka_unit_test(test_total_size_larger_than_available),
		cmocka_unit_test(test_missing_end_tag),
		cmocka_unit_test(test_end_tag_cut_by_total_size),
		cmocka_unit_test(test_tag_running_past_the_end),
		cmocka_unit_test(test_tag_smaller_than_its_header),
		cmocka_unit_test(test_end_tag_smaller_than_its_header),
		cmocka_unit_test(test_memory_map_tag_too_small_for_its_fields),
		cmocka_unit_test(test_memory_map_bad_entry_sizes),
		cmocka_unit_test(test_memory_map_region_wrapping_around),
		cmocka_unit_test(test_no_memory_map),
		cmocka_unit_test(test_memory_map_with_only_reserved_regions),
		cmocka_unit_test(test_memory_map_with_no_entries),
		cmocka_unit_test(test_unterminated_command_line),
		cmocka_unit_test(test_command_line_tag_without_text),
		cmocka_unit_test(test_unterminated_module_name),
		cmocka_unit_test(test_module_tag_too_small),
		cmocka_unit_test(test_module_ending_before_it_starts),
		cmocka_unit_test(test_too_many_modules),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
