package io.filmwire.ingest.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Which hosts may be fetched: unless private addresses are allowed, a URL whose host resolves to a
 * loopback, private (RFC 1918, IPv6 unique-local), link-local, carrier-grade NAT, unspecified or
 * multicast address is refused, so that a feed cannot make Filmwire reach internal services. The
 * check resolves the host itself; the HTTP client resolves it again (a DNS answer that changes in
 * between is not caught). Stateless and thread-safe.
 */
public final class AddressPolicy {

    private final boolean allowPrivate;

    public AddressPolicy(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /**
     * Checks {@code url}'s host.
     *
     * @throws FetchException permanent when the address is refused, transient when the host does not resolve
     */
    public void check(URI url) throws FetchException {
        String host = url.getHost();
        if (host == null) {
            throw FetchException.permanent("'" + url + "' has no host");
        }
        if (allowPrivate) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw FetchException.transientFailure("host '" + host + "' does not resolve", null, e);
        }
        for (InetAddress address : addresses) {
            String kind = nonPublicKind(address);
            if (kind != null) {
                throw FetchException.permanent("refused to fetch '" + url + "': host '" + host + "' is "
                        + address.getHostAddress() + ", a " + kind + " address; such addresses are fetched only with"
                        + " ingest.fetch.allow.private=true");
            }
        }
    }

    /** What kind of non-public address {@code address} is, or null when it is public. */
    public static String nonPublicKind(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 100 && second >= 64 && second < 128) {
                return "carrier-grade NAT";
            }
            if (first == 0 || first >= 240) {
                return "reserved";
            }
        } else if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "unique-local";
            }
            if (isMapped(b)) {
                try {
                    InetAddress v4 = InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
                    return nonPublicKind(v4);
                } catch (UnknownHostException e) {
                    return "reserved";
                }
            }
        }
        return null;
    }

    private static boolean isMapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
