/*
 * DOC: flow - the ":" commands of variables, control flow, functions and
 * code execution (reference/routeros-scripting.md §2, §5.1, §5.2, §5.4,
 * §7): :put :local :global :set :if :while :do :for :foreach :onerror
 * :retry :error :return :break :continue :exit :parse :execute :delay
 * :time :jobname :resolve, `:environment print`, and calling functions ($f a b
 * name=v, [$f ...]).
 *
 * Arguments arrive as AST items and are evaluated when needed; a do={..}
 * body runs as a block (a new scope) of the same frame.  A function is a
 * separate frame over its code text (run_code()): it sees its arguments
 * ($0 $1 ... and name=value ones) and what it declares, not the caller's
 * locals or globals.  Errors are SCR_ERR with env->err; on-error and
 * :onerror catch them unless env->fatal (step limit, Ctrl-C).  Time is
 * virtual: :delay advances env->now and never sleeps.
 *
 * builtins.c dispatches here (flow_builtin_run()).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "eval.h"

#define F_MAXPOS	8
#define F_MAXNAMED	16

struct fargs {
	const struct ast *pos[F_MAXPOS];
	int	 n_pos;
	const char *names[F_MAXNAMED];
	const struct ast *vals[F_MAXNAMED];	/* NULL: "name=" (empty) */
	bool	 has[F_MAXNAMED];
	int	 n_named;
};

/*
 * name=value, "on-error {..}", "do {..}" / "else {..}" without "=" (real
 * scripts write them so), the rest positional.
 */
static enum scr_status
fcollect(struct scr_frame *f, const struct ast *it, struct fargs *b)
{
	memset(b, 0, sizeof(*b));
	for (; it; it = it->next) {
		const char *nm = NULL;
		const struct ast *val = NULL;

		if (it->kind == A_ARG && it->b == NULL) {
			nm = it->s;
			val = it->a;
		} else if (it->kind == A_WORD && it->next &&
		    (!strcmp(it->s, "on-error") || ((!strcmp(it->s, "do") ||
		    !strcmp(it->s, "else")) && it->next->kind == A_BLOCK))) {
			nm = it->s;
			val = it->next;
			it = it->next;
		}
		if (nm) {
			if (b->n_named == F_MAXNAMED)
				return scr_fail(f, it->start,
				    "expected end of command");
			b->names[b->n_named] = nm;
			b->vals[b->n_named] = val;
			b->has[b->n_named++] = true;
			continue;
		}
		if (b->n_pos == F_MAXPOS)
			return scr_fail(f, it->start, "expected end of command");
		b->pos[b->n_pos++] = it;
	}
	return SCR_OK;
}

/* the node of name=, else of positional pos (-1: none); *given if any */
static const struct ast *
fnode(const struct fargs *b, const char *name, int pos, bool *given)
{
	int i;

	if (given)
		*given = false;
	for (i = 0; i < b->n_named; i++)
		if (strcmp(b->names[i], name) == 0) {
			if (given)
				*given = true;
			return b->vals[i];
		}
	if (pos >= 0 && pos < b->n_pos) {
		if (given)
			*given = true;
		return b->pos[pos];
	}
	return NULL;
}

/* the value of name= or positional pos; nothing if absent */
static enum scr_status
fval(struct scr_frame *f, const struct fargs *b, const char *name, int pos,
    struct scr_val *out)
{
	bool given;
	const struct ast *n = fnode(b, name, pos, &given);

	out->k = SV_NOTHING;
	if (n)
		return eval_node(f, n, out);
	if (given)
		*out = scr_str("");	/* "name=" */
	return SCR_OK;
}

/*
 * Runs a do={..} style body: a block in a new scope that first holds the
 * given names (loop counters, the :onerror variable); any other value is
 * evaluated and, if it is code, run as a function without arguments.
 */
static enum scr_status
run_body_with(struct scr_frame *f, const struct ast *body,
    const char *const *names, struct scr_val *vals, size_t n,
    struct scr_val *out)
{
	struct scr_val v;
	enum scr_status st;
	const char *code;
	size_t i;

	out->k = SV_NOTHING;
	if (body == NULL) {
		for (i = 0; i < n; i++)
			scr_val_free(&vals[i]);
		return SCR_OK;
	}
	if (body->kind == A_BLOCK)
		return exec_block_with(f, body, names, vals, n, out);
	for (i = 0; i < n; i++)
		scr_val_free(&vals[i]);
	if ((st = eval_node(f, body, &v)) != SCR_OK)
		return st;
	code = v.k == SV_STR ? v.u.s : scr_callable(&v);
	if (code)
		st = run_code(f, code, NULL, out);
	scr_val_free(&v);
	return st;
}

static enum scr_status
run_body(struct scr_frame *f, const struct ast *body, struct scr_val *out)
{
	return run_body_with(f, body, NULL, NULL, 0, out);
}

/* an error on-error may catch: not the step limit, not Ctrl-C */
static bool
catchable(struct scr_frame *f, enum scr_status st)
{
	return st == SCR_ERR && !f->env->fatal;
}

/* ---- functions ---- */

/*
 * ROS v7 (§3.2): a do={..} function, code that :typeof calls an array of
 * two (value.c, data.c look at is_fn).
 */
static struct scr_val
fn_value(struct scr_frame *f, const struct ast *blk)
{
	struct scr_val c = code_of(f, blk);

	c.is_fn = true;
	return c;
}

const char *
scr_callable(const struct scr_val *v)
{
	if (v->k == SV_CODE)
		return v->u.s;
	if (v->k == SV_ARRAY && v->u.arr && v->u.arr->n == 2 &&
	    v->u.arr->keys[1] == NULL && v->u.arr->v[1].k == SV_CODE)
		return v->u.arr->v[1].u.s;
	return NULL;
}

/* runs code in a new frame (a function, a script, a job) */
static enum scr_status
run_frame(struct scr_frame *f, const char *code, struct scr_arr *args,
    bool is_fn, struct scr_val *out)
{
	struct scr_frame g;
	struct src_text *src;
	enum scr_status st;

	out->k = SV_NOTHING;
	if (f->env->depth >= f->env->max_depth) {
		st = scr_fail(f, 0, "recursion too deep: more than %d nested "
		    "calls", f->env->max_depth);
		f->env->err_src = NULL;
		return st;
	}
	src = src_new(NULL, code, strlen(code));
	memset(&g, 0, sizeof(g));
	g.env = f->env;
	g.src = src;
	g.cwd = f->cwd;
	g.args = args;
	g.is_fn = is_fn;
	f->env->depth++;
	scope_push(&g);
	st = run_src(&g, out);
	scope_pop(&g);
	f->env->depth--;
	/* :return ends the function; a stray :break/:continue too */
	if (st == SCR_RETURN || st == SCR_BREAK || st == SCR_CONTINUE)
		st = SCR_OK;
	/*
	 * The code text dies here: a function's error keeps its message
	 * only; a job's (:execute) gets the position in its script.
	 */
	if (st == SCR_ERR && f->env->err_src == src) {
		if (!is_fn) {
			char *m = scr_err_render(f->env);

			free(f->env->err);
			f->env->err = m;
		}
		f->env->err_src = NULL;
	}
	src_free(src);
	return st;
}

enum scr_status
run_code(struct scr_frame *f, const char *code, struct scr_arr *args,
    struct scr_val *out)
{
	return run_frame(f, code, args, true, out);
}

/*
 * $f a b name=v, [$f ...], [($arr->"f") x] (§5.4): positional arguments
 * are $1 $2 ..., $0 the name the function was called by ("$f"); named
 * ones are variables of that name.  A function reached through a value
 * numbers its arguments from $0 (forum 154024: the real quirk).
 */
enum scr_status
call_function(struct scr_frame *f, const struct ast *stmt, struct scr_val *out)
{
	const struct ast *it = stmt->kids;
	struct scr_val fv, *fn = NULL;
	struct scr_arr *args;
	enum scr_status st = SCR_OK;
	const char *code;
	char key[24], *text;
	int pos = 0;

	out->k = SV_NOTHING;
	fv.k = SV_NOTHING;
	if (it->kind == A_VAR)
		fn = var_find(f, it->s);
	else {
		if ((st = eval_node(f, it, &fv)) != SCR_OK)
			return st;
		fn = &fv;
	}
	code = fn ? scr_callable(fn) : NULL;
	if (code == NULL) {
		/* ROS: "[$x arg]" on a non-function is nil; "$x" its value */
		if (it->next) {
			scr_val_free(&fv);
			*out = scr_kind_val(SV_NIL, 0);
		} else if (fn == &fv)
			*out = fv;
		else if (fn)
			*out = scr_val_copy(fn);
		return SCR_OK;
	}
	text = xstrdup(code);	/* the callee may redefine the function */
	scr_val_free(&fv);
	args = scr_arr_new();
	if (it->kind == A_VAR) {
		struct strbuf sb = STRBUF_INIT;

		sb_addf(&sb, "$%s", it->s);
		scr_arr_push(args, "0", scr_str(sb_str(&sb)));
		sb_fini(&sb);
		pos = 1;
	}
	for (it = it->next; it; it = it->next) {
		struct scr_val v;

		v.k = SV_NOTHING;
		if (it->kind == A_ARG && it->b == NULL) {
			if (it->a == NULL)
				v = scr_str("");
			else if ((st = eval_node(f, it->a, &v)) != SCR_OK)
				break;
			scr_arr_push(args, it->s, v);
		} else {
			if ((st = eval_node(f, it, &v)) != SCR_OK)
				break;
			snprintf(key, sizeof(key), "%d", pos++);
			scr_arr_push(args, key, v);
		}
	}
	if (st == SCR_OK)
		st = run_code(f, text, args, out);
	free(text);
	{
		struct scr_val a;

		a.k = SV_ARRAY;
		a.u.arr = args;
		scr_val_free(&a);
	}
	return st;
}

/* ---- variables ---- */

static enum scr_status
do_declare(struct scr_frame *f, const char *c, const struct fargs *b,
    const struct ast *stmt, struct scr_val *out)
{
	const struct ast *nn = fnode(b, "name", 0, NULL), *d;
	const char *nm = scr_var_name(nn);
	bool has_value;
	struct scr_val v;
	enum scr_status st;

	(void)out;
	if (nm == NULL)
		return scr_fail(f, nn ? nn->start : stmt->start,
		    "syntax error");
	d = fnode(b, "do", -1, &has_value);
	if (d && d->kind == A_BLOCK)
		v = fn_value(f, d);
	else if (d) {
		if ((st = eval_node(f, d, &v)) != SCR_OK)
			return st;
	} else {
		(void)fnode(b, "value", 1, &has_value);
		if ((st = fval(f, b, "value", 1, &v)) != SCR_OK)
			return st;
	}
	if (c[0] == 'l')
		var_declare_local(f, nm, v);
	else
		var_declare_global(f, nm, v, !has_value);
	return SCR_OK;
}

static enum scr_status
do_set(struct scr_frame *f, const struct fargs *b, const struct ast *stmt)
{
	const struct ast *t = fnode(b, "name", 0, NULL), *d;
	const char *nm = scr_var_name(t);
	struct scr_val v, *dst;
	enum scr_status st;
	bool has_value;

	if (t == NULL)
		return scr_fail(f, stmt->start, "syntax error");
	d = fnode(b, "do", -1, NULL);
	if (d && d->kind == A_BLOCK) {
		v = fn_value(f, d);
		has_value = true;
	} else {
		(void)fnode(b, "value", 1, &has_value);
		if ((st = fval(f, b, "value", 1, &v)) != SCR_OK)
			return st;
	}
	if (t->kind == A_PAREN) {
		/* :set ($arr->key) value, ($a->1->"k") too */
		if ((st = scr_arrow_slot(f, t->a, &dst)) != SCR_OK) {
			scr_val_free(&v);
			return st;
		}
		if (dst == NULL) {
			scr_val_free(&v);
			return SCR_OK;
		}
		scr_val_free(dst);
		*dst = v;
		return SCR_OK;
	}
	if (nm == NULL) {
		scr_val_free(&v);
		return scr_fail(f, t->start, "syntax error");
	}
	if (!has_value)
		var_undefine(f, nm);	/* ROS: ":set x" un-defines x */
	else
		var_assign(f, nm, v);
	return SCR_OK;
}

/* ---- loops ---- */

/* a number argument of :for (a numeric string too) */
static bool
as_int(const struct scr_val *v, int64_t *n)
{
	if (v->k == SV_NUM || v->k == SV_TIME) {
		*n = v->k == SV_TIME ? v->u.n / 1000000000LL : v->u.n;
		return true;
	}
	if (v->k == SV_STR)
		return scr_num_parse(v->u.s, n) == 0;
	return false;
}

/*
 * A loop body's outcome: 1 go on, 0 stop with *st (SCR_OK after
 * :break).  on-error= of the loop catches an error (§5.2, the IL's
 * on-error of :for/:foreach).
 */
static int
loop_next(struct scr_frame *f, enum scr_status *st, const struct ast *oe,
    struct scr_val *r, struct scr_val *out)
{
	struct scr_val w;

	if (*st == SCR_RETURN) {
		/* :return inside a loop: the function's value */
		scr_val_free(out);
		*out = *r;
		r->k = SV_NOTHING;
		return 0;
	}
	scr_val_free(r);
	if (*st == SCR_OK || *st == SCR_CONTINUE) {
		*st = SCR_OK;
		return 1;
	}
	if (*st == SCR_BREAK) {
		*st = SCR_OK;
		return 0;
	}
	if (oe && catchable(f, *st)) {
		*st = run_body(f, oe, &w);
		scr_val_free(&w);
	}
	return 0;
}

static enum scr_status
do_for(struct scr_frame *f, const struct fargs *b, const struct ast *stmt,
    struct scr_val *out)
{
	const char *nm = scr_var_name(fnode(b, "counter", 0, NULL));
	const struct ast *body = fnode(b, "do", -1, NULL);
	const struct ast *oe = fnode(b, "on-error", -1, NULL);
	struct scr_val v, w, s;
	int64_t from = 0, to = 0, step, x;
	enum scr_status st;

	if (nm == NULL)
		return scr_fail(f, stmt->start, "syntax error");
	v.k = w.k = s.k = SV_NOTHING;
	if ((st = fval(f, b, "from", -1, &v)) != SCR_OK ||
	    (st = fval(f, b, "to", -1, &w)) != SCR_OK ||
	    (st = fval(f, b, "step", -1, &s)) != SCR_OK) {
		scr_val_free(&v);
		scr_val_free(&w);
		return st;
	}
	(void)as_int(&v, &from);
	(void)as_int(&w, &to);
	/*
	 * ROS (§5.2): without step= a descending range counts down; to= is
	 * inclusive.  A step against the direction runs no iteration
	 * (UNKNOWN on a router), step=0 none either.
	 */
	if (!as_int(&s, &step))
		step = to >= from ? 1 : -1;
	scr_val_free(&v);
	scr_val_free(&w);
	scr_val_free(&s);
	if (step == 0)
		return SCR_OK;
	for (x = from; step > 0 ? x <= to : x >= to;) {
		struct scr_val c = scr_num(x), r;

		if ((st = scr_step(f, stmt->start)) != SCR_OK)
			return st;
		st = run_body_with(f, body, &nm, &c, 1, &r);
		if (!loop_next(f, &st, oe, &r, out))
			return st;
		/* stop before the counter would overflow */
		if ((step > 0 && x > INT64_MAX - step) ||
		    (step < 0 && x < INT64_MIN - step))
			break;
		x += step;
	}
	return SCR_OK;
}

static enum scr_status
do_foreach(struct scr_frame *f, const struct fargs *b, const struct ast *stmt,
    struct scr_val *out)
{
	const char *nm = scr_var_name(fnode(b, "counter", 0, NULL));
	const struct ast *body = fnode(b, "do", -1, NULL);
	const struct ast *oe = fnode(b, "on-error", -1, NULL);
	const char *names[2];
	char *kn = NULL;
	struct scr_val v;
	enum scr_status st;
	size_t i, n_names;

	if (nm == NULL)
		return scr_fail(f, stmt->start, "syntax error");
	if ((st = fval(f, b, "in", -1, &v)) != SCR_OK)
		return st;
	/* ":foreach k,v in=": key (index of an unkeyed element), value */
	if (strchr(nm, ',')) {
		kn = xstrdup(nm);
		*strchr(kn, ',') = '\0';
		names[0] = kn;
		names[1] = strchr(nm, ',') + 1;
		n_names = 2;
	} else {
		names[0] = nm;
		n_names = 1;
	}
	if (v.k != SV_ARRAY) {
		/* a scalar: one iteration (UNKNOWN), nothing/nil: none */
		struct scr_val one = v;

		v = scr_array_new();
		if (one.k != SV_NOTHING && one.k != SV_NIL)
			scr_arr_push(v.u.arr, NULL, one);
	}
	st = SCR_OK;
	for (i = 0; v.u.arr && i < v.u.arr->n; i++) {
		struct scr_val vals[2], r;

		if ((st = scr_step(f, stmt->start)) != SCR_OK)
			break;
		if (n_names == 2) {
			vals[0] = v.u.arr->keys[i] ? scr_str(v.u.arr->keys[i]) :
			    scr_num((int64_t)i);
			vals[1] = scr_val_copy(&v.u.arr->v[i]);
		} else
			vals[0] = scr_val_copy(&v.u.arr->v[i]);
		st = run_body_with(f, body, names, vals, n_names, &r);
		if (!loop_next(f, &st, oe, &r, out))
			break;
	}
	free(kn);
	scr_val_free(&v);
	return st;
}

static enum scr_status
cond_of(struct scr_frame *f, const struct ast *n, bool *cond)
{
	struct scr_val v;
	enum scr_status st;

	v.k = SV_NOTHING;
	if (n && (st = eval_node(f, n, &v)) != SCR_OK)
		return st;
	*cond = scr_truthy(&v);
	scr_val_free(&v);
	return SCR_OK;
}

static enum scr_status
do_while(struct scr_frame *f, const struct fargs *b, const struct ast *stmt,
    struct scr_val *out)
{
	const struct ast *c = fnode(b, "condition", 0, NULL);
	const struct ast *body = fnode(b, "do", -1, NULL);
	enum scr_status st;
	bool cond;

	for (;;) {
		struct scr_val r;

		if ((st = scr_step(f, stmt->start)) != SCR_OK)
			return st;
		if ((st = cond_of(f, c, &cond)) != SCR_OK)
			return st;
		if (!cond)
			return SCR_OK;
		st = run_body(f, body, &r);
		if (!loop_next(f, &st, NULL, &r, out))
			return st;
	}
}

/* :do {..} [on-error={..}] [while=(..)] [if=(..)] */
static enum scr_status
do_do(struct scr_frame *f, const struct fargs *b, const struct ast *stmt,
    struct scr_val *out)
{
	const struct ast *body = fnode(b, "command", 0, NULL);
	const struct ast *oe = fnode(b, "on-error", -1, NULL);
	bool has_while, has_if, cond;
	const struct ast *wh = fnode(b, "while", -1, &has_while);
	const struct ast *iff = fnode(b, "if", -1, &has_if);
	enum scr_status st;

	/* if=: UNKNOWN in the docs; taken as "run only when true" */
	if (has_if) {
		if ((st = cond_of(f, iff, &cond)) != SCR_OK)
			return st;
		if (!cond)
			return SCR_OK;
	}
	for (;;) {
		if (has_while && (st = scr_step(f, stmt->start)) != SCR_OK)
			return st;
		scr_val_free(out);
		st = run_body(f, body, out);
		if (catchable(f, st) && oe) {
			scr_val_free(out);
			return run_body(f, oe, out);
		}
		if (!has_while)
			return st;
		if (st == SCR_BREAK)
			return SCR_OK;
		if (st != SCR_OK && st != SCR_CONTINUE)
			return st;
		if ((st = cond_of(f, wh, &cond)) != SCR_OK)
			return st;
		if (!cond)
			return SCR_OK;
	}
}

/*
 * :onerror e in={..} do={..} (7.13+): runs in; on an error runs do with
 * the message in $e (a second name, "e,attr", gets the attributes: an
 * empty array for script errors); the value is true if there was an
 * error, false if not, so it works in :if.
 */
static enum scr_status
do_onerror(struct scr_frame *f, const struct fargs *b, struct scr_val *out)
{
	const char *nm = scr_var_name(fnode(b, "error", 0, NULL));
	const struct ast *in = fnode(b, "in", 1, NULL);
	const struct ast *d = fnode(b, "do", -1, NULL);
	const char *names[2];
	struct scr_val vals[2], w;
	enum scr_status st;
	char *kn = NULL;
	size_t n = 0;

	st = run_body(f, in, &w);
	if (st == SCR_RETURN || st == SCR_EXIT) {
		*out = w;	/* a :return inside: the function's value */
		return st;
	}
	scr_val_free(&w);
	*out = scr_kind_val(SV_BOOL, st == SCR_ERR);
	if (!catchable(f, st))
		return st;
	if (nm && *nm) {
		const char *c = strchr(nm, ',');

		if (c) {
			kn = xstrndup(nm, (size_t)(c - nm));
			names[n] = kn;
			vals[n++] = scr_str(f->env->err ? f->env->err : "");
			names[n] = c + 1;
			vals[n++] = scr_array_new();
		} else {
			names[n] = nm;
			vals[n++] = scr_str(f->env->err ? f->env->err : "");
		}
	}
	st = run_body_with(f, d, names, vals, n, &w);
	free(kn);
	if (st == SCR_RETURN || st == SCR_EXIT) {
		scr_val_free(out);
		*out = w;
		return st;
	}
	scr_val_free(&w);
	return st;
}

/* a time argument: time, seconds as a number, or text ("0.5", "1s") */
static enum scr_status
time_arg(struct scr_frame *f, const struct fargs *b, const char *name,
    int pos, int64_t dflt, const char *what, int64_t *ns)
{
	struct scr_val v;
	enum scr_status st;
	const struct ast *n = fnode(b, name, pos, NULL);

	*ns = dflt;
	if ((st = fval(f, b, name, pos, &v)) != SCR_OK)
		return st;
	if (v.k == SV_TIME)
		*ns = v.u.n;
	else if (v.k == SV_NUM)
		*ns = v.u.n * 1000000000LL;
	else if (v.k != SV_NOTHING && v.k != SV_NIL) {
		char *t = scr_val_text(&v);

		if (scr_time_parse(t, ns, true) < 0) {
			free(t);
			scr_val_free(&v);
			return scr_fail(f, n ? n->start : 0,
			    "invalid value for argument %s", what);
		}
		free(t);
	}
	scr_val_free(&v);
	return SCR_OK;
}

/*
 * :retry command={..} delay= max= [on-error={..}] (7.4+): runs command
 * up to max times, waiting delay (virtual time) between attempts; then
 * the last error, or on-error.  Defaults UNKNOWN: delay 1s, max 1.
 */
static enum scr_status
do_retry(struct scr_frame *f, const struct fargs *b, struct scr_val *out)
{
	const struct ast *body = fnode(b, "command", 0, NULL);
	const struct ast *oe = fnode(b, "on-error", -1, NULL);
	struct scr_val m;
	int64_t delay, max = 1, i;
	enum scr_status st;

	if ((st = time_arg(f, b, "delay", -1, 1000000000LL, "delay",
	    &delay)) != SCR_OK)
		return st;
	if ((st = fval(f, b, "max", -1, &m)) != SCR_OK)
		return st;
	if (!as_int(&m, &max) || max < 1)
		max = 1;
	scr_val_free(&m);
	for (i = 1;; i++) {
		if ((st = scr_step(f, body ? body->start : 0)) != SCR_OK)
			return st;
		scr_val_free(out);
		st = run_body(f, body, out);
		if (!catchable(f, st))
			return st;
		if (i >= max)
			break;
		if (!f->env->check && delay > 0)
			scr_clock_advance(f->env, f->env->now + delay);
	}
	if (oe) {
		scr_val_free(out);
		return run_body(f, oe, out);
	}
	return st;
}

/* ---- code execution ---- */

/*
 * :parse "text" (§5.4): code, after a syntax check of the whole text;
 * a syntax error is a runtime error whose message carries the position
 * in the parsed text, "syntax error (line 1 column 7)".
 */
static enum scr_status
do_parse(struct scr_frame *f, const struct fargs *b, const struct ast *stmt,
    struct scr_val *out)
{
	struct scr_val v;
	struct arena a;
	struct scr_parser p;
	struct src_text *src;
	enum scr_status st;
	char *text;
	int l, c;

	if ((st = fval(f, b, "value", 0, &v)) != SCR_OK)
		return st;
	text = v.k == SV_CODE ? xstrdup(v.u.s) : scr_val_text(&v);
	scr_val_free(&v);
	src = src_new(NULL, text, strlen(text));
	arena_init(&a);
	memset(&p, 0, sizeof(p));
	p.arena = &a;
	p.src = src;
	st = SCR_OK;
	if (scr_parse(&p) < 0) {
		src_linecol(src, p.err_off, &l, &c);
		st = scr_fail(f, stmt->start, "%s (line %d column %d)",
		    p.err ? p.err : "syntax error", l, c);
		f->env->err_src = NULL;
		free(p.err);
	}
	scr_parser_fini(&p);
	arena_fini(&a);
	src_free(src);
	if (st != SCR_OK) {
		free(text);
		return st;
	}
	memset(out, 0, sizeof(*out));
	out->k = SV_CODE;
	out->u.s = text;
	return SCR_OK;
}

/*
 * :execute script= [file=] [as-string] (§5.4): the script runs as a job
 * of its own (no caller locals; globals through :global).  rosemu runs
 * it at once, to the end, and returns its job id; its errors go to the
 * log (script,error), as a background job's would.  as-string returns
 * what it printed instead; file= writes that to a file of the store.
 */
static enum scr_status
do_execute(struct scr_frame *f, const struct fargs *b, const struct ast *args,
    struct scr_val *out)
{
	const struct ast *sn = fnode(b, "script", 0, NULL), *it;
	struct scr_val v, r, fv;
	bool as_string = false;
	enum scr_status st;
	char *code, *buf = NULL, *file = NULL;
	size_t len = 0;
	FILE *saved = f->env->out, *mem = NULL;
	int i;

	for (it = args; it; it = it->next)
		if ((it->kind == A_WORD && !strcmp(it->s, "as-string")) ||
		    (it->kind == A_ARG && !strcmp(it->s, "as-string")))
			as_string = true;
	for (i = 1; i < b->n_pos; i++)
		if (b->pos[i]->kind != A_WORD ||
		    strcmp(b->pos[i]->s, "as-string") != 0)
			return scr_fail(f, b->pos[i]->start,
			    "expected end of command");
	if (sn && sn->kind == A_BLOCK)
		v = code_of(f, sn);
	else if ((st = fval(f, b, "script", 0, &v)) != SCR_OK)
		return st;
	code = v.k == SV_CODE ? xstrdup(v.u.s) : scr_val_text(&v);
	scr_val_free(&v);
	if ((st = fval(f, b, "file", -1, &fv)) != SCR_OK) {
		free(code);
		return st;
	}
	if (fv.k != SV_NOTHING)
		file = scr_val_text(&fv);
	scr_val_free(&fv);
	if (f->env->check) {
		free(code);
		free(file);
		return SCR_OK;
	}
	if (as_string || file) {
		mem = open_memstream(&buf, &len);
		f->env->out = mem;
	}
	f->env->next_job++;
	r.k = SV_NOTHING;
	st = run_frame(f, code, NULL, false, &r);
	scr_val_free(&r);
	if (st == SCR_EXIT)
		st = SCR_OK;	/* :exit ends the job */
	f->env->out = saved;
	if (mem)
		fclose(mem);
	free(code);
	if (st == SCR_ERR && !f->env->fatal && !as_string) {
		/* a background job's error is logged, the caller goes on */
		scr_log_write(f->env, "error", f->env->err ? f->env->err : "");
		st = SCR_OK;
	}
	if (st == SCR_ERR) {
		free(buf);
		free(file);
		return st;
	}
	if (file) {
		FILE *o = fopen(file, "w");

		if (o) {
			fwrite(buf ? buf : "", 1, len, o);
			fclose(o);
		}
	}
	if (as_string) {
		*out = scr_str(buf ? buf : "");
	} else
		*out = scr_kind_val(SV_ID, f->env->next_job);
	free(buf);
	free(file);
	return SCR_OK;
}

/*
 * :delay t (§5.2): advances the virtual clock; sleeps only when a front
 * end asks for real time (env->delay: the interactive console, where
 * Ctrl-C ends the wait with "interrupted").  A plain number is seconds.
 * ROS: a value under the 1 ms tick warns "value of delay-time was rounded
 * down to 0s" (forum 179598, :delay 1ns).
 */
static enum scr_status
do_delay(struct scr_frame *f, const struct fargs *b, const struct ast *stmt)
{
	int64_t ns, waited;
	enum scr_status st;

	if ((st = time_arg(f, b, "delay-time", 0, 0, "delay-time", &ns)) !=
	    SCR_OK)
		return st;
	if (f->env->check)
		return SCR_OK;
	if (ns > 0 && ns < 1000000) {
		fputs("Warning: value of delay-time was rounded down to 0s\n",
		    f->env->out);
		ns = 0;
	}
	if (ns > 0 && f->env->delay &&
	    (waited = f->env->delay(f->env, ns)) < ns) {
		/* interrupted: the clock moved as far as the wait went */
		if (waited > 0)
			scr_clock_advance(f->env, f->env->now + waited);
		f->env->fatal = true;
		return scr_fail(f, stmt ? stmt->start : 0, "interrupted");
	}
	/* the scheduler events the delay passes run (system.c) */
	if (ns > 0)
		scr_clock_advance(f->env, f->env->now + ns);
	/* its timers may have used up the steps: say so here */
	if (f->env->fatal)
		return scr_step(f, stmt ? stmt->start : 0);
	return SCR_OK;
}

/* :time {..}: how long the block took, in virtual time */
static enum scr_status
do_time(struct scr_frame *f, const struct fargs *b, struct scr_val *out)
{
	int64_t t0 = f->env->now;
	struct scr_val r;
	enum scr_status st;

	st = run_body(f, fnode(b, "command", 0, NULL), &r);
	scr_val_free(&r);
	if (st != SCR_OK)
		return st;
	*out = scr_kind_val(SV_TIME, f->env->now - t0);
	return SCR_OK;
}

/*
 * :resolve domain-name [server=] [type=] (§5.3): rosemu has no network.
 * The answer comes from an enabled /ip dns static entry of that name
 * (a configured answer), else the documented failure "failure: dns name
 * does not exist", which on-error catches.
 */
static enum scr_status
do_resolve(struct scr_frame *f, const struct fargs *b, const struct ast *stmt,
    struct scr_val *out)
{
	struct sch_node *node = sch_lookup("/ip/dns/static");
	const struct sch_menu *m = node ? sch_menu_of(node) : NULL;
	struct cfg_list *l;
	struct scr_val v;
	enum scr_status st;
	char *name;
	size_t i;

	if ((st = fval(f, b, "domain-name", 0, &v)) != SCR_OK)
		return st;
	name = scr_val_text(&v);
	scr_val_free(&v);
	if (f->env->check) {
		free(name);
		return SCR_OK;
	}
	l = m ? cfg_list(f->env->cfg, m) : NULL;
	for (i = 0; l && i < l->n; i++) {
		const struct cfg_item *it = l->items[i];
		const char *n = cfg_get(m, it, "name");
		const char *a = cfg_get(m, it, "address");
		const char *d = cfg_get(m, it, "disabled");

		if ((it->flags & CI_DEAD) || (d && !strcmp(d, "yes")) ||
		    n == NULL || a == NULL || strcasecmp(n, name) != 0)
			continue;
		*out = scr_val_from_text(a, true);
		free(name);
		return SCR_OK;
	}
	free(name);
	return scr_fail(f, stmt->start, "failure: dns name does not exist");
}

/* ---- :environment print (§8.2) ---- */

static void
env_print_val(const struct scr_val *v, struct strbuf *sb, int depth)
{
	size_t i;

	if (v->k == SV_ARRAY && depth < 64) {
		sb_addc(sb, '{');
		for (i = 0; v->u.arr && i < v->u.arr->n; i++) {
			if (i)
				sb_add(sb, "; ");
			if (v->u.arr->keys[i])
				sb_addf(sb, "%s=", v->u.arr->keys[i]);
			env_print_val(&v->u.arr->v[i], sb, depth + 1);
		}
		sb_addc(sb, '}');
	} else if (v->k == SV_STR) {
		/* ROS: strings quoted; top-level quoting UNKNOWN, alike */
		sb_addc(sb, '"');
		sb_add(sb, v->u.s);
		sb_addc(sb, '"');
	} else
		scr_val_print(v, sb);
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * name=value per global, sorted by name (RouterOS's order UNKNOWN);
 * arrays as {a; b; k=v} with quoted strings: "a={x=5; y=2}".
 */
enum scr_status
scr_env_print(struct scr_frame *f)
{
	struct scr_env *e = f->env;
	const char **names;
	size_t i, n = 0;
	struct strbuf sb = STRBUF_INIT;

	if (e->check)
		return SCR_OK;
	names = xcalloc(e->globals.n + 1, sizeof(*names));
	for (i = 0; i < e->globals.cap; i++)
		if (e->globals.keys[i])
			names[n++] = e->globals.keys[i];
	qsort(names, n, sizeof(*names), name_cmp);
	for (i = 0; i < n; i++) {
		sb_reset(&sb);
		sb_addf(&sb, "%s=", names[i]);
		env_print_val(strmap_get(&e->globals, names[i]), &sb, 0);
		fprintf(e->out, "%s\n", sb_str(&sb));
	}
	sb_fini(&sb);
	free(names);
	return SCR_OK;
}

/* ---- dispatch ---- */

/* sorted, for bsearch: the statement hot path looks names up here */
static const char *const flow_cmds[] = {
	"beep", "break", "continue", "delay", "do", "error", "execute",
	"exit", "for", "foreach", "global", "if", "jobname", "local",
	"onerror", "parse", "put", "resolve", "retry", "return", "set",
	"terminal", "time", "while",
};

enum flow_cmd {
	FC_BEEP, FC_BREAK, FC_CONTINUE, FC_DELAY, FC_DO, FC_ERROR, FC_EXECUTE,
	FC_EXIT, FC_FOR, FC_FOREACH, FC_GLOBAL, FC_IF, FC_JOBNAME, FC_LOCAL,
	FC_ONERROR, FC_PARSE, FC_PUT, FC_RESOLVE, FC_RETRY, FC_RETURN,
	FC_SET, FC_TERMINAL, FC_TIME, FC_WHILE,
};

static int
cmd_cmp(const void *k, const void *e)
{
	return strcmp(k, *(const char *const *)e);
}

/* the command's index in flow_cmds, or -1 */
static int
flow_id(const char *name)
{
	const char *const *e = bsearch(name, flow_cmds, NELEM(flow_cmds),
	    sizeof(flow_cmds[0]), cmd_cmp);

	return e ? (int)(e - flow_cmds) : -1;
}

bool
flow_builtin_find(const char *name)
{
	return flow_id(name) >= 0;
}

enum scr_status
flow_builtin_run(struct scr_frame *f, const char *c, const struct ast *stmt,
    const struct ast *args, struct scr_val *out)
{
	struct fargs b;
	struct scr_val v;
	enum scr_status st;
	bool cond;

	out->k = SV_NOTHING;
	if ((st = fcollect(f, args, &b)) != SCR_OK)
		return st;
	switch (flow_id(c)) {
	case FC_PUT:
		if ((st = fval(f, &b, "message", 0, &v)) != SCR_OK)
			return st;
		if (!f->env->check) {
			struct strbuf sb = STRBUF_INIT;

			/* ROS: :put of code shows its parsed form (il.c) */
			if (v.k == SV_CODE)
				scr_code_il(f, &v, &sb);
			else
				scr_val_print(&v, &sb);
			sb_addc(&sb, '\n');
			fwrite(sb.buf, 1, sb.len, f->env->out);
			sb_fini(&sb);
		}
		scr_val_free(&v);
		return SCR_OK;
	case FC_LOCAL:
	case FC_GLOBAL:
		return do_declare(f, c, &b, stmt, out);
	case FC_SET:
		return do_set(f, &b, stmt);
	case FC_IF:
		if ((st = cond_of(f, fnode(&b, "condition", 0, NULL), &cond)) !=
		    SCR_OK)
			return st;
		return run_body(f, fnode(&b, cond ? "do" : "else", -1, NULL),
		    out);
	case FC_WHILE:
		return do_while(f, &b, stmt, out);
	case FC_DO:
		return do_do(f, &b, stmt, out);
	case FC_FOR:
		return do_for(f, &b, stmt, out);
	case FC_FOREACH:
		return do_foreach(f, &b, stmt, out);
	case FC_ONERROR:
		return do_onerror(f, &b, out);
	case FC_RETRY:
		return do_retry(f, &b, out);
	case FC_ERROR: {
		char *m;

		if ((st = fval(f, &b, "message", 0, &v)) != SCR_OK)
			return st;
		m = scr_val_text(&v);
		scr_val_free(&v);
		/* the message is the error, without a position (§7.3) */
		st = scr_fail(f, stmt->start, "%s", m);
		f->env->err_src = NULL;
		free(m);
		return st;
	}
	case FC_RETURN:
		if ((st = fval(f, &b, "value", 0, out)) != SCR_OK)
			return st;
		return SCR_RETURN;
	case FC_BREAK:
		return SCR_BREAK;
	case FC_CONTINUE:
		return SCR_CONTINUE;
	case FC_EXIT:
		return SCR_EXIT;
	case FC_PARSE:
		return do_parse(f, &b, stmt, out);
	case FC_EXECUTE:
		return do_execute(f, &b, args, out);
	case FC_DELAY:
		return do_delay(f, &b, stmt);
	case FC_TIME:
		return do_time(f, &b, out);
	case FC_RESOLVE:
		return do_resolve(f, &b, stmt, out);
	case FC_JOBNAME:
		*out = scr_str(f->env->jobname ? f->env->jobname : "");
		return SCR_OK;
	default:
		/* :terminal, :beep: nothing to do in an emulator */
		return SCR_OK;
	}
}
