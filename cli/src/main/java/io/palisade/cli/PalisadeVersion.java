package io.palisade.cli;

import picocli.CommandLine.IVersionProvider;

/** The version the build stamped into the jar manifest ("development" when run from classes). */
public final class PalisadeVersion implements IVersionProvider {

    public static String current() {
        String version = Palisade.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"palisade " + current() + " (Java " + Runtime.version() + ")"};
    }
}
