package org.openreturns.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.openreturns.engine.ctf.CtfReadException;
import org.openreturns.engine.validation.FileReport;
import org.openreturns.engine.validation.PupilListener;
import org.openreturns.engine.validation.ReturnValidator;

/**
 * Validates one file on disk for every collection it carries, turning a file that cannot even be opened into a report like
 * any unreadable file.
 */
final class FileValidation {

    private FileValidation() {
    }

    /** One report per collection the file carries (one when it carries none, or cannot be read). */
    static List<FileReport> validate(ReturnValidator validator, Path file, PupilListener... listeners) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (Files.isDirectory(file)) {
            return List.of(FileReport.unreadable(name, new CtfReadException("This is a folder, not a file.")));
        }
        try (InputStream in = Files.newInputStream(file)) {
            return validator.validateAll(name, in, listeners);
        } catch (NoSuchFileException e) {
            return List.of(FileReport.unreadable(name, new CtfReadException("The file does not exist: " + file)));
        } catch (IOException e) {
            return List.of(FileReport.unreadable(name, new CtfReadException("The file could not be opened: "
                    + e.getMessage())));
        }
    }
}
