package io.apitune.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.apitune.db.Fortune;
import io.apitune.db.FortuneSchema;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * TechEmpower's verification rules applied to every endpoint of every mode, over real HTTP
 * against the embedded PostgreSQL: the four required headers, a {@code Date} that moves on,
 * JSON shapes and value ranges, the {@code queries} edge cases, updates really written,
 * fortunes escaped and sorted; plus 405 with {@code Allow} for a wrong method and {@code HEAD}
 * wherever {@code GET} works.
 */
class TechEmpowerVerificationIT {
    private static final List<String> DB_MODES = List.of("blocking-db", "async-db");
    /** Every GET endpoint of every mode (virtual answers 501 on Java 17: headers still count). */
    private static final List<String> GET_ENDPOINTS = List.of("/plaintext", "/json",
            "/blocking/item/1", "/async/item/1", "/cached/item/1", "/virtual/item/1",
            "/blocking-db/db", "/blocking-db/queries?queries=2", "/blocking-db/updates?queries=2",
            "/blocking-db/fortunes", "/blocking-db/items/42", "/blocking-db/search?q=coral",
            "/async-db/db", "/async-db/queries?queries=2", "/async-db/updates?queries=2",
            "/async-db/fortunes", "/async-db/items/42", "/async-db/search?q=coral",
            "/cached-db/db", "/cached-db/queries?count=2", "/stats", "/metrics");
    private static final Pattern FORTUNE_ROW =
            Pattern.compile("<tr><td>([^<]*)</td><td>([^<]*)</td></tr>");

    private final String base = SharedDbServer.base();

    @Test
    void everyEndpointSendsTheRequiredHeadersAndTheDateMovesOn() throws Exception {
        Map<String, String> firstDates = new LinkedHashMap<>();
        for (String path : GET_ENDPOINTS) {
            Http.Reply r = Http.get(base + path);
            assertRequiredHeaders(path, r);
            firstDates.put(path, r.header("date"));
        }
        Http.Reply created = Http.postJson(base + "/async-db/items", "{\"name\":\"h\",\"price\":1}");
        assertRequiredHeaders("POST /async-db/items", created);
        // The one wait of this class: every Date must have moved on 3 s later.
        Thread.sleep(3_000);
        for (String path : GET_ENDPOINTS) {
            Http.Reply r = Http.get(base + path);
            assertThat(r.header("date")).as(path).isNotEqualTo(firstDates.get(path));
            assertThat(r.dateSkewSeconds()).as(path).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void singleQueryIsOneWorldObject() throws Exception {
        for (String mode : List.of("blocking-db", "async-db", "cached-db")) {
            Http.Reply r = Http.get(base + "/" + mode + "/db");
            assertThat(r.status()).as(mode).isEqualTo(200);
            assertThat(r.header("content-type")).startsWith("application/json");
            assertWorld(mode, new JsonObject(r.body()));
        }
    }

    @Test
    void queriesUpdatesAndCachedQueriesFollowTheCountRules() throws Exception {
        List<String> paths = new ArrayList<>();
        for (String mode : DB_MODES) {
            paths.add("/" + mode + "/queries?queries=");
            paths.add("/" + mode + "/updates?queries=");
        }
        paths.add("/cached-db/queries?count=");
        for (String path : paths) {
            assertThat(worlds(path + "2")).as(path + "2").hasSize(2);
            assertThat(worlds(path + "0")).as(path + "0").hasSize(1);
            assertThat(worlds(path + "foo")).as(path + "foo").hasSize(1);
            assertThat(worlds(path + "501")).as(path + "501").hasSize(500);
            assertThat(worlds(path)).as(path + "(empty)").hasSize(1);
            String bare = path.substring(0, path.indexOf('?'));
            assertThat(worlds(bare)).as(bare).hasSize(1);
        }
    }

    @Test
    void updatesAreWrittenToTheDatabaseAndChangeEveryRow() throws Exception {
        for (String mode : DB_MODES) {
            Map<Integer, Integer> before = worldTable();
            List<JsonObject> rows = worlds("/" + mode + "/updates?queries=20");
            // Of two updates of one id in a request, the later one is the one that stays.
            Map<Integer, Integer> written = new LinkedHashMap<>();
            for (JsonObject row : rows) {
                written.put(row.getInteger("id"), row.getInteger("randomNumber"));
            }
            Map<Integer, Integer> after = worldTable();
            for (Map.Entry<Integer, Integer> e : written.entrySet()) {
                String what = mode + " id " + e.getKey();
                assertThat(after.get(e.getKey())).as(what).isEqualTo(e.getValue());
                assertThat(after.get(e.getKey())).as(what).isNotEqualTo(before.get(e.getKey()));
            }
            int changed = 0;
            for (Map.Entry<Integer, Integer> e : after.entrySet()) {
                changed += e.getValue().equals(before.get(e.getKey())) ? 0 : 1;
            }
            assertThat(changed).as(mode + ": rows changed in the table").isEqualTo(written.size());
        }
    }

    @Test
    void fortunesAreEscapedSortedAndCompleteInBothModes() throws Exception {
        List<Fortune> expected = new ArrayList<>(FortuneSchema.ROWS);
        expected.add(FortuneSchema.ADDED);
        expected.sort((a, b) -> a.message().compareTo(b.message()));
        for (String mode : DB_MODES) {
            Http.Reply r = Http.get(base + "/" + mode + "/fortunes");
            assertThat(r.status()).as(mode).isEqualTo(200);
            assertThat(r.header("content-type")).isEqualTo("text/html; charset=utf-8");
            assertThat(r.body()).startsWith("<!DOCTYPE html>").doesNotContain("<script>")
                    .contains("&lt;script&gt;").contains("\u30d5\u30ec\u30fc\u30e0");
            List<Fortune> shown = new ArrayList<>();
            Matcher m = FORTUNE_ROW.matcher(r.body());
            while (m.find()) {
                shown.add(new Fortune(Integer.parseInt(m.group(1)), unescape(m.group(2))));
            }
            assertThat(shown).as(mode).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void wrongMethodsAnswer405WithAllowAndHeadWorksWhereGetDoes() throws Exception {
        for (String path : GET_ENDPOINTS) {
            Http.Reply wrong = Http.send("DELETE", base + path, null);
            assertThat(wrong.status()).as(path).isEqualTo(405);
            assertThat(wrong.header("allow")).as(path).isEqualTo("GET, HEAD");
            assertRequiredHeaders("DELETE " + path, wrong);
        }
        for (String mode : DB_MODES) {
            Http.Reply wrong = Http.send("PUT", base + "/" + mode + "/items", "{}");
            assertThat(wrong.status()).as(mode).isEqualTo(405);
            assertThat(wrong.header("allow")).isEqualTo("POST");
        }
        for (String path : List.of("/plaintext", "/json", "/async/item/7", "/async-db/fortunes",
                "/blocking-db/fortunes", "/async-db/items/42", "/blocking-db/items/42")) {
            Http.Reply get = Http.get(base + path);
            Http.Reply head = Http.send("HEAD", base + path, null);
            assertThat(head.status()).as(path).isEqualTo(200);
            assertThat(head.body()).as(path).isEmpty();
            assertThat(head.header("content-length")).as(path).isEqualTo(get.header("content-length"));
            assertThat(head.header("content-type")).as(path).isEqualTo(get.header("content-type"));
        }
        for (String path : GET_ENDPOINTS) {
            Http.Reply get = Http.get(base + path);
            Http.Reply head = Http.send("HEAD", base + path, null);
            assertThat(head.status()).as(path).isEqualTo(get.status());
            assertThat(head.body()).as(path).isEmpty();
            assertThat(head.header("content-type")).as(path).isEqualTo(get.header("content-type"));
        }
        assertThat(Http.send("DELETE", base + "/no/such/path", null).status()).isEqualTo(404);
    }

    /** Every World row, id to randomNumber, read over JDBC. */
    private static Map<Integer, Integer> worldTable() throws Exception {
        Map<Integer, Integer> rows = new HashMap<>(20_000);
        try (Connection c = SharedDbServer.jdbc(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, randomnumber FROM world"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.put(rs.getInt(1), rs.getInt(2));
            }
        }
        return rows;
    }

    private static void assertRequiredHeaders(String what, Http.Reply r) {
        assertThat(r.header("server")).as(what).isEqualTo("apitune");
        assertThat(r.header("date")).as(what).isNotBlank();
        assertThat(r.dateSkewSeconds()).as(what).isLessThanOrEqualTo(2);
        assertThat(r.header("content-type")).as(what).contains("charset=utf-8");
        assertThat(Integer.parseInt(r.header("content-length"))).as(what)
                .isEqualTo(r.bodyBytes());
    }

    private List<JsonObject> worlds(String path) throws Exception {
        Http.Reply r = Http.get(base + path);
        assertThat(r.status()).as(path).isEqualTo(200);
        assertThat(r.header("content-type")).as(path).startsWith("application/json");
        JsonArray array = new JsonArray(r.body());
        List<JsonObject> rows = new ArrayList<>(array.size());
        for (Object row : array) {
            assertWorld(path, (JsonObject) row);
            rows.add((JsonObject) row);
        }
        return rows;
    }

    static void assertWorld(String what, JsonObject row) {
        assertThat(row.fieldNames()).as(what).containsExactlyInAnyOrder("id", "randomNumber");
        assertThat(row.getInteger("id")).as(what).isBetween(1, 10_000);
        assertThat(row.getInteger("randomNumber")).as(what).isBetween(1, 10_000);
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&#x27;", "'").replace("&#61;", "=")
                .replace("&#x60;", "`").replace("&amp;", "&");
    }
}
