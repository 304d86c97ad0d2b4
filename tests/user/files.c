/*
 * files: the file-system system calls, success and error paths: open/openat
 * and their flags, read/write and friends, lseek, the stat family, getdents64,
 * directories, rename, links, permissions, truncate, umask.
 * Everything happens in a private directory under /tmp, removed at the end.
 */
#include "lib/check.h"

#include <stdint.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>

/* The kernel's struct statx (musl 1.2.3 has no statx()); its layout is ABI. */
struct kuid_statx_timestamp {
	int64_t tv_sec;
	uint32_t tv_nsec;
	int32_t reserved;
};
struct kuid_statx {
	uint32_t stx_mask, stx_blksize;
	uint64_t stx_attributes;
	uint32_t stx_nlink, stx_uid, stx_gid;
	uint16_t stx_mode, spare0;
	uint64_t stx_ino, stx_size, stx_blocks, stx_attributes_mask;
	struct kuid_statx_timestamp stx_atime, stx_btime, stx_ctime, stx_mtime;
	uint32_t stx_rdev_major, stx_rdev_minor, stx_dev_major, stx_dev_minor;
	uint64_t spare[14];
};
#define KUID_STATX_BASIC_STATS 0x7ffU

/* The stat family as the raw system calls, so that each one is exercised. */
static long sys_stat(const char *path, struct stat *info) { return syscall(SYS_stat, path, info); }
static long sys_lstat(const char *path, struct stat *info) { return syscall(SYS_lstat, path, info); }
static long sys_fstat(int fd, struct stat *info) { return syscall(SYS_fstat, fd, info); }
static long sys_fstatat(int dirfd, const char *path, struct stat *info, int flags)
{
	return syscall(SYS_newfstatat, dirfd, path, info, flags);
}

static int file_content_is(const char *path, const char *want)
{
	char buffer[256];
	if (read_file(path, buffer, sizeof buffer) < 0)
		return 0;
	return strcmp(buffer, want) == 0;
}

static void test_open_flags(void)
{
	expect_errno(open("absent", O_RDONLY), ENOENT, "open of a missing file");
	int fd = open("new", O_RDWR | O_CREAT | O_EXCL, 0640);
	ok(fd >= 0, "O_CREAT|O_EXCL creates a file");
	expect_errno(open("new", O_RDWR | O_CREAT | O_EXCL, 0640), EEXIST,
		     "O_CREAT|O_EXCL on an existing file");
	ok(write(fd, "hello", 5) == 5, "write 5 bytes");
	close(fd);

	fd = open("new", O_RDWR | O_TRUNC);
	struct stat info;
	ok(fd >= 0 && sys_fstat(fd, &info) == 0 && info.st_size == 0, "O_TRUNC empties the file");
	ok(write(fd, "abc", 3) == 3, "write abc");
	close(fd);

	fd = open("new", O_WRONLY | O_APPEND);
	lseek(fd, 0, SEEK_SET);
	ok(write(fd, "def", 3) == 3, "write with O_APPEND");
	is_int(lseek(fd, 0, SEEK_CUR), 6, "O_APPEND: the offset is at the end after the write");
	close(fd);
	ok(file_content_is("new", "abcdef"), "O_APPEND wrote at the end, not at offset 0");

	mkdir("sub", 0755);
	int dirfd = open("sub", O_RDONLY | O_DIRECTORY);
	ok(dirfd >= 0, "open a directory with O_DIRECTORY");
	fd = openat(dirfd, "inner", O_WRONLY | O_CREAT, 0600);
	ok(fd >= 0, "openat creates relative to a directory fd");
	close(fd);
	ok(access("sub/inner", F_OK) == 0, "the file made by openat is in that directory");
	fd = openat(AT_FDCWD, "sub/inner", O_RDONLY);
	ok(fd >= 0, "openat with AT_FDCWD");
	close(fd);
	fd = openat(dirfd, "/tmp", O_RDONLY | O_DIRECTORY);
	ok(fd >= 0, "openat with an absolute path ignores the directory fd");
	close(fd);
	fd = open("new", O_RDONLY);
	expect_errno(openat(fd, "x", O_RDONLY), ENOTDIR, "openat relative to a file fd");
	close(fd);
	close(dirfd);

	expect_errno(open("new", O_RDONLY | O_DIRECTORY), ENOTDIR, "O_DIRECTORY on a file");
	expect_errno(open("sub", O_WRONLY), EISDIR, "open a directory for writing");
	expect_errno(open("sub", O_RDWR), EISDIR, "open a directory read-write");
	expect_errno(open("sub", O_RDONLY | O_CREAT, 0644), EISDIR, "O_CREAT on a directory");
	expect_errno(openat(999, "x", O_RDONLY), EBADF, "openat with a bad directory fd");

	fd = open("new", O_RDONLY);
	expect_errno(write(fd, "x", 1), EBADF, "write on a read-only fd");
	close(fd);
	fd = open("new", O_WRONLY);
	char byte;
	expect_errno(read(fd, &byte, 1), EBADF, "read on a write-only fd");
	close(fd);

	umask(022);
	fd = open("mode", O_WRONLY | O_CREAT | O_EXCL, 0777);
	struct stat mode_info;
	ok(fd >= 0 && sys_fstat(fd, &mode_info) == 0 && (mode_info.st_mode & 07777) == 0755,
	   "O_CREAT applies the umask (0777 & ~022 = 0755)");
	close(fd);
}

static void test_read_write(void)
{
	int fd = open("rw", O_RDWR | O_CREAT | O_TRUNC, 0644);
	ok(write(fd, "0123456789", 10) == 10, "write 10 bytes");
	char buffer[32] = {0};
	is_int(read(fd, buffer, sizeof buffer), 0, "read at the end of the file returns 0");
	is_int(lseek(fd, 2, SEEK_SET), 2, "lseek SEEK_SET");
	ok(read(fd, buffer, 3) == 3 && memcmp(buffer, "234", 3) == 0, "read after lseek");
	is_int(lseek(fd, 1, SEEK_CUR), 6, "lseek SEEK_CUR");
	is_int(lseek(fd, -2, SEEK_END), 8, "lseek SEEK_END");
	expect_errno(lseek(fd, -100, SEEK_SET), EINVAL, "lseek to a negative offset");
	expect_errno(lseek(fd, 0, 77), EINVAL, "lseek with a bad whence");
	expect_errno(lseek(999, 0, SEEK_SET), EBADF, "lseek on a bad fd");

	memset(buffer, 0, sizeof buffer);
	ok(pread(fd, buffer, 4, 3) == 4 && memcmp(buffer, "3456", 4) == 0, "pread at offset 3");
	is_int(lseek(fd, 0, SEEK_CUR), 8, "pread does not move the offset");
	ok(pwrite(fd, "AB", 2, 0) == 2, "pwrite at offset 0");
	is_int(lseek(fd, 0, SEEK_CUR), 8, "pwrite does not move the offset");
	expect_errno(pread(fd, buffer, 1, -1), EINVAL, "pread at a negative offset");

	struct iovec pieces[3] = {
		{ .iov_base = "xy", .iov_len = 2 },
		{ .iov_base = "", .iov_len = 0 },
		{ .iov_base = "zw", .iov_len = 2 },
	};
	lseek(fd, 0, SEEK_END);
	is_int(writev(fd, pieces, 3), 4, "writev writes every piece");
	char first[3] = {0}, second[20] = {0};
	struct iovec into[2] = {
		{ .iov_base = first, .iov_len = 2 },
		{ .iov_base = second, .iov_len = sizeof second - 1 },
	};
	lseek(fd, 0, SEEK_SET);
	is_int(readv(fd, into, 2), 14, "readv reads the whole file");
	ok(strcmp(first, "AB") == 0 && strcmp(second, "23456789xyzw") == 0,
	   "readv fills the pieces in order");

	/* A hole past the end reads as zeros. */
	is_int(lseek(fd, 100, SEEK_SET), 100, "lseek past the end");
	ok(write(fd, "!", 1) == 1, "write past the end");
	struct stat info;
	ok(sys_fstat(fd, &info) == 0 && info.st_size == 101, "the file grew to 101 bytes");
	char hole[10];
	ok(pread(fd, hole, 10, 50) == 10 && memcmp(hole, "\0\0\0\0\0\0\0\0\0\0", 10) == 0,
	   "the hole reads as zeros");
	close(fd);
	char byte;
	expect_errno(read(fd, &byte, 1), EBADF, "read on a closed fd");
	expect_errno(write(-1, "x", 1), EBADF, "write on fd -1");
}

static void test_stat(void)
{
	int fd = open("st", O_RDWR | O_CREAT | O_TRUNC, 0640);
	ok(write(fd, "twelve bytes", 12) == 12, "write 12 bytes");
	struct stat by_path, by_fd, by_link, by_at;
	ok(sys_stat("st", &by_path) == 0, "stat");
	ok(sys_fstat(fd, &by_fd) == 0, "fstat");
	ok(S_ISREG(by_path.st_mode) && (by_path.st_mode & 07777) == 0640,
	   "stat: a regular file, mode 0640");
	is_int(by_path.st_size, 12, "stat: st_size");
	is_int(by_path.st_nlink, 1, "stat: st_nlink of a new file");
	ok(by_path.st_uid == 0 && by_path.st_gid == 0, "stat: owned by root");
	ok(by_path.st_ino == by_fd.st_ino && by_path.st_dev == by_fd.st_dev,
	   "stat and fstat agree on st_ino and st_dev");
	ok(by_fd.st_blksize > 0, "fstat: st_blksize is set");

	ok(symlink("st", "st-link") == 0, "symlink");
	ok(sys_lstat("st-link", &by_link) == 0 && S_ISLNK(by_link.st_mode) && by_link.st_size == 2,
	   "lstat of a symlink: S_IFLNK, size is the target's length");
	ok(by_link.st_ino != by_path.st_ino, "a symlink has its own inode");
	struct stat through;
	ok(sys_stat("st-link", &through) == 0 && through.st_ino == by_path.st_ino,
	   "stat follows the symlink");
	ok(sys_fstatat(AT_FDCWD, "st-link", &by_at, AT_SYMLINK_NOFOLLOW) == 0 &&
	   S_ISLNK(by_at.st_mode), "newfstatat with AT_SYMLINK_NOFOLLOW");
	ok(sys_fstatat(fd, "", &by_at, AT_EMPTY_PATH) == 0 && by_at.st_ino == by_path.st_ino,
	   "newfstatat with AT_EMPTY_PATH on an fd");
	int dirfd = open(".", O_RDONLY | O_DIRECTORY);
	ok(sys_fstatat(dirfd, "st", &by_at, 0) == 0 && by_at.st_ino == by_path.st_ino,
	   "newfstatat relative to a directory fd");
	expect_errno(sys_fstatat(dirfd, "st", &by_at, 0x12345), EINVAL,
		     "newfstatat with unknown flags");
	close(dirfd);

	ok(link("st", "st-hard") == 0, "link");
	ok(sys_fstat(fd, &by_fd) == 0 && by_fd.st_nlink == 2, "st_nlink is 2 after link");
	ok(sys_stat("st-hard", &by_at) == 0 && by_at.st_ino == by_path.st_ino,
	   "a hard link has the same inode");
	unlink("st-hard");
	ok(sys_fstat(fd, &by_fd) == 0 && by_fd.st_nlink == 1, "st_nlink is 1 after unlink");

	struct kuid_statx extended;
	memset(&extended, 0, sizeof extended);
	long result = syscall(SYS_statx, AT_FDCWD, "st", 0, KUID_STATX_BASIC_STATS, &extended);
	ok(result == 0, "statx");
	ok((extended.stx_mask & KUID_STATX_BASIC_STATS) == KUID_STATX_BASIC_STATS,
	   "statx: every basic field is reported");
	ok(extended.stx_ino == by_path.st_ino && extended.stx_size == 12 &&
	   extended.stx_nlink == 1 && extended.stx_mode == (S_IFREG | 0640) &&
	   extended.stx_uid == 0 && extended.stx_gid == 0,
	   "statx: ino, size, nlink, mode, uid, gid agree with stat");
	memset(&extended, 0, sizeof extended);
	ok(syscall(SYS_statx, fd, "", AT_EMPTY_PATH, KUID_STATX_BASIC_STATS, &extended) == 0 &&
	   extended.stx_ino == by_path.st_ino, "statx with AT_EMPTY_PATH on an fd");
	close(fd);

	mkdir("st-dir", 0700);
	struct stat directory;
	ok(sys_stat("st-dir", &directory) == 0 && S_ISDIR(directory.st_mode) &&
	   (directory.st_mode & 07777) == 0700, "stat of a directory: S_IFDIR, mode 0700");
	is_int(directory.st_nlink, 2, "a new directory has st_nlink 2");
	mkdir("st-dir/child", 0700);
	ok(sys_stat("st-dir", &directory) == 0 && directory.st_nlink == 3,
	   "a subdirectory adds one link to its parent");
	struct stat dot, dotdot, here;
	ok(sys_stat("st-dir/child/..", &dotdot) == 0 && dotdot.st_ino == directory.st_ino,
	   "child/.. is the parent");
	ok(sys_stat("st-dir/.", &dot) == 0 && dot.st_ino == directory.st_ino, "dir/. is the dir");
	ok(sys_stat(".", &here) == 0 && S_ISDIR(here.st_mode), "stat of .");

	expect_errno(sys_stat("missing", &here), ENOENT, "stat of a missing file");
	expect_errno(sys_stat("st/x", &here), ENOTDIR, "stat through a file");
	expect_errno(sys_fstat(999, &here), EBADF, "fstat of a bad fd");
	expect_errno(sys_stat(NULL, &here), EFAULT, "stat with a NULL path");
	expect_errno(sys_stat("st", NULL), EFAULT, "stat into a NULL buffer");
	expect_errno(sys_stat("", &here), ENOENT, "stat of an empty path");
}

/* getdents64 as the raw call. */
struct kuid_dirent64 {
	uint64_t d_ino;
	int64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

static void test_getdents(void)
{
	mkdir("list", 0755);
	write_file("list/a", "", 0644);
	write_file("list/bb", "", 0644);
	write_file("list/ccc", "", 0644);
	mkdir("list/dir", 0755);
	symlink("a", "list/link");

	int fd = open("list", O_RDONLY | O_DIRECTORY);
	ok(fd >= 0, "open the directory");
	int seen_dot = 0, seen_dotdot = 0, seen_a = 0, seen_bb = 0, seen_ccc = 0, seen_dir = 0;
	int seen_link = 0, others = 0, types_right = 1, inodes_right = 1;
	/* A small buffer, so that the listing takes several calls. */
	char buffer[80] __attribute__((aligned(8)));
	long count, calls = 0;
	while ((count = syscall(SYS_getdents64, fd, buffer, sizeof buffer)) > 0) {
		calls++;
		for (long at = 0; at < count;) {
			struct kuid_dirent64 *entry = (struct kuid_dirent64 *)(buffer + at);
			const char *name = entry->d_name;
			struct stat info;
			char path[64];
			snprintf(path, sizeof path, "list/%s", name);
			if (sys_lstat(path, &info) != 0 || info.st_ino != entry->d_ino)
				inodes_right = 0;
			if (strcmp(name, ".") == 0) {
				seen_dot++;
			} else if (strcmp(name, "..") == 0) {
				seen_dotdot++;
			} else if (strcmp(name, "a") == 0) {
				seen_a++;
				types_right &= entry->d_type == DT_REG;
			} else if (strcmp(name, "bb") == 0) {
				seen_bb++;
			} else if (strcmp(name, "ccc") == 0) {
				seen_ccc++;
			} else if (strcmp(name, "dir") == 0) {
				seen_dir++;
				types_right &= entry->d_type == DT_DIR;
			} else if (strcmp(name, "link") == 0) {
				seen_link++;
				types_right &= entry->d_type == DT_LNK;
			} else {
				others++;
			}
			if (entry->d_reclen == 0)
				break;
			at += entry->d_reclen;
		}
	}
	is_int(count, 0, "getdents64 ends with 0");
	ok(calls >= 2, "a small buffer needs several getdents64 calls (%ld)", calls);
	ok(seen_dot == 1 && seen_dotdot == 1, "the listing has . and .. once each");
	ok(seen_a == 1 && seen_bb == 1 && seen_ccc == 1 && seen_dir == 1 && seen_link == 1 &&
	   others == 0, "every entry is listed once, nothing else");
	ok(types_right, "d_type is DT_REG, DT_DIR, DT_LNK");
	ok(inodes_right, "d_ino matches lstat's st_ino");
	is_int(syscall(SYS_getdents64, fd, buffer, sizeof buffer), 0,
	       "getdents64 at the end again returns 0");
	lseek(fd, 0, SEEK_SET);
	ok(syscall(SYS_getdents64, fd, buffer, sizeof buffer) > 0,
	   "lseek to 0 rewinds the listing");
	expect_errno(syscall(SYS_getdents64, fd, buffer, 8), EINVAL,
		     "getdents64 with a buffer too small for one entry");
	close(fd);

	fd = open("list/a", O_RDONLY);
	expect_errno(syscall(SYS_getdents64, fd, buffer, sizeof buffer), ENOTDIR,
		     "getdents64 on a file");
	close(fd);
	expect_errno(syscall(SYS_getdents64, 999, buffer, sizeof buffer), EBADF,
		     "getdents64 on a bad fd");
}

static void test_directories(void)
{
	ok(mkdir("d", 0755) == 0, "mkdir");
	expect_errno(mkdir("d", 0755), EEXIST, "mkdir of an existing directory");
	write_file("d/file", "x", 0644);
	expect_errno(mkdir("d/file", 0755), EEXIST, "mkdir over an existing file");
	expect_errno(rmdir("d"), ENOTEMPTY, "rmdir of a non-empty directory");
	expect_errno(rmdir("d/file"), ENOTDIR, "rmdir of a file");
	expect_errno(rmdir("nothing"), ENOENT, "rmdir of a missing directory");
	expect_errno(rmdir("d/."), EINVAL, "rmdir of .");
	expect_errno(unlink("d"), EISDIR, "unlink of a directory");
	expect_errno(mkdir("nothing/x", 0755), ENOENT, "mkdir in a missing directory");
	expect_errno(mkdir("d/file/x", 0755), ENOTDIR, "mkdir below a file");
	ok(unlink("d/file") == 0, "unlink");
	expect_errno(unlink("d/file"), ENOENT, "unlink again");
	ok(rmdir("d") == 0, "rmdir of the now empty directory");
	expect_errno(access("d", F_OK), ENOENT, "the directory is gone");

	/* An unlinked file stays usable through an open fd. */
	int fd = open("ghost", O_RDWR | O_CREAT, 0644);
	write(fd, "boo", 3);
	ok(unlink("ghost") == 0, "unlink an open file");
	char buffer[4] = {0};
	ok(pread(fd, buffer, 3, 0) == 3 && strcmp(buffer, "boo") == 0,
	   "an unlinked open file can still be read");
	struct stat info;
	ok(fstat(fd, &info) == 0 && info.st_nlink == 0, "its st_nlink is 0");
	close(fd);
	ok(mkdirat(AT_FDCWD, "at-dir", 0700) == 0 && unlinkat(AT_FDCWD, "at-dir", AT_REMOVEDIR) == 0,
	   "mkdirat and unlinkat(AT_REMOVEDIR)");
}

static void test_rename(void)
{
	write_file("r-a", "A", 0644);
	write_file("r-b", "B", 0644);
	struct stat a_info, b_info;
	stat("r-a", &a_info);
	ok(rename("r-a", "r-c") == 0, "rename to a new name");
	ok(access("r-a", F_OK) != 0 && file_content_is("r-c", "A"), "the file moved");
	ok(rename("r-c", "r-b") == 0, "rename over an existing file");
	ok(stat("r-b", &b_info) == 0 && b_info.st_ino == a_info.st_ino && file_content_is("r-b", "A"),
	   "the target is replaced by the source");
	ok(rename("r-b", "r-b") == 0 && file_content_is("r-b", "A"), "rename to itself does nothing");
	expect_errno(rename("r-missing", "r-x"), ENOENT, "rename of a missing file");

	mkdir("r-d1", 0755);
	mkdir("r-d2", 0755);
	mkdir("r-full", 0755);
	write_file("r-full/f", "", 0644);
	expect_errno(rename("r-b", "r-d1"), EISDIR, "rename a file over a directory");
	expect_errno(rename("r-d1", "r-b"), ENOTDIR, "rename a directory over a file");
	expect_errno(rename("r-d1", "r-full"), ENOTEMPTY,
		     "rename a directory over a non-empty directory");
	expect_errno(rename("r-d1", "r-d1/inside"), EINVAL, "rename a directory into itself");
	write_file("r-d1/mark", "", 0644);
	ok(rename("r-d1", "r-d2") == 0, "rename a directory over an empty directory");
	ok(access("r-d2/mark", F_OK) == 0 && access("r-d1", F_OK) != 0, "the directory moved");
	ok(rename("r-d2", "r-full/moved") == 0 && access("r-full/moved/mark", F_OK) == 0,
	   "rename a directory into another directory");
	struct stat parent;
	ok(stat("r-full", &parent) == 0 && parent.st_nlink == 3,
	   "the new parent gained a link for ..");
	ok(renameat(AT_FDCWD, "r-b", AT_FDCWD, "r-e") == 0, "renameat");
	expect_errno(rename("r-e", "r-missing/x"), ENOENT, "rename into a missing directory");
}

static void test_links(void)
{
	write_file("l-file", "linked", 0644);
	ok(link("l-file", "l-hard") == 0 && file_content_is("l-hard", "linked"),
	   "link: same content under a new name");
	expect_errno(link("l-file", "l-hard"), EEXIST, "link to an existing name");
	expect_errno(link("l-missing", "l-x"), ENOENT, "link of a missing file");
	mkdir("l-dir", 0755);
	expect_errno(link("l-dir", "l-dir2"), EPERM, "link of a directory");

	ok(symlink("l-file", "l-sym") == 0, "symlink");
	char target[64];
	memset(target, 'z', sizeof target);
	is_int(readlink("l-sym", target, sizeof target), 6, "readlink returns the length");
	ok(memcmp(target, "l-file", 6) == 0 && target[6] == 'z', "readlink adds no NUL");
	is_int(readlink("l-sym", target, 3), 3, "readlink with a short buffer truncates");
	expect_errno(readlink("l-file", target, sizeof target), EINVAL,
		     "readlink of a regular file");
	expect_errno(readlink("l-missing", target, sizeof target), ENOENT,
		     "readlink of a missing file");
	expect_errno(symlink("x", "l-sym"), EEXIST, "symlink over an existing name");
	ok(file_content_is("l-sym", "linked"), "open follows the symlink");
	symlink("l-nowhere", "l-dangling");
	expect_errno(open("l-dangling", O_RDONLY), ENOENT, "open of a dangling symlink");
	int fd = open("l-dangling", O_WRONLY | O_CREAT, 0644);
	ok(fd >= 0 && access("l-nowhere", F_OK) == 0, "O_CREAT through a dangling symlink creates the target");
	close(fd);
	symlink("l-loop2", "l-loop1");
	symlink("l-loop1", "l-loop2");
	expect_errno(open("l-loop1", O_RDONLY), ELOOP, "open of a symlink loop");
	expect_errno(open("l-sym", O_RDONLY | O_NOFOLLOW), ELOOP, "O_NOFOLLOW on a symlink");
	symlink("l-dir", "l-dirsym");
	ok(write_file("l-dirsym/inside", "in", 0644) == 0 && file_content_is("l-dir/inside", "in"),
	   "a symlink to a directory works as a path component");
	symlink("/tmp", "l-abs");
	struct stat via, direct;
	ok(stat("l-abs", &via) == 0 && stat("/tmp", &direct) == 0 && via.st_ino == direct.st_ino,
	   "an absolute symlink");
	ok(readlinkat(AT_FDCWD, "l-abs", target, sizeof target) == 4 &&
	   memcmp(target, "/tmp", 4) == 0, "readlinkat");
	ok(unlink("l-sym") == 0 && access("l-file", F_OK) == 0,
	   "unlink of a symlink leaves the target");
}

static void test_permissions(void)
{
	write_file("p-file", "secret", 0600);
	ok(chmod("p-file", 0640) == 0, "chmod");
	struct stat info;
	ok(stat("p-file", &info) == 0 && (info.st_mode & 07777) == 0640, "chmod changed the mode");
	int fd = open("p-file", O_RDONLY);
	ok(fchmod(fd, 0604) == 0 && fstat(fd, &info) == 0 && (info.st_mode & 07777) == 0604,
	   "fchmod");
	ok(chown("p-file", 1000, 1000) == 0 && stat("p-file", &info) == 0 &&
	   info.st_uid == 1000 && info.st_gid == 1000, "chown as root");
	ok(fchown(fd, 0, 1000) == 0 && fstat(fd, &info) == 0 && info.st_uid == 0 &&
	   info.st_gid == 1000, "fchown as root");
	ok(chown("p-file", (uid_t)-1, (gid_t)-1) == 0 && stat("p-file", &info) == 0 &&
	   info.st_uid == 0 && info.st_gid == 1000, "chown to -1, -1 changes nothing");
	close(fd);
	symlink("p-file", "p-link");
	struct stat link_info;
	ok(lchown("p-link", 1000, 1000) == 0 && lstat("p-link", &link_info) == 0 &&
	   link_info.st_uid == 1000 && stat("p-file", &info) == 0 && info.st_uid == 0,
	   "lchown changes the link, not its target");
	chown("p-file", 0, 0);
	chmod("p-file", 0600);

	ok(access("p-file", F_OK) == 0, "access F_OK");
	ok(access("p-file", R_OK | W_OK) == 0, "root: access R_OK|W_OK on a 0600 file");
	expect_errno(access("p-file", X_OK), EACCES, "root: X_OK needs an x bit somewhere");
	chmod("p-file", 0601);
	ok(access("p-file", X_OK) == 0, "root: X_OK with any x bit");
	chmod("p-file", 0600);
	expect_errno(access("p-missing", F_OK), ENOENT, "access of a missing file");
	expect_errno(access("p-file", 0100), EINVAL, "access with a bad mode");
	ok(faccessat(AT_FDCWD, "p-file", R_OK, 0) == 0, "faccessat");
	mkdir("p-closed", 0700);
	write_file("p-closed/f", "", 0644);
	write_file("p-public", "public", 0644);

	/* The same checks as an ordinary user, in a forked child. */
	int report[2];
	pipe(report);
	pid_t pid = spawn();
	if (pid == 0) {
		close(report[0]);
		char results[16];
		int n = 0;
		if (become_user() != 0)
			_exit(99);
		errno = 0;
		results[n++] = open("p-file", O_RDONLY) == -1 && errno == EACCES;
		errno = 0;
		results[n++] = access("p-file", R_OK) == -1 && errno == EACCES;
		results[n++] = access("p-public", R_OK) == 0;
		errno = 0;
		results[n++] = access("p-public", W_OK) == -1 && errno == EACCES;
		errno = 0;
		results[n++] = chmod("p-file", 0777) == -1 && errno == EPERM;
		errno = 0;
		results[n++] = chown("p-public", 1000, 1000) == -1 && errno == EPERM;
		errno = 0;
		results[n++] = access("p-closed/f", F_OK) == -1 && errno == EACCES;
		errno = 0;
		results[n++] = open("p-new", O_WRONLY | O_CREAT, 0644) == -1 && errno == EACCES;
		errno = 0;
		results[n++] = unlink("p-public") == -1 && errno == EACCES;
		write(report[1], results, (size_t)n);
		_exit(0);
	}
	close(report[1]);
	char results[16] = {0};
	ssize_t count = read(report[0], results, sizeof results);
	close(report[0]);
	is_int(wait_for(pid), 0, "the uid 1000 child ran");
	is_int(count, 9, "the uid 1000 child sent every answer");
	ok(results[0], "uid 1000: open of root's 0600 file is EACCES");
	ok(results[1], "uid 1000: access R_OK on it is EACCES");
	ok(results[2], "uid 1000: access R_OK on a 0644 file works");
	ok(results[3], "uid 1000: access W_OK on root's 0644 file is EACCES");
	ok(results[4], "uid 1000: chmod of root's file is EPERM");
	ok(results[5], "uid 1000: chown is EPERM");
	ok(results[6], "uid 1000: a 0700 directory cannot be searched (EACCES)");
	ok(results[7], "uid 1000: creating in root's 0755 directory is EACCES");
	ok(results[8], "uid 1000: unlinking in root's 0755 directory is EACCES");
}

static void test_truncate(void)
{
	write_file("t-file", "0123456789", 0644);
	struct stat info;
	ok(truncate("t-file", 4) == 0 && stat("t-file", &info) == 0 && info.st_size == 4,
	   "truncate shrinks");
	ok(file_content_is("t-file", "0123"), "the start of the file is kept");
	ok(truncate("t-file", 8) == 0 && stat("t-file", &info) == 0 && info.st_size == 8,
	   "truncate grows");
	char buffer[16];
	int fd = open("t-file", O_RDWR);
	ok(pread(fd, buffer, 8, 0) == 8 && memcmp(buffer, "0123\0\0\0\0", 8) == 0,
	   "the grown part reads as zeros");
	ok(ftruncate(fd, 2) == 0 && fstat(fd, &info) == 0 && info.st_size == 2, "ftruncate");
	expect_errno(ftruncate(fd, -1), EINVAL, "ftruncate to a negative length");
	close(fd);
	fd = open("t-file", O_RDONLY);
	expect_errno(ftruncate(fd, 0), EINVAL, "ftruncate of a read-only fd");
	close(fd);
	expect_errno(truncate("t-file", -5), EINVAL, "truncate to a negative length");
	mkdir("t-dir", 0755);
	expect_errno(truncate("t-dir", 0), EISDIR, "truncate of a directory");
	expect_errno(truncate("t-missing", 0), ENOENT, "truncate of a missing file");
	expect_errno(ftruncate(999, 0), EBADF, "ftruncate of a bad fd");
	fd = open("t-file", O_WRONLY | O_TRUNC);
	ok(fd >= 0 && fstat(fd, &info) == 0 && info.st_size == 0, "O_TRUNC on open");
	close(fd);
}

static void test_umask(void)
{
	mode_t old = umask(027);
	is_int(umask(027), 027, "umask returns the previous mask");
	(void)old;
	write_file("u-file", "", 0666);
	struct stat info;
	ok(stat("u-file", &info) == 0 && (info.st_mode & 07777) == 0640,
	   "a file made with 0666 under umask 027 has mode 0640");
	mkdir("u-dir", 0777);
	ok(stat("u-dir", &info) == 0 && (info.st_mode & 07777) == 0750,
	   "a directory made with 0777 under umask 027 has mode 0750");
	umask(0);
	mkdir("u-open", 0777);
	ok(stat("u-open", &info) == 0 && (info.st_mode & 07777) == 0777, "umask 0 keeps every bit");
	is_int(umask(01777), 0, "umask(0) was in effect");
	is_int(umask(022), 0777, "umask keeps only the permission bits");
	ok(chmod("u-file", 0666) == 0 && stat("u-file", &info) == 0 &&
	   (info.st_mode & 07777) == 0666, "chmod ignores the umask");
}

static void test_errors(void)
{
	char buffer[16];
	write_file("e-file", "some data", 0644);
	int fd = open("e-file", O_RDONLY);
	expect_errno(read(fd, NULL, 5), EFAULT, "read into a NULL buffer");
	expect_errno(read(fd, (void *)8, 5), EFAULT, "read into an unmapped address");
	close(fd);
	fd = open("e-file", O_WRONLY);
	expect_errno(write(fd, (void *)8, 5), EFAULT, "write from an unmapped address");
	close(fd);
	expect_errno(open((const char *)8, O_RDONLY), EFAULT, "open of an unmapped path");
	expect_errno(read(12345, buffer, 1), EBADF, "read of a bad fd");
	expect_errno(close(12345), EBADF, "close of a bad fd");
	expect_errno(open("e-file/x", O_RDONLY), ENOTDIR, "a file used as a directory");
	expect_errno(open("no/such/file", O_RDONLY), ENOENT, "a missing directory in the path");
	expect_errno(open("", O_RDONLY), ENOENT, "an empty path");
	expect_errno(open(".", O_WRONLY), EISDIR, "writing to a directory");

	char long_name[300];
	memset(long_name, 'n', 256);
	long_name[256] = '\0';
	expect_errno(open(long_name, O_RDONLY | O_CREAT, 0644), ENAMETOOLONG,
		     "a 256-character name");
	memset(long_name, 'n', 255);
	long_name[255] = '\0';
	fd = open(long_name, O_RDONLY | O_CREAT, 0644);
	ok(fd >= 0, "a 255-character name is fine");
	close(fd);
	unlink(long_name);
	static char long_path[5000];
	for (size_t i = 0; i + 2 < sizeof long_path; i += 2) {
		long_path[i] = 'x';
		long_path[i + 1] = '/';
	}
	long_path[sizeof long_path - 1] = '\0';
	expect_errno(open(long_path, O_RDONLY), ENAMETOOLONG, "a path longer than PATH_MAX");
	symlink("e-self", "e-self");
	expect_errno(open("e-self", O_RDONLY), ELOOP, "a symlink to itself");
	expect_errno(mkdir("e-self/x", 0755), ELOOP, "a looping symlink as a directory");
	expect_errno(fcntl(12345, F_GETFD), EBADF, "fcntl of a bad fd");
}

int main(void)
{
	plan(210);
	if (enter_private_dir("files") != 0) {
		ok(0, "make a private directory under /tmp: %s", errno_name(errno));
		return finish();
	}
	umask(022);
	scenario("open and openat flags", test_open_flags);
	scenario("read, write, pread, pwrite, readv, writev, lseek", test_read_write);
	scenario("stat, fstat, lstat, newfstatat, statx", test_stat);
	scenario("getdents64", test_getdents);
	scenario("mkdir, rmdir, unlink", test_directories);
	scenario("rename", test_rename);
	scenario("link, symlink, readlink", test_links);
	scenario("chmod, chown, access", test_permissions);
	scenario("truncate, ftruncate", test_truncate);
	scenario("umask", test_umask);
	scenario("error paths", test_errors);
	cleanup();
	struct stat info;
	ok(stat(check_private_dir, &info) != 0, "the private directory is removed");
	return finish();
}
