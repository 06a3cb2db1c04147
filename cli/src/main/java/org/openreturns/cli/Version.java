package org.openreturns.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven stamps into the jar manifest. */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = OpenReturnsCli.class.getPackage().getImplementationVersion();
        return new String[] {"openreturns " + (v == null ? "(development build)" : v)};
    }
}
