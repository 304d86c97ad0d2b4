/* errno_name.h: "ENOENT" for -ENOENT (or 2), "E?" for a number errno.h does not name. */
#ifndef KUID_ERRNO_NAME_H
#define KUID_ERRNO_NAME_H

const char *errno_name(int error);

#endif
