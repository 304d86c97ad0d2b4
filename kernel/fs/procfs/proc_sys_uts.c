/*
 * proc_sys_uts.c: /proc/sys/kernel/hostname and domainname, the names of the reader's UTS
 * namespace as files. They are global settings to the permission rule (R9.8): only the global
 * root may write them, so root of a container renames its own UTS namespace with
 * sethostname(2) (R5.10) and gets EACCES here, as on Linux.
 */
#include <kuid/nsproxy.h>
#include <kuid/string.h>
#include <kuid/uts_namespace.h>
#include <uapi/stat.h>

#include "procfs_internal.h"

enum uts_setting {
	SETTING_HOSTNAME,
	SETTING_DOMAINNAME,
};

/* The field of `names` the entry is about. */
static char *uts_field(struct new_utsname *names, struct proc_file *file)
{
	return file->entry->parameter == SETTING_HOSTNAME ? names->nodename : names->domainname;
}

/* Whose names: the UTS namespace of whoever reads or writes now, as Linux's get_uts(). */
static int uts_name_seq(struct seq_buffer *seq, struct proc_file *file)
{
	struct new_utsname names;

	uts_namespace_read(current_namespaces()->uts, &names);
	seq_printf(seq, "%s\n", uts_field(&names, file));
	return 0;
}

/*
 * proc_dostring's rules: the text is taken up to a newline or NUL and cut at NEW_UTS_LEN
 * bytes; a write at position P continues the name from byte P (nothing happens past its end).
 * The whole count is always consumed.
 */
static ssize_t uts_name_write(struct proc_file *file, const char *text, size_t count,
			      uint64_t *position)
{
	struct uts_namespace *uts = current_namespaces()->uts;
	struct new_utsname names;
	char *field;
	size_t length, i;

	uts_namespace_read(uts, &names);
	field = uts_field(&names, file);
	length = strlen(field);
	if (*position > length)
		return (ssize_t)count;
	length = (size_t)*position;
	for (i = 0; i < count && length < NEW_UTS_LEN; i++) {
		if (text[i] == '\0' || text[i] == '\n')
			break;
		field[length++] = text[i];
	}
	if (file->entry->parameter == SETTING_HOSTNAME)
		uts_namespace_set_hostname(uts, field, length);
	else
		uts_namespace_set_domainname(uts, field, length);
	*position += count;
	return (ssize_t)count;
}

#define UTS_SETTING(entry_name, which)                                                  \
	{                                                                              \
		.name = entry_name, .mode = S_IFREG | 0644, .show = uts_name_seq,      \
		.write = uts_name_write, .permission = sysctl_permission,              \
		.parameter = which,                                                    \
	}

const struct proc_entry proc_sys_hostname_entry = UTS_SETTING("hostname", SETTING_HOSTNAME);
const struct proc_entry proc_sys_domainname_entry =
	UTS_SETTING("domainname", SETTING_DOMAINNAME);
