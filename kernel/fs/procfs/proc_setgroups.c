/*
 * proc_setgroups.c: /proc/PID/setgroups, "allow" or "deny" (R3.18-R3.22). Denying setgroups(2)
 * is what lets an unprivileged owner map its own gid (R3.13b): without it, the process could
 * drop a supplementary group that a file's permissions deny it. The switch is one-way.
 */
#include <kuid/capability.h>
#include <kuid/cred.h>
#include <kuid/string.h>
#include <kuid/user_namespace.h>
#include <uapi/errno.h>
#include <uapi/stat.h>

#include "procfs_internal.h"

/* R3.20: count < 8 (Linux's buffer of 8 with room for a NUL). */
#define SETGROUPS_WRITE_LIMIT 8

static bool is_space(char character)
{
	return character == ' ' || (character >= '\t' && character <= '\r');
}

/* R3.20: `word` at the start, then only white space. */
static bool text_is_word(const char *text, size_t count, const char *word)
{
	size_t length = strlen(word);

	if (count < length || memcmp(text, word, length) != 0)
		return false;
	for (size_t i = length; i < count && text[i]; i++)
		if (!is_space(text[i]))
			return false;
	return true;
}

ssize_t setgroups_write(struct user_namespace *target, const char *text, size_t count,
			uint64_t *position, struct userns_refusal *refusal)
{
	bool allow;
	int error = 0;

	if (*position != 0 || count >= SETGROUPS_WRITE_LIMIT)
		return userns_refuse(refusal, RULE_R3_20_SETGROUPS_FORMAT, 0,
				     "setgroups takes one short write at offset 0", EINVAL);
	if (text_is_word(text, count, "allow"))
		allow = true;
	else if (text_is_word(text, count, "deny"))
		allow = false;
	else
		return userns_refuse(refusal, RULE_R3_20_SETGROUPS_FORMAT, 0,
				     "setgroups takes \"allow\" or \"deny\"", EINVAL);

	userns_state_lock();
	if (allow) {
		/* R3.21: once denied, never allowed again; "allow" otherwise changes nothing. */
		if (!(target->flags & USERNS_SETGROUPS_ALLOWED))
			error = userns_refuse(refusal, RULE_R3_21_SETGROUPS_STATE, 0,
					      "setgroups was denied and cannot be allowed again",
					      EPERM);
	} else {
		/* R3.21: too late once gid_map is written (the initial ns has one: EPERM). */
		if (__atomic_load_n(&target->gid_map.extent_count, __ATOMIC_ACQUIRE) != 0)
			error = userns_refuse(refusal, RULE_R3_21_SETGROUPS_STATE, 0,
					      "setgroups cannot be denied after gid_map is written",
					      EPERM);
		else
			target->flags &= ~USERNS_SETGROUPS_ALLOWED;
	}
	userns_state_unlock();
	if (error < 0)
		return error;
	*position += count;
	return (ssize_t)count;
}

/*
 * R2.8, R3.19: bind the namespace; opening for writing needs CAP_SYS_ADMIN over it at open
 * time, and its absence is EACCES (not EPERM, as Linux's proc_setgroups_open).
 */
static int setgroups_open(struct proc_file *file, unsigned int flags)
{
	file->user_ns = proc_task_user_ns(file->pid);
	if (!file->user_ns)
		return -ESRCH;
	if ((flags & O_ACCMODE) != O_RDONLY &&
	    !has_ns_capability(file->opener, file->user_ns, CAP_SYS_ADMIN))
		return userns_refuse(&file->refusal, RULE_R3_19_SETGROUPS_OPEN, 0,
				     "writing setgroups needs CAP_SYS_ADMIN over the namespace",
				     EACCES);
	return 0;
}

static int setgroups_seq(struct seq_buffer *seq, struct proc_file *file)
{
	bool allowed = __atomic_load_n(&file->user_ns->flags, __ATOMIC_RELAXED) &
		       USERNS_SETGROUPS_ALLOWED;

	seq_printf(seq, "%s\n", allowed ? "allow" : "deny");
	return 0;
}

static ssize_t setgroups_file_write(struct proc_file *file, const char *text, size_t count,
				    uint64_t *position)
{
	return setgroups_write(file->user_ns, text, count, position, &file->refusal);
}

const struct proc_entry proc_setgroups_entry = {
	.name = "setgroups",
	.mode = S_IFREG | 0644,
	.open = setgroups_open,
	.show = setgroups_seq,
	.write = setgroups_file_write,
	.seq_file = true,
};
