package io.apitune.load;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.apitune.load.LoadConfig.Header;

/**
 * One request of a run as sent: method, URL, headers and body compiled into {@link Template}s
 * once, and the checks of its answers. A request without placeholders is {@link #constant()}:
 * every send is the same, and a transport builds it once.
 *
 * <p>Immutable; thread-safe.
 */
final class CompiledRequest {
    final int index;
    final String name;
    final String method;
    final Template url;
    final String[] headerNames;
    final Template[] headerValues;
    /** Every header when all are constant, else null. */
    final List<Header> constantHeaders;
    /** The body when it is constant (or none: null), else null and {@link #body} is set. */
    final byte[] constantBody;
    final Template body;
    final ResponseChecks checks;
    /** Indexes of the feeders any template of this request reads. */
    final int[] feeders;
    final boolean constant;

    /**
     * @param url  absolute URL (a template)
     * @param body the body as given; UTF-8 text with placeholders is a template, anything else
     *             is sent as it is
     */
    CompiledRequest(int index, String name, String method, String url, List<Header> headers,
            byte[] body, List<Check> checks, List<FeederSpec> feeders) {
        this.index = index;
        this.name = name;
        this.method = method.toUpperCase(Locale.ROOT);
        this.url = Template.compile(url, feeders, true);
        this.headerNames = headers.stream().map(Header::name).toArray(String[]::new);
        this.headerValues = headers.stream().map(h -> Template.compile(h.value(), feeders, false))
                .toArray(Template[]::new);
        boolean headersConstant = java.util.Arrays.stream(headerValues).allMatch(Template::constant);
        this.constantHeaders = headersConstant ? constantHeaders(headerNames, headerValues) : null;
        this.body = bodyTemplate(body, feeders);
        this.constantBody = this.body == null ? body : null;
        this.checks = checks.isEmpty() ? ResponseChecks.NONE : new ResponseChecks(checks);
        java.util.TreeSet<Integer> used = new java.util.TreeSet<>();
        List<Template> all = new ArrayList<>(List.of(headerValues));
        all.add(this.url);
        if (this.body != null) {
            all.add(this.body);
        }
        all.forEach(t -> java.util.Arrays.stream(t.feeders()).forEach(used::add));
        this.feeders = used.stream().mapToInt(Integer::intValue).toArray();
        this.constant = this.url.constant() && headersConstant && this.body == null;
    }

    private static List<Header> constantHeaders(String[] names, Template[] values) {
        List<Header> headers = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            headers.add(new Header(names[i], values[i].constantText()));
        }
        return List.copyOf(headers);
    }

    /** The body as a template when it is UTF-8 text with placeholders, else null. */
    private static Template bodyTemplate(byte[] body, List<FeederSpec> feeders) {
        if (body == null) {
            return null;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException binary) {
            return null;
        }
        Template template = Template.compile(text, feeders, false);
        return template.constant() && template.constantText().equals(text) ? null : template;
    }

    /** The URL's text of a constant request. */
    String constantUrl() {
        return url.constantText();
    }

    boolean wantsHeaders() {
        return checks.needsHeaders();
    }

    boolean wantsBody() {
        return checks.needsBody();
    }
}
