/*
 * DOC: tap - Linux TAP devices as the router's interfaces (live mode).
 *
 * Each RouterOS interface given with --tap IFACE=NAME is a TAP device
 * (/dev/net/tun, IFF_TAP | IFF_NO_PI): what the kernel side sends is a
 * frame arriving on IFACE, and a frame the engine sends out of IFACE is
 * written to it.  The device is created in rosemu's own network
 * namespace and set up; tests move its kernel side into a namespace of
 * their own (the descriptor keeps working there).  Errors go to err as
 * text; nothing here prints.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <linux/if.h>
#include <linux/if_tun.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include "io.h"
#include "util.h"

int
io_tap_open(const char *name, struct strbuf *err)
{
	struct ifreq ifr;
	int fd, s;

	if (strlen(name) >= IFNAMSIZ) {
		sb_addf(err, "%s: interface name too long", name);
		return -1;
	}
	if ((fd = open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC)) < 0) {
		sb_addf(err, "/dev/net/tun: %s", strerror(errno));
		return -1;
	}
	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_flags = IFF_TAP | IFF_NO_PI;
	memcpy(ifr.ifr_name, name, strlen(name));
	if (ioctl(fd, TUNSETIFF, &ifr) < 0) {
		sb_addf(err, "%s: %s", name, strerror(errno));
		close(fd);
		return -1;
	}
	/* the kernel side up, so what it sends reaches us */
	if ((s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0)) >= 0) {
		if (ioctl(s, SIOCGIFFLAGS, &ifr) == 0) {
			ifr.ifr_flags |= IFF_UP;
			(void)ioctl(s, SIOCSIFFLAGS, &ifr);
		}
		close(s);
	}
	return fd;
}

/* one frame, 1; 0 when none is waiting; -1 on error */
int
io_tap_read(int fd, uint8_t *buf, size_t size, size_t *len,
    struct strbuf *err)
{
	ssize_t n = read(fd, buf, size);

	if (n < 0) {
		if (errno == EAGAIN || errno == EINTR)
			return 0;
		sb_addf(err, "tap read: %s", strerror(errno));
		return -1;
	}
	*len = (size_t)n;
	return 1;
}

/* a full device queue drops the frame, as a busy link would */
int
io_tap_write(int fd, const uint8_t *buf, size_t len, struct strbuf *err)
{
	ssize_t n = write(fd, buf, len);

	if (n < 0 && errno != EAGAIN && errno != EINTR && errno != EIO) {
		sb_addf(err, "tap write: %s", strerror(errno));
		return -1;
	}
	return 0;
}
