package io.palisade.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.palisade.schema.Container;
import io.palisade.schema.ContainerImage;
import org.junit.jupiter.api.Test;

class MessageTemplateTest {

    private final Container container = Container.newBuilder().setId("abc").setName(null)
            .setImage(ContainerImage.newBuilder().setName("nginx:1.27").build()).build();

    @Test
    void fillsNestedFieldsByTheirAvroNames() {
        assertThat(new MessageTemplate("{id} runs {image.name}").render(container)).isEqualTo("abc runs nginx:1.27");
    }

    @Test
    void nullRendersAsDashAndUnknownFieldIsVisible() {
        assertThat(new MessageTemplate("{name} {image.digest} {image.tag} {id.more}").render(container))
                .isEqualTo("- - ?image.tag? ?id.more?");
    }

    @Test
    void listsItsPaths() {
        assertThat(new MessageTemplate("{a.b} and {c}").paths()).containsExactly("a.b", "c");
    }
}
