package io.apitune.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;

import io.apitune.db.Fortune;
import io.apitune.db.FortuneSchema;

/**
 * The TechEmpower fortunes page: the stored rows plus {@link FortuneSchema#ADDED}, sorted by
 * message, rendered by the Mustache template {@code fortunes.mustache} (mustache.java), whose
 * {@code {{…}}} tags HTML-escape every value, so a stored {@code <script>} comes out inert.
 *
 * <p>Thread-safe: the compiled template is immutable and may render on any thread at once.
 */
final class FortunesPage {
    private static final String TEMPLATE = "io/apitune/server/fortunes.mustache";
    private static final Comparator<Fortune> BY_MESSAGE = Comparator.comparing(Fortune::message);
    private final Mustache template;

    FortunesPage() {
        this.template = compile();
    }

    /** Adds the request-time fortune, sorts by message and renders the HTML page. */
    String render(List<Fortune> stored) {
        List<Fortune> all = new ArrayList<>(stored.size() + 1);
        all.addAll(stored);
        all.add(FortuneSchema.ADDED);
        all.sort(BY_MESSAGE);
        StringWriter out = new StringWriter(1_400);
        template.execute(out, Map.of("fortunes", all));
        return out.toString();
    }

    private static Mustache compile() {
        InputStream in = FortunesPage.class.getClassLoader().getResourceAsStream(TEMPLATE);
        if (in == null) {
            throw new IllegalStateException(TEMPLATE + " is missing from the jar");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return new DefaultMustacheFactory().compile(reader, "fortunes");
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + TEMPLATE, e);
        }
    }
}
