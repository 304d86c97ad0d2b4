/*
 * ktest.c: the in-kernel test runner. It walks the table the linker built
 * from every KTEST() (section .ktests, sorted by group), runs each test in
 * turn, and prints one line per test and a closing `N passed, N failed`.
 * A test fails if a check fails or if it leaves heap objects behind, and
 * the run fails if the heap does not end where it started.
 */
#include <kuid/format.h>
#include <kuid/heap.h>
#include <kuid/ktest.h>
#include <kuid/printk.h>
#include <kuid/string.h>

extern const struct ktest ktests_start[];
extern const struct ktest ktests_end[];

void ktest_report_failure(struct ktest_context *context, const char *file, int line,
			  const char *format, ...)
{
	va_list args;

	context->failures++;
	console_print("ktest:   %s:%d: ", file, line);
	va_start(args, format);
	console_vprint(format, args);
	va_end(args);
	console_print("\n");
}

static bool run_one(const struct ktest *test)
{
	struct ktest_context context = { .failures = 0 };
	struct heap_statistics before, after;

	heap_get_statistics(&before);
	test->run(&context);
	heap_get_statistics(&after);
	if (after.live_objects != before.live_objects) {
		ktest_report_failure(&context, "ktest.c", __LINE__,
				     "heap objects: %zu before the test, %zu after (leak)",
				     before.live_objects, after.live_objects);
	}
	console_print("ktest: %s %s.%s\n", context.failures ? "FAIL" : "ok  ", test->group,
		      test->name);
	return context.failures == 0;
}

/*
 * Groups whose name starts with this end the kernel on purpose (a page fault,
 * a panic) so that tools/run-boot-tests can check the report. They run only
 * when ktest=GROUP names them; a plain `ktest` run skips them.
 */
#define CRASH_GROUP_PREFIX "crash_"

static bool is_selected(const struct ktest *test, const char *group)
{
	if (group[0])
		return strcmp(group, test->group) == 0;
	return strncmp(test->group, CRASH_GROUP_PREFIX, strlen(CRASH_GROUP_PREFIX)) != 0;
}

bool ktest_run_all(const char *group)
{
	unsigned int passed = 0, failed = 0;
	struct heap_statistics before, after;

	heap_get_statistics(&before);
	for (const struct ktest *test = ktests_start; test < ktests_end; test++) {
		if (!is_selected(test, group))
			continue;
		if (run_one(test))
			passed++;
		else
			failed++;
	}
	if (passed + failed == 0) {
		console_print("ktest: no test in group '%s'\n", group);
		failed = 1;
	}

	/*
	 * Each test was checked for leaks on its own; this catches what only
	 * shows over the whole run, such as a thread freed after its test ended.
	 * tools/bench reads this line, and it must come before the closing line,
	 * which stays the last word of the run.
	 */
	heap_get_statistics(&after);
	console_print("ktest: heap live objects before the run %zu, after %zu\n",
		      before.live_objects, after.live_objects);
	if (after.live_objects != before.live_objects) {
		console_print("ktest: FAIL the heap's live-object count changed across the run\n");
		failed++;
	}
	console_print("%u passed, %u failed\n", passed, failed);
	return failed == 0;
}
