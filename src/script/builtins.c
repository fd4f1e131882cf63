/*
 * DOC: builtins - the global ":" commands (reference §5) needed by the
 * configuration layer: variables, output, control flow, conversions.
 *
 * Arguments arrive as AST items; each command evaluates what it needs,
 * when it needs it (a do={} body is code, run in a new scope).  Commands
 * of the real tree that have no meaning in an emulator (:beep, :delay in
 * batch mode, /terminal ...) are accepted and do nothing; the full
 * language (issue 3) extends this table.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "eval.h"

#define MAXPOS	8
#define MAXNAMED 12

struct bargs {
	const struct ast *pos[MAXPOS];
	int	 n_pos;
	const struct ast *named[MAXNAMED];	/* A_ARG nodes */
	int	 n_named;
	const struct ast *on_error_word;	/* "on-error {..}" */
	/*
	 * ROS: "else {..}" / "do {..}" without "=" (real scripts use it,
	 * as "on-error {..}"): a word followed by a block is that arg.
	 */
	struct ast synth[MAXNAMED];
};

static enum scr_status
collect(struct scr_frame *f, const struct ast *it, struct bargs *b)
{
	memset(b, 0, sizeof(*b));
	for (; it; it = it->next) {
		if (it->kind == A_ARG && it->b == NULL) {
			if (b->n_named == MAXNAMED)
				return scr_fail(f, it->start,
				    "expected end of command");
			b->named[b->n_named++] = it;
		} else if (it->kind == A_WORD && !strcmp(it->s, "on-error") &&
		    it->next) {
			b->on_error_word = it->next;
			it = it->next;
		} else if (it->kind == A_WORD && it->next &&
		    it->next->kind == A_BLOCK && (!strcmp(it->s, "else") ||
		    !strcmp(it->s, "do"))) {
			struct ast *a = &b->synth[b->n_named];

			if (b->n_named == MAXNAMED)
				return scr_fail(f, it->start,
				    "expected end of command");
			*a = *it;
			a->kind = A_ARG;
			a->a = it->next;
			a->b = NULL;
			a->next = NULL;
			b->named[b->n_named++] = a;
			it = it->next;
		} else {
			if (b->n_pos == MAXPOS)
				return scr_fail(f, it->start,
				    "expected end of command");
			b->pos[b->n_pos++] = it;
		}
	}
	return SCR_OK;
}

static const struct ast *
named(const struct bargs *b, const char *name)
{
	int i;

	for (i = 0; i < b->n_named; i++)
		if (strcmp(b->named[i]->s, name) == 0)
			return b->named[i];
	return NULL;
}

/* value of a named arg, or of positional i (-1: none) */
static enum scr_status
argval(struct scr_frame *f, const struct bargs *b, const char *name, int pos,
    struct scr_val *out)
{
	const struct ast *a = name ? named(b, name) : NULL;

	out->k = SV_NOTHING;
	if (a)
		return a->a ? eval_node(f, a->a, out) : (*out = scr_str(""),
		    SCR_OK);
	if (pos >= 0 && pos < b->n_pos)
		return eval_node(f, b->pos[pos], out);
	return SCR_OK;
}

static const struct ast *
bodyof(const struct bargs *b, const char *name, int pos)
{
	const struct ast *a = named(b, name);

	if (a)
		return a->a;
	if (pos >= 0 && pos < b->n_pos)
		return b->pos[pos];
	return NULL;
}

/* runs a do={} style body: a block runs in a new scope, a value is code */
static enum scr_status
run_body(struct scr_frame *f, const struct ast *body, struct scr_val *out)
{
	struct scr_val v;
	enum scr_status st;

	out->k = SV_NOTHING;
	if (body == NULL)
		return SCR_OK;
	if (body->kind == A_BLOCK)
		return exec_block(f, body, false, out);
	if ((st = eval_node(f, body, &v)) != SCR_OK)
		return st;
	if (v.k == SV_CODE || v.k == SV_STR)
		st = run_code(f, v.u.s, NULL, out);
	scr_val_free(&v);
	return st;
}

static const char *
name_of(const struct ast *n)
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

static enum scr_status
value_or_code(struct scr_frame *f, const struct bargs *b, int pos,
    struct scr_val *out)
{
	const struct ast *d = named(b, "do");

	if (d && d->a && d->a->kind == A_BLOCK) {
		*out = code_of(f, d->a);
		return SCR_OK;
	}
	return argval(f, b, "value", pos, out);
}

static void
to_str(const struct scr_val *v, struct strbuf *sb)
{
	scr_val_print(v, sb);
}

static struct scr_val
conv(const char *cmd, const struct scr_val *v)
{
	struct scr_val r;
	struct strbuf sb = STRBUF_INIT;

	r.k = SV_NIL;
	to_str(v, &sb);
	if (!strcmp(cmd, "tostr")) {
		r.k = SV_STR;
		r.u.s = sb_steal(&sb);
		return r;
	}
	if (!strcmp(cmd, "tonum")) {
		if (v->k == SV_NUM)
			r = *v;
		else if (v->k == SV_TIME)
			r = scr_num(v->u.n / 1000000000LL);
		else {
			struct scr_val t = scr_val_from_text(sb_str(&sb), true);

			if (t.k == SV_NUM)
				r = t;
			else
				scr_val_free(&t);
		}
	} else if (!strcmp(cmd, "tobool")) {
		if (v->k == SV_BOOL)
			r = *v;
		else if (v->k == SV_NUM) {
			r.k = SV_BOOL;
			r.u.n = v->u.n != 0;
		} else if (!strcmp(sb_str(&sb), "true") ||
		    !strcmp(sb_str(&sb), "yes")) {
			r.k = SV_BOOL;
			r.u.n = 1;
		} else if (!strcmp(sb_str(&sb), "false") ||
		    !strcmp(sb_str(&sb), "no")) {
			r.k = SV_BOOL;
			r.u.n = 0;
		}
	} else if (!strcmp(cmd, "toarray")) {
		const char *p = sb_str(&sb);

		if (v->k == SV_ARRAY) {
			sb_fini(&sb);
			return scr_val_copy(v);
		}
		r.k = SV_ARRAY;
		r.u.arr = scr_arr_new();
		while (*p) {
			const char *e = strchr(p, ',');
			size_t l = e ? (size_t)(e - p) : strlen(p);
			char *t = xstrndup(p, l);

			scr_arr_push(r.u.arr, NULL, scr_val_from_text(t, true));
			free(t);
			p += l + (e ? 1 : 0);
		}
	} else {
		struct scr_val t = scr_val_from_text(sb_str(&sb), true);
		bool ok = (!strcmp(cmd, "toip") && (t.k == SV_IP || t.k == SV_IPP)) ||
		    (!strcmp(cmd, "toip6") && (t.k == SV_IP6 || t.k == SV_IP6P)) ||
		    (!strcmp(cmd, "toid") && t.k == SV_ID) ||
		    (!strcmp(cmd, "totime") && (t.k == SV_TIME || t.k == SV_NUM));

		if (ok) {
			r = t;
			if (r.k == SV_IPP && !strcmp(cmd, "toip"))
				r.k = SV_IP;
			if (r.k == SV_NUM) {
				r.k = SV_TIME;
				r.u.n *= 1000000000LL;
			}
		} else
			scr_val_free(&t);
	}
	sb_fini(&sb);
	return r;
}

static const char *const noop_cmds[] = {
	"beep", "delay", "lock", "terminal", "redo", "undo", "quit",
	"password", "ping", "resolve", "execute", "grep", "beep",
};

static const char *const known[] = {
	"put", "local", "global", "set", "if", "while", "do", "for", "foreach",
	"error", "return", "len", "typeof", "pick", "find", "tostr", "tonum",
	"toarray", "tobool", "toip", "toip6", "toid", "totime", "nothing",
	"log", "environment", "parse", "import", "time", "jobname", "range",
	"onerror", "retry", "break", "continue", "exit", "timestamp",
	"rndnum", "rndstr", "tonsec", "serialize", "deserialize", "convert",
	"tolf", "tocrlf",
};

bool
builtin_find(const char *name)
{
	size_t i;

	for (i = 0; i < NELEM(known); i++)
		if (strcmp(known[i], name) == 0)
			return true;
	for (i = 0; i < NELEM(noop_cmds); i++)
		if (strcmp(noop_cmds[i], name) == 0)
			return true;
	return false;
}


/* whether a logging rule's topics ("info,!debug") take an entry's topics */
static bool
log_rule_takes(const char *rule, const char *topics)
{
	const char *p = rule;

	while (*p) {
		size_t l = strcspn(p, ",");
		bool neg = *p == '!', has = false;
		const char *t = topics;

		while (*t) {
			size_t k = strcspn(t, ",");

			if (k == l - neg && !strncmp(t, p + neg, k))
				has = true;
			t += k;
			if (*t)
				t++;
		}
		if (has == neg)
			return false;
		p += l;
		if (*p)
			p++;
	}
	return true;
}

/*
 * ROS: a log entry ("script,info" + message) goes to the /log memory
 * buffer when an enabled /system logging rule whose action is memory
 * takes its topics (by default info, error and warning do; debug and
 * critical do not).
 */
static void
log_memory(struct scr_env *e, const char *level, const char *msg)
{
	struct sch_node *ln = sch_lookup("/log");
	struct sch_node *rn = sch_lookup("/system/logging");
	const struct sch_menu *lm, *rm;
	struct cfg_list *rl;
	struct strbuf topics = STRBUF_INIT;
	struct cfg_item *it;
	size_t i;
	bool take = false;

	if (ln == NULL || rn == NULL)
		return;
	lm = sch_menu_of(ln);
	rm = sch_menu_of(rn);
	if (lm->def == NULL)
		return;
	sb_addf(&topics, "script,%s", level);
	rl = cfg_list(e->cfg, rm);
	for (i = 0; i < rl->n && !take; i++) {
		const char *t = cfg_get(rm, rl->items[i], "topics");
		const char *a = cfg_get(rm, rl->items[i], "action");
		const char *d = cfg_get(rm, rl->items[i], "disabled");

		if ((rl->items[i]->flags & CI_DEAD) || (d && !strcmp(d, "yes")) ||
		    strcmp(a ? a : "memory", "memory") != 0)
			continue;
		take = log_rule_takes(t ? t : "", sb_str(&topics));
	}
	if (take) {
		it = cfg_item_new(lm);
		it->flags = CI_DYNAMIC;
		it->created = e->now;
		cfg_set_text(lm, it, "topics", sb_str(&topics));
		cfg_set_text(lm, it, "message", msg);
		cfg_insert(e->cfg, lm, it, (size_t)-1);
	}
	sb_fini(&topics);
}

/* /log info|warning|error|debug message=X: the same as :log */
void
scr_log_write(struct scr_env *e, const char *level, const char *msg)
{
	sb_addf(&e->log, "script,%s %s\n", level, msg);
	log_memory(e, level, msg);
}

static enum scr_status
do_import(struct scr_frame *f, const char *file, struct scr_val *out)
{
	size_t len;
	char *text = util_read_file(file, &len);
	struct scr_frame g;
	struct src_text *src;
	enum scr_status st;

	(void)out;
	if (text == NULL)
		return scr_fail(f, 0, "failure: file %s not found", file);
	src = src_new(file, text, len);
	free(text);
	memset(&g, 0, sizeof(g));
	g.env = f->env;
	g.src = src;
	g.cwd = sch_root();
	scope_push(&g);
	st = run_src(&g, NULL);
	scope_pop(&g);
	if (st == SCR_ERR) {
		char *m = scr_err_render(f->env);

		free(f->env->err);
		f->env->err = NULL;
		st = scr_fail(f, 0, "%s: %s", file, m);
		f->env->err_src = NULL;
		free(m);
	}
	src_free(src);
	return st == SCR_ERR ? SCR_ERR : SCR_OK;
}

enum scr_status
builtin_run(struct scr_frame *f, struct sch_node *cmd, const struct ast *stmt,
    const struct ast *args, struct scr_val *out)
{
	const char *c = cmd->name;
	struct bargs b;
	struct scr_val v, w;
	enum scr_status st;
	size_t i;

	out->k = SV_NOTHING;
	if ((st = collect(f, args, &b)) != SCR_OK)
		return st;
	v.k = w.k = SV_NOTHING;

	if (!strcmp(c, "put")) {
		struct strbuf sb = STRBUF_INIT;

		if ((st = argval(f, &b, "message", 0, &v)) != SCR_OK)
			return st;
		if (!f->env->check) {
			scr_val_print(&v, &sb);
			fprintf(f->env->out, "%s\n", sb_str(&sb));
		}
		sb_fini(&sb);
		scr_val_free(&v);
		return SCR_OK;
	}
	if (!strcmp(c, "local") || !strcmp(c, "global")) {
		const char *nm = name_of(bodyof(&b, "name", 0));
		bool has = b.n_pos > 1 || named(&b, "value") || named(&b, "do");

		if (nm == NULL)
			return scr_fail(f, stmt->start, "syntax error");
		if ((st = value_or_code(f, &b, 1, &v)) != SCR_OK)
			return st;
		if (c[0] == 'l')
			var_declare_local(f, nm, v);
		else
			var_set_global(f->env, nm, v, !has);
		return SCR_OK;
	}
	if (!strcmp(c, "set")) {
		const struct ast *t = bodyof(&b, "name", 0);
		const char *nm = name_of(t);
		struct scr_val *dst;

		if (t == NULL)
			return scr_fail(f, stmt->start, "syntax error");
		if ((st = value_or_code(f, &b, 1, &v)) != SCR_OK)
			return st;
		if (t->kind == A_PAREN && t->a && t->a->kind == A_BIN &&
		    t->a->op == OP_ARROW) {
			/* :set ($arr->key) value */
			const struct ast *base = t->a->a;
			struct scr_val k;
			struct strbuf sb = STRBUF_INIT;

			dst = base->kind == A_VAR ? var_find(f, base->s) : NULL;
			if (dst == NULL) {
				scr_val_free(&v);
				return SCR_OK;
			}
			if (dst->k != SV_ARRAY) {
				scr_val_free(dst);
				dst->k = SV_ARRAY;
				dst->u.arr = scr_arr_new();
			}
			if (t->a->b->kind == A_IDENT)
				k = scr_str(t->a->b->s);
			else if ((st = eval_expr(f, t->a->b, &k)) != SCR_OK)
				return st;
			if (k.k == SV_NUM && k.u.n >= 0 &&
			    (size_t)k.u.n < dst->u.arr->n) {
				scr_val_free(&dst->u.arr->v[k.u.n]);
				dst->u.arr->v[k.u.n] = v;
			} else {
				scr_val_print(&k, &sb);
				scr_arr_push(dst->u.arr, sb_str(&sb), v);
			}
			sb_fini(&sb);
			scr_val_free(&k);
			return SCR_OK;
		}
		if (nm == NULL)
			return scr_fail(f, t->start, "syntax error");
		dst = var_local(f, nm);
		if (dst) {
			scr_val_free(dst);
			*dst = v;
		} else
			var_set_global(f->env, nm, v, false);
		return SCR_OK;
	}
	if (!strcmp(c, "if")) {
		bool cond;

		if ((st = argval(f, &b, "condition", 0, &v)) != SCR_OK)
			return st;
		cond = scr_truthy(&v);
		scr_val_free(&v);
		return run_body(f, bodyof(&b, cond ? "do" : "else", -1), out);
	}
	if (!strcmp(c, "while")) {
		for (i = 0; i < 1000000; i++) {
			if ((st = argval(f, &b, "condition", 0, &v)) != SCR_OK)
				return st;
			if (!scr_truthy(&v)) {
				scr_val_free(&v);
				return SCR_OK;
			}
			scr_val_free(&v);
			st = run_body(f, bodyof(&b, "do", -1), &w);
			scr_val_free(&w);
			if (st == SCR_BREAK)
				return SCR_OK;
			if (st != SCR_OK && st != SCR_CONTINUE)
				return st;
		}
		return scr_fail(f, stmt->start, "loop limit reached");
	}
	if (!strcmp(c, "do")) {
		const struct ast *body = bodyof(&b, "command", 0);
		const struct ast *oe = named(&b, "on-error");
		const struct ast *wh = named(&b, "while");

		if (oe == NULL && b.on_error_word)
			oe = b.on_error_word;
		else if (oe)
			oe = oe->a;
		for (i = 0; i < 1000000; i++) {
			st = run_body(f, body, out);
			if (st == SCR_ERR && oe) {
				scr_val_free(out);
				return run_body(f, oe, out);
			}
			if (st != SCR_OK || wh == NULL)
				return st;
			if ((st = eval_node(f, wh->a, &v)) != SCR_OK)
				return st;
			if (!scr_truthy(&v)) {
				scr_val_free(&v);
				return SCR_OK;
			}
			scr_val_free(&v);
			scr_val_free(out);
		}
		return SCR_OK;
	}
	if (!strcmp(c, "onerror")) {
		const char *nm = name_of(bodyof(&b, "error", 0));
		const struct ast *body = bodyof(&b, "in", 1);

		st = run_body(f, body, &w);
		scr_val_free(&w);
		out->k = SV_BOOL;
		out->u.n = st == SCR_ERR;
		if (st == SCR_ERR) {
			if (nm)
				var_declare_local(f, nm, scr_str(f->env->err ?
				    f->env->err : ""));
			st = run_body(f, bodyof(&b, "do", -1), &w);
			scr_val_free(&w);
		}
		return st;
	}
	if (!strcmp(c, "for")) {
		const char *nm = name_of(bodyof(&b, "counter", 0));
		int64_t from, to, step;
		struct scr_val s;

		if ((st = argval(f, &b, "from", -1, &v)) != SCR_OK ||
		    (st = argval(f, &b, "to", -1, &w)) != SCR_OK ||
		    (st = argval(f, &b, "step", -1, &s)) != SCR_OK)
			return st;
		from = v.k == SV_NUM ? v.u.n : atoll(v.k == SV_STR ? v.u.s : "0");
		to = w.k == SV_NUM ? w.u.n : atoll(w.k == SV_STR ? w.u.s : "0");
		step = s.k == SV_NUM ? s.u.n : (to >= from ? 1 : -1);
		scr_val_free(&v);
		scr_val_free(&w);
		scr_val_free(&s);
		if (step == 0 || nm == NULL)
			return SCR_OK;
		for (int64_t x = from; step > 0 ? x <= to : x >= to; x += step) {
			scope_push(f);
			var_declare_local(f, nm, scr_num(x));
			st = run_body(f, bodyof(&b, "do", -1), &w);
			scope_pop(f);
			scr_val_free(&w);
			if (st == SCR_BREAK)
				break;
			if (st != SCR_OK && st != SCR_CONTINUE)
				return st;
		}
		return SCR_OK;
	}
	if (!strcmp(c, "foreach")) {
		const char *nm = name_of(bodyof(&b, "counter", 0));
		char *kn = NULL, *vn;

		if (nm == NULL)
			return scr_fail(f, stmt->start, "syntax error");
		if ((st = argval(f, &b, "in", -1, &v)) != SCR_OK)
			return st;
		vn = xstrdup(nm);
		if (strchr(vn, ',')) {
			kn = vn;
			vn = strchr(kn, ',') + 1;
			vn[-1] = '\0';
		}
		if (v.k != SV_ARRAY) {
			struct scr_val one = v;

			v.k = SV_ARRAY;
			v.u.arr = scr_arr_new();
			if (one.k != SV_NOTHING && one.k != SV_NIL)
				scr_arr_push(v.u.arr, NULL, one);
		}
		st = SCR_OK;
		for (i = 0; i < v.u.arr->n; i++) {
			scope_push(f);
			if (kn)
				var_declare_local(f, kn, v.u.arr->keys[i] ?
				    scr_str(v.u.arr->keys[i]) : scr_num((int64_t)i));
			var_declare_local(f, vn, scr_val_copy(&v.u.arr->v[i]));
			st = run_body(f, bodyof(&b, "do", -1), &w);
			scope_pop(f);
			scr_val_free(&w);
			if (st == SCR_BREAK) {
				st = SCR_OK;
				break;
			}
			if (st == SCR_CONTINUE)
				st = SCR_OK;
			if (st != SCR_OK)
				break;
		}
		free(kn ? kn : vn);
		scr_val_free(&v);
		return st;
	}
	if (!strcmp(c, "error")) {
		struct strbuf sb = STRBUF_INIT;

		if ((st = argval(f, &b, "message", 0, &v)) != SCR_OK)
			return st;
		scr_val_print(&v, &sb);
		scr_val_free(&v);
		st = scr_fail(f, stmt->start, "%s", sb_str(&sb));
		f->env->err_src = NULL;
		sb_fini(&sb);
		return st;
	}
	if (!strcmp(c, "return")) {
		if ((st = argval(f, &b, "value", 0, out)) != SCR_OK)
			return st;
		return SCR_RETURN;
	}
	if (!strcmp(c, "break"))
		return SCR_BREAK;
	if (!strcmp(c, "continue"))
		return SCR_CONTINUE;
	if (!strcmp(c, "exit"))
		return SCR_RETURN;
	if (!strcmp(c, "len") || !strcmp(c, "typeof")) {
		if ((st = argval(f, &b, "value", 0, &v)) != SCR_OK)
			return st;
		if (c[0] == 't')
			*out = scr_str(scr_type_name(&v));
		else if (v.k == SV_ARRAY)
			*out = scr_num((int64_t)v.u.arr->n);
		else {
			struct strbuf sb = STRBUF_INIT;

			scr_val_print(&v, &sb);
			*out = scr_num((int64_t)sb.len);
			sb_fini(&sb);
		}
		scr_val_free(&v);
		return SCR_OK;
	}
	if (!strcmp(c, "nothing"))
		return SCR_OK;
	if (!strncmp(c, "to", 2) && strcmp(c, "tonsec") && strcmp(c, "tolf") &&
	    strcmp(c, "tocrlf")) {
		if ((st = argval(f, &b, "value", 0, &v)) != SCR_OK)
			return st;
		*out = conv(c, &v);
		if (out->k == v.k && (v.k == SV_NUM || v.k == SV_BOOL))
			return SCR_OK;	/* conv copied a scalar */
		scr_val_free(&v);
		return SCR_OK;
	}
	if (!strcmp(c, "pick")) {
		struct scr_val s, e;
		int64_t from, to;

		if ((st = argval(f, &b, "counter", 0, &v)) != SCR_OK ||
		    (st = argval(f, &b, "begin", 1, &s)) != SCR_OK ||
		    (st = argval(f, &b, "end", 2, &e)) != SCR_OK)
			return st;
		from = s.k == SV_NUM ? s.u.n : 0;
		if (v.k == SV_ARRAY) {
			int64_t n = (int64_t)v.u.arr->n;

			if (e.k != SV_NUM) {
				if (from >= 0 && from < n)
					*out = scr_val_copy(&v.u.arr->v[from]);
			} else {
				out->k = SV_ARRAY;
				out->u.arr = scr_arr_new();
				for (to = from; to < e.u.n && to < n; to++)
					if (to >= 0)
						scr_arr_push(out->u.arr,
						    v.u.arr->keys[to],
						    scr_val_copy(&v.u.arr->v[to]));
			}
		} else {
			struct strbuf sb = STRBUF_INIT;

			scr_val_print(&v, &sb);
			to = e.k == SV_NUM ? e.u.n : from + 1;
			if (to > (int64_t)sb.len)
				to = (int64_t)sb.len;
			if (from < 0)
				from = 0;
			out->k = SV_STR;
			out->u.s = from < to ? xstrndup(sb_str(&sb) + from,
			    (size_t)(to - from)) : xstrdup("");
			sb_fini(&sb);
		}
		scr_val_free(&v);
		scr_val_free(&s);
		scr_val_free(&e);
		return SCR_OK;
	}
	if (!strcmp(c, "find")) {
		struct scr_val k, s;
		int64_t from;

		if ((st = argval(f, &b, "in", 0, &v)) != SCR_OK ||
		    (st = argval(f, &b, "key", 1, &k)) != SCR_OK ||
		    (st = argval(f, &b, "from", 2, &s)) != SCR_OK)
			return st;
		from = s.k == SV_NUM ? s.u.n + 1 : 0;	/* searches after from */
		out->k = SV_NIL;
		if (v.k == SV_ARRAY) {
			for (i = from > 0 ? (size_t)from : 0; i < v.u.arr->n; i++) {
				bool ok;

				if (scr_cmp(&v.u.arr->v[i], &k, &ok) == 0) {
					*out = scr_num((int64_t)i);
					break;
				}
			}
		} else {
			struct strbuf hs = STRBUF_INIT, nd = STRBUF_INIT;
			const char *p;

			scr_val_print(&v, &hs);
			scr_val_print(&k, &nd);
			if (from < (int64_t)hs.len &&
			    (p = strstr(sb_str(&hs) + (from > 0 ? from : 0),
			    sb_str(&nd))) != NULL)
				*out = scr_num(p - sb_str(&hs));
			sb_fini(&hs);
			sb_fini(&nd);
		}
		scr_val_free(&v);
		scr_val_free(&k);
		scr_val_free(&s);
		return SCR_OK;
	}
	if (!strcmp(c, "log")) {
		/* :log info "text" -> /log entry with topics script,info */
		const struct ast *lv = b.n_pos > 0 ? b.pos[0] : NULL;
		struct strbuf sb = STRBUF_INIT;

		if (lv && lv->kind == A_WORD && b.n_pos > 1) {
			if ((st = eval_node(f, b.pos[1], &v)) != SCR_OK)
				return st;
			sb_addf(&f->env->log, "script,%s ", lv->s);
		} else if (b.n_named) {
			if ((st = eval_node(f, b.named[0]->a, &v)) != SCR_OK)
				return st;
			sb_addf(&f->env->log, "script,%s ", b.named[0]->s);
		}
		scr_val_print(&v, &sb);
		sb_addf(&f->env->log, "%s\n", sb_str(&sb));
		if (lv && lv->kind == A_WORD && b.n_pos > 1)
			log_memory(f->env, lv->s, sb_str(&sb));
		else if (b.n_named)
			log_memory(f->env, b.named[0]->s, sb_str(&sb));
		sb_fini(&sb);
		scr_val_free(&v);
		return SCR_OK;
	}
	if (!strcmp(c, "parse")) {
		if ((st = argval(f, &b, "value", 0, &v)) != SCR_OK)
			return st;
		out->k = SV_CODE;
		{
			struct strbuf sb = STRBUF_INIT;

			scr_val_print(&v, &sb);
			out->u.s = sb_steal(&sb);
		}
		scr_val_free(&v);
		return SCR_OK;
	}
	if (!strcmp(c, "import")) {
		struct strbuf sb = STRBUF_INIT;

		if ((st = argval(f, &b, "file-name", 0, &v)) != SCR_OK)
			return st;
		scr_val_print(&v, &sb);
		scr_val_free(&v);
		if (!f->env->check)
			st = do_import(f, sb_str(&sb), out);
		sb_fini(&sb);
		return st;
	}
	if (!strcmp(c, "range")) {
		struct scr_val s, e;

		if ((st = argval(f, &b, "from", 0, &s)) != SCR_OK ||
		    (st = argval(f, &b, "to", 1, &e)) != SCR_OK)
			return st;
		out->k = SV_ARRAY;
		out->u.arr = scr_arr_new();
		if (s.k == SV_NUM && e.k == SV_NUM)
			for (int64_t x = s.u.n; x <= e.u.n && x - s.u.n < 1000000; x++)
				scr_arr_push(out->u.arr, NULL, scr_num(x));
		scr_val_free(&s);
		scr_val_free(&e);
		return SCR_OK;
	}
	if (!strcmp(c, "timestamp")) {
		out->k = SV_TIME;
		out->u.n = f->env->now;
		return SCR_OK;
	}
	if (!strcmp(c, "jobname")) {
		*out = scr_str("");
		return SCR_OK;
	}
	/* everything else: accepted, no effect in the emulator (yet) */
	return SCR_OK;
}

/* ---- functions ---- */

enum scr_status
run_code(struct scr_frame *f, const char *code, struct scr_arr *args,
    struct scr_val *out)
{
	struct scr_frame g;
	struct src_text *src = src_new(NULL, code, strlen(code));
	enum scr_status st;

	if (f->env->depth > 100) {
		src_free(src);
		return scr_fail(f, 0, "recursion depth exceeded");
	}
	memset(&g, 0, sizeof(g));
	g.env = f->env;
	g.src = src;
	g.cwd = f->cwd;
	g.args = args;
	f->env->depth++;
	scope_push(&g);
	out->k = SV_NOTHING;
	st = run_src(&g, out);
	scope_pop(&g);
	f->env->depth--;
	if (st == SCR_RETURN)
		st = SCR_OK;
	if (st == SCR_ERR && f->env->err_src == src)
		f->env->err_src = NULL;
	src_free(src);
	return st;
}

enum scr_status
call_function(struct scr_frame *f, const struct ast *stmt, struct scr_val *out)
{
	const struct ast *it = stmt->kids;
	struct scr_val *fn = var_find(f, it->s);
	struct scr_arr *args;
	enum scr_status st = SCR_OK;
	char key[16];
	int pos = 1;
	char *code;

	out->k = SV_NOTHING;
	if (fn == NULL && f->args)
		fn = scr_arr_get(f->args, it->s);
	if (fn == NULL || fn->k != SV_CODE) {
		if (it->next)
			return SCR_OK;	/* ROS: calling a non-function is nil */
		if (fn)
			*out = scr_val_copy(fn);
		return SCR_OK;
	}
	args = scr_arr_new();
	scr_arr_push(args, "0", scr_str(it->s));
	for (it = it->next; it; it = it->next) {
		struct scr_val v;

		if (it->kind == A_ARG && it->b == NULL) {
			v.k = SV_NOTHING;
			if (it->a && (st = eval_node(f, it->a, &v)) != SCR_OK)
				break;
			scr_arr_push(args, it->s, v);
		} else {
			if ((st = eval_node(f, it, &v)) != SCR_OK)
				break;
			snprintf(key, sizeof(key), "%d", pos++);
			scr_arr_push(args, key, v);
		}
	}
	if (st == SCR_OK) {
		code = xstrdup(fn->u.s);
		st = run_code(f, code, args, out);
		free(code);
	}
	{
		struct scr_val a;

		a.k = SV_ARRAY;
		a.u.arr = args;
		scr_val_free(&a);
	}
	return st;
}
