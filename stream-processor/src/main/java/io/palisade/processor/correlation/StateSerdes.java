package io.palisade.processor.correlation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.palisade.schema.Alert;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Encodings of the correlation state records in their stores and changelog topics. Each value starts with a format
 * version byte, so a later layout can still read what an older processor wrote to a changelog.
 */
final class StateSerdes {

    private static final byte VERSION = 1;
    private static final Serde<Alert> ALERTS = Topics.ALERTS.valueSerde();

    static final Serde<SlidingTally> TALLY = of(StateSerdes::writeTally, StateSerdes::readTally);
    static final Serde<ArmedSequence> SEQUENCE = of(StateSerdes::writeSequence, StateSerdes::readSequence);
    static final Serde<ImageProfile> PROFILE = of(StateSerdes::writeProfile, StateSerdes::readProfile);
    static final Serde<ImageBaseline> BASELINE = of(StateSerdes::writeBaseline, StateSerdes::readBaseline);

    private StateSerdes() {
    }

    private interface Writer<T> {
        void write(T value, DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static <T> Serde<T> of(Writer<T> writer, Reader<T> reader) {
        return Serdes.serdeFrom((topic, value) -> {
            if (value == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(VERSION);
                writer.write(value, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }, (topic, data) -> {
            if (data == null) {
                return null;
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
                byte version = in.readByte();
                if (version != VERSION) {
                    throw new IllegalStateException("correlation state in format " + version + ", expected " + VERSION
                            + " (store of topic " + topic + ")");
                }
                return reader.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void writeTally(SlidingTally tally, DataOutputStream out) throws IOException {
        out.writeLong(tally.quietUntil().toEpochMilli());
        out.writeInt(tally.members().size());
        for (SlidingTally.Member m : tally.members()) {
            out.writeUTF(m.key());
            out.writeUTF(m.evidenceId());
            out.writeLong(m.at().toEpochMilli());
        }
    }

    private static SlidingTally readTally(DataInputStream in) throws IOException {
        Instant quietUntil = Instant.ofEpochMilli(in.readLong());
        int size = in.readInt();
        List<SlidingTally.Member> members = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            members.add(new SlidingTally.Member(in.readUTF(), in.readUTF(), Instant.ofEpochMilli(in.readLong())));
        }
        return new SlidingTally(members, quietUntil);
    }

    private static void writeSequence(ArmedSequence armed, DataOutputStream out) throws IOException {
        out.writeBoolean(armed.fired());
        writeAlert(armed.first(), out);
        writeAlert(armed.then(), out);
    }

    /**
     * A state written before next-rule alerts were kept ends after the first alert; -1 stands for no alert, so a
     * first alert may be missing too.
     */
    private static ArmedSequence readSequence(DataInputStream in) throws IOException {
        boolean fired = in.readBoolean();
        Alert first = readAlert(in);
        Alert then = in.available() > 0 ? readAlert(in) : null;
        return new ArmedSequence(first, fired, then);
    }

    private static void writeAlert(Alert alert, DataOutputStream out) throws IOException {
        if (alert == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = ALERTS.serializer().serialize(Topics.ALERTS.name(), alert);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static Alert readAlert(DataInputStream in) throws IOException {
        int length = in.readInt();
        return length < 0 ? null : ALERTS.deserializer().deserialize(Topics.ALERTS.name(), in.readNBytes(length));
    }

    private static void writeProfile(ImageProfile profile, DataOutputStream out) throws IOException {
        out.writeLong(profile.learningStart().toEpochMilli());
        out.writeInt(profile.executables().size());
        for (String executable : profile.executables()) {
            out.writeUTF(executable);
        }
    }

    private static ImageProfile readProfile(DataInputStream in) throws IOException {
        Instant learningStart = Instant.ofEpochMilli(in.readLong());
        int size = in.readInt();
        Set<String> executables = new HashSet<>(size);
        for (int i = 0; i < size; i++) {
            executables.add(in.readUTF());
        }
        return new ImageProfile(learningStart, executables);
    }

    private static void writeBaseline(ImageBaseline baseline, DataOutputStream out) throws IOException {
        writeWelford(baseline.cpuPercent(), out);
        writeWelford(baseline.memoryBytes(), out);
    }

    private static ImageBaseline readBaseline(DataInputStream in) throws IOException {
        return new ImageBaseline(readWelford(in), readWelford(in));
    }

    private static void writeWelford(Welford w, DataOutputStream out) throws IOException {
        out.writeLong(w.count());
        out.writeDouble(w.mean());
        out.writeDouble(w.m2());
    }

    private static Welford readWelford(DataInputStream in) throws IOException {
        return new Welford(in.readLong(), in.readDouble(), in.readDouble());
    }
}
