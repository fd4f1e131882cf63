/*
 * Terminal tests: whole console sessions of rosemu -i on a pseudo-terminal
 * (tests/console/pty.c), typed key by key, checked on the screen the user
 * would see.  The terminal is fixed (80x24, TERM=xterm, no inputrc, a
 * private history file), so the host terminal does not matter.
 *
 * Environment: ROSEMU (the binary; default ./rosemu), TMPDIR.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pty.h"

#define PROMPT		"[admin@MikroTik] > "
#define MANGLE		"[admin@MikroTik] /ip/firewall/mangle> "
#define WAIT		5000	/* ms: generous, for loaded machines */

static char histfile[256];
static char histenv[300];

static const char *
rosemu(void)
{
	const char *r = getenv("ROSEMU");

	return r && *r ? r : "./rosemu";
}

/* starts rosemu -i [files...] with the test's history file */
static void
start(struct pty *p, const char *file)
{
	char *argv[4] = { NULL, (char *)"-i", NULL, NULL };
	char *env[] = { histenv, NULL };

	argv[0] = (char *)rosemu();
	if (file) {
		argv[1] = (char *)file;
		argv[2] = (char *)"-i";
	}
	ck_assert_int_eq(pty_spawn(p, argv, env), 0);
}

#define EXPECT(p, text) \
	ck_assert_msg(pty_expect((p), (text), WAIT), \
	    "no \"%s\" on the screen:\n%s", (text), pty_dump(p))

static void
setup(void)
{
	const char *tmp = getenv("TMPDIR");
	int fd;

	snprintf(histfile, sizeof(histfile), "%s/rosemu-hist.XXXXXX",
	    tmp && *tmp ? tmp : "/tmp");
	fd = mkstemp(histfile);
	ck_assert_int_ge(fd, 0);
	close(fd);
	snprintf(histenv, sizeof(histenv), "ROSEMU_HISTORY=%s", histfile);
}

static void
teardown(void)
{
	unlink(histfile);
}

/* Ctrl-D on an empty line leaves with status 0 */
START_TEST(test_prompt_ctrl_d)
{
	struct pty p;

	start(&p, NULL);
	EXPECT(&p, PROMPT);
	pty_send(&p, "\004");
	ck_assert(pty_wait(&p, WAIT));
	ck_assert(WIFEXITED(p.status));
	ck_assert_int_eq(WEXITSTATUS(p.status), 0);
	pty_close(&p);
}
END_TEST

static Suite *
pty_suite(void)
{
	Suite *s = suite_create("console-pty");
	TCase *tc = tcase_create("session");

	tcase_set_timeout(tc, 60);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_prompt_ctrl_d);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(pty_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
