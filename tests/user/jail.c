/*
 * jail: the seeds' container, "a BSD jail made out of namespaces", built step by step the way
 * container runtimes do on Linux, then tested from inside. Host root (1) forks a child that
 * unshares user, mount, pid, UTS, IPC and network namespaces at once; (2) writes the child's
 * maps "0 100000 65536" from outside; the child (3) becomes the jail's root and forks the
 * jail's pid 1, which (4) makes the mount tree private, (5) builds a new root on a tmpfs,
 * (6) pivot_roots into it, (7) mounts a proc of its own pid namespace and (8) detaches the old
 * root. Inside, root owns its tree and its host name, and nothing of the host: no /proc/sys
 * writes, no device nodes, no signals to host root, no locked mount removed, no way back.
 * docs/namespaces.md walks through it.
 */
#include "lib/check.h"
#include "lib/namespace_helpers.h"

#include <sys/mount.h>
#include <sys/sysmacros.h>

#define JAIL_MAP "0 100000 65536"
#define JAIL_NAMESPACES (CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWUTS | \
			 CLONE_NEWIPC | CLONE_NEWNET)

static struct agent host;	/* host root, outside: the process the jail may not signal */
static char new_root[256];	/* where the jail's tmpfs goes (a host directory) */
static char host_name[128];

static long pivot_root(const char *new_root_path, const char *put_old)
{
	return syscall(SYS_pivot_root, new_root_path, put_old);
}

/* Steps 4 to 8, in the jail's pid 1. Every step reports, so a failing kernel says where. */
static int build_root(void)
{
	char path[300];

	if (!expect_ok(mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL),
		       "step 4: the whole mount tree becomes private"))
		return -1;
	if (!expect_ok(mount("tmpfs", new_root, "tmpfs", 0, "mode=0755"),
		       "step 5: a tmpfs for the new root"))
		return -1;
	snprintf(path, sizeof(path), "%s/old-root", new_root);
	ok(mkdir(path, 0700) == 0, "mkdir old-root in it");
	snprintf(path, sizeof(path), "%s/proc", new_root);
	ok(mkdir(path, 0555) == 0, "mkdir proc in it");
	snprintf(path, sizeof(path), "%s/etc", new_root);
	ok(mkdir(path, 0755) == 0, "mkdir etc in it");
	snprintf(path, sizeof(path), "%s/etc/motd", new_root);
	ok(write_file(path, "welcome to the jail\n", 0644) == 0, "write etc/motd in it");
	if (!ok(chdir(new_root) == 0, "chdir to the new root"))
		return -1;
	if (!expect_ok(pivot_root(".", "old-root"), "step 6: pivot_root(\".\", \"old-root\")"))
		return -1;
	ok(chdir("/") == 0, "chdir /");
	expect_ok(mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL),
		  "step 7: mount proc for the jail's pid namespace");
	/* R9.5: a mount that came locked with the copied tree cannot be taken off alone. */
	expect_errno(umount2("/old-root/proc", MNT_DETACH), EINVAL,
		     "umount2 of the locked host /proc below the old root (R9.4, R9.5)");
	expect_ok(umount2("/old-root", MNT_DETACH), "step 8: umount2 of the old root, detached");
	expect_ok(rmdir("/old-root"), "and its mount point goes");
	return 0;
}

/* What the jail's root may and may not do; in the jail's pid 1. */
static void prove_jail(int host_user_fd, pid_t host_pid)
{
	struct stat info;
	char text[128];
	struct utsname names;

	is_int(getpid(), 1, "the jail's first process is its pid 1");
	ok(readlink("/proc/self", text, sizeof(text)) == 1 && text[0] == '1',
	   "its /proc shows it as 1");
	ok(read_file("/etc/motd", text, sizeof(text)) > 0 &&
	   strcmp(text, "welcome to the jail\n") == 0, "the new root is its root");
	expect_errno(stat("/old-root", &info), ENOENT, "the host's tree is out of reach");

	expect_ok(write_file("/etc/hosts", "127.0.0.1 jail\n", 0644), "root creates files");
	ok(stat("/etc/hosts", &info) == 0 && info.st_uid == 0 && info.st_gid == 0,
	   "they belong to the jail's root");
	expect_ok(chown("/etc/hosts", 1000, 1000), "and chowns them (R7.4)");
	ok(stat("/etc/hosts", &info) == 0 && info.st_uid == 1000, "to uid 1000");

	expect_ok(sethostname("jail", 4), "sethostname in its UTS namespace (R5.10)");
	ok(uname(&names) == 0 && strcmp(names.nodename, "jail") == 0, "uname says jail");
	expect_errno(open("/proc/sys/kernel/hostname", O_WRONLY), EACCES,
		     "no writes to /proc/sys (R9.8)");
	expect_errno(mknod("/null", S_IFCHR | 0666, makedev(1, 3)), EPERM,
		     "no device nodes (R7.7)");
	expect_ok(mkfifo("/fifo", 0600), "FIFOs are fine");
	expect_errno(kill(host_pid, 0), ESRCH,
		     "host processes are not even visible (its pid namespace)");
	expect_errno(setns(host_user_fd, CLONE_NEWUSER), EPERM,
		     "no setns back to the host's user namespace (R5.8)");
	expect_ok(umount2("/proc", 0), "its own /proc is not locked: it may unmount it");
}

/*
 * The jail's parent, in the new namespaces but still in the host's pid namespace: it becomes
 * the jail's root and forks the jail's pid 1, which reports.
 */
static void jail_parent(int go_fd, int host_user_fd)
{
	struct reporter jail_init;
	char byte;

	if (read(go_fd, &byte, 1) != 1 || byte != 'm')
		_exit(1);
	ok(become_ids(0, 0, true) == 0, "step 3: the child becomes the jail's root");
	is_int(getuid(), 0, "getuid() is 0");
	expect_errno(kill(host.pid, 0), EPERM,
		     "from the host's pid namespace it sees host root, but may not signal it (R8.1)");
	if (fork_reporter(&jail_init) == 0) {
		if (build_root() == 0)
			prove_jail(host_user_fd, host.pid);
		hand_back_reporting();
	}
	take_back_reporting(&jail_init);
}

static void test_jail(void)
{
	int host_user_fd = open("/proc/self/ns/user", O_RDONLY);
	int go[2], ready[2];
	struct reporter child;
	struct utsname names;
	char byte;

	if (!ok(host_user_fd >= 0 && agent_start(&host, -1) == 0 && pipe(go) == 0 &&
		pipe(ready) == 0, "host root opens its user ns and starts a helper outside"))
		return;
	if (fork_reporter(&child) == 0) {
		close(go[1]);
		close(ready[0]);
		expect_ok(unshare(JAIL_NAMESPACES),
			  "step 1: unshare user, mount, pid, UTS, IPC and network namespaces");
		byte = 'u';
		if (write(ready[1], &byte, 1) != 1)
			_exit(1);
		jail_parent(go[0], host_user_fd);
		hand_back_reporting();
	}
	close(go[0]);
	close(ready[1]);
	/* Step 2, from outside: host root writes the child's maps, 65536 ids from 100000. */
	if (read(ready[0], &byte, 1) == 1 &&
	    agent_write_maps(&host, child.pid, JAIL_MAP, JAIL_MAP) == 0)
		byte = 'm';
	else
		byte = 'x';
	if (write(go[1], &byte, 1) != 1)
		byte = 'x';
	take_back_reporting(&child);
	ok(byte == 'm', "step 2: host root wrote the maps \"%s\"", JAIL_MAP);
	ok(uname(&names) == 0 && strcmp(names.nodename, host_name) == 0,
	   "the host's name is still %s", host_name);
	agent_stop(&host);
}

int main(void)
{
	struct utsname names;

	if (geteuid() != 0) {
		printf("1..0 # SKIP needs root\n0 passed, 0 failed\n");
		return 0;
	}
	plan(36);
	if (enter_private_dir("jail") < 0) {
		ok(0, "make a private directory");
		return finish();
	}
	uname(&names);
	snprintf(host_name, sizeof(host_name), "%s", names.nodename);
	snprintf(new_root, sizeof(new_root), "%s/root", check_private_dir);
	if (mkdir(new_root, 0755) < 0)
		ok(0, "mkdir %s", new_root);
	scenario("a jail out of namespaces", test_jail);
	cleanup();
	return finish();
}
