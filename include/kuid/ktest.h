/*
 * ktest.h: in-kernel tests. A test is a function registered with KTEST();
 * the linker gathers them into one table (section .ktests, see linker.ld),
 * and the runner executes them, one kernel thread, one after another, when
 * the command line says `ktest` or `ktest=GROUP`.
 *
 *	KTEST(heap, kmalloc_returns_aligned_memory)
 *	{
 *		void *p = kmalloc(24);
 *
 *		KTEST_ASSERT(p != NULL);
 *		KTEST_EXPECT(((uintptr_t)p & 15) == 0);
 *		kfree(p);
 *	}
 *
 * The runner also checks that the heap holds as many live objects after a
 * test as before it: a test that leaks fails, so tests free what they take.
 */
#ifndef KUID_KTEST_H
#define KUID_KTEST_H

#include <kuid/types.h>

struct ktest_context {
	unsigned int failures;
};

struct ktest {
	const char *group;
	const char *name;
	void (*run)(struct ktest_context *context);
};

/* Record a failed check; the runner prints where and what. */
void ktest_report_failure(struct ktest_context *context, const char *file, int line,
			  const char *format, ...) __attribute__((format(printf, 4, 5)));

/* Run the registered tests of `group` (all when empty); true when all passed. */
bool ktest_run_all(const char *group);

#define KTEST(group_name, test_name)                                                       \
	static void ktest_##group_name##_##test_name(struct ktest_context *ktest_context); \
	static const struct ktest ktest_entry_##group_name##_##test_name                   \
		__attribute__((used, section(".ktests." #group_name), aligned(8))) = {     \
			.group = #group_name,                                              \
			.name = #test_name,                                                \
			.run = ktest_##group_name##_##test_name,                           \
		};                                                                         \
	static void ktest_##group_name##_##test_name(struct ktest_context *ktest_context)

/* Check a condition and go on. */
#define KTEST_EXPECT(condition)                                                   \
	do {                                                                      \
		if (!(condition))                                                 \
			ktest_report_failure(ktest_context, __FILE__, __LINE__,   \
					     "expected %s", #condition);          \
	} while (0)

/* Check a condition; stop the test if it does not hold. */
#define KTEST_ASSERT(condition)                                                   \
	do {                                                                      \
		if (!(condition)) {                                               \
			ktest_report_failure(ktest_context, __FILE__, __LINE__,   \
					     "assertion %s", #condition);         \
			return;                                                   \
		}                                                                 \
	} while (0)

/* Compare two integers and print both values when they differ. */
#define KTEST_EXPECT_EQ(actual, expected)                                             \
	do {                                                                          \
		long long ktest_actual_ = (long long)(actual);                        \
		long long ktest_expected_ = (long long)(expected);                    \
		if (ktest_actual_ != ktest_expected_)                                 \
			ktest_report_failure(ktest_context, __FILE__, __LINE__,       \
					     "%s is %lld, expected %s = %lld", #actual, \
					     ktest_actual_, #expected, ktest_expected_); \
	} while (0)

#endif
