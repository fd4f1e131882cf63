/*
 * DOC: resolve - the compile-time variable check of a parsed chunk
 * (reference/routeros-scripting.md §2.1, §2.3).
 *
 * RouterOS compiles a console line or a script before running any of it,
 * and a $name read that no :local or :global declares is a compile error:
 * ":put $myVar" alone is "syntax error (line 1 column 7)", pointing at the
 * name, and nothing of the line runs.  This walk reproduces that over the
 * AST, in source order, with the static scopes the code will have when it
 * runs: a { } block, a loop body, a [ ] substitution each open a scope; a
 * :local is visible after its declaration in its block and the blocks
 * nested in it.  Exceptions, as documented: a name declared by :global
 * anywhere earlier in the text is accepted (its value may still be out of
 * scope at run time - the documented output 3 of §2.3); function bodies
 * (do= of :local/:global/:set) and :parse'd code take any name, an
 * undeclared one being a parameter; where-expressions bind item
 * properties; context-supplied names (function arguments, a lease
 * script's $leaseBound) are known through the frame; at the top of
 * console input every existing global is in scope.
 *
 * Called by run_src() for every chunk before it runs (and in --check).
 * The names a text's top level declares persist across its chunks in
 * struct scr_resolve.  Nothing here evaluates or changes anything.
 */
#include <stdlib.h>
#include <string.h>

#include "eval.h"

struct scr_resolve {
	struct strmap top;	/* top-level names of the text (owned keys) */
	struct strmap globals;	/* names any :global declared so far */
};

/* an inner static scope: names borrowed from the chunk's AST */
struct rs_scope {
	const char **names;
	size_t	 n, cap;
	struct rs_scope *up;
};

struct rs {
	struct scr_frame *f;
	struct scr_resolve *keep;
	struct rs_scope *sc;	/* innermost inner scope; NULL: top level */
	struct sch_node *cwd;	/* menu the statements bind in */
	int	 fn;		/* > 0: in a function body, anything goes */
	int	 where;		/* > 0: in a where-expression */
	bool	 failed;
	uint32_t err_off;
};

struct scr_resolve *
scr_resolve_new(void)
{
	struct scr_resolve *r = xcalloc(1, sizeof(*r));

	strmap_init(&r->top);
	strmap_init(&r->globals);
	return r;
}

static void
names_fini(struct strmap *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		free((char *)m->keys[i]);
	strmap_fini(m);
}

void
scr_resolve_free(struct scr_resolve *r)
{
	if (r == NULL)
		return;
	names_fini(&r->top);
	names_fini(&r->globals);
	free(r);
}

static void
names_add(struct strmap *m, const char *name)
{
	if (strmap_get(m, name) == NULL)
		strmap_put(m, xstrdup(name), (void *)1);
}

static void
declare(struct rs *r, const char *name, bool global)
{
	struct rs_scope *s = r->sc;

	if (global)
		names_add(&r->keep->globals, name);
	/*
	 * --check runs nothing, so no :global creates its variable; the
	 * texts checked after this one still know the name.
	 */
	if (global && r->f->env->check)
		var_set_global(r->f->env, name, scr_kind_val(SV_NOTHING, 0),
		    true);
	if (s == NULL) {
		names_add(&r->keep->top, name);
		return;
	}
	xgrow((void **)&s->names, &s->cap, s->n + 1, sizeof(*s->names));
	s->names[s->n++] = name;
}

static bool
known(struct rs *r, const char *name)
{
	const struct rs_scope *s;
	size_t i;

	if (r->fn > 0 || r->where > 0)
		return true;
	for (s = r->sc; s; s = s->up)
		for (i = 0; i < s->n; i++)
			if (strcmp(s->names[i], name) == 0)
				return true;
	if (strmap_get(&r->keep->top, name) ||
	    strmap_get(&r->keep->globals, name))
		return true;
	/* what the frame already has: its scopes, arguments, globals */
	return var_find(r->f, name) != NULL;
}

static void
fail(struct rs *r, uint32_t off)
{
	if (r->failed)
		return;
	r->failed = true;
	r->err_off = off;
}

static void rs_value(struct rs *, const struct ast *);
static void rs_block(struct rs *, const struct ast *, const char *const *,
	    size_t);

static void
rs_value(struct rs *r, const struct ast *n)
{
	const struct ast *k;

	if (n == NULL || r->failed)
		return;
	switch (n->kind) {
	case A_VAR:
		if (!known(r, n->s))
			fail(r, n->start + 1);	/* ROS: at the name */
		return;
	case A_STR:
		for (k = n->kids; k; k = k->next)
			rs_value(r, k);
		return;
	case A_PAREN:
		/* ({}): the way to write an empty array (§3.3) */
		if (n->a && n->a->kind == A_BLOCK && n->a->kids == NULL)
			return;
		rs_value(r, n->a);
		return;
	case A_UN:
		if (n->op == OP_QUOTE) {
			/* (> ...): quoted code, run later as a function */
			r->fn++;
			rs_value(r, n->a);
			r->fn--;
			return;
		}
		rs_value(r, n->a);
		return;
	case A_BIN:
		rs_value(r, n->a);
		/* ($a->name): a bare word is the key itself */
		if (n->op != OP_ARROW || n->b == NULL ||
		    n->b->kind != A_IDENT)
			rs_value(r, n->b);
		return;
	case A_CMDSUB:
		rs_block(r, n->a, NULL, 0);
		return;
	case A_BLOCK:
		/*
		 * {a; b; k=v} as a value: an array literal, no scope.  ROS
		 * (§3.3, HM-Tips): "{}" there is a syntax error, reported
		 * one past the brace (":global array {}" -> column 17).
		 */
		if (n->kids == NULL) {
			fail(r, n->end);
			return;
		}
		for (k = n->kids; k; k = k->next) {
			const struct ast *it;

			for (it = k->kids; it; it = it->next)
				rs_value(r, it);
		}
		return;
	case A_ARG:
		rs_value(r, n->b);
		rs_value(r, n->a);
		return;
	case A_WHERE:
		r->where++;
		rs_value(r, n->a);
		r->where--;
		return;
	default:
		return;
	}
}

/*
 * A builtin's arguments the way builtins.c collects them: name=value,
 * "on-error {..}", "do {..}" / "else {..}" without "=", and positional
 * values.
 */
struct rs_args {
	const struct ast *pos[16];
	int	 n_pos;
	const struct ast *named[16];	/* values */
	const char *names[16];
	int	 n_named;
};

static void
rs_collect(const struct ast *it, struct rs_args *b)
{
	memset(b, 0, sizeof(*b));
	for (; it; it = it->next) {
		if (it->kind == A_ARG && it->b == NULL) {
			if (b->n_named < 16) {
				b->names[b->n_named] = it->s;
				b->named[b->n_named++] = it->a;
			}
		} else if (it->kind == A_WORD && it->next &&
		    (!strcmp(it->s, "on-error") || ((!strcmp(it->s, "do") ||
		    !strcmp(it->s, "else")) && it->next->kind == A_BLOCK))) {
			if (b->n_named < 16) {
				b->names[b->n_named] = it->s;
				b->named[b->n_named++] = it->next;
			}
			it = it->next;
		} else if (b->n_pos < 16)
			b->pos[b->n_pos++] = it;
	}
}

/* the value of name=, else positional pos (-1: none); *used marks it */
static const struct ast *
rs_arg(const struct rs_args *b, const char *name, int pos, unsigned *used)
{
	int i;

	for (i = 0; i < b->n_named; i++)
		if (name && strcmp(b->names[i], name) == 0) {
			*used |= 1u << (16 + i);
			return b->named[i];
		}
	if (pos >= 0 && pos < b->n_pos) {
		*used |= 1u << pos;
		return b->pos[pos];
	}
	return NULL;
}

/* a loop or handler body: a block is a scope holding names */
static void
rs_body(struct rs *r, const struct ast *n, const char *const *names,
    size_t n_names)
{
	if (n == NULL)
		return;
	if (n->kind == A_BLOCK)
		rs_block(r, n, names, n_names);
	else
		rs_value(r, n);
}

/* "k,v" (:foreach) or "e,attr" (:onerror): up to two names */
static size_t
split_names(struct rs *r, const char *s, const char **out, char *buf,
    size_t len)
{
	const char *c;

	(void)r;
	if (s == NULL)
		return 0;
	c = strchr(s, ',');
	if (c == NULL || (size_t)(c - s) >= len) {
		out[0] = s;
		return 1;
	}
	memcpy(buf, s, (size_t)(c - s));
	buf[c - s] = '\0';
	out[0] = buf;
	out[1] = c + 1;
	return 2;
}

static void
rs_builtin(struct rs *r, const char *c, const struct ast *items)
{
	struct rs_args b;
	const struct ast *n, *body;
	const char *names[2];
	char buf[64];
	size_t nn;
	unsigned used = 0;
	int i;

	rs_collect(items, &b);
	if (!strcmp(c, "local") || !strcmp(c, "global")) {
		const char *nm = scr_var_name(rs_arg(&b, "name", 0, &used));

		rs_value(r, rs_arg(&b, "value", 1, &used));
		/* do={..}: a function body, checked when it is called */
		(void)rs_arg(&b, "do", -1, &used);
		if (nm)
			declare(r, nm, c[0] == 'g');
	} else if (!strcmp(c, "set")) {
		n = rs_arg(&b, "name", 0, &used);
		if (n && n->kind == A_PAREN)
			rs_value(r, n);		/* :set ($a->k) v */
		else if (n && scr_var_name(n) && !known(r, scr_var_name(n)))
			/* ROS: :set of an undeclared name is a parse error */
			fail(r, n->start + (n->kind == A_WORD ? 0 : 1));
		rs_value(r, rs_arg(&b, "value", 1, &used));
		(void)rs_arg(&b, "do", -1, &used);
	} else if (!strcmp(c, "for")) {
		names[0] = scr_var_name(rs_arg(&b, "counter", 0, &used));
		rs_value(r, rs_arg(&b, "from", -1, &used));
		rs_value(r, rs_arg(&b, "to", -1, &used));
		rs_value(r, rs_arg(&b, "step", -1, &used));
		rs_body(r, rs_arg(&b, "do", -1, &used), names,
		    names[0] ? 1 : 0);
	} else if (!strcmp(c, "foreach")) {
		nn = split_names(r, scr_var_name(rs_arg(&b, "counter", 0, &used)),
		    names, buf, sizeof(buf));
		rs_value(r, rs_arg(&b, "in", -1, &used));
		rs_body(r, rs_arg(&b, "do", -1, &used), names, nn);
	} else if (!strcmp(c, "onerror")) {
		nn = split_names(r, scr_var_name(rs_arg(&b, "error", 0, &used)),
		    names, buf, sizeof(buf));
		rs_body(r, rs_arg(&b, "in", 1, &used), NULL, 0);
		rs_body(r, rs_arg(&b, "do", -1, &used), names, nn);
	} else if (!strcmp(c, "if") || !strcmp(c, "while")) {
		rs_value(r, rs_arg(&b, "condition", 0, &used));
		rs_body(r, rs_arg(&b, "do", -1, &used), NULL, 0);
		rs_body(r, rs_arg(&b, "else", -1, &used), NULL, 0);
	} else if (!strcmp(c, "do") || !strcmp(c, "retry") ||
	    !strcmp(c, "time")) {
		rs_body(r, rs_arg(&b, "command", 0, &used), NULL, 0);
		rs_body(r, rs_arg(&b, "on-error", -1, &used), NULL, 0);
		rs_value(r, rs_arg(&b, "while", -1, &used));
	} else if (!strcmp(c, "execute")) {
		/* the script runs as a job of its own, compiled then */
		body = rs_arg(&b, "script", 0, &used);
		if (body && body->kind != A_BLOCK)
			rs_value(r, body);
	}
	/* everything else is a value; a block there is an array literal */
	for (i = 0; i < b.n_pos; i++)
		if (!(used & (1u << i)))
			rs_value(r, b.pos[i]);
	for (i = 0; i < b.n_named; i++)
		if (!(used & (1u << (16 + i))))
			rs_value(r, b.named[i]);
}

static void
rs_stmt(struct rs *r, const struct ast *stmt)
{
	const struct ast *first = stmt->kids, *rest = NULL, *it;
	struct sch_node *dir = NULL, *cmd = NULL;
	struct scr_frame g;
	struct scr_env *e = r->f->env;
	char *err = e->err;
	uint32_t err_off = e->err_off;
	const struct src_text *err_src = e->err_src;
	enum scr_status st;

	if (first == NULL || r->failed)
		return;
	if (first->kind == A_BLOCK) {
		struct ast next;

		rs_block(r, first, NULL, 0);
		if (first->next == NULL)
			return;
		/* "{ ... } :put x": a block statement ends at its brace */
		next = *stmt;
		next.kids = first->next;
		rs_stmt(r, &next);
		return;
	}
	if (first->kind != A_WORD) {
		/* "$f a b=c": the function's name, then its arguments */
		for (it = first; it; it = it->next)
			rs_value(r, it);
		return;
	}
	/* bind as eval will, keeping the error state of the caller */
	g = *r->f;
	g.cwd = r->cwd;
	e->err = NULL;
	st = scr_bind_words(&g, stmt, &dir, &cmd, &rest);
	free(e->err);
	e->err = err;
	e->err_off = err_off;
	e->err_src = err_src;
	if (st != SCR_OK) {
		/* a bad command name is reported when it runs */
		for (it = first->next; it; it = it->next)
			if (it->kind != A_BLOCK && !(it->kind == A_ARG &&
			    it->a && it->a->kind == A_BLOCK))
				rs_value(r, it);
		return;
	}
	if (cmd == NULL) {
		/* a path alone changes the menu; with a block, of the block */
		struct sch_node *saved = r->cwd;

		r->cwd = dir;
		if (rest && rest->kind == A_BLOCK) {
			rs_block(r, rest, NULL, 0);
			r->cwd = saved;
		}
		return;
	}
	if (dir == sch_root() && builtin_find(cmd->name)) {
		rs_builtin(r, cmd->name, rest);
		return;
	}
	/*
	 * A menu command: its values.  A block as a value (source={..},
	 * on-event={..}, a monitor's do={..}) is a script of its own,
	 * compiled when it runs, with the variables its context supplies.
	 */
	{
		struct sch_node *saved = r->cwd;

		r->cwd = dir;
		for (it = rest; it; it = it->next) {
			if (it->kind == A_BLOCK)
				continue;
			if (it->kind == A_ARG && it->a &&
			    it->a->kind == A_BLOCK)
				continue;
			rs_value(r, it);
		}
		r->cwd = saved;
	}
}

/* a block's statements in a new scope that first holds names */
static void
rs_block(struct rs *r, const struct ast *blk, const char *const *names,
    size_t n_names)
{
	struct rs_scope s;
	struct sch_node *saved = r->cwd;
	const struct ast *st;
	size_t i;

	if (blk == NULL)
		return;
	memset(&s, 0, sizeof(s));
	s.up = r->sc;
	r->sc = &s;
	for (i = 0; i < n_names; i++)
		if (names[i])
			declare(r, names[i], false);
	for (st = blk->kids; st && !r->failed; st = st->next)
		rs_stmt(r, st);
	r->sc = s.up;
	r->cwd = saved;
	free(s.names);
}

enum scr_status
scr_resolve_chunk(struct scr_frame *f, struct scr_resolve *keep,
    const struct ast *blk)
{
	struct rs r;
	const struct ast *st;

	memset(&r, 0, sizeof(r));
	r.f = f;
	r.keep = keep;
	r.cwd = f->cwd;
	/*
	 * --check reads a file like :parse does (rosemu(1)): a script
	 * source whose variables its context may supply (a hotspot
	 * on-login's $user, a lease script's $bound), so any name goes.
	 */
	r.fn = f->is_fn || f->env->check ? 1 : 0;
	if (r.fn)
		return SCR_OK;	/* a function body: nothing to reject */
	/* the chunk's top level is the text's top scope (r.sc NULL) */
	for (st = blk->kids; st && !r.failed; st = st->next)
		rs_stmt(&r, st);
	if (r.failed)
		return scr_fail(f, r.err_off, "syntax error");
	return SCR_OK;
}
