/*
 * DOC: print - print and export, written once over the menu schema.
 *
 * Print layouts (reference/routeros-engine.md §6), each in a v6 and a v7
 * form: rule lists (firewall filter/nat/mangle/raw, scripts: numbered
 * entries, flag columns, ";;;" comments, name=value words wrapped at the
 * terminal width, blank line between entries; also "print detail" of
 * every menu), tables (brief: v6 fixed widths and an elastic column, v7
 * Flags:/Columns: lines and content widths), terse (one line per item),
 * settings (right-aligned "name: value") and bare lines (/log).  The
 * menu's table drives all of it: columns, flag legend, print order.
 * cfg_rows() gives the print order and the numbers set/remove accept.
 * Export writes one section per menu: path line, then add/set lines with
 * non-default properties sorted by name, wrapped at 79 columns with " \"
 * and a 4-space indent; long quoted values split inside the string.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"

#define EXPORT_WIDTH	79

static bool
needs_quote(const char *s)
{
	if (*s == '\0')
		return true;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c <= ' ' || c >= 0x7f || strchr("\";$\\[](){}=#?'`", c))
			return true;
	}
	return false;
}

void
cfg_quote(const char *s, struct strbuf *sb)
{
	if (!needs_quote(s)) {
		sb_add(sb, s);
		return;
	}
	sb_addc(sb, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		switch (c) {
		case '"': sb_add(sb, "\\\""); break;
		case '\\': sb_add(sb, "\\\\"); break;
		case '$': sb_add(sb, "\\$"); break;
		case '?': sb_add(sb, "\\?"); break;
		case '\n': sb_add(sb, "\\n"); break;
		case '\r': sb_add(sb, "\\r"); break;
		case '\t': sb_add(sb, "\\t"); break;
		default:
			if (c < ' ' || c >= 0x7f)
				sb_addf(sb, "\\%02X", c);
			else
				sb_addc(sb, (char)c);
		}
	}
	sb_addc(sb, '"');
}

/* ---- export ---- */

struct wrap {
	struct strbuf *out;
	size_t	 col;
	bool	 wrap;		/* false: terse (one physical line) */
};

static void
wrap_break(struct wrap *w, bool space)
{
	sb_add(w->out, space ? " \\\n    " : "\\\n    ");
	w->col = 4;
}

/*
 * Appends one token (name=value or a word).  ROS, measured on the corpus
 * exports (6.42-7.19, ~700 wrapped lines, all matching): a token goes on
 * the current line if it fits with room for " \" (79 columns).  If not,
 * and "name=\" still fits in 78 columns, the line ends right after "=" and
 * the value starts the next line; otherwise the line ends with " \" before
 * the token.  A value too long for any line is written in place and split
 * where the line is full with a bare "\" (quoted strings mid-string).
 * "\r\n" inside a quoted value always ends a physical line after "\r".
 */
static void wrap_split(struct wrap *, const char *, size_t, size_t);

static void
wrap_tok(struct wrap *w, const char *tok)
{
	size_t len = strlen(tok), i, nl = 0;
	const char *eq = strchr(tok, '=');

	if (!w->wrap) {
		sb_addc(w->out, ' ');
		sb_add(w->out, tok);
		return;
	}
	if (w->col + 1 + len + 2 <= EXPORT_WIDTH && !strstr(tok, "\\r\\n")) {
		sb_addc(w->out, ' ');
		sb_add(w->out, tok);
		w->col += 1 + len;
		return;
	}
	if (eq != NULL && tok[0] != '"' && memchr(tok, '"', (size_t)(eq - tok))
	    == NULL)
		nl = (size_t)(eq - tok) + 1;
	if (nl && w->col + 1 + nl + 1 <= EXPORT_WIDTH - 1) {
		sb_addc(w->out, ' ');
		sb_addn(w->out, tok, nl);
		w->col += 1 + nl;
		if (4 + (len - nl) + 2 <= EXPORT_WIDTH &&
		    !strstr(tok, "\\r\\n")) {
			/* the value fits a line of its own */
			wrap_break(w, false);
			sb_add(w->out, tok + nl);
			w->col += len - nl;
			return;
		}
		i = nl;		/* too long for any line: split in place */
	} else {
		if (w->col > 4)
			wrap_break(w, true);
		else {
			sb_addc(w->out, ' ');
			w->col++;
		}
		i = 0;
	}
	/*
	 * ROS: outside quotes "\" does not continue a word (scripting
	 * reference 1.3), so an unquoted value split here is quoted first
	 * (reference 6.7 leaves this edge case unverified).
	 */
	if (w->col + (len - i) > EXPORT_WIDTH - 1 &&
	    memchr(tok, '"', len) == NULL) {
		size_t qp = eq ? (size_t)(eq - tok) + 1 : 0;
		char *q = xmalloc(len + 3);

		memcpy(q, tok, qp);
		q[qp] = '"';
		memcpy(q + qp + 1, tok + qp, len - qp);
		q[len + 1] = '"';
		q[len + 2] = '\0';
		wrap_split(w, q, i, len + 2);
		free(q);
		return;
	}
	wrap_split(w, tok, i, len);
}

/* writes tok[i..len) split where the line is full (wrap_tok) */
static void
wrap_split(struct wrap *w, const char *tok, size_t i, size_t len)
{
	bool in_str = false, esc = false;

	for (size_t k = 0; k < i; k++)	/* quotes before the split point */
		if (tok[k] == '"')
			in_str = !in_str;
	for (; i < len; i++) {
		char c = tok[i];

		/*
		 * never split inside an escape: "\?" or "\E2" goes to the
		 * next line whole when it does not fit before the "\"
		 */
		size_t need = 1;

		if (in_str && c == '\\' && !esc)
			need = isxdigit((unsigned char)tok[i + 1]) &&
			    isxdigit((unsigned char)tok[i + 2]) ? 3 : 2;
		if (w->col + need > EXPORT_WIDTH - 1 && !esc) {
			wrap_break(w, false);
			/*
			 * ROS: a continuation line's leading blanks are
			 * indentation, so a space that starts one is
			 * written "\_".
			 */
			if (c == ' ' && in_str) {
				sb_add(w->out, "\\_");
				w->col += 2;
				continue;
			}
		}
		sb_addc(w->out, c);
		w->col++;
		if (c == '"' && !esc)
			in_str = !in_str;
		if (in_str && c == 'r' && esc && tok[i + 1] == '\\' &&
		    tok[i + 2] == 'n' && i + 3 < len)
			wrap_break(w, false);
		esc = in_str && c == '\\' && !esc;
	}
}

static int
tok_cmp(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	size_t nx, ny;
	int r;

	if (*x == '!')
		x++;
	if (*y == '!')
		y++;
	/* by name alone: "ft=yes" sorts before "ft-over-ds=yes" */
	nx = strcspn(x, "=");
	ny = strcspn(y, "=");
	if ((r = strncmp(x, y, nx < ny ? nx : ny)) != 0 || nx == ny)
		return r != 0 ? r : strcmp(x, y);
	return nx < ny ? -1 : 1;
}

/*
 * Properties RouterOS treats as sensitive (hide-sensitive in v6, hidden
 * unless show-sensitive in v7): passwords, secrets and keys, whatever
 * the menu ("security.passphrase" counts by its last part).
 */
static bool
sensitive_name(const char *name)
{
	static const char *const sens[] = { "password", "secret",
	    "passphrase", "private-key", "pre-shared-key", "preshared-key",
	    "wpa-pre-shared-key", "wpa2-pre-shared-key", "authentication-key",
	    "authentication-password", "encryption-password", "auth-key" };
	const char *dot = strrchr(name, '.');
	size_t i;

	if (dot)
		name = dot + 1;
	for (i = 0; i < NELEM(sens); i++)
		if (strcmp(sens[i], name) == 0)
			return true;
	return false;
}

static bool
prop_exported(const struct sch_menu *m, const struct cfg_item *it, size_t i,
    const struct cfg_print_opts *o)
{
	const struct sch_prop *p = &m->props[i];
	const struct sch_val *v = &it->v[i];

	if (p->flags & (P_RO | P_NOEXP))
		return false;
	if (v->text == NULL)
		return false;
	if (!o->show_sensitive && ((p->flags & P_SENS) ||
	    sensitive_name(p->name)))
		return false;
	if (it->base) {
		/* builtin items: only what changed since creation */
		return it->base[i].text == NULL ||
		    strcmp(it->base[i].text, v->text) != 0 ||
		    it->base[i].neg != v->neg;
	}
	if (o->verbose || (p->flags & P_KEEP))
		return true;
	return !(p->def && strcmp(p->def, v->text) == 0 && !v->neg);
}

static void
export_item(const struct sch_menu *m, const struct cfg_item *it,
    const struct cfg_print_opts *o, struct strbuf *out)
{
	char **toks = xcalloc(m->n_props + 1, sizeof(char *));
	size_t n = 0, i;
	struct wrap w = { out, 0, !o->terse };

	for (i = 0; i < m->n_props; i++) {
		struct strbuf sb = STRBUF_INIT;

		if (!prop_exported(m, it, i, o))
			continue;
		if (m->props[i].flags & P_FLAG) {
			sb_add(&sb, m->props[i].name);
		} else {
			sb_add(&sb, m->props[i].name);
			sb_addc(&sb, '=');
			/* ROS: the '!' goes inside the quotes: "!Limit IDM" */
			if (it->v[i].neg) {
				char *t = xmalloc(strlen(it->v[i].text) + 2);

				t[0] = '!';
				strcpy(t + 1, it->v[i].text);
				cfg_quote(t, &sb);
				free(t);
			} else
				cfg_quote(it->v[i].text, &sb);
		}
		toks[n++] = sb_steal(&sb);
	}
	/* ROS: nothing changed, nothing written (no bare "set") */
	if ((it->sel || m->settings) && n == 0) {
		free(toks);
		return;
	}
	qsort(toks, n, sizeof(*toks), tok_cmp);
	if (o->terse) {
		sb_add(out, m->spath);
		sb_addc(out, ' ');
	}
	if (it->sel) {
		sb_add(out, "set ");
		sb_add(out, it->sel);
	} else if (m->settings)
		sb_add(out, "set");
	else
		sb_add(out, "add");
	w.col = out->len - (size_t)(strrchr(out->buf, '\n') ?
	    (size_t)(strrchr(out->buf, '\n') - out->buf) + 1 : 0);
	for (i = 0; i < n; i++) {
		wrap_tok(&w, toks[i]);
		free(toks[i]);
	}
	sb_addc(out, '\n');
	free(toks);
}

void
cfg_export_menu(struct cfg *c, const struct sch_menu *m,
    const struct cfg_print_opts *o, struct strbuf *out)
{
	struct cfg_list *l = cfg_list(c, m);
	struct strbuf body = STRBUF_INIT;
	size_t i;

	if (m->def && strcmp(m->path, "/interface") == 0)
		return;		/* a view: the sub-menus export themselves */
	for (i = 0; i < l->n; i++) {
		const struct cfg_item *it = l->items[i];

		if (it->flags & (CI_DYNAMIC | CI_DEAD))
			continue;
		export_item(m, it, o, &body);
	}
	if (body.len) {
		if (!o->terse) {
			sb_add(out, m->spath);
			sb_addc(out, '\n');
		}
		sb_add(out, body.buf);
	}
	sb_fini(&body);
}

/*
 * ROS: export sections come in a fixed dependency order (interfaces and
 * lists first, then pools, addresses, dhcp, dns, firewall, routes, system,
 * tool), measured on the corpus exports by tools/gen-export-order.py;
 * menus not listed follow in the order the configuration first used them.
 */
static const char *const export_order[] = {
#include "export_order.inc"
};

static int
rank(struct cfg *c, const struct sch_menu *m)
{
	size_t i;

	for (i = 0; i < NELEM(export_order); i++)
		if (strcmp(export_order[i], m->path) == 0)
			return (int)i;
	return (int)NELEM(export_order) + cfg_list(c, m)->order;
}

static struct cfg *sort_cfg;

static int
menu_cmp(const void *a, const void *b)
{
	const struct sch_menu *x = *(struct sch_menu *const *)a;
	const struct sch_menu *y = *(struct sch_menu *const *)b;

	return rank(sort_cfg, x) - rank(sort_cfg, y);
}

static bool
under(const struct sch_menu *m, const struct sch_node *top)
{
	const struct sch_node *n;

	if (top == NULL)
		return true;
	for (n = m->node; n; n = n->parent)
		if (n == top)
			return true;
	return false;
}

/*
 * ROS: the header of every export, whole or per menu (engine §6.7).  The
 * date is the router clock: rosemu's virtual clock starts where an
 * unsynchronised CHR starts, jan/02/1970 00:00:00, so output is
 * deterministic.  v6 and v7 before 7.10 write mon/dd/yyyy, later v7 ISO;
 * the version is the one the command tree was taken from (7.19.4), and
 * for v6 the last v6 long-term release.  A CHR has an empty software id
 * and no model/serial lines.
 */
void
cfg_export_header(struct cfg *c, struct strbuf *out)
{
	const char *v = sch_version();

	/* the date format changed in 7.10 */
	if (c->ros == 6 || atoi(v + 2) < 10)
		sb_addf(out, "# jan/02/1970 00:00:00 by RouterOS %s\n", v);
	else
		sb_addf(out, "# 1970-01-02 00:00:00 by RouterOS %s\n", v);
	sb_add(out, "# software id = \n#\n");
}

void
cfg_export_all(struct cfg *c, const struct sch_node *top,
    const struct cfg_print_opts *o, struct strbuf *out)
{
	size_t n = sch_n_menus(), i, k = 0;
	struct sch_menu **v = xcalloc(n + 1, sizeof(*v));

	for (i = 0; i < n; i++) {
		struct sch_menu *m = sch_menu_at(i);

		if (cfg_list(c, m)->n && under(m, top))
			v[k++] = m;
	}
	sort_cfg = c;
	qsort(v, k, sizeof(*v), menu_cmp);
	for (i = 0; i < k; i++)
		cfg_export_menu(c, v[i], o, out);
	free(v);
}

/* ---- print ---- */

/*
 * Print layouts (reference/routeros-engine.md §6).  Everything below is
 * driven by the menu's table: its columns, flag legend, sort order and
 * property flags.  Values that are not stored (an interface's type, a
 * route's gateway-status, counters, a log entry's time) come from
 * row_computed(), which knows properties by name, not menus.
 */

#define MAX_COLS	16
#define MAX_FLAGS	24
#define PRINT_WIDTH	80

struct flagspec {
	size_t	 n;
	int	 n_groups;
	char	 letter[MAX_FLAGS];
	int	 group[MAX_FLAGS];
	char	 name[MAX_FLAGS][24];
};

struct col {
	char	 name[40];
	int	 w;		/* v6 width; 0: auto; -1: elastic */
	bool	 right;
};

static size_t
print_width(const struct cfg_print_opts *o)
{
	return o->width > 20 ? (size_t)o->width : PRINT_WIDTH;
}

static bool
has_prop(const struct sch_menu *m, const char *name)
{
	return sch_prop_find(m, name) >= 0;
}

static void
parse_flags(const struct sch_menu *m, int ros, struct flagspec *fs)
{
	const char *spec = NULL, *p;
	int g = 0;

	memset(fs, 0, sizeof(*fs));
	if (m->def)
		spec = ros == 7 && m->def->flags7 ? m->def->flags7 :
		    m->def->flags6;
	if (spec == NULL)
		spec = has_prop(m, "disabled") ? "X disabled" : "";
	for (p = spec; *p && fs->n < MAX_FLAGS;) {
		size_t l;

		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		fs->letter[fs->n] = *p++;
		while (*p == ' ')
			p++;
		l = strcspn(p, ",;");
		snprintf(fs->name[fs->n], sizeof(fs->name[0]), "%.*s", (int)l,
		    p);
		fs->group[fs->n++] = g;
		p += l;
		if (*p == ';')
			g++;
		if (*p)
			p++;
	}
	fs->n_groups = fs->n ? g + 1 : 0;
}

/* ---- state the flags and computed columns read ---- */

static const struct sch_menu *
menu_at(const char *path)
{
	struct sch_node *n = sch_lookup(path);

	return n ? sch_menu_of(n) : NULL;
}

/*
 * Creates the menus print looks into and sizes the store for every menu
 * there is, so that no cfg_list() pointer held while printing is moved
 * by a later cfg_list() growing the store.
 */
static void
print_prepare(struct cfg *c)
{
	static const char *const used[] = { "/interface", "/ip/address",
	    "/interface/bridge/port", "/ip/route" };
	size_t i, n;

	for (i = 0; i < NELEM(used); i++)
		(void)menu_at(used[i]);
	if ((n = sch_n_menus()) > 0)
		(void)cfg_list(c, sch_menu_at(n - 1));
}

/* the interface item named name (any kind), or NULL */
static const struct cfg_item *
iface_find(struct cfg *c, const char *name, const struct sch_menu **mp)
{
	const struct sch_menu *ifm = menu_at("/interface"), *ms[64];
	size_t nm, k, i;

	if (ifm == NULL || name == NULL)
		return NULL;
	nm = cfg_view_menus(ifm, ms, NELEM(ms));
	for (k = 0; k < nm; k++) {
		struct cfg_list *l = cfg_list(c, ms[k]);

		if (ms[k]->name_prop < 0)
			continue;
		for (i = 0; i < l->n; i++) {
			const char *t = l->items[i]->v[ms[k]->name_prop].text;

			if (!(l->items[i]->flags & CI_DEAD) && t &&
			    strcmp(t, name) == 0) {
				if (mp)
					*mp = ms[k];
				return l->items[i];
			}
		}
	}
	return NULL;
}

/* ROS: the emulator has no links, so an enabled interface is running */
static bool
iface_up(struct cfg *c, const char *name)
{
	const struct sch_menu *m;
	const struct cfg_item *it = iface_find(c, name, &m);

	if (it && c->hooks.link_down && c->hooks.link_down(c->hooks.arg, name))
		return false;
	return it && !cfg_item_disabled(m, it);
}

/* an enabled bridge port (or bonding slave) makes an interface a slave */
static bool
iface_slave(struct cfg *c, const char *name)
{
	const struct sch_menu *m = menu_at("/interface/bridge/port");
	struct cfg_list *l;
	size_t i;

	if (m == NULL || name == NULL)
		return false;
	l = cfg_list(c, m);
	for (i = 0; i < l->n; i++) {
		const char *t = cfg_get(m, l->items[i], "interface");

		if (!(l->items[i]->flags & CI_DEAD) && t &&
		    strcmp(t, name) == 0 && !cfg_item_disabled(m, l->items[i]))
			return true;
	}
	return false;
}

/* The interface of the enabled address whose network holds ip, or NULL. */
static const char *
connected_iface(struct cfg *c, uint32_t ip)
{
	const struct sch_menu *m = menu_at("/ip/address");
	struct cfg_list *l;
	int ia, ii;
	size_t i;

	if (m == NULL || (ia = sch_prop_find(m, "address")) < 0 ||
	    (ii = sch_prop_find(m, "interface")) < 0)
		return NULL;
	l = cfg_list(c, m);
	for (i = 0; i < l->n; i++) {
		const struct cfg_item *it = l->items[i];
		const struct sch_val *a = &it->v[ia];
		uint32_t mask;

		if ((it->flags & CI_DEAD) || a->text == NULL ||
		    cfg_item_disabled(m, it) || !iface_up(c, it->v[ii].text))
			continue;
		mask = a->u.ip4.plen ? 0xffffffffu << (32 - a->u.ip4.plen) : 0;
		if ((a->u.ip4.lo & mask) == (ip & mask))
			return it->v[ii].text;
	}
	return NULL;
}

/*
 * Whether a route's gateway can be used: an interface that is up, or an
 * address on a connected network (ECMP lists: any of them).  ROS also
 * resolves recursive gateways and runs check-gateway probes; rosemu's
 * configuration view treats a gateway as reachable when it is connected.
 * *via gets the interface for gateway-status.
 */
static bool
gateway_ok(struct cfg *c, const char *gw, const char **via)
{
	char buf[64];
	const char *p = gw;

	*via = NULL;
	if (gw == NULL)
		return false;
	while (*p) {
		size_t l = strcspn(p, ",");
		uint32_t ip;
		char *pct;

		snprintf(buf, sizeof(buf), "%.*s", (int)l, p);
		if ((pct = strchr(buf, '%')) != NULL) {
			*pct = '\0';
			if (iface_up(c, pct + 1)) {
				*via = NULL;
				return true;
			}
		} else if (sch_ip4_parse(buf, &ip) == 0) {
			if ((*via = connected_iface(c, ip)) != NULL)
				return true;
		} else if (iface_up(c, buf))
			return true;
		p += l;
		if (*p == ',')
			p++;
	}
	return false;
}

/* check-gateway has found every address of gw unreachable */
static bool
gw_failed(struct cfg *c, const char *gw)
{
	uint32_t ip;

	return c->hooks.gw_down && sch_ip4_parse(gw, &ip) == 0 &&
	    c->hooks.gw_down(c->hooks.arg, ip);
}

/*
 * Whether check-gateway's verdict applies to this route: in v6 to every
 * route through the gateway (one state per address), in v7 only to routes
 * that check it (reference §5.1).
 */
static bool
route_checked(struct cfg *c, const struct sch_menu *m,
    const struct cfg_item *it)
{
	const char *cg = cfg_get(m, it, "check-gateway");

	return c->ros == 6 || (cg && *cg && strcmp(cg, "none") != 0);
}

static const char *
route_table(const struct sch_menu *m, const struct cfg_item *it)
{
	const char *t = cfg_get(m, it, "routing-table");

	if (t == NULL)
		t = cfg_get(m, it, "routing-mark");
	return t ? t : "main";
}

static bool
route_special(const struct sch_menu *m, const struct cfg_item *it)
{
	const char *t = cfg_get(m, it, "type");

	return (t && strcmp(t, "unicast") != 0) ||
	    cfg_get(m, it, "blackhole") != NULL;
}

static bool
route_usable(struct cfg *c, const struct sch_menu *m,
    const struct cfg_item *it)
{
	const char *via;

	if ((it->flags & CI_DEAD) || cfg_item_disabled(m, it))
		return false;
	if (it->flags & CI_CONNECT)
		return iface_up(c, cfg_get(m, it, "gateway"));
	if (route_special(m, it))
		return true;
	if (!gateway_ok(c, cfg_get(m, it, "gateway"), &via)) {
		/* a recursive gateway: the engine resolved it */
		struct strbuf sb = STRBUF_INIT;
		bool rec = c->hooks.route_via && c->hooks.route_via(
		    c->hooks.arg, m, it, &sb);

		sb_fini(&sb);
		return rec;
	}
	return !(route_checked(c, m, it) && gw_failed(c, cfg_get(m, it,
	    "gateway")));
}

static long
route_distance(const struct sch_menu *m, const struct cfg_item *it)
{
	const char *d = cfg_get(m, it, "distance");

	if (d)
		return strtol(d, NULL, 10);
	return (it->flags & CI_CONNECT) ? 0 : 1;
}

/*
 * ROS: of the usable routes to one destination in one table, the one with
 * the lowest distance is active; on a tie the one added first.
 */
static bool
route_active(struct cfg *c, const struct sch_menu *m,
    const struct cfg_item *it)
{
	struct cfg_list *l = cfg_list(c, m);
	const char *dst = cfg_get(m, it, "dst-address");
	const char *tab = route_table(m, it);
	long dist = route_distance(m, it);
	bool before = true;
	size_t i;
	int fib;

	/* the packet engine's FIB when there is one (one truth) */
	if (c->hooks.route_active &&
	    (fib = c->hooks.route_active(c->hooks.arg, m, it)) >= 0)
		return fib;
	if (!route_usable(c, m, it))
		return false;
	if (dst == NULL)
		dst = "0.0.0.0/0";
	for (i = 0; i < l->n; i++) {
		const struct cfg_item *o = l->items[i];
		const char *od = cfg_get(m, o, "dst-address");
		long odist;

		if (o == it) {
			before = false;
			continue;
		}
		if (strcmp(od ? od : "0.0.0.0/0", dst) != 0 ||
		    strcmp(route_table(m, o), tab) != 0 ||
		    !route_usable(c, m, o))
			continue;
		odist = route_distance(m, o);
		if (odist < dist || (odist == dist && before))
			return false;
	}
	return true;
}

/* an interface name the configuration does not have */
static bool
item_invalid(struct cfg *c, const struct cfg_row *r)
{
	const char *t = cfg_get(r->m, r->it, "interface");

	return t && !strchr(t, ',') && iface_find(c, t, NULL) == NULL &&
	    strcmp(r->m->path, "/interface/bridge/port") != 0;
}

/*
 * Whether flag `name` is on for a row.  Flags are known by their RouterOS
 * names; a name nothing here knows (rip, bgp, ecmp ...) is never on.
 */
static bool
flag_on(struct cfg *c, const struct cfg_row *r, const char *name)
{
	const struct sch_menu *m = r->m;
	const struct cfg_item *it = r->it;
	const char *t;

	if (!strcmp(name, "disabled"))
		return cfg_item_disabled(m, it);
	if (!strcmp(name, "dynamic"))
		return (it->flags & CI_DYNAMIC) != 0;
	if (!strcmp(name, "invalid"))
		return !cfg_item_disabled(m, it) && item_invalid(c, r);
	if (!strcmp(name, "default"))
		return (it->flags & CI_BUILTIN) && !(it->flags & CI_DYNAMIC);
	if (!strcmp(name, "builtin"))
		return (it->flags & CI_BUILTIN) != 0;
	if (!strcmp(name, "active"))
		return has_prop(m, "gateway") && route_active(c, m, it);
	if (!strcmp(name, "inactive")) {
		if (has_prop(m, "gateway"))	/* v7 routes */
			return !cfg_item_disabled(m, it) &&
			    !route_usable(c, m, it);
		if ((t = cfg_get(m, it, "interface")) != NULL)
			return !cfg_item_disabled(m, it) && !iface_up(c, t);
		return false;
	}
	if (!strcmp(name, "connect"))
		return (it->flags & CI_CONNECT) != 0;
	if (!strcmp(name, "static"))	/* ROS: v6 DHCP routes are "ADS" */
		return !(it->flags & CI_DYNAMIC) ||
		    ((it->flags & CI_DHCP) && c->ros == 6);
	if (!strcmp(name, "dhcp"))	/* v7 "DAd" */
		return (it->flags & CI_DHCP) != 0;
	if (!strcmp(name, "blackhole") || !strcmp(name, "unreachable") ||
	    !strcmp(name, "prohibit")) {
		t = cfg_get(m, it, "type");
		return (t && !strcmp(t, name)) ||
		    (has_prop(m, name) && cfg_get(m, it, name) != NULL);
	}
	if (!strcmp(name, "running"))	/* /emulator link set ... running=no */
		return !cfg_item_disabled(m, it) && !(m->name_prop >= 0 &&
		    it->v[m->name_prop].text && c->hooks.link_down &&
		    c->hooks.link_down(c->hooks.arg,
		    it->v[m->name_prop].text));
	/* a yes/no property of the same name (connection seen-reply ...) */
	if (has_prop(m, name) && (t = cfg_get(m, it, name)) != NULL &&
	    !strcmp(t, "yes"))
		return true;
	if (!strcmp(name, "slave"))
		return m->name_prop >= 0 &&
		    iface_slave(c, it->v[m->name_prop].text);
	if (!strcmp(name, "used")) {
		/* a routing table that a route uses, or main */
		const struct sch_menu *rm = menu_at("/ip/route");
		struct cfg_list *l;
		size_t i;

		t = cfg_get(m, it, "name");
		if (t == NULL || !strcmp(t, "main"))
			return t != NULL;
		if (rm == NULL)
			return false;
		l = cfg_list(c, rm);
		for (i = 0; i < l->n; i++)
			if (!strcmp(route_table(rm, l->items[i]), t))
				return true;
		return false;
	}
	return false;
}

/* the flag letter of each column (' ': none) */
static void
row_flags(struct cfg *c, const struct cfg_row *r, const struct flagspec *fs,
    char *f)
{
	size_t i;

	memset(f, ' ', (size_t)fs->n_groups);
	for (i = 0; i < fs->n; i++)
		if (f[fs->group[i]] == ' ' && flag_on(c, r, fs->name[i]))
			f[fs->group[i]] = fs->letter[i];
}

/* ---- values ---- */

/* "50 507 925 242": v6 groups counter digits in threes */
static void
add_counter(uint64_t v, bool group, struct strbuf *sb)
{
	char d[32];
	size_t n, i;

	n = (size_t)snprintf(d, sizeof(d), "%llu", (unsigned long long)v);
	for (i = 0; i < n; i++) {
		if (group && i && (n - i) % 3 == 0)
			sb_addc(sb, ' ');
		sb_addc(sb, d[i]);
	}
}

/* the router clock as print shows dates: v6 jan/02/1970, v7 ISO */
static void
add_date(int ros, int64_t ns, bool date, bool time, struct strbuf *sb)
{
	static const char *const mon[] = { "jan", "feb", "mar", "apr", "may",
	    "jun", "jul", "aug", "sep", "oct", "nov", "dec" };
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int64_t s = ns / 1000000000 + 86400;	/* clock starts jan/02 */
	int64_t days = s / 86400, sec = s % 86400;
	int y = 1970, mo = 0;

	for (;;) {
		int yd = (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ?
		    366 : 365;

		if (days < yd)
			break;
		days -= yd;
		y++;
	}
	for (;;) {
		int md = mdays[mo] + (mo == 1 && y % 4 == 0 &&
		    (y % 100 != 0 || y % 400 == 0));

		if (days < md)
			break;
		days -= md;
		mo++;
	}
	if (date) {
		if (ros == 7)
			sb_addf(sb, "%04d-%02d-%02d", y, mo + 1,
			    (int)days + 1);
		else
			sb_addf(sb, "%s/%02d/%04d", mon[mo], (int)days + 1, y);
	}
	if (date && time)
		sb_addc(sb, ' ');
	if (time)
		sb_addf(sb, "%02d:%02d:%02d", (int)(sec / 3600),
		    (int)(sec / 60 % 60), (int)(sec % 60));
}

void
cfg_date_print(int ros, int64_t ns, bool date, bool time, struct strbuf *sb)
{
	add_date(ros, ns, date, time, sb);
}

/* ROS type names of interface kinds that differ from their menu's name */
static const char *const if_types[][2] = {
	{ "ethernet", "ether" }, { "wireless", "wlan" },
	{ "pppoe-client", "pppoe-out" }, { "pptp-client", "pptp-out" },
	{ "l2tp-client", "l2tp-out" }, { "sstp-client", "sstp-out" },
	{ "ovpn-client", "ovpn-out" }, { "wireguard", "wg" },
	{ "bonding", "bond" }, { "gre", "gre-tunnel" },
	{ "ipip", "ipip-tunnel" }, { "eoip", "eoip-tunnel" },
};

/*
 * Values print shows that the configuration does not store.  Returns
 * false when there is none.
 */
static bool
row_computed(struct cfg *c, const struct cfg_row *r, const char *prop,
    const struct cfg_print_opts *o, struct strbuf *sb)
{
	const struct sch_menu *m = r->m;
	const struct cfg_item *it = r->it;
	bool is_if = strncmp(m->path, "/interface/", 11) == 0 &&
	    m->name_prop >= 0;

	if (!strcmp(prop, "type") && is_if) {
		const char *k = m->path + 11;
		size_t i;

		for (i = 0; i < NELEM(if_types); i++)
			if (!strcmp(if_types[i][0], k)) {
				sb_add(sb, if_types[i][1]);
				return true;
			}
		sb_add(sb, k);
		return true;
	}
	if (!strcmp(prop, "actual-mtu") && is_if) {
		const char *t = cfg_get(m, it, "mtu");

		sb_add(sb, t && isdigit((unsigned char)*t) ? t : "1500");
		return true;
	}
	if (!strcmp(prop, "mac-address") && is_if && it->sel &&
	    !strcmp(m->path, "/interface/ethernet")) {
		/*
		 * ROS: every port has a MAC.  rosemu's ports are a
		 * virtual machine's NICs: QEMU's default addresses,
		 * 52:54:00:12:34:56 for ether1, then counting up.
		 */
		const char *dn = cfg_get(m, it, "default-name");
		int n;

		if (dn && sscanf(dn, "ether%d", &n) == 1 && n >= 1 && n < 160) {
			sb_addf(sb, "52:54:00:12:34:%02X", 0x55 + n);
			return true;
		}
		return false;
	}
	if (!strcmp(prop, "actual-interface")) {
		const char *t = cfg_get(m, it, "interface");

		if (t)
			sb_add(sb, t);
		return t != NULL;
	}
	if (!strcmp(prop, "gateway-status")) {
		const char *gw = cfg_get(m, it, "gateway"), *via;

		if (gw == NULL || route_special(m, it))
			return false;
		if (it->flags & CI_CONNECT) {
			sb_addf(sb, "%s %s", gw, iface_up(c, gw) ?
			    "reachable" : "unreachable");
			return true;
		}
		/* ROS: "X reachable via  IFACE" (two spaces), "IFACE
		 * reachable", "X unreachable" */
		if (!gateway_ok(c, gw, &via) && c->hooks.route_via) {
			/* ROS v6: "8.8.8.8 recursive via 192.0.2.1 ether1" */
			struct strbuf rv = STRBUF_INIT;

			if (c->hooks.route_via(c->hooks.arg, m, it, &rv)) {
				sb_addf(sb, "%s recursive via %s", gw,
				    sb_str(&rv));
				sb_fini(&rv);
				return true;
			}
			sb_fini(&rv);
		}
		if (!gateway_ok(c, gw, &via) || (route_checked(c, m, it) &&
		    gw_failed(c, gw)))
			sb_addf(sb, "%s unreachable", gw);
		else if (via)
			sb_addf(sb, "%s reachable via  %s", gw, via);
		else
			sb_addf(sb, "%s reachable", gw);
		return true;
	}
	if (!strcmp(prop, "bytes") || !strcmp(prop, "packets")) {
		add_counter(prop[0] == 'b' ? it->bytes : it->packets,
		    c->ros == 6 && o->stats, sb);
		return true;
	}
	if (!strcmp(prop, "creation-time") || !strcmp(prop, "time")) {
		/* ROS /log: entries of today show the time only */
		bool today = prop[0] == 't' &&
		    (it->created / 1000000000 + 86400) / 86400 ==
		    (o->now / 1000000000 + 86400) / 86400;

		add_date(c->ros, it->created, !today, true, sb);
		return true;
	}
	if (!strcmp(prop, "owner") && has_prop(m, "source")) {
		sb_add(sb, "admin");	/* ROS: the user who added it */
		return true;
	}
	return false;
}

bool
cfg_computed(struct cfg *c, const struct sch_menu *m,
    const struct cfg_item *it, const char *prop, struct strbuf *sb)
{
	struct cfg_row r = { m, (struct cfg_item *)it, 0 };
	struct cfg_print_opts o;

	memset(&o, 0, sizeof(o));
	print_prepare(c);
	return row_computed(c, &r, prop, &o, sb);
}

/*
 * The text of prop for a row: its value (with '!'), the default for
 * P_SHOW and read-only properties, else a computed value.  Returns
 * false when the row has none.
 */
static bool
row_val(struct cfg *c, const struct cfg_row *r, const char *prop,
    const struct cfg_print_opts *o, struct strbuf *sb)
{
	int i = sch_prop_find(r->m, prop);

	if (i >= 0) {
		const struct sch_prop *p = &r->m->props[i];
		const struct sch_val *v = &r->it->v[i];

		if (v->text) {
			if (v->neg)
				sb_addc(sb, '!');
			sb_add(sb, v->text);
			return true;
		}
		if (p->def && (p->flags & (P_SHOW | P_RO))) {
			sb_add(sb, p->def);
			return true;
		}
		/* a settable property left unset has no value (a port's
		 * MAC address and a script's owner excepted) */
		if (!(p->flags & (P_RO | P_NOEXP)) &&
		    strcmp(prop, "mac-address") != 0 &&
		    strcmp(prop, "owner") != 0)
			return false;
	}
	return row_computed(c, r, prop, o, sb);
}

/* proplist=a,b: whether prop is one of them */
static bool
in_proplist(const struct cfg_print_opts *o, const char *prop)
{
	const char *p = o->proplist;
	size_t l = strlen(prop);

	if (p == NULL)
		return true;
	while (*p) {
		size_t k = strcspn(p, ",");

		if (k == l && strncmp(p, prop, l) == 0)
			return true;
		p += k;
		if (*p)
			p++;
	}
	return false;
}

/*
 * ROS: string properties (names, owner, prefixes) print in quotes, as do
 * empty values and values with blanks; script text prints raw.
 */
static bool
print_quoted(const char *prop, const char *t)
{
	static const char *const str[] = { "name", "default-name", "owner",
	    "log-prefix", "prefix", "comment" };
	static const char *const raw[] = { "source", "on-event", "up-script",
	    "down-script", "script", "gateway-status", "last-started",
	    "next-run", "started" };
	size_t i;

	for (i = 0; i < NELEM(raw); i++)
		if (!strcmp(raw[i], prop))
			return false;
	if (*t == '\0' || strpbrk(t, " \t\r\n\";"))
		return true;
	for (i = 0; i < NELEM(str); i++)
		if (!strcmp(str[i], prop))
			return true;
	return false;
}

static bool
is_flag_name(const struct flagspec *fs, const char *name)
{
	size_t i;

	for (i = 0; i < fs->n; i++)
		if (!strcmp(fs->name[i], name))
			return true;
	return false;
}

/*
 * name=value words of a row, schema order (detail and terse).  A property
 * the legend shows as a flag (a connection's seen-reply, assured ...) is
 * not repeated as a word, as RouterOS prints them.
 */
static size_t
row_words(struct cfg *c, const struct cfg_row *r, const struct flagspec *fs,
    const struct cfg_print_opts *o, bool with_comment, char ***out)
{
	const struct sch_menu *m = r->m;
	char **w = xcalloc(m->n_props + 3, sizeof(*w));
	size_t n = 0, k;

	for (k = 0; k < m->n_props; k++) {
		const struct sch_prop *p = &m->props[k];
		struct strbuf v = STRBUF_INIT, sb = STRBUF_INIT;

		if (!strcmp(p->name, "disabled") ||
		    (fs && !(p->flags & P_FLAG) && is_flag_name(fs, p->name) &&
		    (p->flags & P_RO)) ||
		    (!with_comment && !strcmp(p->name, "comment")) ||
		    !in_proplist(o, p->name))
			continue;
		if (!row_val(c, r, p->name, o, &v)) {
			sb_fini(&v);
			continue;
		}
		sb_add(&sb, p->name);
		if (!(p->flags & P_FLAG)) {
			const char *t = sb_str(&v);

			sb_addc(&sb, '=');
			if (print_quoted(p->name, t)) {
				if (*t == '!') {
					sb_addc(&sb, '!');
					t++;
				}
				sb_addc(&sb, '"');
				for (; *t; t++) {
					if (*t == '"' || *t == '\\')
						sb_addc(&sb, '\\');
					sb_addc(&sb, *t);
				}
				sb_addc(&sb, '"');
			} else
				sb_add(&sb, t);
		}
		sb_fini(&v);
		w[n++] = sb_steal(&sb);
	}
	*out = w;
	return n;
}

/* "Flags: ..." line(s); only flags that occur when present is set */
static void
print_legend(struct cfg *c, const struct flagspec *fs, const bool *present,
    size_t width, struct strbuf *out)
{
	struct strbuf line = STRBUF_INIT;
	int g;
	size_t i;
	bool first_group = true;

	if (fs->n == 0)
		return;
	sb_add(&line, "Flags: ");
	for (g = 0; g < fs->n_groups; g++) {
		struct strbuf grp = STRBUF_INIT;
		bool last = true;
		int h;

		for (i = 0; i < fs->n; i++) {
			const char *q;

			if (fs->group[i] != g || (present && !present[i]))
				continue;
			if (grp.len)
				sb_add(&grp, ", ");
			sb_addf(&grp, "%c - ", fs->letter[i]);
			for (q = fs->name[i]; *q; q++)
				sb_addc(&grp, c->ros == 7 ?
				    (char)toupper((unsigned char)*q) : *q);
		}
		if (grp.len == 0) {
			sb_fini(&grp);
			continue;
		}
		for (h = g + 1; h < fs->n_groups && last; h++)
			for (i = 0; i < fs->n; i++)
				if (fs->group[i] == h &&
				    (!present || present[i]))
					last = false;
		if (c->ros == 7) {
			/* v7: "X - DISABLED, I - INVALID; D - DYNAMIC" */
			if (!first_group)
				sb_add(&line, "; ");
			sb_add(&line, grp.buf);
		} else {
			/*
			 * v6: one comma-joined list with a trailing blank,
			 * wrapped at the terminal width between flag columns
			 * (the route legend takes three lines at 80).
			 */
			sb_add(&grp, last ? " " : ", ");
			if (!first_group && line.len + grp.len > width - 1) {
				sb_add(out, line.buf);
				sb_addc(out, '\n');
				sb_reset(&line);
			}
			sb_add(&line, grp.buf);
		}
		first_group = false;
		sb_fini(&grp);
	}
	sb_add(out, line.buf);
	sb_addc(out, '\n');
	sb_fini(&line);
}

/* number and flag columns: " 0 XD " (v6 and detail layouts) */
static void
row_prefix(struct cfg *c, const struct cfg_row *r, const struct flagspec *fs,
    const struct cfg_print_opts *o, struct strbuf *out)
{
	char f[MAX_FLAGS];

	if (o->show_ids)
		sb_addf(out, "*%-2X", r->it->id);
	else if (r->no >= 0)
		sb_addf(out, "%2ld", r->no);
	else
		sb_add(out, "  ");
	sb_addc(out, ' ');
	if (fs->n_groups) {
		row_flags(c, r, fs, f);
		sb_addn(out, f, (size_t)fs->n_groups);
		sb_addc(out, ' ');
	}
}

/* a word list wrapped at width, continuation indented by ind */
static void
print_words(struct strbuf *out, size_t *col, size_t ind, size_t width,
    const char *word)
{
	size_t len = strlen(word);

	if (*col > ind && *col + len + 1 > width) {
		sb_add(out, "\n");
		sb_pad(out, out->len + ind);
		*col = ind;
	}
	sb_add(out, word);
	sb_addc(out, ' ');
	*col += len + 1;
}

/*
 * Detail layout, also plain print of rule lists (§6.2): number, flag
 * columns, ";;; comment", name=value words from the column after the
 * flags, wrapped at the terminal width without splitting a word, each
 * line with a trailing blank, a blank line after each entry.
 */
static void
print_detail(struct cfg *c, const struct sch_menu *m,
    const struct cfg_row *rows, size_t n, const struct cfg_print_opts *o,
    struct strbuf *out)
{
	struct flagspec fs;
	size_t i, k, width = print_width(o);

	parse_flags(m, c->ros, &fs);
	print_legend(c, &fs, NULL, width, out);
	for (i = 0; i < n; i++) {
		const struct cfg_row *r = &rows[i];
		const char *cm = cfg_get(r->m, r->it, "comment");
		size_t start = out->len, col, ind;
		char **w;
		size_t nw;

		row_prefix(c, r, &fs, o, out);
		ind = col = out->len - start;
		if (cm) {
			sb_add(out, ";;; ");
			sb_add(out, cm);
			sb_addc(out, '\n');
			sb_pad(out, out->len + ind);
		}
		nw = row_words(c, r, &fs, o, false, &w);
		for (k = 0; k < nw; k++) {
			print_words(out, &col, ind, width, w[k]);
			free(w[k]);
		}
		free(w);
		if (o->stats) {
			struct strbuf b = STRBUF_INIT;

			sb_add(&b, "bytes=");
			add_counter(r->it->bytes, false, &b);
			print_words(out, &col, ind, width, b.buf);
			sb_reset(&b);
			sb_add(&b, "packets=");
			add_counter(r->it->packets, false, &b);
			print_words(out, &col, ind, width, b.buf);
			sb_fini(&b);
		}
		sb_add(out, "\n\n");
	}
}

/*
 * terse: one line per item, number and flags, then every name=value
 * (the comment as comment=) without wrapping; no legend.  ROS's exact
 * terse shape is unverified (engine §6.1); this is the documented one.
 */
static void
print_terse(struct cfg *c, const struct sch_menu *m,
    const struct cfg_row *rows, size_t n, const struct cfg_print_opts *o,
    struct strbuf *out)
{
	struct flagspec fs;
	size_t i, k;

	parse_flags(m, c->ros, &fs);
	for (i = 0; i < n; i++) {
		char **w;
		size_t nw;

		row_prefix(c, &rows[i], &fs, o, out);
		nw = row_words(c, &rows[i], &fs, o, true, &w);
		for (k = 0; k < nw; k++) {
			if (k)
				sb_addc(out, ' ');
			sb_add(out, w[k]);
			free(w[k]);
		}
		free(w);
		while (out->len && out->buf[out->len - 1] == ' ')
			out->buf[--out->len] = '\0';
		sb_addc(out, '\n');
	}
}

static size_t
parse_cols(const char *spec, struct col *cols, size_t max)
{
	size_t nc = 0;
	const char *p = spec;

	while (*p && nc < max) {
		size_t l = strcspn(p, " ,"), nl = strcspn(p, ":");
		struct col *cl = &cols[nc];

		if (l == 0) {
			p++;
			continue;
		}
		if (nl > l)
			nl = l;
		snprintf(cl->name, sizeof(cl->name), "%.*s", (int)nl, p);
		cl->w = 0;
		cl->right = false;
		if (nl < l) {
			const char *q = p + nl + 1;

			if (*q == '*')
				cl->w = -1;
			else
				cl->w = (int)strtol(q, NULL, 10);
			cl->right = memchr(q, 'r', (size_t)(p + l - q)) != NULL;
		}
		nc++;
		p += l;
	}
	return nc;
}

/* "/log print": the column values of each row, nothing else */
static void
print_lines(struct cfg *c, const struct sch_menu *m,
    const struct cfg_row *rows, size_t n, const struct cfg_print_opts *o,
    struct strbuf *out)
{
	struct col cols[MAX_COLS];
	size_t nc, i, k;
	const char *spec = m->def ? m->def->columns : NULL;

	nc = spec ? parse_cols(spec, cols, MAX_COLS) : 0;
	for (i = 0; i < n; i++) {
		size_t start = out->len;

		for (k = 0; k < nc; k++) {
			size_t before = out->len;

			if (k && out->len > start)
				sb_addc(out, ' ');
			if (!row_val(c, &rows[i], cols[k].name, o, out))
				out->len = before;
			out->buf[out->len] = '\0';
		}
		sb_addc(out, '\n');
	}
}

/* the table's columns: proplist= if given, else the menu's */
static size_t
table_cols(struct cfg *c, const struct sch_menu *m,
    const struct cfg_row *rows, size_t n, const struct cfg_print_opts *o,
    struct col *cols)
{
	const char *spec = NULL;
	size_t nc = 0, i, k;

	if (m->def)
		spec = o->stats && m->def->columns_stats ?
		    m->def->columns_stats : c->ros == 7 && m->def->columns7 ?
		    m->def->columns7 : m->def->columns;
	if (o->proplist) {
		struct col all[MAX_COLS];
		size_t na = spec ? parse_cols(spec, all, MAX_COLS) : 0;

		nc = parse_cols(o->proplist, cols, MAX_COLS);
		for (k = 0; k < nc; k++)	/* keep the menu's widths */
			for (i = 0; i < na; i++)
				if (!strcmp(all[i].name, cols[k].name))
					cols[k] = all[i];
		return nc;
	}
	if (spec)
		return parse_cols(spec, cols, MAX_COLS);
	/* a menu without a column list: its first few set properties */
	for (k = 0; k < m->n_props && nc < 6; k++) {
		const char *nm = m->props[k].name;

		if (!strcmp(nm, "comment") || !strcmp(nm, "disabled"))
			continue;
		for (i = 0; i < n; i++)
			if (rows[i].it->v[k].text)
				break;
		if (i < n) {
			snprintf(cols[nc].name, sizeof(cols[nc].name), "%s",
			    nm);
			cols[nc].w = 0;
			cols[nc].right = false;
			nc++;
		}
	}
	return nc;
}

static void
trim_blanks(struct strbuf *out, size_t start)
{
	while (out->len > start && out->buf[out->len - 1] == ' ')
		out->buf[--out->len] = '\0';
}

static void
add_upper(struct strbuf *sb, const char *s)
{
	for (; *s; s++)
		sb_addc(sb, (char)toupper((unsigned char)*s));
}

/* one cell: padded to w, right-aligned if right */
static void
add_cell(struct strbuf *out, const char *t, size_t w, bool right)
{
	size_t l = strlen(t);

	if (right && l < w)
		sb_pad(out, out->len + (w - l));
	sb_add(out, t);
	if (!right && l < w)
		sb_pad(out, out->len + (w - l));
}

/*
 * Table layout (brief).  v6 (§6.4): fixed widths from the menu's column
 * list, one elastic column filling the terminal, a " #" header, comments
 * after the number and flags with the row continuing below, each cell
 * padded to its column (empty trailing cells left out).  v7 (§6.5):
 * Flags: only those that occur, a Columns: line, columns as wide as
 * their content two blanks apart, empty columns dropped, comments on a
 * line of their own, no trailing blanks.
 */
static void
print_table(struct cfg *c, const struct sch_menu *m,
    const struct cfg_row *rows, size_t n, const struct cfg_print_opts *o,
    struct strbuf *out)
{
	struct col cols[MAX_COLS];
	struct flagspec fs;
	size_t nc, i, k, w[MAX_COLS], width = print_width(o), data, numw = 0;
	char **cell, (*fl)[MAX_FLAGS];
	bool v7 = c->ros == 7, use[MAX_COLS], present[MAX_FLAGS];
	bool gpresent[MAX_FLAGS];
	const char *sep = v7 ? "  " : " ";
	int nfc = 0, g, elastic = -1;

	nc = table_cols(c, m, rows, n, o, cols);
	parse_flags(m, c->ros, &fs);
	cell = xcalloc(n * nc + 1, sizeof(*cell));
	fl = xcalloc(n + 1, sizeof(*fl));
	memset(present, 0, sizeof(present));
	memset(gpresent, 0, sizeof(gpresent));
	for (i = 0; i < n; i++) {
		for (k = 0; k < nc; k++) {
			struct strbuf sb = STRBUF_INIT;

			row_val(c, &rows[i], cols[k].name, o, &sb);
			cell[i * nc + k] = sb_steal(&sb);
		}
		row_flags(c, &rows[i], &fs, fl[i]);
		for (k = 0; k < fs.n; k++)
			if (fl[i][fs.group[k]] == fs.letter[k])
				present[k] = gpresent[fs.group[k]] = true;
	}
	/* v7 drops the columns that are empty in every row */
	for (k = 0; k < nc; k++) {
		use[k] = !v7 || n == 0;
		for (i = 0; i < n && !use[k]; i++)
			use[k] = cell[i * nc + k][0] != '\0';
	}
	if (v7) {
		for (g = 0; g < fs.n_groups; g++)
			nfc += gpresent[g];
		for (i = 0; i < n; i++) {
			char b[24];
			size_t l;

			if (rows[i].no < 0)
				continue;
			l = (size_t)snprintf(b, sizeof(b), "%ld", rows[i].no);
			if (l > numw)
				numw = l;
		}
		data = (numw ? numw + 1 : 0) + (size_t)nfc + (nfc ? 1 : 0);
	} else {
		nfc = fs.n_groups;
		data = 3 + (size_t)nfc + (nfc ? 1 : 0);
	}
	/* column widths */
	for (k = 0; k < nc; k++) {
		w[k] = strlen(cols[k].name);
		if (!v7 && cols[k].w > 0)
			w[k] = (size_t)cols[k].w;
		else if (!v7 && cols[k].w < 0)
			elastic = (int)k;
		else
			for (i = 0; i < n; i++)
				if (strlen(cell[i * nc + k]) > w[k])
					w[k] = strlen(cell[i * nc + k]);
	}
	if (elastic >= 0) {
		/* v6: what the terminal leaves, at least the header */
		size_t fixed = data + (nc - 1);

		for (k = 0; k < nc; k++)
			if ((int)k != elastic)
				fixed += w[k];
		if (width - 1 > fixed + w[elastic])
			w[elastic] = width - 1 - fixed;
	}
	/* legend, Columns:, header */
	if (v7) {
		bool first = true;

		if (nfc)
			print_legend(c, &fs, present, width, out);
		sb_add(out, "Columns: ");
		for (k = 0; k < nc; k++) {
			if (!use[k])
				continue;
			if (!first)
				sb_add(out, ", ");
			add_upper(out, cols[k].name);
			first = false;
		}
		sb_addc(out, '\n');
	} else
		print_legend(c, &fs, NULL, width, out);
	{
		size_t start = out->len;
		bool first = true;

		if (v7 && numw) {
			sb_pad(out, out->len + numw - 1);
			sb_addc(out, '#');
		} else if (!v7)
			sb_add(out, " #");
		sb_pad(out, start + data);
		for (k = 0; k < nc; k++) {
			struct strbuf h = STRBUF_INIT;

			if (!use[k])
				continue;
			if (!first)
				sb_add(out, sep);
			first = false;
			add_upper(&h, cols[k].name);
			add_cell(out, h.buf, w[k], cols[k].right);
			sb_fini(&h);
		}
		if (v7)
			trim_blanks(out, start);
		sb_addc(out, '\n');
	}
	for (i = 0; i < n; i++) {
		const struct cfg_row *r = &rows[i];
		const char *cm = cfg_get(r->m, r->it, "comment");
		size_t start, last = 0;
		bool first = true;

		if (v7 && cm)
			sb_addf(out, ";;; %s\n", cm);
		start = out->len;
		if (v7) {
			if (numw && r->no >= 0)
				sb_addf(out, "%*ld ", (int)numw, r->no);
			else if (numw)
				sb_pad(out, out->len + numw + 1);
			for (g = 0; g < fs.n_groups; g++)
				if (gpresent[g])
					sb_addc(out, fl[i][g]);
		} else {
			sb_addf(out, "%2ld ", r->no);
			sb_addn(out, fl[i], (size_t)fs.n_groups);
		}
		sb_pad(out, start + data);
		if (!v7 && cm) {
			sb_addf(out, ";;; %s\n", cm);
			start = out->len;
			sb_pad(out, start + data);
		}
		/* v6 leaves out empty trailing cells, padding the rest */
		for (k = 0; k < nc; k++)
			if (use[k] && (v7 || cell[i * nc + k][0]))
				last = k + 1;
		for (k = 0; k < last; k++) {
			if (!use[k])
				continue;
			if (!first)
				sb_add(out, sep);
			first = false;
			add_cell(out, cell[i * nc + k], w[k], cols[k].right);
		}
		if (v7)
			trim_blanks(out, start);
		sb_addc(out, '\n');
	}
	for (i = 0; i < n * nc; i++)
		free(cell[i]);
	free(cell);
	free(fl);
}

/* settings: "name: value", names right-aligned two blanks in (§6.6) */
static void
print_settings(struct cfg *c, const struct sch_menu *m, struct cfg_item *it,
    const struct cfg_print_opts *o, struct strbuf *out)
{
	size_t k, w = 0;
	struct cfg_row r = { m, it, 0 };

	for (k = 0; k < m->n_props; k++)
		if (in_proplist(o, m->props[k].name) &&
		    strlen(m->props[k].name) > w)
			w = strlen(m->props[k].name);
	for (k = 0; k < m->n_props; k++) {
		struct strbuf v = STRBUF_INIT;
		const char *t = it ? it->v[k].text : NULL;

		if (!in_proplist(o, m->props[k].name))
			continue;
		if (t == NULL)
			t = m->props[k].def;
		if (t == NULL && it)
			t = row_computed(c, &r, m->props[k].name, o, &v) ?
			    v.buf : NULL;
		if (t != NULL)
			sb_addf(out, "%*s: %s\n", (int)(w + 2),
			    m->props[k].name, t);
		sb_fini(&v);
	}
}

/* ---- print order and numbers ---- */

size_t
cfg_view_menus(const struct sch_menu *m, const struct sch_menu **out,
    size_t max)
{
	size_t n = 0, i;

	/* ROS: /interface lists the interfaces of every kind */
	if (m->def && strcmp(m->path, "/interface") == 0) {
		for (i = 0; i < sch_n_menus() && n < max; i++) {
			const struct sch_menu *s = sch_menu_at(i);

			if (strncmp(s->path, "/interface/", 11) == 0 &&
			    s->name_prop >= 0 && !s->settings &&
			    strchr(s->path + 11, '/') == NULL &&
			    strcmp(s->path, "/interface/list") != 0)
				out[n++] = s;
		}
		return n;
	}
	out[0] = m;
	return 1;
}

static const char *sort_spec;

/* typed comparison of one property; unset/default names sort last */
static int
prop_order(const struct cfg_row *a, const struct cfg_row *b,
    const char *prop)
{
	int ia = sch_prop_find(a->m, prop), ib = sch_prop_find(b->m, prop);
	const struct sch_prop *p;
	const struct sch_val *va, *vb;
	bool da, db;

	if (ia < 0 || ib < 0)
		return 0;
	p = &a->m->props[ia];
	va = &a->it->v[ia];
	vb = &b->it->v[ib];
	if (p->type->kind == VK_IP_PREFIX || p->type->kind == VK_ADDR ||
	    p->type->kind == VK_IP || p->type->kind == VK_IP_RANGE) {
		uint32_t la = va->text ? va->u.ip4.lo : 0;
		uint32_t lb = vb->text ? vb->u.ip4.lo : 0;
		unsigned pa = va->text ? va->u.ip4.plen : 0;
		unsigned pb = vb->text ? vb->u.ip4.plen : 0;

		if (la != lb)
			return la < lb ? -1 : 1;
		return pa < pb ? -1 : pa > pb;
	}
	da = va->text == NULL || (p->def && !strcmp(p->def, va->text));
	db = vb->text == NULL || (p->def && !strcmp(p->def, vb->text));
	if (da || db)
		return da - db;
	return strcmp(va->text, vb->text);
}

static int
row_cmp(const void *x, const void *y)
{
	const struct cfg_row *a = x, *b = y;
	const char *p = sort_spec;
	int r;

	while (p && *p) {
		size_t l = strcspn(p, " ");
		char nm[40];

		snprintf(nm, sizeof(nm), "%.*s", (int)l, p);
		if ((r = prop_order(a, b, nm)) != 0)
			return r;
		p += l;
		while (*p == ' ')
			p++;
	}
	/* stable: list order (no holds it until numbering) */
	return a->no < b->no ? -1 : a->no > b->no;
}

/*
 * ROS: v6 lists routes by destination (connected, static and marked
 * routes interleaved, cap:22552331271); within one destination rosemu
 * puts marked tables before main, each in the order they were added
 * (unverified).  Numbers count the printed rows; v7 gives dynamic routes
 * none (§6.5).
 */
size_t
cfg_rows(struct cfg *c, const struct sch_menu *m, struct cfg_row **out)
{
	const struct sch_menu *ms[64];
	size_t nm = cfg_view_menus(m, ms, NELEM(ms)), n = 0, cap = 0, k, i;
	struct cfg_row *r = NULL;
	long no = 0;

	print_prepare(c);
	for (k = 0; k < nm; k++) {
		struct cfg_list *l = cfg_list(c, ms[k]);

		for (i = 0; i < l->n; i++) {
			if (l->items[i]->flags & CI_DEAD)
				continue;
			xgrow((void **)&r, &cap, n + 1, sizeof(*r));
			r[n].m = ms[k];
			r[n].it = l->items[i];
			r[n].no = (long)n;
			n++;
		}
	}
	if (m->def && m->def->sort && n > 1) {
		sort_spec = m->def->sort;
		qsort(r, n, sizeof(*r), row_cmp);
	}
	for (i = 0; i < n; i++)
		r[i].no = (c->ros == 7 && m->def && m->def->nonum_dynamic7 &&
		    (r[i].it->flags & CI_DYNAMIC)) ? -1 : no++;
	*out = r;
	return n;
}

void
cfg_print(struct cfg *c, const struct sch_menu *m, const struct cfg_row *rows,
    size_t n, const struct cfg_print_opts *o, struct strbuf *out)
{
	enum sch_style st = m->def ? m->def->style : PS_RULES;

	print_prepare(c);
	if (m->settings) {
		print_settings(c, m, n ? rows[0].it : NULL, o, out);
		return;
	}
	if (o->count_only) {
		sb_addf(out, "%zu\n", n);
		return;
	}
	if (o->terse)
		print_terse(c, m, rows, n, o, out);
	else if (o->detail)
		print_detail(c, m, rows, n, o, out);
	else if (st == PS_LINES)
		print_lines(c, m, rows, n, o, out);
	else if (o->stats && st == PS_RULES && m->def)
		print_table(c, m, rows, n, o, out);
	else if (st == PS_RULES && !o->brief)
		print_detail(c, m, rows, n, o, out);
	else
		print_table(c, m, rows, n, o, out);
}
