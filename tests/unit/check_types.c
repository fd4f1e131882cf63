/* Unit tests: value types (src/schema/types.c) and line joining. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "schema.h"

static const struct {
	const struct sch_type *t;
	const char *in;
	int rc;
	const char *out;
} cases[] = {
	{ &vt_ip_range, "10.0.0.1", 0, "10.0.0.1" },
	{ &vt_ip_range, "10.0.0.1/32", 0, "10.0.0.1" },	/* ROS: no /32 */
	{ &vt_ip_range, "10.1.2.3/8", 0, "10.0.0.0/8" },
	{ &vt_ip_range, "10.0.0.1-10.0.0.9", 0, "10.0.0.1-10.0.0.9" },
	{ &vt_ip_range, "192.168.0.0-192.168.1.255", 0, "192.168.0.0/23" },
	{ &vt_ip_range, "10.0.0.256", -1, NULL },
	{ &vt_ip_range, "10.0.0.9-10.0.0.1", -1, NULL },
	{ &vt_addr, "192.0.2.1/24", 0, "192.0.2.1/24" },
	{ &vt_addr, "192.0.2.1/255.255.255.0", 0, "192.0.2.1/24" },
	{ &vt_ip_prefix, "192.0.2.77/24", 0, "192.0.2.0/24" },
	{ &vt_ip, "1.2.3", -1, NULL },
	{ &vt_ip6, "2001:DB8:0:0:0:0:0:1", 0, "2001:db8::1" },
	{ &vt_ip6_prefix, "2001:db8::/32", 0, "2001:db8::/32" },
	{ &vt_time, "00:05:00", 0, "5m" },
	{ &vt_time, "1d2h", 0, "1d2h" },
	{ &vt_time, "90", 0, "1m30s" },
	{ &vt_time, "500ms", 0, "500ms" },
	{ &vt_time, "abc", -1, NULL },
	{ &vt_bool, "true", 0, "yes" },
	{ &vt_bool, "maybe", -1, NULL },
	{ &vt_mac, "aa-bb-cc-dd-ee-ff", 0, "AA:BB:CC:DD:EE:FF" },
	{ &vt_ports, "22,80-90", 0, "22,80-90" },
	{ &vt_ports, "70000", -1, NULL },
	{ &vt_distance, "256", -1, NULL },
	{ &vt_distance, "0x10", 0, "16" },
};

START_TEST(test_parse_print)
{
	struct sch_val v;
	const char *err;
	int rc = sch_type_parse(cases[_i].t, cases[_i].in, &v, &err);

	ck_assert_msg(rc == cases[_i].rc, "%s: rc %d", cases[_i].in, rc);
	if (rc == 0) {
		ck_assert_str_eq(v.text, cases[_i].out);
		sch_val_fini(&v);
	} else
		ck_assert_ptr_nonnull(err);
}
END_TEST

static const struct {
	const char *in;
	const char *joined;
	size_t chunks;
} joins[] = {
	{ "add a=b \\\n    c=d\n", "add a=b c=d\n", 1 },
	/* ROS: outside quotes "\\" does not continue a word */
	{ "add x=mark-rou\\\n    ting\n", "add x=mark-rou ting\n", 1 },
	{ "add s=\"ab\\\n    \\_cd\"\n", "add s=\"ab\\_cd\"\n", 1 },
	{ "a\r\nb\r\n", "a\nb\n", 2 },
	{ "{\n:put 1\n}\n:put 2\n", "{\n:put 1\n}\n:put 2\n", 2 },
	{ "add a=b \\   \n    c=d", "add a=b c=d", 1 },
	{ "# c \\\n:put 1", "# c \\\n:put 1", 2 },
};

START_TEST(test_join)
{
	struct src_text *s = src_new(NULL, joins[_i].in, strlen(joins[_i].in));

	ck_assert_str_eq(s->buf, joins[_i].joined);
	ck_assert_uint_eq(s->n_chunk - 1, joins[_i].chunks);
	src_free(s);
}
END_TEST

START_TEST(test_linecol)
{
	const char *t = "add a=b \\\n    c=d x\n";
	struct src_text *s = src_new(NULL, t, strlen(t));
	const char *x = strchr(s->buf, 'x');
	int l, c;

	src_linecol(s, (uint32_t)(x - s->buf), &l, &c);
	ck_assert_int_eq(l, 2);
	ck_assert_int_eq(c, 9);
	src_free(s);
}
END_TEST

static const struct {
	const char *in;
	int	 ros;
	const char *ver;
} guesses[] = {
	{ "# jan/02/2020 10:00:00 by RouterOS 6.48.6\n/ip route\n", 6,
	    "6.48.6" },
	{ "# 2024-06-05 16:00:43 by RouterOS 7.15rc2\n# software id =\n", 7,
	    "7.15rc2" },
	{ "/ip route add gateway=1.1.1.1 routing-mark=isp1\n", 6, "" },
	{ "/routing table add fib name=isp1\n/ip route add "
	    "routing-table=isp1 gateway=1.1.1.1\n", 7, "" },
	/* new-routing-mark exists in both versions: no evidence */
	{ "/ip firewall mangle add new-routing-mark=x action=mark-routing\n",
	    0, "" },
	{ "/ip/firewall/filter/add chain=input\n", 7, "" },
	{ ":put 1\n", 0, "" },
};

START_TEST(test_guess_ros)
{
	char ver[16];

	ck_assert_int_eq(src_guess_ros(guesses[_i].in, strlen(guesses[_i].in),
	    ver, sizeof(ver)), guesses[_i].ros);
	ck_assert_str_eq(ver, guesses[_i].ver);
}
END_TEST

/*
 * Nesting past AST_MAX_DEPTH is a syntax error at the start of the deep
 * part ("(1+1+...+1)" with 200,000 terms parsed, then the binder and the
 * evaluator ran out of stack: a hand-made input tried while fuzzing); just
 * under it parses.
 */
static int
parse_chain(size_t terms, uint32_t *off)
{
	struct strbuf sb = STRBUF_INIT;
	struct src_text *s;
	struct scr_parser p;
	struct arena a;
	size_t i;
	int rc;

	sb_add(&sb, ":put (1");
	for (i = 1; i < terms; i++)
		sb_add(&sb, "+1");
	sb_add(&sb, ")\n");
	s = src_new(NULL, sb_str(&sb), strlen(sb_str(&sb)));
	arena_init(&a);
	memset(&p, 0, sizeof(p));
	p.arena = &a;
	p.src = s;
	rc = scr_parse(&p);
	*off = p.err_off;
	if (rc < 0)
		ck_assert_str_eq(p.err, "syntax error");
	free(p.err);
	scr_parser_fini(&p);
	arena_fini(&a);
	src_free(s);
	sb_fini(&sb);
	return rc;
}

START_TEST(test_too_deep)
{
	uint32_t off = 0;

	ck_assert_int_eq(parse_chain(AST_MAX_DEPTH - 10, &off), 0);
	ck_assert_int_eq(parse_chain(200000, &off), -1);
	ck_assert_uint_eq(off, 6);	/* the first term */
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("types");
	TCase *tc = tcase_create("parse");
	SRunner *r;
	int nf;

	tcase_add_loop_test(tc, test_parse_print, 0, sizeof(cases) / sizeof(cases[0]));
	tcase_add_loop_test(tc, test_join, 0, sizeof(joins) / sizeof(joins[0]));
	tcase_add_test(tc, test_linecol);
	tcase_add_test(tc, test_too_deep);
	tcase_add_loop_test(tc, test_guess_ros, 0,
	    sizeof(guesses) / sizeof(guesses[0]));
	suite_add_tcase(s, tc);
	r = srunner_create(s);
	srunner_run_all(r, CK_NORMAL);
	nf = srunner_ntests_failed(r);
	srunner_free(r);
	return nf ? EXIT_FAILURE : EXIT_SUCCESS;
}
