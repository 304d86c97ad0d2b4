/*
 * nsfs.h: the namespace file system. Every namespace can be named by a file: what
 * /proc/PID/ns/X leads to, what setns(2) takes, what the NS_GET_* ioctls return. nsfs is an
 * internal file system (never mounted anywhere a path reaches): one super block with a fixed
 * st_dev, one inode per namespace whose st_ino is the namespace's inode number (R6.3), mode
 * S_IFREG | 0444, read-only, answering only ioctls (R6.6-R6.10).
 *
 * An nsfs inode holds a reference to its namespace, so an open file (or, later, a bind mount
 * of one) keeps the namespace alive after its last task is gone (R6.5).
 */
#ifndef KUID_NSFS_H
#define KUID_NSFS_H

#include <kuid/ns_common.h>
#include <kuid/vfs.h>

struct file;

/* st_dev of every nsfs file: 0:4, as the reference Linux host shows (R6.3). */
#define NSFS_DEVICE ((struct device_number){ 0, 4 })

/*
 * The place of ns's file: the nsfs mount and ns's inode, made now or found alive. References
 * in *path (path_put it). 0 or -ENOMEM. This is what the /proc/PID/ns/X magic links follow.
 */
int nsfs_path(struct ns_common *ns, struct path *path);

/* An open file on ns's inode with `flags` (O_RDONLY | O_CLOEXEC ...). 0 or -ENOMEM. */
int nsfs_open(struct ns_common *ns, unsigned int flags, struct file **file);

/* The namespace an nsfs file names, without a reference; NULL for any other file. */
struct ns_common *nsfs_file_namespace(const struct file *file);

/* How many nsfs inodes exist now (for tests and leak checks). */
unsigned int nsfs_inodes_alive(void);

#endif /* KUID_NSFS_H */
