package io.apitune.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One row of the bad-input campaign: a command line (or a scenario file run by {@code run}) that
 * apitune must refuse with exit 2, one line on stderr naming {@code says}, no Java class name,
 * and nothing written.
 *
 * <p>A command line is split on spaces; {@code '...'} keeps spaces. Placeholders:
 * {@code {fx}} the shared fixture directory ({@link BadInputCampaignIT} lists what it holds),
 * {@code {out}} a path of the row's own that must still not exist afterwards, {@code {url}} an
 * unreachable target (a row that slips through validation fails with exit 3, never sends load),
 * {@code {yaml}} the row's scenario file.
 *
 * @param line     the command line, e.g. {@code bench --url {url} --rate fast}
 * @param says     text the one error line must contain (the flag, key or value at fault)
 * @param scenario the scenario file's text, or null
 */
record BadInput(String line, String says, String scenario) {
    /** A command line. */
    static BadInput cli(String line, String says) {
        return new BadInput(line, says, null);
    }

    /** A whole scenario file, run with {@code run {yaml} --out {out}}. */
    static BadInput yaml(String scenario, String says) {
        return new BadInput("run {yaml} --out {out}", says, scenario);
    }

    /** A scenario with one run {@code {name: a, KEYS}}, run with {@code run}. */
    static BadInput runKeys(String keys, String says) {
        return yaml("name: s\nruns:\n  - {name: a, " + keys + "}\n", says);
    }

    /** The arguments, placeholders replaced. */
    List<String> args(Map<String, String> placeholders) {
        List<String> args = new ArrayList<>();
        for (String word : split(line)) {
            String arg = word;
            for (Map.Entry<String, String> p : placeholders.entrySet()) {
                arg = arg.replace(p.getKey(), p.getValue());
            }
            args.add(arg);
        }
        return args;
    }

    /** The command path: the words before the first option or placeholder, e.g. {@code report merge}. */
    String command() {
        List<String> path = new ArrayList<>();
        for (String word : split(line)) {
            if (word.startsWith("-") || word.contains("{") || !word.matches("[a-z]+")) {
                break;
            }
            path.add(word);
        }
        return String.join(" ", path);
    }

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : line.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) {
                    words.add(word.toString());
                }
                word.setLength(0);
                any = false;
            } else {
                word.append(c);
                any = true;
            }
        }
        if (any) {
            words.add(word.toString());
        }
        return words;
    }

    @Override
    public String toString() {
        return scenario == null ? line : line + " <<" + scenario.replace("\n", "⏎") + ">>";
    }
}
