/*
 * proc_id_map.c: /proc/PID/uid_map, gid_map and projid_map. Opening one binds the process's
 * user namespace (R2.8); reading shows each extent as the *opener* sees it (R2.6); writing runs
 * Linux's checks in Linux's order (R3.16), each refusal naming its rule. docs/procfs.md walks
 * through a write step by step.
 */
#include <kuid/capability.h>
#include <kuid/cred.h>
#include <kuid/heap.h>
#include <kuid/string.h>
#include <kuid/user_namespace.h>
#include <uapi/errno.h>
#include <uapi/stat.h>

#include "procfs_internal.h"

static struct id_map *map_of(struct user_namespace *ns, enum id_map_kind kind)
{
	switch (kind) {
	case ID_MAP_UID:
		return &ns->uid_map;
	case ID_MAP_GID:
		return &ns->gid_map;
	default:
		return &ns->projid_map;
	}
}

/* Which capability the writer and opener need in the parent (R3.13d); -1 for projid (R3.13c). */
static int setid_capability(enum id_map_kind kind)
{
	switch (kind) {
	case ID_MAP_UID:
		return CAP_SETUID;
	case ID_MAP_GID:
		return CAP_SETGID;
	default:
		return -1;
	}
}

/* ---- reading (R2.6) ---- */

static void show_map(struct seq_buffer *seq, enum id_map_kind kind, struct user_namespace *target,
		     const struct cred *opener)
{
	struct user_namespace *viewer = opener->user_ns;
	const struct id_map_extent *extent;
	char line[ID_MAP_LINE_SIZE];

	/* R2.6: inside the target itself, the lower ids are shown as the parent numbers them. */
	if (viewer == target && target->parent)
		viewer = target->parent;
	for (uint32_t i = 0; (extent = id_map_read_back(map_of(target, kind), i)) != NULL; i++) {
		/* Only the first id is translated; unmapped shows as 4294967295, not 65534. */
		uint32_t lower_shown = map_id_up(map_of(viewer, kind), extent->lower_first);
		int length = id_map_format_line(line, sizeof(line), extent, lower_shown);

		seq_write(seq, line, (size_t)length);
	}
}

ssize_t id_map_show(enum id_map_kind kind, struct user_namespace *target,
		    const struct cred *opener, char *buffer, size_t size)
{
	struct seq_buffer seq;

	seq_init_fixed(&seq, buffer, size);
	show_map(&seq, kind, target, opener);
	return seq.error ? seq.error : (ssize_t)seq.length;
}

/* ---- writing (R3.2-R3.16) ---- */

/*
 * R3.13a, verify_root_map: a map that gives the parent's id 0 to the namespace makes file
 * capabilities of the namespace's root count for the parent's root; only a creator that could
 * set file capabilities may do that.
 */
static int check_root_mapping(const struct id_map *parsed, struct user_namespace *target,
			      const struct cred *opener, struct userns_refusal *refusal)
{
	bool maps_parent_root = false;

	for (uint32_t i = 0; i < parsed->extent_count; i++)
		if (parsed->table->extents[i].lower_first == 0)
			maps_parent_root = true;
	if (!maps_parent_root)
		return 0;
	if (opener->user_ns == target) {
		/* Writing one's own map from inside: was CAP_SETFCAP there at unshare? */
		if (!target->parent_could_setfcap)
			return userns_refuse(refusal, RULE_R3_13_NOT_PERMITTED, 0,
					     "mapping the parent's root needs CAP_SETFCAP at creation",
					     EPERM);
	} else if (!file_ns_capable(opener, target->parent, CAP_SETFCAP)) {
		return userns_refuse(refusal, RULE_R3_13_NOT_PERMITTED, 0,
				     "mapping the parent's root needs the opener's CAP_SETFCAP",
				     EPERM);
	}
	return 0;
}

/* R3.13, new_idmap_permitted: may these ids be mapped? Judged by the opener, and the writer. */
static int check_permitted(enum id_map_kind kind, const struct id_map *parsed,
			   struct user_namespace *target, const struct cred *opener,
			   const struct cred *writer, struct userns_refusal *refusal)
{
	const struct id_map_extent *only = &parsed->table->extents[0];
	int capability = setid_capability(kind);
	int error;

	if (kind == ID_MAP_UID) {
		error = check_root_mapping(parsed, target, opener, refusal);
		if (error < 0)
			return error;
	}
	/* b. The owner may map its own euid (egid, with setgroups denied), one id, once. */
	if (parsed->extent_count == 1 && only->count == 1 && uid_eq(target->owner, opener->euid)) {
		if (kind == ID_MAP_UID &&
		    uid_eq(make_kuid(target->parent, only->lower_first), opener->euid))
			return 0;
		if (kind == ID_MAP_GID && !(target->flags & USERNS_SETGROUPS_ALLOWED) &&
		    gid_eq(make_kgid(target->parent, only->lower_first), opener->egid))
			return 0;
	}
	/* c. Project ids give no power over anything: any mapping is fine. */
	if (capability < 0)
		return 0;
	/* d. Otherwise the writer and the opener both need CAP_SETUID/SETGID in the parent. */
	if (!has_ns_capability(writer, target->parent, capability))
		return userns_refuse(refusal, RULE_R3_13_NOT_PERMITTED, 0,
				     "the writer lacks CAP_SETUID/CAP_SETGID in the parent", EPERM);
	if (!file_ns_capable(opener, target->parent, capability))
		return userns_refuse(refusal, RULE_R3_13_NOT_PERMITTED, 0,
				     "the opener lacks CAP_SETUID/CAP_SETGID in the parent", EPERM);
	return 0;
}

/*
 * The checks that need the userns state lock, in Linux's order after parsing has already been
 * done (its verdict, parse_error, is reported at the point Linux parses: after R3.6, R3.7).
 */
static int check_and_install(enum id_map_kind kind, struct user_namespace *target,
			     const struct cred *opener, const struct cred *writer,
			     struct id_map *parsed, int parse_error,
			     struct userns_refusal *parse_refusal, struct userns_refusal *refusal)
{
	struct id_map *map = map_of(target, kind);
	int error;

	userns_state_lock();
	if (__atomic_load_n(&map->extent_count, __ATOMIC_ACQUIRE) != 0) {
		error = userns_refuse(refusal, RULE_R3_6_WRITE_ONCE, 0,
				      "the map has already been written", EPERM);
		goto out;
	}
	if (kind != ID_MAP_PROJID && !file_ns_capable(opener, target, CAP_SYS_ADMIN)) {
		error = userns_refuse(refusal, RULE_R3_7_OPENER_NOT_ADMIN, 0,
				      "the opener lacks CAP_SYS_ADMIN over the namespace", EPERM);
		goto out;
	}
	if (parse_error < 0) {
		if (refusal)
			*refusal = *parse_refusal;
		error = parse_error;
		goto out;
	}
	error = check_permitted(kind, parsed, target, opener, writer, refusal);
	if (error == 0)
		error = id_map_translate_lower(parsed, map_of(target->parent, kind), refusal);
	if (error == 0)
		error = id_map_install(map, parsed);	/* the map takes over the table */
out:
	userns_state_unlock();
	return error;
}

ssize_t id_map_write(enum id_map_kind kind, struct user_namespace *target,
		     const struct cred *opener, const struct cred *writer, const char *text,
		     size_t count, uint64_t *position, struct userns_refusal *refusal)
{
	struct userns_refusal parse_refusal = { 0 };
	struct id_map parsed = { 0 };
	int parse_error, error;

	if (!target->parent)
		return userns_refuse(refusal, RULE_R3_2_INITIAL_NAMESPACE, 0,
				     "the initial namespace's maps never change", EPERM);
	if (opener->user_ns != target && opener->user_ns != target->parent)
		return userns_refuse(refusal, RULE_R3_3_OPENER_NAMESPACE, 0,
				     "the opener lives neither in the namespace nor in its parent",
				     EPERM);
	if (*position != 0 || count >= ID_MAP_WRITE_SIZE_LIMIT)
		return userns_refuse(refusal, RULE_R3_4_WRITE_SIZE, 0,
				     "a map is written at offset 0 in fewer than 4096 bytes", EINVAL);

	/* R3.15: the table comes from kmalloc, before the lock; parsing needs no lock either. */
	parsed.table = kzalloc(sizeof(struct id_map_table));
	if (!parsed.table)
		return -ENOMEM;
	parse_error = id_map_parse(text, count, &parsed, &parse_refusal);
	error = check_and_install(kind, target, opener, writer, &parsed, parse_error,
				  &parse_refusal, refusal);
	if (error < 0) {
		kfree(parsed.table);	/* R3.6: a failed write leaves the map unwritten */
		return error;
	}
	*position += count;
	return (ssize_t)count;
}

/* ---- the files ---- */

/* R2.8: the file keeps the namespace the process was in when it was opened. */
static int id_map_open(struct proc_file *file, unsigned int flags)
{
	(void)flags;
	file->user_ns = proc_task_user_ns(file->pid);
	return file->user_ns ? 0 : -ESRCH;
}

static int id_map_seq(struct seq_buffer *seq, struct proc_file *file)
{
	show_map(seq, (enum id_map_kind)file->entry->parameter, file->user_ns, file->opener);
	return 0;
}

static ssize_t id_map_file_write(struct proc_file *file, const char *text, size_t count,
				 uint64_t *position)
{
	return id_map_write((enum id_map_kind)file->entry->parameter, file->user_ns, file->opener,
			    current_cred(), text, count, position, &file->refusal);
}

#define ID_MAP_ENTRY(entry_name, kind)                                                      \
	{                                                                                  \
		.name = entry_name, .mode = S_IFREG | 0644, .open = id_map_open,           \
		.show = id_map_seq, .write = id_map_file_write, .seq_file = true,          \
		.parameter = kind,                                                         \
	}

const struct proc_entry proc_uid_map_entry = ID_MAP_ENTRY("uid_map", ID_MAP_UID);
const struct proc_entry proc_gid_map_entry = ID_MAP_ENTRY("gid_map", ID_MAP_GID);
const struct proc_entry proc_projid_map_entry = ID_MAP_ENTRY("projid_map", ID_MAP_PROJID);
