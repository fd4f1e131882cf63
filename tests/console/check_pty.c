/*
 * Terminal tests: whole console sessions of rosemu -i on a pseudo-terminal
 * (tests/console/vt.c), typed key by key, checked on the screen the user
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

#include "vt.h"

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

/* navigation, TAB on a value, a unique prefix, double TAB, print */
START_TEST(test_navigate_complete)
{
	struct pty p;

	start(&p, NULL);
	EXPECT(&p, PROMPT);
	pty_send(&p, "/ip firewall mangle\r");
	EXPECT(&p, MANGLE);
	pty_send(&p, "add chain=pre\t");
	EXPECT(&p, "add chain=prerouting ");
	pty_send(&p, "action=mark-connection new-connection-mark=c1 "
	    "per-connection-classifier=both-addresses-\t");
	EXPECT(&p, "per-connection-classifier=both-addresses-and-ports ");
	/* the space after the completion: back over it, then the rest */
	pty_send(&p, "\b:2/0\r");
	EXPECT(&p, MANGLE);
	/* double TAB lists the candidates, keeping the line */
	pty_send(&p, "add per-connection-classifier=\t\t");
	EXPECT(&p, "src-address-and-port");
	ck_assert_msg(pty_screen_has(&p, "dst-address-and-port"), "%s",
	    pty_dump(&p));
	EXPECT(&p, MANGLE "add per-connection-classifier=");
	pty_send(&p, "\025print\r");	/* Ctrl-U drops it */
	EXPECT(&p, "per-connection-classifier=both-addresses-and-ports:2/0");
	pty_send(&p, "..\r");
	EXPECT(&p, "[admin@MikroTik] /ip/firewall> ");
	pty_send(&p, "/\r");
	EXPECT(&p, PROMPT);
	pty_send(&p, "/quit\r");
	ck_assert(pty_wait(&p, WAIT));
	pty_close(&p);
}
END_TEST

/* "?" lists what may follow; the line being typed stays */
START_TEST(test_help_key)
{
	struct pty p;

	start(&p, NULL);
	EXPECT(&p, PROMPT);
	pty_send(&p, "/ip firewall mangle\r");
	EXPECT(&p, MANGLE);
	pty_send(&p, "add ch?");
	EXPECT(&p, "chain");
	EXPECT(&p, MANGLE "add ch");
	pty_send(&p, "ain=input\r");
	EXPECT(&p, MANGLE);
	pty_send(&p, "print\r");
	EXPECT(&p, "chain=input");
	EXPECT(&p, MANGLE);
	/* at a menu: its commands with a description */
	pty_send(&p, "?");
	EXPECT(&p, "Create a new item");
	pty_send(&p, "\004");
	ck_assert(pty_wait(&p, WAIT));
	pty_close(&p);
}
END_TEST

/* a pasted export (continuation, a block over lines) applies */
START_TEST(test_paste)
{
	struct pty p;

	start(&p, NULL);
	EXPECT(&p, PROMPT);
	pty_send(&p, "\033[200~"
	    "/ip firewall address-list\r"
	    "add address=10.0.0.1 list=lab\r"
	    "add address=10.0.0.2 \\\r"
	    "    list=lab comment=\"what? it\tworks\"\r"
	    ":foreach i in={1;2} do={\r"
	    "  :put \"item $i\"\r"
	    "}\r"
	    "\033[201~");
	EXPECT(&p, "item 1");
	EXPECT(&p, "item 2");
	EXPECT(&p, "[admin@MikroTik] /ip/firewall/address-list> ");
	pty_send(&p, ":put (\"n=\" . [print count-only])\r");
	EXPECT(&p, "n=2");
	pty_send(&p, ":put [get [find address=10.0.0.2] comment]\r");
	EXPECT(&p, "what? it");
	/* keys typed while a command runs meet a cooked terminal: wait */
	EXPECT(&p, "[admin@MikroTik] /ip/firewall/address-list> ");
	pty_send(&p, "\004");
	ck_assert(pty_wait(&p, WAIT));
	pty_close(&p);
}
END_TEST

/* a "{" typed at the prompt continues on the next line until closed */
START_TEST(test_block)
{
	struct pty p;

	start(&p, NULL);
	EXPECT(&p, PROMPT);
	pty_send(&p, ":if (1=1) do={\r");
	EXPECT(&p, "{... ");
	pty_send(&p, ":put (\r");
	EXPECT(&p, "{(... ");
	pty_send(&p, "\"in\" . \"side\")\r");
	EXPECT(&p, "{... ");
	pty_send(&p, "}\r");
	EXPECT(&p, "inside");
	EXPECT(&p, PROMPT);
	pty_send(&p, "\004");
	ck_assert(pty_wait(&p, WAIT));
	pty_close(&p);
}
END_TEST

/* Ctrl-C interrupts :delay 1h; Ctrl-C on a typed line drops it */
START_TEST(test_ctrl_c)
{
	struct pty p;

	start(&p, NULL);
	EXPECT(&p, PROMPT);
	pty_send(&p, ":delay 1h\r");
	pty_drain(&p, 300);
	ck_assert_msg(!pty_expect(&p, PROMPT, 0), "delay did not wait:\n%s",
	    pty_dump(&p));
	pty_send(&p, "\003");
	EXPECT(&p, "interrupted");
	EXPECT(&p, PROMPT);
	pty_send(&p, ":put abc");
	EXPECT(&p, ":put abc");
	pty_send(&p, "\003");
	EXPECT(&p, PROMPT);
	pty_send(&p, ":put fresh\r");
	EXPECT(&p, "fresh");
	ck_assert_msg(!pty_screen_has(&p, "abcfresh") &&
	    !pty_screen_has(&p, "\nabc"), "%s", pty_dump(&p));
	/* a loop stops too */
	pty_send(&p, ":while (true) do={ :delay 1s }\r");
	pty_drain(&p, 300);
	pty_send(&p, "\003");
	EXPECT(&p, "interrupted");
	EXPECT(&p, PROMPT);
	pty_send(&p, "\004");
	ck_assert(pty_wait(&p, WAIT));
	pty_close(&p);
}
END_TEST

/* the history file carries lines to the next session */
START_TEST(test_history)
{
	struct pty p;

	start(&p, NULL);
	EXPECT(&p, PROMPT);
	pty_send(&p, ":put (\"hist\" . 1)\r");
	EXPECT(&p, "hist1");
	pty_send(&p, "/quit\r");
	ck_assert(pty_wait(&p, WAIT));
	pty_close(&p);
	start(&p, NULL);
	EXPECT(&p, PROMPT);
	pty_send(&p, "\033[A\033[A");	/* /quit, then the line before */
	EXPECT(&p, ":put (\"hist\" . 1)");
	pty_send(&p, "\r");
	EXPECT(&p, "hist1");
	EXPECT(&p, PROMPT);
	pty_send(&p, "\004");
	ck_assert(pty_wait(&p, WAIT));
	pty_close(&p);
}
END_TEST

/* rosemu lab.rsc -i: the lab is loaded; its names complete */
START_TEST(test_lab_file)
{
	struct pty p;

	start(&p, SRCDIR "/tests/console/lab.rsc");
	EXPECT(&p, "[admin@lab1] > ");
	pty_send(&p, "/ip firewall filter add src-address-list=l\t");
	EXPECT(&p, "src-address-list=lab ");
	pty_send(&p, "chain=forward\r");
	EXPECT(&p, "[admin@lab1] > ");
	pty_send(&p, "/ip firewall filter print\r");
	EXPECT(&p, "src-address-list=lab");
	EXPECT(&p, "[admin@lab1] > ");
	pty_send(&p, "\004");
	ck_assert(pty_wait(&p, WAIT));
	pty_close(&p);
}
END_TEST

/*
 * On a terminal the router's clock runs between commands: with probes
 * every second (v7 /routing settings) a gateway that stops answering is
 * found unreachable after two lost probes, without any :delay
 */
START_TEST(test_clock_runs)
{
	struct pty p;

	start(&p, NULL);
	EXPECT(&p, "[admin@MikroTik] > ");
	pty_send(&p, "/ip address add address=192.0.2.2/24 interface=ether1\r");
	EXPECT(&p, "[admin@MikroTik] > ");
	pty_send(&p, "/routing settings set check-gateway-ping-interval=1s\r");
	EXPECT(&p, "[admin@MikroTik] > ");
	pty_send(&p, "/ip route add gateway=192.0.2.1 check-gateway=ping\r");
	EXPECT(&p, "[admin@MikroTik] > ");
	pty_send(&p, "/emulator gateway set 192.0.2.1 reachable=no\r");
	EXPECT(&p, "[admin@MikroTik] > ");
	sleep(3);
	pty_send(&p, "/emulator timeline\r");
	EXPECT(&p, "gateway 192.0.2.1: unreachable");
	EXPECT(&p, "[admin@MikroTik] > ");
	pty_send(&p, "\004");
	ck_assert(pty_wait(&p, WAIT));
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
	tcase_add_test(tc, test_navigate_complete);
	tcase_add_test(tc, test_help_key);
	tcase_add_test(tc, test_paste);
	tcase_add_test(tc, test_block);
	tcase_add_test(tc, test_ctrl_c);
	tcase_add_test(tc, test_history);
	tcase_add_test(tc, test_lab_file);
	tcase_add_test(tc, test_clock_runs);
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
