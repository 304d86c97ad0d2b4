/*
 * id_map_test_helpers.h: build id maps for the unit tests, from text (through the real parser)
 * or from an array of extents. Every map's table is on the host heap: free it with free_map().
 * Include after the system headers and <cmocka.h>, like every kuid header.
 */
#ifndef ID_MAP_TEST_HELPERS_H
#define ID_MAP_TEST_HELPERS_H

#include <kuid/id_map.h>

/*
 * Parse length bytes of text as a map write. The parser reads from an exact-size heap copy with
 * no NUL after it, so AddressSanitizer reports any read past the end of the write.
 */
static inline int parse_length(const char *text, size_t length, struct id_map *map,
			       struct userns_refusal *refusal)
{
	char *copy = malloc(length > 0 ? length : 1);
	int error;

	assert_non_null(copy);
	for (size_t i = 0; i < length; i++)
		copy[i] = text[i];
	map->table = calloc(1, sizeof(*map->table));
	assert_non_null(map->table);
	map->extent_count = 0;
	error = id_map_parse(copy, length, map, refusal);
	free(copy);
	return error;
}

static inline int parse_text(const char *text, struct id_map *map,
			     struct userns_refusal *refusal)
{
	size_t length = 0;

	while (text[length])
		length++;
	return parse_length(text, length, map, refusal);
}

/* A map the test describes directly, extents in the order "written". */
static inline void build_map(struct id_map *map, const struct id_map_extent *extents,
			     uint32_t count)
{
	map->table = calloc(1, sizeof(*map->table));
	assert_non_null(map->table);
	for (uint32_t i = 0; i < count; i++)
		map->table->extents[i] = extents[i];
	map->extent_count = count;
	id_map_sort(map);
}

static inline void free_map(struct id_map *map)
{
	free(map->table);
	map->table = NULL;
	map->extent_count = 0;
}

#endif /* ID_MAP_TEST_HELPERS_H */
