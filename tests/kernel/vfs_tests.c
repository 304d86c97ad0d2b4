/*
 * vfs_tests.c: in-kernel tests of the file system: path walking, symbolic
 * links, permissions, names (rename, unlink), open files, fd tables, pipes,
 * RAM file data and the initramfs unpacker.
 *
 * Each test works in a scratch tmpfs mounted on /tmp/vfs-ktest and unmounts
 * it at the end: the unmount fails (-EBUSY) if the test left a file or a
 * place referenced, and the ktest runner fails a test that leaves heap
 * objects behind, so every reference taken here must be given back.
 */
#include <kuid/cred.h>
#include <kuid/device.h>
#include <kuid/fd_table.h>
#include <kuid/file.h>
#include <kuid/heap.h>
#include <kuid/ktest.h>
#include <kuid/string.h>
#include <kuid/vfs.h>
#include <uapi/capability.h>
#include <uapi/dirent.h>
#include <uapi/errno.h>
#include <uapi/fcntl.h>
#include <uapi/stat.h>

#define SCRATCH_NAME "vfs-ktest"

struct scratch {
	struct fs_context *fs;
	struct path tmp;	/* /tmp */
	struct path base;	/* the scratch mount's root, also the cwd */
};

static int lookup(struct scratch *scratch, const char *pathname, unsigned int flags,
		  struct path *found)
{
	return path_lookup(scratch->fs, &scratch->base, pathname, flags, found);
}

/* Make `pathname` (relative to the scratch root) of `mode`; 0 or an errno. */
static int make(struct scratch *scratch, const char *pathname, uint32_t mode, const char *target)
{
	struct lookup_result result;
	struct inode *created;
	int error = path_walk(scratch->fs, &scratch->base, pathname, LOOKUP_MAY_BE_MISSING,
			      &result);

	if (error < 0)
		return error;
	if (result.found.inode)
		error = -EEXIST;
	else
		error = vfs_create(&result.parent, result.name, mode, NO_DEVICE, target, &created);
	if (error == 0)
		inode_put(created);
	lookup_result_release(&result);
	return error;
}

static bool scratch_setup(struct scratch *scratch)
{
	struct path where;
	struct inode *made;

	scratch->fs = fs_context_create_root();
	if (!scratch->fs)
		return false;
	if (path_lookup(scratch->fs, &scratch->fs->root, "/tmp", LOOKUP_FOLLOW, &scratch->tmp))
		return false;
	if (vfs_create(&scratch->tmp, SCRATCH_NAME, S_IFDIR | 0755, NO_DEVICE, NULL, &made))
		return false;
	inode_put(made);
	if (path_lookup(scratch->fs, &scratch->tmp, SCRATCH_NAME, 0, &where))
		return false;
	if (vfs_mount_at(&where, "tmpfs", 0)) {
		path_put(&where);
		return false;
	}
	path_put(&where);
	return path_lookup(scratch->fs, &scratch->tmp, SCRATCH_NAME, 0, &scratch->base) == 0;
}

/* Unmount and remove the scratch directory; 0 when nothing was left referenced. */
static int scratch_teardown(struct scratch *scratch)
{
	int unmounted = vfs_unmount(&scratch->base);

	path_put(&scratch->base);
	if (vfs_unlink(&scratch->tmp, SCRATCH_NAME, true) < 0 && unmounted == 0)
		unmounted = -ENOTEMPTY;
	path_put(&scratch->tmp);
	fs_context_put(scratch->fs);
	return unmounted;
}

#define SCRATCH_BEGIN(scratch)                               \
	struct scratch scratch;                              \
	KTEST_ASSERT(scratch_setup(&scratch))

#define SCRATCH_END(scratch) KTEST_EXPECT_EQ(scratch_teardown(&scratch), 0)

/* A user with no capabilities and init's (empty) supplementary groups. */
static struct cred user_cred(uid_t uid, gid_t gid)
{
	struct cred cred = *current_cred();

	cred.uid = cred.euid = cred.suid = cred.fsuid = (kuid_t){ uid };
	cred.gid = cred.egid = cred.sgid = cred.fsgid = (kgid_t){ gid };
	cred.cap_effective = cred.cap_permitted = (kernel_cap_t){ 0 };
	return cred;
}

KTEST(vfs, path_walk_finds_files_through_dots_and_slashes)
{
	SCRATCH_BEGIN(scratch);
	struct path found, expected;

	KTEST_ASSERT(make(&scratch, "a", S_IFDIR | 0755, NULL) == 0);
	KTEST_ASSERT(make(&scratch, "a/b", S_IFDIR | 0755, NULL) == 0);
	KTEST_ASSERT(make(&scratch, "a/b/f", S_IFREG | 0644, NULL) == 0);
	KTEST_ASSERT(lookup(&scratch, "a/b/f", 0, &expected) == 0);

	const char *same[] = {
		"a//b///f", "./a/./b/f", "a/b/../b/f", "/tmp/" SCRATCH_NAME "/a/b/f",
		"/../../tmp/./" SCRATCH_NAME "/a/b/f",
	};
	for (size_t i = 0; i < ARRAY_SIZE(same); i++) {
		KTEST_EXPECT_EQ(lookup(&scratch, same[i], 0, &found), 0);
		KTEST_EXPECT(path_equal(&found, &expected));
		path_put(&found);
	}
	path_put(&expected);

	KTEST_EXPECT_EQ(lookup(&scratch, "a/missing", 0, &found), -ENOENT);
	KTEST_EXPECT_EQ(lookup(&scratch, "a/missing/f", 0, &found), -ENOENT);
	KTEST_EXPECT_EQ(lookup(&scratch, "a/b/f/g", 0, &found), -ENOTDIR);
	KTEST_EXPECT_EQ(lookup(&scratch, "a/b/f/", 0, &found), -ENOTDIR);
	KTEST_EXPECT_EQ(lookup(&scratch, "", 0, &found), -ENOENT);
	KTEST_EXPECT_EQ(lookup(&scratch, "a/b/", 0, &found), 0);
	path_put(&found);
	SCRATCH_END(scratch);
}

KTEST(vfs, path_walk_limits_name_and_path_length)
{
	SCRATCH_BEGIN(scratch);
	char *name = kmalloc(PATH_MAX + 2);
	struct path found;

	KTEST_ASSERT(name != NULL);
	memset(name, 'n', NAME_MAX + 1);
	name[NAME_MAX + 1] = '\0';
	KTEST_EXPECT_EQ(lookup(&scratch, name, 0, &found), -ENAMETOOLONG);
	name[NAME_MAX] = '\0';
	KTEST_EXPECT_EQ(lookup(&scratch, name, 0, &found), -ENOENT);
	memset(name, '/', PATH_MAX);
	name[PATH_MAX] = '\0';
	KTEST_EXPECT_EQ(lookup(&scratch, name, 0, &found), -ENAMETOOLONG);
	kfree(name);
	SCRATCH_END(scratch);
}

KTEST(vfs, dotdot_stops_at_the_callers_root)
{
	SCRATCH_BEGIN(scratch);
	struct path found;

	KTEST_ASSERT(make(&scratch, "jail", S_IFDIR | 0755, NULL) == 0);
	KTEST_ASSERT(make(&scratch, "jail/inside", S_IFREG | 0644, NULL) == 0);
	KTEST_ASSERT(make(&scratch, "outside", S_IFREG | 0644, NULL) == 0);
	KTEST_ASSERT(lookup(&scratch, "jail", 0, &found) == 0);
	fs_context_set_root(scratch.fs, &found);
	path_put(&found);

	KTEST_EXPECT_EQ(lookup(&scratch, "/inside", 0, &found), 0);
	path_put(&found);
	KTEST_EXPECT_EQ(lookup(&scratch, "/../../inside", 0, &found), 0);
	path_put(&found);
	KTEST_EXPECT_EQ(lookup(&scratch, "/../outside", 0, &found), -ENOENT);

	/* Give the scratch mount back its real root, so teardown can unmount it. */
	KTEST_ASSERT(vfs_root(&found) == 0);
	fs_context_set_root(scratch.fs, &found);
	path_put(&found);
	SCRATCH_END(scratch);
}

KTEST(vfs, symbolic_links_are_followed_in_the_middle_and_at_the_end)
{
	SCRATCH_BEGIN(scratch);
	struct path found, directory;

	KTEST_ASSERT(make(&scratch, "d", S_IFDIR | 0755, NULL) == 0);
	KTEST_ASSERT(make(&scratch, "d/f", S_IFREG | 0644, NULL) == 0);
	KTEST_ASSERT(make(&scratch, "relative", S_IFLNK | 0777, "d") == 0);
	KTEST_ASSERT(make(&scratch, "absolute", S_IFLNK | 0777, "/tmp/" SCRATCH_NAME "/d/f") == 0);
	KTEST_ASSERT(make(&scratch, "d/up", S_IFLNK | 0777, "../d") == 0);
	KTEST_ASSERT(lookup(&scratch, "d", 0, &directory) == 0);

	KTEST_EXPECT_EQ(lookup(&scratch, "relative/f", 0, &found), 0);
	KTEST_EXPECT(S_ISREG(found.inode->mode));
	path_put(&found);
	KTEST_EXPECT_EQ(lookup(&scratch, "absolute", LOOKUP_FOLLOW, &found), 0);
	KTEST_EXPECT(S_ISREG(found.inode->mode));
	path_put(&found);
	KTEST_EXPECT_EQ(lookup(&scratch, "absolute", 0, &found), 0);
	KTEST_EXPECT(S_ISLNK(found.inode->mode));
	path_put(&found);
	/* A trailing slash follows the link even without LOOKUP_FOLLOW. */
	KTEST_EXPECT_EQ(lookup(&scratch, "relative/", 0, &found), 0);
	KTEST_EXPECT(path_equal(&found, &directory));
	path_put(&found);
	KTEST_EXPECT_EQ(lookup(&scratch, "d/up/up/up/f", 0, &found), 0);
	path_put(&found);
	KTEST_EXPECT_EQ(lookup(&scratch, "absolute/", 0, &found), -ENOTDIR);
	path_put(&directory);
	SCRATCH_END(scratch);
}

KTEST(vfs, symbolic_link_loops_end_in_eloop)
{
	SCRATCH_BEGIN(scratch);
	struct path found;
	char name[16], target[16];

	KTEST_ASSERT(make(&scratch, "ping", S_IFLNK | 0777, "pong") == 0);
	KTEST_ASSERT(make(&scratch, "pong", S_IFLNK | 0777, "ping") == 0);
	KTEST_EXPECT_EQ(lookup(&scratch, "ping", LOOKUP_FOLLOW, &found), -ELOOP);
	KTEST_EXPECT_EQ(lookup(&scratch, "ping/x", 0, &found), -ELOOP);
	KTEST_EXPECT_EQ(make(&scratch, "self", S_IFLNK | 0777, "self/x"), 0);
	KTEST_EXPECT_EQ(lookup(&scratch, "self", LOOKUP_FOLLOW, &found), -ELOOP);

	/* A chain of exactly SYMLINK_FOLLOW_MAX links resolves; one more does not. */
	KTEST_ASSERT(make(&scratch, "end", S_IFREG | 0644, NULL) == 0);
	for (int i = 1; i <= SYMLINK_FOLLOW_MAX + 1; i++) {
		name[0] = 'c';
		name[1] = (char)('0' + i / 10);
		name[2] = (char)('0' + i % 10);
		name[3] = '\0';
		if (i == 1) {
			string_copy(target, "end", sizeof(target));
		} else {
			target[0] = 'c';
			target[1] = (char)('0' + (i - 1) / 10);
			target[2] = (char)('0' + (i - 1) % 10);
			target[3] = '\0';
		}
		KTEST_ASSERT(make(&scratch, name, S_IFLNK | 0777, target) == 0);
	}
	KTEST_EXPECT_EQ(lookup(&scratch, "c40", LOOKUP_FOLLOW, &found), 0);
	path_put(&found);
	KTEST_EXPECT_EQ(lookup(&scratch, "c41", LOOKUP_FOLLOW, &found), -ELOOP);
	SCRATCH_END(scratch);
}

KTEST(vfs, a_dangling_link_names_where_o_creat_would_create)
{
	SCRATCH_BEGIN(scratch);
	struct lookup_result result;

	KTEST_ASSERT(make(&scratch, "dangling", S_IFLNK | 0777, "made-later") == 0);
	KTEST_ASSERT(path_walk(scratch.fs, &scratch.base, "dangling",
			       LOOKUP_FOLLOW | LOOKUP_MAY_BE_MISSING, &result) == 0);
	KTEST_EXPECT(result.found.inode == NULL);
	KTEST_EXPECT_EQ(strcmp(result.name, "made-later"), 0);
	KTEST_EXPECT(path_equal(&result.parent, &scratch.base));
	lookup_result_release(&result);
	SCRATCH_END(scratch);
}

KTEST(vfs, permission_bits_pick_one_triple)
{
	SCRATCH_BEGIN(scratch);
	struct cred owner = user_cred(1000, 1000), member = user_cred(2000, 1000);
	struct cred other = user_cred(3000, 3000);
	struct path file;

	KTEST_ASSERT(make(&scratch, "f", S_IFREG | 0640, NULL) == 0);
	KTEST_ASSERT(lookup(&scratch, "f", 0, &file) == 0);
	file.inode->uid = (kuid_t){ 1000 };
	file.inode->gid = (kgid_t){ 1000 };

	KTEST_EXPECT_EQ(inode_permission_as(&owner, file.inode, MAY_READ | MAY_WRITE), 0);
	KTEST_EXPECT_EQ(inode_permission_as(&owner, file.inode, MAY_EXEC), -EACCES);
	KTEST_EXPECT_EQ(inode_permission_as(&member, file.inode, MAY_READ), 0);
	KTEST_EXPECT_EQ(inode_permission_as(&member, file.inode, MAY_WRITE), -EACCES);
	KTEST_EXPECT_EQ(inode_permission_as(&other, file.inode, MAY_READ), -EACCES);

	/* The owner's triple is final even when "others" would allow. */
	file.inode->mode = S_IFREG | 0077;
	KTEST_EXPECT_EQ(inode_permission_as(&owner, file.inode, MAY_READ), -EACCES);
	KTEST_EXPECT_EQ(inode_permission_as(&other, file.inode, MAY_READ), 0);

	/* root: reads and writes anything, executes only what has an x bit somewhere. */
	file.inode->mode = S_IFREG | 0000;
	KTEST_EXPECT_EQ(inode_permission(file.inode, MAY_READ | MAY_WRITE), 0);
	KTEST_EXPECT_EQ(inode_permission(file.inode, MAY_EXEC), -EACCES);
	file.inode->mode = S_IFREG | 0010;
	KTEST_EXPECT_EQ(inode_permission(file.inode, MAY_EXEC), 0);
	path_put(&file);
	SCRATCH_END(scratch);
}

KTEST(vfs, walking_needs_search_permission_on_every_directory)
{
	SCRATCH_BEGIN(scratch);
	struct cred user = user_cred(1000, 1000);
	struct lookup_result result;

	KTEST_ASSERT(make(&scratch, "private", S_IFDIR | 0700, NULL) == 0);
	KTEST_ASSERT(make(&scratch, "private/f", S_IFREG | 0644, NULL) == 0);
	KTEST_EXPECT_EQ(path_walk_as(&user, scratch.fs, &scratch.base, "private/f", 0, &result),
			-EACCES);
	KTEST_EXPECT_EQ(path_walk_as(NULL, scratch.fs, &scratch.base, "private/f", 0, &result), 0);
	lookup_result_release(&result);
	SCRATCH_END(scratch);
}

KTEST(vfs, unlink_and_rmdir_check_types_and_emptiness)
{
	SCRATCH_BEGIN(scratch);

	KTEST_ASSERT(make(&scratch, "d", S_IFDIR | 0755, NULL) == 0);
	KTEST_ASSERT(make(&scratch, "d/f", S_IFREG | 0644, NULL) == 0);
	KTEST_EXPECT_EQ(vfs_unlink(&scratch.base, "d", false), -EISDIR);
	KTEST_EXPECT_EQ(vfs_unlink(&scratch.base, "d", true), -ENOTEMPTY);
	KTEST_EXPECT_EQ(vfs_unlink(&scratch.base, "missing", false), -ENOENT);

	struct path d;

	KTEST_ASSERT(lookup(&scratch, "d", 0, &d) == 0);
	KTEST_EXPECT_EQ(d.inode->nlink, 2);
	KTEST_EXPECT_EQ(vfs_unlink(&d, "f", true), -ENOTDIR);
	KTEST_EXPECT_EQ(vfs_unlink(&d, "f", false), 0);
	KTEST_EXPECT_EQ(vfs_unlink(&scratch.base, "d", true), 0);
	/* Still referenced, but gone: no new names can appear in it. */
	KTEST_EXPECT_EQ(d.inode->nlink, 0);
	KTEST_EXPECT_EQ(make(&scratch, "d/g", S_IFREG | 0644, NULL), -ENOENT);
	path_put(&d);
	SCRATCH_END(scratch);
}

KTEST(vfs, rename_follows_the_linux_rules)
{
	SCRATCH_BEGIN(scratch);
	struct path found;

	KTEST_ASSERT(make(&scratch, "f", S_IFREG | 0644, NULL) == 0);
	KTEST_ASSERT(make(&scratch, "g", S_IFREG | 0644, NULL) == 0);
	KTEST_ASSERT(make(&scratch, "empty", S_IFDIR | 0755, NULL) == 0);
	KTEST_ASSERT(make(&scratch, "full", S_IFDIR | 0755, NULL) == 0);
	KTEST_ASSERT(make(&scratch, "full/x", S_IFREG | 0644, NULL) == 0);
	KTEST_ASSERT(make(&scratch, "full/sub", S_IFDIR | 0755, NULL) == 0);

	KTEST_EXPECT_EQ(vfs_rename(&scratch.base, "f", &scratch.base, "g", RENAME_NOREPLACE),
			-EEXIST);
	KTEST_EXPECT_EQ(vfs_rename(&scratch.base, "f", &scratch.base, "empty", 0), -EISDIR);
	KTEST_EXPECT_EQ(vfs_rename(&scratch.base, "empty", &scratch.base, "f", 0), -ENOTDIR);
	KTEST_EXPECT_EQ(vfs_rename(&scratch.base, "empty", &scratch.base, "full", 0), -ENOTEMPTY);
	KTEST_EXPECT_EQ(vfs_rename(&scratch.base, "missing", &scratch.base, "h", 0), -ENOENT);

	struct path full, sub;

	KTEST_ASSERT(lookup(&scratch, "full", 0, &full) == 0);
	KTEST_ASSERT(lookup(&scratch, "full/sub", 0, &sub) == 0);
	KTEST_EXPECT_EQ(vfs_rename(&scratch.base, "full", &sub, "loop", 0), -EINVAL);

	/* Replacing a file; then moving a directory, which updates its "..". */
	KTEST_EXPECT_EQ(vfs_rename(&scratch.base, "f", &scratch.base, "g", 0), 0);
	KTEST_EXPECT_EQ(lookup(&scratch, "f", 0, &found), -ENOENT);
	KTEST_EXPECT_EQ(vfs_rename(&scratch.base, "empty", &full, "moved", 0), 0);
	KTEST_EXPECT_EQ(full.inode->nlink, 4);
	KTEST_EXPECT_EQ(lookup(&scratch, "full/moved/../x", 0, &found), 0);
	path_put(&found);
	/* A directory may replace an empty one. */
	KTEST_EXPECT_EQ(vfs_rename(&full, "moved", &full, "sub", 0), 0);
	KTEST_EXPECT_EQ(full.inode->nlink, 3);
	KTEST_EXPECT_EQ(vfs_rename(&scratch.base, "g", &scratch.base, "g", 0), 0);
	path_put(&sub);
	path_put(&full);
	SCRATCH_END(scratch);
}

KTEST(vfs, hard_links_count_names)
{
	SCRATCH_BEGIN(scratch);
	struct path file, directory;

	KTEST_ASSERT(make(&scratch, "f", S_IFREG | 0644, NULL) == 0);
	KTEST_ASSERT(make(&scratch, "d", S_IFDIR | 0755, NULL) == 0);
	KTEST_ASSERT(lookup(&scratch, "f", 0, &file) == 0);
	KTEST_ASSERT(lookup(&scratch, "d", 0, &directory) == 0);
	KTEST_EXPECT_EQ(vfs_link(&scratch.base, "f2", &file), 0);
	KTEST_EXPECT_EQ(file.inode->nlink, 2);
	KTEST_EXPECT_EQ(vfs_link(&scratch.base, "f2", &file), -EEXIST);
	KTEST_EXPECT_EQ(vfs_link(&scratch.base, "d2", &directory), -EPERM);
	KTEST_EXPECT_EQ(vfs_unlink(&scratch.base, "f", false), 0);
	KTEST_EXPECT_EQ(file.inode->nlink, 1);
	path_put(&directory);
	path_put(&file);
	SCRATCH_END(scratch);
}

KTEST(vfs, open_creates_truncates_and_refuses_as_linux)
{
	SCRATCH_BEGIN(scratch);
	struct file *file;
	char buffer[8];

	KTEST_EXPECT_EQ(vfs_open(scratch.fs, &scratch.base, "new", O_RDWR, 0644, &file), -ENOENT);
	KTEST_ASSERT(vfs_open(scratch.fs, &scratch.base, "new", O_RDWR | O_CREAT | O_EXCL, 0666,
			      &file) == 0);
	/* The umask (022) applies to the mode asked for. */
	KTEST_EXPECT_EQ(file->inode->mode, S_IFREG | 0644);
	KTEST_EXPECT_EQ(kernel_write(file, "hello", 5, 0), 5);
	KTEST_EXPECT_EQ(file->inode->size, 5);
	file_put(file);

	KTEST_EXPECT_EQ(vfs_open(scratch.fs, &scratch.base, "new", O_CREAT | O_EXCL, 0644, &file),
			-EEXIST);
	KTEST_ASSERT(vfs_open(scratch.fs, &scratch.base, "new", O_RDONLY, 0, &file) == 0);
	KTEST_EXPECT_EQ(kernel_read(file, buffer, sizeof(buffer), 1), 4);
	KTEST_EXPECT_EQ(memcmp(buffer, "ello", 4), 0);
	file_put(file);
	KTEST_ASSERT(vfs_open(scratch.fs, &scratch.base, "new", O_WRONLY | O_TRUNC, 0, &file)
		     == 0);
	KTEST_EXPECT_EQ(file->inode->size, 0);
	file_put(file);

	KTEST_ASSERT(make(&scratch, "d", S_IFDIR | 0755, NULL) == 0);
	KTEST_EXPECT_EQ(vfs_open(scratch.fs, &scratch.base, "d", O_WRONLY, 0, &file), -EISDIR);
	KTEST_EXPECT_EQ(vfs_open(scratch.fs, &scratch.base, "new", O_RDONLY | O_DIRECTORY, 0,
				 &file),
			-ENOTDIR);
	KTEST_EXPECT_EQ(vfs_open(scratch.fs, &scratch.base, "other/", O_CREAT | O_WRONLY, 0644,
				 &file),
			-EISDIR);
	KTEST_ASSERT(make(&scratch, "link", S_IFLNK | 0777, "new") == 0);
	KTEST_EXPECT_EQ(vfs_open(scratch.fs, &scratch.base, "link", O_RDONLY | O_NOFOLLOW, 0,
				 &file),
			-ELOOP);
	SCRATCH_END(scratch);
}

KTEST(vfs, device_nodes_reach_their_driver_or_enxio)
{
	SCRATCH_BEGIN(scratch);
	struct file *file;
	struct inode *node;
	char buffer[4] = { 1, 2, 3, 4 };

	KTEST_ASSERT(vfs_open(scratch.fs, &scratch.base, "/dev/null", O_RDWR, 0, &file) == 0);
	KTEST_EXPECT_EQ(kernel_read(file, buffer, sizeof(buffer), 0), 0);
	KTEST_EXPECT_EQ(kernel_write(file, buffer, sizeof(buffer), 0), 4);
	file_put(file);
	KTEST_ASSERT(vfs_open(scratch.fs, &scratch.base, "/dev/zero", O_RDONLY, 0, &file) == 0);
	KTEST_EXPECT_EQ(kernel_read(file, buffer, sizeof(buffer), 0), 4);
	KTEST_EXPECT_EQ(buffer[0] | buffer[3], 0);
	file_put(file);

	KTEST_ASSERT(vfs_create(&scratch.base, "nodriver", S_IFCHR | 0666,
				(struct device_number){ 250, 7 }, NULL, &node) == 0);
	inode_put(node);
	KTEST_EXPECT_EQ(vfs_open(scratch.fs, &scratch.base, "nodriver", O_RDONLY, 0, &file),
			-ENXIO);
	SCRATCH_END(scratch);
}

KTEST(vfs, ram_files_are_sparse_and_truncate_to_zeros)
{
	SCRATCH_BEGIN(scratch);
	struct file *file;
	uint8_t *buffer = kmalloc(3 * 4096);

	KTEST_ASSERT(buffer != NULL);
	KTEST_ASSERT(vfs_open(scratch.fs, &scratch.base, "sparse", O_RDWR | O_CREAT, 0644, &file)
		     == 0);
	KTEST_EXPECT_EQ(kernel_write(file, "xyz", 3, 10000), 3);
	KTEST_EXPECT_EQ(file->inode->size, 10003);
	memset(buffer, 0xff, 3 * 4096);
	KTEST_EXPECT_EQ(kernel_read(file, buffer, 3 * 4096, 0), 10003);
	KTEST_EXPECT_EQ(buffer[0] | buffer[4096] | buffer[9999], 0);
	KTEST_EXPECT_EQ(memcmp(buffer + 10000, "xyz", 3), 0);

	/* Cut inside the data, grow again: what was cut off reads as zeros. */
	KTEST_EXPECT_EQ(vfs_truncate(file->inode, 10001), 0);
	KTEST_EXPECT_EQ(vfs_truncate(file->inode, 10003), 0);
	KTEST_EXPECT_EQ(kernel_read(file, buffer, 3, 10000), 3);
	KTEST_EXPECT_EQ(buffer[0], 'x');
	KTEST_EXPECT_EQ(buffer[1] | buffer[2], 0);
	KTEST_EXPECT_EQ(kernel_read(file, buffer, 3, 20000), 0);
	file_put(file);
	kfree(buffer);
	SCRATCH_END(scratch);
}

/* Collects names from getdents-style iteration. */
struct name_list {
	char names[8][16];
	unsigned int count;
	unsigned int stop_after;
};

static bool collect_name(void *context, const struct directory_entry_info *entry)
{
	struct name_list *list = context;

	if (list->count == list->stop_after || list->count == ARRAY_SIZE(list->names))
		return false;
	string_copy(list->names[list->count++], entry->name, sizeof(list->names[0]));
	return true;
}

KTEST(vfs, directory_reading_resumes_without_skipping)
{
	SCRATCH_BEGIN(scratch);
	struct name_list list = { .stop_after = 3 };
	struct file *directory;

	KTEST_ASSERT(make(&scratch, "a", S_IFREG | 0644, NULL) == 0);
	KTEST_ASSERT(make(&scratch, "b", S_IFREG | 0644, NULL) == 0);
	KTEST_ASSERT(make(&scratch, "c", S_IFREG | 0644, NULL) == 0);
	KTEST_ASSERT(vfs_open(scratch.fs, &scratch.base, ".", O_RDONLY | O_DIRECTORY, 0,
			      &directory) == 0);
	KTEST_EXPECT_EQ(directory->operations->iterate(directory, collect_name, &list), 0);
	KTEST_EXPECT_EQ(list.count, 3);	/* ".", "..", "a" */
	/* Removing a name already read does not make the next read skip one. */
	KTEST_EXPECT_EQ(vfs_unlink(&scratch.base, "a", false), 0);
	list.stop_after = 8;
	KTEST_EXPECT_EQ(directory->operations->iterate(directory, collect_name, &list), 0);
	KTEST_EXPECT_EQ(list.count, 5);
	KTEST_EXPECT_EQ(strcmp(list.names[3], "b"), 0);
	KTEST_EXPECT_EQ(strcmp(list.names[4], "c"), 0);
	file_put(directory);
	SCRATCH_END(scratch);
}

KTEST(vfs, getcwd_names_the_place_and_mounts_are_busy)
{
	SCRATCH_BEGIN(scratch);
	struct path place;
	char buffer[64];
	size_t length;

	KTEST_ASSERT(make(&scratch, "x", S_IFDIR | 0755, NULL) == 0);
	KTEST_ASSERT(lookup(&scratch, "x", 0, &place) == 0);
	KTEST_EXPECT_EQ(path_to_string(&scratch.fs->root, &place, buffer, sizeof(buffer), &length),
			0);
	KTEST_EXPECT_EQ(strcmp(buffer, "/tmp/" SCRATCH_NAME "/x"), 0);
	KTEST_EXPECT_EQ(length, strlen(buffer));
	KTEST_EXPECT_EQ(path_to_string(&scratch.fs->root, &place, buffer, 8, &length), -ERANGE);
	KTEST_EXPECT_EQ(path_to_string(&place, &place, buffer, sizeof(buffer), &length), 0);
	KTEST_EXPECT_EQ(strcmp(buffer, "/"), 0);

	/* A mount on x: x cannot be removed, and the mount cannot go while used. */
	KTEST_ASSERT(vfs_mount_at(&place, "ramfs", 0) == 0);
	KTEST_EXPECT_EQ(vfs_unlink(&scratch.base, "x", true), -EBUSY);
	path_put(&place);
	KTEST_ASSERT(lookup(&scratch, "x", 0, &place) == 0);
	KTEST_EXPECT_EQ(strcmp(place.inode->super_block->type_name, "ramfs"), 0);
	KTEST_EXPECT_EQ(vfs_unmount(&scratch.base), -EBUSY);
	KTEST_EXPECT_EQ(vfs_unmount(&place), 0);
	path_put(&place);
	KTEST_EXPECT_EQ(vfs_unlink(&scratch.base, "x", true), 0);
	SCRATCH_END(scratch);
}

KTEST(vfs, pipes_carry_bytes_and_report_the_other_end)
{
	struct file *read_end, *write_end;
	char buffer[16];

	KTEST_ASSERT(pipe_create(O_NONBLOCK, &read_end, &write_end) == 0);
	KTEST_EXPECT(S_ISFIFO(read_end->inode->mode));
	KTEST_EXPECT_EQ(kernel_read(read_end, buffer, sizeof(buffer), 0), -EAGAIN);
	KTEST_EXPECT_EQ(kernel_write(write_end, "0123456789", 10, 0), 10);
	KTEST_EXPECT_EQ(kernel_read(read_end, buffer, 4, 0), 4);
	KTEST_EXPECT_EQ(kernel_read(read_end, buffer, sizeof(buffer), 0), 6);
	KTEST_EXPECT_EQ(memcmp(buffer, "456789", 6), 0);

	/* A full pipe refuses more; no writer left means end of file. */
	uint8_t *block = kzalloc(PIPE_CAPACITY);

	KTEST_ASSERT(block != NULL);
	KTEST_EXPECT_EQ(kernel_write(write_end, block, PIPE_CAPACITY, 0), PIPE_CAPACITY);
	KTEST_EXPECT_EQ(kernel_write(write_end, "x", 1, 0), -EAGAIN);
	KTEST_EXPECT_EQ(kernel_read(read_end, block, PIPE_CAPACITY, 0), PIPE_CAPACITY);
	kfree(block);
	file_put(write_end);
	KTEST_EXPECT_EQ(kernel_read(read_end, buffer, sizeof(buffer), 0), 0);
	file_put(read_end);

	KTEST_ASSERT(pipe_create(0, &read_end, &write_end) == 0);
	file_put(read_end);
	KTEST_EXPECT_EQ(kernel_write(write_end, "x", 1, 0), -EPIPE);
	file_put(write_end);
}

KTEST(vfs, fd_tables_copy_close_on_exec_and_release)
{
	struct files_table *table = files_table_create(), *copy;
	struct file *read_end, *write_end, *got;

	KTEST_ASSERT(table != NULL);
	KTEST_ASSERT(pipe_create(0, &read_end, &write_end) == 0);
	KTEST_EXPECT_EQ(files_table_install(table, read_end, 0, false), 0);
	KTEST_EXPECT_EQ(files_table_install(table, write_end, 0, true), 1);
	file_get(write_end);
	KTEST_EXPECT_EQ(files_table_install(table, write_end, 0, false), 2);
	KTEST_EXPECT_EQ(files_table_get_close_on_exec(table, 1), 1);
	KTEST_EXPECT_EQ(files_table_get_close_on_exec(table, 2), 0);
	KTEST_EXPECT_EQ(files_table_get_close_on_exec(table, 3), -EBADF);

	copy = files_table_copy(table);
	KTEST_ASSERT(copy != NULL);
	KTEST_EXPECT_EQ(read_end->references, 2);
	KTEST_EXPECT_EQ(write_end->references, 4);
	files_close_on_exec(copy);
	KTEST_EXPECT_EQ(files_table_count_open(copy), 2);
	KTEST_EXPECT(files_table_get_file(copy, 1) == NULL);
	got = files_table_get_file(copy, 2);
	KTEST_EXPECT(got == write_end);
	file_put(got);

	/* The lowest free number is reused; closing twice is EBADF. */
	KTEST_EXPECT_EQ(files_table_close(copy, 0), 0);
	KTEST_EXPECT_EQ(files_table_close(copy, 0), -EBADF);
	KTEST_EXPECT_EQ(files_table_close(copy, FD_MAX), -EBADF);
	file_get(read_end);
	KTEST_EXPECT_EQ(files_table_install(copy, read_end, 0, false), 0);
	files_table_put(copy);
	KTEST_EXPECT_EQ(read_end->references, 1);
	files_table_put(table);
}

KTEST(vfs, fs_context_copies_share_places_not_changes)
{
	struct fs_context *fs = fs_context_create_root(), *copy;
	struct path tmp;

	KTEST_ASSERT(fs != NULL);
	KTEST_ASSERT(path_lookup(fs, &fs->root, "/tmp", 0, &tmp) == 0);
	copy = fs_context_copy(fs);
	KTEST_ASSERT(copy != NULL);
	fs_context_set_cwd(copy, &tmp);
	KTEST_EXPECT(path_equal(&fs->cwd, &fs->root));
	KTEST_EXPECT(path_equal(&copy->cwd, &tmp));
	KTEST_EXPECT_EQ(copy->umask, 022);
	path_put(&tmp);
	fs_context_put(copy);
	fs_context_put(fs);
}

/* A newc header for `name` with `mode` and `size` bytes of data after it. */
static size_t put_cpio_entry(uint8_t *out, const char *name, uint32_t mode, const char *data)
{
	static const char digits[] = "0123456789abcdef";
	uint32_t fields[13] = { 1, mode, 0, 0, 1, 0, (uint32_t)strlen(data), 0, 0, 0, 0,
				(uint32_t)strlen(name) + 1, 0 };
	size_t at = 0;

	memcpy(out, "070701", 6);
	at = 6;
	for (int field = 0; field < 13; field++)
		for (int digit = 7; digit >= 0; digit--)
			out[at++] = (uint8_t)digits[(fields[field] >> (digit * 4)) & 15];
	memcpy(out + at, name, strlen(name) + 1);
	at = ALIGN_UP(at + strlen(name) + 1, (size_t)4);
	memcpy(out + at, data, strlen(data));
	return ALIGN_UP(at + strlen(data), (size_t)4);
}

KTEST(vfs, initramfs_unpacks_and_refuses_corrupt_archives)
{
	uint8_t *archive = kzalloc(4096);
	struct fs_context *fs = fs_context_create_root();
	struct initramfs_failure failure;
	struct path found, tmp;
	char text[8];
	size_t size = 0;

	KTEST_ASSERT(archive != NULL && fs != NULL);
	size += put_cpio_entry(archive + size, "tmp/unpacked", S_IFDIR | 0750, "");
	size += put_cpio_entry(archive + size, "tmp/unpacked/file", S_IFREG | 0600, "data");
	size += put_cpio_entry(archive + size, "tmp/unpacked/link", S_IFLNK | 0777, "file");
	size += put_cpio_entry(archive + size, "TRAILER!!!", 0, "");
	KTEST_EXPECT_EQ(initramfs_unpack(archive, size, &failure), 0);

	KTEST_ASSERT(path_lookup(fs, &fs->root, "/tmp/unpacked/link", LOOKUP_FOLLOW, &found) == 0);
	KTEST_EXPECT_EQ(found.inode->mode, S_IFREG | 0600);
	KTEST_EXPECT_EQ(found.inode->size, 4);
	vfs_lock();
	found.inode->operations->read(found.inode, text, 4, 0);
	vfs_unlock();
	KTEST_EXPECT_EQ(memcmp(text, "data", 4), 0);
	path_put(&found);

	/* A parent missing from the archive, then a bad magic number: refused, with reasons. */
	size = put_cpio_entry(archive, "tmp/nowhere/file", S_IFREG | 0600, "");
	size += put_cpio_entry(archive + size, "TRAILER!!!", 0, "");
	KTEST_EXPECT_EQ(initramfs_unpack(archive, size, &failure), -ENOENT);
	KTEST_EXPECT_EQ(strcmp(failure.entry, "tmp/nowhere/file"), 0);
	KTEST_EXPECT(failure.reason != NULL);
	/* Cut short inside a file's data: the reader names the entry it was reading. */
	size = put_cpio_entry(archive, "tmp/cut", S_IFREG | 0600, "0123456789");
	KTEST_EXPECT_EQ(initramfs_unpack(archive, size - 6, &failure), -EINVAL);
	KTEST_EXPECT_EQ(strcmp(failure.entry, "tmp/cut"), 0);
	KTEST_EXPECT_EQ(failure.offset, 0);
	archive[0] = 'X';
	KTEST_EXPECT_EQ(initramfs_unpack(archive, size, &failure), -EINVAL);
	KTEST_EXPECT(failure.reason != NULL);
	KTEST_EXPECT_EQ(strcmp(failure.entry, ""), 0);

	KTEST_ASSERT(path_lookup(fs, &fs->root, "/tmp/unpacked", 0, &tmp) == 0);
	KTEST_EXPECT_EQ(vfs_unlink(&tmp, "link", false), 0);
	KTEST_EXPECT_EQ(vfs_unlink(&tmp, "file", false), 0);
	path_put(&tmp);
	KTEST_ASSERT(path_lookup(fs, &fs->root, "/tmp", 0, &tmp) == 0);
	KTEST_EXPECT_EQ(vfs_unlink(&tmp, "unpacked", true), 0);
	path_put(&tmp);
	fs_context_put(fs);
	kfree(archive);
}

KTEST(vfs, the_root_has_the_standard_nodes)
{
	struct fs_context *fs = fs_context_create_root();
	const char *names[] = { "/dev/console", "/dev/tty", "/dev/null", "/dev/zero",
				"/dev/ttyS0", "/dev/ttyS2", "/proc", "/tmp" };
	struct path found;

	KTEST_ASSERT(fs != NULL);
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		found = (struct path){ NULL, NULL };
		KTEST_EXPECT_EQ(path_lookup(fs, &fs->root, names[i], 0, &found), 0);
		path_put(&found);
	}
	KTEST_ASSERT(path_lookup(fs, &fs->root, "/tmp", 0, &found) == 0);
	KTEST_EXPECT_EQ(found.inode->mode, S_IFDIR | 01777);
	path_put(&found);
	KTEST_ASSERT(path_lookup(fs, &fs->root, "/dev/null", 0, &found) == 0);
	KTEST_EXPECT_EQ(device_number_encode(found.inode->device), 0x103);
	path_put(&found);
	fs_context_put(fs);
}
