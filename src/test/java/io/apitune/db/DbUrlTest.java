package io.apitune.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.apitune.ApituneException;

class DbUrlTest {
    @Test
    void parsesEveryPart() {
        DbUrl url = DbUrl.parse("postgresql://bench:s%40cret@db.local:6543/hello");
        assertThat(url).isEqualTo(new DbUrl("bench", "s@cret", "db.local", 6543, "hello"));
        assertThat(url.jdbcUrl()).startsWith("jdbc:postgresql://db.local:6543/hello?");
    }

    @Test
    void portDefaultsTo5432AndPasswordMayBeAbsent() {
        assertThat(DbUrl.parse("postgresql://bench@127.0.0.1/hello"))
                .isEqualTo(new DbUrl("bench", "", "127.0.0.1", 5432, "hello"));
    }

    @Test
    void neverPrintsThePassword() {
        DbUrl url = DbUrl.parse("postgresql://bench:topsecret@h:1/d");
        assertThat(url.toString()).isEqualTo("postgresql://bench@h:1/d").doesNotContain("topsecret");
        assertThatThrownBy(() -> DbUrl.parse("mysql://bench:topsecret@h:1/d"))
                .isInstanceOf(ApituneException.class)
                .hasMessageContaining("--db-url")
                .hasMessageNotContaining("topsecret")
                .extracting(e -> ((ApituneException) e).exitCode()).isEqualTo(2);
    }

    @Test
    void rejectsMissingPieces() {
        assertThatThrownBy(() -> DbUrl.parse("postgresql://h:1/d")).hasMessageContaining("--db-url");
        assertThatThrownBy(() -> DbUrl.parse("postgresql://u@h:1/")).hasMessageContaining("--db-url");
        assertThatThrownBy(() -> DbUrl.parse(null)).hasMessageContaining("--db-url");
    }

    @Test
    void portOutOfRangeIsInvalidInputNamingThePort() {
        assertThatThrownBy(() -> DbUrl.parse("postgresql://bench:topsecret@127.0.0.1:99999/d"))
                .isInstanceOf(ApituneException.class)
                .hasMessage("--db-url: port 99999 must be 1..65535")
                .extracting(e -> ((ApituneException) e).exitCode()).isEqualTo(2);
    }
}
