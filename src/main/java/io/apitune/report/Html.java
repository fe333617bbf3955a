package io.apitune.report;

import java.util.Locale;

/**
 * HTML text helpers: escaping of every user-supplied string and number formatting for tables.
 *
 * <p>Stateless; thread-safe.
 */
final class Html {
    /** A table cell with no value. */
    static final String MISSING = "<span class=\"muted\">–</span>";

    private Html() {
    }

    /** Escapes text for element content and double- or single-quoted attribute values. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A number for people: up to three significant decimals, no exponent, Locale.ROOT. */
    static String num(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "–";
        }
        double abs = Math.abs(value);
        String pattern = abs >= 1000 ? "%.0f" : abs >= 100 ? "%.1f" : abs >= 10 ? "%.2f" : "%.3f";
        String s = String.format(Locale.ROOT, pattern, value);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "");
            s = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        }
        return s;
    }

    /** Formats with Locale.ROOT. */
    static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
