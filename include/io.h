/*
 * io.h - frames in and out of the emulator (DESIGN.md "src/io/").
 *
 * pcap files are read with libpcap and always yield Ethernet II frames
 * with nanosecond timestamps; several captures are merged by timestamp.
 * Output is one pcap file per interface (DLT_EN10MB, nanosecond
 * timestamps taken from the virtual clock).  io/ feeds engine/, never the
 * other way round.  Errors are returned as text appended to a strbuf
 * (which may be NULL); nothing here prints.
 */
#ifndef ROSEMU_IO_H
#define ROSEMU_IO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct strbuf;

struct io_frame {
	int64_t	 ts;		/* ns since the epoch, from the capture */
	uint8_t	*buf;		/* Ethernet frame, owned by the reader and
				 * writable; valid until its next read */
	size_t	 len;		/* bytes captured (after conversion) */
	size_t	 wire_len;	/* original length on the wire */
	int	 src;		/* io_merge: index of the input */
};

/* ---- reading ---- */

struct io_pcap_in;

/*
 * Opens a capture (pcap or pcapng).  Link types: Ethernet as is; Linux
 * cooked (SLL, SLL2), raw IP (DLT_RAW, IPV4, IPV6) and BSD loopback
 * (NULL, LOOP) get a synthetic Ethernet header (zero MAC addresses unless
 * the capture names the sender, the EtherType from the protocol).
 * NULL and a message in err on failure.  Owned: io_pcap_close().
 */
struct io_pcap_in *io_pcap_open(const char *path, struct strbuf *err);
/*
 * The next frame: 1, 0 at the end, -1 on a read error (message in err).
 * Frames of unknown protocol in a converted link type are returned with
 * EtherType 0 (the engine counts them as non-IP).  A snapped frame has
 * len < wire_len; the decoder then sees it as truncated.
 */
int	 io_pcap_next(struct io_pcap_in *, struct io_frame *out,
	    struct strbuf *err);
int	 io_pcap_linktype(const struct io_pcap_in *);	/* DLT_* */
void	 io_pcap_close(struct io_pcap_in *);		/* NULL: no-op */

/*
 * Merge of several captures by timestamp.  Ties, and frames whose
 * timestamps go backwards within a file, keep input order: the frame
 * with the smallest (ts, input index) among the inputs' next frames
 * comes first.  out->src is the input's index (order of io_merge_add).
 */
struct io_merge;

struct io_merge *io_merge_new(void);
/* takes ownership of in (closed by io_merge_free); returns its index */
int	 io_merge_add_take(struct io_merge *, struct io_pcap_in *in);
int	 io_merge_next(struct io_merge *, struct io_frame *out,
	    struct strbuf *err);			/* as io_pcap_next */
void	 io_merge_free(struct io_merge *);

/* ---- writing ---- */

struct io_pcap_out;

/* Creates (truncates) path as a nanosecond pcap of DLT_EN10MB frames. */
struct io_pcap_out *io_pcap_create(const char *path, struct strbuf *err);
/* ts in ns (negative: written as 0); 0, or -1 with a message */
int	 io_pcap_write(struct io_pcap_out *, int64_t ts, const uint8_t *buf,
	    size_t len, struct strbuf *err);
/* flushes and closes; -1 with a message if the data did not reach the
 * file.  NULL: no-op, returns 0 */
int	 io_pcap_out_close(struct io_pcap_out *, struct strbuf *err);

/*
 * One output file per interface, DIR/<name>.pcap ('/' in a name becomes
 * '_'), created on the first frame or by io_pcap_dir_touch() (so an
 * interface that sent nothing still gets an empty capture).
 */
struct io_pcap_dir;

struct io_pcap_dir *io_pcap_dir_new(const char *dir);
int	 io_pcap_dir_touch(struct io_pcap_dir *, const char *ifname,
	    struct strbuf *err);
int	 io_pcap_dir_write(struct io_pcap_dir *, const char *ifname,
	    int64_t ts, const uint8_t *buf, size_t len, struct strbuf *err);
/* closes every file; -1 if any failed (messages in err) */
int	 io_pcap_dir_free(struct io_pcap_dir *, struct strbuf *err);

/* ---- TAP devices (src/io/tap.c; Linux) ---- */

/* creates (or attaches to) TAP device name, sets it up: fd or -1 */
int	 io_tap_open(const char *name, struct strbuf *err);
/* one frame into buf: 1, 0 when none waits, -1 on error */
int	 io_tap_read(int fd, uint8_t *buf, size_t size, size_t *len,
	    struct strbuf *err);
int	 io_tap_write(int fd, const uint8_t *buf, size_t len,
	    struct strbuf *err);

#endif
