/*
 * path_name.h: taking a path name apart, as text only. Pure logic shared by the
 * path walk (kernel/fs/path_lookup.c) and getcwd; the host unit tests run it too.
 */
#ifndef KUID_PATH_NAME_H
#define KUID_PATH_NAME_H

#include <kuid/types.h>

/* One component of a path: a slice of the path text, not NUL-terminated. */
struct path_component {
	const char *name;
	size_t length;
};

enum path_component_kind {
	COMPONENT_NORMAL,
	COMPONENT_DOT,		/* "."  */
	COMPONENT_DOTDOT,	/* ".." */
};

/*
 * Skip the slashes at *cursor and take the next component, advancing *cursor
 * past it. Returns false when only slashes (or nothing) were left.
 * "a//b/" gives "a", then "b", then false: repeated slashes mean one.
 */
bool path_next_component(const char **cursor, struct path_component *component);

/* True when nothing but slashes follows: the component just taken was the last. */
bool path_rest_is_empty(const char *cursor);

/* True when the rest is non-empty and all slashes: "dir/" names a directory. */
bool path_rest_is_trailing_slash(const char *cursor);

enum path_component_kind path_component_kind(const struct path_component *component);

/*
 * Build a path from the leaf upwards, as getcwd does: put "/name" in front of
 * what is already at buffer[*start .. size). *start moves left. Returns 0, or
 * -ERANGE when the buffer is too small (nothing is changed then).
 */
int path_prepend_component(char *buffer, size_t size, size_t *start, const char *name,
			   size_t length);

#endif
