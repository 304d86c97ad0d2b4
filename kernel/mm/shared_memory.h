/*
 * shared_memory.h (private to kernel/mm): the pages behind a
 * MAP_SHARED|MAP_ANONYMOUS mapping. Every region that maps the object, in
 * whatever address space (fork copies the regions), holds a reference to it,
 * and it holds one reference to each of its pages; so a child's write lands
 * in the very page its parent reads. It dies with its last region: munmap,
 * exit or execve of the last process that maps it.
 */
#ifndef KUID_MM_SHARED_MEMORY_H
#define KUID_MM_SHARED_MEMORY_H

#include <kuid/spinlock.h>
#include <kuid/types.h>

struct shared_memory {
	unsigned int references;	/* atomic: one per region that maps it */
	struct spinlock lock;		/* pages[] */
	size_t page_count;
	physical_address_t pages[];	/* 0 until first touched, then zero-filled */
};

/* A new object of page_count pages, none allocated yet, one reference. NULL if no memory. */
struct shared_memory *shared_memory_create(size_t page_count);
struct shared_memory *shared_memory_get(struct shared_memory *shared);
void shared_memory_put(struct shared_memory *shared);

/*
 * The physical page at index, allocated (zeroed) on first use. The object
 * keeps its own reference; a caller that maps the page takes another one.
 * 0, -ENOMEM, or -EFAULT beyond the end of the object.
 */
int shared_memory_page(struct shared_memory *shared, size_t index, physical_address_t *page);

#endif
