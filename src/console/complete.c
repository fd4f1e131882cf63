/*
 * DOC: complete - TAB completion from the one schema and the configuration.
 *
 * con_analyse() finds where the typed text ends: it takes the statement the
 * cursor is in (after the last ';', newline or unclosed '{', '[', '('),
 * splits it into words and walks them through the command tree from the
 * current menu, as the interpreter would ("/" and ".." included, v7
 * slash paths, unique abbreviations).  The last, unfinished word is then
 * a menu or command, an argument name or an argument's value.
 *
 * Values come from three places, all data: the router's own completion
 * candidates kept in the tree (sch_arg.vals: chains, actions, the PCC
 * classifiers ...), the enum of a typed menu property (src/menus/), and
 * the names already in the configuration that an argument refers to
 * (item_refs below: interfaces, lists, chains, marks, tables).  There is
 * no code per menu.  Called by the readline glue in console.c and by the
 * tests; nothing here prints.
 */
#include <stdlib.h>
#include <string.h>

#include "console_int.h"

/* readline's word breaks (console.c sets the same set) */
#define WORD_BREAKS	" \t\n;{}[]()=,!/\""

void
con_cands_add(struct con_cands *c, const char *s, size_t len)
{
	xgrow((void **)&c->v, &c->cap, c->n + 1, sizeof(*c->v));
	c->v[c->n++] = xstrndup(s, len);
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void
con_cands_sort(struct con_cands *c)
{
	size_t i, k = 0;

	if (c->n > 1)
		qsort(c->v, c->n, sizeof(*c->v), str_cmp);
	for (i = 0; i < c->n; i++) {
		if (k && strcmp(c->v[k - 1], c->v[i]) == 0) {
			free(c->v[i]);
			continue;
		}
		c->v[k++] = c->v[i];
	}
	c->n = k;
}

void
con_cands_fini(struct con_cands *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		free(c->v[i]);
	free(c->v);
	memset(c, 0, sizeof(*c));
}

/*
 * ROS: arguments written as a bare word.  The inspect dumps do not mark
 * them, so the print/export switches are listed here; add/set properties
 * that are bare words carry P_FLAG in their menu (schema).
 */
static const char *const flag_args[] = {
	"as-value", "brief", "compact", "count-only", "detail", "follow",
	"follow-only", "hide-sensitive", "show-ids", "show-sensitive",
	"stats", "terse", "value-list", "verbose", "without-paging",
};

bool
con_is_flag_arg(const struct sch_node *cmd, const char *name)
{
	size_t i;

	for (i = 0; i < NELEM(flag_args); i++)
		if (strcmp(flag_args[i], name) == 0)
			return true;
	if (cmd && cmd->parent && cmd->parent != sch_root()) {
		struct sch_menu *m = sch_menu_of(cmd->parent);
		int k = sch_prop_find(m, name);

		if (k >= 0 && (m->props[k].flags & P_FLAG))
			return true;
	}
	return false;
}

/* ---- where the text ends ---- */

struct word {
	size_t	 s, e;
};

/* start of the statement point is in; *in_str if inside "..." */
static size_t
stmt_start(const char *line, size_t point, bool *in_str)
{
	size_t stack[64], depth = 0, st = 0, i;
	bool q = false, word_start = true;

	for (i = 0; i < point; i++) {
		char c = line[i];

		if (q) {
			if (c == '\\' && i + 1 < point)
				i++;
			else if (c == '"')
				q = false;
			continue;
		}
		switch (c) {
		case '"':
			q = true;
			break;
		case '{': case '[': case '(':
			if (depth < NELEM(stack))
				stack[depth++] = st;
			st = i + 1;
			break;
		case '}': case ']': case ')':
			st = depth ? stack[--depth] : i + 1;
			break;
		case ';': case '\n': case '\r':
			st = i + 1;
			break;
		case '#':
			/* a comment runs to the end of its line */
			if (word_start) {
				while (i < point && line[i] != '\n')
					i++;
				if (i == point) {
					*in_str = true;	/* nothing to offer */
					return point;
				}
				st = i + 1;
			}
			break;
		default:
			break;
		}
		word_start = c == ' ' || c == '\t' || c == ';' || c == '{' ||
		    c == '\n';
	}
	*in_str = q;
	return st;
}

/* the words of line[s..point); the last one may be empty */
static size_t
split_words(const char *line, size_t s, size_t point, struct word *w,
    size_t max)
{
	size_t n = 0, i = s;

	for (;;) {
		int depth = 0;
		bool q = false;

		while (i < point && (line[i] == ' ' || line[i] == '\t'))
			i++;
		if (n == max)
			return n;
		w[n].s = i;
		while (i < point) {
			char c = line[i];

			if (q) {
				if (c == '\\' && i + 1 < point)
					i++;
				else if (c == '"')
					q = false;
			} else if (c == '"')
				q = true;
			else if (c == '[' || c == '(' || c == '{')
				depth++;
			else if ((c == ']' || c == ')' || c == '}') && depth)
				depth--;
			else if ((c == ' ' || c == '\t') && depth == 0)
				break;
			i++;
		}
		w[n].e = i;
		n++;
		if (i >= point)
			return n;
	}
}

/* one word of a path (may hold v7 slashes); false if it is no path */
static bool
walk_path(struct con_ctx *x, const char *p, size_t len)
{
	const char *end = p + len;

	if (len && p[0] == '/') {
		x->dir = sch_root();
		while (p < end && *p == '/')
			p++;
	}
	while (p < end) {
		const char *sl = memchr(p, '/', (size_t)(end - p));
		size_t l = sl ? (size_t)(sl - p) : (size_t)(end - p);
		struct sch_node *k;
		bool amb;

		if (x->cmd)		/* ".../add/more": not a path */
			return false;
		if (l == 2 && p[0] == '.' && p[1] == '.') {
			if (x->dir->parent)
				x->dir = x->dir->parent;
		} else if (l) {
			k = sch_child(x->dir, p, l, &amb);
			if (k == NULL)
				return false;
			if (k->is_cmd)
				x->cmd = k;
			else
				x->dir = k;
		}
		p += l + (sl ? 1 : 0);
	}
	return true;
}

static size_t
last_break(const char *line, size_t s, size_t point)
{
	size_t i;

	for (i = point; i > s; i--)
		if (strchr(WORD_BREAKS, line[i - 1]))
			return i;
	return s;
}

void
con_analyse(struct scr_env *env, const char *line, size_t point,
    struct con_ctx *x)
{
	struct word w[256];
	size_t st, n, i;
	const char *p;
	size_t len;

	memset(x, 0, sizeof(*x));
	x->dir = env->cwd ? env->cwd : sch_root();
	x->start = point;
	x->prefix = line + point;
	x->what = CON_W_NONE;
	st = stmt_start(line, point, &x->in_string);
	if (x->in_string)
		return;
	n = split_words(line, st, point, w, NELEM(w));
	if (n == 0)
		return;
	for (i = 0; i + 1 < n; i++) {
		p = line + w[i].s;
		len = w[i].e - w[i].s;
		if (x->cmd)
			continue;	/* arguments: nothing to walk */
		if (len > 1 && p[0] == ':') {
			/* ":put ...": a command of the root */
			bool amb;
			struct sch_node *k = sch_child(sch_root(), p + 1,
			    len - 1, &amb);

			if (k == NULL || !k->is_cmd)
				return;
			x->dir = sch_root();
			x->cmd = k;
			continue;
		}
		if (!walk_path(x, p, len))
			return;
	}
	/* the unfinished word */
	p = line + w[n - 1].s;
	len = point - w[n - 1].s;
	if (x->cmd == NULL) {
		const char *sl = NULL;
		size_t k;

		x->what = CON_W_PATH;
		if (len && p[0] == ':') {
			x->colon = true;
			x->dir = sch_root();
			x->start = w[n - 1].s;
		} else {
			for (k = len; k > 0; k--)
				if (p[k - 1] == '/') {
					sl = p + k - 1;
					break;
				}
			if (sl && !walk_path(x, p, (size_t)(sl - p) + 1)) {
				x->what = CON_W_NONE;
				return;
			}
			if (x->cmd) {	/* "add/": nothing follows */
				x->what = CON_W_NONE;
				return;
			}
			x->start = sl ? (size_t)(sl + 1 - line) : w[n - 1].s;
		}
	} else {
		const char *eq = memchr(p, '=', len);

		if (eq == NULL) {
			x->what = CON_W_ARG;
			x->start = w[n - 1].s;
		} else {
			size_t nl = (size_t)(eq - p);
			bool amb;

			x->what = CON_W_VALUE;
			if (nl >= sizeof(x->argname))
				nl = sizeof(x->argname) - 1;
			memcpy(x->argname, p, nl);
			x->argname[nl] = '\0';
			x->arg = sch_arg_find(x->cmd, x->argname, &amb);
			if (x->arg)
				snprintf(x->argname, sizeof(x->argname), "%s",
				    x->arg->name);
			x->start = last_break(line, (size_t)(eq - line),
			    point);
		}
	}
	x->prefix = line + x->start;
	x->plen = point - x->start;
}

/* ---- values ---- */

/*
 * Arguments that name something already configured: complete with those
 * names.  in: only for commands of that menu (NULL: any); from: the menu
 * holding the names (NULL: the command's own menu); prop: the property.
 * A menu the emulated version lacks is skipped.
 */
static const struct item_ref {
	const char *in, *arg, *from, *prop;
} item_refs[] = {
	{ NULL, "interface", "/interface", "name" },
	{ NULL, "in-interface", "/interface", "name" },
	{ NULL, "out-interface", "/interface", "name" },
	{ NULL, "in-interface-list", "/interface/list", "name" },
	{ NULL, "out-interface-list", "/interface/list", "name" },
	{ "/interface/list/member", "list", "/interface/list", "name" },
	{ "/ip/firewall/address-list", "list", NULL, "list" },
	{ NULL, "address-list", "/ip/firewall/address-list", "list" },
	{ NULL, "src-address-list", "/ip/firewall/address-list", "list" },
	{ NULL, "dst-address-list", "/ip/firewall/address-list", "list" },
	{ NULL, "chain", NULL, "chain" },
	{ NULL, "jump-target", NULL, "chain" },
	{ NULL, "connection-mark", "/ip/firewall/mangle",
	    "new-connection-mark" },
	{ NULL, "new-connection-mark", "/ip/firewall/mangle",
	    "new-connection-mark" },
	{ NULL, "packet-mark", "/ip/firewall/mangle", "new-packet-mark" },
	{ NULL, "new-packet-mark", "/ip/firewall/mangle", "new-packet-mark" },
	{ NULL, "routing-mark", "/ip/firewall/mangle", "new-routing-mark" },
	{ NULL, "new-routing-mark", "/ip/firewall/mangle",
	    "new-routing-mark" },
	{ NULL, "routing-mark", "/routing/table", "name" },
	{ NULL, "new-routing-mark", "/routing/table", "name" },
	{ NULL, "routing-table", "/routing/table", "name" },
	{ NULL, "table", "/routing/table", "name" },
	{ NULL, "layer7-protocol", "/ip/firewall/layer7-protocol", "name" },
	{ NULL, "address-pool", "/ip/pool", "name" },
	{ NULL, "pool", "/ip/pool", "name" },
	{ NULL, "next-pool", "/ip/pool", "name" },
	{ NULL, "bridge", "/interface/bridge", "name" },
	{ NULL, "script", "/system/script", "name" },
};

/* the names menu from holds in prop (comma lists split) */
static void
add_item_values(struct scr_env *env, struct sch_node *from, const char *prop,
    struct con_cands *out)
{
	struct cfg_row *rows = NULL;
	size_t n, i;

	if (from == NULL || from->is_cmd)
		return;
	n = cfg_rows(env->cfg, sch_menu_of(from), &rows);
	for (i = 0; i < n; i++) {
		const char *v = cfg_get(rows[i].m, rows[i].it, prop);

		while (v && *v) {
			const char *c = strchr(v, ',');
			size_t l = c ? (size_t)(c - v) : strlen(v);

			if (l && v[0] != '"')
				con_cands_add(out, v, l);
			v += l + (c ? 1 : 0);
		}
	}
	free(rows);
}

static void
add_enum(const char *enums, struct con_cands *out)
{
	while (enums && *enums) {
		const char *b = strchr(enums, '|');
		size_t l = b ? (size_t)(b - enums) : strlen(enums);

		if (l)
			con_cands_add(out, enums, l);
		enums += l + (b ? 1 : 0);
	}
}

void
con_values(struct scr_env *env, const struct con_ctx *x,
    struct con_cands *out)
{
	struct sch_node *dir = x->cmd ? x->cmd->parent : NULL;
	char *path = NULL;
	size_t i;

	const struct sch_arg *a = x->arg;

	if (x->what != CON_W_VALUE)
		return;
	/* "find chain=", "print where": the property's add/set argument */
	if (a == NULL && dir && dir != sch_root()) {
		struct sch_node *c = sch_cmd(dir, "add");
		bool amb;

		if (c == NULL)
			c = sch_cmd(dir, "set");
		if (c)
			a = sch_arg_find(c, x->argname, &amb);
	}
	if (a)
		for (i = 0; i < a->n_vals; i++)
			con_cands_add(out, a->vals[i], strlen(a->vals[i]));
	if (dir && dir != sch_root()) {
		struct sch_menu *m = sch_menu_of(dir);
		int k = sch_prop_find(m, x->argname);

		if (k >= 0 && (m->props[k].type->kind == VK_ENUM ||
		    m->props[k].type->kind == VK_ENUMS))
			add_enum(m->props[k].type->enums, out);
		path = sch_node_path(dir, '/');
	}
	for (i = 0; i < NELEM(item_refs); i++) {
		const struct item_ref *r = &item_refs[i];

		if (strcmp(r->arg, x->argname) != 0)
			continue;
		if (r->in && (path == NULL || strcmp(r->in, path) != 0))
			continue;
		if (r->from)
			add_item_values(env, sch_lookup(r->from), r->prop,
			    out);
		else if (dir && dir != sch_root())
			add_item_values(env, dir, r->prop, out);
	}
	free(path);
	con_cands_sort(out);
}

/* ---- candidates ---- */

static bool
has_prefix(const char *s, const char *p, size_t n)
{
	return strncmp(s, p, n) == 0;
}

/* commands that take item numbers or names first */
static bool
takes_items(const char *cmd)
{
	static const char *const v[] = { "comment", "disable", "edit",
	    "enable", "get", "move", "remove", "set", "unset" };
	size_t i;

	for (i = 0; i < NELEM(v); i++)
		if (strcmp(v[i], cmd) == 0)
			return true;
	return false;
}

void
con_complete(struct scr_env *env, const char *line, size_t point,
    struct con_cands *out)
{
	struct con_ctx x;
	struct con_cands all;
	size_t i;

	memset(out, 0, sizeof(*out));
	con_analyse(env, line, point, &x);
	out->start = x.start;
	out->what = x.what;
	switch (x.what) {
	case CON_W_PATH:
		for (i = 0; i < x.dir->n_kids; i++) {
			const struct sch_node *k = x.dir->kids[i];

			if (x.colon) {
				/* ":de" -> ":delay": the root's commands */
				if (k->is_cmd && x.plen &&
				    has_prefix(k->name, x.prefix + 1,
				    x.plen - 1)) {
					struct strbuf sb = STRBUF_INIT;

					sb_addf(&sb, ":%s", k->name);
					con_cands_add(out, sb.buf, sb.len);
					sb_fini(&sb);
				}
			} else if (has_prefix(k->name, x.prefix, x.plen))
				con_cands_add(out, k->name, strlen(k->name));
		}
		break;
	case CON_W_ARG:
		for (i = 0; i < x.cmd->n_args; i++) {
			const char *a = x.cmd->args[i].name;
			struct strbuf sb = STRBUF_INIT;

			if (!has_prefix(a, x.prefix, x.plen))
				continue;
			sb_add(&sb, a);
			if (!con_is_flag_arg(x.cmd, a))
				sb_addc(&sb, '=');
			con_cands_add(out, sb.buf, sb.len);
			sb_fini(&sb);
		}
		/* "set eth<TAB>": the items a command takes */
		if (takes_items(x.cmd->name) && x.cmd->parent != sch_root()) {
			struct sch_menu *m = sch_menu_of(x.cmd->parent);

			memset(&all, 0, sizeof(all));
			if (m->name_prop >= 0)
				add_item_values(env, x.cmd->parent,
				    m->props[m->name_prop].name, &all);
			for (i = 0; i < all.n; i++)
				if (has_prefix(all.v[i], x.prefix, x.plen))
					con_cands_add(out, all.v[i],
					    strlen(all.v[i]));
			con_cands_fini(&all);
		}
		break;
	case CON_W_VALUE:
		memset(&all, 0, sizeof(all));
		con_values(env, &x, &all);
		for (i = 0; i < all.n; i++)
			if (has_prefix(all.v[i], x.prefix, x.plen))
				con_cands_add(out, all.v[i], strlen(all.v[i]));
		con_cands_fini(&all);
		break;
	default:
		break;
	}
	con_cands_sort(out);
}
