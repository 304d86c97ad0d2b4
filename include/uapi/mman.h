/* Flags of mmap, mprotect, mremap, msync and madvise with Linux x86_64 values.
 * A mapping has one protection (PROT_*) and one sharing type plus options (MAP_*). */
#ifndef KUID_UAPI_MMAN_H
#define KUID_UAPI_MMAN_H

#define PROT_NONE       0x0
#define PROT_READ       0x1
#define PROT_WRITE      0x2
#define PROT_EXEC       0x4
#define PROT_GROWSDOWN  0x01000000      /* mprotect: extend down to the start of a stack */
#define PROT_GROWSUP    0x02000000

/* The sharing type: a number in the low four bits. */
#define MAP_TYPE        0x0f
#define MAP_SHARED      0x01            /* writes reach the file and other mappers */
#define MAP_PRIVATE     0x02            /* writes make a private copy */
#define MAP_SHARED_VALIDATE 0x03        /* MAP_SHARED that refuses unknown flags */

/* Options. */
#define MAP_FIXED       0x10            /* exactly at addr, replacing what is there */
#define MAP_ANONYMOUS   0x20            /* zero-filled memory, no file */
#define MAP_ANON        MAP_ANONYMOUS
#define MAP_32BIT       0x40            /* below 2 GiB (x86_64 only) */
#define MAP_GROWSDOWN   0x0100
#define MAP_DENYWRITE   0x0800          /* ignored */
#define MAP_EXECUTABLE  0x1000          /* ignored */
#define MAP_LOCKED      0x2000
#define MAP_NORESERVE   0x4000
#define MAP_POPULATE    0x008000        /* fault the pages in now */
#define MAP_NONBLOCK    0x010000
#define MAP_STACK       0x020000
#define MAP_HUGETLB     0x040000
#define MAP_SYNC        0x080000
#define MAP_FIXED_NOREPLACE 0x100000    /* exactly at addr, but fail with EEXIST if taken */

/* mremap flags. */
#define MREMAP_MAYMOVE          1
#define MREMAP_FIXED            2
#define MREMAP_DONTUNMAP        4

/* msync flags. */
#define MS_ASYNC        1
#define MS_INVALIDATE   2
#define MS_SYNC         4

/* madvise advice. */
#define MADV_NORMAL     0
#define MADV_RANDOM     1
#define MADV_SEQUENTIAL 2
#define MADV_WILLNEED   3
#define MADV_DONTNEED   4               /* drop the pages: private anonymous memory reads 0 after */
#define MADV_FREE       8
#define MADV_REMOVE     9
#define MADV_DONTFORK   10
#define MADV_DOFORK     11

#endif /* KUID_UAPI_MMAN_H */
