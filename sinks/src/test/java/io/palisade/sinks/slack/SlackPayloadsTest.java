package io.palisade.sinks.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.palisade.schema.Alert;
import io.palisade.schema.Host;
import io.palisade.schema.Process;
import io.palisade.schema.Samples;
import io.palisade.schema.Severity;
import io.palisade.schema.Threat;
import io.palisade.schema.ThreatTechnique;
import io.palisade.sinks.TestAlerts;
import org.junit.jupiter.api.Test;

class SlackPayloadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFullAlertMapsToTheGoldenMessage() throws IOException {
        String payload = SlackPayloads.alert(Samples.alert());

        assertThat(JSON.readTree(payload)).isEqualTo(golden("alert-full.json"));
        assertThat(FakeSlackWebhook.slackWouldAnswer(payload)).isEqualTo("ok");
    }

    @Test
    void aMinimalAlertMapsToTheGoldenMessage() throws IOException {
        String payload = SlackPayloads.alert(TestAlerts.minimal("a-1", "PAL-TEST-001", Severity.NOTICE));

        assertThat(JSON.readTree(payload)).isEqualTo(golden("alert-minimal.json"));
        assertThat(FakeSlackWebhook.slackWouldAnswer(payload)).isEqualTo("ok");
    }

    @Test
    void aDigestMapsToTheGoldenMessage() throws IOException {
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            alerts.add(TestAlerts.minimalBuilder("d-" + i, i < 4 ? "PAL-A" : "PAL-B",
                    i == 0 ? Severity.CRITICAL : Severity.WARNING).setHost(i < 5 ? Samples.host() : null).build());
        }
        alerts.add(Samples.alert());
        String payload = SlackPayloads.digest(alerts, 20);

        assertThat(JSON.readTree(payload)).isEqualTo(golden("digest.json"));
        assertThat(FakeSlackWebhook.slackWouldAnswer(payload)).isEqualTo("ok");
    }

    @Test
    void userControlledTextCannotMentionTheChannelOrFormALink() throws IOException {
        Alert alert = TestAlerts.minimalBuilder("a-<1>", "PAL-TEST-001", Severity.ERROR)
                .setMessage("<!channel> look at <https://evil.example|this> & that")
                .setHost(host("<@U123>"))
                .setProcess(process("/bin/sh", List.of("sh", "-c", "echo `id` <x>")))
                .build();

        List<String> texts = texts(JSON.readTree(SlackPayloads.alert(alert)));
        assertThat(texts).noneMatch(text -> text.contains("<!channel>") || text.contains("<@U123>")
                || text.contains("<https://evil"));
        assertThat(texts).anyMatch(text -> text.contains("&lt;!channel&gt; look at &lt;https://evil.example|this&gt; &amp; that"));
        assertThat(texts).anyMatch(text -> text.contains("`sh -c echo 'id' &lt;x&gt;`"));
    }

    @Test
    void longFieldsAreCutToSlackLimits() {
        String huge = "&".repeat(50_000);
        Alert alert = TestAlerts.minimalBuilder("a-1", "PAL-TEST-001", Severity.ERROR)
                .setMessage(huge)
                .setRule(io.palisade.schema.Rule.newBuilder().setId("PAL-TEST-001").setName(huge)
                        .setSeverity(Severity.ERROR).build())
                .setHost(host(huge))
                .setContainer(Samples.container())
                .setProcess(process(huge, List.of(huge, huge)))
                .setFile(io.palisade.schema.File.newBuilder().setPath(huge).build())
                .build();

        String payload = SlackPayloads.alert(alert);

        assertThat(FakeSlackWebhook.slackWouldAnswer(payload)).isEqualTo("ok");
        assertThat(payload).doesNotContain("&am…").contains("&amp;…");
    }

    @Test
    void subTechniquesLinkToTheirOwnPage() {
        assertThat(SlackPayloads.techniqueUrl("T1059")).isEqualTo("https://attack.mitre.org/techniques/T1059/");
        assertThat(SlackPayloads.techniqueUrl("T1059.004")).isEqualTo("https://attack.mitre.org/techniques/T1059/004/");
        assertThat(SlackPayloads.techniqueUrl("T1059/../x")).isNull();

        Alert alert = TestAlerts.minimalBuilder("a-1", "PAL-TEST-001", Severity.ERROR)
                .setThreat(Threat.newBuilder().setTechnique(ThreatTechnique.newBuilder().setId("T1059.004")
                        .setName("Unix Shell").build()).build())
                .build();
        assertThat(SlackPayloads.alert(alert))
                .contains("<https://attack.mitre.org/techniques/T1059/004/|T1059.004 Unix Shell>");
    }

    @Test
    void aDigestOfManyRulesAndHostsStillCountsEveryAlert() throws IOException {
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            alerts.add(TestAlerts.minimalBuilder("d-" + i, "PAL-R" + (i % 40), Severity.values()[i % 8])
                    .setHost(host("host-" + (i % 30))).build());
        }
        String payload = SlackPayloads.digest(alerts, 20);
        assertThat(FakeSlackWebhook.slackWouldAnswer(payload)).isEqualTo("ok");

        List<String> sections = texts(JSON.readTree(payload));
        assertThat(sumOfCounts(sections, "*By severity*")).isEqualTo(500);
        assertThat(sumOfCounts(sections, "*By rule*")).isEqualTo(500);
        assertThat(sumOfCounts(sections, "*Top hosts*")).isEqualTo(500);
        assertThat(JSON.readTree(payload).path("text").asText()).contains("500 alerts");
    }

    // Fresh builders: Avro's copy builders refuse nested classes not listed as trusted.
    private static Host host(String name) {
        return Host.newBuilder().setName(name).setId("4f1c2a9e").build();
    }

    private static Process process(String executable, List<String> args) {
        return Process.newBuilder().setPid(4242).setExecutable(executable).setArgs(args).build();
    }

    /** Every string in {@code json} under a "text" key, at any depth. */
    static List<String> texts(JsonNode json) {
        List<String> texts = new ArrayList<>();
        collectTexts(json, texts);
        return texts;
    }

    private static void collectTexts(JsonNode json, List<String> texts) {
        json.properties().forEach(field -> {
            if (field.getKey().equals("text") && field.getValue().isTextual()) {
                texts.add(field.getValue().asText());
            }
        });
        json.forEach(child -> collectTexts(child, texts));
    }

    /** The counts ending each line of the section starting with {@code title}. */
    static long sumOfCounts(List<String> sections, String title) {
        String section = sections.stream().filter(text -> text.startsWith(title)).findFirst().orElseThrow();
        Matcher count = Pattern.compile(": (\\d+)$", Pattern.MULTILINE).matcher(section);
        long sum = 0;
        while (count.find()) {
            sum += Long.parseLong(count.group(1));
        }
        return sum;
    }

    private static JsonNode golden(String name) throws IOException {
        try (InputStream in = SlackPayloadsTest.class.getResourceAsStream("/slack/" + name)) {
            assertThat(in).as(name).isNotNull();
            return JSON.readTree(in);
        }
    }
}
