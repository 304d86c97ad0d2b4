/* ioctls on namespace files (/proc/PID/ns/...), with Linux's request numbers.
 * Each returns a new descriptor or a number about the namespace the file refers to. */
#ifndef KUID_UAPI_NSFS_H
#define KUID_UAPI_NSFS_H

#include "ioctl.h"

#define NSIO                    0xb7
#define NS_GET_USERNS           _IO(NSIO, 0x1)  /* fd of the owning user namespace */
#define NS_GET_PARENT           _IO(NSIO, 0x2)  /* fd of the parent (user and pid namespaces) */
#define NS_GET_NSTYPE           _IO(NSIO, 0x3)  /* the namespace's CLONE_NEW* flag */
#define NS_GET_OWNER_UID        _IO(NSIO, 0x4)  /* user namespace: creator's uid, via a uid_t * */

#endif /* KUID_UAPI_NSFS_H */
