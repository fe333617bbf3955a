package io.apitune;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Says in words what an I/O failure was, for one-line messages that name no Java class, and
 * finds what a chain of failures comes down to.
 *
 * <p>Stateless; thread-safe.
 */
public final class Problems {
    private Problems() {
    }

    /** e.g. "no such file or directory", "permission denied", "not valid UTF-8 text". */
    public static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        if (e instanceof CharacterCodingException) {
            return "not valid UTF-8 text";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? "input/output error" : message.split("\n")[0];
    }

    /** The last cause in the chain of {@code t}: what the failure comes down to. */
    public static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** The message of the root cause of {@code t} (see {@link #message}). */
    public static String rootMessage(Throwable t) {
        return message(rootCause(t));
    }

    /** The message of {@code t}, or its class's simple name when it has none. */
    public static String message(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
