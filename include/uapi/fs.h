/* lseek's whence values and utimensat's special times, with Linux's values. */
#ifndef KUID_UAPI_FS_H
#define KUID_UAPI_FS_H

#define SEEK_SET        0               /* the offset itself */
#define SEEK_CUR        1               /* relative to the current offset */
#define SEEK_END        2               /* relative to the end of the file */
#define SEEK_DATA       3
#define SEEK_HOLE       4

/* tv_nsec of a utimensat time: "now", or "leave this one alone". */
#define UTIME_NOW       ((1l << 30) - 1l)
#define UTIME_OMIT      ((1l << 30) - 2l)

#endif /* KUID_UAPI_FS_H */
