/*
 * heap.h: kmalloc and kfree, the kernel's general-purpose allocator.
 * It counts live objects and bytes, so a test can prove that whatever it
 * allocated was freed again.
 */
#ifndef KUID_HEAP_H
#define KUID_HEAP_H

#include <kuid/types.h>

void heap_init(void);

/* Memory aligned to 16 bytes, or NULL. kmalloc(0) returns NULL. */
void *kmalloc(size_t size);
void *kzalloc(size_t size);
void kfree(void *pointer);	/* kfree(NULL) does nothing */

struct heap_statistics {
	size_t live_objects;
	size_t live_bytes;	/* as requested by the callers */
};

void heap_get_statistics(struct heap_statistics *statistics);

#endif
