/* Flags of mount(2) and umount2(2), with Linux's values. mount's flags are a mixture:
 * per-mount options (MS_RDONLY ...), operations (MS_BIND, MS_MOVE, MS_REMOUNT) and
 * propagation changes (MS_PRIVATE ...). */
#ifndef KUID_UAPI_MOUNT_H
#define KUID_UAPI_MOUNT_H

#define MS_RDONLY       (1u << 0)       /* read-only */
#define MS_NOSUID       (1u << 1)       /* ignore set-id bits and file capabilities */
#define MS_NODEV        (1u << 2)       /* device files cannot be opened */
#define MS_NOEXEC       (1u << 3)       /* execve is refused */
#define MS_SYNCHRONOUS  (1u << 4)
#define MS_REMOUNT      (1u << 5)       /* change the flags of an existing mount */
#define MS_MANDLOCK     (1u << 6)
#define MS_DIRSYNC      (1u << 7)
#define MS_NOSYMFOLLOW  (1u << 8)       /* symbolic links are not followed */
#define MS_NOATIME      (1u << 10)
#define MS_NODIRATIME   (1u << 11)
#define MS_BIND         (1u << 12)      /* make a directory visible somewhere else too */
#define MS_MOVE         (1u << 13)      /* move a mount to another place */
#define MS_REC          (1u << 14)      /* with MS_BIND or propagation: the whole subtree */
#define MS_SILENT       (1u << 15)
#define MS_POSIXACL     (1u << 16)
#define MS_UNBINDABLE   (1u << 17)      /* propagation: cannot be bind-mounted */
#define MS_PRIVATE      (1u << 18)      /* propagation: none */
#define MS_SLAVE        (1u << 19)      /* propagation: receive only */
#define MS_SHARED       (1u << 20)      /* propagation: send and receive */
#define MS_RELATIME     (1u << 21)
#define MS_KERNMOUNT    (1u << 22)
#define MS_I_VERSION    (1u << 23)
#define MS_STRICTATIME  (1u << 24)
#define MS_LAZYTIME     (1u << 25)

/* Old programs put this magic number in the top 16 bits of the flags; it is ignored. */
#define MS_MGC_VAL      0xC0ED0000u
#define MS_MGC_MSK      0xffff0000u

/* umount2 flags. */
#define MNT_FORCE       0x00000001      /* even if busy (where the file system can) */
#define MNT_DETACH      0x00000002      /* detach now, free when no longer in use */
#define MNT_EXPIRE      0x00000004
#define UMOUNT_NOFOLLOW 0x00000008      /* do not follow a final symbolic link */

#endif /* KUID_UAPI_MOUNT_H */
