/*
 * id_map_bench.c: how the cost of map_id_down and map_id_up grows with the number of extents
 * (1, 5, 6, 64, 340). A host program built with -O2 and no sanitizers against the kernel's own
 * kernel/user_namespace/id_map.c; `make bench-id-map` builds and runs it. Figures, not pass/fail.
 *
 * Each measurement translates ids drawn at random (fixed seed, so every run draws the same ones)
 * from inside the map, 4096 of them prepared in advance so the loop measures the lookup and not
 * the random number generator. The calls are independent of one another, as when a kernel
 * translates the ids of many files; the "chained" lines make each id depend on the previous
 * answer, which shows the latency of one lookup instead. Each figure is the median of 9 runs.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <kuid/id_map.h>

#define ID_COUNT		4096		/* a power of two: index with & (ID_COUNT - 1) */
#define CALLS_PER_RUN		(1u << 22)
#define RUNS			9
#define EXTENT_SIZE		1000

static const uint32_t extent_counts[] = { 1, 5, 6, 64, ID_MAP_EXTENTS_MAX };

static uint64_t random_state = 0x2545f4914f6cdd1dull;

/* xorshift64: small, fast, and the same sequence on every run. */
static uint32_t next_random(void)
{
	random_state ^= random_state << 13;
	random_state ^= random_state >> 7;
	random_state ^= random_state << 17;
	return (uint32_t)(random_state >> 32);
}

/*
 * Extent i covers ids 1000 i .. 1000 i + 999; lower ranges come in another order (a stride
 * through the extents), so going up searches a different order from going down.
 */
static void build_map(struct id_map *map, uint32_t count)
{
	map->table = calloc(1, sizeof(*map->table));
	if (!map->table) {
		perror("calloc");
		exit(1);
	}
	for (uint32_t i = 0; i < count; i++) {
		uint32_t lower_slot = (i * 7) % count;

		map->table->extents[i] = (struct id_map_extent){
			.first = i * EXTENT_SIZE,
			.lower_first = 1000000 + lower_slot * 2 * EXTENT_SIZE,
			.count = EXTENT_SIZE,
		};
	}
	map->extent_count = count;
	id_map_sort(map);
}

static double now_ns(void)
{
	struct timespec time;

	clock_gettime(CLOCK_MONOTONIC, &time);
	return (double)time.tv_sec * 1e9 + (double)time.tv_nsec;
}

static int compare_doubles(const void *left, const void *right)
{
	double a = *(const double *)left, b = *(const double *)right;

	return (a > b) - (a < b);
}

typedef uint32_t lookup_fn(const struct id_map *map, uint32_t id);

/* Keeps the compiler from dropping lookups whose answers nobody uses. */
static volatile uint32_t sink;

/* ns per call, median of RUNS runs. chained: each id depends on the answer before it. */
static double measure(lookup_fn *lookup, const struct id_map *map, const uint32_t *ids,
		      int chained)
{
	double per_call[RUNS];

	for (int run = 0; run < RUNS; run++) {
		uint32_t sum = 0;
		uint32_t answer = 0;
		double start = now_ns();

		if (chained) {
			for (uint32_t call = 0; call < CALLS_PER_RUN; call++) {
				/*
				 * Every answer is below 2^31, so answer >> 31 is 0; the compiler
				 * cannot know that, and must wait for the answer before the next call.
				 */
				answer = lookup(map, ids[(call + (answer >> 31)) & (ID_COUNT - 1)]);
				sum += answer;
			}
		} else {
			for (uint32_t call = 0; call < CALLS_PER_RUN; call++)
				sum += lookup(map, ids[call & (ID_COUNT - 1)]);
		}
		per_call[run] = (now_ns() - start) / CALLS_PER_RUN;
		sink = sum;
	}
	qsort(per_call, RUNS, sizeof(per_call[0]), compare_doubles);
	return per_call[RUNS / 2];
}

int main(void)
{
	static uint32_t upper_ids[ID_COUNT], lower_ids[ID_COUNT];
	double down[ARRAY_SIZE(extent_counts)], up[ARRAY_SIZE(extent_counts)];
	double down_chained[ARRAY_SIZE(extent_counts)], up_chained[ARRAY_SIZE(extent_counts)];
	size_t last = ARRAY_SIZE(extent_counts) - 1;

	for (size_t c = 0; c < ARRAY_SIZE(extent_counts); c++) {
		uint32_t count = extent_counts[c];
		struct id_map map;

		build_map(&map, count);
		for (uint32_t i = 0; i < ID_COUNT; i++) {
			const struct id_map_extent *extent =
				&map.table->extents[next_random() % count];
			uint32_t offset = next_random() % extent->count;

			upper_ids[i] = extent->first + offset;
			lower_ids[i] = extent->lower_first + offset;
		}
		/* Warm up caches and branch predictors once before measuring. */
		measure(map_id_down, &map, upper_ids, 0);

		down[c] = measure(map_id_down, &map, upper_ids, 0);
		up[c] = measure(map_id_up, &map, lower_ids, 0);
		down_chained[c] = measure(map_id_down, &map, upper_ids, 1);
		up_chained[c] = measure(map_id_up, &map, lower_ids, 1);
		printf("BENCH id_map_down extents=%u ns_per_call %.2f\n", count, down[c]);
		printf("BENCH id_map_up extents=%u ns_per_call %.2f\n", count, up[c]);
		printf("BENCH id_map_down_chained extents=%u ns_per_call %.2f\n", count,
		       down_chained[c]);
		printf("BENCH id_map_up_chained extents=%u ns_per_call %.2f\n", count,
		       up_chained[c]);
		free(map.table);
	}
	printf("BENCH id_map_down ratio_340_to_1 %.2f (target <= 3)\n", down[last] / down[0]);
	printf("BENCH id_map_up ratio_340_to_1 %.2f (target <= 3)\n", up[last] / up[0]);
	printf("BENCH id_map_down_chained ratio_340_to_1 %.2f\n",
	       down_chained[last] / down_chained[0]);
	printf("BENCH id_map_up_chained ratio_340_to_1 %.2f\n", up_chained[last] / up_chained[0]);
	return 0;
}
