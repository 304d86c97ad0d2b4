/*
 * path_name.c: splitting a path into components and building one back from
 * names. Pure text handling; no inode is touched here (see kuid/path_name.h).
 */
#include <kuid/path_name.h>
#include <kuid/string.h>
#include <uapi/errno.h>

bool path_next_component(const char **cursor, struct path_component *component)
{
	const char *text = *cursor;
	size_t length = 0;

	while (*text == '/')
		text++;
	if (*text == '\0') {
		*cursor = text;
		return false;
	}
	while (text[length] != '\0' && text[length] != '/')
		length++;
	component->name = text;
	component->length = length;
	*cursor = text + length;
	return true;
}

bool path_rest_is_empty(const char *cursor)
{
	while (*cursor == '/')
		cursor++;
	return *cursor == '\0';
}

bool path_rest_is_trailing_slash(const char *cursor)
{
	return *cursor == '/' && path_rest_is_empty(cursor);
}

enum path_component_kind path_component_kind(const struct path_component *component)
{
	if (component->length == 1 && component->name[0] == '.')
		return COMPONENT_DOT;
	if (component->length == 2 && component->name[0] == '.' && component->name[1] == '.')
		return COMPONENT_DOTDOT;
	return COMPONENT_NORMAL;
}

int path_prepend_component(char *buffer, size_t size, size_t *start, const char *name,
			   size_t length)
{
	/* The slash and the name must fit in front of what is there. */
	if (*start > size || length + 1 > *start)
		return -ERANGE;
	*start -= length;
	memcpy(buffer + *start, name, length);
	*start -= 1;
	buffer[*start] = '/';
	return 0;
}
