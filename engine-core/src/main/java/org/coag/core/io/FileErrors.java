package org.coag.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.ReadOnlyFileSystemException;

/**
 * One line a user can act on for a file-system failure (permission, missing directory, full or
 * read-only disk), instead of the exception's class name: what failed, on which path, and why.
 */
public final class FileErrors {
    private FileErrors() {
    }

    /**
     * @param e an I/O failure (an {@link UncheckedIOException} is unwrapped)
     * @return the one-line description, or null when e is not a file-system failure
     */
    public static String describe(Throwable e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (t instanceof ReadOnlyFileSystemException) {
            return "read-only file system";
        }
        if (!(t instanceof IOException io)) {
            return null;
        }
        if (io instanceof FileSystemException fs) {
            String file = fs.getFile() == null ? "" : fs.getFile();
            String why;
            if (fs instanceof AccessDeniedException) {
                why = "permission denied";
            } else if (fs instanceof NoSuchFileException) {
                why = "no such file or directory";
            } else if (fs instanceof NotDirectoryException) {
                why = "not a directory";
            } else if (fs instanceof FileAlreadyExistsException) {
                why = "already exists";
            } else if (fs instanceof DirectoryNotEmptyException) {
                why = "directory not empty";
            } else {
                why = fs.getReason() == null ? "file-system error" : fs.getReason();
            }
            return "cannot use " + file + (fs.getOtherFile() == null ? "" : " / " + fs.getOtherFile()) + ": " + why;
        }
        String msg = io.getMessage();
        return msg == null ? "I/O error (" + io.getClass().getSimpleName() + ")" : "I/O error: " + msg.lines().findFirst().orElse("").trim();
    }
}
