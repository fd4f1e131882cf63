/*
 * DOC: eval - runs statements: binds words to the command tree, evaluates
 * values and expressions, and dispatches to built-ins (builtins.c) and
 * the generic item commands (menucmd.c).
 *
 * A text runs chunk by chunk (src_text.chunk): each chunk is parsed into
 * its own arena and executed before the next is read, so a failing line
 * keeps everything before it (ROS /import semantics).  Scopes: every
 * block is a scope; the top level of a text is one scope; globals live in
 * env->globals.  Binding errors use RouterOS's texts: "bad command name X",
 * "expected end of command", "syntax error".
 */
#include <sys/resource.h>

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "emu.h"
#include "eval.h"

/* ---- errors ---- */

enum scr_status
scr_fail(struct scr_frame *f, uint32_t off, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	free(f->env->err);
	f->env->err = sb_steal(&sb);
	f->env->err_off = off;
	f->env->err_src = f->src;
	return SCR_ERR;
}

char *
scr_err_render(const struct scr_env *env)
{
	struct strbuf sb = STRBUF_INIT;
	int l, c;

	sb_add(&sb, env->err ? env->err : "error");
	if (env->err_src) {
		src_linecol(env->err_src, env->err_off, &l, &c);
		sb_addf(&sb, " (line %d column %d)", l, c);
	}
	return sb_steal(&sb);
}

/* ---- scopes ---- */

/*
 * A name bound in a scope: a local with its value, or (is_global) the
 * name of a global made visible by ":global name", whose value lives in
 * env->globals so that every scope and script sees the same one.
 */
struct scr_var {
	char	*name;
	struct scr_val v;
	bool	 is_global;
	struct scr_var *next;
};

struct scr_scope {
	struct scr_var *vars;
	struct scr_scope *up;
	bool	 heap;		/* scope_push()ed, else a caller's local */
};

void
scope_push(struct scr_frame *f)
{
	struct scr_scope *s = xcalloc(1, sizeof(*s));

	s->up = f->scope;
	s->heap = true;
	f->scope = s;
}

void
scope_pop(struct scr_frame *f)
{
	struct scr_scope *s = f->scope;

	while (s->vars) {
		struct scr_var *v = s->vars;

		s->vars = v->next;
		free(v->name);
		scr_val_free(&v->v);
		free(v);
	}
	f->scope = s->up;
	if (s->heap)
		free(s);
}

/* the innermost binding of name in the frame's scopes, or NULL */
static struct scr_var *
var_bound(struct scr_frame *f, const char *name)
{
	struct scr_scope *s;
	struct scr_var *v;

	for (s = f->scope; s; s = s->up)
		for (v = s->vars; v; v = v->next)
			if (v->name[0] == name[0] && strcmp(v->name, name) == 0)
				return v;
	return NULL;
}

/* a new binding in the current scope (replacing one of the same name) */
static struct scr_var *
var_bind(struct scr_frame *f, const char *name)
{
	struct scr_var *x;

	for (x = f->scope->vars; x; x = x->next)
		if (strcmp(x->name, name) == 0) {
			scr_val_free(&x->v);
			return x;
		}
	x = xcalloc(1, sizeof(*x));
	x->name = xstrdup(name);
	x->next = f->scope->vars;
	f->scope->vars = x;
	return x;
}

struct scr_val *
var_local(struct scr_frame *f, const char *name)
{
	struct scr_var *v = var_bound(f, name);

	if (v == NULL)
		return NULL;
	return v->is_global ? strmap_get(&f->env->globals, name) : &v->v;
}

/*
 * Lookup order (reference §2.3): the scopes (a :local, or a global made
 * visible by :global), then the function's parameters, then - at the top
 * level of console input only - every existing global.
 */
struct scr_val *
var_find(struct scr_frame *f, const char *name)
{
	struct scr_var *v = var_bound(f, name);
	struct scr_val *a;

	if (v)
		return v->is_global ? strmap_get(&f->env->globals, name) :
		    &v->v;
	if (f->args && (a = scr_arr_get(f->args, name)) != NULL)
		return a;
	if (f->sees_globals && f->env->globals.n &&
	    (f->env->fresh_globals.n == 0 ||
	    strmap_get(&f->env->fresh_globals, name) == NULL))
		return strmap_get(&f->env->globals, name);
	return NULL;
}

/* a new console chunk: every global that exists now is in its scope */
static void
fresh_globals_clear(struct scr_env *e)
{
	size_t i;

	if (e->fresh_globals.n == 0)
		return;
	for (i = 0; i < e->fresh_globals.cap; i++)
		free((char *)e->fresh_globals.keys[i]);
	strmap_fini(&e->fresh_globals);
	strmap_init(&e->fresh_globals);
}

void
var_declare_local(struct scr_frame *f, const char *name, struct scr_val v)
{
	struct scr_var *x = var_bind(f, name);

	x->is_global = false;
	x->v = v;
}

void
var_set_global(struct scr_env *env, const char *name, struct scr_val v,
    bool keep)
{
	struct scr_val *g = strmap_get(&env->globals, name);

	if (g) {
		if (keep) {
			scr_val_free(&v);
			return;
		}
		scr_val_free(g);
		*g = v;
		return;
	}
	g = xmalloc(sizeof(*g));
	*g = v;
	strmap_put(&env->globals, xstrdup(name), g);
	/*
	 * ROS (§2.3, "{ :local a 3; { :global b 4; } :put ($a+$b); }"
	 * prints 3): a global created while a chunk runs is not in that
	 * chunk's top scope.
	 */
	if (strmap_get(&env->fresh_globals, name) == NULL)
		strmap_put(&env->fresh_globals, xstrdup(name), (void *)1);
}

void
var_declare_global(struct scr_frame *f, const char *name, struct scr_val v,
    bool keep)
{
	struct scr_var *x;

	var_set_global(f->env, name, v, keep);
	/*
	 * ROS (§2.3): in a function, a parameter of the same name wins over
	 * ":global name" - it is read, and :set changes it, not the global.
	 */
	if (f->args && scr_arr_get(f->args, name))
		return;
	x = var_bind(f, name);
	x->is_global = true;
	x->v.k = SV_NOTHING;
}

void
var_assign(struct scr_frame *f, const char *name, struct scr_val v)
{
	struct scr_var *x = var_bound(f, name);
	struct scr_val *a;
	struct scr_scope *s;

	if (x && x->is_global) {
		var_set_global(f->env, name, v, false);
		return;
	}
	if (x) {
		scr_val_free(&x->v);
		x->v = v;
		return;
	}
	if (f->args && (a = scr_arr_get(f->args, name)) != NULL) {
		scr_val_free(a);
		*a = v;
		return;
	}
	if (f->is_fn && f->scope) {
		/*
		 * UNKNOWN: ":set x" in a function that has neither declared
		 * nor been passed x (the compile check lets function bodies
		 * through).  Chosen: a local of the whole function body.
		 */
		for (s = f->scope; s->up; s = s->up)
			;
		x = xcalloc(1, sizeof(*x));
		x->name = xstrdup(name);
		x->v = v;
		x->next = s->vars;
		s->vars = x;
		return;
	}
	var_set_global(f->env, name, v, false);
}

void
var_undefine(struct scr_frame *f, const char *name)
{
	struct scr_var *x = var_bound(f, name);
	struct scr_val *a;

	if (x && !x->is_global) {
		scr_val_free(&x->v);
		return;
	}
	if (x == NULL && f->args && (a = scr_arr_get(f->args, name))) {
		scr_val_free(a);
		return;
	}
	if (x || f->sees_globals) {
		/* ROS: ":set name" removes a global from the environment */
		const char **k = NULL;
		size_t i;

		a = strmap_get(&f->env->globals, name);
		if (a == NULL)
			return;
		for (i = 0; i < f->env->globals.cap; i++)
			if (f->env->globals.keys[i] &&
			    strcmp(f->env->globals.keys[i], name) == 0)
				k = &f->env->globals.keys[i];
		if (k) {
			char *key = (char *)*k;

			strmap_del(&f->env->globals, name);
			free(key);
		}
		scr_val_free(a);
		free(a);
	}
}

/* ---- limits ---- */

volatile sig_atomic_t scr_interrupt;

/*
 * The C stack: statements nested deep enough (blocks in blocks, calls in
 * calls) would overflow it before any count does, in sanitizer builds
 * first.  scr_env_new() notes where the stack is and 3/4 of its limit;
 * scr_step() fails a run that goes deeper, as a catchable error.
 */
static uintptr_t stack_top;
static size_t stack_budget;

static void
stack_init(void)
{
	struct rlimit rl;
	size_t lim = (size_t)8 << 20;
	char here;

	if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
	    rl.rlim_cur < (rlim_t)lim)
		lim = (size_t)rl.rlim_cur;
	stack_budget = lim / 4 * 3;
	if (stack_top == 0)
		stack_top = (uintptr_t)&here;
}

enum scr_status
scr_step(struct scr_frame *f, uint32_t off)
{
	struct scr_env *e = f->env;

	if (scr_interrupt) {
		scr_interrupt = 0;
		e->fatal = true;
		return scr_fail(f, off, "interrupted");
	}
	{
		char here;
		uintptr_t sp = (uintptr_t)&here;

		/* the stack grows down from stack_top */
		if (stack_top > sp && stack_top - sp > stack_budget)
			return scr_fail(f, off, "recursion too deep: out of "
			    "stack");
	}
	if (++e->steps > e->max_steps && e->max_steps) {
		e->fatal = true;
		return scr_fail(f, off, "interrupted: step limit %llu reached, "
		    "see rosemu --max-steps", (unsigned long long)e->max_steps);
	}
	return SCR_OK;
}

/* ---- values of AST nodes ---- */

static struct scr_val
block_array(struct scr_frame *f, const struct ast *blk, enum scr_status *st);

/* code value: the text between the braces of a block */
struct scr_val
code_of(struct scr_frame *f, const struct ast *blk)
{
	struct scr_val v;
	uint32_t s = blk->start, e = blk->end;
	const char *b = f->src->buf;

	if (e > s && b[s] == '{' && b[e - 1] == '}') {
		s++;
		e--;
	}
	memset(&v, 0, sizeof(v));
	v.k = SV_CODE;
	v.u.s = xstrndup(b + s, e - s);
	return v;
}

enum scr_status
eval_node(struct scr_frame *f, const struct ast *n, struct scr_val *out)
{
	enum scr_status st = SCR_OK;

	out->k = SV_NOTHING;
	switch (n->kind) {
	case A_WORD:
	case A_LIT:
		*out = scr_val_from_text(n->s, true);
		return SCR_OK;
	case A_IDENT: {
		struct scr_val *v;

		if (f->item_menu) {
			int i = sch_prop_find(f->item_menu, n->s);

			if (i >= 0 || !strcmp(n->s, ".id")) {
				*out = item_prop(f, n->s);
				return SCR_OK;
			}
			/* values print computes: type, gateway-status */
			*out = item_prop(f, n->s);
			if (out->k != SV_NOTHING)
				return SCR_OK;
		}
		v = var_find(f, n->s);
		*out = v ? scr_val_copy(v) : scr_val_from_text(n->s, true);
		return SCR_OK;
	}
	case A_VAR: {
		struct scr_val *v = var_find(f, n->s);

		if (v == NULL && f->args) {
			v = scr_arr_get(f->args, n->s);
		}
		if (v)
			*out = scr_val_copy(v);
		return SCR_OK;
	}
	case A_STR:
		return scr_eval_str(f, n, out);	/* expr.c */
	case A_PAREN:
		if (n->a == NULL)
			return SCR_OK;
		return eval_expr(f, n->a, out);
	case A_CMDSUB:
		if (n->a->kids == NULL) {
			/* [:typeof []] is nil ([TS], reference §3.1) */
			*out = scr_kind_val(SV_NIL, 0);
			return SCR_OK;
		}
		f->env->in_cmdsub++;
		st = exec_block(f, n->a, false, out);
		f->env->in_cmdsub--;
		if (st == SCR_RETURN)
			st = SCR_OK;
		return st;
	case A_BLOCK:
		*out = block_array(f, n, &st);
		return st;
	case A_BIN:
	case A_UN:
		return eval_expr(f, n, out);
	default:
		return scr_fail(f, n->start, "syntax error");
	}
}

/* {a;b;k=v} in value position: an array */
static struct scr_val
block_array(struct scr_frame *f, const struct ast *blk, enum scr_status *st)
{
	struct scr_val r;
	const struct ast *s;

	r.k = SV_ARRAY;
	r.u.arr = scr_arr_new();
	*st = SCR_OK;
	for (s = blk->kids; s; s = s->next) {
		const struct ast *it = s->kids;

		for (; it; it = it->next) {
			struct scr_val v;
			char *key = NULL;

			v.k = SV_NOTHING;
			if (it->kind == A_ARG) {
				if (it->b) {
					struct scr_val kv;
					struct strbuf sb = STRBUF_INIT;

					kv.k = SV_NOTHING;
					*st = eval_node(f, it->b, &kv);
					if (*st != SCR_OK) {
						scr_val_free(&kv);
						goto fail;
					}
					scr_val_print(&kv, &sb);
					scr_val_free(&kv);
					key = sb_steal(&sb);
				} else
					key = xstrdup(it->s);
				if (it->a)
					*st = eval_node(f, it->a, &v);
				else
					v = scr_str("");
			} else if (it->kind == A_WORD && strchr(it->s, ',')) {
				/* {"a", "b"}, {1,2}: "," joins elements (§3.3) */
				scr_arr_split(r.u.arr, it->s, ",", true);
				continue;
			} else
				*st = eval_node(f, it, &v);
			if (*st != SCR_OK) {
				free(key);
				goto fail;
			}
			scr_arr_push(r.u.arr, key, v);
			free(key);
		}
	}
	return r;
fail:
	/* a failed element fails the whole array: nothing is returned */
	scr_val_free(&r);
	r.k = SV_NOTHING;
	return r;
}

/* ---- running text ---- */

struct scr_env *
scr_env_new(struct cfg *c, int ros, FILE *out)
{
	struct scr_env *e = xcalloc(1, sizeof(*e));

	e->cfg = c;
	e->ros = ros;
	e->out = out;
	strmap_init(&e->globals);
	strmap_init(&e->fresh_globals);
	e->cwd = sch_root();
	e->max_steps = SCR_MAX_STEPS;
	e->max_depth = SCR_MAX_DEPTH;
	stack_init();
	emu_attach(e);
	return e;
}

void
scr_env_free(struct scr_env *e)
{
	size_t i;

	if (e == NULL)
		return;
	emu_free(e);
	sys_free(e);
	for (i = 0; i < e->globals.cap; i++)
		if (e->globals.keys[i]) {
			free((char *)e->globals.keys[i]);
			scr_val_free(e->globals.vals[i]);
			free(e->globals.vals[i]);
		}
	strmap_fini(&e->globals);
	fresh_globals_clear(e);
	strmap_fini(&e->fresh_globals);
	free(e->err);
	sb_fini(&e->log);
	for (i = 0; i < e->n_printed; i++)
		free(e->printed[i].ids);
	free(e->printed);
	free(e);
}

/*
 * Runs src in frame f chunk by chunk.  The frame's scope persists across
 * chunks (the top level of a file is one scope).
 */
enum scr_status
run_src(struct scr_frame *f, struct scr_val *res)
{
	struct arena a;
	struct scr_parser p;
	struct scr_resolve *rs = scr_resolve_new();
	size_t i;
	enum scr_status st = SCR_OK;

	arena_init(&a);
	memset(&p, 0, sizeof(p));
	p.arena = &a;
	p.src = f->src;
	for (i = 0; i + 1 < f->src->n_chunk; i++) {
		struct scr_val v;

		if (scr_parse_range(&p, f->src->chunk[i], f->src->chunk[i + 1])
		    < 0) {
			st = scr_fail(f, p.err_off, "%s", p.err);
			free(p.err);
			p.err = NULL;
			break;
		}
		/* ROS: an undeclared variable rejects the chunk unrun */
		if (f->sees_globals)
			fresh_globals_clear(f->env);
		if ((st = scr_resolve_chunk(f, rs, p.root)) != SCR_OK)
			break;
		v.k = SV_NOTHING;
		st = f->env->check ? check_block(f, p.root) :
		    exec_block(f, p.root, true, &v);
		if (res && (st == SCR_OK || st == SCR_RETURN)) {
			scr_val_free(res);
			*res = v;
		} else
			scr_val_free(&v);
		arena_reset(&a);
		if (st != SCR_OK)
			break;
	}
	scr_parser_fini(&p);
	arena_fini(&a);
	scr_resolve_free(rs);
	return st;
}

int
scr_run_text(struct scr_env *env, const char *name, const char *text,
    size_t len)
{
	return scr_run_text_take(env, name, xstrndup(text, len), len);
}

int
scr_run_text_take(struct scr_env *env, const char *name, char *text,
    size_t len)
{
	struct scr_frame f;
	struct src_text *src = src_new_take(name, text, len);
	enum scr_status st;

	memset(&f, 0, sizeof(f));
	f.env = env;
	f.src = src;
	f.cwd = env->cwd;
	/* ROS: console input sees the globals that exist (§2.3) */
	f.sees_globals = true;
	env->steps = 0;
	env->fatal = false;
	scr_interrupt = 0;	/* a Ctrl-C between runs stops nothing */
	scope_push(&f);
	st = run_src(&f, NULL);
	scope_pop(&f);
	env->cwd = f.cwd;
	if (st == SCR_ERR) {
		/* keep the source alive for rendering: render now */
		char *m = scr_err_render(env);

		free(env->err);
		env->err = m;
		env->err_src = NULL;
	}
	src_free(src);
	return st == SCR_ERR ? -1 : 0;
}

/* ---- statements ---- */

enum scr_status
exec_block(struct scr_frame *f, const struct ast *blk, bool same_scope,
    struct scr_val *out)
{
	if (same_scope) {
		const struct ast *s;
		enum scr_status st = SCR_OK;

		for (s = blk->kids; s; s = s->next) {
			scr_val_free(out);
			st = exec_stmt(f, s, out);
			if (st != SCR_OK)
				break;
		}
		return st;
	}
	return exec_block_with(f, blk, NULL, NULL, 0, out);
}

enum scr_status
exec_block_with(struct scr_frame *f, const struct ast *blk,
    const char *const *names, struct scr_val *vals, size_t n,
    struct scr_val *out)
{
	struct scr_scope sc;	/* on the stack: loops run blocks a lot */
	struct sch_node *saved = f->cwd;
	enum scr_status st;
	size_t i;

	sc.vars = NULL;
	sc.up = f->scope;
	sc.heap = false;
	f->scope = &sc;
	for (i = 0; i < n; i++)
		var_declare_local(f, names[i], vals[i]);
	st = exec_block(f, blk, true, out);
	scope_pop(f);
	f->cwd = saved;		/* ROS: a block keeps its context */
	return st;
}

static bool
is_hw_name(const char *s)
{
	static const char *const pre[] = { "ether", "sfp", "combo", "qsfp",
	    "wlan", "wifi", "lte", "w60g" };
	size_t i;

	for (i = 0; i < NELEM(pre); i++)
		if (strncmp(s, pre[i], strlen(pre[i])) == 0 &&
		    isdigit((unsigned char)s[strlen(pre[i])]))
			return true;
	return false;
}

bool
scr_is_hw_name(const char *s)
{
	return is_hw_name(s);
}

/*
 * Binds the leading words of a statement: path words and the command.
 * On return *cmd is the command node (NULL: a path-only statement, whose
 * menu is *dir), *rest the first item after the command.
 */
static enum scr_status
bind_words(struct scr_frame *f, const struct ast *stmt, struct sch_node **dir,
    struct sch_node **cmd, const struct ast **rest)
{
	const struct ast *it = stmt->kids;
	struct sch_node *n = f->cwd;
	bool first = true;

	*cmd = NULL;
	for (; it && it->kind == A_WORD; it = it->next, first = false) {
		const char *w = it->s, *p;
		uint32_t off = it->start;

		if (first && w[0] == ':') {
			struct sch_node *k = sch_cmd(sch_root(), w + 1);
			static struct sch_node log_cmd = { .name = "log",
			    .is_cmd = true };

			/*
			 * ROS: ":log info x" is the script form of the /log
			 * menu (a menu in the tree, not a root command); the
			 * builtin runs it.
			 */
			if (k == NULL && !strcmp(w + 1, "log"))
				k = &log_cmd;
			if (k != NULL) {
				*dir = sch_root();
				*cmd = k;
				*rest = it->next;
				return SCR_OK;
			}
			/*
			 * ROS: ":" starts a path at the root like "/"
			 * (scripting reference 1.1: the parser writes ":put"
			 * as "/put"), so "[:tool fetch url=...]" is
			 * "/tool fetch".
			 */
		}
		p = w;
		if (*p == '/' || (first && *p == ':')) {
			n = sch_root();
			if (*p == ':')
				p++;
			while (*p == '/')
				p++;
		}
		while (*p) {
			const char *e = strchr(p, '/');
			size_t l = e ? (size_t)(e - p) : strlen(p);
			struct sch_node *k;
			bool amb;

			if (l == 2 && !strncmp(p, "..", 2)) {
				if (n->parent)
					n = n->parent;
			} else if (l) {
				k = sch_child(n, p, l, &amb);
				if (k == NULL && n == f->cwd && first &&
				    n != sch_root() && !amb) {
					/* ROS: global commands work anywhere */
					k = sch_child(sch_root(), p, l, &amb);
					if (k && !k->is_cmd)
						k = NULL;
				}
				if (k == NULL)
					return scr_fail(f, off + (uint32_t)(p - w),
					    "bad command name %.*s", (int)l, p);
				if (k->is_cmd) {
					if (e && e[1])
						return scr_fail(f, off + (uint32_t)
						    (e + 1 - w),
						    "expected end of command");
					*dir = n;
					*cmd = k;
					*rest = it->next;
					return SCR_OK;
				}
				n = k;
			}
			p += l;
			while (*p == '/')
				p++;
		}
	}
	*dir = n;
	*rest = it;
	return SCR_OK;
}

enum scr_status
scr_bind_words(struct scr_frame *f, const struct ast *stmt,
    struct sch_node **dir, struct sch_node **cmd, const struct ast **rest)
{
	return bind_words(f, stmt, dir, cmd, rest);
}

/*
 * A statement that is only a path: alone it changes the menu; with a block
 * the block runs (or, under --check, is checked) in that menu.
 */
static enum scr_status
path_stmt(struct scr_frame *f, struct sch_node *dir, const struct ast *rest,
    struct scr_val *out)
{
	struct sch_node *saved = f->cwd;
	enum scr_status st;

	if (rest == NULL) {
		f->cwd = dir;
		return SCR_OK;
	}
	if (rest->kind == A_BLOCK && rest->next == NULL) {
		f->cwd = dir;
		st = f->env->check ? check_block(f, rest) :
		    exec_block(f, rest, false, out);
		f->cwd = saved;
		return st;
	}
	if (rest->kind == A_WORD)
		return scr_fail(f, rest->start, "bad command name %s", rest->s);
	return scr_fail(f, rest->start, "expected end of command");
}

enum scr_status
exec_stmt(struct scr_frame *f, const struct ast *stmt, struct scr_val *out)
{
	const struct ast *first = stmt->kids, *rest;
	struct sch_node *dir = NULL, *cmd = NULL;
	enum scr_status st;

	rest = NULL;
	out->k = SV_NOTHING;
	if (first == NULL)
		return SCR_OK;
	if ((st = scr_step(f, stmt->start)) != SCR_OK)
		return st;
	if (first->kind == A_VAR)
		return call_function(f, stmt, out);
	if (first->kind == A_BLOCK) {
		struct ast next;

		st = exec_block(f, first, false, out);
		if (st != SCR_OK || first->next == NULL)
			return st;
		/*
		 * "{ :global b 4; } :put $b" (the §2.3 example written on
		 * one line): a block statement ends at its brace.
		 */
		next = *stmt;
		next.kids = first->next;
		next.start = first->next->start;
		scr_val_free(out);
		return exec_stmt(f, &next, out);
	}
	if (first->kind != A_WORD) {
		/* ($arr->"f") x, [:parse $src] x: a function reached by value */
		if (first->next && (first->kind == A_PAREN ||
		    first->kind == A_CMDSUB))
			return call_function(f, stmt, out);
		if (first->next)
			return scr_fail(f, first->next->start,
			    "expected end of command");
		return eval_node(f, first, out);
	}
	if ((st = bind_words(f, stmt, &dir, &cmd, &rest)) != SCR_OK)
		return st;
	if (cmd == NULL)
		return path_stmt(f, dir, rest, out);
	if (dir == sch_root() && (flow_builtin_find(cmd->name) ||
	    builtin_find(cmd->name)))
		return builtin_run(f, cmd, stmt, rest, out);
	/* :environment print, /environment print (v7): the globals */
	if (dir->parent == sch_root() && !strcmp(dir->name, "environment") &&
	    !strcmp(cmd->name, "print") && rest == NULL)
		return scr_env_print(f);
	{
		struct sch_node *saved = f->cwd;

		/*
		 * ROS: commands nested in the arguments ("[find ...]") are
		 * resolved relative to the enclosing command's menu, so
		 * "/ip route get [find gateway=1.1.1.1]" finds routes.
		 */
		f->cwd = dir;
		st = menu_cmd(f, dir, cmd, stmt, rest, out);
		f->cwd = saved;
		return st;
	}
}

/* ---- --check: parse and bind without running (like :parse) ---- */

static enum scr_status check_stmt(struct scr_frame *, const struct ast *);
static enum scr_status check_elem(struct scr_frame *, const struct ast *);

/* every [ ] and { } nested in a value or expression */
static enum scr_status
check_value(struct scr_frame *f, const struct ast *n)
{
	enum scr_status st = SCR_OK;
	const struct ast *k;

	if (n == NULL)
		return SCR_OK;
	switch (n->kind) {
	case A_CMDSUB:
	case A_BLOCK: {
		struct sch_node *saved = f->cwd;

		st = check_block(f, n->kind == A_CMDSUB ? n->a : n);
		f->cwd = saved;
		return st;
	}
	case A_STMT:
		return check_stmt(f, n);
	case A_ARG:
	case A_WHERE:
		return check_value(f, n->a);
	case A_PAREN:
	case A_UN:
		/* ({1;2}), ({"data"={1}} , $x): blocks are array literals */
		return check_elem(f, n->a);
	case A_BIN:
		if ((st = check_elem(f, n->a)) != SCR_OK)
			return st;
		return check_elem(f, n->b);
	case A_STR:
		for (k = n->kids; k && st == SCR_OK; k = k->next)
			st = check_value(f, k);
		return st;
	default:
		return SCR_OK;
	}
}

/* {a; b; k=v} as a value: its elements are values, not statements */
static enum scr_status
check_array(struct scr_frame *f, const struct ast *blk)
{
	const struct ast *s, *it;
	enum scr_status st = SCR_OK;

	for (s = blk->kids; s && st == SCR_OK; s = s->next)
		for (it = s->kids; it && st == SCR_OK; it = it->next)
			st = check_elem(f, it);
	return st;
}

/* an array element or a value in an expression: {..} nests an array */
static enum scr_status
check_elem(struct scr_frame *f, const struct ast *n)
{
	if (n == NULL)
		return SCR_OK;
	if (n->kind == A_BLOCK)
		return check_array(f, n);
	if (n->kind == A_ARG)		/* {"data"={1}; k=v} */
		return check_elem(f, n->a);
	return check_value(f, n);
}

static enum scr_status
check_items(struct scr_frame *f, const struct ast *it)
{
	enum scr_status st = SCR_OK;

	for (; it && st == SCR_OK; it = it->next)
		st = check_value(f, it);
	return st;
}

/*
 * Whether a builtin's named argument holds code: do=, else=, on-error=,
 * command= (:do, :retry, :time), script= (:execute) and :onerror's in=;
 * elsewhere a block is an array literal (":foreach i in={1;2}",
 * ":local a value={1;2}").
 */
static bool
builtin_code_arg(const char *cmd, const char *arg)
{
	if (arg == NULL)
		return false;
	return !strcmp(arg, "do") || !strcmp(arg, "else") ||
	    !strcmp(arg, "on-error") || !strcmp(arg, "command") ||
	    !strcmp(arg, "script") ||
	    (!strcmp(arg, "in") && !strcmp(cmd, "onerror"));
}

/*
 * One statement: the path and command are bound as when running, a menu
 * command's argument names and literal values are checked (menu_cmd stops
 * before applying anything when env->check is set), nested blocks and
 * command substitutions are checked in the menu they would run in.
 * Nothing runs, so conditions, loops and variables have no effect.
 */
static enum scr_status
check_stmt(struct scr_frame *f, const struct ast *stmt)
{
	const struct ast *first = stmt->kids, *rest = NULL;
	struct sch_node *dir = NULL, *cmd = NULL, *saved = f->cwd;
	enum scr_status st;
	struct scr_val v;

	if (first == NULL)
		return SCR_OK;
	if (first->kind == A_BLOCK) {
		struct ast next;

		st = check_block(f, first);
		f->cwd = saved;
		if (st != SCR_OK || first->next == NULL)
			return st;
		/* "{ ... } :put x": a block statement ends at its brace */
		next = *stmt;
		next.kids = first->next;
		next.start = first->next->start;
		return check_stmt(f, &next);
	}
	if (first->kind != A_WORD) {
		/*
		 * "$f a b", and a function reached through a value:
		 * "($arr->\"f\") x", "[[:parse $src] name=x]"
		 */
		if (first->kind != A_VAR && first->kind != A_PAREN &&
		    first->kind != A_CMDSUB && first->next)
			return scr_fail(f, first->next->start,
			    "expected end of command");
		return check_items(f, first);
	}
	if ((st = bind_words(f, stmt, &dir, &cmd, &rest)) != SCR_OK)
		return st;
	if (cmd == NULL) {
		v.k = SV_NOTHING;
		return path_stmt(f, dir, rest, &v);
	}
	if (dir == sch_root() && builtin_find(cmd->name)) {
		/*
		 * A builtin runs in the current menu.  A block given
		 * positionally is code for :do/:onerror/:retry/:execute, an
		 * array literal for the rest ({0;1}, {"a"=1}); blocks as
		 * named values (do=, else=, on-error=) are code.
		 */
		bool code = !strcmp(cmd->name, "do") ||
		    !strcmp(cmd->name, "onerror") ||
		    !strcmp(cmd->name, "retry") ||
		    !strcmp(cmd->name, "execute") ||
		    !strcmp(cmd->name, "time");
		const struct ast *it;

		for (it = rest; it && st == SCR_OK; it = it->next)
			if (it->kind == A_ARG && it->a &&
			    it->a->kind == A_BLOCK)
				st = builtin_code_arg(cmd->name, it->s) ?
				    check_value(f, it->a) :
				    check_array(f, it->a);
			else if (it->kind == A_BLOCK && !code)
				st = check_array(f, it);
			else
				st = check_value(f, it);
		return st;
	}
	f->cwd = dir;
	v.k = SV_NOTHING;
	st = menu_cmd(f, dir, cmd, stmt, rest, &v);
	scr_val_free(&v);
	if (st == SCR_OK)
		st = check_items(f, rest);
	f->cwd = saved;
	return st;
}

enum scr_status
check_block(struct scr_frame *f, const struct ast *blk)
{
	const struct ast *s;
	enum scr_status st = SCR_OK;

	for (s = blk->kids; s && st == SCR_OK; s = s->next)
		st = check_stmt(f, s);
	return st;
}

/*
 * A variable name as :local, :set, :for and :onerror write it: x,
 * "my-var" or $x; "" for an empty quoted name, NULL for anything else.
 */
const char *
scr_var_name(const struct ast *n)
{
	if (n == NULL)
		return NULL;
	if (n->kind == A_WORD || n->kind == A_VAR)
		return n->s;
	if (n->kind == A_STR && n->n_kids == 1 && n->kids->kind == A_LIT)
		return n->kids->s;
	if (n->kind == A_STR && n->n_kids == 0)
		return "";
	return NULL;
}
