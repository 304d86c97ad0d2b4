/*
 * container_rules: what root of a container may and may not do (R9.9). The container is a
 * user namespace mapped "0 100000 65536" by host root, with its own UTS and mount namespaces;
 * the process inside is its uid 0, with every capability there. It can rename its UTS
 * namespace, make FIFOs and files, chown what it owns, chroot; it cannot write /proc/sys,
 * make device nodes, chown host files, signal host root, go back to the host's namespaces,
 * set the clock or raise its priority. Each check names its rule.
 */
#include "lib/check.h"
#include "lib/namespace_helpers.h"

#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/sysmacros.h>
#include <time.h>

#define CONTAINER_MAP "0 100000 65536"
#define CONTAINER_ROOT_KID 100000

static struct agent host;	/* a process of host root, left outside */
static char own_dir[256];	/* owned by the container's root: it may write there */
static char host_file[256];	/* owned by host root (0:0), not mapped in the container */

/* Enter the container as its root. host_user_fd: the host's user ns, opened before. */
static int enter_container(int *host_user_fd, int *host_uts_fd)
{
	*host_user_fd = open("/proc/self/ns/user", O_RDONLY);
	*host_uts_fd = open("/proc/self/ns/uts", O_RDONLY);
	if (*host_user_fd < 0 || *host_uts_fd < 0 || agent_start(&host, -1) < 0)
		return -1;
	if (unshare(CLONE_NEWUSER | CLONE_NEWUTS | CLONE_NEWNS) < 0)
		return -1;
	if (agent_write_maps(&host, getpid(), CONTAINER_MAP, CONTAINER_MAP) != 0)
		return -1;
	return become_ids(0, 0, true) == 0 ? 0 : -1;
}

static void test_names_and_sysctls(void)
{
	int host_user_fd, host_uts_fd;
	char text[128];
	struct agent_reply reply;

	if (!ok(enter_container(&host_user_fd, &host_uts_fd) == 0, "enter the container as root"))
		return;
	agent_ask(&host, AGENT_HOSTNAME, NULL, NULL, 0, 0, &reply);
	char host_name[128];
	snprintf(host_name, sizeof(host_name), "%.127s", reply.text);
	expect_ok(sethostname("box", 3), "sethostname in its own UTS namespace (R5.10)");
	ok(read_file("/proc/sys/kernel/hostname", text, sizeof(text)) > 0 &&
	   strcmp(text, "box\n") == 0, "/proc/sys/kernel/hostname shows its own UTS name");
	agent_ask(&host, AGENT_HOSTNAME, NULL, NULL, 0, 0, &reply);
	ok(strcmp(reply.text, host_name) == 0, "the host's name is unchanged (%s)", reply.text);
	expect_errno(open("/proc/sys/kernel/hostname", O_WRONLY), EACCES,
		     "open /proc/sys/kernel/hostname for writing (R9.8: global root only)");
	expect_errno(open("/proc/sys/kernel/domainname", O_WRONLY), EACCES,
		     "open /proc/sys/kernel/domainname for writing (R9.8)");
	expect_errno(open("/proc/sys/kernel/overflowuid", O_WRONLY), EACCES,
		     "open /proc/sys/kernel/overflowuid for writing (R9.8)");
	expect_ok(setdomainname("boxdomain", 9), "setdomainname in its own UTS namespace");
	ok(read_file("/proc/sys/kernel/domainname", text, sizeof(text)) > 0 &&
	   strcmp(text, "boxdomain\n") == 0, "/proc/sys/kernel/domainname shows it");
	agent_stop(&host);
}

static void test_files(void)
{
	int host_user_fd, host_uts_fd;
	char path[300];
	struct stat info;

	if (!ok(enter_container(&host_user_fd, &host_uts_fd) == 0, "enter the container as root"))
		return;
	snprintf(path, sizeof(path), "%s/null", own_dir);
	expect_errno(mknod(path, S_IFCHR | 0666, makedev(1, 3)), EPERM,
		     "mknod c 1 3 (R7.7: CAP_MKNOD in the initial namespace only)");
	expect_errno(mknod(path, S_IFBLK | 0666, makedev(7, 0)), EPERM, "mknod b 7 0 (R7.7)");
	snprintf(path, sizeof(path), "%s/fifo", own_dir);
	expect_ok(mkfifo(path, 0600), "mkfifo works");
	ok(stat(path, &info) == 0 && S_ISFIFO(info.st_mode) && info.st_uid == 0,
	   "the FIFO is the container root's");
	snprintf(path, sizeof(path), "%s/plain", own_dir);
	expect_ok(mknod(path, S_IFREG | 0600, 0), "mknod of a regular file works");
	expect_ok(chown(path, 1000, 1000), "chown of its own file to mapped ids (R7.4)");
	ok(stat(path, &info) == 0 && info.st_uid == 1000 && info.st_gid == 1000,
	   "the file now belongs to 1000:1000");
	expect_errno(chown(path, 70000, -1), EINVAL, "chown to an unmapped id (R7.4)");
	ok(stat(host_file, &info) == 0 && info.st_uid == 65534, "a host root file shows 65534");
	expect_errno(chown(host_file, 0, 0), EPERM,
		     "chown of a file whose owner is unmapped (R7.4, R4.3)");
	expect_errno(chmod(host_file, 0666), EPERM, "chmod of it (R7.6)");
	expect_errno(open(host_file, O_RDONLY), EACCES, "reading it, mode 0600 (R7.6)");
	expect_ok(chroot(own_dir), "chroot in its own namespace (R9.7)");
	agent_stop(&host);
}

static void test_host_boundaries(void)
{
	int host_user_fd, host_uts_fd;
	struct timespec now;
	char path[64], text[64];

	if (!ok(enter_container(&host_user_fd, &host_uts_fd) == 0, "enter the container as root"))
		return;
	expect_errno(kill(host.pid, 0), EPERM, "signal a process of host root (R8.1)");
	expect_errno(kill(host.pid, SIGKILL), EPERM, "SIGKILL it (R8.1)");
	snprintf(path, sizeof(path), "/proc/%d/ns/user", (int)host.pid);
	expect_errno(readlink(path, text, sizeof(text)), EACCES,
		     "readlink of host root's /proc/PID/ns/user (R6.2, R8.3)");
	expect_errno(open(path, O_RDONLY), EACCES, "open of it (R6.2)");
	expect_ok(readlink("/proc/self/ns/user", text, sizeof(text)), "its own ns links read");
	expect_errno(setns(host_user_fd, CLONE_NEWUSER), EPERM,
		     "setns back to the host's user namespace (R5.8)");
	expect_errno(setns(host_uts_fd, CLONE_NEWUTS), EPERM,
		     "setns back to the host's UTS namespace (R5.9)");
	clock_gettime(CLOCK_REALTIME, &now);
	expect_errno(clock_settime(CLOCK_REALTIME, &now), EPERM,
		     "clock_settime (R4.11: CAP_SYS_TIME in the initial namespace)");
	expect_errno(setpriority(PRIO_PROCESS, 0, -5), EACCES,
		     "setpriority(-5) (R4.11: CAP_SYS_NICE in the initial namespace)");
	expect_ok(setpriority(PRIO_PROCESS, 0, 5), "setpriority(5): lowering is for everyone");
	errno = 0;
	is_int(getpriority(PRIO_PROCESS, 0), 5, "getpriority says 5");
	expect_errno(setpriority(PRIO_PROCESS, 0, 0), EACCES, "and it cannot go back to 0");
	expect_errno(setpriority(PRIO_PROCESS, host.pid, 5), EPERM,
		     "setpriority of host root's process (other ids, no CAP_SYS_NICE over it)");
	expect_ok(unshare(CLONE_NEWUSER), "a nested user namespace may be made (R9.9)");
	agent_stop(&host);
}

/*
 * The same kernel id on both sides (Obs 8a): uid 1000 makes a user namespace and maps itself
 * to 0. Signals go out to its host self (R8.1: same uid), /proc/PID/ns links do not (R8.3:
 * different namespaces, no CAP_SYS_PTRACE over the host's); its host self, the owner, reads
 * the container's links.
 */
static void test_same_kernel_id(void)
{
	struct agent host_self;
	struct agent_reply reply;
	char path[64], text[64];

	if (!ok(become_ids(1000, 1000, true) == 0 && agent_start(&host_self, -1) == 0,
		"become uid 1000 and start a helper of uid 1000 outside"))
		return;
	expect_ok(unshare(CLONE_NEWUSER), "uid 1000 makes a user namespace");
	is_int(write_text("/proc/self/uid_map", "0 1000 1"), 0, "and maps itself to 0");
	expect_ok(kill(host_self.pid, 0), "it may signal its host self: same kernel id (R8.1)");
	snprintf(path, sizeof(path), "/proc/%d/ns/user", (int)host_self.pid);
	expect_errno(readlink(path, text, sizeof(text)), EACCES,
		     "but not read its ns links (R8.3: no CAP_SYS_PTRACE in the host's ns)");
	snprintf(path, sizeof(path), "/proc/%d/ns/user", (int)getpid());
	is_int(agent_ask(&host_self, AGENT_READLINK, path, NULL, 0, 0, &reply), 0,
	       "the owner outside reads the container's ns links (R4.1 owner rule)");
	agent_stop(&host_self);
}

/*
 * The other half of R7.7: a device node only opens where the mount allows devices. Host root
 * makes /dev/null's twin on a tmpfs mounted nodev (what a container's file systems get):
 * opening it is EACCES; on a tmpfs without nodev it opens.
 */
static void test_nodev_mounts(void)
{
	char mount_point[300], path[320];
	int fd;

	snprintf(mount_point, sizeof(mount_point), "%s/nodev", check_private_dir);
	snprintf(path, sizeof(path), "%s/null", mount_point);
	if (!ok(unshare(CLONE_NEWNS) == 0 && mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0 &&
		mkdir(mount_point, 0755) == 0, "host root takes a private mount namespace"))
		return;
	expect_ok(mount("tmpfs", mount_point, "tmpfs", MS_NODEV, NULL), "mount a tmpfs nodev");
	expect_ok(mknod(path, S_IFCHR | 0666, makedev(1, 3)), "host root makes c 1 3 there");
	expect_errno(open(path, O_RDWR), EACCES, "opening it on a nodev mount (R7.7)");
	expect_ok(umount2(mount_point, MNT_DETACH), "unmount it");
	expect_ok(mount("tmpfs", mount_point, "tmpfs", 0, NULL), "mount a tmpfs with devices");
	expect_ok(mknod(path, S_IFCHR | 0666, makedev(1, 3)), "make c 1 3 again");
	fd = open(path, O_RDWR);
	ok(fd >= 0 && write(fd, "x", 1) == 1, "it opens and swallows writes like /dev/null");
	if (fd >= 0)
		close(fd);
	umount2(mount_point, MNT_DETACH);
}

int main(void)
{
	if (geteuid() != 0) {
		printf("1..0 # SKIP needs root\n0 passed, 0 failed\n");
		return 0;
	}
	plan(52);
	if (enter_private_dir("container") < 0) {
		ok(0, "make a private directory");
		return finish();
	}
	snprintf(own_dir, sizeof(own_dir), "%s/own", check_private_dir);
	snprintf(host_file, sizeof(host_file), "%s/host-secret", check_private_dir);
	if (mkdir(own_dir, 0755) < 0 || chown(own_dir, CONTAINER_ROOT_KID, CONTAINER_ROOT_KID) < 0 ||
	    write_file(host_file, "secret\n", 0600) < 0)
		ok(0, "prepare %s", check_private_dir);
	scenario("host and domain names, /proc/sys", test_names_and_sysctls);
	scenario("files: device nodes, FIFOs, chown", test_files);
	scenario("the host's processes, namespaces, clock and priorities", test_host_boundaries);
	scenario("the same kernel id inside and outside", test_same_kernel_id);
	scenario("device nodes on nodev mounts", test_nodev_mounts);
	cleanup();
	return finish();
}
