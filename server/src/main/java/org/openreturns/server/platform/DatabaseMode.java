package org.openreturns.server.platform;

/** Whether the service runs on its own embedded database; demo data is only ever seeded there. */
public record DatabaseMode(boolean embedded) {
}
