package org.openreturns.server.reports.pdf;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * openhtmltopdf's messages in the service's own log: its INFO (a few lines for every document, about fonts and
 * timings) at debug, warnings and errors as they are.
 */
final class PdfLogging implements XRLogger {

    private static final Logger LOG = LoggerFactory.getLogger("com.openhtmltopdf");

    static void install() {
        XRLog.setLoggerImpl(new PdfLogging());
    }

    @Override
    public void log(String where, Level level, String message) {
        log(where, level, message, null);
    }

    @Override
    public void log(String where, Level level, String message, Throwable error) {
        if (level.intValue() >= Level.SEVERE.intValue()) {
            LOG.error("{}: {}", where, message, error);
        } else if (level.intValue() >= Level.WARNING.intValue()) {
            LOG.warn("{}: {}", where, message, error);
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("{}: {}", where, message, error);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // The service's logging configuration decides.
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        Level level = diagnostic.getLevel();
        return level.intValue() >= Level.WARNING.intValue() || LOG.isDebugEnabled();
    }
}
