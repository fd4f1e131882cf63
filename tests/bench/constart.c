/*
 * constart - how long rosemu's console takes to start (make bench).
 *
 * Starts "rosemu -i" on a pseudo-terminal (tests/console/vt.c) and times
 * fork to the first prompt on the screen, as a user waits for it; then
 * /quit.  Prints the best and the median of RUNS starts and compares the
 * median with the target (20 ms).  A benchmark: a miss prints MISS, the
 * exit status is 1 only when the console does not start at all.
 *
 * usage: constart ROSEMU [RUNS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "../console/vt.h"

#define TARGET_MS	20.0

static double
now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int
dbl_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int
main(int argc, char **argv)
{
	char *args[] = { NULL, (char *)"-i", NULL };
	char *env[] = { (char *)"ROSEMU_HISTORY=", NULL };
	int runs = argc > 2 ? atoi(argv[2]) : 30, i;
	double *t;

	if (argc < 2 || runs < 1) {
		fprintf(stderr, "usage: constart ROSEMU [RUNS]\n");
		return 2;
	}
	t = calloc((size_t)runs, sizeof(*t));
	args[0] = argv[1];
	for (i = 0; i < runs; i++) {
		struct pty p;
		double t0 = now_ms();

		if (pty_spawn(&p, args, env) < 0 ||
		    !pty_expect(&p, "[admin@MikroTik] > ", 5000)) {
			fprintf(stderr, "constart: no prompt from %s\n",
			    argv[1]);
			pty_close(&p);
			return 1;
		}
		t[i] = now_ms() - t0;
		pty_send(&p, "/quit\r");
		pty_wait(&p, 2000);
		pty_close(&p);
	}
	qsort(t, (size_t)runs, sizeof(*t), dbl_cmp);
	printf("console start (rosemu -i to the first prompt, %d runs): "
	    "best %.1f ms, median %.1f ms (target < %.0f ms) %s\n", runs,
	    t[0], t[runs / 2], TARGET_MS, t[runs / 2] < TARGET_MS ? "ok" :
	    "MISS");
	free(t);
	return 0;
}
