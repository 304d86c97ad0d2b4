/* Size limits Linux promises user space, with Linux's values.
 * Named uapi/limits.h so it never stands in for the C compiler's <limits.h>. */
#ifndef KUID_UAPI_LIMITS_H
#define KUID_UAPI_LIMITS_H

#define NGROUPS_MAX     65536           /* supplementary groups per process */
#define ARG_MAX         131072          /* historical: Linux really allows 1/4 of RLIMIT_STACK */
#define NAME_MAX        255             /* bytes in one path component, without the NUL */
#define PATH_MAX        4096            /* bytes in a path, with the NUL */
#define PIPE_BUF        4096            /* writes up to this size to a pipe are atomic */
#define XATTR_NAME_MAX  255
#define XATTR_SIZE_MAX  65536

#endif /* KUID_UAPI_LIMITS_H */
