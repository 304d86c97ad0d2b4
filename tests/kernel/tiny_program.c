/*
 * tiny_program.c: the ktest helpers of tiny_program.h, shared by the tests
 * that run hand-assembled user programs (task_tests.c, hostile_syscall_tests.c).
 */
#include <kuid/fd_table.h>
#include <kuid/file.h>
#include <kuid/heap.h>
#include <kuid/sched.h>
#include <kuid/string.h>
#include <kuid/task.h>
#include <kuid/vfs.h>
#include <uapi/errno.h>
#include <uapi/fcntl.h>

#include "tiny_program.h"

#define PAGE 0x1000UL

/* An ELF file with one read-execute segment holding the headers and the code. */
uint8_t *tiny_program_build(const uint8_t *code, size_t code_size, uint16_t type, size_t *size)
{
	uint64_t base = type == ET_DYN ? 0 : TINY_PROGRAM_BASE;
	uint8_t *file = kzalloc(TINY_PROGRAM_CODE_OFFSET + code_size);
	struct elf64_header header = {
		.e_ident = { 0x7f, 'E', 'L', 'F', ELFCLASS64, ELFDATA2LSB, EV_CURRENT },
		.e_type = type,
		.e_machine = EM_X86_64,
		.e_version = EV_CURRENT,
		.e_entry = base + TINY_PROGRAM_CODE_OFFSET,
		.e_phoff = sizeof(struct elf64_header),
		.e_ehsize = sizeof(struct elf64_header),
		.e_phentsize = sizeof(struct elf64_program_header),
		.e_phnum = 1,
	};
	struct elf64_program_header segment = {
		.p_type = PT_LOAD,
		.p_flags = PF_R | PF_X,
		.p_vaddr = base,
		.p_filesz = TINY_PROGRAM_CODE_OFFSET + code_size,
		.p_memsz = TINY_PROGRAM_CODE_OFFSET + code_size,
		.p_align = PAGE,
	};

	if (!file)
		return NULL;
	memcpy(file, &header, sizeof(header));
	memcpy(file + sizeof(header), &segment, sizeof(segment));
	memcpy(file + TINY_PROGRAM_CODE_OFFSET, code, code_size);
	*size = TINY_PROGRAM_CODE_OFFSET + code_size;
	return file;
}

int tiny_program_install(const uint8_t *code, size_t code_size)
{
	struct fs_context *fs = fs_context_create_root();
	struct file *file = NULL;
	size_t size;
	uint8_t *bytes = tiny_program_build(code, code_size, ET_EXEC, &size);
	int error = (fs && bytes) ? 0 : -ENOMEM;

	if (!error)
		error = vfs_open(fs, &fs->root, TINY_PROGRAM_PATH, O_CREAT | O_WRONLY | O_TRUNC,
				 0755, &file);
	if (!error && kernel_write(file, bytes, size, 0) != (ssize_t)size)
		error = -EIO;
	if (file)
		file_put(file);
	if (fs)
		fs_context_put(fs);
	kfree(bytes);
	return error;
}

void tiny_program_remove(void)
{
	struct fs_context *fs = fs_context_create_root();
	struct lookup_result result;

	if (fs && path_walk(fs, &fs->root, TINY_PROGRAM_PATH, 0, &result) == 0) {
		vfs_unlink(&result.parent, result.name, false);
		lookup_result_release(&result);
	}
	if (fs)
		fs_context_put(fs);
}

int tiny_program_run(const char *const *argv)
{
	static const char *const envp[] = { "KTEST=1", NULL };
	struct process *process;
	int status;

	if (task_spawn(TINY_PROGRAM_PATH, argv, envp, &process) < 0)
		return -1;
	status = process_wait_exit(process);
	/* Let the ended threads be freed before the leak check looks. */
	thread_sleep_milliseconds(30);
	return status;
}

