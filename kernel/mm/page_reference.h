/*
 * page_reference.h (private to kernel/mm): how many users a physical page of
 * user memory has. After fork, parent and child map the same private pages
 * read-only (copy-on-write); a MAP_SHARED page is mapped by every process
 * that shares it and held by its shared-memory object. The page goes back to
 * page_alloc when the last of them lets go.
 */
#ifndef KUID_MM_PAGE_REFERENCE_H
#define KUID_MM_PAGE_REFERENCE_H

#include <kuid/types.h>

/*
 * Make room for the counts: one per frame. Called before the first user page
 * is mapped (address_space_create); later calls do nothing. 0 or -ENOMEM.
 */
int page_references_init(void);

/* A page fresh from page_alloc has one reference: its first user. */
void page_reference_get(physical_address_t page);
/* Drop one reference; the last one frees the page. */
void page_reference_put(physical_address_t page);
unsigned int page_reference_count(physical_address_t page);

#endif
