package io.apitune.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.apitune.Problems;
import io.apitune.load.FeederSpec;
import io.apitune.load.KeyChooser;
import io.apitune.load.LoadConfig.KeySpace;
import io.apitune.load.LoadConfig.Header;
import io.apitune.load.LoadDefaults;
import io.apitune.load.Template;

/**
 * The rules of one request's parts (method, headers, body, templates), stated once for the
 * run's request ({@link LoadSettings}) and each request of a mix ({@link MixSettings}), and of
 * the keys its {@code {key}} placeholder draws.
 *
 * <p>Stateless; thread-safe.
 */
final class RequestSettings {
    private RequestSettings() {
    }

    /** The method given (a token, upper-cased), or the default. */
    static String method(Optional<Setting> given) {
        return given.map(s -> {
            if (!s.trimmed().matches("[A-Za-z]+")) {
                throw s.fail("\"" + s.text() + "\" is not an HTTP method");
            }
            return s.trimmed().toUpperCase(Locale.ROOT);
        }).orElse(LoadDefaults.METHOD);
    }

    static List<Header> headers(List<Setting> given, List<FeederSpec> feeders) {
        List<Header> parsed = new ArrayList<>();
        for (Setting h : given) {
            parsed.add(header(h, feeders));
        }
        return parsed;
    }

    /** A {@code Name: value} header whose value's placeholders name known things. */
    static Header header(Setting h, List<FeederSpec> feeders) {
        int colon = h.text().indexOf(':');
        if (colon <= 0) {
            throw h.fail("\"" + h.text() + "\" is not a header (write \"Name: value\")");
        }
        Header header = new Header(h.text().substring(0, colon).trim(), h.text().substring(colon + 1).trim());
        template(h, header.value(), feeders, false);
        return header;
    }

    /** Compiles a template to check its placeholders, failing at {@code where}. */
    static void template(Setting where, String text, List<FeederSpec> feeders, boolean url) {
        try {
            Template.compile(text, feeders, url);
        } catch (IllegalArgumentException e) {
            throw where.fail(e.getMessage());
        }
    }

    /** The body of {@code text} or of the file {@code file} (not both), or null. */
    static byte[] body(Optional<Setting> text, Optional<Setting> file, Naming naming,
            List<FeederSpec> feeders) {
        if (text.isPresent() && file.isPresent()) {
            throw file.get().fail(naming.eitherOr(LoadKey.BODY, LoadKey.BODY_FILE));
        }
        if (file.isEmpty()) {
            text.ifPresent(t -> template(t, t.text(), feeders, false));
            return text.map(s -> s.text().getBytes(StandardCharsets.UTF_8)).orElse(null);
        }
        Path path = Path.of(file.get().text());
        try {
            byte[] bytes = Files.readAllBytes(path);
            String utf8 = utf8(bytes);
            if (utf8 != null) {
                template(file.get(), utf8, feeders, false);
            }
            return bytes;
        } catch (IOException e) {
            throw file.get().fail("cannot read " + path + " (" + Problems.describe(e) + ")");
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException binary) {
            return null;
        }
    }

    /** The keys a {@code {key}} placeholder draws from: how many, and how they are picked. */
    static KeySpace keySpace(Optional<Setting> keys, Optional<Setting> dist) {
        long count = keys.map(s -> s.integer(1)).orElse(LoadDefaults.KEYS);
        if (dist.isEmpty() || dist.get().trimmed().equalsIgnoreCase("uniform")) {
            return new KeySpace(count, KeySpace.Distribution.UNIFORM, 0);
        }
        String text = dist.get().trimmed().toLowerCase(Locale.ROOT);
        double exponent = Double.NaN;
        if (text.equals("zipf")) {
            exponent = LoadDefaults.ZIPF_EXPONENT;
        } else if (text.startsWith("zipf:")) {
            try {
                exponent = Double.parseDouble(text.substring(5));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        if (!(exponent > 0 && Double.isFinite(exponent))) {
            throw dist.get().fail("\"" + dist.get().text()
                    + "\" is not a key distribution (uniform, zipf or zipf:EXPONENT)");
        }
        if (count > KeyChooser.MAX_ZIPF_KEYS) {
            throw keys.orElse(dist.get()).fail(count + " keys is more than the "
                    + KeyChooser.MAX_ZIPF_KEYS + " that zipf supports");
        }
        return new KeySpace(count, KeySpace.Distribution.ZIPF, exponent);
    }
}
