package io.filmwire.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class AddressPolicyTest {

    private static String kind(String literal) throws Exception {
        return AddressPolicy.specialPurpose(InetAddress.getByName(literal));
    }

    @Test
    void everySpecialPurposeRangeIsNamedAndPublicAddressesPass() throws Exception {
        assertThat(kind("127.0.0.1")).startsWith("loopback");
        assertThat(kind("::1")).startsWith("loopback");
        assertThat(kind("10.1.2.3")).startsWith("private");
        assertThat(kind("172.16.0.9")).startsWith("private");
        assertThat(kind("192.168.1.1")).startsWith("private");
        assertThat(kind("169.254.169.254")).startsWith("link-local");
        assertThat(kind("100.64.0.1")).startsWith("shared");
        assertThat(kind("0.0.0.0")).startsWith("unspecified");
        assertThat(kind("198.18.0.1")).startsWith("benchmarking");
        assertThat(kind("198.19.255.255")).startsWith("benchmarking");
        assertThat(kind("192.0.2.7")).startsWith("documentation");
        assertThat(kind("192.88.99.1")).startsWith("6to4");
        assertThat(kind("255.255.255.255")).isEqualTo("broadcast");
        assertThat(kind("240.0.0.1")).startsWith("reserved");
        assertThat(kind("224.0.0.1")).startsWith("multicast");
        assertThat(kind("fd12:3456::1")).startsWith("unique-local");
        assertThat(kind("fe80::1")).startsWith("link-local");
        assertThat(kind("64:ff9b::7f00:1")).as("NAT64 of 127.0.0.1").startsWith("NAT64");
        assertThat(kind("64:ff9b::5db8:d822")).as("NAT64 of a public address too").startsWith("NAT64");
        assertThat(kind("2002:7f00:1::")).as("6to4 of 127.0.0.1").startsWith("6to4");
        assertThat(kind("2001:0:4136:e378:8000:63bf:3fff:fdd2")).startsWith("Teredo");
        assertThat(kind("2001:db8::1")).startsWith("documentation");
        assertThat(kind("::ffff:127.0.0.1")).contains("loopback");
        assertThat(kind("::")).startsWith("unspecified");
        assertThat(kind("ff02::1")).startsWith("multicast");
        assertThat(kind("93.184.216.34")).isNull();
        assertThat(kind("2606:2800:220:1:248:1893:25c8:1946")).isNull();
        assertThat(kind("172.32.0.1")).isNull();
        assertThat(kind("198.20.0.1")).isNull();
    }

    @Test
    void anAllowListedHostIsFetchedOnItsPortsOnly() throws Exception {
        AddressPolicy policy = new AddressPolicy(List.of("wiki.internal:8080", "*.corp.example", "10.0.0.5:*",
                "[fd00::1]:81"), List.of(80, 443));
        InetAddress internal = InetAddress.getByName("10.0.0.9");
        policy.checkAddress("wiki.internal", 8080, internal);
        assertThatThrownBy(() -> policy.checkAddress("wiki.internal", 8081, internal))
                .hasMessageContaining("ingest.fetch.allow.hosts");
        policy.checkAddress("films.corp.example", 443, internal);
        assertThatThrownBy(() -> policy.checkAddress("films.corp.example", 8443, internal)).isInstanceOf(FetchException.class);
        assertThatThrownBy(() -> policy.checkAddress("corp.example", 80, internal)).as("*. covers subdomains only")
                .hasMessageContaining("private");
        policy.checkAddress("10.0.0.5", 6379, InetAddress.getByName("10.0.0.5"));
        policy.checkAddress("[fd00::1]", 81, InetAddress.getByName("fd00::1"));
        assertThatThrownBy(() -> policy.checkAddress("wiki.internal", 8080, InetAddress.getByName("0.0.0.0")))
                .as("never the unspecified address").hasMessageContaining("never fetched");
        assertThatThrownBy(() -> policy.checkAddress("example.org", 8080, InetAddress.getByName("93.184.216.34")))
                .as("a public host on another port").hasMessageContaining("ingest.fetch.ports");
        policy.checkAddress("example.org", 443, InetAddress.getByName("93.184.216.34"));
    }

    @Test
    void aNumericHostIsMatchedInTheFormBrowsersRead() throws Exception {
        AddressPolicy policy = new AddressPolicy(List.of("0x7f.1:8080"), List.of(80, 443));
        assertThat(policy.allowListed("127.0.0.1", 8080)).isTrue();
        assertThat(policy.resolve("127.0.0.1", 8080)).containsExactly(InetAddress.getByName("127.0.0.1"));
        assertThatThrownBy(() -> AddressPolicy.publicOnly().resolve("127.0.0.1", 80)).hasMessageContaining("loopback");
    }

    @Test
    void aMalformedEntryStopsTheStartNamingIt() {
        assertThatThrownBy(() -> AddressPolicy.validate(List.of("wiki.internal:http"), "ingest.fetch.allow.hosts"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("wiki.internal:http")
                .hasMessageContaining("ingest.fetch.allow.hosts");
        assertThatThrownBy(() -> AddressPolicy.validate(List.of("bad host"), "k")).isInstanceOf(ConfigException.class);
    }
}
