/*
 * namespace_helpers.h: what the namespace tests of tests/user/ share: "agents", processes
 * that keep the credentials and namespaces they had when they were started and do small jobs
 * (write a map, read or stat a file, send a signal) on request, and a way to hand the
 * reporting of a scenario to a child that entered namespaces its parent cannot.
 *
 * Why agents: a test often needs to see a process from two places at once (from inside its
 * user namespace and from the host) or needs a privileged helper (host root writing a
 * multi-id map). An agent started before an unshare() stays behind, so it is "the host".
 * Agents never report results: they answer with an errno and some text, and the scenario
 * process judges. Include after check.h.
 */
#ifndef KUID_TESTS_USER_NAMESPACE_HELPERS_H
#define KUID_TESTS_USER_NAMESPACE_HELPERS_H

#include <sched.h>
#include <stdbool.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/utsname.h>

#define AGENT_TEXT_SIZE 2048

enum agent_job {
	AGENT_WRITE = 'w',	/* write text to path (one write at offset 0) */
	AGENT_READ = 'r',	/* read path: the text */
	AGENT_STAT = 's',	/* lstat path: number = st_uid, number2 = st_gid */
	AGENT_KILL = 'k',	/* kill(number, number2) */
	AGENT_HOSTNAME = 'h',	/* uname's nodename as the agent sees it */
	AGENT_READLINK = 'l',	/* readlink path: the text */
	AGENT_QUIT = 'q',
};

struct agent_request {
	char job;
	long number, number2;
	char path[512];
	char text[512];
};

struct agent_reply {
	int error;		/* 0 or the errno of the job */
	long number, number2;
	char text[AGENT_TEXT_SIZE];
};

struct agent {
	pid_t pid;
	int request_fd;		/* we write requests here */
	int reply_fd;		/* and read replies here */
};

static inline int agent_read_all(int fd, void *buffer, size_t size)
{
	size_t done = 0;
	while (done < size) {
		ssize_t got = read(fd, (char *)buffer + done, size - done);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			return -1;
		done += (size_t)got;
	}
	return 0;
}

static inline int agent_write_all(int fd, const void *buffer, size_t size)
{
	size_t done = 0;
	while (done < size) {
		ssize_t put = write(fd, (const char *)buffer + done, size - done);
		if (put < 0 && errno == EINTR)
			continue;
		if (put <= 0)
			return -1;
		done += (size_t)put;
	}
	return 0;
}

static inline void agent_do(const struct agent_request *request, struct agent_reply *reply)
{
	struct stat info;
	struct utsname names;
	ssize_t length;
	int fd;

	memset(reply, 0, sizeof(*reply));
	switch (request->job) {
	case AGENT_WRITE:
		fd = open(request->path, O_WRONLY);
		if (fd < 0 || write(fd, request->text, strlen(request->text)) < 0)
			reply->error = errno;
		if (fd >= 0)
			close(fd);
		break;
	case AGENT_READ:
		if (read_file(request->path, reply->text, sizeof(reply->text)) < 0)
			reply->error = errno;
		break;
	case AGENT_STAT:
		if (lstat(request->path, &info) < 0)
			reply->error = errno;
		reply->number = info.st_uid;
		reply->number2 = info.st_gid;
		break;
	case AGENT_KILL:
		if (kill((pid_t)request->number, (int)request->number2) < 0)
			reply->error = errno;
		break;
	case AGENT_HOSTNAME:
		if (uname(&names) < 0)
			reply->error = errno;
		snprintf(reply->text, sizeof(reply->text), "%s", names.nodename);
		break;
	case AGENT_READLINK:
		length = readlink(request->path, reply->text, sizeof(reply->text) - 1);
		if (length < 0)
			reply->error = errno;
		else
			reply->text[length] = '\0';
		break;
	default:
		reply->error = EINVAL;
	}
}

/*
 * Start an agent with the caller's credentials and namespaces; with uid >= 0 it first becomes
 * uid:uid with no groups (and dumpable again, so its /proc files stay its own). 0 or -1.
 */
static inline int agent_start(struct agent *agent, int uid)
{
	int requests[2], replies[2];

	if (pipe(requests) < 0 || pipe(replies) < 0)
		return -1;
	agent->pid = spawn();
	if (agent->pid < 0)
		return -1;
	if (agent->pid == 0) {
		struct agent_request request;
		struct agent_reply reply;

		alarm(0);	/* lives as long as the scenario; ends when the pipe closes */
		close(requests[1]);
		close(replies[0]);
		if (uid >= 0) {
			gid_t none[1] = { 0 };
			if (setgroups(0, none) < 0 || setresgid(uid, uid, uid) < 0 ||
			    setresuid(uid, uid, uid) < 0)
				_exit(1);
			prctl(PR_SET_DUMPABLE, 1, 0, 0, 0);
		}
		while (agent_read_all(requests[0], &request, sizeof(request)) == 0 &&
		       request.job != AGENT_QUIT) {
			agent_do(&request, &reply);
			if (agent_write_all(replies[1], &reply, sizeof(reply)) < 0)
				break;
		}
		_exit(0);
	}
	close(requests[0]);
	close(replies[1]);
	agent->request_fd = requests[1];
	agent->reply_fd = replies[0];
	return 0;
}

/* Ask the agent; the reply's errno (0 on success), or EPIPE if the agent is gone. */
static inline int agent_ask(struct agent *agent, char job, const char *path, const char *text,
			    long number, long number2, struct agent_reply *reply)
{
	struct agent_request request;

	memset(&request, 0, sizeof(request));
	request.job = job;
	request.number = number;
	request.number2 = number2;
	snprintf(request.path, sizeof(request.path), "%s", path ? path : "");
	snprintf(request.text, sizeof(request.text), "%s", text ? text : "");
	if (agent_write_all(agent->request_fd, &request, sizeof(request)) < 0 ||
	    agent_read_all(agent->reply_fd, reply, sizeof(*reply)) < 0)
		return reply->error = EPIPE;
	return reply->error;
}

/* Write text to /proc/PID/NAME through the agent: 0 or an errno. */
static inline int agent_write_proc(struct agent *agent, pid_t pid, const char *name,
				   const char *text)
{
	struct agent_reply reply;
	char path[64];

	snprintf(path, sizeof(path), "/proc/%d/%s", (int)pid, name);
	return agent_ask(agent, AGENT_WRITE, path, text, 0, 0, &reply);
}

/* Both maps of pid, written by the agent (gid_map without "deny": the agent is privileged). */
static inline int agent_write_maps(struct agent *agent, pid_t pid, const char *uid_map,
				   const char *gid_map)
{
	int error = agent_write_proc(agent, pid, "uid_map", uid_map);
	return error ? error : agent_write_proc(agent, pid, "gid_map", gid_map);
}

static inline void agent_stop(struct agent *agent)
{
	struct agent_request request = { .job = AGENT_QUIT };

	agent_write_all(agent->request_fd, &request, sizeof(request));
	close(agent->request_fd);
	close(agent->reply_fd);
	wait_for(agent->pid);
}

/* ---- writing one's own files in /proc/self ---- */

/* Write text to path in one write(2): 0 or an errno. */
static inline int write_text(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY), error = 0;

	if (fd < 0)
		return errno;
	if (write(fd, text, strlen(text)) < 0)
		error = errno;
	close(fd);
	return error;
}

/* ---- handing the reporting of a scenario to a child ---- */

/*
 * fork() a child that carries on reporting for this scenario (it keeps the tally pipe and the
 * numbering). The parent must report nothing until take_back_reporting(), which waits for the
 * child and carries on numbering after its last result. For a child that lives where its
 * parent cannot go: a new pid namespace (its pid 1), a namespace entered after the fork.
 * In the child, end with hand_back_reporting().
 */
struct reporter {
	pid_t pid;
	int count_fd;
};

static int reporter_count_fd = -1;

static inline pid_t fork_reporter(struct reporter *reporter)
{
	int counts[2];

	reporter->pid = -1;
	reporter->count_fd = -1;
	if (pipe(counts) < 0)
		return -1;
	reporter->pid = fork();
	if (reporter->pid == 0) {
		close(counts[0]);
		reporter_count_fd = counts[1];
		guard();
		return 0;
	}
	close(counts[1]);
	reporter->count_fd = counts[0];
	return reporter->pid;
}

static inline __attribute__((noreturn)) void hand_back_reporting(void)
{
	agent_write_all(reporter_count_fd, &check_number, sizeof(check_number));
	_exit(0);
}

static inline void take_back_reporting(struct reporter *reporter)
{
	int number;

	if (reporter->pid < 0) {
		ok(0, "fork a reporting child: %s", errno_name(errno));
		return;
	}
	if (agent_read_all(reporter->count_fd, &number, sizeof(number)) == 0)
		check_number = number;
	close(reporter->count_fd);
	int status = wait_for(reporter->pid);
	if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		ok(0, "the reporting child ended with %s",
		   status == -1 ? "no status" : status_text(status));
}

/* ---- small things ---- */

/* The value of "Name:" in /proc/PID/status text: the line after the colon, trimmed. */
static inline int status_field(const char *status, const char *name, char *value, size_t size)
{
	size_t length = strlen(name);
	const char *line = status;

	while (line && *line) {
		if (strncmp(line, name, length) == 0 && line[length] == ':') {
			const char *start = line + length + 1, *end = strchr(start, '\n');
			while (*start == '\t' || *start == ' ')
				start++;
			if (!end)
				end = start + strlen(start);
			while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
				end--;
			snprintf(value, size, "%.*s", (int)(end - start), start);
			return 0;
		}
		line = strchr(line, '\n');
		if (line)
			line++;
	}
	value[0] = '\0';
	return -1;
}

/* Collapse runs of blanks (tabs, spaces) to one space and drop the ends: "0 100000 1000". */
static inline void squeeze_blanks(const char *text, char *out, size_t size)
{
	size_t used = 0;
	bool blank = false;

	for (; *text && used + 1 < size; text++) {
		if (*text == ' ' || *text == '\t') {
			blank = used > 0;
			continue;
		}
		if (blank && *text != '\n' && out[used - 1] != '\n' && used + 2 < size)
			out[used++] = ' ';
		blank = false;
		out[used++] = *text;
	}
	while (used > 0 && (out[used - 1] == '\n' || out[used - 1] == ' '))
		used--;
	out[used] = '\0';
}

/* Become uid:gid inside the current user namespace, no groups, dumpable. 0 or an errno. */
static inline int become_ids(uid_t uid, gid_t gid, bool drop_groups)
{
	gid_t none[1] = { 0 };

	if (drop_groups && setgroups(0, none) < 0)
		return errno;
	if (setresgid(gid, gid, gid) < 0 || setresuid(uid, uid, uid) < 0)
		return errno;
	prctl(PR_SET_DUMPABLE, 1, 0, 0, 0);
	return 0;
}

#endif /* KUID_TESTS_USER_NAMESPACE_HELPERS_H */
