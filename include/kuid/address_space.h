/*
 * address_space.h: a user program's view of memory.
 *
 * An address space is a page table plus the list of regions that say which
 * addresses the program may use and how (region_list.h). Regions are cheap:
 * mmap of 100 MiB only records a region. Pages come later, one at a time, when
 * the program first touches an address (demand paging: the page fault handler
 * calls address_space_handle_fault, which allocates a zeroed page). Each
 * mapping of a page holds a reference to it, so a page can be mapped by
 * several address spaces: fork maps every private page read-only in parent
 * and child (copy-on-write: the first write fault copies it), and every page
 * of a MAP_SHARED region writable in both (they share it for good).
 *
 * Address spaces are shared by CLONE_VM (threads, vfork) and reference
 * counted. Their lock protects the region list and the page table, and is
 * taken with interrupts off: the page-fault handler takes it too.
 */
#ifndef KUID_ADDRESS_SPACE_H
#define KUID_ADDRESS_SPACE_H

#include <kuid/paging.h>
#include <kuid/region_list.h>
#include <kuid/spinlock.h>
#include <kuid/types.h>

struct user_namespace;

/* The layout of a new program (docs/processes.md draws it). */
#define USER_STACK_TOP		0x00007ffffffde000UL	/* a little below the end of user space */
#define USER_STACK_RESERVED	(8UL << 20)		/* the stack region: RLIMIT_STACK */
#define USER_MMAP_TOP		(USER_STACK_TOP - USER_STACK_RESERVED - (1UL << 30))
#define USER_MMAP_BOTTOM	0x0000000000010000UL	/* vm.mmap_min_addr: page 0 stays unmapped */
#define USER_PIE_LOAD_BIAS	0x0000555555554000UL	/* where a static-PIE program goes */
#define USER_HEAP_MAX		(1UL << 32)		/* how far brk may grow */

struct address_space {
	unsigned int references;	/* atomic */
	struct spinlock lock;		/* the regions, the page table, brk */
	struct page_table page_table;
	struct region_list regions;
	uintptr_t heap_start;		/* brk's lower limit: the end of the program */
	uintptr_t heap_end;		/* the current break; the heap region ends at it, rounded up */
	/*
	 * Where execve placed the argument and environment strings on the stack (Linux's
	 * mm->arg_start ... env_end): /proc/PID/cmdline and environ read them from here.
	 * Set once before the space is installed, copied by fork; 0 when never set.
	 */
	uintptr_t arg_start, arg_end;
	uintptr_t env_start, env_end;
	/*
	 * The user namespace of the credentials the last execve installed (Linux's
	 * mm->user_ns), a reference, copied by fork: the root of this namespace owns the /proc
	 * files of a non-dumpable process (R3.1, R8.4). NULL for spaces no execve made.
	 */
	struct user_namespace *user_ns;
	/*
	 * RLIMIT_AS in bytes: how much the regions may cover in all, the stack region not
	 * counted (address_space.c says why). The limit belongs to the process; mmap.c copies
	 * the caller's here before each mmap, mremap and brk, so that the check is made under
	 * the lock with the change. RLIM64_INFINITY in a new space.
	 */
	uint64_t size_limit;
};

/* A new empty address space with one reference; NULL when out of memory. */
struct address_space *address_space_create(void);
struct address_space *address_space_get(struct address_space *space);
void address_space_put(struct address_space *space);

/* Make the CPU use this address space (NULL: the kernel's alone). */
void address_space_activate(struct address_space *space);

/*
 * fork: a new address space with the same regions and the same pages:
 * private pages become copy-on-write in both spaces, shared ones stay shared.
 */
struct address_space *address_space_copy(struct address_space *space);

/* Flags of address_space_map. */
#define MAP_AT_FIXED		(1u << 0)	/* exactly at *address, replacing what is there */
#define MAP_AT_NOREPLACE	(1u << 1)	/* exactly at *address, -EEXIST if taken */
#define MAP_AS_STACK		(1u << 2)	/* the region is the main thread's stack */
#define MAP_AS_SHARED		(1u << 3)	/* MAP_SHARED|MAP_ANONYMOUS: kept shared by fork */

/*
 * Add a region of length bytes (rounded up to pages) with the PROT_* bits in
 * `protection`. Without MAP_AT_* flags *address is a hint: it is used if free,
 * otherwise the highest free gap below USER_MMAP_TOP. *address receives the
 * start. 0, or -ENOMEM (no room, no memory, above size_limit), -EEXIST
 * (NOREPLACE), -EINVAL.
 */
int address_space_map(struct address_space *space, uintptr_t *address, size_t length,
		      unsigned int protection, unsigned int flags);

/* munmap: remove [address, address + length) and free its pages. 0, -EINVAL, -ENOMEM. */
int address_space_unmap(struct address_space *space, uintptr_t address, size_t length);

/*
 * mremap: resize the mapping [address, address + old_length), moving it if
 * it cannot grow in place and MREMAP_MAYMOVE allows (MREMAP_FIXED: to
 * *new_address exactly). Pages move, they are not copied. *new_address
 * receives where the mapping now starts. 0, -EINVAL, -EFAULT (not one
 * mapping), -ENOMEM (no room, or it would have to move and may not).
 */
int address_space_remap(struct address_space *space, uintptr_t address, size_t old_length,
			size_t new_length, unsigned int flags, uintptr_t *new_address);

/* mprotect. 0, -EINVAL, -ENOMEM if part of the range is not mapped. */
int address_space_protect(struct address_space *space, uintptr_t address, size_t length,
			  unsigned int protection);

/* madvise(MADV_DONTNEED): drop the pages of the range; they read as zero afterwards. */
int address_space_discard(struct address_space *space, uintptr_t address, size_t length);

/*
 * Copy bytes into the address space at `address`, whatever the protection of
 * the region (which must exist) and whether or not the space is active:
 * execve fills program segments and the stack this way, mmap file copies too.
 */
int address_space_write(struct address_space *space, uintptr_t address, const void *data,
			size_t length);

/*
 * Copy bytes of another address space into kernel memory (Linux's access_remote_vm), page
 * by page through the direct map: /proc/PID/cmdline and environ. A page never touched is
 * brought in as a read fault would; an address no region holds ends the copy. Returns the
 * number of bytes copied (less than length if an unmapped page was met), or -EFAULT if
 * not even the first byte could be read.
 */
ssize_t address_space_read(struct address_space *space, uintptr_t address, void *buffer,
			   size_t length);

/* RLIMIT_AS: the size_limit the next mmap, mremap or brk of this space obeys. */
void address_space_set_size_limit(struct address_space *space, uint64_t limit);

/*
 * brk: set the heap's end. Returns the new break, or the old one if it cannot
 * (no room, or above size_limit).
 */
uintptr_t address_space_set_break(struct address_space *space, uintptr_t new_break);
/* Where the heap starts (execve: after the program's last segment). */
void address_space_set_heap_start(struct address_space *space, uintptr_t start);

/* What a page fault wanted, for address_space_handle_fault. */
#define FAULT_ACCESS_WRITE	(1u << 0)
#define FAULT_ACCESS_EXECUTE	(1u << 1)
#define FAULT_ACCESS_USER	(1u << 2)	/* the program itself, not a user-copy routine */

/*
 * Resolve a page fault at address: 0 if a page was mapped (or already is),
 * -EFAULT if no region allows the access (a SIGSEGV or an -EFAULT), -ENOMEM
 * if memory ran out (a SIGBUS for the program, an -EFAULT for a user copy:
 * arch/x86_64/page_fault.c).
 */
int address_space_handle_fault(struct address_space *space, uintptr_t address,
			       unsigned int access);

/*
 * What identifies the futex word at address among all address spaces: the
 * shared-memory object and the offset in it for MAP_SHARED memory (so that
 * processes sharing it meet), else the space itself and the address. 0, or
 * -EFAULT if no region holds the address.
 */
int address_space_identify_word(struct address_space *space, uintptr_t address,
				const void **object, uint64_t *offset);

/* How many pages are present (for tests and statistics). */
size_t address_space_present_pages(struct address_space *space);

#endif
