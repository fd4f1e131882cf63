/*
 * ast.h - syntax tree of the RouterOS console language.
 *
 * The parser builds these nodes in an arena (struct scr_parser.arena) and
 * knows no menu names: a statement is a list of items (words, name=value
 * arguments, values), and the binder decides later which words are path,
 * command and unnamed arguments.  Offsets are byte offsets into the joined
 * source text (struct src_text), turned into line/column only when an error
 * is printed.
 */
#ifndef ROSEMU_AST_H
#define ROSEMU_AST_H

#include <stdbool.h>
#include <stdint.h>

#include "util.h"

enum ast_kind {
	A_WORD,		/* bare word: s (path word, command, unnamed value) */
	A_LIT,		/* literal text part of a string / expression literal */
	A_STR,		/* quoted string: kids = parts (A_LIT, A_VAR, ...) */
	A_VAR,		/* $name: s */
	A_IDENT,	/* bare identifier inside an expression: s */
	A_CMDSUB,	/* [ ... ]: a = block */
	A_BLOCK,	/* { ... } or a script: kids = statements */
	A_STMT,		/* kids = items */
	A_ARG,		/* name=value: s = name, a = value (NULL: empty) */
	A_WHERE,	/* where <expr>: a = expr */
	A_BIN,		/* binary operator: op, a, b */
	A_UN,		/* unary operator: op, a */
	A_PAREN,	/* ( expr ): a */
};

/* operator codes for A_BIN / A_UN */
enum ast_op {
	OP_ADD = 1, OP_SUB, OP_MUL, OP_DIV, OP_MOD, OP_CAT, OP_COMMA,
	OP_EQ, OP_NE, OP_LT, OP_GT, OP_LE, OP_GE, OP_AND, OP_OR, OP_IN,
	OP_REGEX, OP_BAND, OP_BOR, OP_BXOR, OP_SHL, OP_SHR, OP_ARROW,
	OP_NEG, OP_NOT, OP_BNOT, OP_QUOTE,
};

struct ast {
	enum ast_kind kind;
	int	 op;
	uint32_t start, end;	/* byte offsets in the joined source */
	const char *s;		/* arena string, or NULL */
	struct ast *a, *b;
	struct ast *kids;	/* first child (lists) */
	struct ast *next;	/* next sibling */
	uint32_t n_kids;
};

/*
 * Source text after line joining: backslash-newline continuations are
 * removed (also inside quoted strings, with the next line's indentation),
 * CRLF/CR become LF outside strings.  splices map offsets back to the
 * original text for line/column reporting.
 */
struct src_text {
	char	*name;		/* file name or NULL (owned) */
	char	*orig;		/* original text (owned) */
	size_t	 orig_len;
	char	*buf;		/* joined text, NUL-terminated (owned) */
	size_t	 len;
	uint32_t *sp_at;	/* joined offset where a splice happened */
	uint32_t *sp_delta;	/* cumulative bytes dropped before sp_at */
	size_t	 n_sp, cap_sp;
	int	 line_base;	/* added to reported line numbers (0) */
	/*
	 * Top-level chunks: [chunk[i], chunk[i+1]) holds whole lines whose
	 * brackets balance, so each can be parsed and run on its own (an
	 * import keeps what ran before a failing line, as RouterOS does).
	 */
	uint32_t *chunk;
	size_t	 n_chunk, cap_chunk;
};

/* Takes a copy of text[0..len).  Free with src_free(). */
struct src_text *src_new(const char *name, const char *text, size_t len);
/* The same without the copy: consumes text, a malloc'd block whose
 * text[len] is '\0' (util_read_file() returns one). */
struct src_text *src_new_take(const char *name, char *text, size_t len);
void	 src_free(struct src_text *);
/*
 * RouterOS major version a file was written for: 6 or 7 from an export's
 * "by RouterOS x.y" header (its version text, "7.6", goes to ver), else a
 * guess from v6-only / v7-only markers (ties go to 7); 0 if the text has
 * none of either.  ver may be NULL; it is "" when there is no header.
 */
int	 src_guess_ros(const char *text, size_t len, char *ver, size_t vlen);
/* 1-based line and column in the original text of joined offset off. */
void	 src_linecol(const struct src_text *, uint32_t off, int *line,
	    int *col);

/* Parser front end (grammar/parser.y). */
struct scr_parser {
	struct arena *arena;
	const struct src_text *src;
	struct ast *root;	/* A_BLOCK of the whole text */
	char	*err;		/* first error message (owned), or NULL */
	uint32_t err_off;
	int	 n_err;
	int	 brace_depth;
	void	*scanner;	/* kept across chunks; scr_parser_fini() */
};

/*
 * Parses src into p->root.  Returns 0, or -1 with p->err set to the
 * RouterOS message without location ("syntax error") and p->err_off.
 */
int	 scr_parse(struct scr_parser *p);
/* The same for the joined text [start, end) (a chunk). */
int	 scr_parse_range(struct scr_parser *p, uint32_t start, uint32_t end);
/* Frees the scanner the parse calls keep in p (no-op if none). */
void	 scr_parser_fini(struct scr_parser *p);

/* Node constructors used by the grammar actions (all in p->arena). */
struct ast *ast_new(struct scr_parser *, enum ast_kind, uint32_t start,
	    uint32_t end);
struct ast *ast_str(struct scr_parser *, enum ast_kind, uint32_t start,
	    uint32_t end, const char *s);
struct ast *ast_bin(struct scr_parser *, int op, struct ast *, struct ast *);
struct ast *ast_un(struct scr_parser *, int op, struct ast *, uint32_t start);
struct ast *ast_list_new(struct scr_parser *, enum ast_kind, struct ast *first);
struct ast *ast_list_add(struct ast *list, struct ast *kid);
/* [stmt]: a command statement used as a value (":cmd" inside ( )) */
struct ast *ast_cmd_value(struct scr_parser *, struct ast *stmt);
/*
 * Nesting deeper than AST_MAX_DEPTH levels is refused after the parse
 * ("syntax error" at *off): the binder, the checker and the evaluator
 * recurse over the tree, and a left-deep chain ("1+1+...+1") does not
 * grow the parser's own stack.
 */
#define AST_MAX_DEPTH	1000
bool	 ast_too_deep(const struct ast *root, uint32_t *off);
/* text of a node's source range (arena copy) */
const char *ast_text(struct scr_parser *, const struct ast *);

#endif
