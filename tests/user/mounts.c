/*
 * mounts: mount namespaces and mount(2), umount2(2), pivot_root(2) as Linux has them. Every
 * scenario runs in a mount namespace of its own, on a tmpfs over a scratch directory, so
 * nothing it does reaches the machine's own tree; the unprivileged scenarios run as uid 1000
 * in a new user and mount namespace, where the copied tree is locked (R9.4-R9.6). Only what
 * Linux guarantees is compared: this machine's own mount table differs from kuid's.
 * Run as root (natively: sudo).
 */
#include "lib/check.h"

#include <sched.h>
#include <stdbool.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>

#define UNPRIVILEGED_UID 1000

static char base[64];	/* the scratch directory, made by main */

static long pivot_root(const char *new_root, const char *put_old)
{
	return syscall(SYS_pivot_root, new_root, put_old);
}

/* base/name, in a static buffer per slot. */
static const char *at(int slot, const char *name)
{
	static char paths[4][200];

	snprintf(paths[slot], sizeof(paths[slot]), "%s/%s", base, name);
	return paths[slot];
}

static bool exists(const char *path)
{
	struct stat info;

	return stat(path, &info) == 0;
}

/* A private mount namespace with a tmpfs on base: the scenario's own playground. */
static int enter_playground(void)
{
	if (!expect_ok(unshare(CLONE_NEWNS), "unshare(CLONE_NEWNS) as root"))
		return -1;
	if (!expect_ok(mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL), "make / rprivate"))
		return -1;
	if (!expect_ok(mount("play", base, "tmpfs", 0, NULL), "a tmpfs on the scratch directory"))
		return -1;
	return 0;
}

/* One line of mountinfo, split into its fields. */
struct mountinfo_line {
	int id, parent;
	char root[200], point[200], options[200], optional[200], type[32], source[64];
};

/* The last line whose mount point is `point` (the one on top); 0 if found. */
static int find_mountinfo(const char *point, struct mountinfo_line *found)
{
	static char text[65536];
	ssize_t length = read_file("/proc/self/mountinfo", text, sizeof(text));
	int matches = 0;

	if (length <= 0)
		return -1;
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		struct mountinfo_line parsed = { 0 };
		unsigned int major, minor;
		int used = 0;
		char *dash;

		if (sscanf(line, "%d %d %u:%u %199s %199s %199s %n", &parsed.id, &parsed.parent,
			   &major, &minor, parsed.root, parsed.point, parsed.options, &used) < 7)
			return -1;
		dash = strstr(line, " - ");
		if (!dash)
			return -1;
		snprintf(parsed.optional, sizeof(parsed.optional), "%.*s",
			 (int)(dash - (line + used) > 0 ? dash - (line + used) : 0), line + used);
		if (sscanf(dash + 3, "%31s %63s", parsed.type, parsed.source) != 2)
			return -1;
		if (strcmp(parsed.point, point) == 0) {
			*found = parsed;
			matches++;
		}
	}
	return matches ? 0 : -1;
}

/* The peer group number of a "shared:N" / "master:N" field, or -1. */
static int optional_number(const char *optional, const char *tag)
{
	const char *field = strstr(optional, tag);

	return field ? atoi(field + strlen(tag)) : -1;
}

/* ---- as root ---- */

static void tmpfs_mount_and_umount(void)
{
	int fd;

	if (enter_playground() < 0)
		return;
	mkdir(at(0, "a"), 0755);
	expect_ok(mount("t", at(0, "a"), "tmpfs", 0, NULL), "mount a tmpfs");
	ok(write_file(at(1, "a/file"), "x", 0644) == 0, "a file in it");
	expect_ok(umount2(at(0, "a"), 0), "umount it");
	ok(!exists(at(1, "a/file")), "the file went with it");
	expect_errno(umount2(at(0, "a"), 0), EINVAL, "umount of a directory that is no mount");
	expect_errno(umount2(at(0, "nothing"), 0), ENOENT, "umount of a missing path");
	expect_errno(umount2(at(0, "a"), 0x10), EINVAL, "umount2 with an unknown flag");
	expect_errno(mount("t", at(0, "a"), "nosuchfs", 0, NULL), ENODEV, "an unknown type");
	expect_errno(mount("t", at(0, "a"), NULL, 0, NULL), EINVAL, "no type at all");
	expect_ok(mount("t", at(0, "a"), "ramfs", 0, NULL), "ramfs mounts too");
	fd = open(at(1, "a"), O_RDONLY | O_DIRECTORY);
	expect_errno(umount2(at(0, "a"), 0), EBUSY, "umount while a descriptor is open in it");
	expect_ok(umount2(at(0, "a"), MNT_DETACH), "MNT_DETACH takes it away all the same");
	ok(fd >= 0 && fchdir(fd) == 0, "the open directory still works");
	close(fd);
	expect_ok(mount("t", at(0, "a"), "tmpfs", 0, NULL), "mount again");
	expect_errno(umount2(at(0, "a"), MNT_EXPIRE | MNT_DETACH), EINVAL,
		     "MNT_EXPIRE with MNT_DETACH");
	expect_errno(umount2(at(0, "a"), MNT_EXPIRE), EAGAIN, "MNT_EXPIRE marks first");
	expect_ok(umount2(at(0, "a"), MNT_EXPIRE), "and unmounts an idle mount the second time");
}

static void bind_and_rbind(void)
{
	if (enter_playground() < 0)
		return;
	mkdir(at(0, "src"), 0755);
	mkdir(at(0, "src/sub"), 0755);
	mkdir(at(0, "b1"), 0755);
	mkdir(at(0, "b2"), 0755);
	expect_ok(mount("t", at(0, "src/sub"), "tmpfs", 0, NULL), "a tmpfs on src/sub");
	ok(write_file(at(0, "src/sub/f"), "x", 0644) == 0, "a file in it");
	expect_ok(mount(at(0, "src"), at(1, "b1"), NULL, MS_BIND, NULL), "bind src on b1");
	ok(exists(at(0, "b1/sub")) && !exists(at(1, "b1/sub/f")),
	   "a bind shows the directory, not what is mounted below it");
	expect_ok(mount(at(0, "src"), at(1, "b2"), NULL, MS_BIND | MS_REC, NULL), "rbind on b2");
	ok(exists(at(0, "b2/sub/f")), "an rbind shows the mounts below too");
	expect_errno(mount(at(0, "missing"), at(1, "b1"), NULL, MS_BIND, NULL), ENOENT,
		     "bind of a missing source");
	expect_errno(mount(NULL, at(1, "b1"), NULL, MS_BIND, NULL), EINVAL, "bind without source");
	ok(write_file(at(0, "file"), "y", 0644) == 0, "a file");
	expect_errno(mount(at(0, "file"), at(1, "b1"), NULL, MS_BIND, NULL), ENOTDIR,
		     "bind of a file on a directory");
	expect_ok(mount(at(0, "src/sub"), at(0, "src/sub"), NULL, MS_BIND, NULL),
		  "bind a mount onto itself");
	expect_ok(mount(NULL, at(0, "src/sub"), NULL, MS_UNBINDABLE, NULL), "make it unbindable");
	expect_errno(mount(at(0, "src/sub"), at(1, "b1"), NULL, MS_BIND, NULL), EINVAL,
		     "bind of an unbindable mount");
}

static void move_a_mount(void)
{
	if (enter_playground() < 0)
		return;
	mkdir(at(0, "m1"), 0755);
	mkdir(at(0, "m2"), 0755);
	expect_ok(mount("t", at(0, "m1"), "tmpfs", 0, NULL), "a tmpfs on m1");
	mkdir(at(0, "m1/inner"), 0755);
	ok(write_file(at(0, "m1/f"), "x", 0644) == 0, "a file in it");
	expect_ok(mount(at(0, "m1"), at(1, "m2"), NULL, MS_MOVE, NULL), "MS_MOVE it to m2");
	ok(exists(at(0, "m2/f")) && !exists(at(1, "m1/f")), "the file moved with it");
	expect_errno(mount(at(0, "m2"), at(1, "m2/inner"), NULL, MS_MOVE, NULL), ELOOP,
		     "moving a mount below itself");
	expect_errno(mount(at(0, "m1"), at(1, "m2"), NULL, MS_MOVE, NULL), EINVAL,
		     "moving a directory that is no mount");
}

static void remount_read_only(void)
{
	if (enter_playground() < 0)
		return;
	mkdir(at(0, "r"), 0755);
	expect_ok(mount("t", at(0, "r"), "tmpfs", 0, NULL), "a tmpfs");
	ok(write_file(at(0, "r/f"), "x", 0644) == 0, "a file in it");
	expect_ok(mount(NULL, at(0, "r"), NULL, MS_REMOUNT | MS_RDONLY, NULL), "remount ro");
	expect_errno(open(at(0, "r/f"), O_WRONLY), EROFS, "open for writing");
	expect_errno(open(at(0, "r/g"), O_WRONLY | O_CREAT, 0644), EROFS, "creat");
	expect_errno(mkdir(at(0, "r/d"), 0755), EROFS, "mkdir");
	expect_errno(unlink(at(0, "r/f")), EROFS, "unlink");
	expect_ok(mount(NULL, at(0, "r"), NULL, MS_REMOUNT, NULL), "remount rw");
	ok(write_file(at(0, "r/f"), "y", 0644) == 0, "writes work again");
	expect_ok(mount(NULL, at(0, "r"), NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL),
		  "remount this mount ro (MS_REMOUNT|MS_BIND)");
	expect_errno(mkdir(at(0, "r/d"), 0755), EROFS, "mkdir then");
	expect_errno(mount(NULL, at(0, "nothing"), NULL, MS_REMOUNT, NULL), ENOENT,
		     "remount of a missing path");
	mkdir(at(0, "plain"), 0755);
	expect_errno(mount(NULL, at(0, "plain"), NULL, MS_REMOUNT, NULL), EINVAL,
		     "remount of a directory that is no mount");
}

static void nodev_and_noexec(void)
{
	if (enter_playground() < 0)
		return;
	mkdir(at(0, "dev"), 0755);
	mkdir(at(0, "x"), 0755);
	expect_ok(mount("t", at(0, "dev"), "tmpfs", MS_NODEV, NULL), "a nodev tmpfs");
	expect_ok(mknod(at(0, "dev/null"), S_IFCHR | 0666, makedev(1, 3)), "mknod null in it");
	expect_errno(open(at(0, "dev/null"), O_RDONLY), EACCES, "opening a device on nodev");
	expect_ok(mount(NULL, at(0, "dev"), NULL, MS_REMOUNT | MS_BIND, NULL), "remount dev");
	int fd = open(at(0, "dev/null"), O_RDONLY);

	ok(fd >= 0, "the device opens without nodev");
	close(fd);
	expect_ok(mount("t", at(0, "x"), "tmpfs", MS_NOEXEC, NULL), "a noexec tmpfs");
	ok(write_file(at(0, "x/prog"), "#!/bin/sh\nexit 0\n", 0755) == 0, "a program in it");
	char *argv[] = { "prog", NULL };

	expect_errno(execve(at(0, "x/prog"), argv, argv + 1), EACCES, "execve on noexec");
}

static void mountinfo_fields(void)
{
	struct mountinfo_line top, line, peer;

	if (enter_playground() < 0)
		return;
	mkdir(at(0, "i"), 0755);
	mkdir(at(0, "j"), 0755);
	ok(find_mountinfo(base, &top) == 0, "mountinfo shows the playground tmpfs");
	ok(strcmp(top.type, "tmpfs") == 0 && strcmp(top.source, "play") == 0 &&
	   strcmp(top.root, "/") == 0, "with type, source and root: %s %s %s", top.type,
	   top.source, top.root);
	expect_ok(mount("src", at(0, "i"), "tmpfs", MS_NOSUID | MS_NODEV, NULL), "a tmpfs on i");
	ok(find_mountinfo(at(0, "i"), &line) == 0, "mountinfo shows it");
	is_int(line.parent, top.id, "its parent is the playground");
	ok(line.id != top.id, "ids differ");
	ok(strcmp(line.options, "rw,nosuid,nodev,relatime") == 0, "options %s", line.options);
	ok(line.optional[0] == '\0', "no optional fields for a private mount: '%s'", line.optional);
	expect_ok(mount(NULL, at(0, "i"), NULL, MS_SHARED, NULL), "make it shared");
	ok(find_mountinfo(at(0, "i"), &line) == 0 && optional_number(line.optional, "shared:") > 0,
	   "shared:N: '%s'", line.optional);
	mkdir(at(0, "i/d"), 0755);
	expect_ok(mount(at(0, "i/d"), at(1, "j"), NULL, MS_BIND, NULL), "bind i/d on j");
	ok(find_mountinfo(at(0, "j"), &peer) == 0, "mountinfo shows the bind");
	ok(strcmp(peer.root, "/d") == 0, "its root is /d: %s", peer.root);
	is_int(optional_number(peer.optional, "shared:"), optional_number(line.optional, "shared:"),
	       "a bind of a shared mount is its peer");
	mkdir(at(0, "i/d/sub"), 0755);
	expect_ok(mount("t", at(0, "i/d/sub"), "tmpfs", 0, NULL), "a mount on the shared i");
	ok(exists(at(0, "j/sub")) && find_mountinfo(at(0, "j/sub"), &peer) == 0,
	   "propagates to its peer j");
	expect_ok(umount2(at(0, "i/d/sub"), 0), "umount it on i");
	ok(find_mountinfo(at(0, "j/sub"), &peer) != 0, "and the copy on j goes too");
	expect_ok(mount(NULL, at(0, "j"), NULL, MS_SLAVE, NULL), "make j a slave");
	ok(find_mountinfo(at(0, "j"), &peer) == 0 &&
	   optional_number(peer.optional, "master:") == optional_number(line.optional, "shared:") &&
	   optional_number(peer.optional, "shared:") < 0, "master:N of i's group: '%s'",
	   peer.optional);
	expect_ok(mount(NULL, at(0, "j"), NULL, MS_UNBINDABLE, NULL), "make j unbindable");
	ok(find_mountinfo(at(0, "j"), &peer) == 0 && strcmp(peer.optional, "unbindable") == 0,
	   "unbindable: '%s'", peer.optional);
	expect_ok(mount(NULL, at(0, "i"), NULL, MS_PRIVATE, NULL), "make i private");
	ok(find_mountinfo(at(0, "i"), &line) == 0 && line.optional[0] == '\0', "no fields again");
	expect_errno(mount(NULL, at(0, "i"), NULL, MS_PRIVATE | MS_SHARED, NULL), EINVAL,
		     "two propagation types at once");
	expect_errno(mount(NULL, at(0, "i/d"), NULL, MS_PRIVATE, NULL), EINVAL,
		     "a propagation change on a directory that is no mount");
}

static void namespaces_have_their_own_trees(void)
{
	int ready[2], done[2];
	char byte = 0;
	pid_t child;

	if (enter_playground() < 0)
		return;
	mkdir(at(0, "x"), 0755);
	if (pipe(ready) < 0 || pipe(done) < 0)
		return;
	child = spawn();
	if (child == 0) {
		bool fine = unshare(CLONE_NEWNS) == 0 &&
			    mount("t", at(0, "x"), "tmpfs", 0, NULL) == 0 &&
			    write_file(at(0, "x/mine"), "x", 0644) == 0;

		byte = fine ? 'y' : 'n';
		write(ready[1], &byte, 1);
		read(done[0], &byte, 1);
		_exit(0);
	}
	read(ready[0], &byte, 1);
	is_int(byte, 'y', "a child in a new mount ns mounts a tmpfs and writes in it");
	ok(!exists(at(0, "x/mine")), "the parent does not see the child's mount");
	write(done[1], &byte, 1);
	wait_for(child);
	ok(exists(at(0, "x")), "and its own directory is still there");
}

static void pivot_root_errors_and_success(void)
{
	if (enter_playground() < 0)
		return;
	mkdir(at(0, "new"), 0755);
	mkdir(at(0, "plain"), 0755);
	write_file(at(0, "file"), "x", 0644);
	expect_errno(pivot_root(at(0, "missing"), at(1, "new")), ENOENT, "a missing new_root");
	expect_errno(pivot_root(at(0, "file"), at(1, "new")), ENOTDIR, "a file as new_root");
	expect_errno(pivot_root(at(0, "plain"), at(1, "plain")), EINVAL,
		     "new_root is not a mount point");
	expect_errno(pivot_root("/", at(1, "plain")), EBUSY, "new_root is the current root");
	expect_ok(mount("newroot", at(0, "new"), "tmpfs", 0, NULL), "a tmpfs for the new root");
	mkdir(at(0, "new/old"), 0755);
	write_file(at(0, "new/marker"), "new root\n", 0644);
	expect_errno(pivot_root(at(0, "new"), at(1, "plain")), EINVAL,
		     "put_old is not underneath new_root");
	if (!ok(chdir(at(0, "new")) == 0, "chdir to the new root"))
		return;
	if (!expect_ok(pivot_root(".", "old"), "pivot_root(\".\", \"old\")"))
		return;
	char text[32] = "";

	ok(read_file("/marker", text, sizeof(text)) > 0 && strcmp(text, "new root\n") == 0,
	   "/ is the new root");
	ok(exists("/old/proc") || exists("/old/tmp"), "the old root is at /old");
	expect_ok(umount2("/old", MNT_DETACH), "umount2(\"/old\", MNT_DETACH)");
	ok(!exists("/old/tmp"), "the old tree is out of reach");
	expect_ok(rmdir("/old"), "and /old goes");
}

/* ---- as uid 1000 in its own user and mount namespace ---- */

/* Root prepares a locked mount; then the scenario continues as uid 1000 in new namespaces. */
static int enter_unprivileged(void)
{
	char map[64];
	gid_t none[1] = { 0 };

	if (enter_playground() < 0)
		return -1;
	mkdir(at(0, "locked"), 0755);
	mkdir(at(0, "locked/sub"), 0755);
	mkdir(at(0, "dst"), 0777);
	mkdir(at(0, "dst2"), 0777);
	mkdir(at(0, "mine"), 0777);
	mkdir(at(0, "newroot"), 0777);
	chmod(base, 0777);
	if (!expect_ok(mount("locked", at(0, "locked"), "tmpfs", MS_NOSUID | MS_NODEV, NULL),
		       "root mounts a nosuid,nodev tmpfs") ||
	    !expect_ok(mkdir(at(0, "locked/sub"), 0777), "with a directory") ||
	    !expect_ok(mount("t", at(0, "locked/sub"), "tmpfs", 0, NULL), "and a mount on it") ||
	    !expect_ok(mount(NULL, at(0, "locked"), NULL, MS_REMOUNT | MS_BIND | MS_RDONLY |
			     MS_NOSUID | MS_NODEV, NULL), "root makes it ro"))
		return -1;
	if (setgroups(0, none) < 0 || setresgid(UNPRIVILEGED_UID, UNPRIVILEGED_UID,
						 UNPRIVILEGED_UID) < 0 ||
	    setresuid(UNPRIVILEGED_UID, UNPRIVILEGED_UID, UNPRIVILEGED_UID) < 0)
		return ok(0, "become uid 1000: %s", strerror(errno)), -1;
	prctl(PR_SET_DUMPABLE, 1, 0, 0, 0);	/* its /proc/self files are its own again */
	expect_errno(mount("t", at(0, "mine"), "tmpfs", 0, NULL), EPERM,
		     "uid 1000 without namespaces cannot mount (R9.1)");
	if (!expect_ok(unshare(CLONE_NEWUSER | CLONE_NEWNS), "unshare(CLONE_NEWUSER|CLONE_NEWNS)"))
		return -1;
	snprintf(map, sizeof(map), "0 %d 1", UNPRIVILEGED_UID);
	if (write_file("/proc/self/setgroups", "deny", 0) != 0 ||
	    write_file("/proc/self/uid_map", map, 0) != 0 ||
	    write_file("/proc/self/gid_map", map, 0) != 0)
		return ok(0, "write own maps: %s", strerror(errno)), -1;
	return 0;
}

static void unprivileged_mounts(void)
{
	if (enter_unprivileged() < 0)
		return;
	expect_ok(mount("t", at(0, "mine"), "tmpfs", 0, NULL), "a tmpfs in one's own mount ns");
	ok(write_file(at(0, "mine/f"), "x", 0644) == 0, "a file in it");
	expect_ok(umount2(at(0, "mine"), 0), "and umount it");
	expect_ok(mount(at(0, "mine"), at(1, "dst"), NULL, MS_BIND, NULL), "a bind mount");
	expect_ok(umount2(at(0, "dst"), 0), "and umount it");
	expect_errno(mount("proc", at(0, "mine"), "proc", 0, NULL), EPERM,
		     "proc without a pid ns of one's own (R9.2)");
	expect_ok(mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL), "MS_REC|MS_PRIVATE on /");
	expect_errno(mount(NULL, base, NULL, MS_REMOUNT, NULL), EPERM,
		     "remounting an instance of the host's");
	expect_ok(chroot("/"), "chroot (R9.7)");
}

static void locked_flags_and_mounts(void)
{
	if (enter_unprivileged() < 0)
		return;
	expect_errno(mount(NULL, at(0, "locked"), NULL, MS_REMOUNT | MS_BIND, NULL), EPERM,
		     "remount-bind dropping the locked ro,nosuid,nodev (R9.6)");
	expect_errno(mount(NULL, at(0, "locked"), NULL, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NODEV,
			   NULL), EPERM, "dropping only nosuid");
	expect_ok(mount(NULL, at(0, "locked"), NULL,
			MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NODEV | MS_NOSUID, NULL),
		  "re-specifying all locked flags (Obs 9a)");
	expect_errno(mount(NULL, at(0, "locked"), NULL,
			   MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NODEV | MS_NOSUID | MS_NOATIME,
			   NULL), EPERM, "changing the locked atime mode");
	expect_errno(umount2(at(0, "locked/sub"), 0), EINVAL, "umount of a locked mount (R9.5)");
	expect_errno(umount2(at(0, "locked/sub"), MNT_DETACH), EINVAL, "even with MNT_DETACH");
	expect_errno(mount(at(0, "locked/sub"), at(1, "dst"), NULL, MS_MOVE, NULL), EINVAL,
		     "moving a locked mount");
	expect_errno(mount(at(0, "locked"), at(1, "dst"), NULL, MS_BIND, NULL), EINVAL,
		     "a bind without MS_REC of a tree with a locked mount (R9.6, Obs 9e)");
	expect_ok(mount(at(0, "locked"), at(1, "dst"), NULL, MS_BIND | MS_REC, NULL),
		  "MS_BIND|MS_REC of it");
	expect_errno(mount(NULL, at(0, "dst"), NULL, MS_REMOUNT | MS_BIND, NULL), EPERM,
		     "the bind copy keeps the locks");
	expect_errno(open(at(0, "dst/new"), O_WRONLY | O_CREAT, 0644), EROFS,
		     "and stays read-only");
	expect_ok(umount2(at(0, "dst"), MNT_DETACH), "the copy itself is one's own to remove");
}

static void unprivileged_pivot_root(void)
{
	char text[32] = "";

	if (enter_unprivileged() < 0)
		return;
	expect_ok(mount("newroot", at(0, "newroot"), "tmpfs", 0, NULL), "a tmpfs for a new root");
	mkdir(at(0, "newroot/put_old"), 0755);
	write_file(at(0, "newroot/marker"), "mine\n", 0644);
	expect_ok(pivot_root(at(0, "newroot"), at(1, "newroot/put_old")),
		  "pivot_root(newroot, newroot/put_old)");
	ok(chdir("/") == 0 && read_file("/marker", text, sizeof(text)) > 0 &&
	   strcmp(text, "mine\n") == 0, "/ is the new root");
	expect_errno(umount2("/put_old/proc", MNT_DETACH), EINVAL,
		     "a locked mount below the old root stays (R9.5)");
	expect_ok(umount2("/put_old", MNT_DETACH), "umount2(put_old, MNT_DETACH)");
	ok(!exists("/put_old/proc"), "the old tree is gone");
	expect_ok(rmdir("/put_old"), "rmdir put_old");
}

int main(int argc, char **argv)
{
	(void)argc;
	remember_self(argv[0]);
	if (geteuid() != 0) {
		printf("mounts: run as root\n");
		return 1;
	}
	snprintf(base, sizeof(base), "/tmp/kuid-mounts.XXXXXX");
	if (!mkdtemp(base)) {
		printf("mounts: mkdtemp: %s\n", strerror(errno));
		return 1;
	}
	plan(178);
	scenario("tmpfs_mount_and_umount", tmpfs_mount_and_umount);
	scenario("bind_and_rbind", bind_and_rbind);
	scenario("move_a_mount", move_a_mount);
	scenario("remount_read_only", remount_read_only);
	scenario("nodev_and_noexec", nodev_and_noexec);
	scenario("mountinfo_fields", mountinfo_fields);
	scenario("namespaces_have_their_own_trees", namespaces_have_their_own_trees);
	scenario("pivot_root_errors_and_success", pivot_root_errors_and_success);
	scenario("unprivileged_mounts", unprivileged_mounts);
	scenario("locked_flags_and_mounts", locked_flags_and_mounts);
	scenario("unprivileged_pivot_root", unprivileged_pivot_root);
	rmdir(base);
	return finish();
}
