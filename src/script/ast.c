/*
 * DOC: ast - node constructors for the grammar actions.
 *
 * All nodes live in the parser's arena; nothing here frees.  Lists keep a
 * pointer to their last element in ->b while being built (O(1) append) and
 * a count in n_kids.
 */
#include <stdlib.h>
#include <string.h>

#include "ast.h"

struct ast *
ast_new(struct scr_parser *p, enum ast_kind k, uint32_t start, uint32_t end)
{
	struct ast *n = arena_alloc(p->arena, sizeof(*n));

	n->kind = k;
	n->start = start;
	n->end = end;
	return n;
}

struct ast *
ast_str(struct scr_parser *p, enum ast_kind k, uint32_t start, uint32_t end,
    const char *s)
{
	struct ast *n = ast_new(p, k, start, end);

	n->s = s;
	return n;
}

struct ast *
ast_bin(struct scr_parser *p, int op, struct ast *a, struct ast *b)
{
	struct ast *n = ast_new(p, A_BIN, a->start, b->end);

	n->op = op;
	n->a = a;
	n->b = b;
	return n;
}

struct ast *
ast_un(struct scr_parser *p, int op, struct ast *a, uint32_t start)
{
	struct ast *n = ast_new(p, A_UN, start, a->end);

	n->op = op;
	n->a = a;
	return n;
}

struct ast *
ast_list_new(struct scr_parser *p, enum ast_kind k, struct ast *first)
{
	struct ast *n = ast_new(p, k, first ? first->start : 0,
	    first ? first->end : 0);

	if (first)
		ast_list_add(n, first);
	return n;
}

struct ast *
ast_list_add(struct ast *l, struct ast *kid)
{
	if (kid == NULL)
		return l;
	if (l->kids == NULL) {
		l->kids = kid;
		l->start = kid->start;
	} else
		l->b->next = kid;
	l->b = kid;
	kid->next = NULL;
	l->n_kids++;
	if (kid->end > l->end)
		l->end = kid->end;
	return l;
}

struct ast *
ast_cmd_value(struct scr_parser *p, struct ast *stmt)
{
	struct ast *n = ast_new(p, A_CMDSUB, stmt->start, stmt->end);

	n->a = ast_list_new(p, A_BLOCK, stmt);
	return n;
}

bool
ast_too_deep(const struct ast *root, uint32_t *off)
{
	struct walk { const struct ast *n; int d; } *st;
	size_t n = 0, cap = 64, base, i, j;
	bool deep = false;

	if (root == NULL)
		return false;
	/* an explicit stack: the point is not to recurse */
	st = xmalloc(cap * sizeof(*st));
	st[n++] = (struct walk){ root, 1 };
	while (n > 0) {
		struct walk w = st[--n];
		const struct ast *k;

		if (w.d > AST_MAX_DEPTH) {
			*off = w.n->start;
			deep = true;
			break;
		}
		/* pushed so that they come off in source order: the error
		 * names the leftmost node too deep; a list's b is its last kid,
		 * already among kids */
		if (n + 2 > cap)
			st = xrealloc(st, (cap *= 2) * sizeof(*st));
		if (w.n->b && w.n->kids == NULL)
			st[n++] = (struct walk){ w.n->b, w.d + 1 };
		if (w.n->a)
			st[n++] = (struct walk){ w.n->a, w.d + 1 };
		base = n;
		for (k = w.n->kids; k; k = k->next) {
			if (n + 1 > cap)
				st = xrealloc(st, (cap *= 2) * sizeof(*st));
			st[n++] = (struct walk){ k, w.d + 1 };
		}
		for (i = base, j = n; i + 1 < j; i++, j--) {
			struct walk t = st[i];

			st[i] = st[j - 1];
			st[j - 1] = t;
		}
	}
	free(st);
	return deep;
}

const char *
ast_text(struct scr_parser *p, const struct ast *n)
{
	return arena_strndup(p->arena, p->src->buf + n->start,
	    n->end - n->start);
}
