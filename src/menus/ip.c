/*
 * DOC: ip menus - /ip address, /ip route (+ v6 rule), /ip dns (+ static),
 * /ip pool, /ip dhcp-server (+ network, lease), /ip dhcp-client.
 *
 * Defaults and export exceptions follow reference/routeros-engine.md §6.7:
 * /ip address exports its computed network=, v6 /ip route always exports
 * distance=1, /ip dhcp-client exports disabled=no (its default is yes on
 * add from the CLI in v6: we keep whatever was written).
 */
#include <stdio.h>
#include <string.h>

#include "schema.h"

static const struct sch_type vt_route_type = { "type", VK_ENUM,
    "blackhole|prohibit|unicast|unreachable", 1, 0 };
static const struct sch_type vt_check_gw = { "check-gateway", VK_ENUM,
    "arp|bfd|bfd-multihop|none|ping", 1, 0 };
static const struct sch_type vt_scope = { "integer", VK_NUM, NULL, 0, 255 };

/* network= is computed from address= when not given */
static int
address_validate(struct sch_val *v, const struct sch_prop *p, size_t n,
    const char **err)
{
	size_t i;
	int ia = -1, in = -1;

	(void)err;
	for (i = 0; i < n; i++) {
		if (strcmp(p[i].name, "address") == 0)
			ia = (int)i;
		else if (strcmp(p[i].name, "network") == 0)
			in = (int)i;
	}
	if (ia >= 0 && in >= 0 && v[ia].text && v[in].text == NULL) {
		struct strbuf sb = STRBUF_INIT;
		uint32_t plen = v[ia].u.ip4.plen;
		uint32_t m = plen ? 0xffffffffu << (32 - plen) : 0;

		sch_ip4_print(v[ia].u.ip4.lo & m, &sb);
		v[in].text = sb_steal(&sb);
		v[in].u.ip4.lo = v[ia].u.ip4.lo & m;
		v[in].u.ip4.hi = v[in].u.ip4.lo;
		v[in].u.ip4.plen = 32;
	}
	return 0;
}

static const struct sch_prop address_props[] = {
	{ "address", &vt_addr, P_REQ, NULL },
	{ "network", &vt_ip, P_KEEP, NULL },
	{ "interface", &vt_name, P_REQ, NULL },
	{ "broadcast", &vt_ip, P_V6 | P_NOEXP, NULL },
	{ "netmask", &vt_ip, P_V6 | P_NOEXP, NULL },
	{ "comment", &vt_text, 0, NULL },
	{ "disabled", &vt_bool, 0, "no" },
	{ NULL, NULL, 0, NULL }
};

const struct sch_menu_def menu_ip_address = {
	.path = "/ip/address", .props = address_props, .style = PS_TABLE,
	.columns = "address:18 network:15 interface:*",
	.flags6 = "X disabled,I invalid,D dynamic",
	.flags7 = "X disabled,I invalid;D dynamic",
	.unique = "address interface",
	.validate = address_validate,
};

static const struct sch_prop route_props[] = {
	{ "dst-address", &vt_ip_prefix, P_SHOW, "0.0.0.0/0" },
	/* v7 print detail: routing-table follows dst-address */
	{ "routing-table", &vt_name, P_V7 | P_SHOW, "main" },
	{ "pref-src", &vt_text, 0, NULL },
	{ "gateway", &vt_text, 0, NULL },
	{ "gateway-status", &vt_text, P_RO | P_NOEXP | P_V6, NULL },
	{ "check-gateway", &vt_check_gw, 0, NULL },
	{ "type", &vt_route_type, P_V6, NULL },
	{ "blackhole", &vt_text, P_V7 | P_FLAG, NULL },
	{ "distance", &vt_distance, P_KEEP | P_SHOW, "1" },
	{ "scope", &vt_scope, P_SHOW, "30" },
	{ "target-scope", &vt_scope, P_SHOW, "10" },
	{ "routing-mark", &vt_name, P_V6, NULL },
	{ "vrf-interface", &vt_name, 0, NULL },
	{ "suppress-hw-offload", &vt_bool, P_V7 | P_SHOW, "no" },
	{ "comment", &vt_text, 0, NULL },
	{ "disabled", &vt_bool, 0, "no" },
	{ NULL, NULL, 0, NULL }
};

const struct sch_menu_def menu_ip_route = {
	.path = "/ip/route", .props = route_props, .style = PS_TABLE,
	.columns = "dst-address:18 pref-src:15 gateway:18 distance:8r",
	.columns7 = "dst-address gateway routing-table distance:r",
	/* engine §5.6; v6 flag columns X/A, D, C/S/r/b/o/m, B/U/P */
	.flags6 = "X disabled,A active;D dynamic;"
	    "C connect,S static,r rip,b bgp,o ospf,m mme;"
	    "B blackhole,U unreachable,P prohibit",
	.flags7 = "D dynamic;X disabled,I inactive,A active;"
	    "c connect,s static,r rip,b bgp,o ospf,i is-is,d dhcp,v vpn,"
	    "m modem,y bgp-mpls-vpn;H hw-offloaded;+ ecmp",
	.sort = "dst-address routing-mark routing-table",
	.nonum_dynamic7 = true,
};

static const struct sch_type vt_rule_action = { "action", VK_ENUM,
    "drop|lookup|lookup-only-in-table|unreachable", 1, 0 };

static const struct sch_prop route_rule_props[] = {
	{ "src-address", &vt_ip_prefix, 0, NULL },
	{ "dst-address", &vt_ip_prefix, 0, NULL },
	{ "routing-mark", &vt_name, 0, NULL },
	{ "interface", &vt_name, 0, NULL },
	{ "action", &vt_rule_action, 0, "lookup" },
	{ "table", &vt_name, 0, NULL },
	{ "comment", &vt_text, 0, NULL },
	{ "disabled", &vt_bool, 0, "no" },
	{ NULL, NULL, 0, NULL }
};

const struct sch_menu_def menu_ip_route_rule = {
	.path = "/ip/route/rule", .props = route_rule_props, .ordered = true,
	.style = PS_TABLE,
	.columns = "src-address dst-address routing-mark interface action table",
};

static const struct sch_prop dns_props[] = {
	{ "servers", &vt_names, 0, "" },
	{ "allow-remote-requests", &vt_bool, 0, "no" },
	{ "max-udp-packet-size", &vt_u32, 0, "4096" },
	{ "query-server-timeout", &vt_time, 0, "2s" },
	{ "query-total-timeout", &vt_time, 0, "10s" },
	{ "max-concurrent-queries", &vt_u32, 0, "100" },
	{ "max-concurrent-tcp-sessions", &vt_u32, 0, "20" },
	{ "cache-size", &vt_text, 0, "2048KiB" },
	{ "cache-max-ttl", &vt_time, 0, "1w" },
	{ "dynamic-servers", &vt_text, P_RO | P_NOEXP, NULL },
	{ "cache-used", &vt_text, P_RO | P_NOEXP, NULL },
	{ NULL, NULL, 0, NULL }
};

const struct sch_menu_def menu_ip_dns = {
	.path = "/ip/dns", .props = dns_props, .settings = true,
	.style = PS_SETTINGS,
};

static const struct sch_prop dns_static_props[] = {
	{ "name", &vt_text, 0, NULL },
	{ "regexp", &vt_text, 0, NULL },
	{ "address", &vt_text, 0, NULL },
	{ "type", &vt_text, 0, NULL },
	{ "ttl", &vt_time, 0, "1d" },
	{ "comment", &vt_text, 0, NULL },
	{ "disabled", &vt_bool, 0, "no" },
	{ NULL, NULL, 0, NULL }
};

const struct sch_menu_def menu_ip_dns_static = {
	.path = "/ip/dns/static", .props = dns_static_props, .ordered = true,
	.style = PS_TABLE, .columns = "name regexp type address ttl",
};

static const struct sch_prop pool_props[] = {
	{ "name", &vt_name, P_REQ, NULL },
	{ "ranges", &vt_text, 0, NULL },
	{ "next-pool", &vt_name, 0, NULL },
	{ "comment", &vt_text, 0, NULL },
	{ NULL, NULL, 0, NULL }
};

const struct sch_menu_def menu_ip_pool = {
	.path = "/ip/pool", .props = pool_props, .style = PS_TABLE,
	.columns = "name ranges", .unique = "name", .name_prop = "name",
};

static const struct sch_prop dhcps_props[] = {
	{ "name", &vt_name, 0, NULL },
	{ "interface", &vt_name, P_REQ, NULL },
	{ "address-pool", &vt_name, 0, "static-only" },
	{ "lease-time", &vt_time, P_SHOW, "10m" },
	{ "authoritative", &vt_text, 0, "yes" },
	{ "comment", &vt_text, 0, NULL },
	{ "disabled", &vt_bool, 0, "yes" },
	{ NULL, NULL, 0, NULL }
};

const struct sch_menu_def menu_ip_dhcp_server = {
	.path = "/ip/dhcp-server", .props = dhcps_props, .style = PS_TABLE,
	.columns = "name interface relay address-pool lease-time add-arp",
	.flags6 = "D dynamic;X disabled,I invalid",
	.name_prop = "name",
};

static const struct sch_prop dhcpn_props[] = {
	{ "address", &vt_ip_prefix, P_REQ, NULL },
	{ "gateway", &vt_text, 0, NULL },
	{ "netmask", &vt_text, 0, NULL },
	{ "dns-server", &vt_text, 0, NULL },
	{ "domain", &vt_text, 0, NULL },
	{ "comment", &vt_text, 0, NULL },
	{ NULL, NULL, 0, NULL }
};

const struct sch_menu_def menu_ip_dhcp_server_network = {
	.path = "/ip/dhcp-server/network", .props = dhcpn_props,
	.style = PS_TABLE,
	.columns = "address:18 gateway:15 dns-server:15 wins-server:15 "
	    "domain:*",
};

static const struct sch_prop dhcpl_props[] = {
	{ "address", &vt_text, 0, NULL },
	{ "mac-address", &vt_mac, 0, NULL },
	{ "server", &vt_name, 0, NULL },
	{ "comment", &vt_text, 0, NULL },
	{ "disabled", &vt_bool, 0, "no" },
	{ NULL, NULL, 0, NULL }
};

const struct sch_menu_def menu_ip_dhcp_server_lease = {
	.path = "/ip/dhcp-server/lease", .props = dhcpl_props,
	.style = PS_TABLE,
	.columns = "address mac-address host-name server rate-limit status",
};

static const struct sch_prop dhcpc_props[] = {
	{ "interface", &vt_name, P_REQ, NULL },
	/* print shows these even at their defaults (engine 6.4 capture) */
	{ "use-peer-dns", &vt_bool, P_SHOW, "yes" },
	{ "use-peer-ntp", &vt_bool, 0, "yes" },
	{ "add-default-route", &vt_text, P_SHOW, "yes" },
	{ "default-route-distance", &vt_distance, 0, "1" },
	{ "script", &vt_text, 0, NULL },
	{ "comment", &vt_text, 0, NULL },
	/* ROS: exported as disabled=no because the add default is yes */
	{ "disabled", &vt_bool, P_KEEP, "yes" },
	/* the lease (script/system.c binds clients to a simulated ISP) */
	{ "status", &vt_text, P_RO | P_NOEXP, NULL },
	{ "address", &vt_text, P_RO | P_NOEXP, NULL },
	{ "gateway", &vt_text, P_RO | P_NOEXP, NULL },
	{ "dhcp-server", &vt_text, P_RO | P_NOEXP, NULL },
	{ "primary-dns", &vt_text, P_RO | P_NOEXP, NULL },
	{ "expires-after", &vt_text, P_RO | P_NOEXP, NULL },
	{ NULL, NULL, 0, NULL }
};

const struct sch_menu_def menu_ip_dhcp_client = {
	.path = "/ip/dhcp-client", .props = dhcpc_props, .style = PS_TABLE,
	.columns = "interface:17 use-peer-dns:12 add-default-route:17 "
	    "status:13 address:*",
	.flags6 = "X disabled,I invalid,D dynamic",
	.flags7 = "X disabled,I invalid;D dynamic",
	.unique = "interface",
};
