package org.openreturns.server.submissions;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What one upload may hold. A zip is opened only within these bounds (entries, total size once unzipped, ratio of
 * unzipped to zipped size), so a zip bomb is refused before it costs memory. Keep {@code maxFileMb} at or below
 * {@code spring.servlet.multipart.max-file-size}.
 */
@ConfigurationProperties("openreturns.uploads")
public record UploadLimits(
        @DefaultValue("50") int maxFileMb,
        @DefaultValue("20") int maxFiles,
        @DefaultValue("50") int maxZipEntries,
        @DefaultValue("200") int maxUnzippedMb,
        @DefaultValue("100") int maxZipRatio) {

    public long maxFileBytes() {
        return maxFileMb * 1024L * 1024L;
    }

    long maxUnzippedBytes() {
        return maxUnzippedMb * 1024L * 1024L;
    }
}
