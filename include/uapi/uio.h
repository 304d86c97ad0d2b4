/* Scatter-gather buffers of readv and writev, as Linux x86_64 lays them out. */
#ifndef KUID_UAPI_UIO_H
#define KUID_UAPI_UIO_H

#include <stddef.h>

struct iovec {
	void *iov_base;
	size_t iov_len;
};

#define UIO_MAXIOV      1024            /* most buffers one readv or writev takes */

#endif /* KUID_UAPI_UIO_H */
