/*
 * DOC: model - items of the configuration store.
 *
 * Lists keep items in display order; removal marks an item dead and
 * cfg_compact() (called once per command) squeezes the vector, so removing
 * every entry of a 100,000-entry address list is linear.  Ids are per
 * menu, start at *1 and are never reused (ROS: ids grow).  Menus with a
 * "unique" property set keep their items in a hash set over those props
 * (struct cfg_list.uniq), so duplicate adds are found in O(1).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"

struct cfg *
cfg_new(int ros)
{
	struct cfg *c = xcalloc(1, sizeof(*c));
	struct sch_node *n;
	struct sch_menu *m;
	char name[16];
	int i;

	c->ros = ros;
	/* ROS: a new router has its ethernet ports (assume ether1..5) */
	n = sch_lookup("/interface/ethernet");
	if (n) {
		m = sch_menu_of(n);
		for (i = 1; i <= 5; i++) {
			const char *kv[] = { "name", name, "default-name", name,
			    NULL };
			char sel[64];

			snprintf(name, sizeof(name), "ether%d", i);
			snprintf(sel, sizeof(sel), "[ find default-name=%s ]",
			    name);
			cfg_builtin(c, m, sel, kv);
		}
	}
	/* built-in interface lists are dynamic: never exported */
	n = sch_lookup("/interface/list");
	if (n) {
		static const char *const lists[] = { "all", "none", "dynamic",
		    "static" };
		size_t k;

		m = sch_menu_of(n);
		for (k = 0; k < NELEM(lists); k++) {
			const char *kv[] = { "name", lists[k], NULL };
			struct cfg_item *it = cfg_builtin(c, m, NULL, kv);

			it->flags |= CI_DYNAMIC;
		}
	}
	/*
	 * ROS: the four default logging rules exist on every router (print
	 * shows them with the '*' default flag); exports change them with
	 * "set 0 ..." and scripts toggle them with "disable 0".
	 */
	n = sch_lookup("/system/logging");
	if (n) {
		static const char *const deflog[][2] = { { "info", "memory" },
		    { "error", "memory" }, { "warning", "memory" },
		    { "critical", "echo" } };
		size_t k;

		m = sch_menu_of(n);
		for (k = 0; k < NELEM(deflog); k++) {
			const char *kv[] = { "topics", deflog[k][0], "action",
			    deflog[k][1], NULL };
			char sel[8];

			snprintf(sel, sizeof(sel), "%zu", k);
			cfg_builtin(c, m, sel, kv);
		}
	}
	/*
	 * ROS: a new router has the user admin (group full) and the three
	 * built-in groups; exports never list them, scripts remove or change
	 * them ("/user remove admin", "set admin password=").
	 */
	n = sch_lookup("/user/group");
	if (n) {
		static const char *const groups[] = { "read", "write", "full" };
		size_t k;

		m = sch_menu_of(n);
		for (k = 0; k < NELEM(groups); k++) {
			const char *kv[] = { "name", groups[k], NULL };

			cfg_builtin(c, m, groups[k], kv);
		}
	}
	n = sch_lookup("/user");
	if (n) {
		const char *kv[] = { "name", "admin", "group", "full", NULL };

		cfg_builtin(c, sch_menu_of(n), "admin", kv);
	}
	n = sch_lookup("/routing/table");
	if (n && ros == 7) {
		const char *kv[] = { "name", "main", "fib", "", NULL };
		struct cfg_item *it = cfg_builtin(c, sch_menu_of(n), NULL, kv);

		it->flags |= CI_DYNAMIC;
	}
	return c;
}

void
cfg_free(struct cfg *c)
{
	size_t i, j;

	if (c == NULL)
		return;
	for (i = 0; i < c->n_lists; i++) {
		struct cfg_list *l = c->lists[i];
		const struct sch_menu *m = sch_menu_at(i);

		for (j = 0; j < l->n; j++)
			cfg_item_free(m, l->items[j]);
		free(l->items);
		free(l->uniq);
		free(l);
	}
	free(c->lists);
	free(c);
}

struct cfg_list *
cfg_list(struct cfg *c, const struct sch_menu *m)
{
	if (m->idx >= c->n_lists) {
		size_t n = sch_n_menus(), i;

		c->lists = xrealloc(c->lists, n * sizeof(*c->lists));
		for (i = c->n_lists; i < n; i++)
			c->lists[i] = xcalloc(1, sizeof(**c->lists));
		c->n_lists = n;
	}
	return c->lists[m->idx];
}

struct cfg_item *
cfg_item_new(const struct sch_menu *m)
{
	size_t n = m->n_props ? m->n_props : 1;
	/* one block: the values follow the item (big lists: one malloc less) */
	struct cfg_item *it = xcalloc(1, sizeof(*it) + n * sizeof(*it->v));

	it->v = (struct sch_val *)(it + 1);
	return it;
}

void
cfg_item_free(const struct sch_menu *m, struct cfg_item *it)
{
	size_t i;

	if (it == NULL)
		return;
	for (i = 0; i < m->n_props; i++) {
		sch_val_fini(&it->v[i]);
		if (it->base)
			sch_val_fini(&it->base[i]);
	}
	free(it->base);
	free(it->sel);
	free(it);
}

/* ---- the unique set (struct cfg_list.uniq) ---- */

/* number of unique props of m; their indices are cached in l->uprop */
static size_t
uniq_props(struct cfg_list *l, const struct sch_menu *m)
{
	const char *p = m->def ? m->def->unique : NULL;

	if (l->uprop_done)
		return (size_t)l->n_uprop;
	l->uprop_done = true;
	l->n_uprop = 0;
	while (p && *p && l->n_uprop < (int)NELEM(l->uprop)) {
		size_t n = strcspn(p, " ");
		char name[64];

		snprintf(name, sizeof(name), "%.*s", (int)n, p);
		l->uprop[l->n_uprop++] = sch_prop_find(m, name);
		p += n;
		p += strspn(p, " ");
	}
	return (size_t)l->n_uprop;
}

/* unique prop k of values v; a prop the menu lacks counts as empty */
static const char *
uniq_text(const struct cfg_list *l, const struct sch_val *v, int k)
{
	int i = l->uprop[k];

	return i >= 0 && v[i].text ? v[i].text : "";
}

/*
 * ROS: an item missing part of its key (a v6 list member whose interface
 * is gone) clashes with nothing: it stays out of the set.
 */
static bool
uniq_keyed(const struct cfg_list *l, const struct sch_val *v)
{
	int k;

	for (k = 0; k < l->n_uprop; k++)
		if (l->uprop[k] >= 0 && v[l->uprop[k]].text == NULL)
			return false;
	return true;
}

static uint32_t
uniq_hash(const struct cfg_list *l, const struct sch_val *v)
{
	uint32_t h = 2166136261u;	/* FNV-1a, a separator after each */
	int k;

	for (k = 0; k < l->n_uprop; k++) {
		const unsigned char *s = (const unsigned char *)
		    uniq_text(l, v, k);

		for (; *s; s++)
			h = (h ^ *s) * 16777619u;
		h = (h ^ 0x1f) * 16777619u;
	}
	return h;
}

static void
uniq_place(struct cfg_list *l, struct cfg_item *it)
{
	size_t mask = l->cap_uniq - 1, j;

	for (j = it->uhash & mask; l->uniq[j]; j = (j + 1) & mask)
		;
	l->uniq[j] = it;
}

static void
uniq_add(struct cfg_list *l, const struct sch_menu *m, struct cfg_item *it)
{
	if (uniq_props(l, m) == 0 || !uniq_keyed(l, it->v))
		return;
	if ((l->n_uniq + 1) * 4 >= l->cap_uniq * 3) {
		struct cfg_item **old = l->uniq;
		size_t ocap = l->cap_uniq, i;

		l->cap_uniq = ocap ? ocap * 2 : 16;
		l->uniq = xcalloc(l->cap_uniq, sizeof(*l->uniq));
		for (i = 0; i < ocap; i++)
			if (old[i])
				uniq_place(l, old[i]);
		free(old);
	}
	it->uhash = uniq_hash(l, it->v);
	uniq_place(l, it);
	l->n_uniq++;
}

static void
uniq_del(struct cfg_list *l, struct cfg_item *it)
{
	size_t mask, i, j;

	if (l->n_uniq == 0)
		return;
	mask = l->cap_uniq - 1;
	for (i = it->uhash & mask; l->uniq[i] != it; i = (i + 1) & mask)
		if (l->uniq[i] == NULL)
			return;		/* not in the set */
	l->uniq[i] = NULL;
	l->n_uniq--;
	/* re-place the rest of the cluster so no probe stops early */
	for (j = (i + 1) & mask; l->uniq[j]; j = (j + 1) & mask) {
		struct cfg_item *x = l->uniq[j];

		l->uniq[j] = NULL;
		uniq_place(l, x);
	}
}

void
cfg_rekey(struct cfg *c, const struct sch_menu *m, struct cfg_item *it)
{
	struct cfg_list *l = cfg_list(c, m);

	if (uniq_props(l, m) == 0)
		return;
	uniq_del(l, it);
	uniq_add(l, m, it);
}

struct cfg_item *
cfg_find_dup(struct cfg *c, const struct sch_menu *m, const struct cfg_item *it)
{
	struct cfg_list *l = cfg_list(c, m);
	size_t mask, j;
	uint32_t h;
	int k;

	if (uniq_props(l, m) == 0 || l->n_uniq == 0 || !uniq_keyed(l, it->v))
		return NULL;
	h = uniq_hash(l, it->v);
	mask = l->cap_uniq - 1;
	for (j = h & mask; l->uniq[j]; j = (j + 1) & mask) {
		const struct cfg_item *x = l->uniq[j];

		if (x == it || x->uhash != h)
			continue;
		for (k = 0; k < l->n_uprop; k++)
			if (strcmp(uniq_text(l, x->v, k),
			    uniq_text(l, it->v, k)) != 0)
				break;
		if (k == l->n_uprop)
			return l->uniq[j];
	}
	return NULL;
}

void
cfg_insert(struct cfg *c, const struct sch_menu *m, struct cfg_item *it,
    size_t at)
{
	struct cfg_list *l = cfg_list(c, m);

	if (l->order == 0)
		l->order = ++c->n_used;
	if (it->id == 0)
		it->id = ++l->next_id;
	xgrow((void **)&l->items, &l->cap, l->n + 1, sizeof(*l->items));
	if (at < l->n) {
		memmove(l->items + at + 1, l->items + at,
		    (l->n - at) * sizeof(*l->items));
		l->items[at] = it;
	} else
		l->items[l->n] = it;
	l->n++;
	uniq_add(l, m, it);
}

struct cfg_item *
cfg_by_id(struct cfg *c, const struct sch_menu *m, uint32_t id)
{
	struct cfg_list *l = cfg_list(c, m);
	size_t i;

	/* ids grow with position unless items were moved: try the guess */
	if (id >= 1 && id <= l->n && l->items[id - 1]->id == id &&
	    !(l->items[id - 1]->flags & CI_DEAD))
		return l->items[id - 1];
	for (i = 0; i < l->n; i++)
		if (l->items[i]->id == id && !(l->items[i]->flags & CI_DEAD))
			return l->items[i];
	return NULL;
}

size_t
cfg_index(struct cfg *c, const struct sch_menu *m, const struct cfg_item *it)
{
	struct cfg_list *l = cfg_list(c, m);
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->items[i] == it)
			return i;
	return l->n;
}

void
cfg_remove(struct cfg *c, const struct sch_menu *m, struct cfg_item *it)
{
	struct cfg_list *l = cfg_list(c, m);

	if (it->flags & CI_DEAD)
		return;
	uniq_del(l, it);
	it->flags |= CI_DEAD;
	l->n_dead++;
}

void
cfg_compact(struct cfg *c, const struct sch_menu *m)
{
	struct cfg_list *l = cfg_list(c, m);
	size_t i, j = 0;

	if (l->n_dead == 0)
		return;
	for (i = 0; i < l->n; i++) {
		if (l->items[i]->flags & CI_DEAD)
			cfg_item_free(m, l->items[i]);
		else
			l->items[j++] = l->items[i];
	}
	l->n = j;
	l->n_dead = 0;
}

const char *
cfg_get(const struct sch_menu *m, const struct cfg_item *it, const char *prop)
{
	int i = sch_prop_find(m, prop);

	return i >= 0 ? it->v[i].text : NULL;
}

bool
cfg_item_disabled(const struct sch_menu *m, const struct cfg_item *it)
{
	const char *d = cfg_get(m, it, "disabled");
	int i;

	/* ROS: /ip dhcp-client is added disabled unless disabled=no */
	if (d == NULL && (i = sch_prop_find(m, "disabled")) >= 0)
		d = m->props[i].def;
	return d != NULL && strcmp(d, "yes") == 0;
}

bool
cfg_item_off(const struct sch_menu *m, const struct cfg_item *it)
{
	return (it->flags & CI_DEAD) || cfg_item_disabled(m, it);
}

int
cfg_set_text(const struct sch_menu *m, struct cfg_item *it, const char *prop,
    const char *text)
{
	int i = sch_prop_find(m, prop);
	struct sch_val v;
	const char *err;

	if (i < 0)
		return -1;
	if (sch_type_parse(m->props[i].type, text, &v, &err) < 0) {
		v.text = xstrdup(text);	/* keep what the router reported */
		v.neg = false;
	}
	sch_val_fini(&it->v[i]);
	it->v[i] = v;
	return 0;
}

struct cfg_item *
cfg_builtin(struct cfg *c, const struct sch_menu *m, const char *sel,
    const char *const *kv)
{
	struct cfg_item *it = cfg_item_new(m);
	size_t i;

	it->flags = CI_BUILTIN;
	it->sel = sel ? xstrdup(sel) : NULL;
	for (; kv && kv[0]; kv += 2)
		cfg_set_text(m, it, kv[0], kv[1]);
	it->base = xcalloc(m->n_props ? m->n_props : 1, sizeof(*it->base));
	for (i = 0; i < m->n_props; i++)
		sch_val_copy(&it->base[i], &it->v[i]);
	cfg_insert(c, m, it, (size_t)-1);
	return it;
}
