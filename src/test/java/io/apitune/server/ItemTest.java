package io.apitune.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ItemTest {
    @Test
    void valueIsAPureFunctionOfTheId() {
        assertThat(Item.of(42)).isEqualTo(Item.of(42));
        assertThat(Item.of(42).value()).matches("[0-9a-f]{16}");
        Set<String> values = new HashSet<>();
        for (long id = 0; id < 1_000; id++) {
            values.add(Item.of(id).value());
        }
        assertThat(values).hasSize(1_000);
    }

    @Test
    void jsonHasIdAndValue() {
        Item item = Item.of(7);
        assertThat(item.toJson()).isEqualTo("{\"id\":7,\"value\":\"" + item.value() + "\"}");
    }

    @Test
    void idParsingAcceptsOnlyNonNegativeLongs() {
        assertThat(Routes.parseId("0")).isZero();
        assertThat(Routes.parseId("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(Routes.parseId("9223372036854775808")).isEqualTo(-1);
        assertThat(Routes.parseId("-1")).isEqualTo(-1);
        assertThat(Routes.parseId("12a")).isEqualTo(-1);
        assertThat(Routes.parseId("")).isEqualTo(-1);
    }
}
