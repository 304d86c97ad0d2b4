/*
 * syscall_table_tests.c: the one list of system calls (kernel/syscall/syscall_list.h) is
 * expanded here a third time, after the dispatch table and the name table, to check both:
 * every line is in number order, has a handler and a name, and what is not listed is ENOSYS.
 */
#include <kuid/ktest.h>
#include <kuid/string.h>
#include <kuid/syscall.h>
#include <uapi/errno.h>
#include <uapi/syscall_numbers.h>

struct listed_syscall {
	unsigned long number;
	const char *name;
};

#define SYSCALL(name, handler) { __NR_##name, #name },
static const struct listed_syscall listed[] = {
#include "../../kernel/syscall/syscall_list.h"
};
#undef SYSCALL

KTEST(syscall, the_list_is_sorted_without_duplicates)
{
	for (size_t i = 1; i < ARRAY_SIZE(listed); i++)
		if (listed[i - 1].number >= listed[i].number)
			ktest_report_failure(ktest_context, __FILE__, __LINE__,
					     "%s (%lu) is listed after %s (%lu)", listed[i].name,
					     listed[i].number, listed[i - 1].name, listed[i - 1].number);
}

KTEST(syscall, every_listed_call_has_a_handler_and_its_linux_name)
{
	for (size_t i = 0; i < ARRAY_SIZE(listed); i++) {
		const char *name = syscall_name(listed[i].number);

		KTEST_EXPECT(syscall_is_implemented(listed[i].number));
		if (!name || strcmp(name, listed[i].name) != 0)
			ktest_report_failure(ktest_context, __FILE__, __LINE__,
					     "number %lu is named %s, listed as %s", listed[i].number,
					     name ? name : "(none)", listed[i].name);
	}
}

KTEST(syscall, numbers_without_a_handler_are_enosys)
{
	struct syscall_request beyond_linux = { .number = NR_SYSCALLS + 1000 };
	unsigned long missing = NR_SYSCALLS;

	/* Find a number Linux has but kuid does not implement, if any. */
	for (unsigned long number = 0; number < NR_SYSCALLS; number++)
		if (syscall_name(number) && !syscall_is_implemented(number)) {
			missing = number;
			break;
		}
	KTEST_EXPECT_EQ(syscall_dispatch(&beyond_linux), -ENOSYS);
	KTEST_EXPECT(syscall_name(NR_SYSCALLS + 1000) == NULL);
	if (missing < NR_SYSCALLS) {
		struct syscall_request request = { .number = missing };

		KTEST_EXPECT_EQ(syscall_dispatch(&request), -ENOSYS);
	}
}
