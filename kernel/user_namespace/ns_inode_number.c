/*
 * ns_inode_number.c: the pool of nsfs inode numbers shared by every namespace type (R6.4).
 * A number names a namespace for as long as it lives (st_ino of /proc/PID/ns/X) and is handed
 * out again once the namespace is freed. Pure logic: a bitmap under a spinlock.
 */
#include <kuid/bitmap.h>
#include <kuid/ns_common.h>
#include <kuid/panic.h>
#include <kuid/spinlock.h>
#include <uapi/errno.h>

/* Bit i set: number NS_INODE_NUMBER_POOL_FIRST + i is in use. */
static unsigned long numbers_in_use[BITMAP_WORDS(NS_INODE_NUMBER_POOL_SIZE)];
static unsigned int count_in_use;
static struct spinlock pool_lock = SPINLOCK_INIT("ns inode numbers");

int ns_inode_number_alloc(unsigned int *inode_number)
{
	size_t bit;
	int error = 0;

	spin_lock(&pool_lock);
	/* Lowest free first, as Linux's ida does: a number freed is the next one handed out. */
	bit = bitmap_find_first_zero(numbers_in_use, NS_INODE_NUMBER_POOL_SIZE);
	if (bit == NS_INODE_NUMBER_POOL_SIZE) {
		error = -ENOSPC;
		goto out;
	}
	bitmap_set(numbers_in_use, bit);
	count_in_use++;
	*inode_number = NS_INODE_NUMBER_POOL_FIRST + (unsigned int)bit;
out:
	spin_unlock(&pool_lock);
	return error;
}

void ns_inode_number_free(unsigned int inode_number)
{
	unsigned int bit = inode_number - NS_INODE_NUMBER_POOL_FIRST;

	/* The fixed numbers of the initial namespaces lie below the pool and are never freed. */
	if (inode_number < NS_INODE_NUMBER_POOL_FIRST || bit >= NS_INODE_NUMBER_POOL_SIZE)
		return;
	spin_lock(&pool_lock);
	/* Freeing a number twice would hand it to two namespaces at once later: stop here. */
	if (!bitmap_test(numbers_in_use, bit)) {
		spin_unlock(&pool_lock);
		panic("ns_inode_number_free: %u is not in use", inode_number);
	}
	bitmap_clear(numbers_in_use, bit);
	count_in_use--;
	spin_unlock(&pool_lock);
}

unsigned int ns_inode_numbers_in_use(void)
{
	unsigned int count;

	spin_lock(&pool_lock);
	count = count_in_use;
	spin_unlock(&pool_lock);
	return count;
}
