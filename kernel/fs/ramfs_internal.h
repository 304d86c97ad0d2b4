/*
 * ramfs_internal.h: what ramfs.c and ramfs_data.c share. Not a public header:
 * the rest of the kernel reaches RAM files through the VFS only.
 */
#ifndef KUID_FS_RAMFS_INTERNAL_H
#define KUID_FS_RAMFS_INTERNAL_H

#include <kuid/boot_info.h>
#include <kuid/list.h>
#include <kuid/types.h>

/* Largest file: 1 TiB is far beyond any RAM kuid runs in, and keeps offsets sane. */
#define RAMFS_FILE_SIZE_MAX (1ull << 40)

/* The bytes of a regular file: page i, or 0 for a page never written. */
struct ramfs_file {
	physical_address_t *pages;
	size_t page_slots;
};

ssize_t ramfs_data_read(struct ramfs_file *data, uint64_t file_size, void *buffer,
			size_t count, uint64_t offset);
ssize_t ramfs_data_write(struct ramfs_file *data, const void *buffer, size_t count,
			 uint64_t offset);
/* Free the pages past new_size and zero the tail of the last one kept. */
void ramfs_data_truncate(struct ramfs_file *data, uint64_t old_size, uint64_t new_size);
void ramfs_data_free(struct ramfs_file *data);

#endif
