/*
 * DOC: console - the interactive console (rosemu -i), on GNU readline.
 *
 * Owns the terminal while it runs: the prompt ("[admin@MikroTik]
 * /ip/firewall/mangle> "), TAB completion and "?"/F1 help (complete.c,
 * help.c: both from the schema), history in a file, Ctrl-C (cancels the
 * line being typed, or interrupts the running command: the script engine
 * stops at its next step and :delay stops waiting), Ctrl-D and /quit.
 *
 * Lines are collected until they form a complete text: an open '{', '(',
 * '[' or '"', or a trailing '\', asks for another line under a
 * continuation prompt listing what is open ("{... "), as RouterOS does.
 * A complete text runs like one console line (scr_run_text): the current
 * menu moves with it.  A bracketed paste is split into its lines, each
 * shown after its prompt and run as if typed, so a pasted export applies
 * line by line; TAB and '?' inside the paste are text.
 *
 * Readline runs in callback mode, so SIGINT reaches our handler and
 * the loop (poll) sees it; the terminal is handed back (deprepped) while a
 * command runs, so output and Ctrl-C behave as usual.  Without a terminal
 * on stdin the lines are read plain and echoed after their prompt.  Uses
 * readline's public API only.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "console_int.h"

/* ---- the prompt and open brackets ---- */

void
con_prompt(struct scr_env *env, struct strbuf *out)
{
	struct sch_node *id = sch_lookup("/system/identity");
	const char *name = NULL;
	char *path;

	if (id && !id->is_cmd) {
		struct cfg_row *rows = NULL;
		struct sch_menu *m = sch_menu_of(id);

		if (cfg_rows(env->cfg, m, &rows) > 0)
			name = cfg_get(rows[0].m, rows[0].it, "name");
		sb_addf(out, "[admin@%s] ", name ? name : "MikroTik");
		free(rows);
	} else
		sb_add(out, "[admin@MikroTik] ");
	if (env->cwd && env->cwd != sch_root()) {
		/* ROS: v7 writes the menu with slashes, v6 with spaces */
		path = sch_node_path(env->cwd, env->ros == 6 ? ' ' : '/');
		sb_add(out, path);
		free(path);
	}
	sb_add(out, "> ");
}

bool
con_incomplete(const char *text, size_t len, struct strbuf *open)
{
	char stack[256];
	size_t depth = 0, i, k;
	bool q = false, bs = false, word_start = true;

	for (i = 0; i < len; i++) {
		char c = text[i];

		if (q) {
			if (c == '\\')
				i++;	/* an escape, or "\" + newline */
			else if (c == '"') {
				q = false;
				depth--;
			}
			continue;
		}
		switch (c) {
		case '"':
			q = true;
			/* FALLTHROUGH */
		case '{': case '(': case '[':
			if (depth == sizeof(stack))
				return false;	/* the parser's problem */
			stack[depth++] = c;
			break;
		case '}': case ')': case ']':
			/* a stray closer is the parser's to report */
			if (depth == 0 || stack[depth - 1] !=
			    (c == '}' ? '{' : c == ')' ? '(' : '['))
				return false;
			depth--;
			break;
		case '#':
			/* a comment runs to the end of its line */
			if (word_start)
				while (i + 1 < len && text[i + 1] != '\n')
					i++;
			break;
		default:
			break;
		}
		word_start = c == ' ' || c == '\t' || c == '\n' || c == ';' ||
		    c == '{';
	}
	/* ROS: a last line ending in "\" (blanks may follow) continues */
	if (!q) {
		k = len;
		if (k && text[k - 1] == '\n')
			k--;
		while (k && (text[k - 1] == '\r' || text[k - 1] == ' ' ||
		    text[k - 1] == '\t'))
			k--;
		bs = k && text[k - 1] == '\\';
	}
	if (depth == 0 && !bs)
		return false;
	if (open) {
		sb_addn(open, stack, depth);
		if (bs)
			sb_addc(open, '\\');
	}
	return true;
}

/* ---- the session ---- */

struct con {
	struct scr_env *env;
	bool	 tty, color, quit;
	int	 rc;
	struct strbuf acc;	/* lines of an incomplete text */
	struct strbuf pend;	/* pasted text not run yet */
	char	*line;		/* readline's answer (owned) */
	bool	 got, eof;
	const char *hist;
	int64_t	 idle_since;	/* wall clock when the last command ended */
};

static struct con *cur;	/* for readline's callbacks */
static volatile sig_atomic_t got_sigint;

static void
on_sigint(int sig)
{
	(void)sig;
	scr_interrupt = 1;	/* a running command stops */
	got_sigint = 1;		/* the line being typed is dropped */
}

static int
term_width(void)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 0;
}

/*
 * :delay in the console takes real time (env->delay); Ctrl-C ends it.
 * Sleeps in short slices so the interrupt is seen at once.
 */
static int64_t
real_delay(struct scr_env *env, int64_t ns)
{
	struct timespec t0, t;
	int64_t done = 0;

	(void)env;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (done < ns && !scr_interrupt) {
		int64_t left = ns - done;
		struct timespec s = { 0, left < 50000000 ? (long)left :
		    50000000L };

		nanosleep(&s, NULL);
		clock_gettime(CLOCK_MONOTONIC, &t);
		done = (int64_t)(t.tv_sec - t0.tv_sec) * 1000000000LL +
		    (t.tv_nsec - t0.tv_nsec);
	}
	if (scr_interrupt) {
		scr_interrupt = 0;	/* :delay reports it itself */
		return done < ns ? done : ns - 1;
	}
	return ns;
}

static bool
is_quit(const char *l)
{
	while (*l == ' ' || *l == '\t')
		l++;
	if (*l == '/' || *l == ':')
		l++;
	if (strncmp(l, "quit", 4) != 0)
		return false;
	for (l += 4; *l == ' ' || *l == '\t' || *l == '\r'; l++)
		;
	return *l == '\0';
}

static void
print_err(struct con *c, const char *msg)
{
	/* ROS: errors print in the console's output, on a line of their own */
	if (c->color)
		printf("\033[31m%s\033[0m\n", msg);
	else
		printf("%s\n", msg);
}

static int64_t
wall_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void
run_acc(struct con *c)
{
	struct scr_env *env = c->env;

	/*
	 * On a terminal the router's clock runs while you think: the time
	 * since the last command moves it (check-gateway, netwatch, the
	 * scheduler and DHCP renewals run on the way, as on a router).
	 * Piped input keeps it still, so transcripts stay the same.
	 */
	if (c->tty) {
		int64_t now = wall_ns();

		if (c->idle_since > 0 && now > c->idle_since)
			scr_clock_advance(env, env->now + (now -
			    c->idle_since));
	}
	env->term_width = c->tty ? term_width() : 0;
	fflush(stdout);
	if (scr_run_text(env, NULL, c->acc.buf, c->acc.len) < 0) {
		print_err(c, env->err);
		c->rc = 1;
	}
	fflush(env->out);
	fflush(stdout);
	sb_reset(&c->acc);
	/* a Ctrl-C during the command was for the command */
	got_sigint = 0;
	scr_interrupt = 0;
	c->idle_since = wall_ns();
}

/* one physical line as typed (no newline) */
static void
feed(struct con *c, const char *line)
{
	if (c->acc.len == 0 && is_quit(line)) {
		c->quit = true;
		return;
	}
	sb_add(&c->acc, line);
	sb_addc(&c->acc, '\n');
	if (con_incomplete(c->acc.buf, c->acc.len, NULL))
		return;
	run_acc(c);
}

/* the prompt for the next line: the menu, or what is still open */
static char *
next_prompt(struct con *c)
{
	struct strbuf sb = STRBUF_INIT;

	if (c->acc.len && con_incomplete(c->acc.buf, c->acc.len, &sb))
		sb_add(&sb, "... ");
	else {
		sb_reset(&sb);
		con_prompt(c->env, &sb);
	}
	return sb_steal(&sb);
}

static void
remember(struct con *c, const char *line)
{
	HIST_ENTRY *h;

	if (!c->tty || line[0] == '\0')
		return;
	h = history_length ? history_get(history_base + history_length - 1) :
	    NULL;
	if (h == NULL || strcmp(h->line, line) != 0)
		add_history(line);
}

/* ---- readline glue ---- */

static char **
rl_complete_cb(const char *text, int start, int end)
{
	struct con_cands cc;
	char **m;
	size_t i, k, lcp;
	size_t pre;

	(void)text;
	rl_attempted_completion_over = 1;	/* never file names */
	con_complete(cur->env, rl_line_buffer, (size_t)end, &cc);
	if (cc.n == 0 || cc.start < (size_t)start) {
		con_cands_fini(&cc);
		return NULL;
	}
	/* readline replaces from start: keep what lies before our word */
	pre = cc.start - (size_t)start;
	m = xcalloc(cc.n + 2, sizeof(*m));
	for (i = 0; i < cc.n; i++) {
		struct strbuf sb = STRBUF_INIT;

		sb_addn(&sb, rl_line_buffer + start, pre);
		sb_add(&sb, cc.v[i]);
		m[i + 1] = sb_steal(&sb);
	}
	lcp = strlen(m[1]);
	for (i = 2; i <= cc.n; i++) {
		for (k = 0; k < lcp && m[i][k] == m[1][k]; k++)
			;
		lcp = k;
	}
	m[0] = xstrndup(m[1], lcp);
	if (cc.n == 1) {
		free(m[0]);
		m[0] = m[1];
		m[1] = NULL;
	}
	/* "chain=" waits for its value; a word gets its space */
	rl_completion_append_character =
	    cc.n == 1 && lcp && m[0][lcp - 1] == '=' ? '\0' : ' ';
	con_cands_fini(&cc);
	return m;
}

/* "?" (and F1): help for the text before the cursor, the line kept */
static int
rl_help_cb(int count, int key)
{
	struct strbuf sb = STRBUF_INIT;
	struct con_ctx x;
	int rows, cols;

	(void)count;
	con_analyse(cur->env, rl_line_buffer, (size_t)rl_point, &x);
	if (x.in_string && key == '?') {
		/* ROS v7: inside a string '?' is text */
		rl_insert_text("?");
		return 0;
	}
	rl_get_screen_size(&rows, &cols);
	con_help(cur->env, rl_line_buffer, (size_t)rl_point, cols, &sb);
	rl_crlf();
	fputs(sb_str(&sb), rl_outstream);
	fflush(rl_outstream);
	sb_fini(&sb);
	rl_on_new_line();
	return 0;
}

/*
 * Bracketed paste ("\e[200~" ... "\e[201~"): the text is kept out of
 * readline's key bindings.  Without a newline it is inserted; with one,
 * the line is accepted up to the first newline and the rest waits in
 * c->pend, to run line by line as if typed.
 */
static int
rl_paste_cb(int count, int key)
{
	static const char endseq[] = "\033[201~";
	struct strbuf sb = STRBUF_INIT;
	size_t m = 0, i;
	char *nl;

	(void)count;
	(void)key;
	for (;;) {
		int ch = rl_read_key();

		if (ch <= 0)
			break;
		if ((char)ch == endseq[m]) {
			if (++m == sizeof(endseq) - 1)
				break;
			continue;
		}
		if (m) {
			sb_addn(&sb, endseq, m);
			m = (char)ch == endseq[0] ? 1 : 0;
			if (m)
				continue;
		}
		sb_addc(&sb, (char)ch);
	}
	/* terminals send CR for a pasted newline */
	for (i = 0; i < sb.len; i++)
		if (sb.buf[i] == '\r') {
			if (i + 1 < sb.len && sb.buf[i + 1] == '\n')
				memmove(sb.buf + i, sb.buf + i + 1,
				    sb.len-- - i);
			else
				sb.buf[i] = '\n';
		}
	nl = sb.len ? memchr(sb.buf, '\n', sb.len) : NULL;
	if (nl == NULL) {
		if (sb.len)
			rl_insert_text(sb.buf);
		sb_fini(&sb);
		return 0;
	}
	*nl = '\0';
	rl_insert_text(sb.buf);
	sb_add(&cur->pend, nl + 1);
	sb_fini(&sb);
	rl_point = rl_end;
	rl_redisplay();		/* the first line shows after its prompt */
	return rl_newline(1, '\n');
}

static void
rl_line_cb(char *line)
{
	cur->line = line;
	cur->got = true;
	cur->eof = line == NULL;
	rl_callback_handler_remove();
}

static char word_breaks[] = " \t\n;{}[]()=,!/\"";

static void
rl_setup(void)
{
	rl_readline_name = "rosemu";
	rl_catch_signals = 0;		/* Ctrl-C is ours (on_sigint) */
	rl_attempted_completion_function = rl_complete_cb;
	rl_completer_word_break_characters = word_breaks;
	rl_completion_query_items = 500;
	rl_variable_bind("enable-bracketed-paste", "on");
	rl_bind_key('?', rl_help_cb);
	rl_bind_keyseq("\\eOP", rl_help_cb);		/* F1 */
	rl_bind_keyseq("\\e[11~", rl_help_cb);
	rl_bind_keyseq("\\e[200~", rl_paste_cb);
	stifle_history(1000);
}

/* one line from readline (NULL at Ctrl-D); Ctrl-C: *cancel */
static char *
read_line(struct con *c, const char *prompt, const char *preinput,
    bool *cancel)
{
	sigset_t intr, open;

	*cancel = false;
	c->got = false;
	c->line = NULL;
	/*
	 * SIGINT is blocked except inside ppoll(), so a Ctrl-C between the
	 * check and the wait cannot be lost.
	 */
	sigemptyset(&intr);
	sigaddset(&intr, SIGINT);
	sigprocmask(SIG_BLOCK, &intr, &open);
	sigdelset(&open, SIGINT);
	rl_callback_handler_install(prompt, rl_line_cb);
	if (preinput && *preinput) {
		rl_insert_text(preinput);
		rl_redisplay();
	}
	while (!c->got) {
		struct pollfd p = { STDIN_FILENO, POLLIN, 0 };
		int r;

		if (got_sigint) {
			/* ROS: Ctrl-C drops the line being typed */
			got_sigint = 0;
			scr_interrupt = 0;
			rl_free_line_state();
			rl_callback_sigcleanup();
			rl_replace_line("", 1);
			rl_callback_handler_remove();
			fputs("\n", stdout);
			*cancel = true;
			break;
		}
		r = ppoll(&p, 1, NULL, &open);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0 || (p.revents & (POLLERR | POLLNVAL))) {
			rl_callback_handler_remove();
			break;
		}
		rl_callback_read_char();
	}
	sigprocmask(SIG_UNBLOCK, &intr, NULL);
	return *cancel ? NULL : c->line;
}

static void
run_tty(struct con *c)
{
	while (!c->quit) {
		char *prompt, *line, *nl, *pre;
		bool cancel;

		prompt = next_prompt(c);
		/* a pasted line waiting: shown after its prompt, then run */
		if (c->pend.len && (nl = strchr(c->pend.buf, '\n')) != NULL) {
			size_t l = (size_t)(nl - c->pend.buf);

			line = xstrndup(c->pend.buf, l);
			memmove(c->pend.buf, nl + 1, c->pend.len - l);
			c->pend.len -= l + 1;
			printf("%s%s\n", prompt, line);
			free(prompt);
			remember(c, line);
			feed(c, line);
			free(line);
			continue;
		}
		/* the rest of a paste after its last newline: to edit */
		pre = c->pend.len ? sb_steal(&c->pend) : NULL;
		line = read_line(c, prompt, pre, &cancel);
		free(pre);
		free(prompt);
		if (cancel) {
			sb_reset(&c->acc);	/* and an unfinished block */
			continue;
		}
		if (line == NULL) {		/* Ctrl-D */
			fputs("\n", stdout);
			break;
		}
		remember(c, line);
		feed(c, line);
		free(line);
	}
}

/* no terminal: plain lines, each echoed after its prompt */
static void
run_plain(struct con *c)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	for (;;) {
		char *prompt = next_prompt(c);

		fputs(prompt, stdout);
		free(prompt);
		fflush(stdout);
		errno = 0;
		n = getline(&line, &cap, stdin);
		if (n < 0) {
			if (errno == EINTR && got_sigint) {
				got_sigint = 0;
				scr_interrupt = 0;
				clearerr(stdin);
				sb_reset(&c->acc);
				fputs("\n", stdout);
				continue;
			}
			break;
		}
		while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		printf("%s\n", line);
		feed(c, line);
		if (c->quit)
			break;
	}
	fputs("\n", stdout);
	/* an unfinished block at the end: the parser says what is missing */
	if (c->acc.len)
		run_acc(c);
	free(line);
}

static bool
want_color(int opt)
{
	const char *t = getenv("TERM");

	if (opt >= 0)
		return opt;
	if (getenv("NO_COLOR") && *getenv("NO_COLOR"))
		return false;
	return isatty(STDOUT_FILENO) && t && *t && strcmp(t, "dumb") != 0;
}

int
con_run(struct scr_env *env, const struct con_opts *o)
{
	struct con c;
	struct sigaction sa, old;

	memset(&c, 0, sizeof(c));
	c.env = env;
	c.tty = isatty(STDIN_FILENO);
	c.color = c.tty && want_color(o ? o->color : -1);
	c.hist = o ? o->history_file : NULL;
	c.idle_since = wall_ns();
	cur = &c;
	if (env->cwd == NULL)
		env->cwd = sch_root();
	env->delay = real_delay;
	/* no SA_RESTART: a Ctrl-C must wake poll() and getline() */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sigint;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old);
	if (c.tty) {
		rl_setup();
		if (c.hist)
			read_history(c.hist);
		run_tty(&c);
		if (c.hist) {
			write_history(c.hist);
			history_truncate_file(c.hist, 1000);
		}
	} else
		run_plain(&c);
	fflush(stdout);
	sigaction(SIGINT, &old, NULL);
	env->delay = NULL;
	env->term_width = 0;
	sb_fini(&c.acc);
	sb_fini(&c.pend);
	cur = NULL;
	return c.rc;
}
