/*
 * DOC: system - the scripting side of /system and the DHCP client.
 *
 * /system script run parses a script's stored source whole (a syntax
 * error stops it before anything runs, reported with the source's own
 * line and column) and runs it as a job at the root menu.  Running jobs
 * are dynamic items of /system script job; /system script environment
 * mirrors the global variables (rebuilt before every command on it,
 * written back by remove and set).
 *
 * Time is virtual (env->now).  scr_clock_advance() moves it forward and
 * fires every /system scheduler event it passes, at the event's own time;
 * :delay and rosemu --at call it, nothing else moves the clock.
 *
 * /ip dhcp-client: an enabled client is bound at once to a lease from a
 * simulated ISP on its interface (lease_of()), gets the dynamic address
 * and default route a real client installs, and runs its script= with
 * the lease variables (engine reference 7.2).
 *
 * Called by menucmd.c (sys_before, sys_after, sys_item_cmd) and by the
 * :delay builtin; owns env->sys.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "emu.h"
#include "eval.h"

/* a bound DHCP client: the lease and the dynamic items it made */
struct sys_lease {
	uint32_t client;	/* /ip dhcp-client item id */
	char	*iface;
	char	*script;	/* the client's script= when bound */
	uint32_t addr, gw;
	int	 plen;
	bool	 own_addr;	/* added a dynamic /ip address */
	char	*route_key;	/* "add-default-route distance" of the route */
	uint32_t dns;
	int64_t	 lease_time;
	int64_t	 renew_at;	/* next renew (or retry) */
	int64_t	 expire_at;
};

/* /emulator isp set: what the ISP on an interface hands out */
struct sys_isp {
	char	*iface;
	uint32_t addr, gw, dns;	/* 0: derived */
	int	 plen;
	int64_t	 lease_time;	/* 0: DHCP_LEASE */
};

struct sys_state {
	int	 clock_depth;	/* scr_clock_advance() inside an event */
	bool	 in_dhcp;	/* dhcp_sync() running (lease scripts) */
	struct sys_lease *lease;
	size_t	 n_lease, cap_lease;
	struct sys_isp *isp;
	size_t	 n_isp, cap_isp;
	int64_t	 search_at;	/* a searching client asks again */
};

/*
 * The simulated ISP's lease time: RouterOS's own DHCP server defaults to
 * 10m (v6) / 30m (v7); ISPs vary.  10m keeps renewals visible in labs;
 * /emulator isp set IFACE lease-time=T changes it.
 */
#define DHCP_LEASE	(600 * 1000000000LL)
/* a client without a lease asks again this often */
#define DHCP_RETRY	(10 * 1000000000LL)

static int64_t dhcp_next(struct scr_env *);
static void dhcp_fire(struct scr_env *, int64_t);
static void dhcp_renew(struct scr_env *, size_t);

/* ROS: "startup" runs an event 3 s after boot; rosemu boots at 0 */
#define STARTUP_NS	(3 * 1000000000LL)
/* events one clock move may fire (an interval of 1ns over a day...) */
#define MAX_EVENTS	100000
#define NS		1000000000LL

static struct sys_state *
sys_get(struct scr_env *e)
{
	if (e->sys == NULL)
		e->sys = xcalloc(1, sizeof(*e->sys));
	return e->sys;
}

void
sys_free(struct scr_env *e)
{
	size_t i;

	if (e->sys == NULL)
		return;
	for (i = 0; i < e->sys->n_lease; i++) {
		free(e->sys->lease[i].iface);
		free(e->sys->lease[i].script);
		free(e->sys->lease[i].route_key);
	}
	free(e->sys->lease);
	for (i = 0; i < e->sys->n_isp; i++)
		free(e->sys->isp[i].iface);
	free(e->sys->isp);
	free(e->sys);
	e->sys = NULL;
}

static struct sch_menu *
menu(const char *path)
{
	struct sch_node *n = sch_lookup(path);

	return n ? sch_menu_of(n) : NULL;
}

static bool
is_path(const struct sch_menu *m, const char *path)
{
	return m->def != NULL && strcmp(m->path, path) == 0;
}

static struct cfg_item *
item_named(struct scr_env *e, const struct sch_menu *m, const char *name)
{
	struct cfg_list *l = cfg_list(e->cfg, m);
	size_t i;

	for (i = 0; i < l->n; i++) {
		const char *n = cfg_get(m, l->items[i], "name");

		if (!(l->items[i]->flags & CI_DEAD) && n && !strcmp(n, name))
			return l->items[i];
	}
	return NULL;
}

/* sets prop's text (typed as the menu types it); NULL unsets it */
static void
set_text(const struct sch_menu *m, struct cfg_item *it, const char *prop,
    const char *text)
{
	int i;

	if (text != NULL) {
		cfg_set_text(m, it, prop, text);
		return;
	}
	if ((i = sch_prop_find(m, prop)) >= 0)
		sch_val_fini(&it->v[i]);
}

static void
set_num(const struct sch_menu *m, struct cfg_item *it, const char *prop,
    long long n)
{
	char b[32];

	snprintf(b, sizeof(b), "%lld", n);
	cfg_set_text(m, it, prop, b);
}

static void
set_date(struct scr_env *e, const struct sch_menu *m, struct cfg_item *it,
    const char *prop, int64_t t, bool date, bool time)
{
	struct strbuf sb = STRBUF_INIT;

	cfg_date_print(e->ros, t, date, time, &sb);
	cfg_set_text(m, it, prop, sb_str(&sb));
	sb_fini(&sb);
}

/* ---- jobs and running stored sources ---- */

/* a /system script job item for a script that starts now; its id */
static uint32_t
job_start(struct scr_env *e, const char *type, const char *script,
    uint32_t parent)
{
	struct sch_menu *m = menu("/system/script/job");
	struct cfg_item *it;
	char b[16];

	if (m == NULL || m->def == NULL)
		return 0;
	it = cfg_item_new(m);
	it->flags = CI_DYNAMIC;
	it->created = e->now;
	cfg_set_text(m, it, "type", type);
	if (script)
		cfg_set_text(m, it, "script", script);
	cfg_set_text(m, it, "owner", "admin");
	cfg_set_text(m, it, "policy", "ftp,reboot,read,write,policy,test,"
	    "password,sniff,sensitive,romon");
	set_date(e, m, it, "started", e->now, true, true);
	if (parent) {
		snprintf(b, sizeof(b), "*%X", parent);
		cfg_set_text(m, it, "parent", b);
	}
	cfg_insert(e->cfg, m, it, (size_t)-1);
	return it->id;
}

static void
job_end(struct scr_env *e, uint32_t id)
{
	struct sch_menu *m = menu("/system/script/job");
	struct cfg_item *it;

	if (m == NULL || id == 0 || (it = cfg_by_id(e->cfg, m, id)) == NULL)
		return;
	cfg_remove(e->cfg, m, it);
	cfg_compact(e->cfg, m);
}

/* the job running now (the innermost), 0 if none */
static uint32_t
job_current(struct scr_env *e)
{
	struct sch_menu *m = menu("/system/script/job");
	struct cfg_list *l;
	size_t i;

	if (m == NULL || m->def == NULL)
		return 0;
	l = cfg_list(e->cfg, m);
	for (i = l->n; i-- > 0;)
		if (!(l->items[i]->flags & CI_DEAD))
			return l->items[i]->id;
	return 0;
}

enum scr_status
sys_run_source(struct scr_env *e, const char *script, const char *type,
    const char *text, struct scr_arr *vars)
{
	struct src_text *src = src_new(NULL, text, strlen(text));
	struct scr_parser p;
	struct arena a;
	struct scr_frame g;
	struct scr_val res;
	const char *saved_job = e->jobname;
	enum scr_status st;
	uint32_t job;
	int l, c;

	/*
	 * ROS: a script is compiled whole before it runs, so a syntax error
	 * anywhere stops it before its first line (scripting reference 7.1).
	 */
	arena_init(&a);
	memset(&p, 0, sizeof(p));
	p.arena = &a;
	p.src = src;
	if (scr_parse(&p) < 0) {
		struct strbuf sb = STRBUF_INIT;

		src_linecol(src, p.err_off, &l, &c);
		sb_addf(&sb, "%s (line %d column %d)", p.err, l, c);
		free(p.err);
		free(e->err);
		e->err = sb_steal(&sb);
		e->err_src = NULL;
		scr_parser_fini(&p);
		arena_fini(&a);
		src_free(src);
		return SCR_ERR;
	}
	/* and its variables are resolved whole too: an undeclared name
	 * anywhere is a syntax error before anything runs */
	{
		struct scr_frame r;
		struct scr_resolve *rs = scr_resolve_new();

		memset(&r, 0, sizeof(r));
		r.env = e;
		r.src = src;
		r.cwd = sch_root();
		r.args = vars;
		st = scr_resolve_chunk(&r, rs, p.root);
		scr_resolve_free(rs);
		if (st == SCR_ERR) {
			char *m = e->err_src == src ? scr_err_render(e) :
			    xstrdup(e->err);

			free(e->err);
			e->err = m;
			e->err_src = NULL;
			scr_parser_fini(&p);
			arena_fini(&a);
			src_free(src);
			return SCR_ERR;
		}
	}
	scr_parser_fini(&p);
	arena_fini(&a);
	if (e->depth >= (e->max_depth ? e->max_depth : SCR_MAX_DEPTH)) {
		free(e->err);
		e->err = xstrdup("recursion depth exceeded");
		e->err_src = NULL;
		src_free(src);
		return SCR_ERR;
	}
	memset(&g, 0, sizeof(g));
	g.env = e;
	g.src = src;
	g.cwd = sch_root();
	g.args = vars;
	res.k = SV_NOTHING;
	job = job_start(e, type, script, job_current(e));
	e->jobname = script;
	e->depth++;
	scope_push(&g);
	st = run_src(&g, &res);
	scope_pop(&g);
	e->depth--;
	e->jobname = saved_job;
	job_end(e, job);
	scr_val_free(&res);
	if (st == SCR_ERR) {
		/* the source dies here: its position goes into the text */
		if (e->err_src == src) {
			char *m = scr_err_render(e);

			free(e->err);
			e->err = m;
		}
		e->err_src = NULL;
	} else
		st = SCR_OK;	/* :return, a stray :break end the script */
	src_free(src);
	return st;
}

/* /system script run: one script item (counters first: it may remove
 * itself) */
static enum scr_status
script_run(struct scr_env *e, const struct sch_menu *m, struct cfg_item *it)
{
	const char *rc = cfg_get(m, it, "run-count");
	const char *src = cfg_get(m, it, "source");
	char *name = xstrdup(cfg_get(m, it, "name") ? cfg_get(m, it, "name") :
	    "");
	char *text = xstrdup(src ? src : "");
	enum scr_status st;

	set_num(m, it, "run-count", (rc ? atoll(rc) : 0) + 1);
	set_date(e, m, it, "last-started", e->now, true, true);
	st = sys_run_source(e, name, "script", text, NULL);
	free(name);
	free(text);
	return st;
}

/* ---- /system script environment ---- */

/* a value as the environment shows it: arrays in braces, strings inside
 * them quoted (scripting reference 8.2) */
static void
env_value(const struct scr_val *v, bool inner, struct strbuf *sb)
{
	size_t i;

	if (v->k == SV_ARRAY) {
		sb_addc(sb, '{');
		for (i = 0; i < v->u.arr->n; i++) {
			if (i)
				sb_add(sb, "; ");
			if (v->u.arr->keys[i]) {
				sb_add(sb, v->u.arr->keys[i]);
				sb_addc(sb, '=');
			}
			env_value(&v->u.arr->v[i], true, sb);
		}
		sb_addc(sb, '}');
	} else if (inner && v->k == SV_STR) {
		const char *p;

		sb_addc(sb, '"');
		for (p = v->u.s; *p; p++) {
			if (*p == '"' || *p == '\\' || *p == '$')
				sb_addc(sb, '\\');
			sb_addc(sb, *p);
		}
		sb_addc(sb, '"');
	} else
		scr_val_print(v, sb);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * Makes the items match the globals: values refreshed, items of removed
 * globals gone, new globals appended in name order (ROS's own order is
 * not documented).
 */
static void
env_sync(struct scr_env *e, struct sch_menu *m)
{
	struct cfg_list *l = cfg_list(e->cfg, m);
	struct strmap seen;
	const char **add;
	size_t i, n_add = 0;

	strmap_init(&seen);
	for (i = 0; i < l->n; i++) {
		struct cfg_item *it = l->items[i];
		const char *name = cfg_get(m, it, "name");
		struct scr_val *g;

		if (it->flags & CI_DEAD)
			continue;
		g = name ? strmap_get(&e->globals, name) : NULL;
		if (g == NULL) {
			cfg_remove(e->cfg, m, it);
			continue;
		}
		{
			struct strbuf sb = STRBUF_INIT;

			env_value(g, false, &sb);
			cfg_set_text(m, it, "value", sb_str(&sb));
			sb_fini(&sb);
		}
		strmap_put(&seen, name, it);
	}
	cfg_compact(e->cfg, m);
	add = xcalloc(e->globals.cap + 1, sizeof(*add));
	for (i = 0; i < e->globals.cap; i++)
		if (e->globals.keys[i] &&
		    strmap_get(&seen, e->globals.keys[i]) == NULL)
			add[n_add++] = e->globals.keys[i];
	qsort(add, n_add, sizeof(*add), cmp_str);
	for (i = 0; i < n_add; i++) {
		struct cfg_item *it = cfg_item_new(m);
		struct strbuf sb = STRBUF_INIT;

		it->flags = CI_DYNAMIC;
		it->created = e->now;
		cfg_set_text(m, it, "name", add[i]);
		env_value(strmap_get(&e->globals, add[i]), false, &sb);
		cfg_set_text(m, it, "value", sb_str(&sb));
		sb_fini(&sb);
		cfg_insert(e->cfg, m, it, (size_t)-1);
	}
	free(add);
	strmap_fini(&seen);
}

/* after remove/set: globals follow the items */
static void
env_write_back(struct scr_env *e, struct sch_menu *m, const char *cmd)
{
	struct cfg_list *l = cfg_list(e->cfg, m);
	struct strmap live;
	size_t i;

	strmap_init(&live);
	for (i = 0; i < l->n; i++) {
		struct cfg_item *it = l->items[i];
		const char *name = cfg_get(m, it, "name");
		const char *val = cfg_get(m, it, "value");
		struct scr_val *g;

		if ((it->flags & CI_DEAD) || name == NULL)
			continue;
		strmap_put(&live, name, it);
		g = strmap_get(&e->globals, name);
		if (g && !strcmp(cmd, "set")) {
			struct strbuf sb = STRBUF_INIT;

			env_value(g, false, &sb);
			if (strcmp(sb_str(&sb), val ? val : "") != 0)
				var_set_global(e, name, scr_val_from_text(
				    val ? val : "", true), false);
			sb_fini(&sb);
		}
	}
	for (i = 0; i < e->globals.cap; i++) {
		const char *k = e->globals.keys[i];
		struct scr_val *v;

		if (k == NULL || strmap_get(&live, k) != NULL)
			continue;
		v = e->globals.vals[i];
		strmap_del(&e->globals, k);
		scr_val_free(v);
		free(v);
		free((char *)k);
		i = (size_t)-1;		/* the table moved: start over */
	}
	strmap_fini(&live);
}

/* ---- scheduler ---- */

static int64_t
days_from_civil(int64_t y, int m, int d)
{
	/* days since 1970-01-01 (H. Hinnant's algorithm) */
	int64_t era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

/* "jan/02/1970" (v6) or "1970-01-02" (v7) to the clock's ns at 00:00 */
static bool
parse_date(const char *s, int64_t *out)
{
	static const char *const mon[] = { "jan", "feb", "mar", "apr", "may",
	    "jun", "jul", "aug", "sep", "oct", "nov", "dec" };
	int y, m = 0, d, i;
	char ms[4];

	if (sscanf(s, "%d-%d-%d", &y, &m, &d) == 3 && y > 1000) {
		/* ISO */
	} else if (sscanf(s, "%3[A-Za-z]/%d/%d", ms, &d, &y) == 3) {
		for (i = 0; i < 12; i++)
			if (strncasecmp(ms, mon[i], 3) == 0)
				m = i + 1;
	} else
		return false;
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return false;
	/* the virtual clock starts at jan/02/1970 00:00:00 */
	*out = (days_from_civil(y, m, d) - 1) * 86400 * NS;
	return true;
}

/* first run of a scheduler item and its interval; false: never runs */
static bool
sched_times(const struct sch_menu *m, const struct cfg_item *it,
    int64_t *start, int64_t *ival)
{
	const char *d = cfg_get(m, it, "start-date");
	const char *t = cfg_get(m, it, "start-time");
	int ii = sch_prop_find(m, "interval");
	int64_t day = 0, tod = 0;

	if (cfg_item_disabled(m, it))
		return false;
	*ival = ii >= 0 && it->v[ii].text ? it->v[ii].u.num : 0;
	if (t && !strcmp(t, "startup")) {
		*start = STARTUP_NS;
		return true;
	}
	if (d && !parse_date(d, &day))
		return false;
	if (t && sch_time_parse(t, &tod) < 0)
		return false;
	*start = day + tod;
	return true;
}

/* the first run after now, -1 if none */
static int64_t
sched_due_after(int64_t start, int64_t ival, int64_t now)
{
	if (start > now)
		return start;
	if (ival <= 0)
		return -1;
	return start + ((now - start) / ival + 1) * ival;
}

/* next-run of every entry, as print shows it */
static void
sched_refresh(struct scr_env *e)
{
	struct sch_menu *m = menu("/system/scheduler");
	struct cfg_list *l;
	size_t i;

	if (m == NULL || m->def == NULL)
		return;
	l = cfg_list(e->cfg, m);
	for (i = 0; i < l->n; i++) {
		struct cfg_item *it = l->items[i];
		int64_t s, iv, t;

		if (it->flags & CI_DEAD)
			continue;
		if (sched_times(m, it, &s, &iv) &&
		    (t = sched_due_after(s, iv, e->now)) >= 0)
			set_date(e, m, it, "next-run", t, true, true);
		else
			set_text(m, it, "next-run", NULL);
	}
}

/* ROS (scripting reference 7.3): a failed event leaves this in the log */
static void
sched_failed(struct scr_env *e, const char *name)
{
	struct strbuf sb = STRBUF_INIT;

	sb_addf(&sb, "executing script %s from scheduler failed, please "
	    "check it manually", name);
	scr_log_write(e, "error", sb_str(&sb));
	sb_fini(&sb);
}

/* runs every entry due at exactly t, in list order */
static void
sched_fire_at(struct scr_env *e, struct sch_menu *m, int64_t t)
{
	struct cfg_list *l = cfg_list(e->cfg, m);
	struct sch_menu *sm = menu("/system/script");
	uint32_t *due;
	size_t i, n = 0;

	due = xcalloc(l->n + 1, sizeof(*due));
	for (i = 0; i < l->n; i++) {
		int64_t s, iv;

		if (!(l->items[i]->flags & CI_DEAD) &&
		    sched_times(m, l->items[i], &s, &iv) &&
		    sched_due_after(s, iv, t - 1) == t)
			due[n++] = l->items[i]->id;
	}
	for (i = 0; i < n; i++) {
		struct cfg_item *it = cfg_by_id(e->cfg, m, due[i]);
		const char *rc, *ev, *nm;
		struct cfg_item *script;
		char *name, *code;
		enum scr_status st;

		if (it == NULL || (it->flags & CI_DEAD))
			continue;	/* an earlier event removed it */
		rc = cfg_get(m, it, "run-count");
		set_num(m, it, "run-count", (rc ? atoll(rc) : 0) + 1);
		ev = cfg_get(m, it, "on-event");
		nm = cfg_get(m, it, "name");
		name = xstrdup(nm ? nm : "");
		code = xstrdup(ev ? ev : "");
		/* ROS: on-event is a script's name or code (reference 5.4) */
		script = sm && sm->def ? item_named(e, sm, code) : NULL;
		if (script) {
			free(name);
			name = xstrdup(code);
			st = script_run(e, sm, script);
		} else
			st = sys_run_source(e, name, "script", code, NULL);
		if (st == SCR_ERR)
			sched_failed(e, name);
		free(name);
		free(code);
	}
	free(due);
}

/* when the next timer (scheduler, check-gateway, netwatch) is due; -1 */
int64_t
scr_clock_next(struct scr_env *e)
{
	struct sch_menu *m = menu("/system/scheduler");
	int64_t next = emu_next_event(e), d = dhcp_next(e);
	size_t i;

	if (d >= 0 && (next < 0 || d < next))
		next = d;
	if (m && m->def) {
		struct cfg_list *l = cfg_list(e->cfg, m);

		for (i = 0; i < l->n; i++) {
			int64_t st, iv, t;

			if (!(l->items[i]->flags & CI_DEAD) &&
			    sched_times(m, l->items[i], &st, &iv) &&
			    (t = sched_due_after(st, iv, e->now)) >= 0 &&
			    (next < 0 || t < next))
				next = t;
		}
	}
	return next;
}

/*
 * A timer of the router's own (DHCP renewal, check-gateway or netwatch
 * probe) is a step of the run: --max-steps bounds a long :delay on a
 * router that probes every few seconds.  true when the limit is passed
 * (the run is then over: fatal; the caller's next step reports it).
 */
static bool
timer_step(struct scr_env *e)
{
	if (e->max_steps && ++e->steps > e->max_steps) {
		e->fatal = true;
		return true;
	}
	return false;
}

void
scr_clock_advance(struct scr_env *e, int64_t to)
{
	struct sys_state *s = sys_get(e);
	struct sch_menu *m = menu("/system/scheduler");
	int fired = 0;

	if (to <= e->now)
		return;
	/* events that :delay move the clock too; keep the nesting bounded */
	if (m == NULL || m->def == NULL || s->clock_depth > 8) {
		e->now = to;
		return;
	}
	s->clock_depth++;
	while (fired < MAX_EVENTS && !e->fatal) {
		struct cfg_list *l = cfg_list(e->cfg, m);
		int64_t next = -1, ev, dv;
		size_t i;

		for (i = 0; i < l->n; i++) {
			int64_t st, iv, t;

			if (!(l->items[i]->flags & CI_DEAD) &&
			    sched_times(m, l->items[i], &st, &iv) &&
			    (t = sched_due_after(st, iv, e->now)) >= 0 &&
			    t <= to && (next < 0 || t < next))
				next = t;
		}
		/* the router's own timers: DHCP renewals first, then
		 * check-gateway and netwatch */
		ev = emu_next_event(e);
		dv = dhcp_next(e);
		if (dv >= 0 && dv <= to && (next < 0 || dv < next) &&
		    (ev < 0 || dv <= ev)) {
			e->now = dv;
			dhcp_fire(e, dv);
			if (timer_step(e))
				break;
			continue;
		}
		if (ev >= 0 && ev <= to && (next < 0 || ev < next)) {
			e->now = ev;
			emu_fire(e, ev);
			/* probes run often: not MAX_EVENTS, but steps */
			if (timer_step(e))
				break;
			continue;
		}
		if (next < 0)
			break;
		e->now = next;
		sched_fire_at(e, m, next);
		fired++;
	}
	if (e->now < to)
		e->now = to;
	s->clock_depth--;
	sched_refresh(e);
}

/*
 * start-time as print shows it, "00:01:10" (a value given as a time
 * literal reaches the store in the script's time form, "1m10s"), and
 * start-date in the emulated version's date form.
 */
static void
sched_norm_time(struct scr_env *e, const struct sch_menu *m,
    struct cfg_item *it)
{
	const char *t = cfg_get(m, it, "start-time");
	const char *d = cfg_get(m, it, "start-date");
	int64_t ns;
	char b[16];

	/* start-date in the emulated version's form (v6 jan/02/1970) */
	if (d && parse_date(d, &ns)) {
		struct strbuf sb = STRBUF_INIT;

		cfg_date_print(e->ros, ns, true, false, &sb);
		if (strcmp(sb_str(&sb), d) != 0)
			cfg_set_text(m, it, "start-date", sb_str(&sb));
		sb_fini(&sb);
	}

	if (t == NULL || !strcmp(t, "startup") || sch_time_parse(t, &ns) < 0 ||
	    ns < 0 || ns >= 86400 * NS)
		return;
	ns /= NS;
	snprintf(b, sizeof(b), "%02d:%02d:%02d", (int)(ns / 3600),
	    (int)(ns / 60 % 60), (int)(ns % 60));
	if (strcmp(b, t) != 0)
		cfg_set_text(m, it, "start-time", b);
}

/* add: start-date and start-time default to now, the owner is admin */
static void
sched_added(struct scr_env *e, struct sch_menu *m, struct cfg_item *it)
{
	if (cfg_get(m, it, "start-date") == NULL &&
	    !(cfg_get(m, it, "start-time") &&
	    !strcmp(cfg_get(m, it, "start-time"), "startup")))
		set_date(e, m, it, "start-date", e->now, true, false);
	if (cfg_get(m, it, "start-time") == NULL)
		set_date(e, m, it, "start-time", e->now, false, true);
	cfg_set_text(m, it, "owner", "admin");
}

/* ---- DHCP client ---- */

struct lease_want {
	uint32_t addr, gw, dns;
	int	 plen;
	bool	 own_addr;
	bool	 isp_set;	/* from /emulator isp set */
	int64_t	 lease_time;
};

static struct sys_isp *
isp_find(struct sys_state *s, const char *ifname)
{
	size_t i;

	for (i = 0; ifname && i < s->n_isp; i++)
		if (!strcmp(s->isp[i].iface, ifname))
			return &s->isp[i];
	return NULL;
}

/*
 * The lease the simulated ISP on an interface hands out.  rosemu has no
 * DHCP server on the far side, so (documented in rosemu(1)):
 *  - an interface that has a static IPv4 address is on the ISP's network:
 *    the lease is that address, the gateway the network's first host
 *    (its last when the router holds the first);
 *  - otherwise the ISP is 100.64.N.0/24 (RFC 6598 carrier space), N the
 *    interface's position in /interface print (ether1 is 1), the lease
 *    100.64.N.2/24 and the gateway, DHCP and DNS server 100.64.N.1.
 * False when the interface does not exist (the client cannot bind).
 */
static bool
lease_of(struct scr_env *e, const char *ifname, struct lease_want *w)
{
	struct sch_menu *am = menu("/ip/address"), *im = menu("/interface");
	struct cfg_row *rows = NULL;
	struct cfg_list *l;
	size_t i, n;
	long pos = -1;

	if (am == NULL || im == NULL || ifname == NULL)
		return false;
	n = cfg_rows(e->cfg, im, &rows);
	for (i = 0; i < n && pos < 0; i++) {
		int ni = rows[i].m->def && rows[i].m->def->name_prop ?
		    sch_prop_find(rows[i].m, rows[i].m->def->name_prop) :
		    sch_prop_find(rows[i].m, "name");
		const char *nm = ni >= 0 ? rows[i].it->v[ni].text : NULL;

		if (nm && !strcmp(nm, ifname))
			pos = (long)i;
	}
	free(rows);
	if (pos < 0)
		return false;
	w->lease_time = DHCP_LEASE;
	w->isp_set = false;
	{
		struct sys_isp *isp = isp_find(sys_get(e), ifname);

		if (isp && isp->lease_time > 0)
			w->lease_time = isp->lease_time;
		if (isp && isp->addr) {
			uint32_t m = isp->plen ? 0xffffffffu << (32 -
			    isp->plen) : 0;

			w->addr = isp->addr;
			w->plen = isp->plen;
			w->gw = isp->gw ? isp->gw : (w->addr & m) + 1;
			if (w->gw == w->addr)
				w->gw = ((w->addr & m) | ~m) - 1;
			w->dns = isp->dns ? isp->dns : w->gw;
			w->own_addr = true;
			w->isp_set = true;
			return true;
		}
	}
	l = cfg_list(e->cfg, am);
	for (i = 0; i < l->n; i++) {
		const struct cfg_item *a = l->items[i];
		int ia = sch_prop_find(am, "address");
		const char *ifc = cfg_get(am, a, "interface");
		uint32_t mask, net, bc;

		if ((a->flags & (CI_DEAD | CI_DYNAMIC)) || ia < 0 ||
		    a->v[ia].text == NULL || ifc == NULL ||
		    strcmp(ifc, ifname) != 0 || cfg_item_disabled(am, a))
			continue;
		w->addr = a->v[ia].u.ip4.lo;
		w->plen = a->v[ia].u.ip4.plen;
		mask = w->plen ? 0xffffffffu << (32 - w->plen) : 0;
		net = w->addr & mask;
		bc = net | ~mask;
		w->gw = w->plen >= 31 ? (w->addr ^ 1) : net + 1;
		if (w->gw == w->addr)
			w->gw = bc - 1;
		w->dns = w->gw;
		w->own_addr = false;
		return true;
	}
	n = (size_t)pos % 254 + 1;
	w->addr = (100u << 24) | (64u << 16) | ((uint32_t)n << 8) | 2;
	w->gw = (w->addr & 0xffffff00u) | 1;
	w->dns = w->gw;
	w->plen = 24;
	w->own_addr = true;
	return true;
}

static void
ip_text(uint32_t a, struct strbuf *sb)
{
	sch_ip4_print(a, sb);
}

/* the dynamic items a lease made: the address and the default route */
static void
lease_items_remove(struct scr_env *e, const struct sys_lease *ls)
{
	struct sch_menu *am = menu("/ip/address"), *rm = menu("/ip/route");
	struct strbuf a = STRBUF_INIT, g = STRBUF_INIT;
	struct cfg_list *l;
	size_t i;

	ip_text(ls->addr, &a);
	sb_addf(&a, "/%d", ls->plen);
	ip_text(ls->gw, &g);
	if (am && ls->own_addr) {
		l = cfg_list(e->cfg, am);
		for (i = 0; i < l->n; i++) {
			struct cfg_item *it = l->items[i];
			const char *ad = cfg_get(am, it, "address");
			const char *ifc = cfg_get(am, it, "interface");

			if ((it->flags & CI_DHCP) && !(it->flags & CI_DEAD) &&
			    ad && !strcmp(ad, sb_str(&a)) && ifc &&
			    !strcmp(ifc, ls->iface))
				cfg_remove(e->cfg, am, it);
		}
		cfg_compact(e->cfg, am);
	}
	if (rm && ls->route_key) {
		l = cfg_list(e->cfg, rm);
		for (i = 0; i < l->n; i++) {
			struct cfg_item *it = l->items[i];
			const char *gw = cfg_get(rm, it, "gateway");

			if ((it->flags & CI_DHCP) && !(it->flags & CI_DEAD) &&
			    gw && !strcmp(gw, sb_str(&g))) {
				cfg_remove(e->cfg, rm, it);
				break;
			}
		}
		cfg_compact(e->cfg, rm);
	}
	sb_fini(&a);
	sb_fini(&g);
}

/* "yes 1": the route a client's add-default-route and distance ask for;
 * NULL for none */
static char *
route_key(const struct sch_menu *cm, const struct cfg_item *c)
{
	const char *adr = cfg_get(cm, c, "add-default-route");
	const char *dist = cfg_get(cm, c, "default-route-distance");
	struct strbuf sb = STRBUF_INIT;

	if (adr && !strcmp(adr, "no"))
		return NULL;
	sb_addf(&sb, "%s %s", adr ? adr : "yes", dist ? dist : "1");
	return sb_steal(&sb);
}

static void
lease_route_add(struct scr_env *e, const struct sys_lease *ls)
{
	struct sch_menu *rm = menu("/ip/route");
	struct cfg_item *r;
	struct strbuf g = STRBUF_INIT;
	const char *sp;

	if (rm == NULL || rm->def == NULL || ls->route_key == NULL)
		return;
	ip_text(ls->gw, &g);
	r = cfg_item_new(rm);
	r->flags = CI_DYNAMIC | CI_DHCP;
	r->created = e->now;
	cfg_set_text(rm, r, "dst-address", "0.0.0.0/0");
	cfg_set_text(rm, r, "gateway", sb_str(&g));
	sp = strchr(ls->route_key, ' ');
	cfg_set_text(rm, r, "distance", sp ? sp + 1 : "1");
	cfg_insert(e->cfg, rm, r, (size_t)-1);
	sb_fini(&g);
}

static void
lease_addr_add(struct scr_env *e, const struct sys_lease *ls)
{
	struct sch_menu *am = menu("/ip/address");
	struct cfg_item *it;
	struct strbuf a = STRBUF_INIT;
	const char *err = NULL;

	if (am == NULL || am->def == NULL || !ls->own_addr)
		return;
	ip_text(ls->addr, &a);
	sb_addf(&a, "/%d", ls->plen);
	it = cfg_item_new(am);
	it->flags = CI_DYNAMIC | CI_DHCP;
	it->created = e->now;
	cfg_set_text(am, it, "address", sb_str(&a));
	cfg_set_text(am, it, "interface", ls->iface);
	if (am->def->validate)		/* fills network= */
		(void)am->def->validate(it->v, am->props, am->n_props, &err);
	cfg_insert(e->cfg, am, it, (size_t)-1);
	sb_fini(&a);
}

/*
 * ROS (engine reference 7.2): script= runs on lease add/change/remove
 * with bound (1/0), server-address, lease-address, interface,
 * gateway-address, vendor-specific and lease-options.  A failing script
 * leaves its error in the log; the client stays bound.
 */
static void
lease_script(struct scr_env *e, const struct sys_lease *ls, bool bound)
{
	struct scr_arr *vars;
	struct strbuf sb = STRBUF_INIT;
	struct scr_val arr;

	if (ls->script == NULL || ls->script[0] == '\0')
		return;
	vars = scr_arr_new();
	scr_arr_push(vars, "bound", scr_num(bound ? 1 : 0));
	ip_text(ls->gw, &sb);
	scr_arr_push(vars, "server-address", scr_val_from_text(sb_str(&sb),
	    true));
	scr_arr_push(vars, "gateway-address", scr_val_from_text(sb_str(&sb),
	    true));
	sb_reset(&sb);
	ip_text(ls->addr, &sb);
	scr_arr_push(vars, "lease-address", scr_val_from_text(sb_str(&sb),
	    true));
	scr_arr_push(vars, "interface", scr_str(ls->iface));
	scr_arr_push(vars, "vendor-specific", scr_str(""));
	scr_arr_push(vars, "lease-options", scr_array_new());
	sb_fini(&sb);
	if (sys_run_source(e, NULL, "script", ls->script, vars) == SCR_ERR)
		scr_log_write(e, "error", e->err ? e->err : "error");
	arr.k = SV_ARRAY;
	arr.u.arr = vars;
	scr_val_free(&arr);
}

/* peer DNS servers of bound clients with use-peer-dns go to /ip dns */
static void
dns_dynamic(struct scr_env *e)
{
	struct sch_menu *dm = menu("/ip/dns"), *cm = menu("/ip/dhcp-client");
	struct sys_state *s = e->sys;
	struct strbuf sb = STRBUF_INIT;
	struct cfg_list *l;
	size_t i;

	if (dm == NULL || dm->def == NULL || cm == NULL ||
	    sch_prop_find(dm, "dynamic-servers") < 0)
		return;
	for (i = 0; i < s->n_lease; i++) {
		struct cfg_item *c = cfg_by_id(e->cfg, cm, s->lease[i].client);
		const char *u = c ? cfg_get(cm, c, "use-peer-dns") : NULL;

		if (c == NULL || (u && !strcmp(u, "no")))
			continue;
		if (sb.len)
			sb_addc(&sb, ',');
		ip_text(s->lease[i].dns, &sb);
	}
	l = cfg_list(e->cfg, dm);
	if (l->n == 0 && sb.len == 0) {
		sb_fini(&sb);
		return;
	}
	if (l->n == 0)
		cfg_insert(e->cfg, dm, cfg_item_new(dm), (size_t)-1);
	l = cfg_list(e->cfg, dm);
	set_text(dm, l->items[0], "dynamic-servers",
	    sb.len ? sb_str(&sb) : NULL);
	sb_fini(&sb);
}

static void
lease_drop(struct sys_state *s, size_t i)
{
	free(s->lease[i].iface);
	free(s->lease[i].script);
	free(s->lease[i].route_key);
	s->lease[i] = s->lease[--s->n_lease];
}

static void
client_show(struct scr_env *e, const struct sch_menu *cm,
    struct cfg_item *c, const struct sys_lease *ls, const char *status)
{
	struct strbuf sb = STRBUF_INIT;

	set_text(cm, c, "status", status);
	if (ls == NULL) {
		set_text(cm, c, "expires-after", NULL);
		set_text(cm, c, "address", NULL);
		set_text(cm, c, "gateway", NULL);
		set_text(cm, c, "dhcp-server", NULL);
		set_text(cm, c, "primary-dns", NULL);
		return;
	}
	ip_text(ls->addr, &sb);
	sb_addf(&sb, "/%d", ls->plen);
	cfg_set_text(cm, c, "address", sb_str(&sb));
	sb_reset(&sb);
	ip_text(ls->gw, &sb);
	cfg_set_text(cm, c, "gateway", sb_str(&sb));
	cfg_set_text(cm, c, "dhcp-server", sb_str(&sb));
	sb_reset(&sb);
	ip_text(ls->dns, &sb);
	cfg_set_text(cm, c, "primary-dns", sb_str(&sb));
	sb_fini(&sb);
	(void)e;
}

/* "dhcp-client ether1: bound 100.64.1.2/24 gateway 100.64.1.1" */
static void
lease_timeline(struct scr_env *e, const struct sys_lease *ls,
    const char *what)
{
	struct strbuf sb = STRBUF_INIT;

	if (e->check)
		return;
	sb_addf(&sb, "dhcp-client %s: %s ", ls->iface, what);
	ip_text(ls->addr, &sb);
	sb_addf(&sb, "/%d gateway ", ls->plen);
	ip_text(ls->gw, &sb);
	emu_timeline_add(e, sb_str(&sb));
	sb_fini(&sb);
}

/*
 * Lease i goes: out of the table first (its script may sync the clients
 * again), then the script runs with bound=0.
 */
static void
lease_end(struct scr_env *e, size_t i)
{
	struct sys_state *s = sys_get(e);
	struct sys_lease old = s->lease[i];

	s->lease[i].iface = s->lease[i].script = s->lease[i].route_key = NULL;
	lease_drop(s, i);
	lease_script(e, &old, false);
	free(old.iface);
	free(old.script);
	free(old.route_key);
}

static void
lease_run_script(struct scr_env *e, const struct sys_lease *ls, bool bound)
{
	struct sys_lease cp = *ls;

	/* a copy: the script may add or remove clients (s->lease moves) */
	cp.iface = xstrdup(ls->iface);
	cp.script = ls->script ? xstrdup(ls->script) : NULL;
	cp.route_key = NULL;
	lease_script(e, &cp, bound);
	free(cp.iface);
	free(cp.script);
}

/*
 * Brings the leases in line with the clients: a client that is gone,
 * disabled, moved or whose ISP network changed loses its lease (script
 * with bound=0); an enabled client without one binds (bound=1).  A
 * changed add-default-route/distance only replaces the route.
 */
static void
dhcp_sync(struct scr_env *e, uint32_t release)
{
	struct sch_menu *cm = menu("/ip/dhcp-client");
	struct sys_state *s = sys_get(e);
	struct cfg_list *cl;
	size_t i;
	bool changed = false;

	if (cm == NULL || cm->def == NULL || s->in_dhcp)
		return;
	cl = cfg_list(e->cfg, cm);
	if (cl->n == 0 && s->n_lease == 0)
		return;
	s->in_dhcp = true;
	/* leases that no longer hold */
	for (i = 0; i < s->n_lease;) {
		struct sys_lease *ls = &s->lease[i];
		struct cfg_item *c = cfg_by_id(e->cfg, cm, ls->client);
		struct lease_want w;
		const char *ifc = c ? cfg_get(cm, c, "interface") : NULL;
		char *rk;

		/*
		 * an ISP set with /emulator isp hands its new lease out at
		 * the next renew (dhcp_fire), not at once
		 */
		if (c && !(c->flags & CI_DEAD) && !cfg_item_disabled(cm, c) &&
		    ifc && !strcmp(ifc, ls->iface) && ls->client != release &&
		    lease_of(e, ifc, &w) && (w.isp_set || (w.addr == ls->addr &&
		    w.gw == ls->gw && w.plen == ls->plen))) {
			rk = route_key(cm, c);
			if ((rk == NULL) != (ls->route_key == NULL) ||
			    (rk && strcmp(rk, ls->route_key) != 0)) {
				lease_items_remove(e, ls);
				free(ls->route_key);
				ls->route_key = rk;
				if (ls->own_addr)
					lease_addr_add(e, ls);
				lease_route_add(e, ls);
				e->cfg->gen++;
			} else
				free(rk);
			i++;
			continue;
		}
		lease_items_remove(e, ls);
		if (c && !(c->flags & CI_DEAD))
			client_show(e, cm, c, NULL, cfg_item_disabled(cm, c) ?
			    NULL : "searching...");
		lease_end(e, i);
		changed = true;
		cl = cfg_list(e->cfg, cm);
	}
	/* clients to bind */
	for (i = 0; i < cl->n; i++) {
		struct cfg_item *c = cl->items[i];
		struct lease_want w;
		struct sys_lease *ls;
		const char *ifc, *sc;
		size_t k;
		uint32_t id;

		if ((c->flags & CI_DEAD) || cfg_item_disabled(cm, c)) {
			if (!(c->flags & CI_DEAD))
				client_show(e, cm, c, NULL, NULL);
			continue;
		}
		for (k = 0; k < s->n_lease; k++)
			if (s->lease[k].client == c->id)
				break;
		if (k < s->n_lease)
			continue;
		ifc = cfg_get(cm, c, "interface");
		if (!lease_of(e, ifc, &w) || !emu_host_answers(e, ifc, w.gw)) {
			client_show(e, cm, c, NULL, "searching...");
			if (s->search_at <= e->now)
				s->search_at = e->now + DHCP_RETRY;
			continue;
		}
		xgrow((void **)&s->lease, &s->cap_lease, s->n_lease + 1,
		    sizeof(*s->lease));
		ls = &s->lease[s->n_lease++];
		memset(ls, 0, sizeof(*ls));
		ls->client = c->id;
		ls->iface = xstrdup(ifc);
		sc = cfg_get(cm, c, "script");
		ls->script = sc ? xstrdup(sc) : NULL;
		ls->addr = w.addr;
		ls->gw = w.gw;
		ls->plen = w.plen;
		ls->dns = w.dns;
		ls->own_addr = w.own_addr;
		ls->route_key = route_key(cm, c);
		ls->lease_time = w.lease_time;
		ls->renew_at = e->now + w.lease_time / 2;
		ls->expire_at = e->now + w.lease_time;
		lease_addr_add(e, ls);
		lease_route_add(e, ls);
		client_show(e, cm, c, ls, "bound");
		lease_timeline(e, ls, "bound");
		changed = true;
		id = c->id;
		lease_run_script(e, ls, true);
		cl = cfg_list(e->cfg, cm);
		/* the script may have removed clients: find our place again */
		for (k = 0; k < cl->n && cl->items[k]->id != id; k++)
			;
		i = k < cl->n ? k : i;
	}
	if (changed) {
		dns_dynamic(e);
		e->cfg->gen++;	/* addresses and routes: recompile */
	}
	s->in_dhcp = false;
}

/* ---- DHCP timers: renew at half the lease, expire at its end ---- */

/*
 * Lease i at its renew time: the ISP answers with the same lease (a
 * renew: nothing changes, no script), with another one (the items move,
 * the script runs with bound=1: reference 7.2, "lease add/change/remove"),
 * or not at all: retried every eighth of the lease until it expires (the
 * items go, the script runs with bound=0, the client searches again).
 */
static void
dhcp_renew(struct scr_env *e, size_t i)
{
	struct sch_menu *cm = menu("/ip/dhcp-client");
	struct sys_state *s = sys_get(e);
	struct sys_lease *ls = &s->lease[i];
	struct cfg_item *c = cfg_by_id(e->cfg, cm, ls->client);
	struct lease_want w;

	if (c == NULL || (c->flags & CI_DEAD)) {
		ls->renew_at = 0;	/* dhcp_sync() lets it go */
		return;
	}
	if (lease_of(e, ls->iface, &w) && emu_host_answers(e, ls->iface,
	    w.gw)) {
		bool same = w.addr == ls->addr && w.gw == ls->gw &&
		    w.plen == ls->plen && w.dns == ls->dns;

		ls->lease_time = w.lease_time;
		ls->renew_at = e->now + w.lease_time / 2;
		ls->expire_at = e->now + w.lease_time;
		if (same) {
			set_text(cm, c, "status", "bound");
			return;
		}
		lease_items_remove(e, ls);
		ls->addr = w.addr;
		ls->gw = w.gw;
		ls->plen = w.plen;
		ls->dns = w.dns;
		ls->own_addr = w.own_addr;
		lease_addr_add(e, ls);
		lease_route_add(e, ls);
		client_show(e, cm, c, ls, "bound");
		lease_timeline(e, ls, "new lease");
		dns_dynamic(e);
		e->cfg->gen++;
		lease_run_script(e, ls, true);
		return;
	}
	if (e->now < ls->expire_at) {
		ls->renew_at = e->now + ls->lease_time / 8;
		if (ls->renew_at > ls->expire_at)
			ls->renew_at = ls->expire_at;
		set_text(cm, c, "status", "renewing...");
		lease_timeline(e, ls, "renew unanswered, lease");
		return;
	}
	lease_items_remove(e, ls);
	client_show(e, cm, c, NULL, "searching...");
	lease_timeline(e, ls, "lease expired,");
	lease_end(e, i);
	s->search_at = e->now + DHCP_RETRY;
	dns_dynamic(e);
	e->cfg->gen++;
}

static int64_t
dhcp_next(struct scr_env *e)
{
	struct sys_state *s = e->sys;
	int64_t next = -1;
	size_t i;

	if (s == NULL || e->check)
		return -1;
	for (i = 0; i < s->n_lease; i++)
		if (s->lease[i].renew_at > 0 && (next < 0 ||
		    s->lease[i].renew_at < next))
			next = s->lease[i].renew_at;
	if (s->search_at > 0 && (next < 0 || s->search_at < next))
		next = s->search_at;
	return next;
}

static void
dhcp_fire(struct scr_env *e, int64_t t)
{
	struct sys_state *s = sys_get(e);
	size_t i;

	if (s->in_dhcp)
		return;
	for (;;) {
		for (i = 0; i < s->n_lease && s->lease[i].renew_at != t; i++)
			;
		if (i == s->n_lease)
			break;
		s->in_dhcp = true;
		dhcp_renew(e, i);
		s->in_dhcp = false;
	}
	if (s->search_at == t) {
		s->search_at = 0;
		dhcp_sync(e, 0);
	}
	dhcp_sync(e, 0);	/* leases whose client went */
}

/* ---- /emulator isp ---- */

int
sys_isp_cmd(struct scr_env *e, const char *cmd, const char *iface,
    const char *const *arg, struct strbuf *out, struct strbuf *err)
{
	struct sys_state *s = sys_get(e);
	struct sch_menu *cm = menu("/ip/dhcp-client");
	struct sys_isp *isp;
	size_t i;

	if (!strcmp(cmd, "print")) {
		struct cfg_list *l = cm && cm->def ? cfg_list(e->cfg, cm) :
		    NULL;

		sb_add(out, "INTERFACE       ADDRESS             GATEWAY          "
		    "DNS              LEASE-TIME\n");
		for (i = 0; l && i < l->n; i++) {
			const char *ifc = cfg_get(cm, l->items[i], "interface");
			struct lease_want w;
			struct strbuf t = STRBUF_INIT;
			size_t k;

			if ((l->items[i]->flags & CI_DEAD) || ifc == NULL)
				continue;
			for (k = 0; k < i; k++)
				if (!(l->items[k]->flags & CI_DEAD) && cfg_get(cm,
				    l->items[k], "interface") && !strcmp(cfg_get(
				    cm, l->items[k], "interface"), ifc))
					break;
			if (k < i || !lease_of(e, ifc, &w))
				continue;
			sb_addf(out, "%-16s", ifc);
			ip_text(w.addr, &t);
			sb_addf(&t, "/%d", w.plen);
			sb_addf(out, "%-20s", sb_str(&t));
			sb_reset(&t);
			ip_text(w.gw, &t);
			sb_addf(out, "%-17s", sb_str(&t));
			sb_reset(&t);
			ip_text(w.dns, &t);
			sb_addf(out, "%-17s", sb_str(&t));
			sb_reset(&t);
			sch_time_print(w.lease_time, &t);
			sb_addf(out, "%s\n", sb_str(&t));
			sb_fini(&t);
		}
		return 0;
	}
	/* set IFACE address= gateway= dns= lease-time= */
	if (iface == NULL) {
		sb_add(err, "missing value(s) of argument(s) numbers");
		return -1;
	}
	isp = isp_find(s, iface);
	if (isp == NULL) {
		xgrow((void **)&s->isp, &s->cap_isp, s->n_isp + 1,
		    sizeof(*s->isp));
		isp = &s->isp[s->n_isp++];
		memset(isp, 0, sizeof(*isp));
		isp->iface = xstrdup(iface);
	}
	if (arg[0]) {
		/* A/P; without /P a /24, as ISPs hand out */
		char buf[64], *sl;
		char *end = NULL;
		long pl = 24;

		snprintf(buf, sizeof(buf), "%s", arg[0]);
		if ((sl = strchr(buf, '/')) != NULL) {
			*sl = '\0';
			pl = strtol(sl + 1, &end, 10);
		}
		if (sch_ip4_parse(buf, &isp->addr) < 0 || pl < 1 || pl > 30 ||
		    (sl && (end == sl + 1 || *end))) {
			sb_add(err, "invalid value for argument address");
			return -1;
		}
		isp->plen = (int)pl;
	}
	if (arg[1] && sch_ip4_parse(arg[1], &isp->gw) < 0) {
		sb_add(err, "invalid value for argument gateway");
		return -1;
	}
	if (arg[2] && sch_ip4_parse(arg[2], &isp->dns) < 0) {
		sb_add(err, "invalid value for argument dns");
		return -1;
	}
	if (arg[3] && (sch_time_parse(arg[3], &isp->lease_time) < 0 ||
	    isp->lease_time < NS)) {
		sb_add(err, "invalid value for argument lease-time");
		return -1;
	}
	{
		struct strbuf t = STRBUF_INIT;

		sb_addf(&t, "emulator: the ISP on %s hands out", iface);
		if (isp->addr) {
			sb_addc(&t, ' ');
			ip_text(isp->addr, &t);
			sb_addf(&t, "/%d", isp->plen);
		} else
			sb_add(&t, " its default lease");
		if (isp->gw) {
			sb_add(&t, " gateway ");
			ip_text(isp->gw, &t);
		}
		emu_timeline_add(e, sb_str(&t));
		sb_fini(&t);
	}
	dhcp_sync(e, 0);	/* a client that was searching may bind */
	return 0;
}

/* expires-after of each bound client, as the clock now has it */
static void
lease_expiry_show(struct scr_env *e, const struct sch_menu *m)
{
	struct sys_state *s = e->sys;
	size_t i;

	for (i = 0; s && i < s->n_lease; i++) {
		struct cfg_item *c = cfg_by_id(e->cfg, m, s->lease[i].client);
		struct strbuf t = STRBUF_INIT;
		int64_t left = s->lease[i].expire_at - e->now;

		if (c == NULL || (c->flags & CI_DEAD) ||
		    s->lease[i].expire_at <= 0)
			continue;
		sch_time_print(left > 0 ? left : 0, &t);
		cfg_set_text(m, c, "expires-after", sb_str(&t));
		sb_fini(&t);
	}
}

/* ---- hooks for menucmd.c ---- */

/*
 * ROS: exports carry a script's and an event's policy= (and a script's
 * dont-require-permissions=) even at the defaults (corpus v6 and v7
 * exports), so add stores them.
 */
static void
fill_default(const struct sch_menu *m, struct cfg_item *it, const char *prop)
{
	int i = sch_prop_find(m, prop);

	if (i >= 0 && it->v[i].text == NULL && m->props[i].def)
		cfg_set_text(m, it, prop, m->props[i].def);
}

void
sys_before(struct scr_frame *f, const struct sch_menu *m, const char *cmd)
{
	(void)cmd;
	if (is_path(m, "/system/script/environment"))
		env_sync(f->env, (struct sch_menu *)m);
	else if (is_path(m, "/system/scheduler"))
		sched_refresh(f->env);
	else if (is_path(m, "/ip/dhcp-client"))
		lease_expiry_show(f->env, m);
}

enum scr_status
sys_after(struct scr_frame *f, const struct sch_menu *m, const char *cmd,
    struct cfg_item *added)
{
	struct scr_env *e = f->env;

	if (is_path(m, "/system/scheduler")) {
		struct cfg_list *l = cfg_list(e->cfg, m);
		size_t i;

		if (added && !strcmp(cmd, "add")) {
			sched_added(e, (struct sch_menu *)m, added);
			fill_default(m, added, "policy");
		}
		for (i = 0; i < l->n; i++)
			sched_norm_time(e, m, l->items[i]);
		sched_refresh(e);
	} else if (is_path(m, "/system/script") && added) {
		/* ROS: the user who added it (exported as owner=admin) */
		if (cfg_get(m, added, "owner") == NULL)
			cfg_set_text(m, added, "owner", "admin");
		fill_default(m, added, "policy");
		fill_default(m, added, "dont-require-permissions");
	} else if (is_path(m, "/system/script/environment") &&
	    (!strcmp(cmd, "remove") || !strcmp(cmd, "set")))
		env_write_back(e, (struct sch_menu *)m, cmd);
	else if (m->def && (!strncmp(m->path, "/ip/dhcp-client", 15) ||
	    !strcmp(m->path, "/ip/address") ||
	    !strncmp(m->path, "/interface", 10)) && strcmp(cmd, "print") &&
	    strcmp(cmd, "find") && strcmp(cmd, "get") &&
	    strcmp(cmd, "export"))
		dhcp_sync(e, 0);
	return SCR_OK;
}

bool
sys_item_cmd_known(const struct sch_menu *m, const char *cmd)
{
	return (is_path(m, "/system/script") && !strcmp(cmd, "run")) ||
	    (is_path(m, "/ip/dhcp-client") && (!strcmp(cmd, "release") ||
	    !strcmp(cmd, "renew")));
}

enum scr_status
sys_item_cmd(struct scr_frame *f, const struct sch_menu *m, const char *cmd,
    struct cfg_item **its, size_t n, uint32_t off)
{
	struct scr_env *e = f->env;
	uint32_t *ids = xcalloc(n + 1, sizeof(*ids));
	enum scr_status st = SCR_OK;
	size_t i;

	(void)off;
	for (i = 0; i < n; i++)
		ids[i] = its[i]->id;
	for (i = 0; i < n && st == SCR_OK; i++) {
		struct cfg_item *it = cfg_by_id(e->cfg, m, ids[i]);

		if (it == NULL || (it->flags & CI_DEAD))
			continue;
		if (!strcmp(cmd, "run"))
			st = script_run(e, m, it);
		else if (!strcmp(cmd, "release"))
			/* ROS: the client lets the lease go and asks again;
			 * the simulated ISP answers at once */
			dhcp_sync(e, ids[i]);
		else if (!strcmp(cmd, "renew")) {
			/* ROS: renew now (the ISP's current lease, if any) */
			struct sys_state *s = sys_get(e);
			size_t k;

			for (k = 0; k < s->n_lease &&
			    s->lease[k].client != ids[i]; k++)
				;
			if (k < s->n_lease && !s->in_dhcp) {
				s->in_dhcp = true;
				dhcp_renew(e, k);
				s->in_dhcp = false;
			}
		}
	}
	if (strcmp(cmd, "run") != 0)
		dhcp_sync(e, 0);
	free(ids);
	return st;
}
