/* poll() and select() as Linux defines them on x86_64.
 * struct pollfd and the event bits of poll(2); fd_set of select(2). */
#ifndef KUID_UAPI_POLL_H
#define KUID_UAPI_POLL_H

#include <stdint.h>

#define POLLIN          0x0001  /* there is data to read */
#define POLLPRI         0x0002  /* urgent data */
#define POLLOUT         0x0004  /* writing will not block */
#define POLLERR         0x0008  /* an error (always reported) */
#define POLLHUP         0x0010  /* the other end hung up (always reported) */
#define POLLNVAL        0x0020  /* the fd is not open (always reported) */
#define POLLRDNORM      0x0040
#define POLLRDBAND      0x0080
#define POLLWRNORM      0x0100
#define POLLWRBAND      0x0200

struct pollfd {
	int32_t fd;
	int16_t events;
	int16_t revents;
};

/* select(2): a bitmap of 1024 descriptors in unsigned longs. */
#define FD_SETSIZE      1024

typedef struct {
	unsigned long fds_bits[FD_SETSIZE / (8 * sizeof(unsigned long))];
} fd_set;

#endif
