/*
 * DOC: tree - the RouterOS command tree and the menu registry.
 *
 * sch_init() builds the tree once from the generated compact lines
 * (cmdtree_data.c: "D path", "C path/cmd arg=v1|v2 ...", optional "@6"/"@7"
 * version tags, "A path/cmd arg" to add an argument) keeping only what the
 * chosen RouterOS major version has.  Children are kept sorted so lookups
 * and abbreviation matching are binary searches.  Menus (struct sch_menu)
 * are created lazily for dirs: typed ones from the hand-written tables in
 * src/menus/, generic ones from the add/set arguments of the dir.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schema.h"

extern const char *const sch_cmdtree_lines[];
extern const size_t sch_cmdtree_n_lines;

/* typed menu tables, listed in src/menus/menus.def */
#define MENU(x) extern const struct sch_menu_def x;
#include "../menus/menus.def"
#undef MENU
static const struct sch_menu_def *const menu_defs[] = {
#define MENU(x) &x,
#include "../menus/menus.def"
#undef MENU
};

static struct sch_node root = { .name = "" };
static int cur_ros, cur_minor;
static char cur_version[16];
static struct sch_menu **menus;
static size_t n_menus, cap_menus;
static struct arena tree_arena;

int
sch_ros(void)
{
	return cur_ros;
}

void
sch_set_version(const char *v)
{
	const char *dot = v ? strchr(v, '.') : NULL;

	snprintf(cur_version, sizeof(cur_version), "%s", v ? v : "");
	cur_minor = dot ? atoi(dot + 1) : 0;
}

const char *
sch_version(void)
{
	if (cur_version[0])
		return cur_version;
	return cur_ros == 6 ? "6.49.18" : "7.19.4";
}

/*
 * ROS: menus that were settings (one item, "set x=y") before a v7 release
 * made them item lists; exports of older releases load with "set".
 * [corpus: a-lexx fulcrum.rsc, RouterOS 7.6: "/interface ovpn-server server
 * set auth=sha1,md5"; 7.19.4 inspect dump: ovpn-server server has add/find]
 */
static const struct {
	const char *path;
	int	 list_since;		/* 7.x release */
} settings_before[] = {
	{ "/interface/ovpn-server/server", 17 },
};

struct sch_node *
sch_root(void)
{
	return &root;
}

static int
node_cmp(const void *a, const void *b)
{
	const struct sch_node *x = *(struct sch_node *const *)a;
	const struct sch_node *y = *(struct sch_node *const *)b;

	return strcmp(x->name, y->name);
}

static struct sch_node *
exact_child(struct sch_node *n, const char *name, size_t len)
{
	size_t lo = 0, hi = n->n_kids;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strncmp(n->kids[mid]->name, name, len);

		if (c == 0 && n->kids[mid]->name[len] != '\0')
			c = 1;
		if (c == 0)
			return n->kids[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* insert keeping order (tree lines come sorted, so usually an append) */
static struct sch_node *
add_child(struct sch_node *n, const char *name, size_t len, bool is_cmd)
{
	struct sch_node *k = NULL;
	int c = 1;

	/* the common case, a name after the last kid: no search */
	if (n->n_kids) {
		const char *last = n->kids[n->n_kids - 1]->name;

		c = strncmp(last, name, len);
		if (c == 0 && last[len] != '\0')
			c = 1;
		if (c == 0)
			return n->kids[n->n_kids - 1];
	}
	if (c > 0 && (k = exact_child(n, name, len)) != NULL)
		return k;
	k = arena_alloc(&tree_arena, sizeof(*k));
	k->name = arena_strndup(&tree_arena, name, len);
	k->parent = n;
	k->is_cmd = is_cmd;
	xgrow((void **)&n->kids, &n->cap_kids, n->n_kids + 1, sizeof(*n->kids));
	n->kids[n->n_kids++] = k;
	if (n->n_kids > 1 &&
	    strcmp(n->kids[n->n_kids - 2]->name, k->name) > 0)
		qsort(n->kids, n->n_kids, sizeof(*n->kids), node_cmp);
	return k;
}

/*
 * The dir the previous line named, and its path: lines come sorted, so
 * the next line is most often that dir's child (start-up time, see
 * add_args).
 */
static struct sch_node *last_dir;
static const char *last_path;
static size_t last_len;

static struct sch_node *
walk_create(const char *path, size_t len, bool last_is_cmd)
{
	struct sch_node *n = &root;
	const char *p = path, *end = path + len;

	if (last_dir && len > last_len && path[last_len] == '/' &&
	    memcmp(path, last_path, last_len) == 0 &&
	    memchr(path + last_len + 1, '/', len - last_len - 1) == NULL) {
		n = add_child(last_dir, path + last_len + 1,
		    len - last_len - 1, last_is_cmd);
		if (!last_is_cmd) {
			last_dir = n;
			last_path = path;
			last_len = len;
		}
		return n;
	}

	while (p < end) {
		const char *s = memchr(p, '/', (size_t)(end - p));
		size_t l = s ? (size_t)(s - p) : (size_t)(end - p);

		n = add_child(n, p, l, last_is_cmd && s == NULL);
		p += l + (s ? 1 : 0);
	}
	if (!last_is_cmd) {
		last_dir = n;
		last_path = path;
		last_len = len;
	}
	return n;
}

static int
arg_cmp(const void *a, const void *b)
{
	return strcmp(((const struct sch_arg *)a)->name,
	    ((const struct sch_arg *)b)->name);
}

/*
 * The arguments of one "C"/"A" line (text: "name name=v1|v2 ...").  Start
 * time matters (the console opens in under 20 ms, tests/bench), so a line
 * is copied into the arena once and cut in place: names and values point
 * into that copy, and each value list is sized exactly.  Args of "C"
 * lines come sorted and unique from the generator; only a command that
 * already had args (an "A" line) is checked for duplicates and re-sorted.
 */
/* argument text of a command line, parsed on first use */
struct sch_argsrc {
	const char *text;	/* static (cmdtree_data.c) */
	struct sch_argsrc *next;
};

static void
add_args(struct sch_node *cmd, const char *text, size_t len)
{
	char *buf = arena_strndup(&tree_arena, text, len), *p = buf;
	char *end = buf + len;
	size_t had = cmd->n_args, n = 1, i;
	bool sorted = true;
	const char *q;

	for (q = buf; q < end; q++)
		n += *q == ' ';
	xgrow((void **)&cmd->args, &cmd->cap_args, cmd->n_args + n,
	    sizeof(*cmd->args));
	while (p < end) {
		char *e = memchr(p, ' ', (size_t)(end - p)), *eq, *v;
		struct sch_arg *g;
		size_t nv = 1, k = 0;

		if (e == NULL)
			e = end;
		*e = '\0';
		if (e == p) {
			p = e + 1;
			continue;
		}
		eq = strchr(p, '=');
		if (eq)
			*eq = '\0';
		for (i = 0; i < had; i++)
			if (strcmp(cmd->args[i].name, p) == 0)
				break;
		if (i < had) {		/* already known */
			p = e + 1;
			continue;
		}
		g = &cmd->args[cmd->n_args++];
		memset(g, 0, sizeof(*g));
		g->name = p;
		if (cmd->n_args > had + 1 &&
		    strcmp(cmd->args[cmd->n_args - 2].name, p) > 0)
			sorted = false;
		if (eq) {
			for (v = eq + 1; v < e; v++)
				nv += *v == '|';
			g->vals = arena_alloc(&tree_arena, nv * sizeof(char *));
			for (v = eq + 1; v < e; ) {
				char *b = memchr(v, '|', (size_t)(e - v));

				if (b == NULL)
					b = e;
				*b = '\0';
				g->vals[k++] = v;
				v = b + 1;
			}
			g->n_vals = (uint32_t)k;
		}
		p = e + 1;
	}
	if (had || !sorted)
		qsort(cmd->args, cmd->n_args, sizeof(*cmd->args), arg_cmp);
}

void
sch_init(int ros)
{
	size_t i;

	if (cur_ros)
		return;
	cur_ros = ros;
	arena_init(&tree_arena);
	for (i = 0; i < sch_cmdtree_n_lines; i++) {
		const char *l = sch_cmdtree_lines[i], *p, *sp;
		char kind = l[0];
		struct sch_node *n;

		if (kind != 'D' && kind != 'C' && kind != 'A')
			continue;
		p = l + 1;
		if (p[0] == '@') {
			if (p[1] - '0' != ros)
				continue;
			p += 2;
		}
		if (*p != ' ')
			continue;
		p++;
		sp = strchr(p, ' ');
		if (sp == NULL)
			sp = p + strlen(p);
		if (kind == 'D') {
			walk_create(p, (size_t)(sp - p), false);
			continue;
		}
		n = walk_create(p, (size_t)(sp - p), true);
		n->is_cmd = true;
		if (*sp == ' ') {
			/* parsed on first use (load_args) */
			struct sch_argsrc *a, **tail = &n->argsrc;

			a = arena_alloc(&tree_arena, sizeof(*a));
			a->text = sp + 1;
			while (*tail)
				tail = &(*tail)->next;
			*tail = a;
		}
	}
}

/* the pending "C"/"A" argument texts of a command, in line order */
static struct sch_node *
load_args(struct sch_node *n)
{
	while (n && n->argsrc) {
		struct sch_argsrc *a = n->argsrc;

		n->argsrc = a->next;
		add_args(n, a->text, strlen(a->text));
	}
	return n;
}

struct sch_node *
sch_child(struct sch_node *n, const char *name, size_t len, bool *ambig)
{
	struct sch_node *k = exact_child(n, name, len);
	size_t lo = 0, hi = n->n_kids, i, hits = 0;

	*ambig = false;
	if (k || len == 0)
		return load_args(k);
	/* ROS: a unique prefix abbreviates a menu or command name */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (strncmp(n->kids[mid]->name, name, len) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo; i < n->n_kids &&
	    strncmp(n->kids[i]->name, name, len) == 0; i++) {
		k = n->kids[i];
		hits++;
	}
	if (hits > 1) {
		*ambig = true;
		return NULL;
	}
	return hits ? load_args(k) : NULL;
}

const struct sch_arg *
sch_arg_find(const struct sch_node *cmd, const char *name, bool *ambig)
{
	size_t i, len = strlen(name), hits = 0;
	const struct sch_arg *hit = NULL;

	*ambig = false;
	load_args((struct sch_node *)cmd);	/* the tree itself is not const */
	for (i = 0; i < cmd->n_args; i++) {
		if (strcmp(cmd->args[i].name, name) == 0)
			return &cmd->args[i];
		if (strncmp(cmd->args[i].name, name, len) == 0) {
			hit = &cmd->args[i];
			hits++;
		}
	}
	if (hits > 1) {
		*ambig = true;
		return NULL;
	}
	return hit;
}

struct sch_node *
sch_cmd(struct sch_node *dir, const char *name)
{
	struct sch_node *k = exact_child(dir, name, strlen(name));

	return k && k->is_cmd ? load_args(k) : NULL;
}

char *
sch_node_path(const struct sch_node *n, char sep)
{
	struct strbuf sb = STRBUF_INIT;
	const struct sch_node *v[32];
	int d = 0;

	for (; n && n != &root && d < 32; n = n->parent)
		v[d++] = n;
	sb_addc(&sb, '/');
	while (d-- > 0) {
		sb_add(&sb, v[d]->name);
		if (d)
			sb_addc(&sb, sep);
	}
	return sb_steal(&sb);
}

struct sch_node *
sch_lookup(const char *path)
{
	struct sch_node *n = &root;
	const char *p = path;

	while (*p == '/')
		p++;
	while (*p && n) {
		const char *s = strchr(p, '/');
		size_t l = s ? (size_t)(s - p) : strlen(p);

		n = exact_child(n, p, l);
		p += l;
		while (*p == '/')
			p++;
	}
	return load_args(n);
}

int
sch_prop_find(const struct sch_menu *m, const char *name)
{
	size_t i;

	for (i = 0; i < m->n_props; i++)
		if (strcmp(m->props[i].name, name) == 0)
			return (int)i;
	return -1;
}

static bool
has_prop(const struct sch_prop *v, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i].name, name) == 0)
			return true;
	return false;
}

/* arguments of add/set that are item properties, not command options */
static bool
is_prop_arg(const char *a)
{
	static const char *const skip[] = { "numbers", "copy-from",
	    "place-before", "value-name", "as-value", "without-paging" };
	size_t i;

	for (i = 0; i < NELEM(skip); i++)
		if (strcmp(a, skip[i]) == 0)
			return false;
	return true;
}

/*
 * ROS: the few properties of untyped menus that are written as a bare word
 * ("add area=backbone interfaces=lo passive"), not name=value.  The inspect
 * dumps do not say which args these are, so they are listed here
 * [corpus: wimasy spine1-ospf.rsc (7.x export); v7 manual "OSPF", "RIP"].
 */
static const char *const flag_args[] = {
	"routing/ospf/interface-template passive",
	"routing/rip/interface-template passive",
	"ipv6/route blackhole",
};

static bool
is_flag_arg(const struct sch_node *cmd, const char *a)
{
	char *full = sch_node_path(cmd->parent, '/');
	const char *path = full + 1;		/* without the leading '/' */
	size_t i, pl = strlen(path);
	bool r = false;

	for (i = 0; i < NELEM(flag_args) && !r; i++)
		r = strncmp(flag_args[i], path, pl) == 0 &&
		    flag_args[i][pl] == ' ' && strcmp(flag_args[i] + pl + 1, a) == 0;
	free(full);
	return r;
}

static void
collect_args(struct sch_node *cmd, struct sch_prop **v, size_t *n,
    size_t *cap, size_t keep)
{
	size_t i;

	if (cmd == NULL)
		return;
	for (i = 0; i < cmd->n_args; i++) {
		const char *a = cmd->args[i].name;

		if (!is_prop_arg(a) || has_prop(*v, *n, a))
			continue;
		(void)keep;
		xgrow((void **)v, cap, *n + 1, sizeof(**v));
		memset(&(*v)[*n], 0, sizeof(**v));
		(*v)[*n].name = a;
		(*v)[*n].type = &vt_text;
		if (is_flag_arg(cmd, a))
			(*v)[*n].flags |= P_FLAG;
		(*n)++;
	}
}

static int
prop_cmp(const void *a, const void *b)
{
	return strcmp(((const struct sch_prop *)a)->name,
	    ((const struct sch_prop *)b)->name);
}

struct sch_menu *
sch_menu_of(struct sch_node *dir)
{
	struct sch_menu *m;
	const struct sch_menu_def *def = NULL;
	size_t i, cap = 0, ntyped = 0;
	char *path;

	if (dir->menu)
		return dir->menu;
	path = sch_node_path(dir, '/');
	for (i = 0; i < NELEM(menu_defs); i++)
		if (strcmp(menu_defs[i]->path, path) == 0)
			def = menu_defs[i];
	m = xcalloc(1, sizeof(*m));
	m->def = def;
	m->node = dir;
	m->path = path;
	m->spath = sch_node_path(dir, ' ');
	m->name_prop = -1;
	if (def) {
		const struct sch_prop *p;

		for (p = def->props; p->name; p++) {
			if ((p->flags & P_V6) && cur_ros != 6)
				continue;
			if ((p->flags & P_V7) && cur_ros != 7)
				continue;
			xgrow((void **)&m->props, &cap, m->n_props + 1,
			    sizeof(*m->props));
			m->props[m->n_props++] = *p;
		}
		ntyped = m->n_props;
	}
	/* every other add/set argument of the real tree, as text */
	collect_args(sch_cmd(dir, "add"), &m->props, &m->n_props, &cap, ntyped);
	collect_args(sch_cmd(dir, "set"), &m->props, &m->n_props, &cap, ntyped);
	if (m->n_props > ntyped)
		qsort(m->props + ntyped, m->n_props - ntyped,
		    sizeof(*m->props), prop_cmp);
	m->can_add = sch_cmd(dir, "add") != NULL;
	m->settings = def ? def->settings :
	    (!m->can_add && sch_cmd(dir, "find") == NULL);
	for (i = 0; i < NELEM(settings_before); i++)
		if (cur_ros == 7 && cur_minor &&
		    cur_minor < settings_before[i].list_since &&
		    !strcmp(settings_before[i].path, path))
			m->settings = true;
	m->ordered = def ? def->ordered : false;
	if (def && def->name_prop)
		m->name_prop = sch_prop_find(m, def->name_prop);
	else if (!def && !m->settings)
		m->name_prop = sch_prop_find(m, "name");
	m->idx = n_menus;
	xgrow((void **)&menus, &cap_menus, n_menus + 1, sizeof(*menus));
	menus[n_menus++] = m;
	dir->menu = m;
	return m;
}

size_t
sch_n_menus(void)
{
	return n_menus;
}

struct sch_menu *
sch_menu_at(size_t i)
{
	return i < n_menus ? menus[i] : NULL;
}
