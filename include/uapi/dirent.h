/* Directory entries as getdents64 returns them on Linux.
 * Records are packed one after another; d_reclen is each one's length, padded to 8 bytes. */
#ifndef KUID_UAPI_DIRENT_H
#define KUID_UAPI_DIRENT_H

#include <stdint.h>

struct linux_dirent64 {
	uint64_t d_ino;
	int64_t d_off;                  /* position to lseek to for the entry after this one */
	uint16_t d_reclen;              /* length of this whole record */
	uint8_t d_type;                 /* DT_* */
	char d_name[];                  /* NUL-terminated */
};

/* d_type: the file type, or DT_UNKNOWN when the file system does not know it cheaply. */
#define DT_UNKNOWN      0
#define DT_FIFO         1
#define DT_CHR          2
#define DT_DIR          4
#define DT_BLK          6
#define DT_REG          8
#define DT_LNK          10
#define DT_SOCK         12
#define DT_WHT          14

/* The d_type of a file with mode m: its S_IFMT bits shifted down. */
#define DT_FROM_MODE(mode)      (((mode) >> 12) & 15)

#endif /* KUID_UAPI_DIRENT_H */
