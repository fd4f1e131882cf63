/*
 * Unit tests: script values (src/script/value.c) - literal classification,
 * printed forms, time and number parsing, array ordering.  Expected
 * texts are those of reference/routeros-scripting.md §1.6, §3.3, §8.1.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "script.h"

static const struct {
	const char *in;
	const char *type;
	const char *out;
} lits[] = {
	{ "42", "num", "42" },
	{ "-17", "num", "-17" },
	{ "0xFF", "num", "255" },
	{ "0xFFFFFFFFFFFFFFFF", "num", "-1" },
	{ "9223372036854775807", "num", "9223372036854775807" },
	{ "-9223372036854775808", "num", "-9223372036854775808" },
	{ "9223372036854775808", "str", "9223372036854775808" },
	{ "yes", "bool", "true" },
	{ "false", "bool", "false" },
	{ "*1a", "id", "*1A" },
	{ "*", "str", "*" },
	{ "10.0.0.1", "ip", "10.0.0.1" },
	{ "10.1.101.1/24", "ip-prefix", "10.1.101.1/24" },
	{ "10.0.0.1/33", "str", "10.0.0.1/33" },
	{ "10.1", "str", "10.1" },
	{ "1.5", "str", "1.5" },
	{ "2001:DB8:0:0:0:0:0:1", "ip6", "2001:db8::1" },
	{ "2001:db8::/32", "ip6-prefix", "2001:db8::/32" },
	{ "::", "ip6", "::" },
	{ "1w", "time", "1w00:00:00" },
	{ "1d", "time", "1d00:00:00" },
	{ "500ms", "time", "00:00:00.500" },
	{ "1ns", "time", "00:00:00.000000001" },
	{ "1500us", "time", "00:00:00.001500" },
	{ "1w2d3h4m5s", "time", "1w2d03:04:05" },
	{ "1.5s", "time", "00:00:01.500" },
	{ "00:10:00", "time", "00:10:00" },
	{ "10:00", "time", "10:00:00" },
	{ "1d02:03:04.5", "time", "1d02:03:04.500" },
	{ "2735w1d21:41:43.481891543", "time", "2735w1d21:41:43.481891543" },
	{ "-00:00:10", "time", "-00:00:10" },
	{ "12:60", "str", "12:60" },
	{ "2d11h12", "str", "2d11h12" },
	{ "00:0C:29:AB:CD:EF", "str", "00:0C:29:AB:CD:EF" },
	{ "99999999999w", "str", "99999999999w" },
	{ "ether1", "str", "ether1" },
	{ "", "str", "" },
};

START_TEST(test_literal)
{
	struct scr_val v = scr_val_from_text(lits[_i].in, true);
	char *s = scr_val_text(&v);

	ck_assert_msg(strcmp(scr_type_name(&v), lits[_i].type) == 0,
	    "%s: type %s", lits[_i].in, scr_type_name(&v));
	ck_assert_str_eq(s, lits[_i].out);
	free(s);
	scr_val_free(&v);
}
END_TEST

static const struct {
	const char *in;
	bool bare;
	int rc;
	int64_t ns;
} times[] = {
	{ "90", true, 0, 90000000000LL },
	{ "0.5", true, 0, 500000000LL },
	{ "90", false, -1, 0 },
	{ "1h30m", false, 0, 5400000000000LL },
	{ "10:00", false, 0, 36000000000000LL },
	{ "1m5", true, -1, 0 },
	{ "abc", true, -1, 0 },
	{ "1.", true, -1, 0 },
	{ "106751991167301d", false, -1, 0 },	/* past 64 bits */
};

START_TEST(test_time)
{
	int64_t ns = 0;
	int rc = scr_time_parse(times[_i].in, &ns, times[_i].bare);

	ck_assert_msg(rc == times[_i].rc, "%s: rc %d", times[_i].in, rc);
	if (rc == 0)
		ck_assert_msg(ns == times[_i].ns, "%s: %lld", times[_i].in,
		    (long long)ns);
}
END_TEST

static const struct {
	const char *in;
	int rc;
	uint32_t a;
} shorts[] = {
	{ "10.1", 0, 0x0a000001 },
	{ "1.2.3", 0, 0x01020003 },
	{ "1.2.3.4", 0, 0x01020304 },
	{ "1", -1, 0 },
	{ "1.2.3.4.5", -1, 0 },
	{ "256.1", -1, 0 },
	{ "1..2", -1, 0 },
};

START_TEST(test_ip_short)
{
	uint32_t a = 0;
	int rc = scr_ip4_parse_short(shorts[_i].in, &a);

	ck_assert_int_eq(rc, shorts[_i].rc);
	if (rc == 0)
		ck_assert_uint_eq(a, shorts[_i].a);
}
END_TEST

/* §3.3: unkeyed first in insertion order, keyed sorted; a key replaces */
START_TEST(test_array_order)
{
	struct scr_val a = scr_array_new();
	char *s;

	scr_arr_push(a.u.arr, NULL, scr_num(2));
	scr_arr_push(a.u.arr, "y", scr_num(2));
	scr_arr_push(a.u.arr, "aX", scr_num(1));
	scr_arr_push(a.u.arr, NULL, scr_num(5));
	scr_arr_push(a.u.arr, "y", scr_num(3));
	s = scr_val_text(&a);
	ck_assert_str_eq(s, "2;5;aX=1;y=3");
	free(s);
	ck_assert_uint_eq(scr_arr_nlist(a.u.arr), 2);
	ck_assert_ptr_nonnull(scr_arr_get(a.u.arr, "aX"));
	ck_assert_ptr_null(scr_arr_get(a.u.arr, "b"));
	scr_arr_slot(a.u.arr, "b")->k = SV_NUM;
	ck_assert_uint_eq(a.u.arr->n, 5);
	scr_val_free(&a);
}
END_TEST

START_TEST(test_array_big)
{
	struct scr_val a = scr_array_new();
	char key[16];
	int i;

	/* sorted inserts stay cheap and ordered */
	for (i = 9999; i >= 0; i--) {
		snprintf(key, sizeof(key), "k%05d", i);
		scr_arr_push(a.u.arr, key, scr_num(i));
		scr_arr_push(a.u.arr, NULL, scr_num(i));
	}
	ck_assert_uint_eq(a.u.arr->n, 20000);
	ck_assert_uint_eq(scr_arr_nlist(a.u.arr), 10000);
	ck_assert_str_eq(a.u.arr->keys[10000], "k00000");
	ck_assert_str_eq(a.u.arr->keys[19999], "k09999");
	ck_assert_int_eq(a.u.arr->v[0].u.n, 9999);
	scr_val_free(&a);
}
END_TEST

static Suite *
value_suite(void)
{
	Suite *s = suite_create("value");
	TCase *tc = tcase_create("literals");

	tcase_add_loop_test(tc, test_literal, 0, NELEM(lits));
	tcase_add_loop_test(tc, test_time, 0, NELEM(times));
	tcase_add_loop_test(tc, test_ip_short, 0, NELEM(shorts));
	suite_add_tcase(s, tc);
	tc = tcase_create("arrays");
	tcase_add_test(tc, test_array_order);
	tcase_add_test(tc, test_array_big);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(value_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
