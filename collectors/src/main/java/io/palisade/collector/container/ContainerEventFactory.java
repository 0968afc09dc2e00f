package io.palisade.collector.container;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Event;
import io.palisade.collector.CollectorIdentity;
import io.palisade.schema.Container;
import io.palisade.schema.ContainerAction;
import io.palisade.schema.ContainerEvent;
import io.palisade.schema.ContainerEventInfo;
import io.palisade.schema.ContainerExec;
import io.palisade.schema.ContainerImage;
import io.palisade.schema.ContainerPosture;
import io.palisade.schema.ContainerSecurityContext;

/**
 * Builds {@link ContainerEvent}s from what the Docker Engine reports: its event stream and {@code docker inspect}.
 * Pure: no engine calls.
 */
public final class ContainerEventFactory {

    /** Docker's actions worth an event; the others (attach, resize, exec_create, exec_die, health_status ...) are
     * noise or, like exec_create, repeat what a kept action says. */
    private static final Map<String, ContainerAction> ACTIONS = Map.ofEntries(
            Map.entry("create", ContainerAction.CREATE), Map.entry("start", ContainerAction.START),
            Map.entry("stop", ContainerAction.STOP), Map.entry("die", ContainerAction.DIE),
            Map.entry("destroy", ContainerAction.DESTROY), Map.entry("kill", ContainerAction.KILL),
            Map.entry("oom", ContainerAction.OOM), Map.entry("pause", ContainerAction.PAUSE),
            Map.entry("unpause", ContainerAction.UNPAUSE), Map.entry("restart", ContainerAction.RESTART),
            Map.entry("exec_start", ContainerAction.EXEC));
    private static final String EXEC_START_PREFIX = "exec_start: ";

    private final CollectorIdentity identity;

    public ContainerEventFactory(CollectorIdentity identity) {
        this.identity = identity;
    }

    /** The Palisade action of a Docker event action such as {@code "die"} or {@code "exec_start: ls -l"}. */
    public static Optional<ContainerAction> actionOf(String dockerAction) {
        if (dockerAction == null) {
            return Optional.empty();
        }
        int colon = dockerAction.indexOf(':');
        String verb = (colon < 0 ? dockerAction : dockerAction.substring(0, colon)).toLowerCase(Locale.ROOT);
        return Optional.ofNullable(ACTIONS.get(verb));
    }

    /** Event time of a Docker event, at the daemon's clock, to the millisecond. */
    public static Instant timeOf(Event event) {
        if (event.getTimeNano() != null) {
            return Instant.ofEpochSecond(0, event.getTimeNano());
        }
        return Instant.ofEpochSecond(event.getTime() == null ? 0 : event.getTime());
    }

    /**
     * An event for a container the engine could describe, with its posture: START, CREATE, or INVENTORY for a
     * resync snapshot. {@code imageDigest} is its image's repository digest ({@link ImageDigests}), or null.
     */
    public ContainerEvent withPosture(ContainerAction action, Instant created, InspectContainerResponse inspect,
                                      String imageDigest) {
        String name = inspect.getName() == null ? null : inspect.getName().replaceFirst("^/", "");
        String image = inspect.getConfig() == null ? null : inspect.getConfig().getImage();
        ContainerPosture posture = PostureMapper.map(inspect);
        // What a reader of any alert of this container wants at hand: its labels and whether it is privileged.
        Container container = container(inspect.getId(), name, image, imageDigest).setLabels(posture.getLabels())
                .setSecurityContext(new ContainerSecurityContext(posture.getPrivileged())).build();
        return base(action, created, container)
                .setPosture(posture)
                .build();
    }

    /**
     * An event described by the engine's event stream alone: the container's name and image come from the event's
     * attributes, a DIE carries the exit code, an EXEC the command line ({@code exec} may add what inspecting the
     * exec found; {@code null} when it could not be inspected).
     */
    public ContainerEvent fromEngineEvent(ContainerAction action, Event event, ExecDetails exec) {
        Map<String, String> attributes = event.getActor() == null || event.getActor().getAttributes() == null
                ? Map.of() : event.getActor().getAttributes();
        String id = event.getActor() != null && event.getActor().getId() != null ? event.getActor().getId()
                : event.getId();
        ContainerEvent.Builder builder = base(action, timeOf(event),
                container(id, attributes.get("name"), attributes.get("image"), null).build());
        if (action == ContainerAction.DIE) {
            builder.setExitCode(parseIntOrNull(attributes.get("exitCode")));
        }
        if (action == ContainerAction.EXEC) {
            // Docker writes "exec_start: " + entrypoint + " " + arguments, so a bare command ends in a space.
            String commandLine = event.getAction().startsWith(EXEC_START_PREFIX)
                    ? event.getAction().substring(EXEC_START_PREFIX.length()).stripTrailing() : "";
            builder.setExec(ContainerExec.newBuilder()
                    .setId(attributes.get("execID"))
                    .setCommandLine(commandLine)
                    .setUser(exec == null ? null : exec.user())
                    .setPrivileged(exec == null ? null : exec.privileged())
                    .build());
        }
        return builder.build();
    }

    private ContainerEvent.Builder base(ContainerAction action, Instant created, Container container) {
        return ContainerEvent.newBuilder()
                .setEvent(ContainerEventInfo.newBuilder().setId(UUID.randomUUID().toString())
                        .setCreated(created).setAction(action).build())
                .setHost(identity.host())
                .setAgent(identity.agent())
                .setContainer(container);
    }

    private static Container.Builder container(String id, String name, String image, String imageDigest) {
        return Container.newBuilder().setId(id).setName(name)
                .setImage(image == null ? null : ContainerImage.newBuilder().setName(image).setDigest(imageDigest)
                        .build());
    }

    private static Integer parseIntOrNull(String value) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * What inspecting an exec adds to its event.
     *
     * @param user       the user it runs as; {@code null} for the container's user
     * @param privileged whether it was started with {@code --privileged}
     */
    public record ExecDetails(String user, Boolean privileged) {
    }
}
