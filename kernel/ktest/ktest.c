/*
 * ktest.c: the in-kernel test runner. It walks the table the linker built
 * from every KTEST() (section .ktests, sorted by group), runs each test in
 * turn, and prints one line per test and a closing `N passed, N failed`.
 * A test fails if a check fails or if it leaves heap objects behind.
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

bool ktest_run_all(const char *group)
{
	unsigned int passed = 0, failed = 0;

	for (const struct ktest *test = ktests_start; test < ktests_end; test++) {
		if (group[0] && strcmp(group, test->group) != 0)
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
	console_print("%u passed, %u failed\n", passed, failed);
	return failed == 0;
}
