/* How Linux packs an ioctl request number: direction, size of the argument, a type
 * letter and a command number. Older requests (TCGETS 0x5401 ...) predate this and are plain. */
#ifndef KUID_UAPI_IOCTL_H
#define KUID_UAPI_IOCTL_H

/* Bits 0..7 command number, 8..15 type, 16..29 argument size, 30..31 direction. */
#define _IOC_NRBITS     8
#define _IOC_TYPEBITS   8
#define _IOC_SIZEBITS   14
#define _IOC_DIRBITS    2

#define _IOC_NRSHIFT    0
#define _IOC_TYPESHIFT  (_IOC_NRSHIFT + _IOC_NRBITS)
#define _IOC_SIZESHIFT  (_IOC_TYPESHIFT + _IOC_TYPEBITS)
#define _IOC_DIRSHIFT   (_IOC_SIZESHIFT + _IOC_SIZEBITS)

#define _IOC_NRMASK     ((1u << _IOC_NRBITS) - 1)
#define _IOC_TYPEMASK   ((1u << _IOC_TYPEBITS) - 1)
#define _IOC_SIZEMASK   ((1u << _IOC_SIZEBITS) - 1)
#define _IOC_DIRMASK    ((1u << _IOC_DIRBITS) - 1)

/* Direction, seen from user space: _IOC_READ means the kernel writes the argument. */
#define _IOC_NONE       0u
#define _IOC_WRITE      1u
#define _IOC_READ       2u

#define _IOC(dir, type, nr, size) \
	(((dir) << _IOC_DIRSHIFT) | ((type) << _IOC_TYPESHIFT) | \
	 ((nr) << _IOC_NRSHIFT) | ((size) << _IOC_SIZESHIFT))

#define _IO(type, nr)                   _IOC(_IOC_NONE, (type), (nr), 0)
#define _IOR(type, nr, argtype)         _IOC(_IOC_READ, (type), (nr), sizeof(argtype))
#define _IOW(type, nr, argtype)         _IOC(_IOC_WRITE, (type), (nr), sizeof(argtype))
#define _IOWR(type, nr, argtype)        _IOC(_IOC_READ | _IOC_WRITE, (type), (nr), sizeof(argtype))

/* Taking a request number apart. */
#define _IOC_DIR(request)       (((request) >> _IOC_DIRSHIFT) & _IOC_DIRMASK)
#define _IOC_TYPE(request)      (((request) >> _IOC_TYPESHIFT) & _IOC_TYPEMASK)
#define _IOC_NR(request)        (((request) >> _IOC_NRSHIFT) & _IOC_NRMASK)
#define _IOC_SIZE(request)      (((request) >> _IOC_SIZESHIFT) & _IOC_SIZEMASK)

#endif /* KUID_UAPI_IOCTL_H */
