/*
 * procfs.h: the "proc" file system, mounted at /proc. Nothing in it is stored: every file is
 * written out when it is read (a snapshot, like Linux's seq_file), every /proc/PID directory
 * exists while process PID does. docs/procfs.md tells the story, including the walk of a
 * uid_map write through the checks of linux-userns-rules.md (R2.6-R2.8, R3.1-R3.22).
 */
#ifndef KUID_PROCFS_H
#define KUID_PROCFS_H

#include <kuid/id_map.h>
#include <kuid/task.h>
#include <kuid/types.h>
#include <kuid/uidgid.h>
#include <kuid/userns_rules.h>

struct cred;
struct inode;
struct super_block;
struct user_namespace;

/* Make the root directory of a new proc instance (the "proc" entry of mount.c's type table). */
int procfs_fill(struct super_block *super_block, uint32_t root_mode, kuid_t uid, kgid_t gid,
		struct inode **root);

/* At boot, after the root file system is unpacked: mount proc on /proc. */
void procfs_mount_at_boot(void);

/* ---- the id map files, callable with hand-made credentials (ktests) ---- */

/* Which map of a namespace a /proc/PID file shows. */
enum id_map_kind {
	ID_MAP_UID,
	ID_MAP_GID,
	ID_MAP_PROJID,
};

/*
 * R2.6: the text of /proc/PID/{uid,gid,projid}_map of `target` as `opener` (the credentials the
 * file was opened with) sees it, into buffer (NUL-terminated). Returns its length, or -ENOSPC
 * if size is too small.
 */
ssize_t id_map_show(enum id_map_kind kind, struct user_namespace *target,
		    const struct cred *opener, char *buffer, size_t size);

/*
 * R3.2-R3.16: a write of `count` bytes of `text` at *position to the map file of `target`,
 * opened with `opener`'s credentials and written by `writer` (the caller, current_cred(), when
 * it comes from write(2)). Returns count and advances *position, or a negative errno with
 * *refusal (may be NULL) naming the rule that refused. Serialized by the userns state lock.
 */
ssize_t id_map_write(enum id_map_kind kind, struct user_namespace *target,
		     const struct cred *opener, const struct cred *writer, const char *text,
		     size_t count, uint64_t *position, struct userns_refusal *refusal);

/*
 * R3.20, R3.21: a write to /proc/PID/setgroups of `target` ("allow" or "deny"). Returns count
 * or a negative errno with *refusal filled. (The open-time check, R3.19, is the file's.)
 */
ssize_t setgroups_write(struct user_namespace *target, const char *text, size_t count,
			uint64_t *position, struct userns_refusal *refusal);

/*
 * /proc/PID/status of process pid (the kernel's name, kuid/pid.h) as a process in `reader_ns`
 * sees it (ids translated there, R7.1), pids as a proc instance of the initial pid namespace
 * shows them. Returns its length or -ENOSPC / -ESRCH.
 */
ssize_t proc_status_show(pid_t pid, struct user_namespace *reader_ns, char *buffer, size_t size);

#endif /* KUID_PROCFS_H */
