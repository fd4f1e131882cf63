/*
 * DOC: ast - node constructors for the grammar actions.
 *
 * All nodes live in the parser's arena; nothing here frees.  Lists keep a
 * pointer to their last element in ->b while being built (O(1) append) and
 * a count in n_kids.
 */
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

const char *
ast_text(struct scr_parser *p, const struct ast *n)
{
	return arena_strndup(p->arena, p->src->buf + n->start,
	    n->end - n->start);
}
