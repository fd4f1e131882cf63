#include <stdio.h>
#include <stdlib.h>
#include "ast.h"
static void dump(struct scr_parser *p, struct ast *n, int d);
static void dump(struct scr_parser *p, struct ast *n, int d) {
	static const char *k[] = {"WORD","LIT","STR","VAR","IDENT","CMDSUB","BLOCK","STMT","ARG","WHERE","BIN","UN","PAREN"};
	struct ast *c;
	if (!n) { printf("%*s(null)\n", d*2, ""); return; }
	printf("%*s%s op=%d s=[%s]\n", d*2, "", k[n->kind], n->op, n->s ? n->s : "");
	if (n->kind == A_ARG && n->b) dump(p, n->b, d+1);
	if (n->a) dump(p, n->a, d+1);
	if (n->kind == A_BIN && n->b) dump(p, n->b, d+1);
	for (c = n->kids; c; c = c->next) dump(p, c, d+1);
}
int main(int argc, char **argv) {
	size_t len; char *t = util_read_file(argv[1], &len);
	struct src_text *s = src_new(argv[1], t, len);
	struct arena a; struct scr_parser p = {0};
	arena_init(&a); p.arena = &a; p.src = s;
	(void)argc;
	if (scr_parse(&p) < 0) { int l, c; src_linecol(s, p.err_off, &l, &c); printf("%s (line %d column %d)\n", p.err, l, c); return 1; }
	if (argc > 2) dump(&p, p.root, 0);
	return 0;
}
