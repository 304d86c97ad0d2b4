/*
 * id_map.h: the uid, gid and projid maps of a user namespace, and the translation of ids
 * through them (docs/id-maps.md tells the story; R-numbers are linux-userns-rules.md's).
 *
 * A map is a list of extents. An extent says: the `count` ids starting at `first` inside the
 * namespace are the `count` kernel ids starting at `lower_first`. Going down (namespace id to
 * kernel id, make_kuid) searches the extents by `first`; going up (kernel id to namespace id,
 * from_kuid) searches them by `lower_first`. Both are binary searches through arrays kept
 * sorted, so a 340-extent map costs a few more steps than a 1-extent map, not 340 times as many.
 *
 * A map is written once (R3.6). It is built completely in private, then installed: the table is
 * attached first and the extent count stored last, with release ordering. A reader loads the
 * count with acquire ordering, so it sees either 0 extents or all of them, never half a map,
 * and needs no lock. Everything here is pure logic, compiled into the kernel and the host tests.
 */
#ifndef KUID_ID_MAP_H
#define KUID_ID_MAP_H

#include <kuid/types.h>
#include <kuid/userns_rules.h>

/* R1.5, R3.11: a map holds 1 to 340 extents. */
#define ID_MAP_EXTENTS_MAX		340

/* R1.5: a map of up to 5 extents reads back in the order written, a longer one sorted. */
#define ID_MAP_WRITTEN_ORDER_MAX	5

/* R3.4: a write to a map file must be shorter than this (PAGE_SIZE on x86_64): 4095 is fine. */
#define ID_MAP_WRITE_SIZE_LIMIT		4096

/* What a lookup returns for an id the map does not cover: (uint32_t)-1, never a valid id. */
#define ID_MAP_UNMAPPED			((uint32_t)-1)

/* One line of a map file as read back: 3 fields of 10, 2 spaces, a newline and the NUL. */
#define ID_MAP_LINE_SIZE		34

/*
 * R1.4: ids first .. first+count-1 of the namespace are lower_first .. lower_first+count-1
 * below it. While a write is parsed, lower_first is in the parent namespace's numbering; once
 * id_map_translate_lower() has run it is a kernel id, so lookups never walk up the parents.
 */
struct id_map_extent {
	uint32_t first;
	uint32_t lower_first;
	uint32_t count;
};

/*
 * One order in which to search a map: the start of every extent's range on one side, sorted
 * ascending, and for each start the index of its extent. A lookup is a binary search through
 * starts[], a plain sorted array of numbers; extent_index[] then names the extent found.
 */
struct id_map_order {
	uint32_t starts[ID_MAP_EXTENTS_MAX];
	uint16_t extent_index[ID_MAP_EXTENTS_MAX];
};

/*
 * The one representation of a written map, whatever its size: the extents in the order they
 * were written, and two search orders, by first (for going down) and by lower_first (for going
 * up). Reading a map back with up to 5 extents follows the written order, with more it follows
 * by_first (R1.5). 8,160 bytes, allocated only when a map is written.
 */
struct id_map_table {
	struct id_map_extent extents[ID_MAP_EXTENTS_MAX];	/* in the order written */
	struct id_map_order by_first;				/* upper ranges: going down */
	struct id_map_order by_lower;				/* lower ranges: going up */
};

/*
 * A map as a namespace holds it: 16 bytes, all zero until the map is written (R2.5: an empty
 * map maps nothing). extent_count is the publication point: 0 means "not written", and table
 * must not be read until extent_count has been loaded with acquire ordering and found non-zero.
 * The table belongs to whoever installed it; it is never changed once installed.
 */
struct id_map {
	uint32_t extent_count;
	struct id_map_table *table;
};

/*
 * R1.6: the initial namespace maps every id but 4294967295 to itself. Its three maps (uid, gid,
 * projid) all point at id_map_initial_table, which nothing ever writes:
 *	struct id_map initial_uid_map = ID_MAP_INITIAL;
 */
extern struct id_map_table id_map_initial_table;
#define ID_MAP_INITIAL { .extent_count = 1, .table = &id_map_initial_table }

/*
 * R2.1: the kernel id of id when the whole range id .. id+count-1 lies inside one extent,
 * searched by first; ID_MAP_UNMAPPED otherwise (and always for an empty map, R2.5).
 */
uint32_t map_id_range_down(const struct id_map *map, uint32_t id, uint32_t count);
uint32_t map_id_down(const struct id_map *map, uint32_t id);	/* count 1 */

/* R2.2: the namespace id of kernel id kernel_id, searched by lower_first; or ID_MAP_UNMAPPED. */
uint32_t map_id_range_up(const struct id_map *map, uint32_t kernel_id, uint32_t count);
uint32_t map_id_up(const struct id_map *map, uint32_t kernel_id);

/*
 * Build the orders by_first and by_lower from table->extents[0 .. extent_count-1]. The parser
 * calls it, and id_map_translate_lower() rebuilds by_lower after changing lower_first; a test may
 * fill extents by hand and call it. The extents must not overlap on either side (R3.10), or
 * searches may miss.
 */
void id_map_sort(struct id_map *map);

/*
 * R3.8 to R3.12: parse the text of a map write into *out, whose table the caller has allocated
 * (out->table != NULL; out is private, not yet installed). length bytes of text are read; as in
 * Linux, the text ends at the first NUL byte if there is one. lower_first is still in the
 * parent's numbering afterwards. Returns 0, or -EINVAL with *refusal filled (the first failing
 * check in Linux's order decides, R3.16) and out->extent_count 0. The caller checks the size and
 * offset of the write (R3.4, ID_MAP_WRITE_SIZE_LIMIT) before calling.
 */
int id_map_parse(const char *text, size_t length, struct id_map *out,
		 struct userns_refusal *refusal);

/*
 * R3.14, R2.4: turn each lower_first of a parsed map into a kernel id through parent_map (the
 * parent namespace's map of the same kind). Each extent's whole lower range must lie inside one
 * extent of parent_map. Returns 0, or -EPERM with *refusal filled and the map unchanged.
 */
int id_map_translate_lower(struct id_map *parsed, const struct id_map *parent_map,
			   struct userns_refusal *refusal);

/*
 * R3.15: publish built in target: attach built's table, then store the extent count last with
 * release ordering. target must be unwritten; the caller has checked that already (R3.6 comes
 * early in the order of checks, R3.16), and this function refuses again with -EPERM so that an
 * installed map can never change; -EINVAL if built has no extent. On success target takes over
 * built's table. The caller serializes writers (R3.5); readers need nothing.
 */
int id_map_install(struct id_map *target, const struct id_map *built);

/*
 * R1.5, R2.6: the extent read back at position 0, 1, 2, ... of a map file, in Linux's order
 * (written order up to 5 extents, sorted by first above); NULL past the last one. Like the
 * lookups, it loads the extent count with acquire ordering.
 */
const struct id_map_extent *id_map_read_back(const struct id_map *map, uint32_t position);

/*
 * R2.6: one line of a map file, "%10u %10u %10u\n" of first, lower_shown and count, into a
 * buffer of size bytes (ID_MAP_LINE_SIZE is enough). lower_shown is lower_first as the opener's
 * namespace sees it, which the caller computes (map_id_up, ID_MAP_UNMAPPED if unmapped).
 * Returns the length of the line, as snprintf does.
 */
int id_map_format_line(char *buffer, size_t size, const struct id_map_extent *extent,
		       uint32_t lower_shown);

#endif /* KUID_ID_MAP_H */
