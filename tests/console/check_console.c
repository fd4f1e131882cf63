/*
 * Unit tests: the console's completion, "?" help, continuation and prompt
 * (src/console/) against the real command tree and a configuration.
 * The candidates are the router's own (7.19.4/7.22.3 inspect dumps): the
 * nine PCC classifiers, the five chains, connection states.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "console.h"

static struct cfg *cfg;
static struct scr_env *env;

/* a small lab: items that completion offers by name */
static const char lab[] =
    "/interface list add name=WAN\n"
    "/ip firewall address-list add address=10.0.0.1 list=lab\n"
    "/ip firewall mangle add chain=prerouting action=mark-connection "
    "new-connection-mark=wan1_conn\n";

static void
setup(void)
{
	sch_init(7);
	cfg = cfg_new(7);
	env = scr_env_new(cfg, 7, stdout);
	env->cwd = sch_root();
	ck_assert_int_eq(scr_run_text(env, NULL, lab, strlen(lab)), 0);
	env->cwd = sch_root();
}

static void
teardown(void)
{
	scr_env_free(env);
	cfg_free(cfg);
}

static const struct {
	const char *cwd;	/* menu the console is in */
	const char *line;	/* typed so far; the cursor at its end */
	const char *want;	/* candidates, space separated */
} tabs[] = {
	{ "/", "/ip firewall mangle add chain=pre", "prerouting" },
	{ "/ip/firewall/mangle", "add chain=pre", "prerouting" },
	{ "/", "/ip firewall mangle add per-connection-classifier=",
	    "both-addresses both-addresses-and-ports both-ports dst-address "
	    "dst-address-and-port dst-port src-address src-address-and-port "
	    "src-port" },
	{ "/", "/ip firewall mangle add per-connection-classifier=both-addresses-",
	    "both-addresses-and-ports" },
	{ "/", "/ip fire", "firewall" },
	{ "/", "/ip/firewall/ma", "mangle" },
	{ "/", "ip firewall nat add action=mas", "masquerade" },
	{ "/ip/firewall/mangle", "add act", "action=" },
	{ "/ip/firewall/mangle", "print det", "detail" },
	{ "/ip/firewall/mangle", ".. filter add chain=fo", "forward" },
	{ "/ip/firewall/mangle", "/ip route prin", "print" },
	{ "/", ":del", ":delay" },
	{ "/", "/ip firewall mangle add in-interface=ether",
	    "ether1 ether2 ether3 ether4 ether5" },
	{ "/", "/ip firewall mangle add in-interface-list=",
	    "WAN all dynamic none static" },
	{ "/", "/ip firewall filter add connection-state=established,re",
	    "related" },
	{ "/", "/ip firewall filter add connection-state=!inv", "invalid" },
	{ "/", "/ip firewall filter add src-address-list=l", "lab" },
	{ "/", "/ip firewall mangle add connection-mark=",
	    "no-mark wan1_conn" },
	{ "/", "/ip firewall mangle add jump-target=p",
	    "postrouting prerouting" },
	{ "/", ":if (1=1) do={ /ip firewall mangle add chain=inp", "input" },
	{ "/", ":put [/ip firewall mangle find chain=for", "forward" },
	{ "/", ":put \"/ip fire", "" },
	{ "/", "/interface set eth", "ether1 ether2 ether3 ether4 ether5" },
	{ "/", "/ip d",
	    "dhcp-client dhcp-relay dhcp-server dns" },
	{ "/", "/nosuch menu ad", "" },
};

static char *
joined(const struct con_cands *c)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < c->n; i++) {
		if (i)
			sb_addc(&sb, ' ');
		sb_add(&sb, c->v[i]);
	}
	return sb_steal(&sb);
}

START_TEST(test_complete)
{
	struct con_cands c;
	char *got;

	env->cwd = sch_lookup(tabs[_i].cwd);
	ck_assert_ptr_nonnull(env->cwd);
	con_complete(env, tabs[_i].line, strlen(tabs[_i].line), &c);
	got = joined(&c);
	ck_assert_msg(strcmp(got, tabs[_i].want) == 0,
	    "%s -> \"%s\", want \"%s\"", tabs[_i].line, got, tabs[_i].want);
	free(got);
	con_cands_fini(&c);
}
END_TEST

/* the word completed starts where readline's word does */
START_TEST(test_complete_start)
{
	static const char l[] = "/ip firewall mangle add chain=pre";
	static const char l2[] = "add connection-state=established,re";
	struct con_cands c;

	con_complete(env, l, strlen(l), &c);
	ck_assert_uint_eq(c.start, strlen(l) - 3);
	ck_assert_int_eq(c.what, CON_W_VALUE);
	con_cands_fini(&c);
	env->cwd = sch_lookup("/ip/firewall/filter");
	con_complete(env, l2, strlen(l2), &c);
	ck_assert_uint_eq(c.start, strlen(l2) - 2);
	con_cands_fini(&c);
	/* the cursor in the middle: only what is before it counts */
	con_complete(env, "/ip fi mangle", 6, &c);
	ck_assert_uint_eq(c.n, 1);
	ck_assert_str_eq(c.v[0], "firewall");
	con_cands_fini(&c);
}
END_TEST

static const struct {
	const char *line;
	const char *want;	/* must appear in the help text */
} helps[] = {
	{ "/ip firewall mangle add ", "chain" },
	{ "/ip firewall mangle add ", "add -- Create a new item" },
	{ "/ip firewall mangle add ", "address-list-timeout" },
	{ "/ip firewall mangle add address-list-timeout=", "time interval" },
	{ "/ip firewall mangle add chain=", "prerouting" },
	{ "/ip firewall mangle add per-connection-classifier=",
	    "both-addresses-and-ports" },
	{ "/ip firewall ", "mangle" },
	{ "/ip firewall ", "address-list" },
	{ "/ip firewall mangle ", "print" },
	{ "/ip firewall mangle ", ".." },
	{ "/ip firewall mangle add nosuch=", "no such argument" },
};

START_TEST(test_help)
{
	struct strbuf sb = STRBUF_INIT;

	con_help(env, helps[_i].line, strlen(helps[_i].line), 80, &sb);
	ck_assert_msg(strstr(sb_str(&sb), helps[_i].want) != NULL,
	    "help for \"%s\" lacks \"%s\":\n%s", helps[_i].line,
	    helps[_i].want, sb_str(&sb));
	sb_fini(&sb);
}
END_TEST

/* help lines fit the terminal */
START_TEST(test_help_width)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p, *l = "/ip firewall mangle add ";

	con_help(env, l, strlen(l), 60, &sb);
	for (p = sb_str(&sb); *p; ) {
		const char *e = strchr(p, '\n');

		ck_assert_ptr_nonnull(e);
		ck_assert_int_le(e - p, 60);
		p = e + 1;
	}
	sb_fini(&sb);
}
END_TEST

static const struct {
	const char *text;
	bool	 more;
	const char *open;
} opens[] = {
	{ "{\n", true, "{" },
	{ ":if (1=1) do={\n:put (\n", true, "{(" },
	{ ":if (1=1) do={\n:put 1\n}\n", false, "" },
	{ ":put \"abc\n", true, "\"" },
	{ ":put \"a{b\"\n", false, "" },
	{ ":put \"a\\\"b\"\n", false, "" },
	{ "add address=10.0.0.1 \\\n", true, "\\" },
	{ "add address=10.0.0.1 \\  \n", true, "\\" },
	{ "}\n", false, "" },
	{ "# a comment {\n", false, "" },
	{ ":put [/ip address find\n", true, "[" },
	{ ":put (1 ]\n", false, "" },
	{ "", false, "" },
};

START_TEST(test_incomplete)
{
	struct strbuf sb = STRBUF_INIT;
	bool more = con_incomplete(opens[_i].text, strlen(opens[_i].text),
	    &sb);

	ck_assert_msg(more == opens[_i].more, "%s", opens[_i].text);
	ck_assert_str_eq(sb_str(&sb), opens[_i].open);
	sb_fini(&sb);
}
END_TEST

START_TEST(test_prompt)
{
	static const char set[] = "/system identity set name=lab1\n";
	struct strbuf sb = STRBUF_INIT;

	con_prompt(env, &sb);
	ck_assert_str_eq(sb_str(&sb), "[admin@MikroTik] > ");
	sb_reset(&sb);
	env->cwd = sch_lookup("/ip/firewall/mangle");
	con_prompt(env, &sb);
	ck_assert_str_eq(sb_str(&sb), "[admin@MikroTik] /ip/firewall/mangle> ");
	sb_reset(&sb);
	ck_assert_int_eq(scr_run_text(env, NULL, set, strlen(set)), 0);
	con_prompt(env, &sb);
	ck_assert_str_eq(sb_str(&sb), "[admin@lab1] /ip/firewall/mangle> ");
	sb_fini(&sb);
}
END_TEST

static Suite *
console_suite(void)
{
	Suite *s = suite_create("console");
	TCase *tc = tcase_create("complete");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_complete, 0, NELEM(tabs));
	tcase_add_test(tc, test_complete_start);
	suite_add_tcase(s, tc);
	tc = tcase_create("help");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_help, 0, NELEM(helps));
	tcase_add_test(tc, test_help_width);
	suite_add_tcase(s, tc);
	tc = tcase_create("lines");
	tcase_add_loop_test(tc, test_incomplete, 0, NELEM(opens));
	suite_add_tcase(s, tc);
	tc = tcase_create("prompt");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_prompt);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(console_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
