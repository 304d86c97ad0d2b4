/*
 * shared_memory.c: the object behind a MAP_SHARED|MAP_ANONYMOUS mapping
 * (shared_memory.h). Pages come on first touch, as everywhere in kuid; unlike
 * a private page, a shared page is never copied: fork maps the same page in
 * the child, writable, and a write fault never sees it.
 */
#include <kuid/heap.h>
#include <kuid/page_alloc.h>
#include <kuid/paging.h>
#include <kuid/string.h>
#include <uapi/errno.h>

#include "page_reference.h"
#include "shared_memory.h"

struct shared_memory *shared_memory_create(size_t page_count)
{
	struct shared_memory *shared;

	if (page_count > (SIZE_MAX - sizeof(*shared)) / sizeof(physical_address_t))
		return NULL;
	shared = kzalloc(sizeof(*shared) + page_count * sizeof(physical_address_t));
	if (!shared)
		return NULL;
	shared->references = 1;
	spin_lock_init(&shared->lock, "shared memory");
	shared->page_count = page_count;
	return shared;
}

struct shared_memory *shared_memory_get(struct shared_memory *shared)
{
	__atomic_add_fetch(&shared->references, 1, __ATOMIC_RELAXED);
	return shared;
}

void shared_memory_put(struct shared_memory *shared)
{
	if (!shared || __atomic_sub_fetch(&shared->references, 1, __ATOMIC_ACQ_REL) != 0)
		return;
	/* Pages still mapped somewhere keep their mappings' references and live on. */
	for (size_t i = 0; i < shared->page_count; i++)
		if (shared->pages[i])
			page_reference_put(shared->pages[i]);
	kfree(shared);
}

int shared_memory_page(struct shared_memory *shared, size_t index, physical_address_t *page)
{
	unsigned long irq_state;
	int error = 0;

	if (index >= shared->page_count)
		return -EFAULT;
	irq_state = spin_lock_irqsave(&shared->lock);
	if (!shared->pages[index]) {
		physical_address_t fresh = page_alloc();

		if (fresh)
			memset(physical_to_virtual(fresh), 0, PAGE_FRAME_SIZE);
		else
			error = -ENOMEM;
		shared->pages[index] = fresh;
	}
	*page = shared->pages[index];
	spin_unlock_irqrestore(&shared->lock, irq_state);
	return error;
}
