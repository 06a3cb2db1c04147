package org.openreturns.server.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's own settings. {@code dataDir} holds the embedded database ({@code OPENRETURNS_DATA_DIR} or
 * {@code --openreturns.data-dir=DIR}); {@code demo} seeds demo data on first start, and is only honoured on the
 * embedded database, never on an external one.
 */
@ConfigurationProperties("openreturns")
public record OpenReturnsProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("true") boolean demo) {
}
