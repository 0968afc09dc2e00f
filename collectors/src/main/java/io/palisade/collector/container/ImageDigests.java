package io.palisade.collector.container;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The repository digest of the image a container runs (ECS container.image.hash.all), from {@code docker image
 * inspect}, asked once per image: an image id names its content, so what it says does not change. An image built
 * or loaded on the host has no repository digest until it is pushed or pulled; its containers get none.
 *
 * <p>Not thread-safe: used by the {@link ContainerTracker}'s one thread.
 */
final class ImageDigests {

    private static final Logger LOG = LoggerFactory.getLogger(ImageDigests.class);
    /** A host runs far fewer images than this; the bound only keeps a long-lived collector's memory flat. */
    private static final int CACHED_IMAGES = 1_024;

    private final DockerClient docker;
    private final Map<String, Optional<String>> byImageId = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<String>> eldest) {
            return size() > CACHED_IMAGES;
        }
    };

    ImageDigests(DockerClient docker) {
        this.docker = docker;
    }

    /** The digest, e.g. {@code sha256:...}, of the image {@code container} runs; null when it has none. */
    String of(InspectContainerResponse container) {
        String imageId = container.getImageId();
        if (imageId == null) {
            return null;
        }
        String reference = container.getConfig() == null ? null : container.getConfig().getImage();
        Optional<String> digest = byImageId.get(imageId);
        if (digest == null) {
            digest = lookUp(imageId, reference);
            byImageId.put(imageId, digest);
        }
        return digest.orElse(null);
    }

    private Optional<String> lookUp(String imageId, String reference) {
        try {
            return Optional.ofNullable(choose(docker.inspectImageCmd(imageId).exec().getRepoDigests(), reference));
        } catch (NotFoundException e) {
            return Optional.empty(); // removed since the container was inspected
        } catch (RuntimeException e) {
            if (DockerErrors.isRetriable(e)) {
                throw e;
            }
            LOG.atWarn().setMessage("Engine refused to inspect an image; its containers get no digest")
                    .addKeyValue("imageId", imageId).addKeyValue("error", e.toString()).log();
            return Optional.empty();
        }
    }

    /**
     * Of the image's {@code repository@sha256:...} entries (one per repository it was pushed to or pulled from), the
     * digest of the container's own repository, else the first; null when there is none.
     */
    static String choose(List<String> repoDigests, String reference) {
        if (repoDigests == null || repoDigests.isEmpty()) {
            return null;
        }
        String repository = reference == null ? null : repositoryOf(reference);
        String chosen = repoDigests.stream().filter(entry -> repositoryOf(entry).equals(repository)).findFirst()
                .orElse(repoDigests.getFirst());
        int at = chosen.indexOf('@');
        return at < 0 ? null : chosen.substring(at + 1);
    }

    /** {@code registry:5000/team/app} of {@code registry:5000/team/app:1.2} or {@code ...app@sha256:...}. */
    static String repositoryOf(String reference) {
        int at = reference.indexOf('@');
        String name = at < 0 ? reference : reference.substring(0, at);
        int colon = name.lastIndexOf(':');
        return colon > name.lastIndexOf('/') ? name.substring(0, colon) : name;
    }
}
