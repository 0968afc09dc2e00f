package io.palisade.schema.serde;

import org.apache.avro.specific.AvroGenerated;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Lets Avro load Palisade's own generated record and enum classes by name.
 *
 * <p>Since Avro 1.12.2, every class Avro resolves from a schema name (to build a record while decoding, or to
 * deep-copy one in {@code newBuilder(other)}) must be trusted by {@link ClassSecurityValidator}, and by default only
 * a few JDK classes are. Trusting exactly the {@code @AvroGenerated} classes of {@code io.palisade.schema} keeps the
 * protection against other classes a schema might name, without a JVM-wide system property every process would have
 * to remember. The serdes install it; code that deep-copies records before it creates any serde calls
 * {@link #install()} itself.
 */
public final class TrustedRecords {

    private static final String GENERATED_PACKAGE = "io.palisade.schema";

    static {
        ClassSecurityValidator.setGlobal(
                ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(), TrustedRecords::isPalisadeRecord));
    }

    private TrustedRecords() {
    }

    /** Makes sure the trust is in place; the JVM runs the class initializer above exactly once. */
    public static void install() {
        // Nothing to do here: calling it initializes the class.
    }

    private static boolean isPalisadeRecord(Class<?> type) {
        return type.getPackageName().equals(GENERATED_PACKAGE) && type.isAnnotationPresent(AvroGenerated.class);
    }
}
