package io.hyperscalelab.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonBuilderTest {

    private final ObjectMapper jackson = new ObjectMapper();

    @Test
    void escapesWhatJsonRequiresAndNestsObjectsAndArrays() throws Exception {
        String awkward = "quote \" backslash \\ newline \n tab \t bell \u0007 \u4fee";
        JsonBuilder json = new JsonBuilder().reset().beginObject()
                .field("text", awkward)
                .field("number", 1_442_000_000L)
                .field("flag", true)
                .nullField("nothing")
                .field("absent", (String) null)
                .beginObject("author").field("name", "Ana").endObject()
                .beginArray("commits")
                .beginObject().field("sha", "a").endObject()
                .beginObject().field("sha", "b").endObject()
                .endArray();
        json.beginString("url").raw().append("https://api.github.com/repos/o/r");
        json.endString().endObject();

        JsonNode parsed = jackson.readTree(json.json().toString());

        assertThat(parsed.get("text").asText()).isEqualTo(awkward);
        assertThat(parsed.get("number").asLong()).isEqualTo(1_442_000_000L);
        assertThat(parsed.get("flag").asBoolean()).isTrue();
        assertThat(parsed.get("nothing").isNull()).isTrue();
        assertThat(parsed.get("absent").isNull()).isTrue();
        assertThat(parsed.at("/author/name").asText()).isEqualTo("Ana");
        assertThat(parsed.at("/commits/1/sha").asText()).isEqualTo("b");
        assertThat(parsed.get("url").asText()).isEqualTo("https://api.github.com/repos/o/r");
    }

    @Test
    void resetStartsAFreshDocument() throws Exception {
        JsonBuilder json = new JsonBuilder();
        json.reset().beginObject().field("a", 1).endObject();
        json.reset().beginObject().endObject();

        assertThat(json.json().toString()).isEqualTo("{}");
    }
}
