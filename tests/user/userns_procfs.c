/*
 * userns_procfs: what /proc says about user namespaces, from inside and from outside.
 * /proc/PID/status reports ids in the reader's namespace (R7.1) and capability sets as they
 * are (a capability is held *in* a namespace, the bits do not change with the reader); a map
 * file shows its lower ids in the reader's terms (R2.6); kernel.cap_last_cap is the same
 * everywhere and read-only; user.max_user_namespaces is per namespace (R1.9).
 */
#include "lib/check.h"
#include "lib/namespace_helpers.h"

#define INSIDE_MAP "0 100000 1000"
#define FULL_CAPS "000001ffffffffff"

static struct agent host;	/* root of the initial namespaces, outside */

/* Enter a user namespace mapped INSIDE_MAP, as its uid 0 with supplementary group 7. */
static int enter_as_root_with_group(void)
{
	gid_t seven = 7;

	if (agent_start(&host, -1) < 0 || unshare(CLONE_NEWUSER) < 0 ||
	    agent_write_maps(&host, getpid(), INSIDE_MAP, INSIDE_MAP) != 0)
		return -1;
	if (setgroups(1, &seven) < 0)
		return -1;
	return become_ids(0, 0, false) == 0 ? 0 : -1;
}

static void check_field(const char *status, const char *name, const char *want,
			const char *who)
{
	char value[128];

	status_field(status, name, value, sizeof(value));
	ok(strcmp(value, want) == 0, "%s: %s \"%s\" (want \"%s\")", who, name, value, want);
}

static void test_status_views(void)
{
	char inside[AGENT_TEXT_SIZE], path[64];
	struct agent_reply outside;

	if (!ok(enter_as_root_with_group() == 0, "enter a user namespace (%s) as its root, group 7",
		INSIDE_MAP))
		return;
	ok(read_file("/proc/self/status", inside, sizeof(inside)) > 0, "read /proc/self/status");
	snprintf(path, sizeof(path), "/proc/%d/status", (int)getpid());
	is_int(agent_ask(&host, AGENT_READ, path, NULL, 0, 0, &outside), 0,
	       "the host reads the same process's status");
	check_field(inside, "Uid", "0\t0\t0\t0", "inside");
	check_field(outside.text, "Uid", "100000\t100000\t100000\t100000", "outside");
	check_field(inside, "Gid", "0\t0\t0\t0", "inside");
	check_field(outside.text, "Gid", "100000\t100000\t100000\t100000", "outside");
	check_field(inside, "Groups", "7", "inside");
	check_field(outside.text, "Groups", "100007", "outside");
	check_field(inside, "CapEff", FULL_CAPS, "inside");
	check_field(outside.text, "CapEff", FULL_CAPS, "outside (the bits do not move)");
	check_field(inside, "CapPrm", FULL_CAPS, "inside");
	check_field(inside, "CapBnd", FULL_CAPS, "inside");
	check_field(inside, "CapInh", "0000000000000000", "inside");
	check_field(inside, "CapAmb", "0000000000000000", "inside");
	/* Dropping to uid 5 inside: every capability goes (R4.10), the views follow. */
	ok(become_ids(5, 5, true) == 0, "become uid 5 inside, no groups");
	read_file("/proc/self/status", inside, sizeof(inside));
	agent_ask(&host, AGENT_READ, path, NULL, 0, 0, &outside);
	check_field(inside, "Uid", "5\t5\t5\t5", "inside");
	check_field(outside.text, "Uid", "100005\t100005\t100005\t100005", "outside");
	check_field(inside, "CapEff", "0000000000000000", "inside");
	check_field(inside, "CapPrm", "0000000000000000", "inside");
	check_field(inside, "Groups", "", "inside");
	agent_stop(&host);
}

static void test_map_views(void)
{
	char text[512], squeezed[512], path[64];
	struct agent_reply outside;

	if (!ok(agent_start(&host, -1) == 0 && unshare(CLONE_NEWUSER) == 0 &&
		agent_write_maps(&host, getpid(), INSIDE_MAP, INSIDE_MAP) == 0,
		"enter a user namespace mapped %s", INSIDE_MAP))
		return;
	read_file("/proc/self/uid_map", text, sizeof(text));
	squeeze_blanks(text, squeezed, sizeof(squeezed));
	ok(strcmp(squeezed, INSIDE_MAP) == 0, "inside, its own uid_map reads \"%s\"", squeezed);
	snprintf(path, sizeof(path), "/proc/%d/uid_map", (int)getpid());
	agent_ask(&host, AGENT_READ, path, NULL, 0, 0, &outside);
	squeeze_blanks(outside.text, squeezed, sizeof(squeezed));
	ok(strcmp(squeezed, INSIDE_MAP) == 0, "outside, it reads \"%s\" too", squeezed);
	read_file("/proc/1/uid_map", text, sizeof(text));
	squeeze_blanks(text, squeezed, sizeof(squeezed));
	ok(strcmp(squeezed, "0 4294967295 4294967295") == 0,
	   "inside, pid 1's map reads \"%s\": host id 0 has no name here", squeezed);
	read_file("/proc/self/gid_map", text, sizeof(text));
	squeeze_blanks(text, squeezed, sizeof(squeezed));
	ok(strcmp(squeezed, INSIDE_MAP) == 0, "its gid_map reads \"%s\"", squeezed);

	/* A nested namespace, mapped by its parent's root: "0 10 5" seen from each side. */
	ok(become_ids(0, 0, true) == 0, "become root of the namespace");
	int ready[2];
	char byte = 0;
	if (pipe(ready) < 0)
		return;
	pid_t nested = spawn();
	if (nested == 0) {
		if (unshare(CLONE_NEWUSER) < 0 || write(ready[1], "u", 1) != 1)
			_exit(1);
		pause();
		_exit(0);
	}
	ok(read(ready[0], &byte, 1) == 1 && byte == 'u', "a child makes a nested namespace");
	snprintf(path, sizeof(path), "/proc/%d/uid_map", (int)nested);
	is_int(write_text(path, "0 10 5"), 0, "its root maps a nested namespace \"0 10 5\"");
	read_file(path, text, sizeof(text));
	squeeze_blanks(text, squeezed, sizeof(squeezed));
	ok(strcmp(squeezed, "0 10 5") == 0, "the parent reads it as \"%s\"", squeezed);
	agent_ask(&host, AGENT_READ, path, NULL, 0, 0, &outside);
	squeeze_blanks(outside.text, squeezed, sizeof(squeezed));
	ok(strcmp(squeezed, "0 100010 5") == 0, "the host reads it as \"%s\"", squeezed);
	kill(nested, SIGKILL);
	wait_for(nested);
	agent_stop(&host);
}

static void test_settings(void)
{
	char text[64], outside_before[64];
	struct agent_reply outside;

	ok(read_file("/proc/sys/kernel/cap_last_cap", text, sizeof(text)) > 0 &&
	   strcmp(text, "40\n") == 0, "kernel.cap_last_cap is 40 (CAP_CHECKPOINT_RESTORE)");
	expect_errno(open("/proc/sys/kernel/cap_last_cap", O_WRONLY), EACCES,
		     "it is read-only, even for the global root");
	if (!ok(agent_start(&host, -1) == 0 && unshare(CLONE_NEWUSER) == 0 &&
		agent_write_maps(&host, getpid(), INSIDE_MAP, INSIDE_MAP) == 0 &&
		become_ids(0, 0, true) == 0, "enter a user namespace as its root"))
		return;
	ok(read_file("/proc/sys/kernel/cap_last_cap", text, sizeof(text)) > 0 &&
	   strcmp(text, "40\n") == 0, "cap_last_cap reads 40 inside too");
	agent_ask(&host, AGENT_READ, "/proc/sys/user/max_user_namespaces", NULL, 0, 0, &outside);
	snprintf(outside_before, sizeof(outside_before), "%.63s", outside.text);
	ok(read_file("/proc/sys/user/max_user_namespaces", text, sizeof(text)) > 0 &&
	   strcmp(text, "2147483647\n") == 0,
	   "a new namespace's max_user_namespaces is 2147483647 (R1.9)");
	is_int(write_text("/proc/sys/user/max_user_namespaces", "3"), 0,
	       "its root writes 3 (CAP_SYS_RESOURCE in its own namespace)");
	ok(read_file("/proc/sys/user/max_user_namespaces", text, sizeof(text)) > 0 &&
	   strcmp(text, "3\n") == 0, "it reads 3 inside");
	agent_ask(&host, AGENT_READ, "/proc/sys/user/max_user_namespaces", NULL, 0, 0, &outside);
	ok(strcmp(outside.text, outside_before) == 0, "the host's limit is unchanged");
	ok(become_ids(5, 5, true) == 0, "drop to uid 5 inside");
	expect_errno(open("/proc/sys/user/max_user_namespaces", O_WRONLY), EACCES,
		     "without CAP_SYS_RESOURCE it cannot be opened for writing (R1.9)");
	agent_stop(&host);
}

int main(void)
{
	if (geteuid() != 0) {
		printf("1..0 # SKIP needs root\n0 passed, 0 failed\n");
		return 0;
	}
	plan(41);
	scenario("/proc/PID/status from inside and outside", test_status_views);
	scenario("uid_map and gid_map as each side reads them", test_map_views);
	scenario("cap_last_cap and max_user_namespaces", test_settings);
	return finish();
}
