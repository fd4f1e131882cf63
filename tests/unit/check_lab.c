/*
 * check_lab - the packet engine on the slide deck's lab (examples/
 * slides-lab.rsc, RouterOS 6): PCC both-addresses:3/x marks connections
 * WAN1..3, mark-routing picks the marked tables, masquerade rewrites the
 * source to the WAN's address, and replies find their way back.  The
 * acceptance figure of issue 4: 30,000 connections between distinct
 * address pairs split 33.3% +- 2% per WAN.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "engine.h"
#include "script.h"
#include "../../src/engine/eng.h"
#include "../../src/engine/gen.h"
#include "../../src/engine/replay.h"

#ifndef SRCDIR
#define SRCDIR "."
#endif

struct out {
	uint64_t per_if[16];
	uint32_t last_src[16], last_dst[16];
	uint16_t last_sport[16], last_dport[16];
	uint8_t	 frame[16][128];
};

static struct eng *
lab_file(const char *path, int ros, struct cfg **cp, struct scr_env **ep)
{
	size_t len;
	char *t = util_read_file(path, &len);
	struct cfg *c;
	struct scr_env *env;

	ck_assert_ptr_nonnull(t);
	sch_init(ros);
	c = cfg_new(ros);
	env = scr_env_new(c, ros, stdout);
	ck_assert_int_eq(scr_run_text(env, path, t, len), 0);
	free(t);
	*cp = c;
	*ep = env;
	return eng_new(c, ros, 0);
}

/* a router from console text */
static struct eng *
lab_text(const char *text, int ros, struct cfg **cp, struct scr_env **ep)
{
	sch_init(ros);
	*cp = cfg_new(ros);
	*ep = scr_env_new(*cp, ros, stdout);
	ck_assert_int_eq(scr_run_text(*ep, NULL, text, strlen(text)), 0);
	return eng_new(*cp, ros, 0);
}

static struct eng *
lab(struct cfg **cp, struct scr_env **ep)
{
	return lab_file(SRCDIR "/examples/slides-lab.rsc", 6, cp, ep);
}

static void
sink(void *arg, int iface, int64_t ts, const uint8_t *f, size_t len)
{
	struct out *o = arg;

	(void)ts;
	if (iface < 0 || iface >= 16 || len < 34)
		return;
	o->per_if[iface]++;
	memcpy(o->frame[iface], f, len < 128 ? len : 128);
	o->last_src[iface] = (uint32_t)f[26] << 24 | (uint32_t)f[27] << 16 |
	    (uint32_t)f[28] << 8 | f[29];
	o->last_dst[iface] = (uint32_t)f[30] << 24 | (uint32_t)f[31] << 16 |
	    (uint32_t)f[32] << 8 | f[33];
	if (len >= 38) {
		o->last_sport[iface] = (uint16_t)(f[34] << 8 | f[35]);
		o->last_dport[iface] = (uint16_t)(f[36] << 8 | f[37]);
	}
}

static void
syn(struct gen_pkt *g, uint32_t src, uint32_t dst, uint16_t sport)
{
	static const uint8_t cmac[6] = { 0x02, 0, 0, 0, 0, 1 };

	memset(g, 0, sizeof(*g));
	memcpy(g->smac, cmac, 6);
	g->src = src;
	g->dst = dst;
	g->sport = sport;
	g->dport = 443;
	g->proto = 6;
	g->flags = 0x02;
	g->seq = 1000;
}

static void
pcc_split(const char *path, int ros)
{
	struct cfg *c;
	struct scr_env *env;
	struct eng *e = lab_file(path, ros, &c, &env);
	struct replay r;
	struct out o;
	uint8_t buf[128];
	int wan[3], i, k;
	uint32_t wan_addr[3] = { 0xac110002, 0xac120002, 0xac130002 };

	memset(&o, 0, sizeof(o));
	replay_init(&r, e, sink, &o);
	wan[0] = eng_if_index(e, "ether1");
	wan[1] = eng_if_index(e, "ether2");
	wan[2] = eng_if_index(e, "ether3");
	for (i = 0; i < 30000; i++) {
		struct gen_pkt g;
		size_t n;

		/* 200 clients x 150 remote hosts (198.51.100.x): distinct
		 * pairs */
		syn(&g, 0x0a001902 + (uint32_t)(i / 150),
		    0xc6336400 + (uint32_t)(i % 150), 40000);
		n = gen_frame(buf, sizeof(buf), &g);
		replay_frame(&r, (int64_t)i * 1000, buf, n, -1);
	}
	ck_assert_uint_eq(r.forwarded, 30000);
	for (k = 0; k < 3; k++) {
		double share = (double)o.per_if[wan[k]] / 30000.0;

		ck_assert_msg(share > 0.313 && share < 0.353,
		    "WAN%d share %.4f", k + 1, share);
		/* masquerade: every packet leaving a WAN has its address */
		ck_assert_uint_eq(o.last_src[wan[k]], wan_addr[k]);
	}
	eng_free(e);
	scr_env_free(env);
	cfg_free(c);
}

/* the far side's SYN-ACK to the SYN in g */
static void
answer(struct gen_pkt *g)
{
	uint32_t a = g->src;
	uint16_t port = g->sport;

	g->src = g->dst;
	g->dst = a;
	g->sport = g->dport;
	g->dport = port;
	g->flags = 0x12;
}

START_TEST(test_pcc_split)
{
	pcc_split(SRCDIR "/examples/slides-lab.rsc", 6);
}
END_TEST

/* the same lab in RouterOS 7 form: /routing table + routing-table= */
START_TEST(test_pcc_split_v7)
{
	pcc_split(SRCDIR "/examples/slides-lab-v7.rsc", 7);
}
END_TEST

START_TEST(test_reply_returns)
{
	struct cfg *c;
	struct scr_env *env;
	struct eng *e = lab(&c, &env);
	struct replay r;
	struct out o;
	struct gen_pkt g;
	uint8_t buf[128];
	size_t n;
	int lan = eng_if_index(e, "ether5"), out;

	memset(&o, 0, sizeof(o));
	replay_init(&r, e, sink, &o);
	syn(&g, 0x0a001902, 0xc6336401, 50000);		/* 10.0.25.2 -> .1 */
	n = gen_frame(buf, sizeof(buf), &g);
	out = replay_frame(&r, 0, buf, n, -1);
	ck_assert_int_ge(out, 0);
	ck_assert_int_ne(out, lan);
	/* the server's SYN-ACK as the LAN-side capture shows it */
	answer(&g);
	n = gen_frame(buf, sizeof(buf), &g);
	ck_assert_int_eq(replay_frame(&r, 1000000, buf, n, -1), lan);
	ck_assert_uint_eq(o.last_src[lan], 0xc6336401);
	eng_free(e);
	scr_env_free(env);
	cfg_free(c);
}
END_TEST

/*
 * Share of connections per connection mark after 30,000 connections
 * between distinct pairs from LAN 10.0.0.0/24 (the guide's dual-WAN
 * configuration, examples/guide-dual-wan.rsc) with extra console text.
 */
static void
run_file(struct scr_env *env, const char *path)
{
	size_t len;
	char *t = util_read_file(path, &len);

	ck_assert_ptr_nonnull(t);
	env->cwd = sch_root();
	ck_assert_int_eq(scr_run_text(env, path, t, len), 0);
	free(t);
}

/* the guide's dual-WAN configuration, then extra console text and a file */
static struct eng *
guide(struct cfg **cp, struct scr_env **ep, const char *extra,
    const char *file)
{
	struct eng *e = lab_file(SRCDIR "/examples/guide-dual-wan.rsc", 6, cp,
	    ep);

	(*ep)->cwd = sch_root();
	if (extra)
		ck_assert_int_eq(scr_run_text(*ep, NULL, extra, strlen(extra)),
		    0);
	if (file)
		run_file(*ep, file);
	eng_commit(e);
	return e;
}


static void
guide_split(const char *extra, const char *file, const char *const *marks,
    const double *want, int n)
{
	size_t nc, i;
	struct cfg *c;
	struct scr_env *env;
	struct eng *e = guide(&c, &env, extra, file);
	struct replay r;
	struct ct_conn **v;
	double cnt[8] = { 0 };
	uint8_t buf[128];
	int k;

	replay_init(&r, e, NULL, NULL);
	for (i = 0; i < 30000; i++) {
		struct gen_pkt g;

		syn(&g, 0x0a000032 + (uint32_t)(i / 150),	/* 10.0.0.50 */
		    0xcb007100 + (uint32_t)(i % 150), 40000);	/* 203.0.113 */
		replay_frame(&r, (int64_t)i * 1000, buf,
		    gen_frame(buf, sizeof(buf), &g), -1);
	}
	v = ct_list(e->ct, &nc);
	for (i = 0; i < nc; i++)
		for (k = 0; k < n; k++)
			if (eng_mark_name(e, v[i]->conn_mark) &&
			    !strcmp(eng_mark_name(e, v[i]->conn_mark), marks[k]))
				cnt[k]++;
	free(v);
	ck_assert_uint_eq(nc, 30000);
	for (k = 0; k < n; k++)
		ck_assert_msg(cnt[k] / 30000.0 > want[k] - 0.02 &&
		    cnt[k] / 30000.0 < want[k] + 0.02, "%s share %.4f (want %.3f)",
		    marks[k], cnt[k] / 30000.0, want[k]);
	eng_free(e);
	scr_env_free(env);
	cfg_free(c);
}

static const char *const dual[] = { "WAN1_conn", "WAN2_conn" };

START_TEST(test_guide_even)
{
	static const double w[] = { 0.5, 0.5 };

	guide_split("", NULL, dual, w, 2);
}
END_TEST

/* guide §weighted 2:1 (examples/guide/13): PCC 3/0, 3/1 -> WAN1, 3/2 -> WAN2 */
START_TEST(test_guide_2to1)
{
	static const double w[] = { 2.0 / 3, 1.0 / 3 };

	guide_split("", SRCDIR "/examples/guide/13-weighted-2to1.rsc", dual,
	    w, 2);
}
END_TEST

/* guide 5:2 (examples/guide/29): PCC 7/0..7/4 -> WAN1, 7/5, 7/6 -> WAN2 */
START_TEST(test_guide_5to2)
{
	static const double w[] = { 5.0 / 7, 2.0 / 7 };

	guide_split("/ip firewall mangle remove [find comment~\"PCC\"]\n",
	    SRCDIR "/examples/guide/29-enterprise-5to2-lte-failover.rsc", dual,
	    w, 2);
}
END_TEST

/*
 * Two LAN hosts use the same source port to the same server through one
 * masqueraded WAN: the second gets another port (the translated tuples
 * must differ) and each reply goes back to its own host.
 */
START_TEST(test_masquerade_port_clash)
{
	static const char cfgtext[] =
	    "/ip address add address=10.0.0.1/24 interface=ether2\n"
	    "/ip address add address=192.0.2.2/24 interface=ether1\n"
	    "/ip route add gateway=192.0.2.1\n"
	    "/ip firewall nat add chain=srcnat out-interface=ether1 "
	    "action=masquerade\n";
	struct cfg *c;
	struct scr_env *env;
	struct eng *e;
	struct replay r;
	struct out o;
	struct gen_pkt g;
	uint8_t buf[128];
	uint16_t p1, p2;
	int wan, lan;

	e = lab_text(cfgtext, 7, &c, &env);
	wan = eng_if_index(e, "ether1");
	lan = eng_if_index(e, "ether2");
	memset(&o, 0, sizeof(o));
	replay_init(&r, e, sink, &o);
	syn(&g, 0x0a000005, 0xc6336401, 5000);
	ck_assert_int_eq(replay_frame(&r, 0, buf, gen_frame(buf, sizeof(buf),
	    &g), -1), wan);
	p1 = o.last_sport[wan];
	syn(&g, 0x0a000006, 0xc6336401, 5000);
	ck_assert_int_eq(replay_frame(&r, 1000, buf, gen_frame(buf,
	    sizeof(buf), &g), -1), wan);
	p2 = o.last_sport[wan];
	ck_assert_uint_eq(o.last_src[wan], 0xc0000202);	/* 192.0.2.2 */
	ck_assert_uint_ne(p1, p2);
	/* the server answers host .6, then host .5 */
	answer(&g);				/* to host .6 */
	ck_assert_int_eq(replay_frame(&r, 2000, buf, gen_frame(buf,
	    sizeof(buf), &g), -1), lan);
	ck_assert_uint_eq(o.last_dst[lan], 0x0a000006);
	ck_assert_uint_eq(o.last_dport[lan], 5000);
	g.dst = 0x0a000005;
	ck_assert_int_eq(replay_frame(&r, 3000, buf, gen_frame(buf,
	    sizeof(buf), &g), -1), lan);
	ck_assert_uint_eq(o.last_dst[lan], 0x0a000005);
	eng_free(e);
	scr_env_free(env);
	cfg_free(c);
}
END_TEST

/*
 * Malformed frames through the whole engine: every truncation of a valid
 * TCP SYN, a bad IHL, a total length past the frame, a non-IP frame.  All
 * are counted and dropped, nothing crashes, and the router still forwards
 * the intact frame afterwards.
 */
START_TEST(test_malformed_counted)
{
	struct cfg *c;
	struct scr_env *env;
	struct eng *e = lab(&c, &env);
	struct replay r;
	struct gen_pkt g;
	uint8_t buf[128], bad[128];
	size_t n, cut;
	uint64_t expect = 0;

	replay_init(&r, e, NULL, NULL);
	syn(&g, 0x0a001902, 0xc6336401, 50000);
	n = gen_frame(buf, sizeof(buf), &g);
	for (cut = 0; cut < n; cut++) {
		/* 14..33: IP header cut; 34..53: TCP header cut */
		replay_frame(&r, 0, buf, cut, -1);
	}
	ck_assert_uint_eq(r.frames, n);
	ck_assert_uint_eq(r.forwarded, 0);
	expect = r.malformed;
	ck_assert_uint_ge(expect, n - 14);	/* every cut inside IP/TCP */
	memcpy(bad, buf, n);
	bad[14] = 0x44;				/* IHL 4 (< 5) */
	replay_frame(&r, 0, bad, n, -1);
	memcpy(bad, buf, n);
	bad[16] = 0x05;				/* total length past the frame */
	replay_frame(&r, 0, bad, n, -1);
	ck_assert_uint_eq(r.malformed, expect + 2);
	memcpy(bad, buf, n);
	bad[12] = 0x88;				/* EtherType 0x88cc (LLDP) */
	bad[13] = 0xcc;
	replay_frame(&r, 0, bad, n, -1);
	ck_assert_uint_eq(r.non_ip, 1);
	ck_assert_int_ge(replay_frame(&r, 0, buf, n, -1), 0);
	eng_free(e);
	scr_env_free(env);
	cfg_free(c);
}
END_TEST

/*
 * The guide's FastTrack caveat (examples/guide/24): with a fasttrack
 * rule, established connections skip mangle, so their routing mark is
 * gone and a connection PCC sent to WAN2 continues out of WAN1 (main).
 * Without the rule it stays on WAN2.
 */
static int
fasttrack_run(bool fasttrack)
{
	static const char ft[] = "/ip firewall filter add chain=forward "
	    "action=fasttrack-connection connection-state=established,related"
	    " place-before=0\n";
	struct cfg *c;
	struct scr_env *env;
	struct eng *e = guide(&c, &env, fasttrack ? ft : NULL, NULL);
	struct replay r;
	struct out o;
	struct gen_pkt g;
	uint8_t buf[128];
	int wan2, out = -1;
	uint32_t host;

	wan2 = eng_if_index(e, "WAN2");
	memset(&o, 0, sizeof(o));
	replay_init(&r, e, sink, &o);
	/* a host whose connection PCC sends out of WAN2 */
	for (host = 0x0a000032; out != wan2; host++) {
		ck_assert_uint_lt(host, 0x0a0000fe);
		syn(&g, host, 0xc6336401, 50000);
		out = replay_frame(&r, 0, buf, gen_frame(buf, sizeof(buf), &g),
		    -1);
	}
	host--;
	/* the answer comes back (connection established) */
	answer(&g);
	replay_frame(&r, 1000, buf, gen_frame(buf, sizeof(buf), &g), -1);
	/* the client's next packet */
	syn(&g, host, 0xc6336401, 50000);
	g.flags = 0x10;
	out = replay_frame(&r, 2000, buf, gen_frame(buf, sizeof(buf), &g), -1);
	eng_free(e);
	scr_env_free(env);
	cfg_free(c);
	return out == wan2;
}

START_TEST(test_fasttrack_caveat)
{
	ck_assert_int_eq(fasttrack_run(false), 1);	/* stays on WAN2 */
	ck_assert_int_eq(fasttrack_run(true), 0);	/* leaks to main */
}
END_TEST

/*
 * The guide's exceptions on its dual-WAN configuration: a scenario file
 * (examples/guide/15-18), then connections from hosts to one server; each
 * must get the mark the guide promises and leave by that WAN.
 */
struct scen {
	struct cfg *c;
	struct scr_env *env;
	struct eng *e;
	struct replay r;
};

static void
scen_open(struct scen *s, const char *file)
{
	s->e = guide(&s->c, &s->env, NULL, file);
	replay_init(&s->r, s->e, NULL, NULL);
}

static void
scen_close(struct scen *s)
{
	eng_free(s->e);
	scr_env_free(s->env);
	cfg_free(s->c);
}

/* one new connection; returns its mark name ("" for none) */
static const char *
scen_conn(struct scen *s, uint32_t src, uint32_t dst, uint8_t proto,
    uint16_t sport, uint16_t dport, const char *want_if)
{
	struct gen_pkt g;
	uint8_t buf[128];
	int out;
	struct ct_tuple t;
	struct ct_conn *cn;
	struct pkt p;
	int dir;

	syn(&g, src, dst, sport);
	g.proto = proto;
	g.dport = dport;
	out = replay_frame(&s->r, 0, buf, gen_frame(buf, sizeof(buf), &g), -1);
	if (want_if)
		ck_assert_msg(out == eng_if_index(s->e, want_if),
		    "%08x -> %08x left by %d, want %s", src, dst, out, want_if);
	memset(&p, 0, sizeof(p));
	gen_frame(buf, sizeof(buf), &g);
	pkt_decode(&p, buf, sizeof(buf));
	ct_tuple_from_pkt(&t, &p);
	cn = ct_find(s->e->ct, &t, &dir);
	ck_assert_ptr_nonnull(cn);
	return eng_mark_name(s->e, cn->conn_mark) ?
	    eng_mark_name(s->e, cn->conn_mark) : "";
}

START_TEST(test_guide_exceptions)
{
	struct scen s;
	uint32_t h;

	/* 15: VPN servers always via WAN1 */
	scen_open(&s, SRCDIR "/examples/guide/15-exception-vpn.rsc");
	for (h = 0x0a000032; h < 0x0a000046; h++)
		ck_assert_str_eq(scen_conn(&s, h, 0xcb00710a, 6, 40000, 443,
		    "WAN1"), "WAN1_conn");
	scen_close(&s);
	/* 16: SIP (udp 5060-5061) via WAN1 */
	scen_open(&s, SRCDIR "/examples/guide/16-exception-sip.rsc");
	for (h = 0x0a000032; h < 0x0a000046; h++)
		ck_assert_str_eq(scen_conn(&s, h, 0xc6336400 + h % 200, 17,
		    5060, 5060, "WAN1"), "WAN1_conn");
	scen_close(&s);
	/* 17: the server 10.0.0.50 always via WAN2 */
	scen_open(&s, SRCDIR "/examples/guide/17-exception-server.rsc");
	for (h = 1; h < 30; h++)
		ck_assert_str_eq(scen_conn(&s, 0x0a000032, 0xc6336400 + h, 6,
		    40000, 443, "WAN2"), "WAN2_conn");
	scen_close(&s);
	/* 18: private destinations are not balanced (no mark) */
	scen_open(&s, SRCDIR "/examples/guide/18-private-network-bypass.rsc");
	for (h = 0x0a000032; h < 0x0a000046; h++)
		ck_assert_str_eq(scen_conn(&s, h, 0xc0a80505, 6, 40000, 443,
		    NULL), "");
	scen_close(&s);
}
END_TEST

/*
 * The guide's output rules: a connection that comes in on WAN2 to the
 * router (WinBox on 192.168.2.2) is marked WAN2_conn by the in-interface
 * rule; the router's answers get routing mark route_WAN2 in the output
 * chain and leave by WAN2, not by main's default (WAN1).  (In the slide
 * deck's lab the "accept connected networks" rules come first, so its
 * output rules never see such a connection.)
 */
START_TEST(test_output_follows_mark)
{
	struct cfg *c;
	struct scr_env *env;
	struct eng *e = lab_file(SRCDIR "/examples/guide-dual-wan.rsc", 6, &c,
	    &env);
	struct replay r;
	struct gen_pkt g;
	struct eng_result res;
	struct pkt p;
	uint8_t buf[128];
	size_t n;
	int wan2 = eng_if_index(e, "WAN2");
	static const char allow[] = "/ip firewall filter add chain=input "
	    "protocol=tcp dst-port=8291 action=accept place-before=0";

	/* the guide's input filter drops WAN traffic: open WinBox */
	env->cwd = sch_root();
	ck_assert_int_eq(scr_run_text(env, NULL, allow, strlen(allow)), 0);
	eng_commit(e);
	replay_init(&r, e, NULL, NULL);
	syn(&g, 0xc6336407, 0xc0a80202, 51000);		/* to 192.168.2.2 */
	g.dport = 8291;
	n = gen_frame(buf, sizeof(buf), &g);
	replay_frame(&r, 0, buf, n, wan2);
	ck_assert_uint_eq(r.local, 1);
	/* the router answers */
	memset(&g, 0, sizeof(g));
	g.src = 0xc0a80202;
	g.dst = 0xc6336407;
	g.sport = 8291;
	g.dport = 51000;
	g.proto = 6;
	g.flags = 0x12;
	n = gen_frame(buf, sizeof(buf), &g);
	memset(&p, 0, sizeof(p));
	ck_assert_int_eq(pkt_decode(&p, buf, n), PD_NONE);
	ck_assert_int_eq(eng_output(e, &p, 1000, &res), wan2);
	ck_assert_str_eq(eng_mark_name(e, res.routing_mark), "route_WAN2");
	eng_free(e);
	scr_env_free(env);
	cfg_free(c);
}
END_TEST

/*
 * The router answers what is addressed to it: an ARP request for its LAN
 * address gets a reply on the LAN; a ping to its LAN address an echo
 * reply back to the client; a ping arriving on WAN2 (the guide lets ICMP
 * in once it is allowed) an echo reply that the output rules route back
 * out of WAN2 with its address, not by the main table's WAN1.
 */
START_TEST(test_router_answers)
{
	struct cfg *c;
	struct scr_env *env;
	struct eng *e = lab_file(SRCDIR "/examples/guide-dual-wan.rsc", 6, &c,
	    &env);
	struct replay r;
	struct out o;
	struct gen_pkt g;
	uint8_t buf[128], arp[42];
	size_t n;
	int lan = eng_if_index(e, "LAN"), wan2 = eng_if_index(e, "WAN2");
	static const char allow[] = "/ip firewall filter add chain=input "
	    "protocol=icmp action=accept place-before=0";
	static const uint8_t cmac[6] = { 0x02, 0, 0, 0, 0, 9 };

	env->cwd = sch_root();
	ck_assert_int_eq(scr_run_text(env, NULL, allow, strlen(allow)), 0);
	eng_commit(e);
	memset(&o, 0, sizeof(o));
	replay_init(&r, e, sink, &o);
	/* who-has 10.0.0.1 tell 10.0.0.9 */
	memset(arp, 0, sizeof(arp));
	memset(arp, 0xff, 6);
	memcpy(arp + 6, cmac, 6);
	arp[12] = 0x08; arp[13] = 0x06; arp[15] = 1; arp[16] = 0x08;
	arp[18] = 6; arp[19] = 4; arp[21] = 1;
	memcpy(arp + 22, cmac, 6);
	arp[28] = 10; arp[31] = 9;
	arp[38] = 10; arp[41] = 1;
	replay_frame(&r, 0, arp, sizeof(arp), -1);
	ck_assert_uint_eq(o.per_if[lan], 1);
	ck_assert_int_eq(o.frame[lan][21], 2);			/* reply */
	ck_assert_mem_eq(o.frame[lan], cmac, 6);		/* to the asker */
	ck_assert_mem_eq(o.frame[lan] + 22, e->ifs[lan].mac, 6);
	ck_assert_int_eq(o.frame[lan][31], 1);			/* 10.0.0.1 */
	/* ping 10.0.0.1 from the LAN */
	memset(&g, 0, sizeof(g));
	memcpy(g.smac, cmac, 6);
	memcpy(g.dmac, e->ifs[lan].mac, 6);
	g.src = 0x0a000009;
	g.dst = 0x0a000001;
	g.proto = 1;
	g.sport = 77;
	g.seq = 1;
	n = gen_frame(buf, sizeof(buf), &g);
	replay_frame(&r, 1000, buf, n, -1);
	ck_assert_uint_eq(r.answered, 2);
	ck_assert_uint_eq(o.per_if[lan], 2);
	ck_assert_uint_eq(o.last_src[lan], 0x0a000001);
	ck_assert_uint_eq(o.last_dst[lan], 0x0a000009);
	ck_assert_int_eq(o.frame[lan][34], 0);			/* echo reply */
	/* ping 192.168.2.2 from the Internet, arriving on WAN2 */
	g.src = 0xcb007105;
	g.dst = 0xc0a80202;
	n = gen_frame(buf, sizeof(buf), &g);
	replay_frame(&r, 2000, buf, n, wan2);
	ck_assert_uint_eq(r.answered, 3);
	ck_assert_uint_eq(o.per_if[wan2], 1);
	ck_assert_uint_eq(o.last_src[wan2], 0xc0a80202);
	ck_assert_uint_eq(o.last_dst[wan2], 0xcb007105);
	eng_free(e);
	scr_env_free(env);
	cfg_free(c);
}
END_TEST

/* an IPv6 TCP segment src -> dst (addresses' last bytes), flags */
static size_t
tcp6(uint8_t *b, uint8_t src_last, uint8_t dst_net, uint8_t dst_last,
    uint8_t src_net, uint8_t flags)
{
	memset(b, 0, 74);
	b[0] = 0x02;
	b[6] = 0x02;
	b[11] = 0x10;
	b[12] = 0x86;
	b[13] = 0xdd;
	b[14] = 0x60;
	b[19] = 20;			/* payload length */
	b[20] = 6;			/* TCP */
	b[21] = 64;
	b[22] = 0x20; b[23] = 0x01; b[24] = 0x0d; b[25] = 0xb8;
	b[27] = src_net;
	b[37] = src_last;
	b[38] = 0x20; b[39] = 0x01; b[40] = 0x0d; b[41] = 0xb8;
	b[43] = dst_net;
	b[53] = dst_last;
	b[54] = 0x9c; b[55] = 0x40;	/* 40000 */
	b[57] = 80;
	if (flags & 0x10) {		/* the answer: ports the other way */
		b[54] = 0; b[55] = 80;
		b[56] = 0x9c; b[57] = 0x40;
	}
	b[66] = 5 << 4;
	b[67] = flags;
	return 74;
}

/*
 * IPv6 is tracked and routed: a LAN host's SYN to 2001:db8:99::5 leaves
 * by the /ipv6 route's interface, the answer comes back to the host, a
 * packet to the router's own address is delivered, one without a route
 * is dropped and counted.
 */
START_TEST(test_ipv6_forward)
{
	struct cfg *c;
	struct scr_env *env;
	struct eng *e;
	struct replay r;
	struct out o;
	uint8_t b[80];
	size_t n;
	int lan, wan;
	static const char cfgtext[] =
	    "/ipv6 address add address=2001:db8:1::1/64 interface=ether5\n"
	    "/ipv6 address add address=2001:db8:2::2/64 interface=ether1\n"
	    "/ipv6 route add dst-address=2001:db8:99::/48 "
	    "gateway=2001:db8:2::1\n";

	e = lab_text(cfgtext, 6, &c, &env);
	lan = eng_if_index(e, "ether5");
	wan = eng_if_index(e, "ether1");
	memset(&o, 0, sizeof(o));
	replay_init(&r, e, sink, &o);
	n = tcp6(b, 0x10, 0x99, 5, 1, 0x02);		/* SYN out */
	ck_assert_int_eq(replay_frame(&r, 0, b, n, -1), wan);
	n = tcp6(b, 5, 1, 0x10, 0x99, 0x12);		/* SYN-ACK back */
	ck_assert_int_eq(replay_frame(&r, 1000, b, n, -1), lan);
	ck_assert_uint_eq(ct_count(e->ct), 1);
	n = tcp6(b, 0x10, 2, 2, 1, 0x02);		/* to the router */
	ck_assert_int_eq(replay_frame(&r, 2000, b, n, -1), -1);
	ck_assert_uint_eq(r.local, 1);
	n = tcp6(b, 0x10, 0x77, 5, 1, 0x02);		/* no route */
	ck_assert_int_eq(replay_frame(&r, 3000, b, n, -1), -1);
	ck_assert_uint_eq(e->drops[PD_NO_ROUTE], 1);
	eng_free(e);
	scr_env_free(env);
	cfg_free(c);
}
END_TEST

/*
 * The /ipv6 firewall: filter forward with established/related first, a
 * port, an address list and a source prefix, a final drop; filter input;
 * mangle marks IPv6 connections.
 */
START_TEST(test_ipv6_firewall)
{
	struct cfg *c;
	struct scr_env *env;
	struct eng *e;
	struct replay r;
	struct out o;
	uint8_t b[80];
	size_t n;
	int lan, wan;
	struct ct_conn **v;
	static const char cfgtext[] =
	    "/ipv6 address add address=2001:db8:1::1/64 interface=ether5\n"
	    "/ipv6 address add address=2001:db8:2::2/64 interface=ether1\n"
	    "/ipv6 route add dst-address=::/0 gateway=2001:db8:2::1\n"
	    "/ipv6 firewall address-list add list=blocked "
	    "address=2001:db8:99::6\n"
	    "/ipv6 firewall filter\n"
	    "add chain=forward connection-state=established,related "
	    "action=accept\n"
	    "add chain=forward protocol=tcp dst-port=23 action=drop\n"
	    "add chain=forward dst-address-list=blocked action=drop\n"
	    "add chain=forward src-address=2001:db8:1::/64 action=accept\n"
	    "add chain=forward action=drop\n"
	    "add chain=input protocol=tcp dst-port=80 action=drop\n"
	    "/ipv6 firewall mangle add chain=prerouting in-interface=ether5 "
	    "connection-state=new action=mark-connection "
	    "new-connection-mark=v6conn\n";

	e = lab_text(cfgtext, 6, &c, &env);
	lan = eng_if_index(e, "ether5");
	wan = eng_if_index(e, "ether1");
	memset(&o, 0, sizeof(o));
	replay_init(&r, e, sink, &o);
	n = tcp6(b, 0x10, 0x99, 5, 1, 0x02);		/* LAN -> :80 */
	ck_assert_int_eq(replay_frame(&r, 0, b, n, lan), wan);
	n = tcp6(b, 5, 1, 0x10, 0x99, 0x12);		/* its answer */
	ck_assert_int_eq(replay_frame(&r, 1000, b, n, wan), lan);
	v = ct_list(e->ct, &n);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(eng_mark_name(e, v[0]->conn_mark), "v6conn");
	free(v);
	n = tcp6(b, 0x11, 0x99, 5, 1, 0x02);		/* telnet: dropped */
	b[57] = 23;
	ck_assert_int_eq(replay_frame(&r, 2000, b, n, lan), -1);
	n = tcp6(b, 0x12, 0x99, 6, 1, 0x02);		/* listed: dropped */
	ck_assert_int_eq(replay_frame(&r, 3000, b, n, lan), -1);
	n = tcp6(b, 0x13, 1, 9, 0x77, 0x02);		/* from outside */
	ck_assert_int_eq(replay_frame(&r, 4000, b, n, wan), -1);
	ck_assert_uint_eq(e->drops[PD_FILTERED], 3);
	n = tcp6(b, 0x10, 2, 2, 1, 0x02);		/* router :80 */
	ck_assert_int_eq(replay_frame(&r, 5000, b, n, lan), -1);
	ck_assert_uint_eq(r.local, 0);
	ck_assert_uint_eq(e->drops[PD_FILTERED], 4);
	eng_free(e);
	scr_env_free(env);
	cfg_free(c);
}
END_TEST

/*
 * max-entries (v6 /ip firewall connection tracking set max-entries=):
 * with the table full of connections confirmed both ways, a new
 * connection is dropped and counted (PD_CT_FULL); unconfirmed entries
 * would be evicted first, as netfilter does.
 */
START_TEST(test_conntrack_full)
{
	struct cfg *c;
	struct scr_env *env;
	struct eng *e;
	struct replay r;
	struct gen_pkt g;
	uint8_t buf[128];
	static const char lim[] =
	    "/ip firewall connection tracking set max-entries=100";
	uint32_t i;

	e = lab(&c, &env);
	env->cwd = sch_root();
	ck_assert_int_eq(scr_run_text(env, NULL, lim, strlen(lim)), 0);
	eng_commit(e);
	replay_init(&r, e, NULL, NULL);
	for (i = 0; i < 100; i++) {
		syn(&g, 0x0a001902 + i % 100, 0xc6336401, 40000);
		replay_frame(&r, i, buf, gen_frame(buf, sizeof(buf), &g), -1);
		answer(&g);
		replay_frame(&r, i, buf, gen_frame(buf, sizeof(buf), &g), -1);
		syn(&g, 0x0a001902 + i % 100, 0xc6336401, 40000);
		g.flags = 0x10;				/* ACK: assured */
		replay_frame(&r, i, buf, gen_frame(buf, sizeof(buf), &g), -1);
	}
	ck_assert_uint_eq(ct_count(e->ct), 100);
	ck_assert_uint_eq(e->drops[PD_CT_FULL], 0);
	syn(&g, 0x0a0019f0, 0xc6336402, 40000);
	ck_assert_int_lt(replay_frame(&r, 200, buf, gen_frame(buf, sizeof(buf),
	    &g), -1), 0);
	ck_assert_uint_eq(e->drops[PD_CT_FULL], 1);
	ck_assert_uint_eq(ct_count(e->ct), 100);
	eng_free(e);
	scr_env_free(env);
	cfg_free(c);
}
END_TEST

/*
 * Generated traffic with the far side's answers (rosemu --generate): every
 * frame leaving a WAN carries that WAN's address, every answer reaches
 * its client on the LAN, nothing is dropped or unmatched.
 */
struct every {
	struct replay *r;
	struct eng *e;
	int lan, wan[3];
	uint32_t wan_addr[3];
	uint64_t bad_src, bad_dst, lan_out, wan_out;
};

static void
every_sink(void *arg, int iface, int64_t ts, const uint8_t *f, size_t len)
{
	struct every *v = arg;
	uint32_t src = (uint32_t)f[26] << 24 | (uint32_t)f[27] << 16 |
	    (uint32_t)f[28] << 8 | f[29];
	uint32_t dst = (uint32_t)f[30] << 24 | (uint32_t)f[31] << 16 |
	    (uint32_t)f[32] << 8 | f[33];
	int k;

	(void)ts;
	(void)len;
	if (iface == v->lan) {
		v->lan_out++;
		if ((dst & 0xffffff00) != 0x0a001900)
			v->bad_dst++;
		return;
	}
	v->wan_out++;
	for (k = 0; k < 3; k++)
		if (iface == v->wan[k] && src != v->wan_addr[k])
			v->bad_src++;
}

static int
every_emit(void *arg, int64_t ts, const uint8_t *f, size_t len)
{
	struct every *v = arg;

	replay_frame(v->r, ts, f, len, -1);
	return 0;
}

START_TEST(test_every_packet)
{
	struct cfg *c;
	struct scr_env *env;
	struct eng *e = lab(&c, &env);
	struct replay r;
	struct every v;
	struct gen_opts go;
	static const uint8_t rmac[6] = { 0x52, 0x54, 0, 0x12, 0x34, 0x5a };

	memset(&v, 0, sizeof(v));
	v.r = &r;
	v.e = e;
	v.lan = eng_if_index(e, "ether5");
	v.wan[0] = eng_if_index(e, "ether1");
	v.wan[1] = eng_if_index(e, "ether2");
	v.wan[2] = eng_if_index(e, "ether3");
	v.wan_addr[0] = 0xac110002;
	v.wan_addr[1] = 0xac120002;
	v.wan_addr[2] = 0xac130002;
	replay_init(&r, e, every_sink, &v);
	memset(&go, 0, sizeof(go));
	go.seed = 7;
	go.connections = 3000;
	go.clients = 50;
	go.remotes = 200;
	go.client_base = 0x0a001902;
	go.remote_base = 0xc6336401;
	go.tcp_pct = 80;
	go.udp_pct = 15;
	go.duration = 20000000000LL;
	memcpy(go.router_mac, rmac, 6);
	ck_assert_int_eq(gen_run(&go, every_emit, &v), 0);
	ck_assert_uint_eq(r.dropped, 0);
	ck_assert_uint_eq(r.unmatched, 0);
	ck_assert_uint_eq(r.malformed, 0);
	ck_assert_uint_eq(v.bad_src, 0);
	ck_assert_uint_eq(v.bad_dst, 0);
	ck_assert_uint_eq(v.lan_out + v.wan_out, r.frames);
	ck_assert_uint_gt(v.lan_out, 3000);
	eng_free(e);
	scr_env_free(env);
	cfg_free(c);
}
END_TEST

/*
 * --packets (gen_opts.packets): the capture holds exactly that many
 * frames (rounded up to even), the TCP connections are downloads whose
 * sequence and acknowledgement numbers follow each other, the
 * connections are those of the same options without it, the same
 * options give the same bytes, and it all goes through the lab.
 */
struct gflow {
	uint32_t client, server;
	uint16_t cport, sport;
	uint32_t next[2];	/* next sequence number: client, server */
	bool	 seen[2];
};

struct gcheck {
	struct every *v;	/* NULL: do not replay */
	uint64_t frames, tcp_frames, bad_seq, bad_ack, big, digest;
	struct gflow flows[512];
	size_t	 n;
	uint32_t syn_digest;	/* over the SYNs' tuples, in order */
};

static uint32_t
rd32be(const uint8_t *b)
{
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
	    (uint32_t)b[2] << 8 | b[3];
}

static struct gflow *
gflow_of(struct gcheck *g, uint32_t client, uint16_t cport, uint32_t server,
    uint16_t sport)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		if (g->flows[i].client == client && g->flows[i].server ==
		    server && g->flows[i].cport == cport &&
		    g->flows[i].sport == sport)
			return &g->flows[i];
	ck_assert_uint_lt(g->n, NELEM(g->flows));
	memset(&g->flows[g->n], 0, sizeof(g->flows[0]));
	g->flows[g->n].client = client;
	g->flows[g->n].server = server;
	g->flows[g->n].cport = cport;
	g->flows[g->n].sport = sport;
	return &g->flows[g->n++];
}

static int
gcheck_emit(void *arg, int64_t ts, const uint8_t *f, size_t len)
{
	struct gcheck *g = arg;
	const uint8_t *ip = f + 14, *th = ip + 20;
	size_t i;

	g->frames++;
	for (i = 0; i < len; i++)
		g->digest = (g->digest ^ f[i]) * 1099511628211ULL;
	g->digest ^= (uint64_t)ts;
	if (g->v)
		replay_frame(g->v->r, ts, f, len, -1);
	if (len >= 54 && ip[9] == 6) {
		uint32_t src = rd32be(ip + 12), dst = rd32be(ip + 16);
		uint16_t sp = (uint16_t)(th[0] << 8 | th[1]);
		uint16_t dp = (uint16_t)(th[2] << 8 | th[3]);
		uint32_t seq = rd32be(th + 4), ack = rd32be(th + 8);
		uint8_t fl = th[13];
		int from = (src >> 8) == 0x0a0019 ? 0 : 1;
		struct gflow *fw = from == 0 ? gflow_of(g, src, sp, dst, dp) :
		    gflow_of(g, dst, dp, src, sp);
		uint32_t pl = (uint32_t)(ip[2] << 8 | ip[3]) - 40;

		g->tcp_frames++;
		if (pl == 1448)
			g->big++;
		if (fl == 0x02)
			g->syn_digest = g->syn_digest * 31 + src + sp + dst +
			    dp;
		if (fw->seen[from] && seq != fw->next[from])
			g->bad_seq++;
		if ((fl & 0x10) && fw->seen[!from] && ack != fw->next[!from])
			g->bad_ack++;
		fw->seen[from] = true;
		fw->next[from] = seq + pl + (fl & 0x03 ? 1 : 0);
	}
	return 0;
}

static void
gen_lab_opts(struct gen_opts *go, uint64_t packets)
{
	static const uint8_t rmac[6] = { 0x52, 0x54, 0, 0x12, 0x34, 0x5a };

	memset(go, 0, sizeof(*go));
	go->seed = 11;
	go->connections = 300;
	go->clients = 20;
	go->remotes = 100;
	go->client_base = 0x0a001902;
	go->remote_base = 0xc6336401;
	go->tcp_pct = 80;
	go->udp_pct = 15;
	go->duration = 5000000000LL;
	go->packets = packets;
	memcpy(go->router_mac, rmac, 6);
}

START_TEST(test_generate_packets)
{
	struct cfg *c;
	struct scr_env *env;
	struct eng *e = lab(&c, &env);
	struct replay r;
	struct every v;
	struct gen_opts go;
	struct gcheck *g = xcalloc(1, sizeof(*g));
	struct gcheck *g2 = xcalloc(1, sizeof(*g2));
	uint64_t base;

	/* without it: the frame count the connections need alone */
	gen_lab_opts(&go, 0);
	ck_assert_int_eq(gen_run(&go, gcheck_emit, g), 0);
	base = g->frames;
	ck_assert_uint_lt(base, 20000);
	ck_assert_uint_eq(g->big, 0);

	memset(&v, 0, sizeof(v));
	v.r = &r;
	v.e = e;
	v.lan = eng_if_index(e, "ether5");
	v.wan[0] = eng_if_index(e, "ether1");
	v.wan[1] = eng_if_index(e, "ether2");
	v.wan[2] = eng_if_index(e, "ether3");
	v.wan_addr[0] = 0xac110002;
	v.wan_addr[1] = 0xac120002;
	v.wan_addr[2] = 0xac130002;
	replay_init(&r, e, every_sink, &v);
	memset(g2, 0, sizeof(*g2));
	g2->v = &v;
	gen_lab_opts(&go, 20000);
	ck_assert_int_eq(gen_run(&go, gcheck_emit, g2), 0);
	ck_assert_uint_eq(g2->frames, 20000);
	ck_assert_uint_eq(g2->bad_seq, 0);
	ck_assert_uint_eq(g2->bad_ack, 0);
	ck_assert_uint_gt(g2->big, 5000);	/* downloads: full segments */
	/* the same connections, opened in the same order */
	ck_assert_uint_eq(g2->syn_digest, g->syn_digest);
	/* through the slide lab: nothing dropped, every answer matched */
	ck_assert_uint_eq(r.frames, 20000);
	ck_assert_uint_eq(r.dropped, 0);
	ck_assert_uint_eq(r.unmatched, 0);
	ck_assert_uint_eq(r.malformed, 0);
	ck_assert_uint_eq(v.bad_src, 0);
	ck_assert_uint_eq(v.bad_dst, 0);
	ck_assert_uint_eq(v.lan_out + v.wan_out, 20000);

	/* deterministic; an odd target rounds up; a small one adds none */
	memset(g, 0, sizeof(*g));
	ck_assert_int_eq(gen_run(&go, gcheck_emit, g), 0);
	ck_assert_uint_eq(g->digest, g2->digest);
	memset(g, 0, sizeof(*g));
	go.packets = 20001;
	ck_assert_int_eq(gen_run(&go, gcheck_emit, g), 0);
	ck_assert_uint_eq(g->frames, 20002);
	memset(g, 0, sizeof(*g));
	go.packets = base - 100;
	ck_assert_int_eq(gen_run(&go, gcheck_emit, g), 0);
	ck_assert_uint_eq(g->frames, base);
	free(g);
	free(g2);
	eng_free(e);
	scr_env_free(env);
	cfg_free(c);
}
END_TEST

/* an ICMP destination-unreachable from router `from` to `to`, quoting
 * the first 28 bytes of the IPv4 packet in frame q (Ethernet) */
static size_t
icmp_error(uint8_t *buf, uint32_t from, uint32_t to, const uint8_t *q)
{
	struct gen_pkt g;
	size_t n;

	memset(&g, 0, sizeof(g));
	g.src = from;
	g.dst = to;
	g.proto = 1;
	g.payload = 28;
	n = gen_frame(buf, 128, &g);
	buf[34] = 3;				/* destination unreachable */
	buf[35] = 1;				/* host unreachable */
	memset(buf + 36, 0, 6);			/* checksum, unused */
	memcpy(buf + 42, q + 14, 28);		/* IP header + 8 bytes */
	gen_icmp_csum(buf + 34, n - 34);
	return n;
}

/*
 * An ICMP error from a router in the path about a client's connection is
 * related: it comes back to the client with the quoted packet translated
 * back to the client's own address and port.
 */
START_TEST(test_icmp_error_related)
{
	struct cfg *c;
	struct scr_env *env;
	struct eng *e = lab(&c, &env);
	struct replay r;
	struct out o;
	struct gen_pkt g;
	uint8_t syn_frame[128], buf[128];
	size_t n;
	int lan = eng_if_index(e, "ether5");

	memset(&o, 0, sizeof(o));
	replay_init(&r, e, sink, &o);
	syn(&g, 0x0a001902, 0xc6336401, 50000);
	n = gen_frame(syn_frame, sizeof(syn_frame), &g);
	memcpy(buf, syn_frame, n);
	ck_assert_int_ge(replay_frame(&r, 0, buf, n, -1), 0);
	/* as the LAN-side capture shows it: to the client, quoting its SYN */
	n = icmp_error(buf, 0xcb007163, 0x0a001902, syn_frame);
	ck_assert_int_eq(replay_frame(&r, 1000, buf, n, -1), lan);
	ck_assert_uint_eq(r.unmatched, 0);
	ck_assert_uint_eq(o.last_dst[lan], 0x0a001902);
	ck_assert_uint_eq(o.last_src[lan], 0xcb007163);	/* the router */
	/* the quoted packet: from the client's own address and port */
	ck_assert_mem_eq(o.frame[lan] + 54, syn_frame + 26, 4);
	ck_assert_mem_eq(o.frame[lan] + 62, syn_frame + 34, 2);
	eng_free(e);
	scr_env_free(env);
	cfg_free(c);
}
END_TEST

/*
 * The guide's ISP variant (examples/guide/30): per-connection-classifier
 * src-address:2/x keeps each customer on one transit whatever it talks
 * to, and customers split about evenly.
 */
START_TEST(test_guide_src_address)
{
	static const char base[] =
	    "/interface bridge add name=bridge-customers\n"
	    "/ip address add address=10.0.0.1/24 interface=bridge-customers\n"
	    "/ip address add address=192.0.2.2/24 interface=ether1\n"
	    "/ip route add gateway=192.0.2.1\n";
	struct cfg *c;
	struct scr_env *env;
	struct eng *e;
	struct replay r;
	struct gen_pkt g;
	uint8_t buf[128];
	uint32_t cust, d, n1 = 0;

	sch_init(6);
	c = cfg_new(6);
	env = scr_env_new(c, 6, stdout);
	ck_assert_int_eq(scr_run_text(env, NULL, base, strlen(base)), 0);
	run_file(env, SRCDIR "/examples/guide/30-isp-src-address.rsc");
	e = eng_new(c, 6, 0);
	replay_init(&r, e, NULL, NULL);
	for (cust = 2; cust < 202; cust++) {
		const char *first = NULL;

		for (d = 1; d <= 20; d++) {
			struct ct_tuple t;
			struct ct_conn *cn;
			struct pkt p;
			int dir;
			const char *mk;

			syn(&g, 0x0a000000 + cust, 0xc6336400 + d, 40000);
			replay_frame(&r, 0, buf, gen_frame(buf, sizeof(buf), &g),
			    -1);
			memset(&p, 0, sizeof(p));
			gen_frame(buf, sizeof(buf), &g);
			pkt_decode(&p, buf, sizeof(buf));
			ct_tuple_from_pkt(&t, &p);
			cn = ct_find(e->ct, &t, &dir);
			ck_assert_ptr_nonnull(cn);
			mk = eng_mark_name(e, cn->conn_mark);
			ck_assert_ptr_nonnull(mk);
			if (first == NULL)
				first = mk;
			ck_assert_str_eq(mk, first);	/* sticky per customer */
		}
		n1 += !strcmp(first, "Transit1_conn");
	}
	ck_assert_msg(n1 > 80 && n1 < 120, "Transit1 customers %u of 200", n1);
	eng_free(e);
	scr_env_free(env);
	cfg_free(c);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("lab");
	TCase *tc = tcase_create("slides");
	SRunner *sr;
	int nf;

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_pcc_split);
	tcase_add_test(tc, test_pcc_split_v7);
	tcase_add_test(tc, test_reply_returns);
	tcase_add_test(tc, test_guide_even);
	tcase_add_test(tc, test_guide_2to1);
	tcase_add_test(tc, test_guide_5to2);
	tcase_add_test(tc, test_masquerade_port_clash);
	tcase_add_test(tc, test_malformed_counted);
	tcase_add_test(tc, test_fasttrack_caveat);
	tcase_add_test(tc, test_guide_exceptions);
	tcase_add_test(tc, test_output_follows_mark);
	tcase_add_test(tc, test_router_answers);
	tcase_add_test(tc, test_ipv6_forward);
	tcase_add_test(tc, test_ipv6_firewall);
	tcase_add_test(tc, test_conntrack_full);
	tcase_add_test(tc, test_every_packet);
	tcase_add_test(tc, test_generate_packets);
	tcase_add_test(tc, test_icmp_error_related);
	tcase_add_test(tc, test_guide_src_address);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	nf = srunner_ntests_failed(sr);
	srunner_free(sr);
	return nf ? EXIT_FAILURE : EXIT_SUCCESS;
}
