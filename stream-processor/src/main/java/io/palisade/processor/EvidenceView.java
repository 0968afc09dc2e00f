package io.palisade.processor;

import java.time.Instant;

import io.palisade.schema.Container;
import io.palisade.schema.ContainerEvent;
import io.palisade.schema.ContainerStats;
import io.palisade.schema.File;
import io.palisade.schema.FileEvent;
import io.palisade.schema.Host;
import io.palisade.schema.HostEvent;
import io.palisade.schema.Process;
import io.palisade.schema.ProcessEvent;
import io.palisade.schema.User;
import org.apache.avro.specific.SpecificRecord;

/**
 * The parts of any event kind an alert quotes: its id and event time, and the ECS host, container, process, user and
 * file it concerns (null where the kind has none). One place knows how each generated record spells them.
 */
record EvidenceView(String eventId, Instant eventTime, Host host, Container container, Process process, User user,
                    File file) {

    static EvidenceView of(SpecificRecord event) {
        return switch (event) {
            case ProcessEvent e -> new EvidenceView(e.getEvent().getId(), e.getEvent().getCreated(), e.getHost(),
                    e.getContainer(), e.getProcess(), e.getUser(), null);
            case FileEvent e -> new EvidenceView(e.getEvent().getId(), e.getEvent().getCreated(), e.getHost(),
                    e.getContainer(), null, null, e.getFile());
            case ContainerEvent e -> new EvidenceView(e.getEvent().getId(), e.getEvent().getCreated(), e.getHost(),
                    e.getContainer(), null, null, null);
            case ContainerStats e -> new EvidenceView(e.getEvent().getId(), e.getEvent().getCreated(), e.getHost(),
                    e.getContainer(), null, null, null);
            case HostEvent e -> new EvidenceView(e.getEvent().getId(), e.getEvent().getCreated(), e.getHost(),
                    null, null, null, null);
            default -> throw new IllegalArgumentException("not a Palisade event: " + event.getSchema().getFullName());
        };
    }
}
