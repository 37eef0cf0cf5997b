package lab.chassis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import lab.chassis.http.Json;

class JsonTest {

	@Test
	void writesAndReadsBackObjectsListsAndText() {
		Map<String, Object> value = Json.object("id", 7L, "name", "Ada \"the\" Countess\n", "persian", "سلام 😀", "ok",
				true, "none", null, "ratio", 0.25, "items", List.of(1L, 2L));
		String text = Json.write(value);
		assertThat(Json.read(text)).isEqualTo(value);
	}

	@Test
	void readsEscapesNumbersAndWhitespace() {
		Object value = Json.read(" { \"a\" : [ -1 , 2.5e1, \"\\u0041\\t\" ], \"b\": {} } ");
		assertThat(value).isEqualTo(Map.of("a", Arrays.asList(-1L, 25.0, "A\t"), "b", Map.of()));
	}

	@Test
	void controlCharactersAreEscaped() {
		assertThat(Json.write("a\u0001b")).isEqualTo("\"a\\u0001b\"");
	}

	@Test
	void rejectsMalformedText() {
		for (String bad : List.of("", "{", "{\"a\"}", "[1,]", "tru", "{\"a\":1} x", "\"open", "01x", "{a:1}")) {
			assertThatThrownBy(() -> Json.read(bad)).as(bad).isInstanceOf(Json.Malformed.class);
		}
	}

	@Test
	void refusesDeepNesting() {
		assertThatThrownBy(() -> Json.read("[".repeat(100) + "]".repeat(100))).isInstanceOf(Json.Malformed.class);
	}

}
