/*
 * Walking a cpio "newc" archive in memory, one entry at a time. Pure logic: every size
 * read from a header is checked against the archive before anything is touched.
 */
#include <kuid/cpio.h>
#include <kuid/string.h>
#include <uapi/errno.h>

/* The thirteen numbers of a newc header, in the order they appear after the magic. */
enum cpio_field {
	FIELD_INODE,
	FIELD_MODE,
	FIELD_UID,
	FIELD_GID,
	FIELD_NLINK,
	FIELD_MTIME,
	FIELD_FILE_SIZE,
	FIELD_DEV_MAJOR,
	FIELD_DEV_MINOR,
	FIELD_RDEV_MAJOR,
	FIELD_RDEV_MINOR,
	FIELD_NAME_SIZE,                /* including the NUL */
	FIELD_CHECK,                    /* checksum, only used by the "070702" variant */
	FIELD_COUNT
};

#define MAGIC_LENGTH    6
#define FIELD_DIGITS    8
#define CPIO_ALIGNMENT  4

void cpio_reader_init(struct cpio_reader *reader, const void *archive, size_t size)
{
	reader->archive = archive;
	reader->size = size;
	reader->offset = 0;
	reader->status = 1;
	reader->reason = NULL;
	reader->entry_name = NULL;
}

/* Stop the iteration for good: every later cpio_next returns the same error. */
static int corrupt(struct cpio_reader *reader, const char *why)
{
	reader->status = -EINVAL;
	reader->reason = why;
	return -EINVAL;
}

static bool inside_archive(const struct cpio_reader *reader, size_t offset, size_t length)
{
	return offset <= reader->size && length <= reader->size - offset;
}

static int hex_digit_value(uint8_t character)
{
	if (character >= '0' && character <= '9')
		return character - '0';
	if (character >= 'a' && character <= 'f')
		return character - 'a' + 10;
	if (character >= 'A' && character <= 'F')
		return character - 'A' + 10;
	return -1;
}

/* Exactly eight hexadecimal digits, no sign, no spaces. */
static bool parse_hex_field(const uint8_t *text, uint32_t *value)
{
	uint32_t result = 0;

	for (int i = 0; i < FIELD_DIGITS; i++) {
		int digit = hex_digit_value(text[i]);

		if (digit < 0)
			return false;
		result = result << 4 | (uint32_t)digit;
	}
	*value = result;
	return true;
}

/* "./bin/sh", "/bin/sh" and "bin/sh" all name the same file; "." is the root itself. */
static const char *relative_name(const char *name)
{
	for (;;) {
		if (name[0] == '.' && name[1] == '/')
			name += 2;
		else if (name[0] == '/')
			name += 1;
		else
			break;
	}
	if (strcmp(name, ".") == 0)
		name += 1;
	return name;
}

int cpio_next(struct cpio_reader *reader, struct cpio_entry *entry)
{
	uint32_t fields[FIELD_COUNT];
	const uint8_t *header;
	const char *name;
	size_t name_offset, name_size, data_offset, data_size, next_offset;

	if (reader->status != 1)
		return reader->status;
	if (reader->offset == reader->size)
		return corrupt(reader, "archive ends without a TRAILER!!! entry");
	if (!inside_archive(reader, reader->offset, CPIO_NEWC_HEADER_SIZE))
		return corrupt(reader, "header cut short by the end of the archive");

	header = reader->archive + reader->offset;
	if (memcmp(header, CPIO_NEWC_MAGIC, MAGIC_LENGTH) != 0)
		return corrupt(reader, "bad magic: not a newc (070701) cpio archive");
	for (int i = 0; i < FIELD_COUNT; i++) {
		if (!parse_hex_field(header + MAGIC_LENGTH + i * FIELD_DIGITS, &fields[i]))
			return corrupt(reader, "header field is not eight hexadecimal digits");
	}

	name_offset = reader->offset + CPIO_NEWC_HEADER_SIZE;
	name_size = fields[FIELD_NAME_SIZE];
	if (name_size == 0)
		return corrupt(reader, "entry has no name (name size 0)");
	if (!inside_archive(reader, name_offset, name_size))
		return corrupt(reader, "name runs past the end of the archive");
	name = (const char *)reader->archive + name_offset;
	/* The name's only NUL must be its last byte. */
	if (strnlen(name, name_size) != name_size - 1)
		return corrupt(reader, "name is not NUL-terminated at its stated size");
	reader->entry_name = name;	/* so that an error below can say which entry */
	data_offset = ALIGN_UP(name_offset + name_size, CPIO_ALIGNMENT);
	if (data_offset > reader->size)
		return corrupt(reader, "padding after the name runs past the end of the archive");

	if (strcmp(name, CPIO_TRAILER_NAME) == 0) {
		reader->status = 0;
		return 0;
	}

	data_size = fields[FIELD_FILE_SIZE];
	if (!inside_archive(reader, data_offset, data_size))
		return corrupt(reader, "file data runs past the end of the archive");
	next_offset = ALIGN_UP(data_offset + data_size, CPIO_ALIGNMENT);
	if (next_offset > reader->size)
		return corrupt(reader, "padding after the data runs past the end of the archive");

	name = relative_name(name);
	*entry = (struct cpio_entry){
		.name = name,
		.name_length = strlen(name),
		.inode = fields[FIELD_INODE],
		.mode = fields[FIELD_MODE],
		.uid = fields[FIELD_UID],
		.gid = fields[FIELD_GID],
		.nlink = fields[FIELD_NLINK],
		.mtime = fields[FIELD_MTIME],
		.dev_major = fields[FIELD_DEV_MAJOR],
		.dev_minor = fields[FIELD_DEV_MINOR],
		.rdev_major = fields[FIELD_RDEV_MAJOR],
		.rdev_minor = fields[FIELD_RDEV_MINOR],
		.data = reader->archive + data_offset,
		.data_size = data_size,
	};
	reader->offset = next_offset;
	reader->entry_name = NULL;
	return 1;
}
