/*
 * parser.y - RouterOS console syntax to AST (include/ast.h).
 *
 * A script is a list of statements separated by ';' or newlines; a
 * statement is a list of items: bare words, name=value arguments, values
 * ("string", $var, [command], (expression), {block}) and an optional
 * "where <expression>".  Which words are menus, which is the command and
 * which are unnamed arguments is decided later by the binder, against the
 * command tree; this grammar knows no menu names.  Every action is one
 * constructor call.
 */
%define api.pure full
%define api.prefix {scr_yy}
%define parse.error verbose
%locations
%expect 0
%param { void *scanner }
%parse-param { struct scr_parser *p }

%code requires {
#include "ast.h"
struct scr_loc { uint32_t start, end; };
#define SCR_YYLTYPE struct scr_loc
#define SCR_YYLTYPE_IS_DECLARED 1
#define SCR_YYLTYPE_IS_TRIVIAL 1
#define YYLLOC_DEFAULT(Cur, Rhs, N) do {				\
	if (N) { (Cur).start = YYRHSLOC(Rhs, 1).start;			\
		 (Cur).end = YYRHSLOC(Rhs, N).end; }			\
	else { (Cur).start = (Cur).end = YYRHSLOC(Rhs, 0).end; }	\
} while (0)
}

%code {
#include <stdlib.h>
#include <string.h>
int scr_yylex(SCR_YYSTYPE *, SCR_YYLTYPE *, void *);
static void scr_yyerror(SCR_YYLTYPE *, void *, struct scr_parser *,
    const char *);
#define L(x)	(x).start, (x).end
}

%union {
	const char *s;
	struct ast *n;
}

%token <s> WORD "word" ARGNAME "argument name" VAR "variable"
%token <s> STRPART "string text" LIT "literal" IDENT "identifier"
%token NL "end of line" EMPTYVAL "empty value" WHERE "where" WEND
%token INTERP_PAREN "$(" INTERP_BRACKET "$["
%token BADCHAR "unexpected character" UNTERMINATED "unterminated string"
%token ARROW "->" LE "<=" GE ">=" NE "!=" AND "&&" OR "||"
%token SHL "<<" SHR ">>" IN "in"
%token <s> ICMD "command"

%type <n> script stmts block_body stmt items item value string strparts
%type <n> strpart expr primary cmdsub exprs cmdx

/*
 * ":cmd a b" inside ( ) takes every value that follows as an argument
 * (shift), so the tokens that start a value rank above CMDX.
 */
%precedence CMDX
%precedence LIT IDENT VAR ICMD '"' '[' '(' '{'
%precedence JUXT
%left ','
%left OR
%left AND
%left '|'
%left '^'
%left '&'
%nonassoc '=' NE
%nonassoc '<' '>' LE GE IN '~'
%left SHL SHR
%left '+' '-' '.'
%left '*' '/' '%'
%precedence '!' UNARY
%left ARROW

%%

script	: block_body			{ p->root = $1; }
	;

/* statements; the last one may lack a terminator (before '}' or ']') */
block_body
	: stmts				{ $$ = $1; }
	| stmts stmt			{ $$ = ast_list_add($1, $2); }
	;

stmts	: %empty			{ $$ = ast_new(p, A_BLOCK, @$.start, @$.end); }
	| stmts term			{ $$ = $1; }
	| stmts stmt term		{ $$ = ast_list_add($1, $2); }
	| stmts error term		{ $$ = $1; yyerrok; }
	;

term	: NL | ';' ;

stmt	: items				{ $$ = $1; }
	;

items	: item				{ $$ = ast_list_new(p, A_STMT, $1); }
	| items item			{ $$ = ast_list_add($1, $2); }
	;

item	: WORD				{ $$ = ast_str(p, A_WORD, L(@1), $1); }
	| ARGNAME value			{ $$ = ast_str(p, A_ARG, L(@$), $1); $$->a = $2; }
	| ARGNAME EMPTYVAL		{ $$ = ast_str(p, A_ARG, L(@$), $1); }
	| string '=' value		{ $$ = ast_new(p, A_ARG, L(@$)); $$->b = $1; $$->a = $3; }
	| WHERE exprs WEND		{ $$ = ast_new(p, A_WHERE, L(@$)); $$->a = $2; }
	| WHERE WEND			{ $$ = ast_new(p, A_WHERE, L(@$)); }
	| string			{ $$ = $1; }
	| VAR				{ $$ = ast_str(p, A_VAR, L(@1), $1); }
	| cmdsub			{ $$ = $1; }
	| '(' exprs ')'			{ $$ = ast_new(p, A_PAREN, L(@$)); $$->a = $2; }
	| '{' block_body '}'		{ $$ = $2; $$->start = @$.start; $$->end = @$.end; }
	;

value	: WORD				{ $$ = ast_str(p, A_WORD, L(@1), $1); }
	| string			{ $$ = $1; }
	| VAR				{ $$ = ast_str(p, A_VAR, L(@1), $1); }
	| cmdsub			{ $$ = $1; }
	| '(' exprs ')'			{ $$ = ast_new(p, A_PAREN, L(@$)); $$->a = $2; }
	| '{' block_body '}'		{ $$ = $2; $$->start = @$.start; $$->end = @$.end; }
	;

cmdsub	: '[' block_body ']'		{ $$ = ast_new(p, A_CMDSUB, L(@$)); $$->a = $2; }
	;

string	: '"' strparts '"'		{ $$ = $2; $$->start = @$.start; $$->end = @$.end; }
	;

strparts: %empty			{ $$ = ast_new(p, A_STR, @$.start, @$.end); }
	| strparts strpart		{ $$ = ast_list_add($1, $2); }
	;

strpart	: STRPART			{ $$ = ast_str(p, A_LIT, L(@1), $1); }
	| VAR				{ $$ = ast_str(p, A_VAR, L(@1), $1); }
	| INTERP_PAREN expr ')'		{ $$ = ast_new(p, A_PAREN, L(@$)); $$->a = $2; }
	| INTERP_BRACKET block_body ']'	{ $$ = ast_new(p, A_CMDSUB, L(@$)); $$->a = $2; }
	;

/* ROS: juxtaposed expressions ("where a=1 b=2") are an implicit "and" */
exprs	: expr %prec JUXT		{ $$ = $1; }
	| exprs expr %prec JUXT		{ $$ = ast_bin(p, OP_AND, $1, $2); }
	;

expr	: primary			{ $$ = $1; }
	| expr '+' expr			{ $$ = ast_bin(p, OP_ADD, $1, $3); }
	| expr '-' expr			{ $$ = ast_bin(p, OP_SUB, $1, $3); }
	| expr '*' expr			{ $$ = ast_bin(p, OP_MUL, $1, $3); }
	| expr '/' expr			{ $$ = ast_bin(p, OP_DIV, $1, $3); }
	| expr '%' expr			{ $$ = ast_bin(p, OP_MOD, $1, $3); }
	| expr '.' expr			{ $$ = ast_bin(p, OP_CAT, $1, $3); }
	| expr ',' expr			{ $$ = ast_bin(p, OP_COMMA, $1, $3); }
	| expr '=' expr			{ $$ = ast_bin(p, OP_EQ, $1, $3); }
	| expr NE expr			{ $$ = ast_bin(p, OP_NE, $1, $3); }
	| expr '<' expr			{ $$ = ast_bin(p, OP_LT, $1, $3); }
	| expr '>' expr			{ $$ = ast_bin(p, OP_GT, $1, $3); }
	| expr LE expr			{ $$ = ast_bin(p, OP_LE, $1, $3); }
	| expr GE expr			{ $$ = ast_bin(p, OP_GE, $1, $3); }
	| expr IN expr			{ $$ = ast_bin(p, OP_IN, $1, $3); }
	| expr '~' expr			{ $$ = ast_bin(p, OP_REGEX, $1, $3); }
	| expr AND expr			{ $$ = ast_bin(p, OP_AND, $1, $3); }
	| expr OR expr			{ $$ = ast_bin(p, OP_OR, $1, $3); }
	| expr '&' expr			{ $$ = ast_bin(p, OP_BAND, $1, $3); }
	| expr '|' expr			{ $$ = ast_bin(p, OP_BOR, $1, $3); }
	| expr '^' expr			{ $$ = ast_bin(p, OP_BXOR, $1, $3); }
	| expr SHL expr			{ $$ = ast_bin(p, OP_SHL, $1, $3); }
	| expr SHR expr			{ $$ = ast_bin(p, OP_SHR, $1, $3); }
	| expr ARROW expr		{ $$ = ast_bin(p, OP_ARROW, $1, $3); }
	| '-' expr %prec UNARY		{ $$ = ast_un(p, OP_NEG, $2, @1.start); }
	| '!' expr			{ $$ = ast_un(p, OP_NOT, $2, @1.start); }
	| '~' expr %prec UNARY		{ $$ = ast_un(p, OP_BNOT, $2, @1.start); }
	| '>' expr %prec UNARY		{ $$ = ast_un(p, OP_QUOTE, $2, @1.start); }
	;

primary	: LIT				{ $$ = ast_str(p, A_LIT, L(@1), $1); }
	| IDENT				{ $$ = ast_str(p, A_IDENT, L(@1), $1); }
	| VAR				{ $$ = ast_str(p, A_VAR, L(@1), $1); }
	| string			{ $$ = $1; }
	| cmdsub			{ $$ = $1; }
	| '(' exprs ')'			{ $$ = ast_new(p, A_PAREN, L(@$)); $$->a = $2; }
	| '(' ')'			{ $$ = ast_new(p, A_PAREN, L(@$)); }
	| '{' block_body '}'		{ $$ = $2; $$->start = @$.start; $$->end = @$.end; }
	| cmdx %prec CMDX		{ $$ = ast_cmd_value(p, $1); }
	;

/*
 * ROS: a ":" command inside an expression, "(:typeof [$x] = "nil")" or
 * "(:totime 00:00:55)": its values are its arguments, up to an operator;
 * it is run like [ ] (scripting reference 1.1: ":" is the prefix of a
 * command).
 */
cmdx	: ICMD				{ $$ = ast_list_new(p, A_STMT, ast_str(p, A_WORD, L(@1), $1)); }
	| cmdx primary			{ $$ = ast_list_add($1, $2); }
	;

%%

static void
scr_yyerror(SCR_YYLTYPE *loc, void *scanner, struct scr_parser *p,
    const char *msg)
{
	(void)scanner;
	p->n_err++;
	if (p->err != NULL)
		return;
	/* ROS: the console reports every parse failure as "syntax error",
	 * an unclosed block as "missing closing brace" */
	if (strstr(msg, "unexpected end of file") && p->brace_depth > 0)
		p->err = xstrdup("missing closing brace");
	else
		p->err = xstrdup("syntax error");
	p->err_off = loc->start;
}
