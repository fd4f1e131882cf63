/*
 * DOC: il - the text :put prints for code: RouterOS's parsed form (its
 * "IL", reference Appendix A, from [PARSEIL]).  `:put [:parse ":put
 * hello"]` prints "(evl /putmessage=hello)"; a do={..} function prints
 * ";" and its body as a block, "(evl (evl /putmessage=...))".
 *
 * A statement is "(evl PATH ARGS)": the command's full path (":put" is
 * /put, "/ip address add" /ip/address/add), then its arguments sorted by
 * name, "name=value" joined by ";", unnamed ones under their real names
 * (:put's is message, :local's name and value; Appendix B).  A block
 * argument is "do=;(evl ...)".  Values: literals canonical (yes is true,
 * 200ms 00:00:00.200), strings raw, interpolation "(. a b)", variables
 * $x, expressions prefix "(+ 1 2)" with chains of one logical operator
 * or "." flattened, [cmd] "(evl (evl ...))".
 *
 * Best effort: the shapes [PARSEIL] documents.  Forms it does not
 * (function calls, array literals, a menu command's unnamed arguments)
 * print as close guesses.  Reads the code text; changes nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "eval.h"

static void il_block(struct scr_frame *, const struct ast *,
	    struct strbuf *);
static void il_value(struct scr_frame *, const struct ast *,
	    struct strbuf *);

static const char *
op_text(int op)
{
	switch (op) {
	case OP_ADD: return "+";
	case OP_SUB: case OP_NEG: return "-";
	case OP_MUL: return "*";
	case OP_DIV: return "/";
	case OP_MOD: return "%";
	case OP_CAT: return ".";
	case OP_COMMA: return ",";
	case OP_EQ: return "=";
	case OP_NE: return "!=";
	case OP_LT: return "<";
	case OP_GT: return ">";
	case OP_LE: return "<=";
	case OP_GE: return ">=";
	case OP_AND: return "and";
	case OP_OR: return "or";
	case OP_IN: return "in";
	case OP_REGEX: case OP_BNOT: return "~";
	case OP_BAND: return "&";
	case OP_BOR: return "|";
	case OP_BXOR: return "^";
	case OP_SHL: return "<<";
	case OP_SHR: return ">>";
	case OP_ARROW: return "->";
	case OP_NOT: return "!";
	case OP_QUOTE: return ">";
	default: return "?";
	}
}

/* the operands of a chain of one flattening operator, left to right */
static void
il_chain(struct scr_frame *f, const struct ast *n, int op, struct strbuf *sb)
{
	if (n->kind == A_BIN && n->op == op) {
		il_chain(f, n->a, op, sb);
		il_chain(f, n->b, op, sb);
		return;
	}
	sb_addc(sb, ' ');
	il_value(f, n, sb);
}

static void
il_value(struct scr_frame *f, const struct ast *n, struct strbuf *sb)
{
	const struct ast *k;

	if (n == NULL)
		return;
	switch (n->kind) {
	case A_WORD:
	case A_LIT: {
		/* ROS: literals canonical (yes -> true, 1w -> 1w00:00:00) */
		struct scr_val v = scr_val_from_text(n->s, true);

		scr_val_print(&v, sb);
		scr_val_free(&v);
		return;
	}
	case A_VAR:
	case A_IDENT:
		sb_addf(sb, "$%s", n->s);
		return;
	case A_STR:
		if (n->n_kids == 1 && n->kids->kind == A_LIT) {
			sb_add(sb, n->kids->s);
			return;
		}
		if (n->n_kids == 1) {
			il_value(f, n->kids, sb);
			return;
		}
		if (n->n_kids == 0)
			return;
		sb_add(sb, "(.");
		for (k = n->kids; k; k = k->next) {
			sb_addc(sb, ' ');
			if (k->kind == A_LIT)
				sb_add(sb, k->s);
			else
				il_value(f, k, sb);
		}
		sb_addc(sb, ')');
		return;
	case A_PAREN:
		il_value(f, n->a, sb);
		return;
	case A_UN:
		sb_addf(sb, "(%s ", op_text(n->op));
		il_value(f, n->a, sb);
		sb_addc(sb, ')');
		return;
	case A_BIN:
		sb_addf(sb, "(%s", op_text(n->op));
		if (n->op == OP_AND || n->op == OP_OR || n->op == OP_CAT) {
			il_chain(f, n->a, n->op, sb);
			il_chain(f, n->b, n->op, sb);
		} else {
			sb_addc(sb, ' ');
			il_value(f, n->a, sb);
			sb_addc(sb, ' ');
			il_value(f, n->b, sb);
		}
		sb_addc(sb, ')');
		return;
	case A_CMDSUB:
		il_block(f, n->a, sb);
		return;
	default:
		/* an array literal and the rest: the source text */
		sb_addn(sb, f->src->buf + n->start, n->end - n->start);
		return;
	}
}

/* real names of builtins' unnamed arguments (Appendix B) */
static const struct {
	const char *cmd;
	const char *names[3];
} unnamed[] = {
	{ "put", { "message" } }, { "local", { "name", "value" } },
	{ "global", { "name", "value" } }, { "set", { "name", "value" } },
	{ "if", { "condition" } }, { "while", { "condition" } },
	{ "for", { "counter" } }, { "foreach", { "counter" } },
	{ "do", { "command" } }, { "onerror", { "error", "in" } },
	{ "retry", { "command" } }, { "return", { "value" } },
	{ "error", { "message" } }, { "parse", { "value" } },
	{ "execute", { "script" } }, { "delay", { "delay-time" } },
	{ "time", { "command" } }, { "resolve", { "domain-name" } },
	{ "pick", { "counter", "begin", "end" } },
	{ "find", { "in", "key", "from" } }, { "range", { "from", "to" } },
	{ "info", { "message" } }, { "warning", { "message" } },
	{ "error", { "message" } }, { "debug", { "message" } },
	{ "set", { "numbers" } }, { "remove", { "numbers" } },
	{ "enable", { "numbers" } }, { "disable", { "numbers" } },
	{ "get", { "numbers", "value-name" } },
};

static const char *
unnamed_name(const char *cmd, int i, bool builtin)
{
	size_t k;

	if (i >= 3)
		return NULL;
	if (!builtin && !strcmp(cmd, "set"))
		return i == 0 ? "numbers" : NULL;
	for (k = 0; k < NELEM(unnamed); k++)
		if (!strcmp(unnamed[k].cmd, cmd))
			return unnamed[k].names[i];
	/* :typeof :len :to* ... take value */
	return builtin && i == 0 ? "value" : NULL;
}

/*
 * A variable name argument (:local's name, :for's counter, :onerror's
 * error) prints as the variable: "name=$x", "counter=$k;$v".
 */
static bool
il_names(const struct ast *n, struct strbuf *sb)
{
	const char *s = NULL, *c;

	if (n->kind == A_WORD || n->kind == A_VAR)
		s = n->s;
	else if (n->kind == A_STR && n->n_kids == 1 && n->kids->kind == A_LIT)
		s = n->kids->s;
	if (s == NULL)
		return false;
	while ((c = strchr(s, ',')) != NULL) {
		sb_addf(sb, "$%.*s;", (int)(c - s), s);
		s = c + 1;
	}
	sb_addf(sb, "$%s", s);
	return true;
}

struct il_arg {
	const char *name;
	const struct ast *val;
};

static int
il_arg_cmp(const void *a, const void *b)
{
	const struct il_arg *x = a, *y = b;

	return strcmp(x->name ? x->name : "", y->name ? y->name : "");
}

static void
node_path(const struct sch_node *n, struct strbuf *sb)
{
	if (n == NULL || n->parent == NULL)
		return;
	node_path(n->parent, sb);
	sb_addf(sb, "/%s", n->name);
}

static void
il_stmt(struct scr_frame *f, const struct ast *stmt, struct strbuf *sb)
{
	const struct ast *first = stmt->kids, *rest = NULL, *it;
	struct sch_node *dir = NULL, *cmd = NULL;
	struct scr_env *e = f->env;
	char *err = e->err;
	uint32_t err_off = e->err_off;
	const struct src_text *err_src = e->err_src;
	struct il_arg args[32];
	size_t n = 0, i;
	int pos = 0;
	bool builtin;
	enum scr_status st;

	if (first == NULL)
		return;
	if (first->kind == A_BLOCK && first->next == NULL) {
		il_block(f, first, sb);
		return;
	}
	if (first->kind == A_VAR) {
		/* a call: callee, its quote, the arguments (guess) */
		sb_addf(sb, "(<%%%% $%s (> $%s)", first->s, first->s);
		for (it = first->next; it; it = it->next) {
			sb_addc(sb, ';');
			if (it->kind == A_ARG && it->b == NULL)
				sb_addf(sb, "%s=", it->s);
			il_value(f, it->kind == A_ARG ? it->a : it, sb);
		}
		sb_addc(sb, ')');
		return;
	}
	if (first->kind != A_WORD) {
		il_value(f, first, sb);
		return;
	}
	e->err = NULL;
	st = scr_bind_words(f, stmt, &dir, &cmd, &rest);
	free(e->err);
	e->err = err;
	e->err_off = err_off;
	e->err_src = err_src;
	if (st != SCR_OK) {
		/* ROS: "(<%% bad command name X (line 1 column 1) X;...)" */
		sb_add(sb, "(<%% ");
		sb_addn(sb, f->src->buf + stmt->start, stmt->end - stmt->start);
		sb_addc(sb, ')');
		return;
	}
	if (cmd == NULL) {
		node_path(dir, sb);
		sb_addc(sb, '/');
		if (rest && rest->kind == A_BLOCK) {
			sb_addc(sb, ';');
			il_block(f, rest, sb);
		}
		return;
	}
	builtin = dir == sch_root();
	for (it = rest; it && n < NELEM(args); it = it->next) {
		if (it->kind == A_ARG && it->b == NULL) {
			args[n].name = it->s;
			args[n++].val = it->a;
		} else if (it->kind == A_WORD && it->next &&
		    it->next->kind == A_BLOCK && (!strcmp(it->s, "do") ||
		    !strcmp(it->s, "else") || !strcmp(it->s, "on-error"))) {
			args[n].name = it->s;
			args[n++].val = it->next;
			it = it->next;
		} else {
			args[n].name = unnamed_name(cmd->name, pos++, builtin);
			args[n++].val = it;
		}
	}
	qsort(args, n, sizeof(args[0]), il_arg_cmp);
	sb_add(sb, "(evl ");
	node_path(cmd, sb);
	for (i = 0; i < n; i++) {
		if (i)
			sb_addc(sb, ';');
		if (args[i].name)
			sb_addf(sb, "%s=", args[i].name);
		if (builtin && args[i].name && args[i].val &&
		    (!strcmp(args[i].name, "name") ||
		    !strcmp(args[i].name, "counter") ||
		    !strcmp(args[i].name, "error")) &&
		    il_names(args[i].val, sb))
			continue;
		if (args[i].val && args[i].val->kind == A_BLOCK &&
		    args[i].name && (!strcmp(args[i].name, "do") ||
		    !strcmp(args[i].name, "else") ||
		    !strcmp(args[i].name, "on-error") ||
		    !strcmp(args[i].name, "command") ||
		    !strcmp(args[i].name, "in"))) {
			/* ROS: the body follows the empty argument */
			sb_addc(sb, ';');
			il_block(f, args[i].val, sb);
		} else
			il_value(f, args[i].val, sb);
	}
	sb_addc(sb, ')');
}

/* a block: "(evl S1 S2 ...)" */
static void
il_block(struct scr_frame *f, const struct ast *blk, struct strbuf *sb)
{
	const struct ast *s;

	sb_add(sb, "(evl");
	for (s = blk ? blk->kids : NULL; s; s = s->next) {
		sb_addc(sb, ' ');
		il_stmt(f, s, sb);
	}
	sb_addc(sb, ')');
}

void
scr_code_il(struct scr_frame *f, const struct scr_val *v, struct strbuf *sb)
{
	struct src_text *src = src_new(NULL, v->u.s, strlen(v->u.s));
	struct scr_frame g = *f;
	struct scr_parser p;
	struct arena a;
	const struct ast *s;

	arena_init(&a);
	memset(&p, 0, sizeof(p));
	p.arena = &a;
	p.src = src;
	g.src = src;
	g.cwd = sch_root();
	if (v->is_fn)
		sb_addc(sb, ';');	/* a v7 function: {nothing; code} */
	if (scr_parse(&p) == 0 && p.root) {
		if (v->is_fn)
			il_block(&g, p.root, sb);
		else if (p.root->kids == NULL && src->len > 0)
			sb_addc(sb, '/');	/* comments only */
		else
			for (s = p.root->kids; s; s = s->next) {
				if (s != p.root->kids)
					sb_addc(sb, ';');
				il_stmt(&g, s, sb);
			}
	} else
		sb_add(sb, "(code)");
	free(p.err);
	scr_parser_fini(&p);
	arena_fini(&a);
	src_free(src);
}
