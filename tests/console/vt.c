/*
 * DOC: vt - a pseudo-terminal driver and screen model for console tests.
 * See vt.h.  The screen model knows what GNU readline sends to an xterm
 * or a dumb terminal: text, CR, LF, BS, TAB, BEL, CSI A/B/C/D (cursor),
 * K (erase in line), J (erase display), H (home), P/@ (delete/insert
 * characters); every other CSI or OSC sequence is read and ignored.
 */
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "vt.h"

static void
clear_row(struct pty *p, int r, int from)
{
	memset(p->scr[r] + from, ' ', (size_t)(PTY_COLS - from));
	p->scr[r][PTY_COLS] = '\0';
}

static void
scroll_up(struct pty *p)
{
	memmove(p->scr[0], p->scr[1], sizeof(p->scr[0]) * (PTY_ROWS - 1));
	clear_row(p, PTY_ROWS - 1, 0);
}

static void
newline(struct pty *p)
{
	if (++p->row == PTY_ROWS) {
		scroll_up(p);
		p->row = PTY_ROWS - 1;
	}
}

static void
logc(struct pty *p, char c)
{
	if (p->loglen + 2 > p->logcap) {
		p->logcap = p->logcap ? p->logcap * 2 : 4096;
		p->log = realloc(p->log, p->logcap);
		if (p->log == NULL)
			abort();
	}
	p->log[p->loglen++] = c;
	p->log[p->loglen] = '\0';
}

static void
csi(struct pty *p, char fin)
{
	int n = atoi(p->par[0] == '?' ? p->par + 1 : p->par), i;

	switch (fin) {
	case 'A':
		p->row -= n ? n : 1;
		if (p->row < 0)
			p->row = 0;
		break;
	case 'B':
		p->row += n ? n : 1;
		if (p->row >= PTY_ROWS)
			p->row = PTY_ROWS - 1;
		break;
	case 'C':
		p->col += n ? n : 1;
		if (p->col >= PTY_COLS)
			p->col = PTY_COLS - 1;
		break;
	case 'D':
		p->col -= n ? n : 1;
		if (p->col < 0)
			p->col = 0;
		break;
	case 'K':
		if (n == 0)
			clear_row(p, p->row, p->col);
		else if (n == 1)
			memset(p->scr[p->row], ' ', (size_t)p->col + 1);
		else
			clear_row(p, p->row, 0);
		break;
	case 'J':
		if (n == 2)
			for (i = 0; i < PTY_ROWS; i++)
				clear_row(p, i, 0);
		else {
			clear_row(p, p->row, p->col);
			for (i = p->row + 1; i < PTY_ROWS; i++)
				clear_row(p, i, 0);
		}
		break;
	case 'H':
		p->row = p->col = 0;
		if (p->par[0]) {
			char *semi = strchr(p->par, ';');

			p->row = n ? n - 1 : 0;
			p->col = semi && atoi(semi + 1) ? atoi(semi + 1) - 1 :
			    0;
		}
		break;
	case 'P':
		n = n ? n : 1;
		if (n > PTY_COLS - p->col)
			n = PTY_COLS - p->col;
		memmove(p->scr[p->row] + p->col, p->scr[p->row] + p->col + n,
		    (size_t)(PTY_COLS - p->col - n));
		memset(p->scr[p->row] + PTY_COLS - n, ' ', (size_t)n);
		break;
	case '@':
		n = n ? n : 1;
		if (n > PTY_COLS - p->col)
			n = PTY_COLS - p->col;
		memmove(p->scr[p->row] + p->col + n, p->scr[p->row] + p->col,
		    (size_t)(PTY_COLS - p->col - n));
		memset(p->scr[p->row] + p->col, ' ', (size_t)n);
		break;
	default:
		break;		/* colours, modes: nothing on the screen */
	}
}

static void
feed(struct pty *p, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char c = b[i];

		switch (p->esc) {
		case 1:		/* after ESC */
			if (c == '[') {
				p->esc = 2;
				p->npar = 0;
				p->par[0] = '\0';
			} else if (c == ']')
				p->esc = 3;
			else
				p->esc = 0;	/* ESC =, ESC > ... */
			continue;
		case 2:		/* CSI parameters */
			if ((c >= '0' && c <= '9') || c == ';' || c == '?' ||
			    c == '>') {
				if (p->npar + 1 < sizeof(p->par)) {
					p->par[p->npar++] = c;
					p->par[p->npar] = '\0';
				}
				continue;
			}
			csi(p, c);
			p->esc = 0;
			continue;
		case 3:		/* OSC: up to BEL or ESC \ */
			if (c == '\a')
				p->esc = 0;
			else if (c == '\033')
				p->esc = 1;
			continue;
		default:
			break;
		}
		switch (c) {
		case '\033':
			p->esc = 1;
			break;
		case '\r':
			p->col = 0;
			break;
		case '\n':
			newline(p);
			logc(p, '\n');
			break;
		case '\b':
			if (p->col > 0)
				p->col--;
			break;
		case '\t':
			p->col = (p->col / 8 + 1) * 8;
			if (p->col >= PTY_COLS)
				p->col = PTY_COLS - 1;
			break;
		case '\a':
			break;
		default:
			if ((unsigned char)c < ' ')
				break;
			if (p->col >= PTY_COLS) {	/* wrap */
				p->col = 0;
				newline(p);
			}
			p->scr[p->row][p->col++] = c;
			logc(p, c);
			break;
		}
	}
}

int
pty_spawn(struct pty *p, char *const argv[], char *const env[])
{
	struct winsize ws = { PTY_ROWS, PTY_COLS, 0, 0 };
	int i;

	memset(p, 0, sizeof(*p));
	for (i = 0; i < PTY_ROWS; i++)
		clear_row(p, i, 0);
	p->pid = forkpty(&p->fd, NULL, NULL, &ws);
	if (p->pid < 0)
		return -1;
	if (p->pid == 0) {
		setenv("TERM", "xterm", 1);
		setenv("INPUTRC", "/dev/null", 1);
		unsetenv("NO_COLOR");
		unsetenv("COLUMNS");
		unsetenv("LINES");
		for (i = 0; env && env[i]; i++)
			putenv(env[i]);
		execv(argv[0], argv);
		_exit(127);
	}
	return 0;
}

void
pty_send(struct pty *p, const char *s)
{
	size_t n = strlen(s);

	while (n) {
		ssize_t w = write(p->fd, s, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

static long
now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000L + t.tv_nsec / 1000000L;
}

/* reads for up to ms; false at EOF (child gone) */
static bool
read_some(struct pty *p, int ms)
{
	struct pollfd f = { p->fd, POLLIN, 0 };
	char b[4096];
	ssize_t n;

	if (poll(&f, 1, ms) <= 0)
		return true;
	n = read(p->fd, b, sizeof(b));
	if (n <= 0)
		return false;
	feed(p, b, (size_t)n);
	return true;
}

bool
pty_expect(struct pty *p, const char *text, int ms)
{
	long end = now_ms() + ms;

	for (;;) {
		char *hit = p->log ? strstr(p->log + p->mark, text) : NULL;
		long left;

		if (hit) {
			p->mark = (size_t)(hit - p->log) + strlen(text);
			return true;
		}
		left = end - now_ms();
		if (left <= 0 || !read_some(p, (int)(left < 50 ? left : 50)))
			return p->log && strstr(p->log + p->mark, text);
	}
}

void
pty_drain(struct pty *p, int ms)
{
	long end = now_ms() + ms;

	while (now_ms() < end && read_some(p, 20))
		;
}

const char *
pty_cur_line(struct pty *p)
{
	static char b[PTY_COLS + 1];
	size_t n;

	memcpy(b, p->scr[p->row], sizeof(b));
	n = strlen(b);
	while (n && b[n - 1] == ' ')
		b[--n] = '\0';
	return b;
}

bool
pty_screen_has(struct pty *p, const char *text)
{
	int i;

	for (i = 0; i < PTY_ROWS; i++)
		if (strstr(p->scr[i], text))
			return true;
	return false;
}

bool
pty_wait(struct pty *p, int ms)
{
	long end = now_ms() + ms;

	while (now_ms() < end) {
		pid_t r = waitpid(p->pid, &p->status, WNOHANG);

		if (r == p->pid) {
			p->pid = 0;
			return true;
		}
		read_some(p, 20);
	}
	return false;
}

void
pty_close(struct pty *p)
{
	if (p->pid > 0) {
		kill(p->pid, SIGKILL);
		waitpid(p->pid, &p->status, 0);
		p->pid = 0;
	}
	if (p->fd > 0)
		close(p->fd);
	free(p->log);
	p->log = NULL;
}

const char *
pty_dump(struct pty *p)
{
	static char b[PTY_ROWS * (PTY_COLS + 1) + 1];
	size_t k = 0;
	int i;

	for (i = 0; i < PTY_ROWS; i++) {
		size_t n = strlen(p->scr[i]);

		while (n && p->scr[i][n - 1] == ' ')
			n--;
		memcpy(b + k, p->scr[i], n);
		k += n;
		b[k++] = '\n';
	}
	b[k] = '\0';
	return b;
}
