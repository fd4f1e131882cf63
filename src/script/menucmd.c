/*
 * DOC: menucmd - the generic item commands, written once over the schema:
 * add, set, unset, remove, enable, disable, comment, move, find, get,
 * print, export, reset-counters.  Other commands of the real tree are
 * bound (argument names checked) and have no effect in the emulator.
 *
 * Values are validated with the property's type before anything changes,
 * so a failing command leaves the store untouched.  Items that exist
 * without "add" (ports, default entries) are created on first reference
 * by "set [ find default-name=X ]", "set [ find default=yes ]", "set N" or
 * a hardware name, so real exports load; export writes them back as set.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "emu.h"
#include "eval.h"

struct pick {
	const struct sch_menu *m;
	struct cfg_item *it;
};

struct picks {
	struct pick *v;
	size_t	 n, cap;
};

static void
picks_add(struct picks *p, const struct sch_menu *m, struct cfg_item *it)
{
	xgrow((void **)&p->v, &p->cap, p->n + 1, sizeof(*p->v));
	p->v[p->n].m = m;
	p->v[p->n].it = it;
	p->n++;
}

/* the menus whose items a menu shows: /interface shows every interface */
static size_t
menus_of(const struct sch_menu *m, const struct sch_menu **out, size_t max)
{
	return cfg_view_menus(m, out, max);
}

struct scr_val
item_prop(struct scr_frame *f, const char *prop)
{
	const struct sch_menu *m = f->item_menu;
	const struct cfg_item *it = f->item;
	struct scr_val v;
	int i;

	v.k = SV_NOTHING;
	if (!strcmp(prop, ".id")) {
		v.k = SV_ID;
		v.u.n = it->id;
		return v;
	}
	i = sch_prop_find(m, prop);
	if ((i < 0 || (it->v[i].text == NULL && (m->props[i].flags & P_RO))) &&
	    strcmp(prop, "dynamic") != 0) {
		/* read-only values print computes (type, gateway-status) */
		struct strbuf sb = STRBUF_INIT;

		if (cfg_computed(f->env->cfg, m, it, prop, &sb)) {
			v = scr_val_from_text(sb_str(&sb), true);
			sb_fini(&sb);
			return v;
		}
		sb_fini(&sb);
	}
	if (i < 0 || it->v[i].text == NULL) {
		if (i >= 0 && m->props[i].type->kind == VK_BOOL &&
		    m->props[i].def) {
			v.k = SV_BOOL;
			v.u.n = !strcmp(m->props[i].def, "yes");
		}
		if (!strcmp(prop, "dynamic")) {
			v.k = SV_BOOL;
			v.u.n = (it->flags & CI_DYNAMIC) != 0;
		}
		return v;
	}
	if (m->props[i].type->kind == VK_BOOL) {
		v.k = SV_BOOL;
		v.u.n = !strcmp(it->v[i].text, "yes");
		return v;
	}
	if (m->props[i].type->kind == VK_TEXT ||
	    m->props[i].type->kind == VK_NAME ||
	    m->props[i].type->kind == VK_NAMES) {
		struct strbuf sb = STRBUF_INIT;

		if (it->v[i].neg)
			sb_addc(&sb, '!');
		sb_add(&sb, it->v[i].text);
		v.k = SV_STR;
		v.u.s = sb_steal(&sb);
		return v;
	}
	return scr_val_from_text(it->v[i].text, true);
}

/*
 * ROS: get also reads the read-only (status) properties that no add/set
 * takes, e.g. "/system resource get version"; the tree lists them as
 * values of get's value-name.  rosemu keeps no such runtime state, so
 * the value is nothing, but the name is not an error.
 */
static bool
get_knows(const struct sch_menu *m, const char *name)
{
	struct sch_node *cmd = sch_cmd(m->node, "get");
	const struct sch_arg *a;
	bool amb = false;
	uint32_t i;

	if (cmd == NULL ||
	    (a = sch_arg_find(cmd, "value-name", &amb)) == NULL)
		return false;
	for (i = 0; i < a->n_vals; i++)
		if (strcmp(a->vals[i], name) == 0)
			return true;
	return false;
}

static char *sel_of(const char *pre, const char *val, const char *post);

/* ---- find ---- */

static bool
match_item(struct scr_frame *f, const struct sch_menu *m,
    const struct cfg_item *it, const struct ast *conds, enum scr_status *st)
{
	const struct ast *c;

	f->item_menu = m;
	f->item = it;
	for (c = conds; c; c = c->next) {
		struct scr_val a, b;
		bool ok = true, cmp;

		if (c->kind == A_WHERE) {
			if (c->a == NULL)
				continue;
			if ((*st = eval_expr(f, c->a, &a)) != SCR_OK)
				return false;
			ok = scr_truthy(&a);
			scr_val_free(&a);
		} else if (c->kind == A_ARG && c->b == NULL) {
			const char *nm = c->s;
			bool neg = false, re = false;
			size_t l = strlen(nm);
			char *pn;

			if (l && nm[l - 1] == '!') {	/* prop!=value */
				neg = true;
				l--;
			}
			if (l && nm[l - 1] == '~') {
				re = true;
				l--;
			}
			pn = xstrndup(nm, l);
			if (!strcmp(pn, "default") && it->sel) {
				ok = strstr(it->sel, "default=yes") != NULL;
				free(pn);
				if (!ok)
					return false;
				continue;
			}
			a = item_prop(f, pn);
			b.k = SV_NOTHING;
			if (c->a && (*st = eval_node(f, c->a, &b)) != SCR_OK) {
				free(pn);
				return false;
			}
			if (!strcmp(pn, "default-name") && it->sel &&
			    sch_prop_find(m, pn) < 0 && !re) {
				/* a port of a generic menu (wifi1): its
				 * default-name lives only in its selector */
				struct strbuf y = STRBUF_INIT;
				char *want;

				scr_val_print(&b, &y);
				want = sel_of("[ find default-name=", sb_str(&y),
				    " ]");
				cmp = strcmp(want, it->sel) == 0;
				ok = neg ? !cmp : cmp;
				free(want);
				sb_fini(&y);
				free(pn);
				scr_val_free(&a);
				scr_val_free(&b);
				if (!ok)
					return false;
				continue;
			}
			free(pn);
			if (re) {
				/* ROS: find comment~"PCC:" is a regex match */
				struct strbuf x = STRBUF_INIT, y = STRBUF_INIT;

				scr_val_print(&a, &x);
				scr_val_print(&b, &y);
				cmp = a.k != SV_NOTHING &&
				    scr_regex_match(sb_str(&x), sb_str(&y));
				ok = neg ? !cmp : cmp;
				sb_fini(&x);
				sb_fini(&y);
			} else {
				struct strbuf x = STRBUF_INIT, y = STRBUF_INIT;

				scr_val_print(&a, &x);
				scr_val_print(&b, &y);
				cmp = strcmp(sb_str(&x), sb_str(&y)) == 0;
				ok = neg ? !cmp : cmp;
				sb_fini(&x);
				sb_fini(&y);
			}
			scr_val_free(&a);
			scr_val_free(&b);
		} else if (c->kind == A_WORD) {
			const char *w = c->s;
			bool neg = *w == '!';

			a = item_prop(f, w + neg);
			ok = scr_truthy(&a) != neg;
			scr_val_free(&a);
		}
		if (!ok)
			return false;
	}
	return true;
}

static void
find_items(struct scr_frame *f, const struct sch_menu *m,
    const struct ast *conds, struct picks *out, enum scr_status *st)
{
	const struct sch_menu *ms[64];
	size_t nm = menus_of(m, ms, 64), k, i;

	*st = SCR_OK;
	for (k = 0; k < nm; k++) {
		/*
		 * The list is looked up for every item: a where expression
		 * may create menus, which moves the store's lists.
		 */
		for (i = 0; i < cfg_list(f->env->cfg, ms[k])->n; i++) {
			struct cfg_item *it =
			    cfg_list(f->env->cfg, ms[k])->items[i];

			if (it->flags & CI_DEAD)
				continue;
			if (match_item(f, ms[k], it, conds, st))
				picks_add(out, ms[k], it);
			if (*st != SCR_OK)
				goto done;
		}
	}
done:
	f->item_menu = NULL;
	f->item = NULL;
}

/*
 * The selector an implicit item is exported with: pre, the value quoted
 * the way export quotes values ("set \"wlan1 2Ghz\" ..."), post.  Owned.
 */
static char *
sel_of(const char *pre, const char *val, const char *post)
{
	struct strbuf sb = STRBUF_INIT;

	sb_add(&sb, pre);
	cfg_quote(val, &sb);
	sb_add(&sb, post);
	return sb_steal(&sb);
}

/* "set [ find default-name=X ]" on a port that is not there yet */
static struct cfg_item *
implicit_find(struct scr_frame *f, const struct sch_menu *m,
    const struct ast *conds)
{
	const struct ast *c = conds;
	char *sel = NULL;
	struct scr_val v;
	struct strbuf sb = STRBUF_INIT;
	struct cfg_item *it = NULL;

	if (c == NULL || c->next || c->kind != A_ARG || c->b || c->a == NULL)
		return NULL;
	if (eval_node(f, c->a, &v) != SCR_OK)
		return NULL;
	scr_val_print(&v, &sb);
	scr_val_free(&v);
	if (!strcmp(c->s, "default-name") && (sch_prop_find(m, "default-name")
	    >= 0 || get_knows(m, "default-name"))) {
		const char *kv[] = { "name", sb_str(&sb), "default-name",
		    sb_str(&sb), NULL };

		sel = sel_of("[ find default-name=", sb_str(&sb), " ]");
		it = cfg_builtin(f->env->cfg, m, sel, kv);
	} else if (!strcmp(c->s, "default") && m->def == NULL) {
		sel = sel_of("[ find default=", sb_str(&sb), " ]");
		it = cfg_builtin(f->env->cfg, m, sel, NULL);
	} else if (!strcmp(c->s, "name") && m->def == NULL) {
		const char *kv[] = { "name", sb_str(&sb), NULL };

		sel = sel_of("[ find name=", sb_str(&sb), " ]");
		it = cfg_builtin(f->env->cfg, m, sel, kv);
	}
	free(sel);
	sb_fini(&sb);
	return it;
}

static enum scr_status
cmd_find(struct scr_frame *f, const struct sch_menu *m, const struct ast *args,
    struct scr_val *out)
{
	struct picks p = { NULL, 0, 0 };
	enum scr_status st;
	size_t i;

	find_items(f, m, args, &p, &st);
	if (st != SCR_OK) {
		free(p.v);
		return st;
	}
	if (p.n == 0 && f->implicit_ok && !f->env->check) {
		struct cfg_item *it = implicit_find(f, m, args);

		if (it)
			picks_add(&p, m, it);
	}
	out->k = SV_ARRAY;
	out->u.arr = scr_arr_new();
	for (i = 0; i < p.n; i++) {
		struct scr_val id;

		id.k = SV_ID;
		id.u.n = p.v[i].it->id;
		scr_arr_push(out->u.arr, NULL, id);
	}
	free(p.v);
	return SCR_OK;
}

/* ---- numbers ---- */

/*
 * The item print number ix stands for.  ROS: numbers are those of the
 * last print of the menu in this session (engine §6.1); before any print
 * they are assigned as print would assign them (v7 docs, scripting §6).
 */
static bool
print_number(struct scr_frame *f, const struct sch_menu *m, long ix,
    const struct sch_menu **im, struct cfg_item **it)
{
	struct scr_env *e = f->env;
	struct cfg_row *rows;
	size_t n, i;
	bool ok = false;

	if (m->idx < e->n_printed && e->printed[m->idx].ids) {
		const struct scr_printed *pr = &e->printed[m->idx];

		if (ix < 0 || (size_t)ix >= pr->n)
			return false;
		*im = sch_menu_at((size_t)(pr->ids[ix] >> 32));
		*it = *im ? cfg_by_id(e->cfg, *im, (uint32_t)pr->ids[ix]) :
		    NULL;
		return *it != NULL;
	}
	n = cfg_rows(e->cfg, m, &rows);
	for (i = 0; i < n; i++)
		if (rows[i].no == ix) {
			*im = rows[i].m;
			*it = rows[i].it;
			ok = true;
			break;
		}
	free(rows);
	return ok;
}

/* remembers what a print numbered (rows: the menu's whole cfg_rows()) */
static void
print_numbers_save(struct scr_env *e, const struct sch_menu *m,
    const struct cfg_row *rows, size_t n)
{
	size_t i, k = 0;

	if (m->idx >= e->n_printed) {
		size_t nn = sch_n_menus();

		e->printed = xrealloc(e->printed, nn * sizeof(*e->printed));
		memset(e->printed + e->n_printed, 0,
		    (nn - e->n_printed) * sizeof(*e->printed));
		e->n_printed = nn;
	}
	free(e->printed[m->idx].ids);
	e->printed[m->idx].ids = xcalloc(n + 1, sizeof(uint64_t));
	for (i = 0; i < n; i++)
		if (rows[i].no >= 0)
			e->printed[m->idx].ids[k++] =
			    (uint64_t)rows[i].m->idx << 32 | rows[i].it->id;
	e->printed[m->idx].n = k;
}

static enum scr_status
resolve_one(struct scr_frame *f, const struct sch_menu *m, const char *w,
    struct picks *out, uint32_t off)
{
	const struct sch_menu *ms[64];
	size_t nm = menus_of(m, ms, 64), k, i;

	if (w[0] == '*') {
		uint32_t id = (uint32_t)strtoul(w + 1, NULL, 16);

		for (k = 0; k < nm; k++) {
			struct cfg_item *it = cfg_by_id(f->env->cfg, ms[k], id);

			if (it) {
				picks_add(out, ms[k], it);
				return SCR_OK;
			}
		}
	} else if (isdigit((unsigned char)w[0]) &&
	    strspn(w, "0123456789") == strlen(w)) {
		long ix = strtol(w, NULL, 10);
		const struct sch_menu *im;
		struct cfg_item *it;

		if (print_number(f, m, ix, &im, &it)) {
			picks_add(out, im, it);
			return SCR_OK;
		}
	} else {
		for (k = 0; k < nm; k++) {
			struct cfg_list *l = cfg_list(f->env->cfg, ms[k]);

			if (ms[k]->name_prop < 0)
				continue;
			for (i = 0; i < l->n; i++) {
				const char *t = l->items[i]->v[ms[k]->name_prop].text;

				if (t && !strcmp(t, w)) {
					picks_add(out, ms[k], l->items[i]);
					return SCR_OK;
				}
			}
		}
	}
	/* items that exist without add, referenced for the first time */
	if (f->implicit_ok && !f->env->check) {
		struct cfg *c = f->env->cfg;
		const struct sch_menu *t = m;

		if (scr_is_hw_name(w) && m->def && (!strcmp(m->path, "/interface")
		    || !strcmp(m->path, "/interface/ethernet")) &&
		    (!strncmp(w, "ether", 5) || !strncmp(w, "sfp", 3) ||
		    !strncmp(w, "combo", 5) || !strncmp(w, "qsfp", 4))) {
			char *sel = sel_of("[ find default-name=", w, " ]");
			const char *kv[] = { "name", w, "default-name", w, NULL };

			t = sch_menu_of(sch_lookup("/interface/ethernet"));
			picks_add(out, t, cfg_builtin(c, t, sel, kv));
			free(sel);
			return SCR_OK;
		}
		if (m->def == NULL || (w[0] != '*' && !isdigit((unsigned char)w[0])
		    && m->name_prop >= 0 && m->def == NULL)) {
			const char *kv[] = { "name", w, NULL };
			char *sel = sel_of("", w, "");

			picks_add(out, m, cfg_builtin(c, m, sel,
			    (w[0] == '*' || isdigit((unsigned char)w[0])) ? NULL : kv));
			free(sel);
			return SCR_OK;
		}
		if (isdigit((unsigned char)w[0]) && !m->can_add) {
			picks_add(out, m, cfg_builtin(c, m, w, NULL));
			return SCR_OK;
		}
	}
	return scr_fail(f, off, "no such item");
}

static enum scr_status
resolve_numbers(struct scr_frame *f, const struct sch_menu *m,
    const struct scr_val *v, struct picks *out, uint32_t off)
{
	enum scr_status st = SCR_OK;
	size_t i;

	if (v->k == SV_ARRAY) {
		for (i = 0; i < v->u.arr->n && st == SCR_OK; i++)
			st = resolve_numbers(f, m, &v->u.arr->v[i], out, off);
		return st;
	}
	if (v->k == SV_ID) {
		char w[32];

		snprintf(w, sizeof(w), "*%llX", (unsigned long long)v->u.n);
		return resolve_one(f, m, w, out, off);
	}
	{
		struct strbuf sb = STRBUF_INIT;
		const char *p;

		scr_val_print(v, &sb);
		p = sb_str(&sb);
		if (*p == '\0' && v->k != SV_STR) {
			sb_fini(&sb);
			return SCR_OK;	/* empty find result: nothing to do */
		}
		while (*p && st == SCR_OK) {
			const char *e = strchr(p, ',');
			size_t l = e ? (size_t)(e - p) : strlen(p);
			char *w = xstrndup(p, l);

			st = resolve_one(f, m, w, out, off);
			free(w);
			p += l + (e ? 1 : 0);
		}
		sb_fini(&sb);
	}
	return st;
}

/* ---- property arguments ---- */

struct pval {
	int	 idx;
	struct sch_val v;
	bool	 unset;
};

/* a value known without running anything: a word or a plain string */
static bool
is_literal(const struct ast *n)
{
	const struct ast *k;

	if (n->kind == A_WORD || n->kind == A_LIT)
		return true;
	if (n->kind != A_STR)
		return false;
	for (k = n->kids; k; k = k->next)
		if (k->kind != A_LIT)
			return false;
	return true;
}

static enum scr_status
parse_prop(struct scr_frame *f, const struct sch_menu *m, const char *name,
    const struct ast *val, struct pval *pv, uint32_t off)
{
	struct scr_val v;
	struct strbuf sb = STRBUF_INIT;
	const struct sch_prop *p;
	const char *err, *txt;
	bool neg = false;
	enum scr_status st;

	memset(pv, 0, sizeof(*pv));
	pv->idx = sch_prop_find(m, name);
	if (pv->idx < 0)
		return scr_fail(f, off, "expected end of command");
	p = &m->props[pv->idx];
	if (p->flags & P_RO)
		return scr_fail(f, off, "expected end of command");
	if (val == NULL)
		v = scr_str("");
	else if (val->kind == A_BLOCK) {
		/*
		 * ROS: a block as a property value (source={...},
		 * on-event={...}) is stored as its text, not run and not
		 * read as an array literal.
		 */
		v = code_of(f, val);
	} else if (val->kind == A_WORD && val->s && (p->type->kind == VK_TEXT ||
	    p->type->kind == VK_NAME || p->type->kind == VK_NAMES)) {
		/*
		 * ROS: a bare word is given to a text argument as typed:
		 * icmp-options=8:0 is not the time 08:00:00
		 */
		v = scr_str(val->s);
	} else if (f->env->check && !is_literal(val)) {
		/* --check: only literal values can be checked unrun */
		return SCR_OK;
	} else if ((st = eval_node(f, val, &v)) != SCR_OK)
		return st;
	if (v.k == SV_CODE)
		sb_add(&sb, v.u.s);
	else if (v.k == SV_ARRAY) {
		/* a list value: comma-joined */
		size_t i;

		for (i = 0; i < v.u.arr->n; i++) {
			if (i)
				sb_addc(&sb, ',');
			scr_val_print(&v.u.arr->v[i], &sb);
		}
	} else if (v.k == SV_BOOL)
		sb_add(&sb, v.u.n ? "yes" : "no");
	else if (v.k == SV_TIME && p->type->kind != VK_TIME) {
		sch_time_print(v.u.n, &sb);
	} else
		scr_val_print(&v, &sb);
	scr_val_free(&v);
	txt = sb_str(&sb);
	if (txt[0] == '!' && (p->flags & P_NEG)) {
		neg = true;
		txt++;
	}
	if (p->type->kind != VK_TEXT && p->type->kind != VK_NAME &&
	    p->type->kind != VK_NAMES && txt[0] == '\0' && !(p->flags & P_FLAG)) {
		/* ROS: an empty value unsets an optional property */
		pv->unset = true;
		sb_fini(&sb);
		return SCR_OK;
	}
	if (p->flags & P_FLAG) {
		pv->v.text = xstrdup("");
		sb_fini(&sb);
		return SCR_OK;
	}
	if (sch_type_parse(p->type, txt, &pv->v, &err) < 0) {
		if (strstr(err, "match"))
			st = scr_fail(f, off, "%s of %s", err, name);
		else if (strstr(err, "ambiguous"))	/* reference §7.2 */
			st = scr_fail(f, off, "ambiguous value of %s, more "
			    "than one possible value matches input", name);
		else if (strstr(err, "range"))
			st = scr_fail(f, off, "value of %s out of range", name);
		else
			st = scr_fail(f, off, "invalid value for argument %s",
			    name);
		sb_fini(&sb);
		return st;
	}
	pv->v.neg = neg;
	sb_fini(&sb);
	return SCR_OK;
}

static bool
is_numbers_cmd(const char *c)
{
	static const char *const v[] = { "set", "remove", "enable", "disable",
	    "comment", "move", "get", "unset", "reset-counters", "edit",
	    "reset", "run", "release", "renew" };
	size_t i;

	for (i = 0; i < NELEM(v); i++)
		if (!strcmp(v[i], c))
			return true;
	return false;
}

static enum scr_status
apply_props(struct scr_frame *f, struct pick *pk, struct pval *pv, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		struct sch_val *d = &pk->it->v[pv[i].idx];

		sch_val_fini(d);
		if (!pv[i].unset)
			sch_val_copy(d, &pv[i].v);
	}
	(void)f;
	return SCR_OK;
}

static void
pvals_free(struct pval *pv, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		sch_val_fini(&pv[i].v);
	free(pv);
}

static bool
flag_word(const struct sch_node *cmd, const char *w)
{
	size_t i;

	for (i = 0; i < cmd->n_args; i++)
		if (!strcmp(cmd->args[i].name, w))
			return true;
	return false;
}

/* the text of an argument's value ("" when it has none) */
static enum scr_status
arg_text(struct scr_frame *f, const struct ast *a, struct strbuf *sb)
{
	struct scr_val v;
	enum scr_status st;
	size_t i;

	if (a->a == NULL)
		return SCR_OK;
	if ((st = eval_node(f, a->a, &v)) != SCR_OK)
		return st;
	if (v.k == SV_ARRAY) {
		for (i = 0; i < v.u.arr->n; i++) {
			if (i)
				sb_addc(sb, ',');
			scr_val_print(&v.u.arr->v[i], sb);
		}
	} else
		scr_val_print(&v, sb);
	scr_val_free(&v);
	return SCR_OK;
}

/*
 * ROS: "export file=x" and "print file=x" write to the router's file
 * store (x.rsc, x.txt) instead of the terminal; rosemu's file store is
 * the current directory.
 */
static enum scr_status
write_file(struct scr_frame *f, uint32_t off, const char *name,
    const char *ext, const char *text)
{
	struct strbuf path = STRBUF_INIT;
	size_t l = strlen(name), el = strlen(ext);
	FILE *fp;
	enum scr_status st = SCR_OK;

	sb_add(&path, name);
	if (l < el || strcmp(name + l - el, ext) != 0)
		sb_add(&path, ext);
	if ((fp = fopen(sb_str(&path), "w")) == NULL ||
	    fputs(text, fp) == EOF || fclose(fp) != 0)
		st = scr_fail(f, off, "failure: could not write %s",
		    sb_str(&path));
	sb_fini(&path);
	return st;
}

static enum scr_status
cmd_print_export(struct scr_frame *f, const struct sch_menu *m,
    struct sch_node *dir, struct sch_node *cmd, const struct ast *args,
    struct scr_val *out)
{
	struct cfg_print_opts o;
	const struct ast *a, *where = NULL, *from = NULL, *file = NULL;
	struct strbuf sb = STRBUF_INIT, proplist = STRBUF_INIT;
	struct strbuf fname = STRBUF_INIT;
	bool as_value = false, is_export = !strcmp(cmd->name, "export");
	bool only_dyn = false, only_static = false;
	struct picks p = { NULL, 0, 0 }, sel = { NULL, 0, 0 };
	struct cfg_row *rows = NULL;
	const struct ast *eqs[16];
	size_t n_eqs = 0, nrows = 0, i, k;
	enum scr_status st = SCR_OK;

	memset(&o, 0, sizeof(o));
	o.width = f->env->term_width;	/* the console's terminal */
	for (a = args; a; a = a->next) {
		const char *w = a->kind == A_WORD ? a->s :
		    a->kind == A_ARG && a->b == NULL ? a->s : NULL;

		if (a->kind == A_WHERE) {
			where = a;
			continue;
		}
		if (w == NULL)
			return scr_fail(f, a->start, "expected end of command");
		if (!flag_word(cmd, w) && strcmp(w, "stats"))
			return scr_fail(f, a->start, "expected end of command");
		if (a->kind == A_ARG) {
			/* from=, proplist=, file=, chain=forward ... */
			if (!strcmp(w, "from"))
				from = a;
			else if (!strcmp(w, "file"))
				file = a;
			else if (!strcmp(w, "proplist")) {
				if ((st = arg_text(f, a, &proplist)) != SCR_OK)
					goto out;
			} else if (!is_export && sch_prop_find(m, w) >= 0 &&
			    n_eqs < NELEM(eqs))
				eqs[n_eqs++] = a;
			/* interval=, value-list=, ...: no effect */
			continue;
		}
		if (!strcmp(w, "detail")) o.detail = true;
		else if (!strcmp(w, "terse")) o.terse = true;
		else if (!strcmp(w, "brief")) o.brief = true;
		else if (!strcmp(w, "stats")) o.stats = true;
		else if (!strcmp(w, "count-only")) o.count_only = true;
		else if (!strcmp(w, "verbose")) o.verbose = true;
		else if (!strcmp(w, "show-sensitive")) o.show_sensitive = true;
		else if (!strcmp(w, "hide-sensitive")) o.hide_sensitive = true;
		else if (!strcmp(w, "show-ids")) o.show_ids = true;
		else if (!strcmp(w, "as-value")) as_value = true;
		else if (!strcmp(w, "dynamic")) only_dyn = true;
		else if (!strcmp(w, "static")) only_static = true;
		/* without-paging, compact, all, follow ...: no effect */
	}
	if (f->env->check)
		goto out;
	if (file && (st = arg_text(f, file, &fname)) != SCR_OK)
		goto out;
	if (is_export) {
		/*
		 * ROS: v6 exports sensitive values unless hide-sensitive; v7
		 * hides them unless show-sensitive (scripting §8.4).
		 */
		o.show_sensitive = f->env->ros == 6 ? !o.hide_sensitive :
		    o.show_sensitive;
		cfg_export_header(f->env->cfg, &sb);
		cfg_export_all(f->env->cfg, dir, &o, &sb);
		goto emit;
	}
	o.proplist = proplist.len ? sb_str(&proplist) : NULL;
	o.now = f->env->now;
	if (from) {
		struct scr_val v;

		if ((st = eval_node(f, from->a, &v)) == SCR_OK) {
			st = resolve_numbers(f, m, &v, &sel, from->start);
			scr_val_free(&v);
		}
		if (st != SCR_OK)
			goto out;
	}
	/* ROS: rows keep the numbers of the whole list when filtered */
	nrows = cfg_rows(f->env->cfg, m, &rows);
	for (i = 0; i < nrows; i++) {
		struct cfg_row *r = &rows[i];
		bool dyn = (r->it->flags & CI_DYNAMIC) != 0;

		if ((only_dyn && !dyn) || (only_static && dyn))
			continue;
		if (from) {
			for (k = 0; k < sel.n; k++)
				if (sel.v[k].it == r->it)
					break;
			if (k == sel.n)
				continue;
		}
		for (k = 0; k < n_eqs; k++) {
			struct strbuf want = STRBUF_INIT;
			const char *have = cfg_get(r->m, r->it, eqs[k]->s);
			bool eq;

			if ((st = arg_text(f, eqs[k], &want)) != SCR_OK) {
				sb_fini(&want);
				goto out;
			}
			eq = have && !strcmp(have, sb_str(&want));
			sb_fini(&want);
			if (!eq)
				break;
		}
		if (k < n_eqs)
			continue;
		if (where && !match_item(f, r->m, r->it, where, &st)) {
			if (st != SCR_OK)
				goto out;
			continue;
		}
		picks_add(&p, r->m, r->it);
	}
	f->item_menu = NULL;
	f->item = NULL;
	if (o.count_only) {
		*out = scr_num((int64_t)p.n);
		/* ROS: [print count-only] gives the number, printing nothing */
		if (as_value || f->env->in_cmdsub)
			goto out;
		sb_addf(&sb, "%zu\n", p.n);
	} else if (as_value) {
		out->k = SV_ARRAY;
		out->u.arr = scr_arr_new();
		for (i = 0; i < p.n; i++) {
			struct scr_val row;

			row.k = SV_ARRAY;
			row.u.arr = scr_arr_new();
			f->item_menu = p.v[i].m;
			f->item = p.v[i].it;
			scr_arr_push(row.u.arr, ".id", item_prop(f, ".id"));
			for (k = 0; k < p.v[i].m->n_props; k++) {
				const char *pn = p.v[i].m->props[k].name;

				if (p.v[i].it->v[k].text &&
				    (o.proplist == NULL ||
				    strstr(o.proplist, pn)))
					scr_arr_push(row.u.arr, pn,
					    item_prop(f, pn));
			}
			scr_arr_push(out->u.arr, NULL, row);
		}
		f->item_menu = NULL;
		f->item = NULL;
		goto out;
	} else {
		struct cfg_row *pr = xcalloc(p.n + 1, sizeof(*pr));

		for (i = 0, k = 0; i < nrows && k < p.n; i++)
			if (rows[i].it == p.v[k].it)
				pr[k++] = rows[i];
		cfg_print(f->env->cfg, m, pr, p.n, &o, &sb);
		free(pr);
		print_numbers_save(f->env, m, rows, nrows);
	}
emit:
	if (file)
		st = write_file(f, file->start, sb_str(&fname),
		    is_export ? ".rsc" : ".txt", sb_str(&sb));
	else
		fputs(sb_str(&sb), f->env->out);
out:
	sb_fini(&sb);
	sb_fini(&proplist);
	sb_fini(&fname);
	free(rows);
	free(p.v);
	free(sel.v);
	return st;
}

/*
 * unset <numbers> value-name=a[,b]: the properties go back to unset (their
 * defaults).  All names are checked before anything changes.
 */
static enum scr_status
cmd_unset(struct scr_frame *f, const struct sch_menu *m, struct picks *p,
    const struct ast *extra, const struct ast *stmt)
{
	struct strbuf names = STRBUF_INIT;
	enum scr_status st = SCR_OK;
	struct scr_val v;
	const char *q;
	int pass;
	size_t i;

	if (extra == NULL)
		return scr_fail(f, stmt->end,
		    "missing value(s) of argument(s) value-name");
	if ((st = eval_node(f, extra->kind == A_ARG ? extra->a : extra, &v)) !=
	    SCR_OK)
		return st;
	if (v.k == SV_ARRAY) {
		for (i = 0; i < v.u.arr->n; i++) {
			if (i)
				sb_addc(&names, ',');
			scr_val_print(&v.u.arr->v[i], &names);
		}
	} else
		scr_val_print(&v, &names);
	scr_val_free(&v);
	(void)m;
	for (pass = 0; pass < 2 && st == SCR_OK; pass++) {
		for (q = sb_str(&names); *q && st == SCR_OK;) {
			size_t l = strcspn(q, ",");
			char *nm = xstrndup(q, l);

			for (i = 0; i < p->n; i++) {
				int ix = sch_prop_find(p->v[i].m, nm);

				if (ix < 0 || (p->v[i].m->props[ix].flags &
				    (P_RO | P_REQ))) {
					st = scr_fail(f, extra->start,
					    "input does not match any value "
					    "of value-name");
					break;
				}
				if (pass == 1)
					sch_val_fini(&p->v[i].it->v[ix]);
			}
			free(nm);
			q += l;
			if (*q)
				q++;
		}
	}
	sb_fini(&names);
	return st;
}

/*
 * ROS: every enabled address puts a dynamic connected route (DAC) for its
 * network into /ip route, and takes it away when it goes.  They derive
 * from /ip address, so they are brought up to date whenever /ip route is
 * used; ones that stay keep their ids.
 */
static void
sync_connected(struct cfg *c)
{
	struct sch_node *rn = sch_lookup("/ip/route");
	struct sch_node *an = sch_lookup("/ip/address");
	const struct sch_menu *rm, *am;
	struct cfg_list *rl, *al;
	struct strmap have;
	char **keys;
	size_t i, nk = 0;
	int ia, ii;

	if (rn == NULL || an == NULL)
		return;
	rm = sch_menu_of(rn);
	am = sch_menu_of(an);
	if (rm->def == NULL || am->def == NULL ||
	    (ia = sch_prop_find(am, "address")) < 0 ||
	    (ii = sch_prop_find(am, "interface")) < 0)
		return;
	/* (the second cfg_list() may move the first one's list) */
	(void)cfg_list(c, rm);
	al = cfg_list(c, am);
	rl = cfg_list(c, rm);
	/* the connected routes there are: "dst\x1fpref-src\x1fgateway" */
	strmap_init(&have);
	keys = xcalloc(rl->n + al->n + 1, sizeof(*keys));
	for (i = 0; i < rl->n; i++) {
		struct cfg_item *r = rl->items[i];
		struct strbuf k = STRBUF_INIT;

		if (!(r->flags & CI_CONNECT) || (r->flags & CI_DEAD))
			continue;
		sb_addf(&k, "%s\x1f%s\x1f%s", cfg_get(rm, r, "dst-address"),
		    cfg_get(rm, r, "pref-src"), cfg_get(rm, r, "gateway"));
		keys[nk] = sb_steal(&k);
		strmap_put(&have, keys[nk++], r);
	}
	/* the ones the addresses want, in address order */
	for (i = 0; i < al->n; i++) {
		const struct cfg_item *a = al->items[i];
		const struct sch_val *v = &a->v[ia];
		const char *dis = cfg_get(am, a, "disabled");
		struct strbuf dst = STRBUF_INIT, src = STRBUF_INIT;
		struct strbuf k = STRBUF_INIT;
		struct cfg_item *r;
		uint32_t mask;

		if ((a->flags & CI_DEAD) || v->text == NULL ||
		    a->v[ii].text == NULL || (dis && !strcmp(dis, "yes")))
			continue;
		mask = v->u.ip4.plen ? 0xffffffffu << (32 - v->u.ip4.plen) : 0;
		sch_ip4_print(v->u.ip4.lo & mask, &dst);
		sb_addf(&dst, "/%u", v->u.ip4.plen);
		sch_ip4_print(v->u.ip4.lo, &src);
		sb_addf(&k, "%s\x1f%s\x1f%s", sb_str(&dst), sb_str(&src),
		    a->v[ii].text);
		r = strmap_get(&have, sb_str(&k));
		if (r != NULL) {
			r->flags |= CI_DEAD;	/* mark: still wanted */
		} else {
			r = cfg_item_new(rm);
			r->flags = CI_DYNAMIC | CI_CONNECT | CI_DEAD;
			cfg_set_text(rm, r, "dst-address", sb_str(&dst));
			cfg_set_text(rm, r, "pref-src", sb_str(&src));
			cfg_set_text(rm, r, "gateway", a->v[ii].text);
			cfg_set_text(rm, r, "distance", "0");
			cfg_set_text(rm, r, "scope", "10");
			cfg_insert(c, rm, r, (size_t)-1);
			keys[nk] = sb_steal(&k);
			strmap_put(&have, keys[nk++], r);
		}
		sb_fini(&k);
		sb_fini(&dst);
		sb_fini(&src);
	}
	/* connected routes not marked lost their address */
	for (i = 0; i < rl->n; i++) {
		struct cfg_item *r = rl->items[i];

		if (!(r->flags & CI_CONNECT))
			continue;
		if (r->flags & CI_DEAD)
			r->flags &= ~(uint32_t)CI_DEAD;
		else
			cfg_remove(c, rm, r);
	}
	cfg_compact(c, rm);
	for (i = 0; i < nk; i++)
		free(keys[i]);
	free(keys);
	strmap_fini(&have);
}

/*
 * /terminal ask (a line) and /terminal inkey (a key code) read the console:
 * rosemu's standard input.  ROS: with no more input the read ends as if
 * interrupted (Ctrl-C), so a batch run of an interactive script stops
 * instead of looping on empty answers.
 */
static enum scr_status
cmd_terminal_read(struct scr_frame *f, const char *c, const struct ast *args,
    struct scr_val *out)
{
	const struct ast *a;
	char line[4096];
	size_t n;

	for (a = args; a; a = a->next)
		if (a->kind == A_ARG && a->b == NULL && a->a &&
		    !strcmp(c, "ask") && strncmp("value-name", a->s,
		    strlen(a->s)) == 0 && !f->env->check) {
			struct scr_val v;

			v.k = SV_NOTHING;
			if (eval_node(f, a->a, &v) == SCR_OK) {
				struct strbuf sb = STRBUF_INIT;

				scr_val_print(&v, &sb);
				fputs(sb_str(&sb), f->env->out);
				sb_fini(&sb);
			}
			scr_val_free(&v);
		}
	if (f->env->check)
		return SCR_OK;
	fflush(f->env->out);
	if (fgets(line, sizeof(line), stdin) == NULL)
		return scr_fail(f, args ? args->start : 0, "interrupted");
	n = strlen(line);
	while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		line[--n] = '\0';
	if (!strcmp(c, "inkey"))
		*out = scr_num(n ? (unsigned char)line[0] : 13);
	else
		*out = scr_str(line);
	return SCR_OK;
}

/* /ip route check [dst-ip=]X [src-ip=Y] (the engine's route lookup) */
static enum scr_status
cmd_route_check(struct scr_frame *f, const struct ast *args)
{
	const struct ast *a;
	uint32_t ip[2] = { 0, 0 };
	struct strbuf sb = STRBUF_INIT;
	char *mark = NULL;
	enum scr_status st;

	for (a = args; a; a = a->next) {
		if (a->kind == A_ARG && !strcmp(a->s, "routing-mark") && a->a &&
		    !f->env->check) {
			struct scr_val x;

			x.k = SV_NOTHING;
			if ((st = eval_node(f, a->a, &x)) != SCR_OK)
				return st;
			scr_val_print(&x, &sb);
			scr_val_free(&x);
			free(mark);
			mark = sb_steal(&sb);
			continue;
		}
		const struct ast *v = a->kind == A_ARG ? a->a : a;
		int k = a->kind == A_ARG && !strcmp(a->s, "src-ip") ? 1 : 0;
		struct scr_val x;

		if (a->kind == A_ARG && strcmp(a->s, "dst-ip") &&
		    strcmp(a->s, "src-ip"))
			continue;	/* once, without-paging ... */
		if (a->kind == A_WORD && (!strcmp(a->s, "once") ||
		    !strcmp(a->s, "without-paging") || !strcmp(a->s,
		    "as-value")))
			continue;
		if (f->env->check || v == NULL)
			continue;
		x.k = SV_NOTHING;
		if ((st = eval_node(f, v, &x)) != SCR_OK)
			return st;
		scr_val_print(&x, &sb);
		scr_val_free(&x);
		if (sch_ip4_parse(sb_str(&sb), &ip[k]) < 0) {
			st = scr_fail(f, v->start, "invalid value for argument "
			    "%s", k ? "src-ip" : "dst-ip");
			sb_fini(&sb);
			free(mark);
			return st;
		}
		sb_reset(&sb);
	}
	if (f->env->check)
		return SCR_OK;
	emu_route_check(f->env, ip[0], ip[1], mark, &sb);
	fputs(sb_str(&sb), f->env->out);
	sb_fini(&sb);
	free(mark);
	return SCR_OK;
}

/*
 * /emulator CMD name=value ...: rosemu's own menu (src/engine/emucmd.c).
 * Names are checked against the command (unique prefixes work), values
 * evaluated to text.
 */
static enum scr_status
cmd_emulator(struct scr_frame *f, struct sch_node *cmd, const struct ast *stmt,
    const struct ast *args)
{
	struct emu_arg av[16];
	char *vals[16];
	size_t n = 0, i;
	struct strbuf out = STRBUF_INIT, err = STRBUF_INIT;
	enum scr_status st = SCR_OK;
	const struct ast *a;

	for (a = args; a; a = a->next) {
		const struct sch_arg *g;
		bool amb = false;
		struct scr_val x;
		struct strbuf sb = STRBUF_INIT;
		const struct ast *v = a->a;

		/* "set 192.0.2.1 reachable=no": the first bare value */
		if (a->kind != A_ARG && n == 0 &&
		    (g = sch_arg_find(cmd, "numbers", &amb)) != NULL)
			v = a;
		else if (a->kind != A_ARG || (g = sch_arg_find(cmd, a->s,
		    &amb)) == NULL || n == NELEM(av)) {
			st = scr_fail(f, a->start, amb ?
			    "ambiguous value of argument" :
			    "expected end of command");
			goto out;
		}
		x.k = SV_NOTHING;
		if (v && !f->env->check &&
		    (st = eval_node(f, v, &x)) != SCR_OK)
			goto out;
		scr_val_print(&x, &sb);
		scr_val_free(&x);
		vals[n] = sb_steal(&sb);
		av[n].name = g->name;
		av[n].val = vals[n];
		n++;
	}
	if (f->env->check)
		goto out;
	if (emu_command(f->env, sch_menu_of(cmd->parent)->path, cmd->name, av,
	    n, &out, &err) < 0)
		st = scr_fail(f, stmt->start, "%s", sb_str(&err));
	fputs(sb_str(&out), f->env->out);
out:
	for (i = 0; i < n; i++)
		free(vals[i]);
	sb_fini(&out);
	sb_fini(&err);
	return st;
}

static bool
is_conn_menu(const struct sch_menu *m)
{
	return m->def && !strcmp(m->path, "/ip/firewall/connection");
}

/* commands whose name=value args are item properties */
static bool
edits_item(const char *c)
{
	return !strcmp(c, "add") || !strcmp(c, "set") || !strcmp(c, "unset")
	    || !strcmp(c, "reset") || !strcmp(c, "edit");
}

/*
 * "set $user interval $newInterval": a property name as a bare word
 * followed by a value is "name=value".  ROS: the console reads "ping
 * 10.1 c 3 si 100" as "count=3 size=100" (scripting reference 1.9, which
 * leaves open how general this is); real scripts use it with add and
 * set, so rosemu accepts it there, for a property's full name, once the
 * item numbers have been given.
 */
static bool
word_value_pair(const struct sch_menu *m, const char *c, const struct ast *a,
    bool after_numbers)
{
	int i;

	if (a->kind != A_WORD || !after_numbers || a->next == NULL ||
	    a->next->kind == A_ARG || a->next->kind == A_WHERE ||
	    (strcmp(c, "add") != 0 && strcmp(c, "set") != 0))
		return false;
	if ((i = sch_prop_find(m, a->s)) < 0)
		return false;
	return !(m->props[i].flags & (P_FLAG | P_RO));
}

/* ROS: "/log info message=x" (or "/log info x") is the console form of :log */
static enum scr_status
cmd_log(struct scr_frame *f, const char *level, const struct ast *args)
{
	const struct ast *a, *val = NULL;
	struct scr_val v;
	struct strbuf sb = STRBUF_INIT;
	enum scr_status st;

	for (a = args; a; a = a->next) {
		if (a->kind == A_ARG && a->b == NULL &&
		    strncmp("message", a->s, strlen(a->s)) == 0)
			val = a->a;
		else if (a->kind != A_ARG && val == NULL)
			val = a;
		else
			return scr_fail(f, a->start, "expected end of command");
	}
	if (f->env->check)
		return SCR_OK;
	v.k = SV_NOTHING;
	if (val && (st = eval_node(f, val, &v)) != SCR_OK)
		return st;
	scr_val_print(&v, &sb);
	scr_log_write(f->env, level, sb_str(&sb));
	sb_fini(&sb);
	scr_val_free(&v);
	return SCR_OK;
}

enum scr_status
menu_cmd(struct scr_frame *f, struct sch_node *dir, struct sch_node *cmd,
    const struct ast *stmt, const struct ast *args, struct scr_val *out)
{
	struct sch_menu *m = sch_menu_of(dir);
	const char *c = cmd->name;
	const struct ast *a, *numbers = NULL, *extra = NULL;
	struct pval *pv;
	size_t npv = 0, i;
	struct picks p = { NULL, 0, 0 };
	enum scr_status st = SCR_OK;
	struct scr_val nv;
	struct ast pair;
	struct cfg_item *added = NULL;
	char dotpfx[64] = "", dotname[128];

	(void)stmt;
	out->k = SV_NOTHING;
	if (!f->env->check) {
		sys_before(f, m, c);
		emu_menu_before(f->env, m, c);
		/* anything but a look may change what the engine runs */
		if (strcmp(c, "print") && strcmp(c, "export") &&
		    strcmp(c, "find") && strcmp(c, "get") && !is_conn_menu(m))
			f->env->cfg->gen++;
	}
	if (m->def && !strcmp(m->path, "/ip/route") && !f->env->check &&
	    strcmp(c, "add") != 0 && strcmp(c, "export") != 0)
		sync_connected(f->env->cfg);
	if (!strncmp(m->path, "/emulator", 9))
		return cmd_emulator(f, cmd, stmt, args);
	if (!strcmp(c, "find"))
		return cmd_find(f, m, args, out);
	if (!strcmp(c, "print") || !strcmp(c, "export"))
		return cmd_print_export(f, m, dir, cmd, args, out);
	if (!strcmp(m->path, "/ip/route") && !strcmp(c, "check"))
		return cmd_route_check(f, args);

	if (!strcmp(m->path, "/terminal") && (!strcmp(c, "ask") ||
	    !strcmp(c, "inkey")))
		return cmd_terminal_read(f, c, args, out);
	if (!strcmp(m->path, "/log") && (!strcmp(c, "info") ||
	    !strcmp(c, "warning") || !strcmp(c, "error") ||
	    !strcmp(c, "debug")))
		return cmd_log(f, c, args);

	/* bind arguments: names against the command, values typed */
	pv = xcalloc(m->n_props + 8, sizeof(*pv));
	for (a = args; a; a = a->next) {
		if (word_value_pair(m, c, a, numbers != NULL ||
		    !is_numbers_cmd(c) || m->settings)) {
			pair = *a;
			pair.kind = A_ARG;
			pair.a = a->next;
			pair.next = a->next->next;
			a = &pair;
		}
		if (a->kind == A_ARG && a->b == NULL) {
			bool amb;
			const char *an = a->s, *dot;
			const struct sch_arg *g;
			const char *nm;

			/*
			 * ROS: ".ssid=x" after "configuration.mode=ap" is
			 * short for "configuration.ssid=x" (wifi exports).
			 */
			if (an[0] == '.' && dotpfx[0] &&
			    sch_arg_find(cmd, an, &amb) == NULL) {
				snprintf(dotname, sizeof(dotname), "%s%s",
				    dotpfx, an + 1);
				an = dotname;
			} else if ((dot = strrchr(an, '.')) != NULL &&
			    dot != an && (size_t)(dot - an) < sizeof(dotpfx))
				snprintf(dotpfx, sizeof(dotpfx), "%.*s",
				    (int)(dot - an + 1), an);
			g = sch_arg_find(cmd, an, &amb);
			nm = g ? g->name : an;
			if (g == NULL && sch_prop_find(m, an) < 0) {
				st = scr_fail(f, a->start, amb ?
				    "ambiguous value of argument" :
				    "expected end of command");
				goto out;
			}
			if (!strcmp(nm, "numbers") ||
			    (!strcmp(nm, "number") && !strcmp(c, "run"))) {
				numbers = a->a;
				continue;
			}
			if (!strcmp(nm, "place-before") ||
			    !strcmp(nm, "copy-from") ||
			    !strcmp(nm, "value-name") ||
			    !strcmp(nm, "destination")) {
				extra = a;
				continue;
			}
			if (npv >= m->n_props + 8)
				continue;
			if (sch_prop_find(m, nm) < 0 || !edits_item(c))
				continue;	/* a command option: accepted */
			if ((st = parse_prop(f, m, nm, a->a, &pv[npv],
			    a->start)) != SCR_OK)
				goto out;
			npv++;
		} else if (a->kind == A_WORD && a->s[0] == '!' &&
		    !strcmp(c, "set")) {
			pv[npv].idx = sch_prop_find(m, a->s + 1);
			if (pv[npv].idx < 0) {
				st = scr_fail(f, a->start,
				    "expected end of command");
				goto out;
			}
			pv[npv++].unset = true;
		} else if (a->kind == A_WORD && flag_word(cmd, a->s) &&
		    sch_prop_find(m, a->s) >= 0 &&
		    (m->props[sch_prop_find(m, a->s)].flags & P_FLAG)) {
			pv[npv].idx = sch_prop_find(m, a->s);
			pv[npv++].v.text = xstrdup("");
		} else if (numbers == NULL && is_numbers_cmd(c) && !m->settings)
			numbers = a;
		else if (extra == NULL && (!strcmp(c, "get") ||
		    !strcmp(c, "comment") || !strcmp(c, "move") ||
		    !strcmp(c, "unset") ||
		    (m->settings && !strcmp(c, "get"))))
			extra = a;
		else if (!strcmp(c, "add") || !strcmp(c, "set") ||
		    !strcmp(c, "remove") || !strcmp(c, "enable") ||
		    !strcmp(c, "disable") || !strcmp(c, "unset")) {
			st = scr_fail(f, a->start, "expected end of command");
			goto out;
		}
	}
	if (f->env->check)
		goto out;

	if (!strcmp(c, "add")) {
		struct cfg_item *it = cfg_item_new(m);
		size_t at = (size_t)-1;
		struct strbuf miss = STRBUF_INIT;

		if (extra && !strcmp(extra->s, "copy-from")) {
			struct picks q = { NULL, 0, 0 };

			if (extra->a && eval_node(f, extra->a, &nv) == SCR_OK) {
				resolve_numbers(f, m, &nv, &q, extra->start);
				scr_val_free(&nv);
			}
			if (q.n)
				for (i = 0; i < m->n_props; i++)
					sch_val_copy(&it->v[i], &q.v[0].it->v[i]);
			free(q.v);
		}
		for (i = 0; i < npv; i++) {
			sch_val_fini(&it->v[pv[i].idx]);
			if (!pv[i].unset) {
				/* moved, not copied: pv is freed unused */
				it->v[pv[i].idx] = pv[i].v;
				pv[i].v.text = NULL;
			}
		}
		for (i = 0; i < m->n_props; i++)
			if (((m->props[i].flags & P_REQ) ||
			    ((m->props[i].flags & P_REQ7) && f->env->ros == 7))
			    && it->v[i].text == NULL)
				sb_addf(&miss, " %s", m->props[i].name);
		if (miss.len) {
			st = scr_fail(f, args ? args->start : stmt->start,
			    "missing value(s) of argument(s)%s", miss.buf);
			f->env->err_src = NULL;
			sb_fini(&miss);
			cfg_item_free(m, it);
			goto out;
		}
		sb_fini(&miss);
		/* ROS: marking mangle actions carry passthrough=yes */
		if (m->def && !strcmp(m->path, "/ip/firewall/mangle")) {
			int ia = sch_prop_find(m, "action");
			int ip = sch_prop_find(m, "passthrough");
			const char *ac = it->v[ia].text;

			if (ac && it->v[ip].text == NULL &&
			    strcmp(ac, "accept") && strcmp(ac, "passthrough") &&
			    strcmp(ac, "drop") && strcmp(ac, "jump") &&
			    strcmp(ac, "return") && strcmp(ac, "log") &&
			    strncmp(ac, "add-", 4) && strncmp(ac, "sniff", 5) &&
			    strcmp(ac, "fasttrack-connection"))
				cfg_set_text(m, it, "passthrough", "yes");
		}
		if (m->def && m->def->validate) {
			const char *err = NULL;

			if (m->def->validate(it->v, m->props, m->n_props,
			    &err) < 0) {
				st = scr_fail(f, stmt->start, "failure: %s", err);
				cfg_item_free(m, it);
				goto out;
			}
		}
		if (cfg_find_dup(f->env->cfg, m, it)) {
			st = scr_fail(f, stmt->start,
			    "failure: already have such entry");
			f->env->err_src = NULL;
			cfg_item_free(m, it);
			goto out;
		}
		if (extra && !strcmp(extra->s, "place-before") && extra->a) {
			struct picks q = { NULL, 0, 0 };

			if (eval_node(f, extra->a, &nv) == SCR_OK) {
				resolve_numbers(f, m, &nv, &q, extra->start);
				scr_val_free(&nv);
			}
			if (q.n)
				at = cfg_index(f->env->cfg, m, q.v[0].it);
			free(q.v);
		}
		it->created = f->env->now;
		cfg_insert(f->env->cfg, m, it, at);
		out->k = SV_ID;
		out->u.n = it->id;
		added = it;
		goto out;
	}

	/* settings menus: one item, created on first set */
	if (m->settings) {
		struct cfg_list *l = cfg_list(f->env->cfg, m);

		if (l->n == 0) {
			struct cfg_item *it = cfg_item_new(m);

			cfg_insert(f->env->cfg, m, it, (size_t)-1);
		}
		picks_add(&p, m, l->items[0]);
	} else if (is_numbers_cmd(c)) {
		if (numbers == NULL) {
			if (strcmp(c, "reset-counters") == 0)
				goto out;
			st = scr_fail(f, args ? args->start : stmt->end,
			    "missing value(s) of argument(s) %s",
			    strcmp(c, "run") ? "numbers" : "number");
			goto out;
		}
		f->implicit_ok = !strcmp(c, "set") || !strcmp(c, "enable") ||
		    !strcmp(c, "disable") || !strcmp(c, "comment");
		st = eval_node(f, numbers, &nv);
		if (st == SCR_OK)
			st = resolve_numbers(f, m, &nv, &p, numbers->start);
		f->implicit_ok = false;
		scr_val_free(&nv);
		if (st != SCR_OK)
			goto out;
	} else
		goto out;	/* another command of the tree: no effect */

	if (!strcmp(c, "set")) {
		for (i = 0; i < p.n; i++) {
			struct pval *use = pv;
			struct pval *mapped = NULL;
			size_t k;

			if (p.v[i].m != m) {
				/* /interface set: apply to the item's menu */
				mapped = xcalloc(npv + 1, sizeof(*mapped));
				for (k = 0; k < npv; k++) {
					mapped[k] = pv[k];
					mapped[k].idx = sch_prop_find(p.v[i].m,
					    m->props[pv[k].idx].name);
				}
				use = mapped;
				for (k = 0; k < npv; k++)
					if (use[k].idx < 0)
						use[k].unset = false;
			}
			struct sch_val *old = xcalloc(npv + 1, sizeof(*old));

			for (k = 0; k < npv; k++) {
				struct sch_val *d;

				if (use[k].idx < 0)
					continue;
				d = &p.v[i].it->v[use[k].idx];
				old[k] = *d;		/* kept until checked */
				memset(d, 0, sizeof(*d));
				if (!use[k].unset)
					sch_val_copy(d, &use[k].v);
			}
			/* ROS: a set that makes two entries equal fails */
			if (cfg_find_dup(f->env->cfg, p.v[i].m, p.v[i].it)) {
				for (k = 0; k < npv; k++)
					if (use[k].idx >= 0) {
						struct sch_val *d = &p.v[i].it->
						    v[use[k].idx];

						sch_val_fini(d);
						*d = old[k];
					}
				free(old);
				free(mapped);
				st = scr_fail(f, stmt->start,
				    "failure: already have such entry");
				f->env->err_src = NULL;
				goto out;
			}
			for (k = 0; k < npv; k++)
				if (use[k].idx >= 0)
					sch_val_fini(&old[k]);
			free(old);
			cfg_rekey(f->env->cfg, p.v[i].m, p.v[i].it);
			free(mapped);
		}
	} else if (!strcmp(c, "remove")) {
		for (i = 0; i < p.n; i++)
			cfg_remove(f->env->cfg, p.v[i].m, p.v[i].it);
		for (i = 0; i < p.n; i++)
			cfg_compact(f->env->cfg, p.v[i].m);
	} else if (!strcmp(c, "enable") || !strcmp(c, "disable")) {
		for (i = 0; i < p.n; i++)
			cfg_set_text(p.v[i].m, p.v[i].it, "disabled",
			    c[0] == 'd' ? "yes" : "no");
	} else if (!strcmp(c, "comment")) {
		struct scr_val cv;

		cv.k = SV_NOTHING;
		for (i = 0; i < npv; i++)
			if (!strcmp(m->props[pv[i].idx].name, "comment"))
				cv = scr_str(pv[i].v.text);
		if (cv.k == SV_NOTHING && extra)
			eval_node(f, extra, &cv);
		for (i = 0; i < p.n; i++) {
			struct strbuf sb = STRBUF_INIT;

			scr_val_print(&cv, &sb);
			cfg_set_text(p.v[i].m, p.v[i].it, "comment", sb_str(&sb));
			sb_fini(&sb);
		}
		scr_val_free(&cv);
	} else if (!strcmp(c, "unset")) {
		st = cmd_unset(f, m, &p, extra, stmt);
	} else if (!strcmp(c, "get")) {
		if (p.n == 0)
			goto out;
		f->item_menu = p.v[0].m;
		f->item = p.v[0].it;
		if (extra == NULL) {
			out->k = SV_ARRAY;
			out->u.arr = scr_arr_new();
			for (i = 0; i < p.v[0].m->n_props; i++)
				if (p.v[0].it->v[i].text)
					scr_arr_push(out->u.arr,
					    p.v[0].m->props[i].name,
					    item_prop(f, p.v[0].m->props[i].name));
		} else {
			struct scr_val pn;
			struct strbuf sb = STRBUF_INIT;

			if (extra->kind == A_ARG && extra->b == NULL)
				eval_node(f, extra->a, &pn);
			else
				eval_node(f, extra, &pn);
			scr_val_print(&pn, &sb);
			scr_val_free(&pn);
			/* a property, or a value print computes (type) */
			*out = item_prop(f, sb_str(&sb));
			if (out->k == SV_NOTHING &&
			    sch_prop_find(p.v[0].m, sb_str(&sb)) < 0 &&
			    strcmp(sb_str(&sb), ".id") &&
			    !get_knows(p.v[0].m, sb_str(&sb))) {
				st = scr_fail(f, extra->start,
				    "input does not match any value of value-name");
			} else {
				if (out->k == SV_NOTHING && m->settings) {
					int ix = sch_prop_find(m, sb_str(&sb));

					if (ix >= 0 && m->props[ix].def)
						*out = scr_val_from_text(
						    m->props[ix].def, true);
				}
			}
			sb_fini(&sb);
		}
		f->item_menu = NULL;
		f->item = NULL;
	} else if (!strcmp(c, "move")) {
		struct cfg_list *l = cfg_list(f->env->cfg, m);
		size_t to = l->n;

		if (extra) {
			struct picks q = { NULL, 0, 0 };

			if (eval_node(f, extra->kind == A_ARG ? extra->a : extra,
			    &nv) == SCR_OK) {
				resolve_numbers(f, m, &nv, &q, extra->start);
				scr_val_free(&nv);
			}
			if (q.n)
				to = cfg_index(f->env->cfg, m, q.v[0].it);
			free(q.v);
		}
		for (i = 0; i < p.n; i++) {
			size_t from = cfg_index(f->env->cfg, m, p.v[i].it);
			struct cfg_item *it = l->items[from];

			memmove(l->items + from, l->items + from + 1,
			    (l->n - from - 1) * sizeof(*l->items));
			l->n--;
			if (to > from)
				to--;
			memmove(l->items + to + 1, l->items + to,
			    (l->n - to) * sizeof(*l->items));
			l->items[to] = it;
			l->n++;
			to++;
		}
	} else if (!strcmp(c, "reset-counters")) {
		for (i = 0; i < p.n; i++)
			p.v[i].it->bytes = p.v[i].it->packets = 0;
	} else if (sys_item_cmd_known(m, c)) {
		/* /system script run, /ip dhcp-client release|renew */
		struct cfg_item **its = xcalloc(p.n + 1, sizeof(*its));

		for (i = 0; i < p.n; i++)
			its[i] = p.v[i].it;
		st = sys_item_cmd(f, m, c, its, p.n, stmt->start);
		free(its);
	}
	(void)apply_props;
out:
	/* what follows from the change: leases, scheduler, globals */
	if (st == SCR_OK && !f->env->check) {
		st = sys_after(f, m, c, added);
		emu_menu_after(f->env, m, c);
	}
	free(p.v);
	pvals_free(pv, npv);
	return st;
}
