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
/*
 * ROS: the memory log keeps the newest memory-lines entries (default
 * 1000, /system logging action); older ones go, a hundred at a time here
 */
#define LOG_LINES	1000

static void
log_trim(struct scr_env *e, const struct sch_menu *lm)
{
	struct cfg_list *l = cfg_list(e->cfg, lm);
	size_t i, live = 0, drop;

	for (i = 0; i < l->n; i++)
		if (!(l->items[i]->flags & CI_DEAD))
			live++;
	if (live <= LOG_LINES + 100)
		return;
	drop = live - LOG_LINES;
	for (i = 0; i < l->n && drop > 0; i++)
		if (!(l->items[i]->flags & CI_DEAD)) {
			cfg_remove(e->cfg, lm, l->items[i]);
			drop--;
		}
	cfg_compact(e->cfg, lm);
}

static void
log_memory(struct scr_env *e, const char *tpc, const char *msg)
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
	sb_add(&topics, tpc);
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
		log_trim(e, lm);
	}
	sb_fini(&topics);
}

/* /log info|warning|error|debug message=X: the same as :log */
void
scr_log_write(struct scr_env *e, const char *level, const char *msg)
{
	struct strbuf t = STRBUF_INIT;

	sb_addf(&t, "script,%s", level);
	sb_addf(&e->log, "%s %s\n", sb_str(&t), msg);
	log_memory(e, sb_str(&t), msg);
	sb_fini(&t);
}

/* a log entry under topics ("firewall,info"), e.g. from the engine */
void
scr_log_topics(struct scr_env *e, const char *topics, const char *msg)
{
	log_memory(e, topics, msg);
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

	out->k = SV_NOTHING;
	/* variables, control flow, functions, :parse :execute (flow.c) */
	if (flow_builtin_find(c))
		return flow_builtin_run(f, c, stmt, args, out);
	/* :typeof :len :pick :find :to* :convert ... (data.c) */
	if (data_builtin_find(c))
		return data_builtin_run(f, c, stmt, args, out);
	if ((st = collect(f, args, &b)) != SCR_OK)
		return st;
	v.k = w.k = SV_NOTHING;

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
		if ((lv && lv->kind == A_WORD && b.n_pos > 1) || b.n_named) {
			struct strbuf t = STRBUF_INIT;

			sb_addf(&t, "script,%s", lv && lv->kind == A_WORD &&
			    b.n_pos > 1 ? lv->s : b.named[0]->s);
			log_memory(f->env, sb_str(&t), sb_str(&sb));
			sb_fini(&t);
		}
		sb_fini(&sb);
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
	if (!strcmp(c, "timestamp")) {
		out->k = SV_TIME;
		out->u.n = f->env->now;
		return SCR_OK;
	}
	/* everything else: accepted, no effect in the emulator (yet) */
	return SCR_OK;
}
