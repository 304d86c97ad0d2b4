/*
 * exec.h: the pure pieces of execve, unit tested on the host: reading a
 * "#!" line, and laying out the initial stack of a new program as the
 * System V x86_64 ABI and Linux do. kernel/task/exec.c puts them together.
 */
#ifndef KUID_EXEC_H
#define KUID_EXEC_H

#include <kuid/types.h>
#include <kuid/uidgid.h>

/* ---- "#!" scripts (kernel/exec/script_parse.c) ---- */

/* Linux reads this much of a file to decide what it is (BINPRM_BUF_SIZE). */
#define SCRIPT_HEADER_SIZE	256
/* A script may name a script as interpreter, this many times over (BINPRM_MAX_RECURSION). */
#define SCRIPT_NESTING_MAX	4

struct script_line {
	char interpreter[SCRIPT_HEADER_SIZE];
	char argument[SCRIPT_HEADER_SIZE];	/* "" when the line has none */
	bool has_argument;
};

/*
 * Parse the first `length` bytes of a file (at most SCRIPT_HEADER_SIZE are
 * looked at). Returns 0 for a "#!" line: the interpreter is the first word,
 * the optional argument is the rest of the line with surrounding blanks
 * removed (spaces inside it are kept: it is one argument, as on Linux).
 * -ENOEXEC if the file does not start with "#!", names no interpreter, or
 * the line is too long to be read whole.
 */
int script_parse(const char *header, size_t length, struct script_line *line);

/* ---- The initial stack (kernel/exec/initial_stack.c) ---- */

/* One entry of the auxiliary vector (uapi/auxvec.h). */
struct auxv_entry {
	uint64_t key;
	uint64_t value;
};

struct initial_stack_input {
	const char *const *argv;	/* argc strings */
	size_t argc;
	const char *const *envp;	/* envc strings */
	size_t envc;
	const char *execfn;		/* the path given to execve: AT_EXECFN */
	const char *platform;		/* AT_PLATFORM: "x86_64" */
	uint8_t random[16];		/* AT_RANDOM's bytes */
	/*
	 * The auxiliary vector without AT_NULL. The values of AT_EXECFN,
	 * AT_PLATFORM and AT_RANDOM are filled in with the addresses of the
	 * strings and bytes the builder places on the stack.
	 */
	struct auxv_entry *auxv;
	size_t auxv_count;
	/* Optional (NULL: not wanted): where the builder put the strings, for /proc. */
	struct initial_stack_strings *strings;
};

/*
 * The user addresses of the argument and environment strings, back to back as the
 * builder leaves them: [arg_start, arg_end) holds argv[0] .. argv[argc-1] with their
 * NULs, [env_start, env_end) the envp strings; arg_end == env_start (Linux's mm fields).
 */
struct initial_stack_strings {
	uintptr_t arg_start, arg_end;
	uintptr_t env_start, env_end;
};

/*
 * Build the stack of a new program in `image`, which stands for the user
 * addresses [stack_top - image_size, stack_top). From the top down:
 *
 *	8 zero bytes, the execfn string, the envp and argv strings (argv[0]
 *	lowest), the platform string, 16 random bytes, (16-byte alignment),
 *	the auxiliary vector ending with AT_NULL, envp[] and NULL,
 *	argv[] and NULL, argc  <- the initial stack pointer, 16-byte aligned
 *
 * Returns 0 with *stack_pointer set, or -E2BIG if it does not fit.
 * Only the bytes from *stack_pointer to stack_top are meaningful.
 */
int initial_stack_build(const struct initial_stack_input *input, uintptr_t stack_top,
			uint8_t *image, size_t image_size, uintptr_t *stack_pointer);

/* ---- Loading a program into an address space (kernel/exec/elf_load.c) ---- */

struct address_space;

/* What execve needs to start a loaded program; every address is final (biased). */
struct loaded_program {
	uintptr_t entry;		/* AT_ENTRY and the first rip */
	uintptr_t program_headers;	/* AT_PHDR */
	uint16_t program_header_size;	/* AT_PHENT */
	uint16_t program_header_count;	/* AT_PHNUM */
	uintptr_t end;			/* the end of the last segment: brk starts here */
	bool executable_stack;
};

/*
 * Check the ELF program in the size bytes at file (elf_parse) and copy its
 * segments into `space`: one region per segment with the segment's
 * protection, file bytes copied in, the rest zero. A static-PIE program
 * (ET_DYN) is placed at USER_PIE_LOAD_BIAS. 0, or elf_parse's errors with
 * *reason set, or -ENOMEM.
 */
int elf_load(struct address_space *space, const void *file, size_t size,
	     struct loaded_program *program, const char **reason);

/* ---- set-user-ID and set-group-ID programs (kernel/exec/set_id_exec.c) ---- */

/* What execve knows about the program file for its set-id bits. */
struct exec_file_owner {
	uint32_t mode;		/* S_ISUID, S_ISGID, S_IXGRP are what count */
	kuid_t uid;
	kgid_t gid;
	bool nosuid;		/* the file lies on a MS_NOSUID mount */
};

struct cred;
/*
 * R8.6: set new_cred's euid (S_ISUID) and egid (S_ISGID with group execute)
 * from the file, unless the mount is nosuid or the file's uid or gid is not
 * mapped in new_cred's namespace: then both bits are ignored. The capability
 * sets are recomputed afterwards by cap_exec_credentials (R4.7).
 */
void exec_apply_set_id(struct cred *new_cred, const struct exec_file_owner *file);

#endif
