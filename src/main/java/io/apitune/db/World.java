package io.apitune.db;

import java.util.List;

/**
 * One row of the World table.
 *
 * <p>Immutable; thread-safe.
 *
 * @param id           1..{@link WorldSchema#ROWS}
 * @param randomNumber 1..{@link WorldSchema#ROWS}
 */
public record World(int id, int randomNumber) {
    /** {@code {"id":7,"randomNumber":4021}}. */
    public String toJson() {
        return appendJson(new StringBuilder(40)).toString();
    }

    /** {@code [{"id":…,"randomNumber":…},…]}. */
    public static String toJson(List<World> rows) {
        StringBuilder sb = new StringBuilder(rows.size() * 36 + 2).append('[');
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            rows.get(i).appendJson(sb);
        }
        return sb.append(']').toString();
    }

    private StringBuilder appendJson(StringBuilder sb) {
        return sb.append("{\"id\":").append(id).append(",\"randomNumber\":").append(randomNumber)
                .append('}');
    }
}
