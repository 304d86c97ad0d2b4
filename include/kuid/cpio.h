/*
 * Reading a cpio archive in the "newc" format (what the Linux initramfs uses) straight
 * from memory: an iterator that checks each entry and hands out pointers into the archive.
 */
#ifndef KUID_CPIO_H
#define KUID_CPIO_H

#include <kuid/types.h>

/*
 * The format: each entry is a 110-byte header of ASCII text, "070701" then thirteen
 * 8-digit hexadecimal numbers; then the name (with its NUL), zero-padded so the data
 * starts at a multiple of 4 from the archive's start; then the data, padded the same
 * way. An entry named "TRAILER!!!" ends the archive.
 */
#define CPIO_NEWC_MAGIC         "070701"
#define CPIO_NEWC_HEADER_SIZE   110
#define CPIO_TRAILER_NAME       "TRAILER!!!"

/* One archive entry. Pointers point into the archive, which must outlive the entry. */
struct cpio_entry {
	const char *name;               /* without leading "./" or "/"; "" for "." itself */
	size_t name_length;             /* strlen(name) */
	uint32_t inode;
	uint32_t mode;                  /* S_IF* type and permission bits, uapi/stat.h */
	uint32_t uid;
	uint32_t gid;
	uint32_t nlink;
	uint32_t mtime;                 /* seconds since 1970 */
	uint32_t dev_major;             /* device holding the file when archived */
	uint32_t dev_minor;
	uint32_t rdev_major;            /* the device, for a device file */
	uint32_t rdev_minor;
	const uint8_t *data;            /* file contents, or a symbolic link's target */
	size_t data_size;               /* the link target is not NUL-terminated */
};

/*
 * Where the iteration is. Set up by cpio_reader_init; callers read only `offset`,
 * `reason` and `entry_name`.
 */
struct cpio_reader {
	const uint8_t *archive;
	size_t size;
	size_t offset;                  /* of the next header; after an error, of the bad one */
	int status;                     /* 1: more entries; 0: trailer seen; < 0: error */
	const char *reason;             /* after an error: a short static description */
	const char *entry_name;         /* after an error: the bad entry's name, if it could
					 * be read (as in the archive); else NULL */
};

void cpio_reader_init(struct cpio_reader *reader, const void *archive, size_t size);

/*
 * Read the next entry into *entry. Returns 1 for an entry; 0 when the trailer is reached
 * (data after it is ignored: concatenated archives are not supported); or -EINVAL if the
 * archive is corrupt: bad magic, a character that is not a hexadecimal digit, a name of
 * size 0 or not ending in its only NUL, a name or data running past the end, or no
 * trailer; reader->reason then says which, for the log. Once 0 or an error has been
 * returned, every later call returns the same.
 */
int cpio_next(struct cpio_reader *reader, struct cpio_entry *entry);

#endif /* KUID_CPIO_H */
