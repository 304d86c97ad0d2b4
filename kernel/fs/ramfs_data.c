/*
 * ramfs_data.c: the bytes of a RAM file. A file is an array of page
 * pointers, page i holding bytes [i * 4096, (i + 1) * 4096). A page never
 * written is NULL and reads as zeros, so a sparse file costs nothing; the
 * array doubles when it grows, so writing a file of n pages costs O(n).
 * Called with vfs_lock held (kuid/vfs.h); nothing here sleeps.
 */
#include <kuid/heap.h>
#include <kuid/page_alloc.h>
#include <kuid/paging.h>
#include <kuid/string.h>
#include <uapi/errno.h>

#include "ramfs_internal.h"

#define FIRST_PAGE_SLOTS 4

static uint8_t *page_bytes(physical_address_t page)
{
	return physical_to_virtual(page);
}

/* Room for page index `index` in the array. */
static int make_room(struct ramfs_file *data, size_t index)
{
	size_t slots = data->page_slots ? data->page_slots : FIRST_PAGE_SLOTS;
	physical_address_t *pages;

	if (index < data->page_slots)
		return 0;
	while (slots <= index)
		slots *= 2;
	pages = kzalloc(slots * sizeof(*pages));
	if (!pages)
		return -ENOSPC;
	if (data->page_slots)
		memcpy(pages, data->pages, data->page_slots * sizeof(*pages));
	kfree(data->pages);
	data->pages = pages;
	data->page_slots = slots;
	return 0;
}

ssize_t ramfs_data_read(struct ramfs_file *data, uint64_t file_size, void *buffer,
			size_t count, uint64_t offset)
{
	uint8_t *out = buffer;
	size_t done = 0;

	if (offset >= file_size)
		return 0;
	count = MIN((uint64_t)count, file_size - offset);
	while (done < count) {
		uint64_t at = offset + done;
		size_t index = at / PAGE_FRAME_SIZE, within = at % PAGE_FRAME_SIZE;
		size_t chunk = MIN(count - done, PAGE_FRAME_SIZE - within);

		if (index < data->page_slots && data->pages[index])
			memcpy(out + done, page_bytes(data->pages[index]) + within, chunk);
		else
			memset(out + done, 0, chunk);
		done += chunk;
	}
	return (ssize_t)done;
}

ssize_t ramfs_data_write(struct ramfs_file *data, const void *buffer, size_t count,
			 uint64_t offset)
{
	const uint8_t *in = buffer;
	size_t done = 0;

	if (offset > RAMFS_FILE_SIZE_MAX || count > RAMFS_FILE_SIZE_MAX - offset)
		return -EFBIG;
	while (done < count) {
		uint64_t at = offset + done;
		size_t index = at / PAGE_FRAME_SIZE, within = at % PAGE_FRAME_SIZE;
		size_t chunk = MIN(count - done, PAGE_FRAME_SIZE - within);

		if (make_room(data, index) < 0)
			break;
		if (!data->pages[index]) {
			physical_address_t page = page_alloc();

			if (!page)
				break;
			memset(page_bytes(page), 0, PAGE_FRAME_SIZE);
			data->pages[index] = page;
		}
		memcpy(page_bytes(data->pages[index]) + within, in + done, chunk);
		done += chunk;
	}
	/* Out of memory: what was written stands, as a short write; nothing at all is ENOSPC. */
	if (done == 0 && count > 0)
		return -ENOSPC;
	return (ssize_t)done;
}

void ramfs_data_truncate(struct ramfs_file *data, uint64_t old_size, uint64_t new_size)
{
	size_t keep = (size_t)((new_size + PAGE_FRAME_SIZE - 1) / PAGE_FRAME_SIZE);
	size_t within = new_size % PAGE_FRAME_SIZE;

	for (size_t index = keep; index < data->page_slots; index++) {
		if (data->pages[index]) {
			page_free(data->pages[index]);
			data->pages[index] = 0;
		}
	}
	/* Bytes past the new end in the last page must read as zeros if the file grows again. */
	if (new_size < old_size && within && keep - 1 < data->page_slots && data->pages[keep - 1])
		memset(page_bytes(data->pages[keep - 1]) + within, 0, PAGE_FRAME_SIZE - within);
}

void ramfs_data_free(struct ramfs_file *data)
{
	ramfs_data_truncate(data, 0, 0);
	kfree(data->pages);
	data->pages = NULL;
	data->page_slots = 0;
}
