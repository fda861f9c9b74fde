package io.hyperscalelab.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void theClientAddressIsOfferedAsTheIpv4AFirewallRuleTakes() {
        assertThat(ClientAddress.asFirewallAddress("116.75.80.99")).isEqualTo("116.75.80.99");
        assertThat(ClientAddress.asFirewallAddress("0:0:0:0:0:0:0:1")).isEqualTo("127.0.0.1");
        assertThat(ClientAddress.asFirewallAddress("::1")).isEqualTo("127.0.0.1");
        assertThat(ClientAddress.asFirewallAddress("::ffff:13.71.7.78")).isEqualTo("13.71.7.78");
        assertThat(ClientAddress.asFirewallAddress(null)).isEqualTo("127.0.0.1");
        // A real IPv6 client stays what it is; the rule beside it then says it needs IPv4.
        assertThat(ClientAddress.asFirewallAddress("2001:db8::7")).isEqualTo("2001:db8::7");
    }
}
