package io.apitune.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.apitune.server.Mode;
import io.apitune.server.ServerConfig;

class TargetSpecTest {
    @Test
    void eachModeDrivesItsOwnEndpoint() {
        ServerConfig server = ServerConfig.defaults();
        assertThat(TargetSpec.mode(Mode.CACHED, server, null).modePath())
                .isEqualTo("/cached/item/{key}");
        assertThat(TargetSpec.mode(Mode.ASYNC_DB, server, null).modePath())
                .isEqualTo("/async-db/db");
        assertThat(TargetSpec.mode(Mode.ASYNC_DB, server, 20).modePath())
                .isEqualTo("/async-db/queries?queries=20");
        // TechEmpower's cached-queries test names its parameter count.
        assertThat(TargetSpec.mode(Mode.CACHED_DB, server, 20).modePath())
                .isEqualTo("/cached-db/queries?count=20");
        assertThat(TargetSpec.server("http://h:1", Mode.CACHED_DB, null).modePath())
                .isEqualTo("/cached-db/db");
    }
}
