/*
 * exec.c: execve, replacing the program a process runs.
 *
 * The steps, in the order of the code:
 *  1. Copy the path, argv and envp out of the old program's memory
 *     (sys_execve): afterwards that memory is gone.
 *  2. Read the file. A "#!" script names its interpreter: run that instead,
 *     with the script's path as an argument (up to SCRIPT_NESTING_MAX levels).
 *  3. Build the new address space completely: the ELF segments
 *     (kernel/exec/elf_load.c) and the stack with argc, argv, envp and the
 *     auxiliary vector (kernel/exec/initial_stack.c). Any failure up to
 *     here returns an error to the old program, which is still intact.
 *     The new credentials are computed here too (exec_credentials): the
 *     file's set-id bits (R8.6), then the capability sets (R4.7).
 *  4. The point of no return (commit_exec): other threads end, the new
 *     credentials and address space replace the old, the process's
 *     dumpability is set (R8.5), descriptors marked close-on-exec are
 *     closed, caught signals go back to their default, the FPU and TLS are
 *     reset, and the saved user registers are set to start at the entry
 *     point with the new stack.
 */
#include <kuid/address_space.h>
#include <kuid/arch.h>
#include <kuid/capability.h>
#include <kuid/cred.h>
#include <kuid/elf.h>
#include <kuid/exec.h>
#include <kuid/fd_table.h>
#include <kuid/file.h>
#include <kuid/heap.h>
#include <kuid/printk.h>
#include <kuid/random.h>
#include <kuid/string.h>
#include <kuid/syscall_handlers.h>
#include <kuid/task.h>
#include <kuid/user_memory.h>
#include <kuid/user_namespace.h>
#include <kuid/user_registers.h>
#include <uapi/auxvec.h>
#include <uapi/errno.h>
#include <uapi/limits.h>
#include <uapi/mman.h>
#include <uapi/mount.h>

#include "task_internal.h"

/* Linux's limits: one string at most 32 pages, all of them a quarter of the 8 MiB stack. */
#define EXEC_STRING_MAX		(32 * 4096)
#define EXEC_STRINGS_TOTAL_MAX	(TASK_STACK_LIMIT / 4)
/* The largest program kuid reads into memory at once. */
#define EXEC_FILE_MAX		(64u << 20)
#define AUXV_ENTRIES_MAX	20

/* The program to run and its arguments, as they evolve through "#!" lines. */
struct exec_plan {
	const char *filename;		/* the file to open now */
	const char *execfn;		/* the path execve was given: AT_EXECFN */
	const char **argv;		/* NULL-terminated */
	size_t argc;
	const char *const *envp;
	size_t envc;
	const char **owned_argv;	/* an argv this file made, to free */
	struct script_line *owned_line;	/* the "#!" line owned_argv points into */
};

static size_t count_strings(const char *const *strings)
{
	size_t count = 0;

	while (strings && strings[count])
		count++;
	return count;
}

/* What the set-id step needs to know about the file (R8.6). */
static void note_file_owner(struct file *file, struct exec_file_owner *owner)
{
	vfs_lock();	/* chown and chmod change these under the same lock */
	owner->mode = file->inode->mode;
	owner->uid = file->inode->uid;
	owner->gid = file->inode->gid;
	vfs_unlock();
	owner->nosuid = file->path.mount && (file->path.mount->flags & MS_NOSUID);
}

/*
 * Read the whole file at filename into a new buffer; note its owner and set-id bits. The
 * open file goes to *opened, replacing the previous level's: the program of /proc/PID/exe.
 */
static int read_program(const char *filename, void **contents, size_t *size,
			struct exec_file_owner *owner, struct file **opened)
{
	struct file *file;
	uint64_t file_size;
	ssize_t got;
	void *buffer;
	int error = vfs_open_for_exec(filename, &file);

	if (error)
		return error;
	note_file_owner(file, owner);
	file_size = file->inode->size;
	if (file_size == 0 || file_size > EXEC_FILE_MAX) {
		error = file_size == 0 ? -ENOEXEC : -ENOMEM;
		goto out_put_file;
	}
	buffer = kmalloc(file_size);
	if (!buffer) {
		error = -ENOMEM;
		goto out_put_file;
	}
	got = kernel_read(file, buffer, file_size, 0);
	if (got != (ssize_t)file_size) {
		kfree(buffer);
		error = got < 0 ? (int)got : -EIO;
		goto out_put_file;
	}
	*contents = buffer;
	*size = file_size;
	file_put(*opened);
	*opened = file;
	file_get(file);
out_put_file:
	file_put(file);
	return error;
}

/*
 * A script: the interpreter runs with argv = { interpreter, [argument],
 * script path, argv[1], ... } (the script's own argv[0] is dropped, as on Linux).
 */
static int plan_script(struct exec_plan *plan, const char *header, size_t size)
{
	struct script_line *line = kmalloc(sizeof(*line));
	size_t kept = plan->argc > 0 ? plan->argc - 1 : 0;
	const char **argv;
	size_t argc = 0;
	int error;

	if (!line)
		return -ENOMEM;
	error = script_parse(header, size, line);
	if (error) {
		kfree(line);
		return error;
	}
	argv = kmalloc((kept + 4) * sizeof(*argv));
	if (!argv) {
		kfree(line);
		return -ENOMEM;
	}
	argv[argc++] = line->interpreter;
	if (line->has_argument)
		argv[argc++] = line->argument;
	argv[argc++] = plan->filename;
	for (size_t i = 0; i < kept; i++)
		argv[argc++] = plan->argv[i + 1];
	argv[argc] = NULL;

	/* The previous level's strings are still referenced: keep them until the end. */
	plan->argv = argv;
	plan->argc = argc;
	plan->filename = line->interpreter;
	plan->owned_argv = argv;
	plan->owned_line = line;
	return 0;
}

static size_t strings_size(const char *const *strings, size_t count)
{
	size_t total = 0;

	for (size_t i = 0; i < count; i++)
		total += strlen(strings[i]) + 1;
	return total;
}

/*
 * The credentials the new program will run with: the set-id bits (R8.6), then
 * the capability sets and AT_SECURE (R4.7, cap_exec_credentials). *new_cred is
 * a private copy for commit_exec to install.
 */
static int exec_credentials(const struct exec_file_owner *owner, struct cred **new_cred,
			    bool *secure_exec)
{
	/* No file capabilities (no xattrs in kuid), no tracer, no no_new_privs yet. */
	const struct exec_capability_context context = { .file_caps = NULL };
	struct cred *cred = cred_prepare();
	int error;

	if (!cred)
		return -ENOMEM;
	exec_apply_set_id(cred, owner);
	error = cap_exec_credentials(cred, current_cred(), &context, secure_exec, NULL);
	if (error) {
		cred_abort(cred);
		return error;
	}
	*new_cred = cred;
	return 0;
}

/* Ids in the auxiliary vector are the new program's, as its namespace names them (R7.1). */
static size_t fill_auxv(struct auxv_entry *auxv, const struct loaded_program *program,
			const struct cred *cred, bool secure_exec)
{
	struct user_namespace *ns = cred->user_ns;
	size_t count = 0;

#define AUXV(key_, value_) (auxv[count++] = (struct auxv_entry){ (key_), (uint64_t)(value_) })
	AUXV(AT_HWCAP, arch_elf_hwcap());
	AUXV(AT_PAGESZ, ELF_PAGE_SIZE);
	AUXV(AT_CLKTCK, 100);
	AUXV(AT_PHDR, program->program_headers);
	AUXV(AT_PHENT, program->program_header_size);
	AUXV(AT_PHNUM, program->program_header_count);
	AUXV(AT_BASE, 0);		/* no interpreter */
	AUXV(AT_FLAGS, 0);
	AUXV(AT_ENTRY, program->entry);
	AUXV(AT_UID, from_kuid_munged(ns, cred->uid));
	AUXV(AT_EUID, from_kuid_munged(ns, cred->euid));
	AUXV(AT_GID, from_kgid_munged(ns, cred->gid));
	AUXV(AT_EGID, from_kgid_munged(ns, cred->egid));
	AUXV(AT_SECURE, secure_exec);	/* the C library then distrusts the environment */
	AUXV(AT_RANDOM, 0);		/* the addresses are filled in by initial_stack_build */
	AUXV(AT_EXECFN, 0);
	AUXV(AT_PLATFORM, 0);
#undef AUXV
	return count;
}

/* Map the stack region and write the initial stack; *stack_pointer is the new rsp. */
static int build_stack(struct address_space *space, const struct exec_plan *plan,
		       const struct loaded_program *program, const struct cred *cred,
		       bool secure_exec, uintptr_t *stack_pointer)
{
	struct auxv_entry auxv[AUXV_ENTRIES_MAX];
	struct initial_stack_strings strings;
	struct initial_stack_input input = {
		.argv = plan->argv,
		.argc = plan->argc,
		.envp = plan->envp,
		.envc = plan->envc,
		.execfn = plan->execfn,
		.platform = "x86_64",
		.auxv = auxv,
		.strings = &strings,
	};
	uintptr_t stack_bottom = USER_STACK_TOP - USER_STACK_RESERVED;
	unsigned int protection = PROT_READ | PROT_WRITE |
				  (program->executable_stack ? PROT_EXEC : 0);
	size_t image_size;
	uint8_t *image;
	int error;

	input.auxv_count = fill_auxv(auxv, program, cred, secure_exec);
	random_bytes(input.random, sizeof(input.random));
	/* Strings, two words per string (its pointer, and scratch), the vector, slack. */
	image_size = strings_size(plan->argv, plan->argc) + strings_size(plan->envp, plan->envc) +
		     strlen(plan->execfn) + 1 + 16 + 16 + 7 +
		     (plan->argc + plan->envc + 4) * 16 + (input.auxv_count + 1) * 16 + 64;
	if (image_size > EXEC_STRINGS_TOTAL_MAX + 4096)
		return -E2BIG;
	image = kzalloc(image_size);
	if (!image)
		return -ENOMEM;
	error = address_space_map(space, &stack_bottom, USER_STACK_RESERVED, protection,
				  MAP_AT_NOREPLACE | MAP_AS_STACK);
	if (!error)
		error = initial_stack_build(&input, USER_STACK_TOP, image, image_size,
					    stack_pointer);
	if (!error)
		error = address_space_write(space, *stack_pointer,
					    image + (*stack_pointer - (USER_STACK_TOP - image_size)),
					    USER_STACK_TOP - *stack_pointer);
	if (!error) {
		/* Nobody sees the new space yet: no lock needed (/proc reads these later). */
		space->arg_start = strings.arg_start;
		space->arg_end = strings.arg_end;
		space->env_start = strings.env_start;
		space->env_end = strings.env_end;
	}
	kfree(image);
	return error;
}

/* Wait until every other thread of the process is gone. */
static void end_other_threads(struct task *task)
{
	struct process *process = task->process;

	if (__atomic_load_n(&process->live_threads, __ATOMIC_RELAXED) == 1)
		return;
	task_kill_other_threads_for_exec(task);
	while (__atomic_load_n(&process->live_threads, __ATOMIC_RELAXED) > 1)
		thread_yield();
}

/* A descriptor table shared with another process must not lose their descriptors. */
static int unshare_files(struct task *task)
{
	struct files_table *copy, *old;
	unsigned long irq_state;

	if (!task->files || __atomic_load_n(&task->files->references, __ATOMIC_RELAXED) == 1)
		return 0;
	copy = files_table_copy(task->files);
	if (!copy)
		return -ENOMEM;
	/* Swapped under the tasks lock, which procfs holds while it reads task->files. */
	irq_state = tasks_lock();
	old = task->files;
	task->files = copy;
	tasks_unlock(irq_state);
	files_table_put(old);
	return 0;
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* Step 4: nothing here may fail in a way the old program could see. */
static void commit_exec(struct task *task, struct address_space *space,
			const struct loaded_program *program, uintptr_t stack_pointer,
			const char *filename, struct file *exe_file, struct cred *new_cred)
{
	struct address_space *old_space = task->address_space;
	const struct cred *old_cred = current_cred();

	end_other_threads(task);

	/*
	 * R8.5, as Linux's begin_new_exec: a new program is dumpable unless the
	 * caller ran with an effective id other than its real one; then
	 * cred_commit makes it non-dumpable if the exec changed its ids or gave
	 * it capabilities it did not have.
	 */
	task_set_dumpable(task, uid_eq(old_cred->euid, old_cred->uid) &&
					gid_eq(old_cred->egid, old_cred->gid)
				? DUMPABLE_USER
				: DUMPABLE_NO);
	cred_commit(new_cred);

	arch_irq_disable();
	task->address_space = space;
	address_space_activate(space);
	user_cpu_state_reset(task->cpu_state);
	user_cpu_state_restore(task->cpu_state);
	arch_irq_enable();
	address_space_put(old_space);
	task_release_vfork_parent(task);	/* the parent's memory is its own again */
	address_space_set_heap_start(space, program->end);

	/* Linux would kill the process if these fail; both only allocate. */
	if (unshare_files(task) == 0 && task->files)
		files_close_on_exec(task->files);
	if (signals_reset_on_exec(task) < 0)
		printk(LOG_WARNING, "kuid: execve: out of memory resetting signal handlers\n");

	task_set_comm(task, base_name(filename));
	task_set_exe_file(task, exe_file);
	task->clear_child_tid = 0;
	task->robust_list_head = 0;
	task->robust_list_length = 0;
	__atomic_store_n(&task->process->has_execed, true, __ATOMIC_RELAXED);
	user_registers_init(user_registers_of(thread_current()), program->entry, stack_pointer);
}

int task_exec(const char *path, const char *const *argv, const char *const *envp)
{
	/* Linux (since 5.18) gives a program started without arguments an empty argv[0]. */
	static const char *const empty_argv[] = { "", NULL };
	struct exec_plan plan = {
		.filename = path,
		.execfn = path,
		.argv = (const char **)argv,
		.argc = count_strings(argv),
		.envp = envp,
		.envc = count_strings(envp),
	};
	/* Each "#!" level's argv and line, freed at the end (its strings feed the next). */
	const char **level_argv[SCRIPT_NESTING_MAX + 1] = { NULL };
	struct script_line *level_line[SCRIPT_NESTING_MAX + 1] = { NULL };
	struct address_space *space = NULL;
	struct loaded_program program;
	struct exec_file_owner owner;
	struct cred *new_cred = NULL;
	struct file *exe_file = NULL;
	bool secure_exec = false;
	const char *reason = NULL;
	uintptr_t stack_pointer;
	void *contents = NULL;
	size_t size = 0;
	int error = 0;

	if (plan.argc == 0) {
		plan.argv = (const char **)empty_argv;
		plan.argc = 1;
	}
	for (int level = 0;; level++) {
		error = read_program(plan.filename, &contents, &size, &owner, &exe_file);
		if (error)
			goto out;
		if (size < 2 || memcmp(contents, "#!", 2) != 0)
			break;
		if (level == SCRIPT_NESTING_MAX) {
			error = -ELOOP;
			goto out;
		}
		error = plan_script(&plan, contents, size);
		kfree(contents);
		contents = NULL;
		if (error)
			goto out;
		level_argv[level] = plan.owned_argv;
		level_line[level] = plan.owned_line;
	}

	space = address_space_create();
	if (!space) {
		error = -ENOMEM;
		goto out;
	}
	error = elf_load(space, contents, size, &program, &reason);
	if (error && reason)
		printk(LOG_INFO, "kuid: execve %s: %s\n", plan.filename, reason);
	/* The last file read is the one that runs: an interpreter's bits count, a script's not. */
	if (!error)
		error = exec_credentials(&owner, &new_cred, &secure_exec);
	/*
	 * Linux's mm->user_ns: the new memory belongs to the namespace of the credentials it
	 * will run with; the root there owns its /proc files when it is not dumpable (R3.1).
	 */
	if (!error)
		space->user_ns = get_user_ns(new_cred->user_ns);
	if (!error)
		error = build_stack(space, &plan, &program, new_cred, secure_exec, &stack_pointer);
	if (error)
		goto out;

	commit_exec(current_task(), space, &program, stack_pointer, plan.filename, exe_file,
		    new_cred);
	exe_file = NULL;	/* the task's now */
	space = NULL;		/* the task's now */
	new_cred = NULL;	/* installed */
out:
	if (new_cred)
		cred_abort(new_cred);
	address_space_put(space);
	file_put(exe_file);
	kfree(contents);
	for (int level = 0; level <= SCRIPT_NESTING_MAX; level++) {
		kfree(level_argv[level]);
		kfree(level_line[level]);
	}
	return error;
}

/* ---- Copying the arguments out of the old program ---- */

/* Strings copied from user memory, back to back, and pointers to them. */
struct user_strings {
	char *buffer;
	size_t used;
	size_t capacity;
	const char **pointers;	/* NULL-terminated, set by finish_strings */
	size_t count;
};

/* Append one user string, growing the buffer as needed. */
static int append_user_string(struct user_strings *strings, const char __user *source,
			      size_t *total)
{
	long length;

	for (;;) {
		size_t room = strings->capacity - strings->used;

		length = copy_string_from_user(strings->buffer + strings->used, source,
					       MIN(room, (size_t)EXEC_STRING_MAX + 1));
		if (length >= 0)
			break;
		if (length != -ENAMETOOLONG)
			return (int)length;
		if (room > EXEC_STRING_MAX)
			return -E2BIG;		/* one string longer than Linux allows */
		/* Grow: double the buffer and try the string again. */
		{
			size_t capacity = MAX(strings->capacity * 2, (size_t)4096);
			char *bigger = kmalloc(capacity);

			if (!bigger)
				return -ENOMEM;
			memcpy(bigger, strings->buffer, strings->used);
			kfree(strings->buffer);
			strings->buffer = bigger;
			strings->capacity = capacity;
		}
	}
	strings->used += (size_t)length + 1;
	strings->count++;
	*total += (size_t)length + 1 + sizeof(char *);
	if (*total > EXEC_STRINGS_TOTAL_MAX)
		return -E2BIG;
	return 0;
}

static int copy_user_strings(struct user_strings *strings,
			     const char __user *const __user *vector, size_t *total)
{
	char *cursor;
	int error;

	for (size_t i = 0; vector; i++) {
		uint64_t address;

		if (copy_from_user(&address, &vector[i], sizeof(address)))
			return -EFAULT;
		if (address == 0)
			break;
		error = append_user_string(strings, (const char __user *)address, total);
		if (error)
			return error;
	}
	strings->pointers = kmalloc((strings->count + 1) * sizeof(char *));
	if (!strings->pointers)
		return -ENOMEM;
	cursor = strings->buffer;
	for (size_t i = 0; i < strings->count; i++) {
		strings->pointers[i] = cursor;
		cursor += strlen(cursor) + 1;
	}
	strings->pointers[strings->count] = NULL;
	return 0;
}

static void free_user_strings(struct user_strings *strings)
{
	kfree(strings->buffer);
	kfree(strings->pointers);
}

long sys_execve(const char __user *path, const char __user *const __user *argv,
		const char __user *const __user *envp)
{
	struct user_strings arguments = { 0 }, environment = { 0 };
	size_t total = 0;
	char *filename = kmalloc(PATH_MAX);
	long error;

	if (!filename)
		return -ENOMEM;
	error = copy_string_from_user(filename, path, PATH_MAX);
	if (error >= 0)
		error = copy_user_strings(&arguments, argv, &total);
	if (error >= 0)
		error = copy_user_strings(&environment, envp, &total);
	if (error >= 0)
		error = task_exec(filename, arguments.pointers, environment.pointers);
	free_user_strings(&arguments);
	free_user_strings(&environment);
	kfree(filename);
	/* Success: rax of the new program is 0, as on Linux. */
	return error < 0 ? error : 0;
}
