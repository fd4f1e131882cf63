/*
 * DOC: print - print and export, written once over the menu schema.
 *
 * Three print layouts (reference/routeros-engine.md §6): rule lists
 * (firewall filter/nat/mangle/raw: numbered entries, flag columns, ";;;"
 * comments, name=value words wrapped at the terminal width, blank line
 * between entries), tables (brief: flag columns and one column per
 * property named in the menu's column list) and settings (right-aligned
 * "name: value").  "print detail" uses the rule layout for every menu.
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
 * Appends one token (name=value or a word).  ROS: a token goes on the
 * current line if it fits with room for " \"; otherwise on the next one;
 * a token too long for any line is split where the line is full (after
 * "=" or inside the quoted string) with a bare "\".  "\r\n" inside a
 * quoted value always ends a physical line after "\r".
 */
static void
wrap_tok(struct wrap *w, const char *tok)
{
	size_t len = strlen(tok), i;
	bool in_str = false;

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
	if (w->col > 4 || (w->col + 1 + len + 2 > EXPORT_WIDTH &&
	    4 + len + 2 <= EXPORT_WIDTH))
		wrap_break(w, true);
	else {
		sb_addc(w->out, ' ');
		w->col++;
	}
	for (i = 0; i < len; i++) {
		char c = tok[i];

		/* never split right after an escaping backslash */
		if (w->col >= EXPORT_WIDTH - 1 && !(i > 0 && tok[i - 1] == '\\'
		    && in_str && (i < 2 || tok[i - 2] != '\\'))) {
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
		if (c == '"' && (i == 0 || tok[i - 1] != '\\'))
			in_str = !in_str;
		if (in_str && c == 'r' && i > 0 && tok[i - 1] == '\\' &&
		    tok[i + 1] == '\\' && tok[i + 2] == 'n' && i + 3 < len)
			wrap_break(w, false);
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
	if ((p->flags & P_SENS) && !o->show_sensitive && m->def)
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
			if (it->v[i].neg)
				sb_addc(&sb, '!');
			cfg_quote(it->v[i].text, &sb);
		}
		toks[n++] = sb_steal(&sb);
	}
	if (it->sel && n == 0) {
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
 * tool); menus not listed follow in the order the configuration first
 * used them.
 */
static const char *const export_order[] = {
	"/interface/bridge", "/interface/ethernet", "/interface/vlan",
	"/interface/list", "/ip/pool", "/ip/dhcp-server",
	"/interface/bridge/port", "/interface/list/member", "/ip/address",
	"/ip/dhcp-client", "/ip/dhcp-server/lease",
	"/ip/dhcp-server/network", "/ip/dns", "/ip/dns/static",
	"/ip/firewall/address-list", "/ip/firewall/filter",
	"/ip/firewall/mangle", "/ip/firewall/nat", "/ip/firewall/raw",
	"/ip/firewall/connection/tracking", "/routing/table", "/ip/route",
	"/ip/route/rule", "/routing/rule", "/system/identity",
	"/system/logging", "/system/scheduler", "/system/script",
	"/tool/netwatch",
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

static void
flags_of(struct cfg *c, const struct sch_menu *m, const struct cfg_item *it,
    char f[2])
{
	const char *d = cfg_get(m, it, "disabled");

	(void)c;
	f[0] = (d && strcmp(d, "yes") == 0) ? 'X' : ' ';
	f[1] = (it->flags & CI_DYNAMIC) ? 'D' : ' ';
}

static void
print_legend(struct cfg *c, struct strbuf *out)
{
	if (c->ros == 6)
		sb_add(out, "Flags: X - disabled, I - invalid, D - dynamic \n");
	else
		sb_add(out, "Flags: X - disabled, I - invalid; D - dynamic \n");
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

static void
print_detail(struct cfg *c, const struct sch_menu *m, struct cfg_item **items,
    size_t n, const struct cfg_print_opts *o, struct strbuf *out)
{
	size_t i, k;
	size_t width = o->width ? (size_t)o->width : 80;

	print_legend(c, out);
	for (i = 0; i < n; i++) {
		const struct cfg_item *it = items[i];
		const char *cm = cfg_get(m, it, "comment");
		char f[2];
		size_t col;

		flags_of(c, m, it, f);
		if (o->show_ids)
			sb_addf(out, "%3s%c%c ", "", f[0], f[1]);
		else
			sb_addf(out, "%2zu %c%c ", cfg_index(c, m, it), f[0],
			    f[1]);
		if (o->show_ids) {
			out->len -= 6;
			sb_addf(out, "*%-2X%c%c ", it->id, f[0], f[1]);
		}
		col = 6;
		if (cm) {
			sb_add(out, ";;; ");
			sb_add(out, cm);
			sb_add(out, "\n      ");
		}
		for (k = 0; k < m->n_props; k++) {
			const struct sch_val *v = &it->v[k];
			struct strbuf w = STRBUF_INIT;
			const char *nm = m->props[k].name;

			if (v->text == NULL || !strcmp(nm, "comment") ||
			    !strcmp(nm, "disabled"))
				continue;
			sb_add(&w, nm);
			if (!(m->props[k].flags & P_FLAG)) {
				sb_addc(&w, '=');
				if (v->neg)
					sb_addc(&w, '!');
				if (v->text[0] == '\0')
					sb_add(&w, "\"\"");
				else if (strchr(v->text, ' ') ||
				    strchr(v->text, '"'))
					cfg_quote(v->text, &w);
				else
					sb_add(&w, v->text);
			}
			print_words(out, &col, 6, width, w.buf);
			sb_fini(&w);
		}
		if (o->stats) {
			char b[64];

			snprintf(b, sizeof(b), "bytes=%llu",
			    (unsigned long long)it->bytes);
			print_words(out, &col, 6, width, b);
			snprintf(b, sizeof(b), "packets=%llu",
			    (unsigned long long)it->packets);
			print_words(out, &col, 6, width, b);
		}
		sb_add(out, "\n\n");
	}
}

static void
print_settings(const struct sch_menu *m, const struct cfg_item *it,
    struct strbuf *out)
{
	size_t k, w = 0;

	for (k = 0; k < m->n_props; k++)
		if (strlen(m->props[k].name) > w)
			w = strlen(m->props[k].name);
	for (k = 0; k < m->n_props; k++) {
		const char *t = it ? it->v[k].text : NULL;

		if (t == NULL)
			t = m->props[k].def;
		if (t == NULL)
			continue;
		sb_addf(out, "%*s: %s\n", (int)(w + 2), m->props[k].name, t);
	}
}

/* brief table: columns from the menu def, or every set property */
static void
print_table(struct cfg *c, const struct sch_menu *m, struct cfg_item **items,
    size_t n, const struct cfg_print_opts *o, struct strbuf *out)
{
	int cols[16];
	size_t nc = 0, i, k, wid[16];
	const char *spec = m->def ? m->def->columns : NULL;
	bool v7 = c->ros == 7;

	if (spec) {
		const char *p = spec;

		while (*p && nc < 16) {
			const char *e = strchr(p, ' ');
			size_t l = e ? (size_t)(e - p) : strlen(p);
			char nm[64];
			int ix;

			snprintf(nm, sizeof(nm), "%.*s", (int)l, p);
			ix = sch_prop_find(m, nm);
			if (ix >= 0)
				cols[nc++] = ix;
			p += l;
			while (*p == ' ')
				p++;
		}
	} else {
		for (k = 0; k < m->n_props && nc < 6; k++) {
			for (i = 0; i < n; i++)
				if (items[i]->v[k].text &&
				    strcmp(m->props[k].name, "comment") &&
				    strcmp(m->props[k].name, "disabled"))
					break;
			if (i < n)
				cols[nc++] = (int)k;
		}
	}
	/* drop columns empty in every row (v7 rule; harmless for v6) */
	for (k = 0; k < nc; k++) {
		for (i = 0; i < n; i++)
			if (items[i]->v[cols[k]].text &&
			    items[i]->v[cols[k]].text[0])
				break;
		if (i == n && n) {
			memmove(cols + k, cols + k + 1,
			    (nc - k - 1) * sizeof(*cols));
			nc--;
			k--;
		}
	}
	for (k = 0; k < nc; k++) {
		wid[k] = strlen(m->props[cols[k]].name);
		for (i = 0; i < n; i++) {
			const char *t = items[i]->v[cols[k]].text;

			if (t && strlen(t) + items[i]->v[cols[k]].neg > wid[k])
				wid[k] = strlen(t) + items[i]->v[cols[k]].neg;
		}
	}
	if (v7) {
		bool any_x = false, any_d = false;

		for (i = 0; i < n; i++) {
			char f[2];

			flags_of(c, m, items[i], f);
			any_x |= f[0] == 'X';
			any_d |= f[1] == 'D';
		}
		if (any_x || any_d) {
			sb_add(out, "Flags: ");
			if (any_x)
				sb_add(out, "X - DISABLED");
			if (any_x && any_d)
				sb_add(out, "; ");
			if (any_d)
				sb_add(out, "D - DYNAMIC");
			sb_addc(out, '\n');
		}
		sb_add(out, "Columns: ");
		for (k = 0; k < nc; k++) {
			const char *p;

			if (k)
				sb_add(out, ", ");
			for (p = m->props[cols[k]].name; *p; p++)
				sb_addc(out, (char)toupper((unsigned char)*p));
		}
		sb_addc(out, '\n');
	} else
		print_legend(c, out);
	/* header */
	{
		size_t start = out->len;
		const char *p;

		sb_add(out, v7 ? "#" : " #");
		sb_pad(out, start + (v7 ? 4 : 5));
		for (k = 0; k < nc; k++) {
			size_t s = out->len;

			for (p = m->props[cols[k]].name; *p; p++)
				sb_addc(out, (char)toupper((unsigned char)*p));
			if (k + 1 < nc)
				sb_pad(out, s + wid[k] + (v7 ? 2 : 1));
		}
		sb_addc(out, '\n');
	}
	for (i = 0; i < n; i++) {
		const struct cfg_item *it = items[i];
		const char *cm = cfg_get(m, it, "comment");
		size_t start = out->len;
		char f[2];

		flags_of(c, m, it, f);
		if (v7 && cm)
			sb_addf(out, ";;; %s\n", cm);
		start = out->len;
		if (v7)
			sb_addf(out, "%zu %c%c", cfg_index(c, m, it), f[0], f[1]);
		else
			sb_addf(out, "%2zu %c%c", cfg_index(c, m, it), f[0],
			    f[1]);
		sb_pad(out, start + (v7 ? 4 : 5));
		if (!v7 && cm) {
			sb_addf(out, ";;; %s\n", cm);
			start = out->len;
			sb_pad(out, start + 5);
		}
		for (k = 0; k < nc; k++) {
			const struct sch_val *v = &it->v[cols[k]];
			size_t s = out->len;

			if (v->text) {
				if (v->neg)
					sb_addc(out, '!');
				sb_add(out, v->text);
			}
			if (k + 1 < nc)
				sb_pad(out, s + wid[k] + (v7 ? 2 : 1));
		}
		while (out->len && out->buf[out->len - 1] == ' ')
			out->buf[--out->len] = '\0';
		sb_addc(out, '\n');
	}
	(void)o;
}

void
cfg_print(struct cfg *c, const struct sch_menu *m, struct cfg_item **items,
    size_t n, const struct cfg_print_opts *o, struct strbuf *out)
{
	if (m->settings) {
		print_settings(m, n ? items[0] : NULL, out);
		return;
	}
	if (o->count_only) {
		sb_addf(out, "%zu\n", n);
		return;
	}
	if (o->detail || o->terse || (m->def && m->def->style == PS_RULES) ||
	    (m->def == NULL && !o->brief))
		print_detail(c, m, items, n, o, out);
	else
		print_table(c, m, items, n, o, out);
}
