package io.filmwire.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;

class AddressPolicyTest {

    private static String kind(String literal) throws Exception {
        return AddressPolicy.nonPublicKind(InetAddress.getByName(literal));
    }

    @Test
    void internalAddressesAreNamedAndPublicOnesPass() throws Exception {
        assertThat(kind("127.0.0.1")).isEqualTo("loopback");
        assertThat(kind("::1")).isEqualTo("loopback");
        assertThat(kind("10.1.2.3")).isEqualTo("private");
        assertThat(kind("172.16.0.9")).isEqualTo("private");
        assertThat(kind("192.168.1.1")).isEqualTo("private");
        assertThat(kind("169.254.169.254")).isEqualTo("link-local");
        assertThat(kind("100.64.0.1")).isEqualTo("carrier-grade NAT");
        assertThat(kind("0.0.0.0")).isEqualTo("unspecified");
        assertThat(kind("fd12:3456::1")).isEqualTo("unique-local");
        assertThat(kind("fe80::1")).isEqualTo("link-local");
        assertThat(kind("224.0.0.1")).isEqualTo("multicast");
        assertThat(kind("93.184.216.34")).isNull();
        assertThat(kind("2606:2800:220:1:248:1893:25c8:1946")).isNull();
        assertThat(kind("172.32.0.1")).isNull();
    }

    @Test
    void theCheckRefusesByDefaultAndAllowsWhenConfigured() throws Exception {
        URI metadata = URI.create("http://169.254.169.254/latest/meta-data/");
        assertThatThrownBy(() -> new AddressPolicy(false).check(metadata))
                .isInstanceOf(FetchException.class).hasMessageContaining("link-local");
        new AddressPolicy(true).check(metadata);
        new AddressPolicy(false).check(URI.create("http://93.184.216.34/"));
    }
}
