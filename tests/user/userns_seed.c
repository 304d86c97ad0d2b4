/*
 * userns_seed: the seeds' worked example, as Linux realises it. Root makes a user namespace B
 * with the map "0 100000 65536"; a process there as (B,500) creates C and becomes (C,0); a file
 * made by (C,501) is owned by the kernel id behind (B,500)'s mapping; (B,500) can signal (C,501).
 *
 * The catch, worked out here: a map a process writes for itself maps one id, its own, so after
 * "0 500 1" there is no (C,501) (setresuid(501) is EINVAL). Linux gives C more ids only through
 * a writer with CAP_SETUID over B: (B,0) writes "0 500 1000" for (B,500)'s new namespace. Then
 * (C,x) is (B,500+x), kernel id 100500+x: the file of (C,501) belongs to 101001, "behind
 * (B,500)" in B's mapping. (B,500) may signal (C,501) although their ids differ, because it
 * owns C (R4.1's owner rule, R8.1); (B,600) may not.
 */
#include "lib/check.h"
#include "lib/namespace_helpers.h"

#define B_MAP "0 100000 65536"
#define B_ROOT_KID 100000
#define C_MAP_WIDE "0 500 1000"

static struct agent host;		/* root of the initial namespaces */
static struct agent b_root;		/* (B,0), CAP_SETUID over B */
static struct agent b_500;		/* (B,500), the creator of C */
static struct agent b_600;		/* (B,600), a stranger to C */
static char shared_dir[256];		/* mode 0777: every id may make files there */

/* Enter B as (B,0) with full capabilities there, the agents in place. 0 or -1. */
static int enter_b_as_root(void)
{
	if (agent_start(&host, -1) < 0 || unshare(CLONE_NEWUSER) < 0 ||
	    agent_write_maps(&host, getpid(), B_MAP, B_MAP) != 0)
		return -1;
	/* From kernel id 0 (unmapped in B) to (B,0): the capabilities stay (R4.10). */
	if (become_ids(0, 0, true) != 0)
		return -1;
	if (agent_start(&b_root, -1) < 0 || agent_start(&b_600, 600) < 0)
		return -1;
	/* (B,0) -> (B,500): every uid leaves root, so every capability goes (R4.10). */
	if (become_ids(500, 500, false) != 0)
		return -1;
	return agent_start(&b_500, -1);
}

static void stop_agents(void)
{
	agent_stop(&b_500);
	agent_stop(&b_600);
	agent_stop(&b_root);
	agent_stop(&host);
}

/* The owner of path as seen by an agent: its st_uid, or -1. */
static long owner_seen_by(struct agent *agent, const char *path)
{
	struct agent_reply reply;

	return agent_ask(agent, AGENT_STAT, path, NULL, 0, 0, &reply) == 0 ? reply.number : -1;
}

/* (B,500) creates C, writes its own one-line map and becomes (C,0). */
static void test_self_written_map(void)
{
	char path[300];
	struct stat info;
	struct reporter child;

	if (!ok(enter_b_as_root() == 0, "root makes B (%s) and a process becomes (B,500)", B_MAP))
		return;
	is_int(getuid(), 500, "getuid() in B");
	if (fork_reporter(&child) == 0) {
		expect_ok(unshare(CLONE_NEWUSER), "(B,500) unshares a new user namespace C");
		is_int(write_text("/proc/self/setgroups", "deny"), 0, "it denies setgroups in C");
		is_int(write_text("/proc/self/uid_map", "0 500 1"), 0,
		       "it writes its own uid_map \"0 500 1\" (one id: its own, R3.13)");
		is_int(write_text("/proc/self/gid_map", "0 500 1"), 0, "and its gid_map");
		is_int(getuid(), 0, "it is now (C,0): getuid() is 0");
		snprintf(path, sizeof(path), "%s/made-by-c0", shared_dir);
		expect_ok(write_file(path, "", 0644), "(C,0) creates a file");
		ok(stat(path, &info) == 0 && info.st_uid == 0, "C sees the file owned by 0");
		is_int(owner_seen_by(&b_root, path), 500, "B sees it owned by 500");
		is_int(owner_seen_by(&host, path), B_ROOT_KID + 500,
		       "the host sees kernel id %d, (B,500)'s", B_ROOT_KID + 500);
		expect_errno(setresuid(501, 501, 501), EINVAL,
			     "setresuid(501) in C: 501 has no mapping after a one-line map (R7.2)");
		hand_back_reporting();
	}
	take_back_reporting(&child);
	stop_agents();
}

/*
 * (B,0) writes C's map for (B,500); (B,500) becomes (C,0), then (C,501); its file belongs to
 * (B,500)'s kernel id + 501; (B,500) may signal it, (B,600) may not.
 */
static void test_wide_map_file_and_signal(void)
{
	char path[300];
	struct stat info;
	struct reporter child;
	struct agent_reply reply;
	sigset_t usr1, pending;

	if (!ok(enter_b_as_root() == 0, "root makes B (%s) and a process becomes (B,500)", B_MAP))
		return;
	if (fork_reporter(&child) == 0) {
		expect_ok(unshare(CLONE_NEWUSER), "(B,500) unshares a new user namespace C");
		is_int(agent_write_maps(&b_root, getpid(), C_MAP_WIDE, C_MAP_WIDE), 0,
		       "(B,0), with CAP_SETUID over B, writes C's maps \"%s\"", C_MAP_WIDE);
		is_int(getuid(), 0, "the creator is now (C,0)");
		is_int(become_ids(501, 501, true), 0, "(C,0) becomes (C,501) with setresuid");
		is_int(getuid(), 501, "getuid() is 501");
		snprintf(path, sizeof(path), "%s/made-by-c501", shared_dir);
		expect_ok(write_file(path, "", 0644), "(C,501) creates a file");
		ok(stat(path, &info) == 0 && info.st_uid == 501 && info.st_gid == 501,
		   "C sees it owned by 501:501");
		is_int(owner_seen_by(&b_root, path), 500 + 501,
		       "B sees it owned by 1001: C's 501 is B's 500 + 501");
		is_int(owner_seen_by(&host, path), B_ROOT_KID + 500 + 501,
		       "the host sees kernel id %d, (B,500)'s kernel id + 501",
		       B_ROOT_KID + 500 + 501);

		sigemptyset(&usr1);
		sigaddset(&usr1, SIGUSR1);
		sigprocmask(SIG_BLOCK, &usr1, NULL);
		is_int(agent_ask(&b_500, AGENT_KILL, NULL, NULL, getpid(), SIGUSR1, &reply), 0,
		       "(B,500) signals (C,501): it owns C (R4.1 owner rule, R8.1)");
		sigpending(&pending);
		ok(sigismember(&pending, SIGUSR1), "the signal is pending in (C,501)");
		is_int(agent_ask(&b_600, AGENT_KILL, NULL, NULL, getpid(), SIGUSR1, &reply), EPERM,
		       "(B,600) may not signal (C,501): other ids, no capability over C");
		is_int(agent_ask(&host, AGENT_KILL, NULL, NULL, getpid(), 0, &reply), 0,
		       "host root may signal (C,501)");
		hand_back_reporting();
	}
	take_back_reporting(&child);
	stop_agents();
}

int main(void)
{
	if (geteuid() != 0) {
		printf("1..0 # SKIP needs root\n0 passed, 0 failed\n");
		return 0;
	}
	plan(26);
	if (enter_private_dir("seed") < 0) {
		ok(0, "make a private directory");
		return finish();
	}
	snprintf(shared_dir, sizeof(shared_dir), "%s/shared", check_private_dir);
	if (mkdir(shared_dir, 0777) < 0 || chmod(shared_dir, 0777) < 0)
		ok(0, "make %s", shared_dir);
	scenario("(B,500) becomes (C,0) by writing its own map", test_self_written_map);
	scenario("(C,501)'s file and (B,500)'s signal", test_wide_map_file_and_signal);
	cleanup();
	return finish();
}
