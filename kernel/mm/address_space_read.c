/*
 * address_space_read.c: reading another program's memory from the kernel, Linux's
 * access_remote_vm. /proc/PID/cmdline and environ need the strings execve left on a stack
 * that is not the reader's: the reader's page table does not map them, so each page is
 * found in the target's page table and copied through the kernel's direct map of all
 * physical memory. Nothing here touches user addresses of the running program.
 */
#include <kuid/string.h>
#include <kuid/user_memory.h>
#include <uapi/errno.h>

#include "address_space_internal.h"

ssize_t address_space_read(struct address_space *space, uintptr_t address, void *buffer,
			   size_t length)
{
	uint8_t *bytes = buffer;
	size_t copied = 0;
	unsigned long irq_state;

	if (!user_range_is_valid(address, length))
		return -EFAULT;
	irq_state = spin_lock_irqsave(&space->lock);
	while (copied < length) {
		uintptr_t page_start = PAGE_ALIGN_DOWN(address);
		size_t chunk = MIN(length - copied, (size_t)(page_start + PAGE_BYTES - address));
		struct region *region = region_find(&space->regions, page_start);
		physical_address_t page;
		const uint8_t *mapped;

		/* No region: nothing was ever there to read (the copy stops, as Linux's). */
		if (!region || make_page_present(space, region, page_start, false, &page) < 0)
			break;
		mapped = physical_to_virtual(page);
		memcpy(bytes + copied, mapped + (address - page_start), chunk);
		address += chunk;
		copied += chunk;
	}
	spin_unlock_irqrestore(&space->lock, irq_state);
	if (copied == 0 && length > 0)
		return -EFAULT;
	return (ssize_t)copied;
}
