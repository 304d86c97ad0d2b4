/*
 * crash_tests.c: tests that stop the kernel on purpose, to show that a fault
 * is reported in full. A plain `ktest` run skips crash_* groups; the boot
 * tests (tools/run-boot-tests) boot with ktest=crash_page_fault and read the report.
 */
#include <kuid/ktest.h>
#include <kuid/paging.h>
#include <uapi/errno.h>

/*
 * In the kernel half, far above the direct map, where nothing is ever mapped.
 * One page above the address the paging tests borrow, so that even a paging
 * test that forgot to unmap its page could not hide the fault.
 */
#define UNMAPPED_KERNEL_ADDRESS 0xffffc00000001000UL

KTEST(crash_page_fault, write_to_unmapped_kernel_address)
{
	volatile uint64_t *target = (volatile uint64_t *)UNMAPPED_KERNEL_ADDRESS;

	/* If the page were mapped, the write would succeed and prove nothing. */
	KTEST_ASSERT(page_table_translate(paging_kernel_table(), UNMAPPED_KERNEL_ADDRESS, NULL,
					  NULL) == -EFAULT);
	*target = 0x6b756964;	/* "kuid": the page fault handler reports it and panics */

	ktest_report_failure(ktest_context, __FILE__, __LINE__,
			     "writing to %#lx did not fault", UNMAPPED_KERNEL_ADDRESS);
}
