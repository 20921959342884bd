package io.filmwire.ingest.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.kafka.common.config.ConfigException;

/**
 * Which hosts, ports and addresses may be fetched, so that a feed or a redirect cannot make Filmwire
 * reach internal services. A public host may be fetched on the public ports
 * ({@code ingest.fetch.ports}, 80 and 443) when every address it resolves to is public: not in any
 * special-purpose range of the IANA registries (loopback, private, shared/CGNAT, link-local,
 * benchmarking 198.18/15, documentation, 6to4, NAT64, Teredo, unique-local, multicast, reserved,
 * ...). A host on the allow-list ({@code ingest.fetch.allow.hosts}) may be fetched on the ports its
 * entry names, at whatever address, except unspecified, broadcast and multicast ones. The check is
 * made on each hop of a redirect and again on the address the connection was made to (the client
 * connects only to addresses this policy returned). Immutable and thread-safe.
 */
public final class AddressPolicy {

    /** One allow-list entry: a host (or {@code *.domain}) and its ports (empty: 80 and 443; null: any). */
    private record Entry(String host, boolean subdomains, Set<Integer> ports) {
        boolean matches(String h, int port) {
            boolean hostOk = subdomains ? h.endsWith("." + host) : h.equals(host);
            return hostOk && (ports == null || (ports.isEmpty() ? port == 80 || port == 443 : ports.contains(port)));
        }
    }

    private final List<Entry> allowed;
    private final Set<Integer> publicPorts;

    public AddressPolicy(List<String> allowHosts, List<Integer> publicPorts) {
        this.allowed = parse(allowHosts, "ingest.fetch.allow.hosts");
        this.publicPorts = Set.copyOf(publicPorts);
    }

    /** Public hosts on ports 80 and 443, nothing else. */
    public static AddressPolicy publicOnly() {
        return new AddressPolicy(List.of(), List.of(80, 443));
    }

    /** Checks the entries of {@code key}, failing with the entry and the expected form. */
    public static void validate(List<String> entries, String key) {
        parse(entries, key);
    }

    private static List<Entry> parse(List<String> entries, String key) {
        List<Entry> out = new ArrayList<>();
        for (String raw : entries) {
            String e = raw.strip().toLowerCase(Locale.ROOT);
            if (e.isEmpty()) {
                continue;
            }
            String host = e;
            String port = null;
            if (e.startsWith("[")) {
                int close = e.indexOf(']');
                if (close < 0) {
                    throw bad(key, raw);
                }
                host = e.substring(0, close + 1);
                String after = e.substring(close + 1);
                if (after.startsWith(":")) {
                    port = after.substring(1);
                } else if (!after.isEmpty()) {
                    throw bad(key, raw);
                }
            } else if (e.contains(":")) {
                host = e.substring(0, e.lastIndexOf(':'));
                port = e.substring(e.lastIndexOf(':') + 1);
            }
            boolean subdomains = host.startsWith("*.");
            if (subdomains) {
                host = host.substring(2);
            }
            if (!host.startsWith("[")) {
                String canonical = io.filmwire.schema.PageIds.canonicalUrl("http://" + host + "/");
                if (canonical == null) {
                    throw bad(key, raw);
                }
                host = canonical.substring("http://".length(), canonical.length() - 1);
            }
            Set<Integer> ports;
            if (port == null) {
                ports = Set.of();
            } else if (port.equals("*")) {
                ports = null;
            } else {
                try {
                    int p = Integer.parseInt(port);
                    if (p < 1 || p > 65535) {
                        throw new NumberFormatException();
                    }
                    ports = Set.of(p);
                } catch (NumberFormatException ex) {
                    throw bad(key, raw);
                }
            }
            out.add(new Entry(host, subdomains, ports));
        }
        return List.copyOf(out);
    }

    private static ConfigException bad(String key, String entry) {
        return new ConfigException(key, entry, "an entry is HOST, HOST:PORT or HOST:* with HOST a name, *.domain, an"
                + " IPv4 address or [IPv6 address], such as wiki.internal:8080");
    }

    /** True when the allow-list names {@code host} (canonical, lower case) on {@code port}. */
    public boolean allowListed(String host, int port) {
        String h = host.toLowerCase(Locale.ROOT);
        return allowed.stream().anyMatch(e -> e.matches(h, port));
    }

    /**
     * Checks a host and port before anything is resolved: an allow-listed pair passes; otherwise the
     * port must be a public one.
     *
     * @throws FetchException permanent when refused
     */
    public void checkHostAndPort(String host, int port) throws FetchException {
        if (!allowListed(host, port) && !publicPorts.contains(port)) {
            throw FetchException.permanent("refused to fetch from '" + host + ":" + port + "': port " + port
                    + " is not one fetched on public hosts (ingest.fetch.ports " + publicPorts + ") and '" + host + ":"
                    + port + "' is not in ingest.fetch.allow.hosts");
        }
    }

    /**
     * Checks one address {@code host} resolved to, for a connection to {@code port}.
     *
     * @throws FetchException permanent when refused
     */
    public void checkAddress(String host, int port, InetAddress address) throws FetchException {
        String kind = specialPurpose(address);
        if (allowListed(host, port)) {
            if (address.isAnyLocalAddress() || address.isMulticastAddress() || "broadcast".equals(kind)) {
                throw FetchException.permanent("refused to fetch from '" + host + "': it is " + address.getHostAddress()
                        + ", a " + kind + " address, never fetched");
            }
            return;
        }
        checkHostAndPort(host, port);
        if (kind != null) {
            throw FetchException.permanent("refused to fetch from '" + host + "': it is " + address.getHostAddress()
                    + ", a " + kind + " address; list the host in ingest.fetch.allow.hosts (HOST:PORT) to fetch it");
        }
    }

    /**
     * The addresses of {@code host} a connection to {@code port} may use: all of them, each checked.
     *
     * @throws FetchException permanent when one is refused (a name that resolves to one internal
     *                        address among public ones is refused whole), transient when it does not resolve
     */
    public List<InetAddress> resolve(String host, int port) throws FetchException {
        checkHostAndPort(host, port);
        InetAddress[] addresses;
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        try {
            addresses = InetAddress.getAllByName(literal);
        } catch (UnknownHostException e) {
            throw FetchException.transientFailure("host '" + host + "' does not resolve", null, e);
        }
        for (InetAddress a : addresses) {
            checkAddress(host, port, a);
        }
        return List.of(addresses);
    }

    /**
     * What kind of special-purpose address {@code address} is (IANA IPv4 and IPv6 special-purpose
     * address registries), or null when it is a public unicast address.
     */
    public static String specialPurpose(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return specialPurpose4(b);
        }
        if (address instanceof Inet6Address) {
            return specialPurpose6(b);
        }
        return "unknown";
    }

    private static String specialPurpose4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        if (a0 == 255 && a1 == 255 && a2 == 255 && (b[3] & 0xff) == 255) {
            return "broadcast";
        }
        if (a0 == 0) {
            return "unspecified (\"this network\", 0.0.0.0/8)";
        }
        if (a0 == 10) {
            return "private (10.0.0.0/8)";
        }
        if (a0 == 100 && a1 >= 64 && a1 < 128) {
            return "shared, carrier-grade NAT (100.64.0.0/10)";
        }
        if (a0 == 127) {
            return "loopback (127.0.0.0/8)";
        }
        if (a0 == 169 && a1 == 254) {
            return "link-local (169.254.0.0/16)";
        }
        if (a0 == 172 && a1 >= 16 && a1 < 32) {
            return "private (172.16.0.0/12)";
        }
        if (a0 == 192 && a1 == 0 && a2 == 0) {
            return "IETF protocol assignment (192.0.0.0/24)";
        }
        if (a0 == 192 && a1 == 0 && a2 == 2) {
            return "documentation (192.0.2.0/24)";
        }
        if (a0 == 192 && a1 == 31 && a2 == 196) {
            return "AS112 (192.31.196.0/24)";
        }
        if (a0 == 192 && a1 == 52 && a2 == 193) {
            return "AMT (192.52.193.0/24)";
        }
        if (a0 == 192 && a1 == 88 && a2 == 99) {
            return "6to4 relay anycast (192.88.99.0/24)";
        }
        if (a0 == 192 && a1 == 168) {
            return "private (192.168.0.0/16)";
        }
        if (a0 == 192 && a1 == 175 && a2 == 48) {
            return "AS112 (192.175.48.0/24)";
        }
        if (a0 == 198 && (a1 == 18 || a1 == 19)) {
            return "benchmarking (198.18.0.0/15)";
        }
        if (a0 == 198 && a1 == 51 && a2 == 100) {
            return "documentation (198.51.100.0/24)";
        }
        if (a0 == 203 && a1 == 0 && a2 == 113) {
            return "documentation (203.0.113.0/24)";
        }
        if (a0 >= 224 && a0 < 240) {
            return "multicast (224.0.0.0/4)";
        }
        if (a0 >= 240) {
            return "reserved (240.0.0.0/4)";
        }
        return null;
    }

    private static String specialPurpose6(byte[] b) {
        boolean zero10 = true;
        for (int i = 0; i < 10; i++) {
            zero10 &= b[i] == 0;
        }
        if (zero10 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            String v4 = specialPurpose4(new byte[] {b[12], b[13], b[14], b[15]});
            return v4 == null ? null : "IPv4-mapped " + v4;
        }
        int first = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        int second = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        if ((first & 0xff00) == 0xff00) {
            return "multicast (ff00::/8)";
        }
        if ((first & 0xffc0) == 0xfe80) {
            return "link-local (fe80::/10)";
        }
        if ((first & 0xffc0) == 0xfec0) {
            return "site-local (fec0::/10)";
        }
        if ((first & 0xfe00) == 0xfc00) {
            return "unique-local (fc00::/7)";
        }
        if (first == 0x0064 && second == 0xff9b) {
            return "NAT64 (64:ff9b::/96, 64:ff9b:1::/48)";
        }
        if (first == 0x2001 && second < 0x0200) {
            return second == 0 ? "Teredo (2001::/32)" : "IETF protocol assignment (2001::/23)";
        }
        if (first == 0x2001 && second == 0x0db8) {
            return "documentation (2001:db8::/32)";
        }
        if (first == 0x2002) {
            return "6to4 (2002::/16)";
        }
        if ((first & 0xfff0) == 0x3ff0) {
            return "documentation (3fff::/20)";
        }
        if (first == 0x5f00) {
            return "segment routing (5f00::/16)";
        }
        if ((first & 0xe000) != 0x2000) {
            // outside global unicast 2000::/3: ::, ::1, IPv4-compatible, discard-only 100::/64, reserved
            boolean all = true;
            for (int i = 0; i < 15; i++) {
                all &= b[i] == 0;
            }
            if (all && b[15] == 1) {
                return "loopback (::1)";
            }
            if (all && b[15] == 0) {
                return "unspecified (::)";
            }
            return "reserved (outside 2000::/3)";
        }
        return null;
    }
}
