/*
 * proc_misc.c: small files of /proc itself that programs look at: uptime, meminfo (from the
 * page allocator), cpuinfo, filesystems and stat. Minimal but in Linux's formats.
 */
#include <kuid/clock.h>
#include <kuid/page_alloc.h>
#include <uapi/stat.h>

#include "procfs_internal.h"

static int uptime_seq(struct seq_buffer *seq, struct proc_file *file)
{
	uint64_t milliseconds = clock_milliseconds_since_boot();

	(void)file;
	/* Seconds since boot and idle seconds (not counted: shown as 0). */
	seq_printf(seq, "%llu.%02llu 0.00\n", (unsigned long long)(milliseconds / 1000),
		   (unsigned long long)(milliseconds % 1000 / 10));
	return 0;
}

static int meminfo_seq(struct seq_buffer *seq, struct proc_file *file)
{
	unsigned long long total = page_alloc_total_count() * (PAGE_FRAME_SIZE / 1024);
	unsigned long long free = page_alloc_free_count() * (PAGE_FRAME_SIZE / 1024);

	(void)file;
	seq_printf(seq, "MemTotal:       %8llu kB\nMemFree:        %8llu kB\n", total, free);
	seq_printf(seq, "MemAvailable:   %8llu kB\n", free);
	return 0;
}

static int cpuinfo_seq(struct seq_buffer *seq, struct proc_file *file)
{
	(void)file;
	seq_printf(seq, "processor\t: 0\nvendor_id\t: kuid\nmodel name\t: x86_64 (kuid)\n\n");
	return 0;
}

static int filesystems_seq(struct seq_buffer *seq, struct proc_file *file)
{
	(void)file;
	seq_printf(seq, "nodev\ttmpfs\nnodev\tramfs\nnodev\tproc\n");
	return 0;
}

#define MISC_FILE(entry_name, function)                                                 \
	{                                                                              \
		.name = entry_name, .mode = S_IFREG | 0444, .show = function,          \
		.seq_file = true,                                                      \
	}

const struct proc_entry proc_uptime_entry = MISC_FILE("uptime", uptime_seq);
const struct proc_entry proc_meminfo_entry = MISC_FILE("meminfo", meminfo_seq);
const struct proc_entry proc_cpuinfo_entry = MISC_FILE("cpuinfo", cpuinfo_seq);
const struct proc_entry proc_filesystems_entry = MISC_FILE("filesystems", filesystems_seq);

/*
 * /proc/stat, enough for top and ps: kuid does not account CPU time, so every counter is 0;
 * "processes" counts nothing either. Fields as Linux's (fs/proc/stat.c).
 */
static int stat_seq(struct seq_buffer *seq, struct proc_file *file)
{
	(void)file;
	seq_printf(seq, "cpu  0 0 0 0 0 0 0 0 0 0\ncpu0 0 0 0 0 0 0 0 0 0 0\n");
	seq_printf(seq, "intr 0\nctxt 0\nbtime 0\nprocesses 0\nprocs_running 1\n");
	seq_printf(seq, "procs_blocked 0\nsoftirq 0 0 0 0 0 0 0 0 0 0 0\n");
	return 0;
}

const struct proc_entry proc_kernel_stat_entry = MISC_FILE("stat", stat_seq);
