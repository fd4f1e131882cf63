/*
 * DOC: emu - the command line's packet options (DESIGN.md "Command line"):
 * --replay [IFACE=]FILE.pcap, --write-pcaps DIR, --pcc-seed N|random,
 * --at TIME 'COMMANDS' and --generate OUT.pcap.  main.c parses them into
 * struct emu_opts; this file runs them against the loaded configuration.
 *
 * --at times are virtual time since the first frame of the replay; their
 * commands run (and the engine recompiles) before the first frame at or
 * after that time.  The engine stays for the session (struct emu): after
 * the replay /ip firewall connection shows its table, kept current
 * before every command of that menu, and "remove" there removes
 * connections.
 */
#include <sys/stat.h>

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "emu.h"
#include "eng.h"
#include "gen.h"
#include "io.h"
#include "replay.h"
#include "script.h"

/*
 * The session's router: one engine per scr_env, made on first use and
 * kept, so the connection table, address lists and counters a replay
 * leaves are there for the commands that follow (and for the next
 * replay, as on a router that keeps running).
 */
struct emu {
	struct eng *e;
	struct eng_world world;	/* failover.c: what answers, links, timers */
	uint64_t gen;		/* cfg->gen the engine was compiled from */
	/* /ip firewall connection items of the last sync -> connections */
	uint32_t *map_id;
	struct ct_conn **map_conn;
	size_t	 nmap;
};

static int
hook_route_active(void *arg, const struct sch_menu *m,
    const struct cfg_item *it)
{
	return emu_route_active(arg, m, it);
}

static bool
hook_link_down(void *arg, const char *ifname)
{
	struct scr_env *env = arg;

	return env->emu && eng_world_linkdown(&env->emu->world, ifname);
}

static bool
hook_gw_down(void *arg, uint32_t gw)
{
	struct scr_env *env = arg;

	return env->emu && eng_world_gwdown(&env->emu->world, gw);
}

static bool
hook_route_via(void *arg, const struct sch_menu *m, const struct cfg_item *it,
    struct strbuf *sb)
{
	struct scr_env *env = arg;
	struct eng *e;
	const char *gw = cfg_get(m, it, "gateway");
	uint32_t ip;
	size_t i;

	if (env->check || gw == NULL || sch_ip4_parse(gw, &ip) < 0)
		return false;
	e = emu_engine(env);
	if (eng_connected_if(e, ip) >= 0)
		return false;
	for (i = 0; i < e->nrt; i++)
		if (e->rt[i].item == it && e->rt[i].ngw > 0 &&
		    e->rt[i].gw_if[0] >= 0) {
			sch_ip4_print(e->rt[i].gw[0], sb);
			sb_addf(sb, " %s", e->ifs[e->rt[i].gw_if[0]].name);
			return true;
		}
	return false;
}

/* print asks the engine for a route's state from now on */
void
emu_attach(struct scr_env *env)
{
	env->cfg->hooks.route_active = hook_route_active;
	env->cfg->hooks.link_down = hook_link_down;
	env->cfg->hooks.gw_down = hook_gw_down;
	env->cfg->hooks.route_via = hook_route_via;
	env->cfg->hooks.arg = env;
}

/* action=log, log=yes: to /log as RouterOS's firewall topic */
static void
fw_log(void *arg, const char *line)
{
	scr_log_topics(arg, "firewall,info", line);
}

struct eng *
emu_engine(struct scr_env *env)
{
	struct emu *u = env->emu;

	if (u == NULL) {
		u = env->emu = xcalloc(1, sizeof(*u));
		u->world.next_probe = -1;
		u->e = eng_new(env->cfg, env->ros, env->pcc_seed);
		u->e->world = &u->world;
		u->e->log = fw_log;
		u->e->log_arg = env;
		u->gen = env->cfg->gen - 1;
	}
	if (u->gen != env->cfg->gen) {
		u->gen = env->cfg->gen;
		eng_commit(u->e);
		if (u->e->masq_flushed) {
			char t[64];

			snprintf(t, sizeof(t), "%zu masquerade connection%s "
			    "flushed", u->e->masq_flushed,
			    u->e->masq_flushed == 1 ? "" : "s");
			emu_timeline_add(env, t);
		}
	}
	return u->e;
}

void
emu_free(struct scr_env *env)
{
	struct emu *u = env->emu;

	if (env->cfg && env->cfg->hooks.arg == env)
		memset(&env->cfg->hooks, 0, sizeof(env->cfg->hooks));
	if (u == NULL)
		return;
	eng_free(u->e);
	emu_world_free(&u->world);
	free(u->map_id);
	free(u->map_conn);
	free(u);
	env->emu = NULL;
}

struct eng_world *
emu_world(struct scr_env *env)
{
	emu_engine(env);
	return &env->emu->world;
}

static bool
is_conn_menu(const struct sch_menu *m)
{
	return m->def && !strcmp(m->path, "/ip/firewall/connection");
}

/* the connection table as the router has it now, into the menu */
static void
conn_sync(struct scr_env *env)
{
	struct emu *u = env->emu;
	struct sch_node *n = sch_lookup("/ip/firewall/connection");
	struct sch_menu *m = n ? sch_menu_of(n) : NULL;
	struct cfg_list *l;
	uint64_t gen = env->cfg->gen;
	size_t i;

	free(u->map_id);
	free(u->map_conn);
	u->map_conn = eng_sync_connections(emu_engine(env), env->now,
	    &u->nmap);
	u->map_id = xcalloc(u->nmap + 1, sizeof(*u->map_id));
	l = m ? cfg_list(env->cfg, m) : NULL;
	for (i = 0; l && i < u->nmap && i < l->n; i++)
		u->map_id[i] = l->items[i]->id;
	env->cfg->gen = gen;	/* a snapshot, not a configuration change */
}

void
emu_menu_before(struct scr_env *env, const struct sch_menu *m,
    const char *cmd)
{
	(void)cmd;
	if (env->emu && is_conn_menu(m))
		conn_sync(env);
}

/* "remove" of connection items removes the connections (§4) */
void
emu_menu_after(struct scr_env *env, const struct sch_menu *m,
    const char *cmd)
{
	struct emu *u = env->emu;
	size_t i;

	if (m->def && !strcmp(m->path, "/tool/netwatch") &&
	    strcmp(cmd, "print") && strcmp(cmd, "get") && strcmp(cmd, "find")
	    && strcmp(cmd, "export")) {
		emu_netwatch_sync(env);		/* a changed entry: unknown */
		return;
	}
	if (u == NULL || !is_conn_menu(m) || strcmp(cmd, "remove") != 0)
		return;
	for (i = 0; i < u->nmap; i++) {
		struct cfg_item *it = cfg_by_id(env->cfg, m, u->map_id[i]);

		if (it == NULL || (it->flags & CI_DEAD))
			ct_remove(u->e->ct, u->map_conn[i]);
	}
	conn_sync(env);
}

struct sinkctx {
	struct eng *e;
	struct io_pcap_dir *dir;
	struct strbuf *err;
	int	 failed;
};

static void
sink(void *arg, int iface, int64_t ts, const uint8_t *f, size_t len)
{
	struct sinkctx *s = arg;

	if (s->dir && iface >= 0 && iface < s->e->nif &&
	    io_pcap_dir_write(s->dir, s->e->ifs[iface].name, ts, f, len,
	    s->err) < 0)
		s->failed = 1;
}

/* --write-pcaps DIR: made if missing (not its parents); NULL: printed */
static struct io_pcap_dir *
pcap_dir(const char *dir)
{
	if (mkdir(dir, 0777) < 0 && errno != EEXIST) {
		fprintf(stderr, "rosemu: %s: %s\n", dir, strerror(errno));
		return NULL;
	}
	return io_pcap_dir_new(dir);
}

/* an --at event: the clock to its time, its commands, a recompile */
static int
run_at(struct scr_env *env, int64_t when, const struct emu_at *at)
{
	scr_clock_advance(env, when);
	env->cwd = sch_root();
	if (scr_run_text(env, NULL, at->commands, strlen(at->commands)) < 0) {
		fprintf(stderr, "%s\n", env->err);
		return -1;
	}
	emu_engine(env);
	return 0;
}

uint32_t
emu_seed(const char *s)
{
	if (s == NULL)
		return 0;
	if (!strcmp(s, "random"))	/* mimics a reboot (DESIGN.md) */
		return (uint32_t)time(NULL) * 2654435761u;
	return (uint32_t)strtoul(s, NULL, 0);
}

/*
 * The router's clock follows the capture: frame times are the clock at
 * the start of the replay plus the time since the first frame, and the
 * scheduler runs as the clock passes its events (checked once a second
 * of virtual time: its resolution).
 */
#define CLOCK_STEP	1000000000LL

int
emu_replay(struct scr_env *env, const struct emu_opts *o)
{
	struct strbuf err = STRBUF_INIT;
	struct eng *e;
	struct io_merge *mg = io_merge_new();
	int *ifmap = xcalloc(o->n_replay + 1, sizeof(*ifmap));
	struct sinkctx sc = { NULL, NULL, &err, 0 };
	struct replay r;
	struct io_frame fr;
	size_t i, next_at = 0;
	int64_t t0 = -1, now, base, due = -1;
	bool due_known = false;
	int rc = 0, k;

	if (o->pcc_seed && env->emu == NULL)
		env->pcc_seed = emu_seed(o->pcc_seed);
	e = sc.e = emu_engine(env);
	now = base = env->now;
	for (i = 0; i < o->n_replay; i++) {
		const char *spec = o->replay[i], *eq = strchr(spec, '=');
		struct io_pcap_in *in;

		ifmap[i] = -1;
		if (eq) {
			char name[64];

			snprintf(name, sizeof(name), "%.*s", (int)(eq - spec),
			    spec);
			ifmap[i] = eng_if_index(e, name);
			if (ifmap[i] < 0) {
				fprintf(stderr, "rosemu: --replay: no interface "
				    "%s\n", name);
				rc = 1;
				goto out;
			}
			spec = eq + 1;
		}
		if ((in = io_pcap_open(spec, &err)) == NULL) {
			fprintf(stderr, "rosemu: %s\n", sb_str(&err));
			rc = 1;
			goto out;
		}
		io_merge_add_take(mg, in);
	}
	if (o->write_pcaps) {
		if ((sc.dir = pcap_dir(o->write_pcaps)) == NULL) {
			rc = 1;
			goto out;
		}
		for (k = 0; k < e->nif; k++)
			if (io_pcap_dir_touch(sc.dir, e->ifs[k].name, &err) < 0) {
				fprintf(stderr, "rosemu: %s\n", sb_str(&err));
				rc = 1;
				goto out;
			}
	}
	replay_init(&r, e, sink, &sc);
	while ((k = io_merge_next(mg, &fr, &err)) > 0) {
		if (t0 < 0)
			t0 = fr.ts;
		now = base + (fr.ts - t0);
		while (next_at < o->n_at && base + o->at[next_at].at <= now) {
			if (run_at(env, base + o->at[next_at].at,
			    &o->at[next_at]) < 0) {
				rc = 1;
				goto out;
			}
			next_at++;
			due_known = false;
		}
		/* a timer due (a probe deciding a gateway's fate) runs
		 * before the frame that follows it */
		if (!due_known) {
			due = scr_clock_next(env);
			due_known = true;
		}
		if (now >= env->now + CLOCK_STEP || (due >= 0 && now >= due)) {
			scr_clock_advance(env, now);
			emu_engine(env);	/* scripts may have changed it */
			due_known = false;
		}
		replay_frame(&r, now, fr.buf, fr.len, ifmap[fr.src]);
	}
	if (k < 0) {
		fprintf(stderr, "rosemu: %s\n", sb_str(&err));
		rc = 1;
	}
	scr_clock_advance(env, now);
	/* --at events after the last frame still run, in order */
	while (rc == 0 && next_at < o->n_at) {
		if (run_at(env, base + o->at[next_at].at, &o->at[next_at]) < 0)
			rc = 1;
		next_at++;
	}
	conn_sync(env);
out:
	if (sc.dir && io_pcap_dir_free(sc.dir, &err) < 0) {
		fprintf(stderr, "rosemu: %s\n", sb_str(&err));
		rc = 1;
	}
	if (sc.failed)
		rc = 1;
	io_merge_free(mg);
	free(ifmap);
	sb_fini(&err);
	return rc;
}

/* ---- live mode: TAP devices on the wall clock ---- */

static volatile sig_atomic_t live_stop;

static void
live_signal(int sig)
{
	(void)sig;
	live_stop = 1;
}

struct live {
	struct scr_env *env;
	struct replay r;
	int	*fd;		/* per engine interface, -1: none */
	int	 nfd;
	struct sinkctx sc;	/* --write-pcaps too */
	struct strbuf err;
	int	 failed;
};

static void
live_sink(void *arg, int iface, int64_t ts, const uint8_t *f, size_t len)
{
	struct live *lv = arg;

	if (iface >= 0 && iface < lv->nfd && lv->fd[iface] >= 0 &&
	    io_tap_write(lv->fd[iface], f, len, &lv->err) < 0)
		lv->failed = 1;
	sink(&lv->sc, iface, ts, f, len);
}

/* an echo request from the router (check-gateway, netwatch) */
static int
live_send_probe(void *arg, uint32_t dst)
{
	struct live *lv = arg;
	struct eng *e = lv->r.e;
	struct gen_pkt g;
	uint8_t buf[128];
	static uint16_t seq;
	int out = eng_connected_if(e, dst);

	if (out < 0) {			/* the routed way: its interface */
		const struct eng_route *rt;
		int gwi = 0;

		rt = eng_route_lookup(e, 0, dst, 0, -1, NULL, &gwi);
		out = rt ? rt->gw_if[gwi] : -1;
	}
	memset(&g, 0, sizeof(g));
	g.dst = dst;
	g.src = out >= 0 && e->ifs[out].naddr ? e->ifs[out].addr[0] : 0;
	g.proto = IPP_ICMP;
	g.sport = 0x7e57;
	g.seq = ++seq;
	return replay_send(&lv->r, lv->env->now, buf, gen_frame(buf,
	    sizeof(buf), &g));
}

static void
live_echo_reply(void *arg, uint32_t from)
{
	struct live *lv = arg;

	emu_echo_reply(lv->env, from);
}

static int64_t
mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/*
 * Live: the router's clock follows the wall clock from the start; frames
 * from the TAP devices enter on their interfaces as they come; --at
 * events and the timers run on time.  Ends after o->live (0: SIGINT or
 * SIGTERM).
 */
int
emu_live(struct scr_env *env, const struct emu_opts *o)
{
	struct live lv;
	struct eng *e;
	struct eng_world *w = emu_world(env);
	struct pollfd *pf;
	uint8_t buf[65600];
	int64_t t0 = mono_ns(), base = env->now, now = base;
	size_t i, next_at = 0, npf = 0;
	int rc = 0, k;
	void (*old_int)(int), (*old_term)(int);

	memset(&lv, 0, sizeof(lv));
	if (o->pcc_seed && env->emu == NULL)
		env->pcc_seed = emu_seed(o->pcc_seed);
	e = emu_engine(env);
	lv.env = env;
	lv.nfd = e->nif;
	lv.fd = xcalloc((size_t)e->nif + 1, sizeof(*lv.fd));
	for (k = 0; k < e->nif; k++)
		lv.fd[k] = -1;
	pf = xcalloc(o->n_tap + 1, sizeof(*pf));
	lv.sc.e = e;
	lv.sc.err = &lv.err;
	for (i = 0; i < o->n_tap; i++) {
		const char *eq = strchr(o->tap[i], '=');
		char name[64];
		int f, fd;

		if (eq == NULL || eq == o->tap[i] || !eq[1]) {
			fprintf(stderr, "rosemu: --tap IFACE=TAPNAME: %s\n",
			    o->tap[i]);
			rc = 1;
			goto out;
		}
		snprintf(name, sizeof(name), "%.*s", (int)(eq - o->tap[i]),
		    o->tap[i]);
		if ((f = eng_if_index(e, name)) < 0) {
			fprintf(stderr, "rosemu: --tap: no interface %s\n", name);
			rc = 1;
			goto out;
		}
		if ((fd = io_tap_open(eq + 1, &lv.err)) < 0) {
			fprintf(stderr, "rosemu: --tap: %s\n", sb_str(&lv.err));
			rc = 1;
			goto out;
		}
		lv.fd[f] = fd;
		pf[npf].fd = fd;
		pf[npf++].events = POLLIN;
	}
	if (o->write_pcaps && (lv.sc.dir = pcap_dir(o->write_pcaps)) == NULL) {
		rc = 1;
		goto out;
	}
	replay_init(&lv.r, e, live_sink, &lv);
	lv.r.live = true;
	lv.r.echo_reply = live_echo_reply;
	lv.r.echo_arg = &lv;
	w->send_probe = live_send_probe;
	w->probe_arg = &lv;
	live_stop = 0;
	old_int = signal(SIGINT, live_signal);
	old_term = signal(SIGTERM, live_signal);
	while (!live_stop && !lv.failed && !lv.sc.failed) {
		int64_t due, wait;

		now = base + (mono_ns() - t0);
		while (next_at < o->n_at && base + o->at[next_at].at <= now) {
			if (run_at(env, base + o->at[next_at].at,
			    &o->at[next_at]) < 0) {
				rc = 1;
				break;
			}
			next_at++;
		}
		if (rc)
			break;
		scr_clock_advance(env, now);
		emu_engine(env);	/* timers and scripts may change it */
		if (o->live > 0 && now >= base + o->live)
			break;
		/* sleep until a frame, the next timer or event, or 100 ms */
		wait = 100000000LL;
		due = scr_clock_next(env);
		if (due >= 0 && due - now < wait)
			wait = due - now;
		if (next_at < o->n_at && base + o->at[next_at].at - now < wait)
			wait = base + o->at[next_at].at - now;
		if (o->live > 0 && base + o->live - now < wait)
			wait = base + o->live - now;
		if (wait < 0)
			wait = 0;
		if (poll(pf, npf, (int)((wait + 999999) / 1000000)) < 0 &&
		    errno != EINTR) {
			fprintf(stderr, "rosemu: poll: %s\n", strerror(errno));
			rc = 1;
			break;
		}
		now = base + (mono_ns() - t0);
		for (i = 0; i < npf; i++) {
			size_t len;
			int f;

			if (!(pf[i].revents & POLLIN))
				continue;
			for (f = 0; f < lv.nfd && lv.fd[f] != pf[i].fd; f++)
				;
			/* what is waiting now, a bounded batch per wake */
			for (k = 0; k < 256 && io_tap_read(pf[i].fd, buf,
			    sizeof(buf), &len, &lv.err) > 0; k++)
				replay_frame(&lv.r, now, buf, len, f);
		}
	}
	signal(SIGINT, old_int);
	signal(SIGTERM, old_term);
	if (lv.failed || lv.sc.failed) {
		fprintf(stderr, "rosemu: %s\n", sb_str(&lv.err));
		rc = 1;
	}
	scr_clock_advance(env, now);
	conn_sync(env);
out:
	w->send_probe = NULL;
	w->probe_arg = NULL;
	replay_fini(&lv.r);
	for (k = 0; k < lv.nfd; k++)
		if (lv.fd[k] >= 0)
			close(lv.fd[k]);
	if (lv.sc.dir && io_pcap_dir_free(lv.sc.dir, &lv.err) < 0) {
		fprintf(stderr, "rosemu: %s\n", sb_str(&lv.err));
		rc = 1;
	}
	free(lv.fd);
	free(pf);
	sb_fini(&lv.err);
	return rc;
}

static int
gen_sink(void *arg, int64_t ts, const uint8_t *f, size_t len)
{
	struct io_pcap_out *o = arg;

	return io_pcap_write(o, ts, f, len, NULL);
}

/*
 * --generate defaults: the slide deck's LAN (10.0.25.0/24) talking to
 * documentation addresses (198.51.100.0/24)
 */
void
emu_gen_defaults(struct emu_gen *g)
{
	memset(g, 0, sizeof(*g));
	g->connections = 1000;
	g->clients = 20;
	g->remotes = 50;
	g->client_base = 0x0a001902;
	g->remote_base = 0xc6336401;
	g->duration = 10000000000LL;
}

int
emu_generate(const struct emu_gen *g)
{
	struct strbuf err = STRBUF_INIT;
	struct io_pcap_out *o = io_pcap_create(g->out, &err);
	struct gen_opts go;
	static const uint8_t cmac[6] = { 0x02, 0x00, 0x0a, 0, 0, 0 };
	static const uint8_t rmac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x5a };
	int rc;

	if (o == NULL) {
		fprintf(stderr, "rosemu: %s\n", sb_str(&err));
		sb_fini(&err);
		return 1;
	}
	memset(&go, 0, sizeof(go));
	go.seed = g->seed;
	go.connections = g->connections;
	go.clients = g->clients ? g->clients : 1;
	go.remotes = g->remotes ? g->remotes : 1;
	if (go.remotes > 254)
		go.remotes = 254;	/* one documentation /24 */
	go.client_base = g->client_base;
	go.remote_base = g->remote_base;
	go.tcp_pct = 80;
	go.udp_pct = 15;
	go.duration = g->duration;
	go.packets = g->packets;
	memcpy(go.client_mac, cmac, 6);
	memcpy(go.router_mac, rmac, 6);
	rc = gen_run(&go, gen_sink, o) < 0;
	if (io_pcap_out_close(o, &err) < 0) {
		fprintf(stderr, "rosemu: %s\n", sb_str(&err));
		rc = 1;
	}
	sb_fini(&err);
	return rc;
}

/*
 * /ip route check dst-ip=X [src-ip=Y] [routing-mark=M]: the route the
 * engine would take for X (reference §5.5), in the settings layout (§6.6).
 * ROS: the status strings are unverified; "ok" when a route resolves,
 * else "unreachable".
 */
int
emu_route_check(struct scr_env *env, uint32_t dst, uint32_t src,
    const char *mark, struct strbuf *out)
{
	struct eng *e = emu_engine(env);
	const struct eng_route *r;
	int gwi = 0;

	/* routing-mark= (v6, as the PCC guide uses it): that table first */
	r = eng_route_lookup(e, src, dst, eng_mark(e, mark), -1, NULL, &gwi);
	if (r == NULL || r->type != 0) {
		sb_add(out, "     status: unreachable\n");
	} else {
		sb_add(out, "     status: ok\n");
		sb_addf(out, "  interface: %s\n", e->ifs[r->gw_if[gwi]].name);
		sb_add(out, "    nexthop: ");
		sch_ip4_print(r->gw[gwi] ? r->gw[gwi] : dst, out);
		sb_addc(out, '\n');
	}
	return 0;
}

int
emu_route_active(struct scr_env *env, const struct sch_menu *m,
    const struct cfg_item *it)
{
	int di = sch_prop_find(m, "dst-address");
	uint32_t dst = 0, plen = 0;

	if (env->check || !m->def || strcmp(m->path, "/ip/route") != 0)
		return -1;
	if (di >= 0 && it->v[di].text) {
		if (strchr(it->v[di].text, ':'))
			return -1;	/* IPv6: not in the IPv4 FIB */
		dst = it->v[di].u.ip4.lo;
		plen = it->v[di].u.ip4.plen;
	}
	return eng_route_active(emu_engine(env), it,
	    cfg_get(m, it, "gateway"), dst, plen);
}
