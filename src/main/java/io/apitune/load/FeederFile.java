package io.apitune.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.apitune.load.FeederSpec.Format;

/**
 * Reads a feeder file one window at a time: a run of whole records of about
 * {@code windowBytes}, so a file of any size is read in bounded memory and never loaded whole.
 * Records are found by scanning bytes (a CSV record ends at a newline outside double quotes, a
 * JSON Lines record at any newline) and parsed by Jackson (its CSV module, or its JSON reader):
 * the header line of a CSV file names the columns, and the keys of the first object of a JSON
 * Lines file do. A CSV record with fewer fields than columns gets empty values; a JSON value
 * that is missing or null is empty, a nested one is its JSON text. Blank lines are skipped.
 *
 * <p>Not thread-safe: one thread reads through an instance.
 */
final class FeederFile implements AutoCloseable {
    private static final ObjectReader CSV = new CsvMapper().readerFor(String[].class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY);
    private static final ObjectReader JSON = new ObjectMapper().readerFor(JsonNode.class);
    private static final int READ_BYTES = 64 * 1024;

    private final Path file;
    private final Format format;
    private final FileChannel channel;
    private final List<String> columns;
    private final long dataStart;

    /** One window: its rows and where the next one starts ({@code size} at the end). */
    record Window(String[][] rows, long next) {
    }

    /**
     * Opens {@code file} and reads its columns.
     *
     * @throws IOException when it cannot be read
     * @throws IllegalArgumentException when it has no columns (no header, no first object)
     */
    FeederFile(Path file, Format format) throws IOException {
        this.file = file;
        this.format = format;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        byte[] first = recordAt(0);
        if (first.length == 0) {
            channel.close();
            throw new IllegalArgumentException("is empty: a " + (format == Format.CSV
                    ? "CSV feeder needs a header line" : "JSON Lines feeder needs an object per line"));
        }
        try {
            this.columns = format == Format.CSV ? csvHeader(first) : jsonKeys(first);
        } catch (RuntimeException | IOException e) {
            channel.close();
            throw e;
        }
        this.dataStart = format == Format.CSV ? first.length : 0;
    }

    /** The column names of a feeder file, read from its first record. */
    static List<String> columns(Path file, Format format) throws IOException {
        try (FeederFile f = new FeederFile(file, format)) {
            return f.columns;
        }
    }

    List<String> columns() {
        return columns;
    }

    long dataStart() {
        return dataStart;
    }

    long size() throws IOException {
        return channel.size();
    }

    /** The bytes of the record starting at {@code offset}, its newline included. */
    private byte[] recordAt(long offset) throws IOException {
        Chunk chunk = readRecords(offset, 1);
        return java.util.Arrays.copyOf(chunk.bytes, chunk.length);
    }

    private List<String> csvHeader(byte[] record) throws IOException {
        List<String> names = new ArrayList<>();
        try (MappingIterator<String[]> it = CSV.readValues(record)) {
            for (String name : it.next()) {
                names.add(name.trim());
            }
        }
        if (names.isEmpty() || names.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("has an empty column name in its header line");
        }
        return List.copyOf(names);
    }

    private static List<String> jsonKeys(byte[] record) throws IOException {
        JsonNode first = JSON.readTree(record);
        if (first == null || !first.isObject() || first.size() == 0) {
            throw new IllegalArgumentException("does not start with a JSON object with fields");
        }
        List<String> names = new ArrayList<>();
        first.fieldNames().forEachRemaining(names::add);
        return List.copyOf(names);
    }

    /**
     * Reads whole records from {@code offset} until at least {@code windowBytes} (or the end)
     * and parses them.
     */
    Window window(long offset, int windowBytes) throws IOException {
        Chunk chunk = readRecords(offset, windowBytes);
        return new Window(parse(chunk.bytes, chunk.length), offset + chunk.length);
    }

    /** Where each window starts, from the first data record to the end (one pass over the file). */
    long[] windowStarts(int windowBytes) throws IOException {
        List<Long> starts = new ArrayList<>();
        long size = channel.size();
        for (long offset = dataStart; offset < size; ) {
            starts.add(offset);
            offset += readRecords(offset, windowBytes).length;
        }
        return starts.stream().mapToLong(Long::longValue).toArray();
    }

    private record Chunk(byte[] bytes, int length) {
    }

    /**
     * The bytes from {@code offset} through the end of the first record that ends at or after
     * {@code minBytes} (or to the end of the file).
     */
    private Chunk readRecords(long offset, int minBytes) throws IOException {
        byte[] buffer = new byte[Math.max(READ_BYTES, minBytes + READ_BYTES)];
        int length = 0;
        int scanned = 0;
        boolean quoted = false;
        while (true) {
            if (length == buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
            }
            int read = channel.read(ByteBuffer.wrap(buffer, length, buffer.length - length), offset + length);
            if (read <= 0) {
                return new Chunk(buffer, length);
            }
            length += read;
            for (; scanned < length; scanned++) {
                byte b = buffer[scanned];
                if (b == '"' && format == Format.CSV) {
                    quoted = !quoted;
                } else if (b == '\n' && !quoted && scanned + 1 >= minBytes) {
                    return new Chunk(buffer, scanned + 1);
                }
            }
        }
    }

    private String[][] parse(byte[] bytes, int length) throws IOException {
        List<String[]> rows = new ArrayList<>();
        if (format == Format.CSV) {
            try (MappingIterator<String[]> it = CSV.readValues(bytes, 0, length)) {
                while (it.hasNextValue()) {
                    String[] fields = it.nextValue();
                    if (fields.length > 1 || (fields.length == 1 && !fields[0].isEmpty())) {
                        rows.add(fit(fields));
                    }
                }
            }
        } else {
            try (MappingIterator<JsonNode> it = JSON.readValues(bytes, 0, length)) {
                while (it.hasNextValue()) {
                    rows.add(row(it.nextValue()));
                }
            }
        }
        return rows.toArray(String[][]::new);
    }

    private String[] fit(String[] fields) {
        if (fields.length == columns.size()) {
            return fields;
        }
        String[] row = new String[columns.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = i < fields.length ? fields[i] : "";
        }
        return row;
    }

    private String[] row(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("a line of " + file.getFileName() + " is not a JSON object: "
                    + (node == null ? "empty" : abbreviate(node.toString())));
        }
        String[] row = new String[columns.size()];
        for (int i = 0; i < row.length; i++) {
            JsonNode value = node.get(columns.get(i));
            row[i] = value == null || value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString();
        }
        return row;
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** For messages. */
    @Override
    public String toString() {
        return file.toString();
    }
}
