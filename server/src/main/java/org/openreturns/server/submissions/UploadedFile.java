package org.openreturns.server.submissions;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.web.multipart.MultipartFile;

/** A file as the school sent it: its name on their computer and its bytes. */
public record UploadedFile(String name, byte[] content) {

    public static UploadedFile of(MultipartFile file) {
        try {
            return new UploadedFile(file.getOriginalFilename(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
