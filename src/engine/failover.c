/*
 * DOC: failover - the router's timers on the virtual clock (issue 6,
 * reference §5.2, §7.1) and the world they probe.
 *
 * The world: hosts that stop answering (/emulator gateway set ADDR
 * reachable=no) and links pulled (/emulator link set IFACE running=no).
 * A host that does not answer gets no probe replies and no traffic
 * answers; a pulled link makes its interface not running (no connected
 * routes, masquerade flushed).
 *
 * check-gateway: every 10 s of virtual time each gateway of a route with
 * check-gateway=ping|arp is probed by a packet from the router through
 * the output path (so output mangle rules mark and route it as they
 * would a real probe); two probes in a row without an answer make the
 * gateway unreachable and every route through it inactive, one answer
 * makes it reachable again.  Netwatch probes each enabled host every
 * interval and runs up-script/down-script on a change of state.
 * Everything that happens is written to the timeline (/emulator
 * timeline), in order, with its time.
 *
 * scr_clock_advance() asks emu_next_event() for the next due time and
 * calls emu_fire() at it, in time order with the scheduler's events.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emu.h"
#include "eng.h"
#include "gen.h"
#include "script.h"

#define PROBE_EVERY	10000000000LL	/* §5.2: every 10 s */
#define PROBE_MISSES	2

static struct sch_menu *
menu(const char *path)
{
	struct sch_node *n = sch_lookup(path);

	return n ? sch_menu_of(n) : NULL;
}

/*
 * v7 has check-gateway's knobs in /routing settings
 * (check-gateway-ping-interval, -count); v6 fixes them at 10 s and 2.
 * The setting's text, or NULL (v6, unset).
 */
static const char *
routing_setting(struct scr_env *env, const char *prop)
{
	struct sch_menu *m = env->ros == 7 ? menu("/routing/settings") : NULL;
	struct cfg_list *l = m ? cfg_list(env->cfg, m) : NULL;

	return l && l->n ? cfg_get(m, l->items[0], prop) : NULL;
}

/* unreadable values: the default */
static int64_t
probe_every(struct scr_env *env)
{
	const char *v = routing_setting(env, "check-gateway-ping-interval");
	int64_t ns;

	if (v && sch_time_parse(v, &ns) == 0 && ns >= 1000000000LL)
		return ns;
	return PROBE_EVERY;
}

static unsigned
probe_misses(struct scr_env *env)
{
	const char *v = routing_setting(env, "check-gateway-ping-count");
	long k = v ? strtol(v, NULL, 10) : 0;

	return k >= 1 && k <= 255 ? (unsigned)k : PROBE_MISSES;
}

/* ---- the world ---- */

bool
eng_world_dead(const struct eng_world *w, uint32_t host)
{
	size_t i;

	for (i = 0; w && i < w->ndead; i++)
		if (w->dead[i] == host)
			return true;
	return false;
}

bool
eng_world_linkdown(const struct eng_world *w, const char *ifname)
{
	size_t i;

	for (i = 0; w && ifname && i < w->nlinkdown; i++)
		if (!strcmp(w->linkdown[i], ifname))
			return true;
	return false;
}

static struct eng_gwstate *
gw_state(struct eng_world *w, uint32_t gw, bool create)
{
	size_t i;

	for (i = 0; i < w->ngw; i++)
		if (w->gw[i].addr == gw)
			return &w->gw[i];
	if (!create)
		return NULL;
	xgrow((void **)&w->gw, &w->capgw, w->ngw + 1, sizeof(*w->gw));
	memset(&w->gw[w->ngw], 0, sizeof(w->gw[0]));
	w->gw[w->ngw].addr = gw;
	return &w->gw[w->ngw++];
}

bool
eng_world_gwdown(const struct eng_world *w, uint32_t gw)
{
	size_t i;

	for (i = 0; w && i < w->ngw; i++)
		if (w->gw[i].addr == gw)
			return w->gw[i].down;
	return false;
}

void
emu_world_free(struct eng_world *w)
{
	size_t i;

	free(w->dead);
	for (i = 0; i < w->nlinkdown; i++)
		free(w->linkdown[i]);
	free(w->linkdown);
	free(w->gw);
	free(w->nw);
	free(w->lp);
	sb_fini(&w->timeline);
	memset(w, 0, sizeof(*w));
}

/* "00:01:20" of the router clock (with the day when past the first) */
static void __attribute__((format(printf, 3, 4)))
tl(struct scr_env *env, struct eng_world *w, const char *fmt, ...)
{
	int64_t s = env->now / 1000000000;
	va_list ap;
	char buf[512];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (s >= 86400)
		sb_addf(&w->timeline, "%lldd", (long long)(s / 86400));
	sb_addf(&w->timeline, "%02lld:%02lld:%02lld %s\n",
	    (long long)(s % 86400 / 3600), (long long)(s % 3600 / 60),
	    (long long)(s % 60), buf);
}

void
emu_timeline_add(struct scr_env *env, const char *what)
{
	tl(env, emu_world(env), "%s", what);
}

/* ---- probes ---- */

/*
 * Whether a probe from the router to dst is answered: it must be routed
 * (output path, untracked, counters untouched), leave a running
 * interface, and neither the next hop nor dst may be dead.
 */
static bool
reach(struct scr_env *env, uint32_t dst, bool direct)
{
	struct eng *e = emu_engine(env);
	struct eng_world *w = emu_world(env);
	struct gen_pkt g;
	uint8_t buf[128];
	struct pkt p;
	struct eng_result res;
	size_t len;
	int out;
	bool dry = e->dry;

	memset(&g, 0, sizeof(g));
	g.dst = dst;
	g.proto = IPP_ICMP;
	g.sport = 0x7e57;
	g.seq = 1;
	/* the source the routing picks: the out interface's address */
	out = eng_connected_if(e, dst);
	if (out >= 0 && e->ifs[out].naddr)
		g.src = e->ifs[out].addr[0];
	len = gen_frame(buf, sizeof(buf), &g);
	if (pkt_decode(&p, buf, len) != PD_NONE)
		return false;
	e->dry = true;
	e->notrack = true;
	out = eng_output(e, &p, env->now, &res);
	e->dry = dry;
	e->notrack = false;
	if (out < 0 || !e->ifs[out].running)
		return false;
	/*
	 * a gateway is pinged on its own network: once that network is gone
	 * (cable out, address removed) the ping goes nowhere useful
	 */
	if (direct && res.gateway != 0)
		return false;
	if (eng_world_dead(w, res.gateway ? res.gateway : dst))
		return false;
	return !eng_world_dead(w, dst);
}

/* ---- live probes ---- */

static struct eng_liveprobe *
live_probe(struct eng_world *w, uint32_t addr)
{
	size_t i;

	for (i = 0; i < w->nlp; i++)
		if (w->lp[i].addr == addr)
			return &w->lp[i];
	xgrow((void **)&w->lp, &w->caplp, w->nlp + 1, sizeof(*w->lp));
	memset(&w->lp[w->nlp], 0, sizeof(w->lp[0]));
	w->lp[w->nlp].addr = addr;
	return &w->lp[w->nlp++];
}

/*
 * Live: the last probe's result (1 answered, 0 not, -1 none sent yet),
 * then the next probe goes out.  Not live: -2.
 */
static int
live_round(struct eng_world *w, uint32_t addr)
{
	struct eng_liveprobe *p;
	int res;

	if (w->send_probe == NULL)
		return -2;
	p = live_probe(w, addr);
	res = p->sent ? !p->awaiting : -1;
	p->sent = p->awaiting = true;
	(void)w->send_probe(w->probe_arg, addr);
	return res;
}

void
emu_echo_reply(struct scr_env *env, uint32_t from)
{
	struct eng_world *w = emu_world(env);
	size_t i;

	for (i = 0; i < w->nlp; i++)
		if (w->lp[i].addr == from)
			w->lp[i].awaiting = false;
}

/*
 * check-gateway=arp: an ARP request on the gateway's own network, no
 * routing and no firewall; answered when that interface runs and the
 * gateway is alive.
 */
static bool
arp_reach(struct scr_env *env, uint32_t gw)
{
	struct eng *e = emu_engine(env);
	int f = eng_connected_if(e, gw);

	return f >= 0 && e->ifs[f].running &&
	    !eng_world_dead(emu_world(env), gw);
}

/*
 * The IPv4 gateways of enabled routes with check-gateway; arp[k] when
 * every route checks gateway k by ARP (may be NULL).
 */
static size_t
checked_gateways(struct scr_env *env, uint32_t *out, bool *arp, size_t max)
{
	struct sch_menu *m = menu("/ip/route");
	struct cfg_list *l = m && m->def ? cfg_list(env->cfg, m) : NULL;
	size_t n = 0, i, k;

	for (i = 0; l && i < l->n; i++) {
		const struct cfg_item *it = l->items[i];
		const char *cg = cfg_get(m, it, "check-gateway");
		const char *gw = cfg_get(m, it, "gateway");
		char buf[256], *p, *save = NULL;

		if (cfg_item_off(m, it) || cg == NULL || !*cg ||
		    !strcmp(cg, "none") || gw == NULL)
			continue;
		snprintf(buf, sizeof(buf), "%s", gw);
		for (p = strtok_r(buf, ",", &save); p;
		    p = strtok_r(NULL, ",", &save)) {
			uint32_t ip;

			if (strchr(p, '@'))
				*strchr(p, '@') = '\0';
			if (sch_ip4_parse(p, &ip) < 0)
				continue;
			for (k = 0; k < n && out[k] != ip; k++)
				;
			if (k == n && n < max) {
				if (arp)
					arp[n] = true;
				out[n++] = ip;
			}
			if (k < n && arp && strcmp(cg, "arp") != 0)
				arp[k] = false;
		}
	}
	return n;
}

static void
ip_text(uint32_t ip, char *buf, size_t size)
{
	struct strbuf sb = STRBUF_INIT;

	sch_ip4_print(ip, &sb);
	snprintf(buf, size, "%s", sb_str(&sb));
	sb_fini(&sb);
}

/*
 * What the FIB's changes mean for the user: the active state of every
 * /ip route item is taken before an event (fib_before) and compared after
 * it (fib_after), each change a line of the timeline.
 */
struct fib_snap {
	uint32_t *id;
	signed char *act;
	size_t	 n;
};

static void
fib_before(struct scr_env *env, struct fib_snap *fs)
{
	struct sch_menu *m = menu("/ip/route");
	struct cfg_list *l = m && m->def ? cfg_list(env->cfg, m) : NULL;
	size_t i;

	memset(fs, 0, sizeof(*fs));
	if (l == NULL || l->n == 0)
		return;
	fs->id = xcalloc(l->n, sizeof(*fs->id));
	fs->act = xcalloc(l->n, sizeof(*fs->act));
	for (i = 0; i < l->n; i++) {
		if (l->items[i]->flags & CI_DEAD)
			continue;
		fs->id[fs->n] = l->items[i]->id;
		fs->act[fs->n++] = (signed char)emu_route_active(env, m,
		    l->items[i]);
	}
}

static void
fib_after(struct scr_env *env, struct fib_snap *fs)
{
	struct eng_world *w = emu_world(env);
	struct sch_menu *m = menu("/ip/route");
	size_t i;

	for (i = 0; m && i < fs->n; i++) {
		struct cfg_item *it = cfg_by_id(env->cfg, m, fs->id[i]);
		const char *d, *g, *t;
		int now;

		if (it == NULL || (it->flags & CI_DEAD) || fs->act[i] < 0)
			continue;
		now = emu_route_active(env, m, it);
		if (now < 0 || now == fs->act[i])
			continue;
		d = cfg_get(m, it, "dst-address");
		g = cfg_get(m, it, "gateway");
		t = cfg_get(m, it, env->ros == 6 ? "routing-mark" :
		    "routing-table");
		tl(env, w, "route %s %s %s%s%s%s: %s", d ? d : "0.0.0.0/0",
		    (it->flags & CI_CONNECT) ? "on" : "via", g ? g : "?",
		    (it->flags & CI_CONNECT) ? " (connected)" : "",
		    t && strcmp(t, "main") ? " table " : "",
		    t && strcmp(t, "main") ? t : "",
		    now ? "active" : "inactive");
	}
	free(fs->id);
	free(fs->act);
	memset(fs, 0, sizeof(*fs));
}

static void
probe_round(struct scr_env *env)
{
	struct eng_world *w = emu_world(env);
	uint32_t gws[64];
	bool arp[64];
	size_t n = checked_gateways(env, gws, arp, NELEM(gws)), i;
	bool changed = false;
	char a[20];
	struct fib_snap fs;
	unsigned misses = probe_misses(env);

	fib_before(env, &fs);
	for (i = 0; i < n; i++) {
		struct eng_gwstate *g = gw_state(w, gws[i], true);
		/* live: ping (arp included) and read the last answer */
		int lr = live_round(w, gws[i]);
		bool ok = lr >= 0 ? lr == 1 : arp[i] ? arp_reach(env, gws[i]) :
		    reach(env, gws[i], true);

		if (lr == -1)
			continue;	/* the first probe is out */
		ip_text(gws[i], a, sizeof(a));
		if (ok) {
			if (g->misses && !g->down)
				tl(env, w, "gateway %s: answered", a);
			g->misses = 0;
			if (g->down) {
				g->down = false;
				changed = true;
				tl(env, w, "gateway %s: reachable", a);
			}
			continue;
		}
		if (g->misses < 255)
			g->misses++;
		if (!g->down)
			tl(env, w, "gateway %s: probe lost (%u of %u)", a,
			    g->misses, misses);
		if (!g->down && g->misses >= misses) {
			g->down = true;
			changed = true;
			tl(env, w, "gateway %s: unreachable", a);
		}
	}
	if (changed) {
		env->cfg->gen++;	/* the FIB changes */
		emu_engine(env);
	}
	fib_after(env, &fs);
}

/* ---- netwatch ---- */

static struct eng_nwstate *
nw_state(struct eng_world *w, uint32_t id)
{
	size_t i;

	for (i = 0; i < w->nnw; i++)
		if (w->nw[i].item == id)
			return &w->nw[i];
	xgrow((void **)&w->nw, &w->capnw, w->nnw + 1, sizeof(*w->nw));
	memset(&w->nw[w->nnw], 0, sizeof(w->nw[0]));
	w->nw[w->nnw].item = id;
	w->nw[w->nnw].next = -1;
	return &w->nw[w->nnw++];
}

static int64_t
nw_interval(struct sch_menu *m, const struct cfg_item *it)
{
	const char *t = cfg_get(m, it, "interval");
	int64_t ns = 0;

	if (t == NULL || sch_time_parse(t, &ns) < 0 || ns <= 0)
		ns = PROBE_EVERY;
	return ns;
}

static void
nw_show(struct sch_menu *m, struct cfg_item *it, const struct eng_nwstate *s,
    struct scr_env *env)
{
	static const char *const names[] = { "unknown", "up", "down" };
	int ist = sch_prop_find(m, "status"), isn = sch_prop_find(m, "since");
	struct strbuf sb = STRBUF_INIT;

	if (ist >= 0)
		cfg_set_text(m, it, "status", names[s->status]);
	if (isn >= 0 && s->status) {
		int64_t t = s->since / 1000000000;

		/* the router's date and time, as print shows dates */
		if (env->ros == 6)
			sb_addf(&sb, "jan/%02lld/1970 %02lld:%02lld:%02lld",
			    (long long)(2 + t / 86400),
			    (long long)(t % 86400 / 3600),
			    (long long)(t % 3600 / 60), (long long)(t % 60));
		else
			sb_addf(&sb, "1970-01-%02lld %02lld:%02lld:%02lld",
			    (long long)(2 + t / 86400),
			    (long long)(t % 86400 / 3600),
			    (long long)(t % 3600 / 60), (long long)(t % 60));
		cfg_set_text(m, it, "since", sb_str(&sb));
	}
	sb_fini(&sb);
}

static void
nw_probe(struct scr_env *env, struct sch_menu *m, struct cfg_item *it,
    struct eng_nwstate *s)
{
	struct eng_world *w = emu_world(env);
	const char *host = cfg_get(m, it, "host");
	uint32_t ip;
	int st;
	const char *script;

	if (host == NULL || sch_ip4_parse(host, &ip) < 0)
		return;
	{
		int lr = live_round(w, ip);

		if (lr == -1)
			return;
		st = (lr >= 0 ? lr == 1 : reach(env, ip, false)) ? 1 : 2;
	}
	if (st == s->status)
		return;
	s->status = st;
	s->since = env->now;
	nw_show(m, it, s, env);
	script = cfg_get(m, it, st == 1 ? "up-script" : "down-script");
	tl(env, w, "netwatch %s: %s%s", host, st == 1 ? "up" : "down",
	    script && *script ? st == 1 ? ", up-script runs" :
	    ", down-script runs" : "");
	if (script && *script) {
		char *code = xstrdup(script);
		struct sch_node *cwd = env->cwd;
		struct fib_snap fs;

		fib_before(env, &fs);
		env->cwd = sch_root();
		if (scr_run_text(env, NULL, code, strlen(code)) < 0)
			tl(env, w, "netwatch %s: script failed: %s", host,
			    env->err ? env->err : "");
		env->cwd = cwd;
		free(code);
		env->cfg->gen++;
		emu_engine(env);
		fib_after(env, &fs);
	}
}

/*
 * ROS (reference 7.1): an entry that is changed (or enabled again) starts
 * over: status unknown, the first probe one interval later
 */
static void
nw_changed(struct sch_menu *m, struct cfg_item *it, struct eng_nwstate *s)
{
	static const char *const props[] = { "host", "type", "interval",
	    "timeout" };
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < NELEM(props); i++) {
		const char *v = cfg_get(m, it, props[i]);

		for (; v && *v; v++)
			h = (h ^ (uint8_t)*v) * 16777619u;
		h = (h ^ 0xff) * 16777619u;
	}
	if (h == s->sig)
		return;
	if (s->sig != 0 && s->status) {
		s->status = 0;
		s->next = -1;
		if (sch_prop_find(m, "status") >= 0)
			cfg_set_text(m, it, "status", "unknown");
		if ((i = (size_t)sch_prop_find(m, "since")) < m->n_props)
			sch_val_fini(&it->v[i]);
	}
	s->sig = h;
}

void
emu_netwatch_sync(struct scr_env *env)
{
	struct sch_menu *nm = menu("/tool/netwatch");
	struct cfg_list *l = nm && nm->def ? cfg_list(env->cfg, nm) : NULL;
	struct eng_world *w;
	size_t i;

	if (l == NULL || env->check)
		return;
	w = emu_world(env);
	for (i = 0; i < l->n; i++) {
		struct cfg_item *it = l->items[i];
		struct eng_nwstate *s;

		if (it->flags & CI_DEAD)
			continue;
		s = nw_state(w, it->id);
		if (cfg_item_disabled(nm, it))
			s->sig = 1;	/* enabled again: a change */
		nw_changed(nm, it, s);
	}
}

/* ---- the clock ---- */

static bool
any_checked_route(struct scr_env *env)
{
	uint32_t g[1];

	return checked_gateways(env, g, NULL, 1) > 0;
}

int64_t
emu_next_event(struct scr_env *env)
{
	struct sch_menu *nm = menu("/tool/netwatch");
	struct cfg_list *l = nm && nm->def ? cfg_list(env->cfg, nm) : NULL;
	int64_t next = -1;
	size_t i;
	bool probe = !env->check && any_checked_route(env);

	if (env->check || (!probe && (l == NULL || l->n == 0)))
		return -1;
	{
		struct eng_world *w = emu_world(env);

		if (probe) {
			int64_t every = probe_every(env);

			if (w->next_probe <= env->now)
				w->next_probe = (env->now / every + 1) * every;
			next = w->next_probe;
		}
		for (i = 0; l && i < l->n; i++) {
			struct cfg_item *it = l->items[i];
			struct eng_nwstate *s;

			if (cfg_item_off(nm, it))
				continue;
			s = nw_state(w, it->id);
			nw_changed(nm, it, s);
			/*
			 * ROS: the first probe one interval after the entry
			 * is seen (status unknown until then)
			 */
			if (s->next < 0 || s->next <= env->now - nw_interval(nm,
			    it))
				s->next = env->now + nw_interval(nm, it);
			if (next < 0 || s->next < next)
				next = s->next;
		}
	}
	return next;
}

void
emu_fire(struct scr_env *env, int64_t t)
{
	struct eng_world *w = emu_world(env);
	struct sch_menu *nm = menu("/tool/netwatch");
	struct cfg_list *l;
	size_t i;

	if (w->next_probe == t && any_checked_route(env)) {
		probe_round(env);
		w->next_probe = t + probe_every(env);
	}
	if (nm == NULL || nm->def == NULL)
		return;
	l = cfg_list(env->cfg, nm);
	for (i = 0; i < l->n; i++) {
		struct cfg_item *it = l->items[i];
		struct eng_nwstate *s;

		if (cfg_item_off(nm, it))
			continue;
		s = nw_state(w, it->id);
		if (s->next != t)
			continue;
		s->next = t + nw_interval(nm, it);
		nw_probe(env, nm, it, s);
		l = cfg_list(env->cfg, nm);	/* the script may change it */
	}
}

bool
emu_host_answers(struct scr_env *env, const char *ifname, uint32_t host)
{
	struct eng *e;
	int f;

	if (env->emu == NULL)	/* no engine yet: nothing pulled, none dead */
		return true;
	e = emu_engine(env);
	f = ifname ? eng_if_index(e, ifname) : -1;
	if (f >= 0 && !e->ifs[f].running)
		return false;
	return !eng_world_dead(emu_world(env), host);
}

/* ---- /emulator gateway, link, timeline ---- */

int
emu_world_cmd(struct scr_env *env, const char *what, const char *cmd,
    const char *name, const char *val, struct strbuf *out,
    struct strbuf *err)
{
	struct eng_world *w = emu_world(env);
	struct fib_snap fs;
	size_t i;

	if (!strcmp(cmd, "print")) {
		if (!strcmp(what, "gateway")) {
			for (i = 0; i < w->ngw; i++) {
				char a[20];

				ip_text(w->gw[i].addr, a, sizeof(a));
				sb_addf(out, "%-16s check-gateway %s\n", a,
				    w->gw[i].down ? "unreachable" :
				    "reachable");
			}
			for (i = 0; i < w->ndead; i++) {
				char a[20];

				ip_text(w->dead[i], a, sizeof(a));
				sb_addf(out, "%-16s reachable=no\n", a);
			}
		} else
			for (i = 0; i < w->nlinkdown; i++)
				sb_addf(out, "%-16s running=no\n",
				    w->linkdown[i]);
		return 0;
	}
	fib_before(env, &fs);
	/* the console reads a bare yes/no as a boolean */
	if (val && !strcmp(val, "true"))
		val = "yes";
	else if (val && !strcmp(val, "false"))
		val = "no";
	if (name == NULL || val == NULL ||
	    (strcmp(val, "yes") && strcmp(val, "no"))) {
		sb_addf(err, "%s set NAME %s=yes|no", what,
		    !strcmp(what, "gateway") ? "reachable" : "running");
		fib_after(env, &fs);
		return -1;
	}
	if (!strcmp(what, "gateway")) {
		uint32_t ip;
		bool dead = !strcmp(val, "no");

		if (sch_ip4_parse(name, &ip) < 0) {
			sb_addf(err, "invalid value for argument numbers");
			fib_after(env, &fs);
			return -1;
		}
		for (i = 0; i < w->ndead && w->dead[i] != ip; i++)
			;
		if (dead && i == w->ndead) {
			xgrow((void **)&w->dead, &w->capdead, w->ndead + 1,
			    sizeof(*w->dead));
			w->dead[w->ndead++] = ip;
		} else if (!dead && i < w->ndead)
			w->dead[i] = w->dead[--w->ndead];
		tl(env, w, "emulator: host %s %s", name, dead ?
		    "stops answering" : "answers again");
	} else {
		bool down = !strcmp(val, "no");
		int f = eng_if_index(emu_engine(env), name);

		if (f < 0) {
			sb_addf(err, "no such item");
			fib_after(env, &fs);
			return -1;
		}
		for (i = 0; i < w->nlinkdown &&
		    strcmp(w->linkdown[i], name); i++)
			;
		if (down && i == w->nlinkdown) {
			xgrow((void **)&w->linkdown, &w->caplinkdown,
			    w->nlinkdown + 1, sizeof(*w->linkdown));
			w->linkdown[w->nlinkdown++] = xstrdup(name);
		} else if (!down && i < w->nlinkdown) {
			free(w->linkdown[i]);
			w->linkdown[i] = w->linkdown[--w->nlinkdown];
		}
		tl(env, w, "emulator: link %s %s", name, down ?
		    "down (cable out)" : "up");
	}
	env->cfg->gen++;		/* links change the FIB */
	emu_engine(env);
	fib_after(env, &fs);
	return 0;
}
