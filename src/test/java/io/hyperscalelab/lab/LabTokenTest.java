package io.hyperscalelab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** The lab cookie's token: it finds the lab and unseals the password, and nothing else does. */
class LabTokenTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void onlyTheSameTokenUnsealsThePassword() {
        LabToken token = LabToken.generate(random);
        byte[] sealed = token.seal("Hq4mT9vKx2RzPa7w", random);

        assertThat(token.unseal(sealed)).hasValue("Hq4mT9vKx2RzPa7w");
        assertThat(LabToken.generate(random).unseal(sealed)).isEmpty();
        sealed[sealed.length - 1] ^= 1;
        assertThat(token.unseal(sealed)).isEmpty();
    }

    @Test
    void theStoredHashIsNeitherTheTokenNorTheKey() {
        LabToken token = LabToken.generate(random);

        assertThat(token.lookupHash()).hasSize(32);
        assertThat(new String(token.lookupHash(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(token.value());
        assertThat(LabToken.parse(token.value())).hasValue(token);
        assertThat(token.toString()).doesNotContain(token.value());
    }

    @Test
    void cookieValuesThatAreNoTokenAreIgnored() {
        assertThat(LabToken.parse(null)).isEmpty();
        assertThat(LabToken.parse("short")).isEmpty();
        assertThat(LabToken.parse("x".repeat(42) + ";")).isEmpty();
    }
}
