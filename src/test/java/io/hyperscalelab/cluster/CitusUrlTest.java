package io.hyperscalelab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CitusUrlTest {

    @Test
    void aLibpqUriWithItsCredentialsAndParameters() {
        CitusUrl url = CitusUrl.parse("postgresql://citus:S3cret%21pw@c-lab.postgres.cosmos.azure.com:5432/citus?sslmode=require",
                null, null);

        assertThat(url).isEqualTo(new CitusUrl("c-lab.postgres.cosmos.azure.com", 5432, "citus", "citus", "S3cret!pw",
                Map.of("sslmode", "require")));
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://c-lab.postgres.cosmos.azure.com:5432/citus?sslmode=require");
        assertThat(url.endpoint()).isEqualTo("citus@c-lab.postgres.cosmos.azure.com:5432/citus");
        assertThat(url.toString()).doesNotContain("S3cret");
    }

    @Test
    void aJdbcUrlWithTheCredentialsFromTheirOwnProperties() {
        CitusUrl url = CitusUrl.parse("jdbc:postgresql://coordinator/citus", "postgres", "pw");

        assertThat(url.host()).isEqualTo("coordinator");
        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.user()).isEqualTo("postgres");
        assertThat(url.password()).isEqualTo("pw");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://coordinator:5432/citus");
    }

    @Test
    void libpqKeywordsAsAzuresPortalGivesThem() {
        CitusUrl url = CitusUrl.parse("host=c.lab.postgres.database.azure.com port=6432 dbname=citus user=citus "
                + "password='it\\'s a pw' sslmode=require", null, null);

        assertThat(url.host()).isEqualTo("c.lab.postgres.database.azure.com");
        assertThat(url.port()).isEqualTo(6432);
        assertThat(url.password()).isEqualTo("it's a pw");
        assertThat(url.parameters()).containsExactly(Map.entry("sslmode", "require"));
    }

    @Test
    void theDatabaseDefaultsToTheUsersNameAsLibpqDoes() {
        assertThat(CitusUrl.parse("postgres://citus@localhost:9700", null, null).database()).isEqualTo("citus");
        assertThat(CitusUrl.parse("postgres://localhost", "postgres", null).database()).isEqualTo("postgres");
    }

    @Test
    void theExplicitUsernameWinsOverTheUrls() {
        assertThat(CitusUrl.parse("postgresql://citus:a@localhost/citus", "postgres", "b"))
                .extracting(CitusUrl::user, CitusUrl::password).containsExactly("postgres", "b");
    }

    @Test
    void badUrlsAreRefusedWithWhatIsWrongAndNoPassword() {
        assertThatThrownBy(() -> CitusUrl.parse(" ", null, null)).hasMessageStartingWith("hyperscale.citus.url is empty.");
        assertThatThrownBy(() -> CitusUrl.parse("http://citus:pw@localhost/citus", null, null))
                .hasMessageContaining("is not a PostgreSQL URL").hasMessageContaining("http://citus:***@localhost/citus")
                .hasMessageNotContaining(":pw@");
        assertThatThrownBy(() -> CitusUrl.parse("postgresql://citus@/citus", null, null)).hasMessageContaining("names no host");
        assertThatThrownBy(() -> CitusUrl.parse("postgresql://citus@localhost:54x2/citus", null, null))
                .hasMessageContaining("has the port \"54x2\"; a port is a number from 1 to 65535");
        assertThatThrownBy(() -> CitusUrl.parse("postgresql://localhost:99999/citus", "citus", null))
                .hasMessageContaining("has the port \"99999\"");
        assertThatThrownBy(() -> CitusUrl.parse("jdbc:postgresql://localhost/citus", null, null))
                .hasMessageContaining("names no user").hasMessageContaining("hyperscale.citus.username");
        assertThatThrownBy(() -> CitusUrl.parse("host=localhost user=citus password=secret this is not libpq", null, null))
                .hasMessageContaining("is not a PostgreSQL URL").hasMessageContaining("password=***")
                .hasMessageNotContaining("secret");
    }
}
