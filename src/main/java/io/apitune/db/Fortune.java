package io.apitune.db;

/**
 * One row of the TechEmpower Fortune table. The message is plain text; it is escaped only
 * when rendered.
 *
 * <p>Immutable; thread-safe.
 *
 * @param id      the row id (0 for the fortune added at request time)
 * @param message the fortune text, may contain markup that must come out inert
 */
public record Fortune(int id, String message) {
}
