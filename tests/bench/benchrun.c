/*
 * DOC: benchrun - run one command and report its wall time and peak RSS.
 *
 * GNU time(1) is not installed on a fresh Debian, and the shell's "times"
 * reports no memory, so "make bench" builds this instead: fork, exec, wait
 * with wait4() for the child's rusage, and print one line to stderr:
 *
 *	benchrun: wall=0.412 user=0.380 sys=0.030 maxrss_kb=41234
 *
 * The command's own stdout and stderr pass through untouched, and benchrun
 * exits with the command's status (128+signal if it was killed), so a
 * failed load still fails the caller.  Used only by tests/bench/run.sh.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>

static double
tv_sec(const struct timeval *tv)
{
	return (double)tv->tv_sec + (double)tv->tv_usec / 1e6;
}

int
main(int argc, char **argv)
{
	struct timespec t0, t1;
	struct rusage ru;
	pid_t pid;
	int st;

	if (argc < 2) {
		fputs("usage: benchrun COMMAND [ARG ...]\n", stderr);
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "benchrun: fork: %s\n", strerror(errno));
		return 2;
	}
	if (pid == 0) {
		execvp(argv[1], argv + 1);
		fprintf(stderr, "benchrun: %s: %s\n", argv[1], strerror(errno));
		_exit(127);
	}
	while (wait4(pid, &st, 0, &ru) < 0) {
		if (errno != EINTR) {
			fprintf(stderr, "benchrun: wait4: %s\n",
			    strerror(errno));
			return 2;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	/* Linux reports ru_maxrss in kilobytes */
	fprintf(stderr, "benchrun: wall=%.3f user=%.3f sys=%.3f maxrss_kb=%ld\n",
	    (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
	    tv_sec(&ru.ru_utime), tv_sec(&ru.ru_stime), ru.ru_maxrss);
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	return 128 + (WIFSIGNALED(st) ? WTERMSIG(st) : 0);
}
