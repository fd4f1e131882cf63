/*
 * vt.h - drive rosemu's console on a pseudo-terminal, as a user would,
 * and read the screen back (tests/console/check_pty, tests/bench/constart).
 *
 * The child gets a fixed terminal (80x24, TERM=xterm unless told, no
 * inputrc, its own HOME), so results do not depend on the host terminal.
 * Output goes through a small screen model (printable text, CR/LF/BS/TAB,
 * the cursor and erase sequences readline uses; other escapes ignored),
 * so tests compare what the user would see, not escape codes.
 */
#ifndef ROSEMU_TEST_VT_H
#define ROSEMU_TEST_VT_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#define PTY_ROWS	24
#define PTY_COLS	80

struct pty {
	int	 fd;			/* master side */
	pid_t	 pid;
	char	 scr[PTY_ROWS][PTY_COLS + 1];
	int	 row, col;
	int	 esc;			/* escape parser state */
	char	 par[32];
	size_t	 npar;
	char	*log;			/* everything seen, escapes stripped */
	size_t	 loglen, logcap;
	size_t	 mark;			/* pty_expect searches from here */
	int	 status;		/* after pty_wait */
};

/*
 * Starts argv[0] (a path) with argv on a new pty; env: extra "NAME=value"
 * strings (NULL-terminated, may be NULL).  Returns 0 or -1.
 */
int	 pty_spawn(struct pty *, char *const argv[], char *const env[]);
/* Writes s as typed (raw bytes: "\t", "\003", "\033[A" ...). */
void	 pty_send(struct pty *, const char *s);
/*
 * Reads until text appears in the output since the last mark (escapes
 * stripped, so it may span lines) or ms milliseconds pass; on success the
 * mark moves past it.  Returns true if it appeared.
 */
bool	 pty_expect(struct pty *, const char *text, int ms);
/* Reads whatever arrives within ms. */
void	 pty_drain(struct pty *, int ms);
/* The screen row the cursor is on, trailing blanks cut (static buffer). */
const char *pty_cur_line(struct pty *);
/* Whether any screen row contains text. */
bool	 pty_screen_has(struct pty *, const char *text);
/* Waits up to ms for the child to exit; returns true if it did. */
bool	 pty_wait(struct pty *, int ms);
void	 pty_close(struct pty *);
/* The screen as text, for failure messages (static buffer). */
const char *pty_dump(struct pty *);

#endif
