/*
 * Unit tests for kernel/fs/cpio_parse.c. Archives are written by the test itself, entry by
 * entry, then read back whole, cut short at every length and damaged byte by byte. Every
 * read is from an exact-size heap copy, so AddressSanitizer catches reads past the end.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <kuid/cpio.h>
#include <kuid/string.h>
#include <uapi/errno.h>
#include <uapi/stat.h>

#define ARCHIVE_CAPACITY        16384
#define FIELD_COUNT             13
#define NAME_SIZE_FIELD         11      /* index of namesize among the thirteen fields */
#define FILE_SIZE_FIELD         6
#define MTIME                   0x5f5e1000u

struct archive {
	uint8_t bytes[ARCHIVE_CAPACITY];
	size_t size;
	uint32_t next_inode;
};

/* What an entry's header says; name_size is normally strlen(name) + 1. */
struct header_fields {
	uint32_t mode;
	uint32_t rdev_major;
	uint32_t rdev_minor;
	uint32_t file_size;
	uint32_t name_size;
};

static void pad_to_4(struct archive *archive)
{
	while (archive->size % 4 != 0)
		archive->bytes[archive->size++] = 0;
}

static void add_raw_entry(struct archive *archive, const char *name,
			  const struct header_fields *fields, const void *data, size_t data_size)
{
	char header[CPIO_NEWC_HEADER_SIZE + 1];
	size_t name_bytes = strlen(name) + 1;
	int length;

	assert_true(archive->size + sizeof(header) + name_bytes + data_size + 8 <=
		    ARCHIVE_CAPACITY);
	length = snprintf(header, sizeof(header),
			  "070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X",
			  ++archive->next_inode, fields->mode, 1000, 100,
			  S_ISDIR(fields->mode) ? 2 : 1, MTIME, fields->file_size, 8, 1,
			  fields->rdev_major, fields->rdev_minor, fields->name_size, 0);
	assert_int_equal(length, CPIO_NEWC_HEADER_SIZE);
	memcpy(archive->bytes + archive->size, header, CPIO_NEWC_HEADER_SIZE);
	archive->size += CPIO_NEWC_HEADER_SIZE;
	memcpy(archive->bytes + archive->size, name, name_bytes);
	archive->size += name_bytes;
	pad_to_4(archive);
	memcpy(archive->bytes + archive->size, data, data_size);
	archive->size += data_size;
	pad_to_4(archive);
}

static void add_entry(struct archive *archive, const char *name, uint32_t mode,
		      const void *data, size_t data_size)
{
	struct header_fields fields = {
		.mode = mode,
		.file_size = (uint32_t)data_size,
		.name_size = (uint32_t)strlen(name) + 1,
	};

	add_raw_entry(archive, name, &fields, data, data_size);
}

static void add_device(struct archive *archive, const char *name, uint32_t mode,
		       uint32_t major, uint32_t minor)
{
	struct header_fields fields = {
		.mode = mode,
		.rdev_major = major,
		.rdev_minor = minor,
		.name_size = (uint32_t)strlen(name) + 1,
	};

	add_raw_entry(archive, name, &fields, "", 0);
}

static void add_trailer(struct archive *archive)
{
	add_entry(archive, CPIO_TRAILER_NAME, 0, "", 0);
}

static void start_archive(struct archive *archive)
{
	memset(archive, 0, sizeof(*archive));
}

/* The text of field `index` (0..12) of the header starting at `offset`. */
static uint8_t *header_field(struct archive *archive, size_t offset, int index)
{
	return archive->bytes + offset + 6 + 8 * index;
}

/* The exact-size copy the reader reads; freed by the next copy or by the teardown. */
static uint8_t *archive_copy;

static int group_teardown(void **state)
{
	(void)state;
	free(archive_copy);
	archive_copy = NULL;
	return 0;
}

static void start_reading(struct cpio_reader *reader, const void *bytes, size_t size)
{
	free(archive_copy);
	archive_copy = malloc(size > 0 ? size : 1);
	assert_non_null(archive_copy);
	memcpy(archive_copy, bytes, size);
	cpio_reader_init(reader, archive_copy, size);
}

static void expect_entry(struct cpio_reader *reader, const char *name, uint32_t mode,
			 const char *data)
{
	struct cpio_entry entry;

	assert_int_equal(cpio_next(reader, &entry), 1);
	assert_string_equal(entry.name, name);
	assert_int_equal(entry.name_length, strlen(name));
	assert_int_equal(entry.mode, mode);
	assert_int_equal(entry.data_size, strlen(data));
	assert_memory_equal(entry.data, data, entry.data_size);
	assert_null(reader->reason);
}

static void expect_end(struct cpio_reader *reader)
{
	struct cpio_entry entry;

	assert_int_equal(cpio_next(reader, &entry), 0);
	assert_null(reader->reason);
}

/* Read the whole archive; it must be refused, for the reason that mentions these words. */
static void expect_corrupt(const struct archive *archive, const char *words)
{
	struct cpio_reader reader;
	struct cpio_entry entry;
	int result;

	start_reading(&reader, archive->bytes, archive->size);
	do {
		result = cpio_next(&reader, &entry);
	} while (result == 1);
	assert_int_equal(result, -EINVAL);
	assert_non_null(reader.reason);
	if (strstr(reader.reason, words) == NULL)
		fail_msg("refused because \"%s\", expected \"%s\"", reader.reason, words);
}

/* A small root file system, in the order `find . | cpio -o -H newc` would write it. */
static void build_root(struct archive *archive)
{
	start_archive(archive);
	add_entry(archive, ".", S_IFDIR | 0755, "", 0);
	add_entry(archive, "./bin", S_IFDIR | 0755, "", 0);
	add_entry(archive, "./bin/busybox", S_IFREG | 0755, "\177ELF...", 7);
	add_entry(archive, "./bin/sh", S_IFLNK | 0777, "busybox", 7);
	add_entry(archive, "/init", S_IFREG | 0755, "#!/bin/sh\n", 10);
	add_device(archive, "dev/console", S_IFCHR | 0600, 5, 1);
	add_entry(archive, "empty", S_IFREG | 0644, "", 0);
	add_trailer(archive);
}

#define ROOT_ENTRY_COUNT 7

static void test_read_root_file_system(void **state)
{
	(void)state;
	struct archive archive;
	struct cpio_reader reader;
	struct cpio_entry entry;

	build_root(&archive);
	start_reading(&reader, archive.bytes, archive.size);
	expect_entry(&reader, "", S_IFDIR | 0755, "");
	expect_entry(&reader, "bin", S_IFDIR | 0755, "");
	expect_entry(&reader, "bin/busybox", S_IFREG | 0755, "\177ELF...");
	expect_entry(&reader, "bin/sh", S_IFLNK | 0777, "busybox");
	expect_entry(&reader, "init", S_IFREG | 0755, "#!/bin/sh\n");

	assert_int_equal(cpio_next(&reader, &entry), 1);
	assert_string_equal(entry.name, "dev/console");
	assert_int_equal(entry.mode, S_IFCHR | 0600);
	assert_int_equal(entry.rdev_major, 5);
	assert_int_equal(entry.rdev_minor, 1);
	assert_int_equal(entry.inode, 6);
	assert_int_equal(entry.uid, 1000);
	assert_int_equal(entry.gid, 100);
	assert_int_equal(entry.nlink, 1);
	assert_int_equal(entry.mtime, MTIME);
	assert_int_equal(entry.dev_major, 8);
	assert_int_equal(entry.dev_minor, 1);
	assert_int_equal(entry.data_size, 0);

	expect_entry(&reader, "empty", S_IFREG | 0644, "");
	expect_end(&reader);
	expect_end(&reader);            /* and it stays there */
}

/* Every name length and data length modulo 4, so every amount of padding. */
static void test_every_padding(void **state)
{
	(void)state;
	static const char name[] = "abcdefgh";
	static const char data[] = "0123456789";
	struct archive archive;
	struct cpio_reader reader;

	start_archive(&archive);
	for (size_t name_length = 1; name_length <= 8; name_length++) {
		for (size_t data_length = 0; data_length <= 8; data_length++) {
			char entry_name[16];

			memcpy(entry_name, name, name_length);
			entry_name[name_length] = '\0';
			add_entry(&archive, entry_name, S_IFREG | 0644, data, data_length);
		}
	}
	add_trailer(&archive);

	start_reading(&reader, archive.bytes, archive.size);
	for (size_t name_length = 1; name_length <= 8; name_length++) {
		for (size_t data_length = 0; data_length <= 8; data_length++) {
			char entry_name[16];
			char entry_data[16];

			memcpy(entry_name, name, name_length);
			entry_name[name_length] = '\0';
			memcpy(entry_data, data, data_length);
			entry_data[data_length] = '\0';
			expect_entry(&reader, entry_name, S_IFREG | 0644, entry_data);
		}
	}
	expect_end(&reader);
}

/* However short the archive is cut, the reader reports corruption and never the end, and
 * the entries it returned first are the archive's own. */
static void test_truncated_at_every_length(void **state)
{
	(void)state;
	struct archive archive;
	struct cpio_reader reader;
	struct cpio_entry entry;

	build_root(&archive);
	for (size_t size = 0; size < archive.size; size++) {
		int entries = 0;
		int result;

		start_reading(&reader, archive.bytes, size);
		while ((result = cpio_next(&reader, &entry)) == 1) {
			assert_true(entry.data + entry.data_size <= archive_copy + size);
			entries++;
		}
		assert_int_equal(result, -EINVAL);
		assert_non_null(reader.reason);
		assert_true(entries <= ROOT_ENTRY_COUNT);
	}
	start_reading(&reader, archive.bytes, archive.size);
	for (int i = 0; i < ROOT_ENTRY_COUNT; i++)
		assert_int_equal(cpio_next(&reader, &entry), 1);
	expect_end(&reader);
}

static void test_empty_archive(void **state)
{
	(void)state;
	struct archive archive;

	start_archive(&archive);
	expect_corrupt(&archive, "TRAILER");
}

static void test_missing_trailer(void **state)
{
	(void)state;
	struct archive archive;
	struct cpio_reader reader;

	start_archive(&archive);
	add_entry(&archive, "init", S_IFREG | 0755, "#!/bin/sh\n", 10);
	start_reading(&reader, archive.bytes, archive.size);
	expect_entry(&reader, "init", S_IFREG | 0755, "#!/bin/sh\n");
	expect_corrupt(&archive, "without a TRAILER");
}

static void test_bad_magic(void **state)
{
	(void)state;
	struct archive archive;
	size_t second_header;

	/* Each of the six magic characters, in the first entry and in a later one. */
	for (size_t position = 0; position < 6; position++) {
		build_root(&archive);
		archive.bytes[position] = 'x';
		expect_corrupt(&archive, "magic");

		start_archive(&archive);
		add_entry(&archive, "a", S_IFREG | 0644, "x", 1);
		second_header = archive.size;
		add_trailer(&archive);
		archive.bytes[second_header + position] ^= 1;
		expect_corrupt(&archive, "magic");
	}

	/* The checksummed variant and the old binary format are not accepted. */
	build_root(&archive);
	archive.bytes[5] = '2';
	expect_corrupt(&archive, "magic");
	build_root(&archive);
	archive.bytes[0] = 0xc7;
	archive.bytes[1] = 0x71;
	expect_corrupt(&archive, "magic");
}

static void test_bad_hex_digit_in_every_position(void **state)
{
	(void)state;
	static const char bad_characters[] = { 'g', 'G', ' ', '-', 'x', '\0' };
	struct archive archive;

	for (int field = 0; field < FIELD_COUNT; field++) {
		for (int digit = 0; digit < 8; digit++) {
			for (size_t i = 0; i < sizeof(bad_characters); i++) {
				build_root(&archive);
				header_field(&archive, 0, field)[digit] = bad_characters[i];
				expect_corrupt(&archive, "hexadecimal");
			}
		}
	}
}

static void test_lowercase_hex_digits(void **state)
{
	(void)state;
	struct archive archive;
	struct cpio_reader reader;
	struct cpio_entry entry;

	start_archive(&archive);
	add_device(&archive, "dev/sda", S_IFBLK | 0660, 0xab, 0xcdef);
	add_trailer(&archive);
	for (size_t i = 0; i < CPIO_NEWC_HEADER_SIZE; i++) {
		if (archive.bytes[i] >= 'A' && archive.bytes[i] <= 'F')
			archive.bytes[i] += 'a' - 'A';
	}
	start_reading(&reader, archive.bytes, archive.size);
	assert_int_equal(cpio_next(&reader, &entry), 1);
	assert_int_equal(entry.rdev_major, 0xab);
	assert_int_equal(entry.rdev_minor, 0xcdef);
	assert_int_equal(entry.mode, S_IFBLK | 0660);
	expect_end(&reader);
}

static void set_field(struct archive *archive, size_t header_offset, int field, uint32_t value)
{
	char text[9];

	snprintf(text, sizeof(text), "%08X", value);
	memcpy(header_field(archive, header_offset, field), text, 8);
}

static void test_bad_name_size(void **state)
{
	(void)state;
	struct archive archive;

	build_root(&archive);
	set_field(&archive, 0, NAME_SIZE_FIELD, 0);
	expect_corrupt(&archive, "no name");

	/* "." is stored as ".\0" plus padding: one byte less leaves out the NUL, one more
	 * takes in a second NUL. */
	build_root(&archive);
	set_field(&archive, 0, NAME_SIZE_FIELD, 1);
	expect_corrupt(&archive, "NUL");
	build_root(&archive);
	set_field(&archive, 0, NAME_SIZE_FIELD, 3);
	expect_corrupt(&archive, "NUL");

	/* "ab\0" is followed by one byte of padding: taking it in gives a name with two NULs. */
	start_archive(&archive);
	add_entry(&archive, "ab", S_IFREG | 0644, "", 0);
	add_trailer(&archive);
	set_field(&archive, 0, NAME_SIZE_FIELD, 4);
	expect_corrupt(&archive, "NUL");

	build_root(&archive);
	set_field(&archive, 0, NAME_SIZE_FIELD, 0xffffffff);
	expect_corrupt(&archive, "name runs past the end");
}

static void test_name_without_nul(void **state)
{
	(void)state;
	struct archive archive;
	struct header_fields fields = { .mode = S_IFREG | 0644, .name_size = 4 };

	/* The name "abcd" with a stated size of 4 leaves the NUL outside. */
	start_archive(&archive);
	add_raw_entry(&archive, "abcd", &fields, "", 0);
	add_trailer(&archive);
	expect_corrupt(&archive, "NUL");
}

static void test_data_past_the_end(void **state)
{
	(void)state;
	struct archive archive;
	size_t last_header;

	/* The trailer's header would have to be inside the data of the last file. */
	start_archive(&archive);
	last_header = archive.size;
	add_entry(&archive, "init", S_IFREG | 0755, "#!/bin/sh\n", 10);
	add_trailer(&archive);
	set_field(&archive, last_header, FILE_SIZE_FIELD, (uint32_t)archive.size);
	expect_corrupt(&archive, "data runs past the end");

	set_field(&archive, last_header, FILE_SIZE_FIELD, 0xffffffff);
	expect_corrupt(&archive, "data runs past the end");
}

/* An entry is only handed out if its padding is there too: a cut archive is reported at
 * the entry where the cut is, not one entry later. */
static void test_missing_padding(void **state)
{
	(void)state;
	struct archive archive;
	struct cpio_reader reader;
	struct cpio_entry entry;

	start_archive(&archive);
	add_entry(&archive, "ab", S_IFREG | 0644, "x", 1);      /* name at 110..112, data at 116 */
	add_trailer(&archive);

	start_reading(&reader, archive.bytes, 116 + 1);
	assert_int_equal(cpio_next(&reader, &entry), -EINVAL);
	assert_non_null(strstr(reader.reason, "padding after the data"));

	start_reading(&reader, archive.bytes, CPIO_NEWC_HEADER_SIZE + 3);
	assert_int_equal(cpio_next(&reader, &entry), -EINVAL);
	assert_non_null(strstr(reader.reason, "padding after the name"));
}

/* Once finished, the reader keeps its answer: the end, or the same error and reason. */
static void test_errors_are_final(void **state)
{
	(void)state;
	struct archive archive;
	struct cpio_reader reader;
	struct cpio_entry entry;
	const char *reason;

	build_root(&archive);
	archive.bytes[0] = 'x';
	start_reading(&reader, archive.bytes, archive.size);
	assert_int_equal(cpio_next(&reader, &entry), -EINVAL);
	reason = reader.reason;
	archive_copy[0] = '0';          /* even if the archive is mended afterwards */
	assert_int_equal(cpio_next(&reader, &entry), -EINVAL);
	assert_ptr_equal(reader.reason, reason);
}

/* Tools pad archives to 512 bytes after the trailer; whatever follows it is not read. */
static void test_bytes_after_trailer_are_ignored(void **state)
{
	(void)state;
	struct archive archive;
	struct cpio_reader reader;

	start_archive(&archive);
	add_entry(&archive, "init", S_IFREG | 0755, "#!/bin/sh\n", 10);
	add_trailer(&archive);
	memset(archive.bytes + archive.size, 'z', 512);
	archive.size += 512;
	start_reading(&reader, archive.bytes, archive.size);
	expect_entry(&reader, "init", S_IFREG | 0755, "#!/bin/sh\n");
	expect_end(&reader);
}

static void test_leading_dot_slash_and_slash_removed(void **state)
{
	(void)state;
	static const char *const names[][2] = {
		{ "./a", "a" }, { "/a", "a" }, { "././a", "a" }, { ".//a", "a" },
		{ "//a/b", "a/b" }, { ".", "" }, { "./", "" }, { "/", "" },
		{ "a/./b", "a/./b" }, { "..", ".." }, { ".hidden", ".hidden" },
		{ "./.profile", ".profile" },
	};
	const size_t count = sizeof(names) / sizeof(names[0]);
	struct archive archive;
	struct cpio_reader reader;

	start_archive(&archive);
	for (size_t i = 0; i < count; i++)
		add_entry(&archive, names[i][0], S_IFREG | 0644, "", 0);
	add_trailer(&archive);
	start_reading(&reader, archive.bytes, archive.size);
	for (size_t i = 0; i < count; i++)
		expect_entry(&reader, names[i][1], S_IFREG | 0644, "");
	expect_end(&reader);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read_root_file_system),
		cmocka_unit_test(test_every_padding),
		cmocka_unit_test(test_truncated_at_every_length),
		cmocka_unit_test(test_empty_archive),
		cmocka_unit_test(test_missing_trailer),
		cmocka_unit_test(test_bad_magic),
		cmocka_unit_test(test_bad_hex_digit_in_every_position),
		cmocka_unit_test(test_lowercase_hex_digits),
		cmocka_unit_test(test_bad_name_size),
		cmocka_unit_test(test_name_without_nul),
		cmocka_unit_test(test_data_past_the_end),
		cmocka_unit_test(test_missing_padding),
		cmocka_unit_test(test_errors_are_final),
		cmocka_unit_test(test_bytes_after_trailer_are_ignored),
		cmocka_unit_test(test_leading_dot_slash_and_slash_removed),
	};

	return cmocka_run_group_tests(tests, NULL, group_teardown);
}
