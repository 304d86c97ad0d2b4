/*
 * id_map.c: searching, translating, publishing and reading back the id maps of user namespaces.
 * Pure logic, without locks: the same file runs in the kernel and in the host unit tests.
 * Parsing the text of a map write lives next door, in id_map_parse.c.
 *
 * Theory of operation.
 *
 * Representation (R1.5). Linux keeps a map in two forms: up to 5 extents inline, searched
 * linearly, and above 5 two sorted copies on the heap, searched in halves. kuid has one form for
 * every size, struct id_map_table: the extents in the order they were written, plus two search
 * orders. by_first lists every extent's first id, sorted, with the index of its extent; by_lower
 * does the same for lower_first. Going down binary-searches by_first, going up by_lower, so a
 * lookup takes about log2(extents) steps: none for 1 extent, 9 for 340. The written order is kept
 * because a map of up to 5 extents reads back in that order (Obs 3d); a map of more reads back in
 * by_first order. The starts are copied into the orders, although the extents hold them too,
 * so that each step of a search reads one number from one array: measured, that is twice as
 * fast for 340 extents as going through an index to the extent at every step.
 *
 * Why binary search is right. Within a map, the upper ranges never overlap, and neither do the
 * lower ranges (R3.10). So among the extents sorted by first, the only one that can contain an
 * id is the last one that starts at or below it. Find that one in halves, then check that the id
 * is really inside it (it may fall in a gap after it).
 *
 * States. A struct id_map starts all zero: not written, maps nothing (R2.5). A writer fills a
 * private struct id_map (id_map_parse, id_map_translate_lower) and publishes it once
 * (id_map_install); from then on neither the count nor the table changes (R3.6) until the
 * namespace is freed. Writers are serialized by the caller (R3.5, one mutex for all map writes).
 *
 * Publication (R3.15). id_map_install attaches the table, then stores extent_count with release
 * ordering. Every reader starts by loading extent_count with acquire ordering: if it sees the new
 * count, it also sees the table and every extent written before the release. A reader that sees
 * 0 treats the map as empty. There is no moment at which a reader can see part of a map.
 */
#include <kuid/id_map.h>
#include <kuid/format.h>
#include <uapi/errno.h>

/* R1.6: one extent, 0 .. 4294967294 to themselves; already sorted, being alone. */
struct id_map_table id_map_initial_table = {
	.extents = { { .first = 0, .lower_first = 0, .count = 4294967295u } },
	.by_first = { .starts = { 0 }, .extent_index = { 0 } },
	.by_lower = { .starts = { 0 }, .extent_index = { 0 } },
};

static bool range_contains(uint32_t start, uint32_t count, uint32_t id)
{
	/* Written as a difference so that start + count, which may be 2^32, is never computed. */
	return id >= start && id - start < count;
}

/*
 * Position in order->starts of the last start at or below id, or 0 when every start is above
 * id (the caller then finds that id is not inside that extent either). count >= 1.
 *
 * A binary search by powers of two (Shar's method, in Knuth's volume 3, 6.2.1). step is the
 * largest power of two at or below count. Unless that is count itself, one comparison chooses
 * between the first step positions and the last step positions (the two overlap, which does no
 * harm); from then on the answer is base or one of the step - 1 positions after it,
 * and each step halves step:
 *
 *	count 340: step 256; starts[84] <= id? base 84 : base 0; then steps 128, 64, ..., 1.
 *
 * Each step is an add, a load, a compare and a conditional move (the if below has no
 * unpredictable branch), and the number of steps depends only on count, which the branch
 * predictor learns. Halving a remaining length instead, as this function did before, takes as
 * many steps but more instructions per step (a shift, a subtraction and moves besides): measured
 * with make bench-id-map, a lookup in 340 extents became about 10 % cheaper, and one that must
 * wait for the previous answer about 12 % (docs/benchmarks.md).
 */
static uint32_t search_order(const struct id_map_order *order, uint32_t count, uint32_t id)
{
	const uint32_t *starts = order->starts;
	uint32_t step = 1u << (31 - __builtin_clz(count));	/* the highest bit of count */
	uint32_t base = 0;

	/* Needless when count is a power of two, 1 included: skipping it keeps 1 extent cheap. */
	if (step != count && starts[count - step] <= id)
		base = count - step;
	while (step > 1) {
		step /= 2;
		if (starts[base + step] <= id)
			base += step;
	}
	return base;
}

/*
 * R2.1, R2.2: translate id .. id+count-1 as one block, searching the given order (by_first to
 * go down, by_lower to go up). Both ends must lie in the same extent. id + count - 1 wraps as a
 * u32 does in Linux; callers pass count >= 1.
 *
 * The acquire load of extent_count comes first: it is what makes the table safe to read.
 */
static uint32_t map_id_range(const struct id_map *map, bool going_down, uint32_t id,
			     uint32_t count)
{
	uint32_t extent_count = __atomic_load_n(&map->extent_count, __ATOMIC_ACQUIRE);
	const struct id_map_table *table;
	const struct id_map_order *order;
	const struct id_map_extent *extent;
	uint32_t position, start, last = id + count - 1;

	if (extent_count == 0)
		return ID_MAP_UNMAPPED;
	table = map->table;
	order = going_down ? &table->by_first : &table->by_lower;

	position = search_order(order, extent_count, id);
	start = order->starts[position];
	extent = &table->extents[order->extent_index[position]];
	if (!range_contains(start, extent->count, id) ||
	    !range_contains(start, extent->count, last))
		return ID_MAP_UNMAPPED;
	return id - start + (going_down ? extent->lower_first : extent->first);
}

uint32_t map_id_range_down(const struct id_map *map, uint32_t id, uint32_t count)
{
	return map_id_range(map, true, id, count);
}

uint32_t map_id_down(const struct id_map *map, uint32_t id)
{
	return map_id_range(map, true, id, 1);
}

uint32_t map_id_range_up(const struct id_map *map, uint32_t kernel_id, uint32_t count)
{
	return map_id_range(map, false, kernel_id, count);
}

uint32_t map_id_up(const struct id_map *map, uint32_t kernel_id)
{
	return map_id_range(map, false, kernel_id, 1);
}

/*
 * Build an order from the extents: each extent's start on one side (first, or lower_first),
 * by insertion sort. At most 340 entries, once per map write: simple beats fast here. Starts on
 * one side are all different (no overlap, count >= 1), so the order is fully determined.
 */
static void sort_order(struct id_map_table *table, uint32_t count, bool by_first)
{
	struct id_map_order *order = by_first ? &table->by_first : &table->by_lower;

	for (uint32_t next = 0; next < count; next++) {
		const struct id_map_extent *extent = &table->extents[next];
		uint32_t start = by_first ? extent->first : extent->lower_first;
		uint32_t position = next;

		while (position > 0 && order->starts[position - 1] > start) {
			order->starts[position] = order->starts[position - 1];
			order->extent_index[position] = order->extent_index[position - 1];
			position--;
		}
		order->starts[position] = start;
		order->extent_index[position] = (uint16_t)next;
	}
}

void id_map_sort(struct id_map *map)
{
	sort_order(map->table, map->extent_count, true);
	sort_order(map->table, map->extent_count, false);
}

int id_map_translate_lower(struct id_map *parsed, const struct id_map *parent_map,
			   struct userns_refusal *refusal)
{
	struct id_map_extent *extents = parsed->table->extents;
	uint32_t count = parsed->extent_count;

	/* Check every extent before changing any, so a refused map is left as it was. */
	for (uint32_t i = 0; i < count; i++) {
		if (map_id_range_down(parent_map, extents[i].lower_first, extents[i].count) ==
		    ID_MAP_UNMAPPED)
			return userns_refuse(refusal, RULE_R3_14_NOT_IN_PARENT, 0,
					     "the lower range is not inside a single extent of the "
					     "parent namespace's map", EPERM);
	}

	for (uint32_t i = 0; i < count; i++)
		extents[i].lower_first =
			map_id_range_down(parent_map, extents[i].lower_first, extents[i].count);

	/* The parent's map need not keep the order of lower ids: sort by kernel id again. */
	sort_order(parsed->table, count, false);
	return 0;
}

int id_map_install(struct id_map *target, const struct id_map *built)
{
	if (__atomic_load_n(&target->extent_count, __ATOMIC_RELAXED) != 0)
		return -EPERM;		/* R3.6: an installed map never changes */
	if (built->extent_count == 0 || !built->table)
		return -EINVAL;		/* R3.12: nothing to install */

	/* Nobody reads table while extent_count is 0, so a plain store is enough here... */
	target->table = built->table;
	/* ...and this release makes it, and every extent, visible before the count. */
	__atomic_store_n(&target->extent_count, built->extent_count, __ATOMIC_RELEASE);
	return 0;
}

const struct id_map_extent *id_map_read_back(const struct id_map *map, uint32_t position)
{
	uint32_t count = __atomic_load_n(&map->extent_count, __ATOMIC_ACQUIRE);
	const struct id_map_table *table;

	if (position >= count)
		return NULL;
	table = map->table;
	if (count <= ID_MAP_WRITTEN_ORDER_MAX)
		return &table->extents[position];
	return &table->extents[table->by_first.extent_index[position]];
}

int id_map_format_line(char *buffer, size_t size, const struct id_map_extent *extent,
		       uint32_t lower_shown)
{
	return snprintf(buffer, size, "%10u %10u %10u\n", extent->first, lower_shown,
			extent->count);
}
