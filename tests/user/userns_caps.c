/*
 * userns_caps: capabilities and user namespaces. capget/capset and their versions, the
 * bounding set (PR_CAPBSET_*), ambient capabilities (PR_CAP_AMBIENT), securebits and keepcaps,
 * dumpability (R8.5), and what execve computes (R4.7): root of a namespace keeps every
 * capability across exec unless SECBIT_NOROOT (Obs 4a); set-id bits count only when the
 * file's uid and gid are both mapped (R8.6, Obs 8b). The program runs itself with --report to
 * see what an exec gave.
 */
#include "lib/check.h"
#include "lib/namespace_helpers.h"

#include <stdint.h>
#include <sys/prctl.h>

/* linux/capability.h, which musl does not ship. */
struct __user_cap_header_struct {
	uint32_t version;
	int pid;
};
struct __user_cap_data_struct {
	uint32_t effective, permitted, inheritable;
};
#define CAP_CHOWN 0
#define CAP_NET_BIND_SERVICE 10
#define CAP_SYS_ADMIN 21

#define FULL_CAPS 0x1ffffffffffull
#define SUID_MAP "0 100000 10\n10 1000 1"
#define V1 0x19980330
#define V2 0x20071026
#define V3 0x20080522

static struct agent host;

static long capget_raw(unsigned int version, int pid, struct __user_cap_data_struct *data,
		       unsigned int *version_after)
{
	struct __user_cap_header_struct header = { .version = version, .pid = pid };
	long result = syscall(SYS_capget, &header, data);

	if (version_after)
		*version_after = header.version;
	return result;
}

static long capset_raw(int pid, uint64_t effective, uint64_t permitted, uint64_t inheritable)
{
	struct __user_cap_header_struct header = { .version = V3, .pid = pid };
	struct __user_cap_data_struct data[2] = {
		{ (uint32_t)effective, (uint32_t)permitted, (uint32_t)inheritable },
		{ (uint32_t)(effective >> 32), (uint32_t)(permitted >> 32),
		  (uint32_t)(inheritable >> 32) },
	};
	return syscall(SYS_capset, &header, data);
}

/* The three sets of the caller (v3). */
static void my_caps(uint64_t *effective, uint64_t *permitted, uint64_t *inheritable)
{
	struct __user_cap_data_struct data[2];

	memset(data, 0, sizeof(data));
	capget_raw(V3, 0, data, NULL);
	*effective = data[0].effective | (uint64_t)data[1].effective << 32;
	*permitted = data[0].permitted | (uint64_t)data[1].permitted << 32;
	*inheritable = data[0].inheritable | (uint64_t)data[1].inheritable << 32;
}

/* --report: what this exec gave, on one line. */
static int report(void)
{
	char status[AGENT_TEXT_SIZE], effective[64];

	read_file("/proc/self/status", status, sizeof(status));
	status_field(status, "CapEff", effective, sizeof(effective));
	printf("euid=%u egid=%u capeff=%s securebits=%d\n", geteuid(), getegid(), effective,
	       prctl(PR_GET_SECUREBITS, 0, 0, 0, 0));
	return 0;
}

/* Run path --report in a child; its line (without newline) in line. 0 or -1. */
static int exec_report(const char *path, char *line, size_t size)
{
	int output[2];
	pid_t child;

	line[0] = '\0';
	if (pipe(output) < 0)
		return -1;
	child = spawn();
	if (child == 0) {
		dup2(output[1], 1);
		execl(path, path, "--report", (char *)NULL);
		_exit(127);
	}
	close(output[1]);
	ssize_t length = read(output[0], line, size - 1);
	close(output[0]);
	line[length > 0 ? length : 0] = '\0';
	if (length > 0 && line[length - 1] == '\n')
		line[length - 1] = '\0';
	return wait_for(child) == 0 ? 0 : -1;
}

/* Enter a user namespace mapped map (by host root) as its uid 0. */
static int enter_as_root(const char *map)
{
	if (agent_start(&host, -1) < 0 || unshare(CLONE_NEWUSER) < 0 ||
	    agent_write_maps(&host, getpid(), map, map) != 0)
		return -1;
	return become_ids(0, 0, true) == 0 ? 0 : -1;
}

static void test_capget_versions(void)
{
	struct __user_cap_data_struct data[2];
	unsigned int version;

	memset(data, 0, sizeof(data));
	is_int(capget_raw(V3, 0, data, NULL), 0, "capget, version 3");
	char status[AGENT_TEXT_SIZE], from_status[64], from_capget[64];
	read_file("/proc/self/status", status, sizeof(status));
	status_field(status, "CapEff", from_status, sizeof(from_status));
	snprintf(from_capget, sizeof(from_capget), "%08x%08x", data[1].effective,
		 data[0].effective);
	ok(strcmp(from_status, from_capget) == 0, "capget says what CapEff says: %s",
	   from_capget);
	is_int(capget_raw(V2, 0, data, NULL), 0, "capget, version 2");
	is_int(capget_raw(V1, 0, data, NULL), 0, "capget, version 1 (32 bits, deprecated)");
	expect_errno(capget_raw(0x12345, 0, data, &version), EINVAL, "capget, unknown version");
	is_int(version, V3, "the kernel wrote its version into the header");
	is_int(capget_raw(0, 0, NULL, &version), 0, "capget with no data only asks the version");
	is_int(version, V3, "and gets version 3");
	expect_errno(capset_raw(getppid(), FULL_CAPS, FULL_CAPS, 0), EPERM,
		     "capset of another process");
}

static void test_capset_in_namespace(void)
{
	uint64_t effective, permitted, inheritable, admin = 1ull << CAP_SYS_ADMIN;

	if (!ok(enter_as_root("0 100000 1000") == 0, "enter a user namespace as its root"))
		return;
	my_caps(&effective, &permitted, &inheritable);
	ok(effective == FULL_CAPS && permitted == FULL_CAPS && inheritable == 0,
	   "full effective and permitted sets, empty inheritable");
	expect_ok(capset_raw(0, FULL_CAPS & ~admin, FULL_CAPS, 0),
		  "capset: CAP_SYS_ADMIN out of the effective set");
	expect_ok(capset_raw(0, FULL_CAPS, FULL_CAPS, 0), "and back: it is still permitted");
	expect_ok(capset_raw(0, FULL_CAPS & ~admin, FULL_CAPS & ~admin, 0),
		  "capset: CAP_SYS_ADMIN out of the permitted set");
	expect_errno(capset_raw(0, FULL_CAPS, FULL_CAPS & ~admin, 0), EPERM,
		     "effective beyond permitted (R4-capset)");
	expect_errno(capset_raw(0, 0, FULL_CAPS, 0), EPERM, "permitted cannot grow back");
	expect_ok(capset_raw(0, 0, 0, 0), "everything dropped");
	expect_errno(capset_raw(0, 0, 0, admin), EPERM,
		     "inheritable beyond old inheritable and permitted, no CAP_SETPCAP");
	agent_stop(&host);
}

static void test_bounding_set(void)
{
	char line[200];

	is_int(prctl(PR_CAPBSET_READ, CAP_CHOWN, 0, 0, 0), 1, "PR_CAPBSET_READ(CAP_CHOWN) is 1");
	expect_errno(prctl(PR_CAPBSET_READ, 41, 0, 0, 0), EINVAL, "PR_CAPBSET_READ(41)");
	if (!ok(enter_as_root("0 100000 1000") == 0, "enter a user namespace as its root"))
		return;
	expect_ok(prctl(PR_CAPBSET_DROP, CAP_SYS_ADMIN, 0, 0, 0),
		  "its root drops CAP_SYS_ADMIN from its bounding set (CAP_SETPCAP in its ns)");
	is_int(prctl(PR_CAPBSET_READ, CAP_SYS_ADMIN, 0, 0, 0), 0, "it reads 0");
	exec_report(check_self_path, line, sizeof(line));
	ok(strcmp(line, "euid=0 egid=0 capeff=000001ffffdfffff securebits=0") == 0,
	   "after exec, root's sets lack it: %s", line);
	ok(become_ids(5, 5, true) == 0, "become uid 5 (no capabilities)");
	expect_errno(prctl(PR_CAPBSET_DROP, CAP_CHOWN, 0, 0, 0), EPERM,
		     "PR_CAPBSET_DROP without CAP_SETPCAP");
	agent_stop(&host);
}

static void test_ambient(void)
{
	uint64_t effective, permitted, inheritable, bind = 1ull << CAP_NET_BIND_SERVICE;
	char line[200];

	if (!ok(enter_as_root("0 100000 1000") == 0, "enter a user namespace as its root"))
		return;
	is_int(prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_NET_BIND_SERVICE, 0, 0), 0,
	       "CAP_NET_BIND_SERVICE is not ambient");
	expect_errno(prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_NET_BIND_SERVICE, 0, 0),
		     EPERM, "raising it while not inheritable");
	expect_ok(capset_raw(0, FULL_CAPS, FULL_CAPS, bind), "make it inheritable");
	expect_ok(prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_NET_BIND_SERVICE, 0, 0),
		  "raise it");
	is_int(prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_NET_BIND_SERVICE, 0, 0), 1,
	       "now it is ambient");
	expect_ok(prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_LOWER, CAP_NET_BIND_SERVICE, 0, 0),
		  "lower it");
	is_int(prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_NET_BIND_SERVICE, 0, 0), 0,
	       "not ambient any more");
	expect_errno(prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, 99, 0, 0), EINVAL,
		     "raising capability 99");
	/* Keep the permitted set across setresuid, then carry CAP_NET_BIND_SERVICE over exec. */
	expect_ok(prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0), "PR_SET_KEEPCAPS 1");
	is_int(prctl(PR_GET_KEEPCAPS, 0, 0, 0, 0), 1, "PR_GET_KEEPCAPS says 1");
	ok(setresuid(5, 5, 5) == 0, "setresuid(5) inside");
	my_caps(&effective, &permitted, &inheritable);
	ok(effective == 0 && permitted == FULL_CAPS,
	   "keepcaps: permitted kept (%#llx), effective cleared (%#llx) (R4.10)",
	   (unsigned long long)permitted, (unsigned long long)effective);
	expect_ok(prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_NET_BIND_SERVICE, 0, 0),
		  "uid 5 raises the ambient capability");
	exec_report(check_self_path, line, sizeof(line));
	ok(strcmp(line, "euid=5 egid=0 capeff=0000000000000400 securebits=0") == 0,
	   "after exec uid 5 has just the ambient capability: %s", line);
	expect_ok(prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0), "clear all ambient");
	exec_report(check_self_path, line, sizeof(line));
	ok(strcmp(line, "euid=5 egid=0 capeff=0000000000000000 securebits=0") == 0,
	   "then exec gives nothing: %s", line);
	agent_stop(&host);
}

static void test_securebits(void)
{
	is_int(prctl(PR_SET_SECUREBITS, 0x13, 0, 0, 0), 0,
	       "host root sets NOROOT, NOROOT_LOCKED and KEEP_CAPS");
	if (!ok(agent_start(&host, -1) == 0 && unshare(CLONE_NEWUSER) == 0,
		"then unshares a user namespace"))
		return;
	is_int(prctl(PR_GET_SECUREBITS, 0, 0, 0, 0), 0, "securebits start at 0 there (Obs 4a)");
	ok(agent_write_maps(&host, getpid(), "0 100000 1000", "0 100000 1000") == 0 &&
	   become_ids(0, 0, true) == 0, "map it and become its root");
	is_int(prctl(PR_SET_SECUREBITS, 0x10, 0, 0, 0), 0, "set SECBIT_KEEP_CAPS");
	is_int(prctl(PR_GET_KEEPCAPS, 0, 0, 0, 0), 1, "PR_GET_KEEPCAPS follows it");
	is_int(prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0), 0, "PR_SET_KEEPCAPS 0");
	is_int(prctl(PR_GET_SECUREBITS, 0, 0, 0, 0), 0, "clears the bit");
	expect_errno(prctl(PR_SET_KEEPCAPS, 2, 0, 0, 0), EINVAL, "PR_SET_KEEPCAPS 2");
	is_int(prctl(PR_SET_SECUREBITS, 0x3, 0, 0, 0), 0, "set NOROOT and lock it");
	expect_errno(prctl(PR_SET_SECUREBITS, 0x2, 0, 0, 0), EPERM,
		     "a locked bit cannot change (R4.9)");
	ok(become_ids(5, 5, true) == 0, "become uid 5");
	expect_errno(prctl(PR_SET_SECUREBITS, 0x3, 0, 0, 0), EPERM,
		     "without CAP_SETPCAP securebits cannot be set (R4.9)");
	agent_stop(&host);
}

static void test_dumpable(void)
{
	struct stat info;

	is_int(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 1, "a process starts dumpable");
	if (!ok(agent_start(&host, -1) == 0 && unshare(CLONE_NEWUSER) == 0,
		"unshare a user namespace"))
		return;
	is_int(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 1, "still dumpable: it owns the new ns (R8.5)");
	ok(agent_write_maps(&host, getpid(), "0 100000 1000", "0 100000 1000") == 0,
	   "host root maps it");
	ok(setresgid(0, 0, 0) == 0 && setresuid(5, 5, 5) == 0, "setresuid(5) inside");
	is_int(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0, "no longer dumpable (R8.5)");
	/*
	 * R3.1: the files then belong to root of the namespace the process's memory belongs to
	 * (Linux's mm->user_ns, kuid's address_space->user_ns, set at the last exec): the
	 * host's here, since the process unshared without exec; unmapped inside, so 65534.
	 */
	memset(&info, 0, sizeof(info));
	stat("/proc/self/status", &info);
	ok(info.st_uid == 65534,
	   "its /proc files belong to the host's root, not to uid 5 (R3.1): %u",
	   (unsigned)info.st_uid);
	expect_ok(prctl(PR_SET_DUMPABLE, 1, 0, 0, 0), "PR_SET_DUMPABLE 1");
	ok(stat("/proc/self/status", &info) == 0 && info.st_uid == 5,
	   "now they are its own: %u", (unsigned)info.st_uid);
	expect_errno(prctl(PR_SET_DUMPABLE, 2, 0, 0, 0), EINVAL, "PR_SET_DUMPABLE 2");
	agent_stop(&host);
}

static void test_exec_capabilities(void)
{
	char line[200], map[64];

	if (!ok(agent_start(&host, -1) == 0 && unshare(CLONE_NEWUSER) == 0,
		"unshare a user namespace, no map yet"))
		return;
	exec_report(check_self_path, line, sizeof(line));
	ok(strcmp(line, "euid=65534 egid=65534 capeff=0000000000000000 securebits=0") == 0,
	   "exec without a map: no capabilities (Obs 4a): %s", line);
	/* Map uid 0 to the process's own kernel id: it is root there without changing ids. */
	snprintf(map, sizeof(map), "0 %u 1", 0u);
	ok(agent_write_maps(&host, getpid(), map, map) == 0, "map 0 to itself (%s)", map);
	exec_report(check_self_path, line, sizeof(line));
	ok(strcmp(line, "euid=0 egid=0 capeff=000001ffffffffff securebits=0") == 0,
	   "exec as the namespace's root: every capability (R4.7): %s", line);
	is_int(prctl(PR_SET_SECUREBITS, 0x1, 0, 0, 0), 0, "set SECBIT_NOROOT");
	exec_report(check_self_path, line, sizeof(line));
	ok(strcmp(line, "euid=0 egid=0 capeff=0000000000000000 securebits=1") == 0,
	   "exec with SECBIT_NOROOT: none (Obs 4a): %s", line);
	agent_stop(&host);
}

/* Copies of this program with set-id bits, owned by the given host ids. */
static const struct set_id_file {
	const char *name;
	uid_t uid;
	gid_t gid;
	const char *want;	/* the report when run as uid 10 (kernel id 1000) inside */
} set_id_files[] = {
	{ "suid-host-root", 0, 0, "euid=10 egid=10 capeff=0000000000000000 securebits=0" },
	{ "suid-ns-root", 100000, 100000,
	  "euid=0 egid=0 capeff=000001ffffffffff securebits=0" },
	{ "suid-ns-1", 100001, 100001, "euid=1 egid=1 capeff=0000000000000000 securebits=0" },
	{ "suid-ns-root-gid-host", 100000, 0,
	  "euid=10 egid=10 capeff=0000000000000000 securebits=0" },
};
#define SET_ID_FILE_COUNT (sizeof(set_id_files) / sizeof(set_id_files[0]))

static int copy_self(const char *path, uid_t uid, gid_t gid)
{
	int from = open(check_self_path, O_RDONLY);
	int to = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0700);
	char buffer[65536];
	ssize_t length;
	int error = from < 0 || to < 0 ? -1 : 0;

	while (error == 0 && (length = read(from, buffer, sizeof(buffer))) > 0)
		if (write(to, buffer, (size_t)length) != length)
			error = -1;
	if (from >= 0)
		close(from);
	if (to >= 0)
		close(to);
	if (error == 0 && (chown(path, uid, gid) < 0 || chmod(path, 06755) < 0))
		error = -1;
	return error;
}

static void test_set_id_exec(void)
{
	char path[300], line[200];
	const struct set_id_file *file;

	for (file = set_id_files; file < set_id_files + SET_ID_FILE_COUNT; file++) {
		snprintf(path, sizeof(path), "%s/%s", check_private_dir, file->name);
		if (!ok(copy_self(path, file->uid, file->gid) == 0, "make %s, %u:%u, mode 6755",
			file->name, (unsigned)file->uid, (unsigned)file->gid))
			return;
	}
	pid_t child = spawn();
	if (child == 0) {
		snprintf(path, sizeof(path), "%s/suid-host-root", check_private_dir);
		if (become_ids(1000, 1000, true) != 0 || exec_report(path, line, sizeof(line)) < 0)
			_exit(1);
		_exit(strncmp(line, "euid=0 egid=0 ", 14) == 0 ? 0 : 2);
	}
	is_int(wait_for(child), 0, "for comparison: uid 1000 on the host runs suid-host-root as 0");
	if (!ok(agent_start(&host, -1) == 0 && unshare(CLONE_NEWUSER) == 0 &&
		agent_write_maps(&host, getpid(), SUID_MAP, SUID_MAP) == 0,
		"unshare, host root maps \"0 100000 10\" and \"10 1000 1\""))
		return;
	ok(become_ids(10, 10, true) == 0, "become uid 10 inside (kernel id 1000)");
	for (file = set_id_files; file < set_id_files + SET_ID_FILE_COUNT; file++) {
		snprintf(path, sizeof(path), "%s/%s", check_private_dir, file->name);
		exec_report(path, line, sizeof(line));
		ok(strcmp(line, file->want) == 0, "%s: %s (R8.6, R8.7)", file->name, line);
	}
	agent_stop(&host);
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--report") == 0)
		return report();
	if (geteuid() != 0) {
		printf("1..0 # SKIP needs root\n0 passed, 0 failed\n");
		return 0;
	}
	remember_self(argv[0]);
	plan(83);
	if (enter_private_dir("caps") < 0) {
		ok(0, "make a private directory");
		return finish();
	}
	scenario("capget versions", test_capget_versions);
	scenario("capset in a user namespace", test_capset_in_namespace);
	scenario("the bounding set", test_bounding_set);
	scenario("ambient capabilities and keepcaps", test_ambient);
	scenario("securebits", test_securebits);
	scenario("dumpable", test_dumpable);
	scenario("exec as the namespace's root", test_exec_capabilities);
	scenario("set-id exec across namespaces", test_set_id_exec);
	cleanup();
	return finish();
}
