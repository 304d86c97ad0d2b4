/*
 * paging.c: x86_64 four-level page tables. A virtual address is cut into four
 * 9-bit indexes, one per table level, and a 12-bit offset into the page; each
 * entry points at the next level's table, the last one at the physical page.
 */
#include <kuid/page_alloc.h>
#include <kuid/paging.h>
#include <kuid/panic.h>
#include <kuid/printk.h>
#include <kuid/spinlock.h>
#include <kuid/string.h>
#include <uapi/errno.h>
#include <arch/cpu.h>
#include <arch/memory_layout.h>

/* The bits of a page table entry that kuid uses. */
#define ENTRY_PRESENT		(1UL << 0)
#define ENTRY_WRITABLE		(1UL << 1)
#define ENTRY_USER		(1UL << 2)
#define ENTRY_HUGE		(1UL << 7)	/* this PDPT/directory entry maps a page */
#define ENTRY_NO_EXECUTE	(1UL << 63)
#define ENTRY_ADDRESS_MASK	0x000ffffffffff000UL

#define EFER_NO_EXECUTE_ENABLE	(1UL << 11)

/* Table levels as the Intel manual counts them: address bits 39..47 index level 4. */
#define LEVEL_PML4		4
#define LEVEL_PDPT		3
#define LEVEL_PAGE_DIRECTORY	2
#define LEVEL_PAGE_TABLE	1

#define ENTRIES_PER_TABLE	512
#define INDEX_BITS		9

/* Canonical addresses: bits 48..63 copy bit 47, leaving a hole in the middle. */
#define UPPER_HALF_START	0xffff800000000000UL
/* PML4 entries 256..511 map the upper half: the kernel's, shared by every address space. */
#define FIRST_KERNEL_ENTRY	(ENTRIES_PER_TABLE / 2)

#define HUGE_PAGE_SIZE		(1UL << 21)	/* what a page directory entry maps */
#define ALL_PAGE_MAP_FLAGS	(PAGE_MAP_WRITE | PAGE_MAP_USER | PAGE_MAP_EXECUTE)

typedef uint64_t page_entry_t;

/* Set by linker.ld; page-aligned except the ends of text and rodata. */
extern char kernel_text_start[], kernel_text_end[];
extern char kernel_rodata_start[], kernel_rodata_end[];
extern char kernel_data_start[], kernel_data_end[];

static struct page_table kernel_table;

/* ENTRY_NO_EXECUTE when EFER.NXE is on; otherwise bit 63 is reserved and must stay 0. */
static page_entry_t no_execute;

/* The boot page tables map the first 4 GiB; paging_init sets the real end. */
static physical_address_t direct_map_end = BOOT_MAPPED_BYTES;

/* Held while any page table is walked or changed. */
static struct spinlock paging_lock = SPINLOCK_INIT("paging");

void *physical_to_virtual(physical_address_t address)
{
	BUG_ON(address >= direct_map_end);
	return (void *)(uintptr_t)(DIRECT_MAP_BASE + address);
}

/* Accepts the direct map and, for static objects, the kernel image. */
physical_address_t virtual_to_physical(const void *pointer)
{
	uintptr_t address = (uintptr_t)pointer;

	if (address >= KERNEL_VIRTUAL_OFFSET)
		return address - KERNEL_VIRTUAL_OFFSET;
	BUG_ON(address < DIRECT_MAP_BASE || address - DIRECT_MAP_BASE >= direct_map_end);
	return address - DIRECT_MAP_BASE;
}

struct page_table *paging_kernel_table(void)
{
	return &kernel_table;
}

static page_entry_t *table_entries(physical_address_t table)
{
	return physical_to_virtual(table);
}

static physical_address_t entry_address(page_entry_t entry)
{
	return entry & ENTRY_ADDRESS_MASK;
}

/* How many bytes one entry of a table at this level covers: 4 KiB, 2 MiB, 1 GiB, 512 GiB. */
static uint64_t level_span(int level)
{
	return 1UL << (PAGE_SHIFT + INDEX_BITS * (level - 1));
}

static unsigned int table_index(uintptr_t virtual_address, int level)
{
	return (virtual_address / level_span(level)) % ENTRIES_PER_TABLE;
}

static bool is_canonical(uintptr_t address)
{
	return address < USER_SPACE_END || address >= UPPER_HALF_START;
}

/* A zeroed page to hold a table, or 0 when memory is exhausted. */
static physical_address_t allocate_table(void)
{
	physical_address_t table = page_alloc();

	if (table != 0)
		memset(table_entries(table), 0, PAGE_SIZE);
	return table;
}

/*
 * Walk from the PML4 down to the table at `level` that maps virtual_address
 * and point *result at the entry for it there. Missing tables on the way are
 * created when `create` is set (-ENOMEM if that fails), or make the walk fail
 * with -EFAULT. A huge page on the way gives -EEXIST: no table lies below it.
 */
static int find_entry(physical_address_t root, uintptr_t virtual_address, int level, bool create,
		      page_entry_t **result)
{
	page_entry_t *entries = table_entries(root);
	/* The leaf entry alone decides the permissions; a table entry allows all. */
	page_entry_t table_entry_flags = ENTRY_PRESENT | ENTRY_WRITABLE;

	if (virtual_address < USER_SPACE_END)
		table_entry_flags |= ENTRY_USER;
	for (int walk_level = LEVEL_PML4; walk_level > level; walk_level--) {
		page_entry_t *entry = &entries[table_index(virtual_address, walk_level)];

		if (!(*entry & ENTRY_PRESENT)) {
			physical_address_t table;

			if (!create)
				return -EFAULT;
			table = allocate_table();
			if (table == 0)
				return -ENOMEM;
			*entry = table | table_entry_flags;
		} else if (*entry & ENTRY_HUGE) {
			return -EEXIST;
		}
		entries = table_entries(entry_address(*entry));
	}
	*result = &entries[table_index(virtual_address, level)];
	return 0;
}

static page_entry_t leaf_entry(physical_address_t physical_address, unsigned int flags)
{
	page_entry_t entry = physical_address | ENTRY_PRESENT;

	if (flags & PAGE_MAP_WRITE)
		entry |= ENTRY_WRITABLE;
	if (flags & PAGE_MAP_USER)
		entry |= ENTRY_USER;
	if (!(flags & PAGE_MAP_EXECUTE))
		entry |= no_execute;
	return entry;
}

/*
 * The CPU may keep a translation in its TLB after the entry changed. The
 * upper half is shared by every address space, so a change there may be
 * cached whichever table is active; a lower-half change only if its table is.
 */
static bool translation_may_be_cached(const struct page_table *table, uintptr_t virtual_address)
{
	return virtual_address >= UPPER_HALF_START || entry_address(read_cr3()) == table->root;
}

int page_table_map(struct page_table *table, uintptr_t virtual_address,
		   physical_address_t physical_address, unsigned int flags)
{
	unsigned long irq_state;
	page_entry_t *entry;
	int error;

	if (!IS_ALIGNED(virtual_address, PAGE_SIZE) || !is_canonical(virtual_address) ||
	    !IS_ALIGNED(physical_address, PAGE_SIZE) ||
	    (physical_address & ~ENTRY_ADDRESS_MASK) != 0 || (flags & ~ALL_PAGE_MAP_FLAGS) != 0 ||
	    ((flags & PAGE_MAP_USER) && virtual_address >= USER_SPACE_END))
		return -EINVAL;

	irq_state = spin_lock_irqsave(&paging_lock);
	error = find_entry(table->root, virtual_address, LEVEL_PAGE_TABLE, true, &entry);
	if (error == 0 && (*entry & ENTRY_PRESENT))
		error = -EEXIST;
	/* The CPU never caches a not-present entry, so there is nothing to invalidate. */
	if (error == 0)
		*entry = leaf_entry(physical_address, flags);
	spin_unlock_irqrestore(&paging_lock, irq_state);
	return error;
}

physical_address_t page_table_unmap(struct page_table *table, uintptr_t virtual_address)
{
	physical_address_t physical_address = 0;
	unsigned long irq_state;
	page_entry_t *entry;
	int error;

	BUG_ON(!IS_ALIGNED(virtual_address, PAGE_SIZE));
	if (!is_canonical(virtual_address))
		return 0;

	irq_state = spin_lock_irqsave(&paging_lock);
	error = find_entry(table->root, virtual_address, LEVEL_PAGE_TABLE, false, &entry);
	if (error == -EEXIST)
		panic("page_table_unmap: %#lx lies inside a 2 MiB page", virtual_address);
	if (error == 0 && (*entry & ENTRY_PRESENT)) {
		physical_address = entry_address(*entry);
		*entry = 0;
		if (translation_may_be_cached(table, virtual_address))
			invalidate_page(virtual_address);
	}
	spin_unlock_irqrestore(&paging_lock, irq_state);
	return physical_address;
}

int page_table_protect(struct page_table *table, uintptr_t virtual_address, unsigned int flags)
{
	unsigned long irq_state;
	page_entry_t *entry;
	int error;

	if (!IS_ALIGNED(virtual_address, PAGE_SIZE) || !is_canonical(virtual_address) ||
	    (flags & ~ALL_PAGE_MAP_FLAGS) != 0 ||
	    ((flags & PAGE_MAP_USER) && virtual_address >= USER_SPACE_END))
		return -EINVAL;

	irq_state = spin_lock_irqsave(&paging_lock);
	error = find_entry(table->root, virtual_address, LEVEL_PAGE_TABLE, false, &entry);
	if (error == 0 && !(*entry & ENTRY_PRESENT))
		error = -EFAULT;
	if (error == 0) {
		*entry = leaf_entry(entry_address(*entry), flags);
		/* The CPU may still hold the old, maybe more permissive, translation. */
		if (translation_may_be_cached(table, virtual_address))
			invalidate_page(virtual_address);
	}
	spin_unlock_irqrestore(&paging_lock, irq_state);
	return error == -EEXIST ? -EINVAL : error;
}

uintptr_t page_table_next_present(const struct page_table *table, uintptr_t from, uintptr_t end)
{
	uintptr_t address = ALIGN_DOWN(from, PAGE_SIZE);
	unsigned long irq_state;

	end = MIN(end, (uintptr_t)USER_SPACE_END);
	irq_state = spin_lock_irqsave(&paging_lock);
	while (address < end) {
		page_entry_t *entries = table_entries(table->root);
		int level;

		for (level = LEVEL_PML4; level >= LEVEL_PAGE_TABLE; level--) {
			page_entry_t entry = entries[table_index(address, level)];

			if (!(entry & ENTRY_PRESENT) || level == LEVEL_PAGE_TABLE)
				break;
			entries = table_entries(entry_address(entry));
		}
		if (level == LEVEL_PAGE_TABLE) {
			/*
			 * Look along this page table, rather than from the root again for
			 * every page: the 8 MiB stack region has a few pages in 2048, and
			 * fork, exec and exit each walk it (docs/benchmarks.md).
			 */
			unsigned int index = table_index(address, level);

			while (index < ENTRIES_PER_TABLE && address < end &&
			       !(entries[index] & ENTRY_PRESENT)) {
				index++;
				address += PAGE_SIZE;
			}
			if (index < ENTRIES_PER_TABLE || address >= end)
				break;	/* a present page, or nothing up to end */
			continue;	/* address starts the next page table's span */
		}
		/* Nothing below this entry: jump to the start of the next one at its level. */
		address = ALIGN_DOWN(address, level_span(level)) + level_span(level);
	}
	spin_unlock_irqrestore(&paging_lock, irq_state);
	return MIN(address, end);
}

/*
 * An access is allowed only if every level allows it: writable and user
 * must be set at all levels, no-execute at any level forbids execution.
 * The walk stops at the first entry that maps a page, of whatever size.
 */
int page_table_translate(const struct page_table *table, uintptr_t virtual_address,
			 physical_address_t *physical_address, unsigned int *flags)
{
	page_entry_t allowed = ENTRY_WRITABLE | ENTRY_USER;
	page_entry_t forbidden = 0;
	page_entry_t *entries;
	unsigned long irq_state;
	int error = -EFAULT;

	if (!is_canonical(virtual_address))
		return -EFAULT;

	irq_state = spin_lock_irqsave(&paging_lock);
	entries = table_entries(table->root);
	for (int level = LEVEL_PML4; level >= LEVEL_PAGE_TABLE; level--) {
		page_entry_t entry = entries[table_index(virtual_address, level)];
		uint64_t offset_mask = level_span(level) - 1;

		if (!(entry & ENTRY_PRESENT))
			break;
		allowed &= entry;
		forbidden |= entry & ENTRY_NO_EXECUTE;
		if (level == LEVEL_PAGE_TABLE || (entry & ENTRY_HUGE)) {
			if (physical_address != NULL)
				*physical_address = (entry_address(entry) & ~offset_mask) +
						    (virtual_address & offset_mask);
			if (flags != NULL)
				*flags = ((allowed & ENTRY_WRITABLE) ? PAGE_MAP_WRITE : 0) |
					 ((allowed & ENTRY_USER) ? PAGE_MAP_USER : 0) |
					 (forbidden ? 0 : PAGE_MAP_EXECUTE);
			error = 0;
			break;
		}
		entries = table_entries(entry_address(entry));
	}
	spin_unlock_irqrestore(&paging_lock, irq_state);
	return error;
}

int page_table_create(struct page_table *table)
{
	physical_address_t root = allocate_table();

	if (root == 0)
		return -ENOMEM;
	/* paging_init filled every upper-half entry, and they never change: a copy stays valid. */
	memcpy(&table_entries(root)[FIRST_KERNEL_ENTRY],
	       &table_entries(kernel_table.root)[FIRST_KERNEL_ENTRY],
	       (ENTRIES_PER_TABLE - FIRST_KERNEL_ENTRY) * sizeof(page_entry_t));
	table->root = root;
	return 0;
}

/* Free a table and every table below it, but not the pages they map. */
static void free_table_tree(physical_address_t table, int level)
{
	if (level > LEVEL_PAGE_TABLE) {
		page_entry_t *entries = table_entries(table);

		for (unsigned int i = 0; i < ENTRIES_PER_TABLE; i++)
			if ((entries[i] & ENTRY_PRESENT) && !(entries[i] & ENTRY_HUGE))
				free_table_tree(entry_address(entries[i]), level - 1);
	}
	page_free(table);
}

void page_table_destroy(struct page_table *table)
{
	page_entry_t *pml4 = table_entries(table->root);
	unsigned long irq_state;

	BUG_ON(table->root == kernel_table.root);
	BUG_ON(entry_address(read_cr3()) == table->root);

	irq_state = spin_lock_irqsave(&paging_lock);
	for (unsigned int i = 0; i < FIRST_KERNEL_ENTRY; i++)
		if (pml4[i] & ENTRY_PRESENT)
			free_table_tree(entry_address(pml4[i]), LEVEL_PDPT);
	page_free(table->root);
	table->root = 0;
	spin_unlock_irqrestore(&paging_lock, irq_state);
}

void page_table_activate(const struct page_table *table)
{
	write_cr3(table->root);
}

/*
 * Give every upper-half PML4 entry its PDPT now. Address spaces copy these
 * entries when they are created; since the entries never change afterwards,
 * every later kernel mapping shows up in all address spaces at once.
 */
static void fill_kernel_half(void)
{
	page_entry_t *pml4 = table_entries(kernel_table.root);

	for (unsigned int i = FIRST_KERNEL_ENTRY; i < ENTRIES_PER_TABLE; i++) {
		physical_address_t pdpt = allocate_table();

		if (pdpt == 0)
			panic("paging: out of memory for the kernel's page tables");
		pml4[i] = pdpt | ENTRY_PRESENT | ENTRY_WRITABLE;
	}
}

/* Map physical [0, size) at DIRECT_MAP_BASE, read-write, never executable, 2 MiB at a time. */
static void map_direct_map(physical_address_t size)
{
	for (physical_address_t address = 0; address < size; address += HUGE_PAGE_SIZE) {
		page_entry_t *entry;

		if (find_entry(kernel_table.root, DIRECT_MAP_BASE + address, LEVEL_PAGE_DIRECTORY,
			       true, &entry) != 0)
			panic("paging: cannot build the direct map at %#llx",
			      (unsigned long long)address);
		*entry = address | ENTRY_PRESENT | ENTRY_WRITABLE | ENTRY_HUGE | no_execute;
	}
}

/* Map part of the kernel image where it is linked, to where GRUB loaded it. */
static void map_kernel_section(const char *start, const char *end, unsigned int flags)
{
	uintptr_t first = ALIGN_DOWN((uintptr_t)start, PAGE_SIZE);
	uintptr_t last = ALIGN_UP((uintptr_t)end, PAGE_SIZE);

	for (uintptr_t address = first; address < last; address += PAGE_SIZE) {
		int error = page_table_map(&kernel_table, address, address - KERNEL_VIRTUAL_OFFSET,
					   flags);

		if (error != 0)
			panic("paging: cannot map the kernel at %#lx (error %d)", address, error);
	}
}

/* Everything the kernel may read through the direct map ends below this address. */
static physical_address_t highest_physical_address(const struct boot_info *info)
{
	physical_address_t highest = info->information.end;

	for (size_t i = 0; i < info->usable_memory_count; i++)
		highest = MAX(highest, info->usable_memory[i].end);
	for (size_t i = 0; i < info->module_count; i++)
		highest = MAX(highest, info->modules[i].location.end);
	return highest;
}

/*
 * The boot page tables (entry.S) map the first 4 GiB three times, all
 * writable and executable. The kernel's own table keeps two of those views,
 * with proper permissions: the image at KERNEL_VIRTUAL_OFFSET and the direct
 * map. The identity map, and with it the .boot sections' code, is gone.
 */
void paging_init(const struct boot_info *info)
{
	physical_address_t direct_map_size = ALIGN_UP(highest_physical_address(info),
						      HUGE_PAGE_SIZE);

	if (read_msr(MSR_EFER) & EFER_NO_EXECUTE_ENABLE)
		no_execute = ENTRY_NO_EXECUTE;

	kernel_table.root = allocate_table();
	if (kernel_table.root == 0)
		panic("paging: out of memory for the kernel's page tables");
	fill_kernel_half();
	map_direct_map(direct_map_size);
	map_kernel_section(kernel_text_start, kernel_text_end, PAGE_MAP_EXECUTE);
	map_kernel_section(kernel_rodata_start, kernel_rodata_end, 0);
	map_kernel_section(kernel_data_start, kernel_data_end, PAGE_MAP_WRITE);

	page_table_activate(&kernel_table);
	direct_map_end = direct_map_size;
	printk(LOG_INFO, "paging: kernel page table at %#llx, direct map of %llu MiB, "
	       "no-execute %s\n", (unsigned long long)kernel_table.root,
	       (unsigned long long)(direct_map_size >> 20), no_execute ? "on" : "unsupported");
}
