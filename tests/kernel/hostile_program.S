/*
 * hostile_program.S: a tiny user program for hostile_syscall_tests.c. It
 * makes every call of its table HOSTILE_ROUNDS times, each with pointers the
 * kernel must refuse (kernel addresses, unmapped or non-canonical ones), bad
 * fds and bad flags, then exits with 0. Position-independent: the code is
 * copied into an ELF file at run time (tests/kernel/tiny_program.c).
 */
#define HOSTILE_ROUNDS 100
#define KERNEL 0xffff800000000000	/* the direct map */
#define IMAGE 0xffffffff80000000	/* the kernel image */
#define UNMAPPED 0x10000
#define NON_CANONICAL 0x0000800000000000

/* One table row: the system call number and its six arguments. */
#define ROW(number, a, b, c, d, e, f) .quad number, a, b, c, d, e, f

	.section .rodata
	.globl hostile_program_start, hostile_program_end
hostile_program_start:
	mov $HOSTILE_ROUNDS, %r12d
next_round:
	lea calls(%rip), %rbx
next_call:
	mov (%rbx), %rax
	cmp $-1, %rax
	je round_done
	mov 8(%rbx), %rdi
	mov 16(%rbx), %rsi
	mov 24(%rbx), %rdx
	mov 32(%rbx), %r10
	mov 40(%rbx), %r8
	mov 48(%rbx), %r9
	syscall
	add $56, %rbx
	jmp next_call
round_done:
	dec %r12d
	jnz next_round
	mov $60, %eax			/* exit(0) */
	xor %edi, %edi
	syscall

	.balign 8
calls:
	ROW(0, 0, KERNEL, 4096, 0, 0, 0)			/* read */
	ROW(0, -1, UNMAPPED, -1, 0, 0, 0)			/* read, bad fd */
	ROW(1, 1, IMAGE, 4096, 0, 0, 0)				/* write */
	ROW(2, KERNEL, 0, 0, 0, 0, 0)				/* open */
	ROW(2, UNMAPPED, 0x241, 0644, 0, 0, 0)			/* open O_CREAT */
	ROW(4, NON_CANONICAL, KERNEL, 0, 0, 0, 0)		/* stat */
	ROW(7, KERNEL, 1000, 0, 0, 0, 0)			/* poll */
	ROW(9, KERNEL, 4096, 3, 0x32, -1, 0)			/* mmap MAP_FIXED, kernel address */
	ROW(9, 0, -4096, 3, 0x22, -1, 0)			/* mmap of a huge length */
	ROW(10, KERNEL, 4096, 7, 0, 0, 0)			/* mprotect */
	ROW(11, IMAGE, 4096, 0, 0, 0, 0)			/* munmap */
	ROW(12, KERNEL, 0, 0, 0, 0, 0)				/* brk */
	ROW(13, 10, KERNEL, IMAGE, 8, 0, 0)			/* rt_sigaction */
	ROW(14, 0, KERNEL, IMAGE, 8, 0, 0)			/* rt_sigprocmask */
	ROW(19, 0, KERNEL, 1024, 0, 0, 0)			/* readv */
	ROW(22, KERNEL, 0, 0, 0, 0, 0)				/* pipe: made, not stored */
	ROW(23, 1024, KERNEL, KERNEL, KERNEL, KERNEL, 0)	/* select */
	ROW(25, KERNEL, 4096, 8192, 1, 0, 0)			/* mremap */
	ROW(32, -1, 0, 0, 0, 0, 0)				/* dup */
	ROW(35, KERNEL, KERNEL, 0, 0, 0, 0)			/* nanosleep */
	ROW(56, 0x800, 0, 0, 0, 0, 0)				/* clone: SIGHAND, no VM */
	ROW(59, KERNEL, KERNEL, KERNEL, 0, 0, 0)		/* execve */
	ROW(59, UNMAPPED, 0, 0, 0, 0, 0)			/* execve of an unmapped path */
	ROW(61, -1, KERNEL, 0, KERNEL, 0, 0)			/* wait4 */
	ROW(63, IMAGE, 0, 0, 0, 0, 0)				/* uname */
	ROW(79, KERNEL, 4096, 0, 0, 0, 0)			/* getcwd */
	ROW(80, KERNEL, 0, 0, 0, 0, 0)				/* chdir */
	ROW(83, NON_CANONICAL, 0755, 0, 0, 0, 0)		/* mkdir */
	ROW(89, UNMAPPED, KERNEL, 4096, 0, 0, 0)		/* readlink */
	ROW(99, KERNEL, 0, 0, 0, 0, 0)				/* sysinfo */
	ROW(115, 65536, KERNEL, 0, 0, 0, 0)			/* getgroups */
	ROW(116, 65536, KERNEL, 0, 0, 0, 0)			/* setgroups */
	ROW(125, KERNEL, IMAGE, 0, 0, 0, 0)			/* capget */
	ROW(131, KERNEL, IMAGE, 0, 0, 0, 0)			/* sigaltstack */
	ROW(202, KERNEL, 0, 0, 0, 0, 0)				/* futex wait */
	ROW(217, -1, KERNEL, 4096, 0, 0, 0)			/* getdents64 */
	ROW(228, 1, KERNEL, 0, 0, 0, 0)				/* clock_gettime */
	ROW(247, 0, 0, KERNEL, 4, KERNEL, 0)			/* waitid */
	ROW(257, -100, KERNEL, 0, 0, 0, 0)			/* openat */
	ROW(262, -100, UNMAPPED, KERNEL, 0, 0, 0)		/* newfstatat */
	ROW(272, -1, 0, 0, 0, 0, 0)				/* unshare, every flag */
	ROW(292, 0, 0, 0, 0, 0, 0)				/* dup3 onto itself */
	ROW(293, KERNEL, 0, 0, 0, 0, 0)				/* pipe2: made, not stored */
	ROW(302, 0, 7, KERNEL, IMAGE, 0, 0)			/* prlimit64 */
	ROW(318, KERNEL, 4096, 0, 0, 0, 0)			/* getrandom */
	ROW(332, -100, KERNEL, 0, 0x7ff, KERNEL, 0)		/* statx */
	.quad -1
hostile_program_end:
