/*
 * mmap.c: the memory system calls: mmap, munmap, mprotect, mremap, brk,
 * madvise. They check the arguments the way Linux does and leave the work to
 * address_space*.c.
 *
 * MAP_SHARED|MAP_ANONYMOUS memory is shared with the children forked
 * afterwards (a shared-memory object, kernel/mm/shared_memory.c). What kuid
 * does not do (yet): a file mapping is a private copy made at mmap time, read
 * through the VFS. So MAP_PRIVATE file mappings behave as on Linux as long as
 * nobody writes the file afterwards; a read-only MAP_SHARED mapping is
 * accepted as such a copy; a writable MAP_SHARED file mapping is refused with
 * -ENODEV (it would need the file's pages themselves: a page cache).
 *
 * RLIMIT_AS: mmap, mremap and brk fail with -ENOMEM (brk: keep the old break)
 * when the program's mappings would grow past it; address_space.c says what
 * counts.
 */
#include <kuid/address_space.h>
#include <kuid/fd_table.h>
#include <kuid/file.h>
#include <kuid/heap.h>
#include <kuid/syscall_handlers.h>
#include <kuid/task.h>
#include <uapi/errno.h>
#include <uapi/mman.h>
#include <uapi/stat.h>

#define PAGE_BYTES 4096u
#define PROTECTION_BITS (PROT_READ | PROT_WRITE | PROT_EXEC)

/* The caller's address space, made to obey the caller's RLIMIT_AS. */
static struct address_space *current_space(void)
{
	struct address_space *space = current_task()->address_space;

	address_space_set_size_limit(space, current_limit(RLIMIT_AS));
	return space;
}

/* Copy length bytes of the file from offset into the new mapping at address. */
static int copy_file_into(struct address_space *space, uintptr_t address, struct file *file,
			  uint64_t offset, size_t length)
{
	uint8_t *buffer = kmalloc(PAGE_BYTES);
	int error = 0;

	if (!buffer)
		return -ENOMEM;
	while (length > 0 && !error) {
		ssize_t got = kernel_read(file, buffer, MIN(length, (size_t)PAGE_BYTES), offset);

		if (got < 0)
			error = (int)got;
		if (got <= 0)
			break;	/* the end of the file: the rest stays zero */
		error = address_space_write(space, address, buffer, (size_t)got);
		address += (size_t)got;
		offset += (size_t)got;
		length -= (size_t)got;
	}
	kfree(buffer);
	return error;
}

/* The file behind fd, checked for a private copy. A reference, or an error. */
static int file_for_mapping(int fd, int flags, int protection, struct file **result)
{
	struct file *file = files_table_get_file(current_files(), fd);
	int error = 0;

	if (!file)
		return -EBADF;
	if (!S_ISREG(file->inode->mode))
		error = -ENODEV;
	else if (!file_readable(file))
		error = -EACCES;
	else if ((flags & MAP_TYPE) != MAP_PRIVATE && (protection & PROT_WRITE))
		error = file_writable(file) ? -ENODEV : -EACCES;
	if (error) {
		file_put(file);
		return error;
	}
	*result = file;
	return 0;
}

long sys_mmap(uintptr_t address, size_t length, int protection, int flags, int fd, long offset)
{
	struct address_space *space = current_space();
	unsigned int how = 0;
	struct file *file = NULL;
	int type = flags & MAP_TYPE;
	long error;

	if (length == 0 || (offset & (PAGE_BYTES - 1)))
		return -EINVAL;
	if (type != MAP_SHARED && type != MAP_PRIVATE && type != MAP_SHARED_VALIDATE)
		return -EINVAL;
	/* Anonymous memory is shared or private; MAP_SHARED_VALIDATE is for files. */
	if ((flags & MAP_ANONYMOUS) && type == MAP_SHARED_VALIDATE)
		return -EINVAL;
	if (protection & ~(PROTECTION_BITS | PROT_GROWSDOWN | PROT_GROWSUP))
		return -EINVAL;
	if (flags & MAP_FIXED_NOREPLACE)
		how = MAP_AT_NOREPLACE;
	else if (flags & MAP_FIXED)
		how = MAP_AT_FIXED;
	if ((flags & MAP_ANONYMOUS) && type == MAP_SHARED)
		how |= MAP_AS_SHARED;
	if (!(flags & MAP_ANONYMOUS)) {
		error = file_for_mapping(fd, flags, protection, &file);
		if (error)
			return error;
	}

	error = address_space_map(space, &address, length, protection & PROTECTION_BITS, how);
	if (!error && file)
		error = copy_file_into(space, address, file, (uint64_t)offset, length);
	if (error && file && error != -EEXIST)
		address_space_unmap(space, address, length);
	if (file)
		file_put(file);
	return error ? error : (long)address;
}

long sys_munmap(uintptr_t address, size_t length)
{
	return address_space_unmap(current_space(), address, length);
}

long sys_mprotect(uintptr_t address, size_t length, int protection)
{
	if (protection & ~(PROTECTION_BITS | PROT_GROWSDOWN | PROT_GROWSUP))
		return -EINVAL;
	if (address & (PAGE_BYTES - 1))
		return -EINVAL;
	if (length == 0)
		return 0;
	return address_space_protect(current_space(), address, length,
				     protection & PROTECTION_BITS);
}

long sys_mremap(uintptr_t address, size_t old_length, size_t new_length, int flags,
	       uintptr_t new_address)
{
	int error = address_space_remap(current_space(), address, old_length, new_length,
					(unsigned int)flags, &new_address);

	return error ? error : (long)new_address;
}

/* brk(0) asks where the break is; a failed move answers with the old break, as Linux. */
long sys_brk(uintptr_t new_break)
{
	return (long)address_space_set_break(current_space(), new_break);
}

long sys_madvise(uintptr_t address, size_t length, int advice)
{
	if (address & (PAGE_BYTES - 1))
		return -EINVAL;
	if (length == 0)
		return 0;
	switch (advice) {
	case MADV_DONTNEED:
		return address_space_discard(current_space(), address, length);
	case MADV_NORMAL:
	case MADV_RANDOM:
	case MADV_SEQUENTIAL:
	case MADV_WILLNEED:
	case MADV_FREE:
	case MADV_DONTFORK:
	case MADV_DOFORK:
		return 0;	/* advice kuid has no use for */
	default:
		return -EINVAL;
	}
}
