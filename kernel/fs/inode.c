/*
 * inode.c: the life of an inode and of a super_block. An inode lives while
 * anything holds a reference: a directory entry (one per name), an open
 * file, a process's cwd or root, a mount. The last put frees it.
 */
#include <kuid/file.h>
#include <kuid/heap.h>
#include <kuid/panic.h>
#include <kuid/user_namespace.h>
#include <kuid/vfs.h>
#include <uapi/stat.h>

struct inode *inode_new(struct super_block *super_block, uint32_t mode)
{
	struct inode *inode = kzalloc(sizeof(*inode));
	struct vfs_time now = vfs_now();

	if (!inode)
		return NULL;
	inode->references = 1;
	inode->mode = mode;
	inode->nlink = 1;
	inode->access_time = now;
	inode->modify_time = now;
	inode->change_time = now;
	inode->super_block = super_block;
	super_block_get(super_block);
	/* Atomic, not under vfs_lock: file systems create inodes with the lock held. */
	inode->number = __atomic_fetch_add(&super_block->next_inode_number, 1, __ATOMIC_RELAXED);
	return inode;
}

void inode_get(struct inode *inode)
{
	__atomic_add_fetch(&inode->references, 1, __ATOMIC_RELAXED);
}

void inode_put(struct inode *inode)
{
	unsigned int left;

	if (!inode)
		return;
	left = __atomic_sub_fetch(&inode->references, 1, __ATOMIC_ACQ_REL);
	BUG_ON(left == (unsigned int)-1);
	if (left != 0)
		return;
	if (S_ISFIFO(inode->mode))
		fifo_inode_destroy(inode);
	if (inode->operations && inode->operations->destroy)
		inode->operations->destroy(inode);
	super_block_put(inode->super_block);
	kfree(inode);
}

void super_block_get(struct super_block *super_block)
{
	__atomic_add_fetch(&super_block->references, 1, __ATOMIC_RELAXED);
}

void super_block_put(struct super_block *super_block)
{
	if (!super_block)
		return;
	if (__atomic_sub_fetch(&super_block->references, 1, __ATOMIC_ACQ_REL) != 0)
		return;
	kfree(super_block->private);
	put_user_ns(super_block->user_ns);
	kfree(super_block);
}
