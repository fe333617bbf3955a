package io.apitune.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProductSchemaTest {
    @Test
    void seedNamesFollowTheDocumentedLayout() {
        assertThat(ProductSchema.seedName(1)).isEqualTo("blue mug 1");
        assertThat(ProductSchema.seedName(42)).isEqualTo("coral shelf 42");
        assertThat(ProductSchema.seedName(5_000)).isEqualTo("amber mug 5000");
        assertThat(ProductSchema.seedPrice(42)).isBetween(1, 100);
    }

    @Test
    void searchPatternsMatchWildcardsLiterally() {
        assertThat(ProductSchema.containsPattern("mug")).isEqualTo("%mug%");
        assertThat(ProductSchema.containsPattern("50%_off\\")).isEqualTo("%50\\%\\_off\\\\%");
    }
}
