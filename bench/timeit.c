/* Runs a command and reports what it cost, measured by the kernel.
 *
 * usage: timeit [-r RUNS] [-t SECONDS] [-d DIR] -- COMMAND [ARG...]
 *
 * For each run, one line on stdout:
 *   wall_s cpu_s user_s sys_s maxrss_kib status
 * wall from the monotonic clock around fork..wait; cpu = user + sys from
 * wait4's rusage (the child's own, not this program's); maxrss is the
 * child's peak resident set.  The child is forked from this small program,
 * so its peak is its own (a child spawned from a big interpreter inherits
 * that interpreter's peak until exec).  status is the exit code, or
 * "timeout" when -t SECONDS passed and the child was killed, or "signal:N".
 * The command's stdout and stderr go to /dev/null; -d runs it in DIR.
 * Exits 0 when every run was measured (whatever the command's status),
 * 2 on a usage or system error. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>

/* wait4 is BSD/Linux; declared here when the headers hide it under
 * _POSIX_C_SOURCE. */
pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru);

static double secs(struct timeval tv)
{
	return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void usage(void)
{
	fprintf(stderr, "usage: timeit [-r RUNS] [-t SECONDS] [-d DIR] -- COMMAND [ARG...]\n");
	exit(2);
}

static void child(const char *dir, char **argv)
{
	int null = open("/dev/null", O_RDWR);
	if (null < 0 || dup2(null, 1) < 0 || dup2(null, 2) < 0)
		_exit(126);
	if (dir && chdir(dir) < 0)
		_exit(126);
	execvp(argv[0], argv);
	_exit(127);
}

/* One run; returns -1 on a system error. */
static int run_once(const char *dir, double timeout, char **argv)
{
	double t0 = now();
	pid_t pid = fork();
	if (pid < 0) {
		perror("timeit: fork");
		return -1;
	}
	if (pid == 0)
		child(dir, argv);
	int st = 0;
	struct rusage ru;
	int timed_out = 0;
	for (;;) {
		pid_t r = wait4(pid, &st, timeout > 0 ? WNOHANG : 0, &ru);
		if (r == pid)
			break;
		if (r < 0 && errno != EINTR) {
			perror("timeit: wait4");
			return -1;
		}
		if (r == 0) {
			if (now() - t0 > timeout) {
				kill(pid, SIGKILL);
				timed_out = 1;
				timeout = 0; /* now wait for it to go */
				continue;
			}
			struct timespec nap = { 0, 2000000 }; /* 2 ms: only timed commands poll */
			nanosleep(&nap, NULL);
		}
	}
	double wall = now() - t0;
	double user = secs(ru.ru_utime), sys = secs(ru.ru_stime);
	char status[32];
	if (timed_out)
		snprintf(status, sizeof(status), "timeout");
	else if (WIFEXITED(st))
		snprintf(status, sizeof(status), "%d", WEXITSTATUS(st));
	else
		snprintf(status, sizeof(status), "signal:%d", WTERMSIG(st));
	printf("%.6f %.6f %.6f %.6f %ld %s\n", wall, user + sys, user, sys, ru.ru_maxrss, status);
	fflush(stdout);
	return 0;
}

int main(int argc, char **argv)
{
	long runs = 1;
	double timeout = 0;
	const char *dir = NULL;
	int i = 1;
	for (; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (i + 1 >= argc)
			usage();
		char *end;
		if (strcmp(argv[i], "-r") == 0) {
			runs = strtol(argv[++i], &end, 10);
			if (*end || runs < 1)
				usage();
		} else if (strcmp(argv[i], "-t") == 0) {
			timeout = strtod(argv[++i], &end);
			if (*end || timeout < 0)
				usage();
		} else if (strcmp(argv[i], "-d") == 0) {
			dir = argv[++i];
		} else {
			usage();
		}
	}
	if (i + 1 >= argc)
		usage();
	for (long r = 0; r < runs; r++)
		if (run_once(dir, timeout, argv + i + 1) < 0)
			return 2;
	return 0;
}
