package lab.content;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class RenderedMarkdownTest {

	static final String MARKDOWN = """
			## دو سرویس

			متنی با **تأکید** و [واژه](glossary:api).

			```demo kill-posts
			```

			### And after the demo

			| a | b |
			|---|---|
			| 1 | 2 |
			""";

	private static final MarkdownRenderer RENDERER = new MarkdownRenderer();

	private static RenderedMarkdown of(Lang lang, String... texts) {
		Map<RenderedMarkdown.Source, MarkdownRenderer.Rendered> map = new LinkedHashMap<>();
		for (String text : texts) {
			map.put(new RenderedMarkdown.Source(lang, text), RENDERER.render(text, lang));
		}
		return new RenderedMarkdown(map);
	}

	static byte[] bytes(RenderedMarkdown rendered) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		rendered.write(out);
		return out.toByteArray();
	}

	private static RenderedMarkdown read(byte[] bytes) throws IOException {
		return RenderedMarkdown.read(new ByteArrayInputStream(bytes));
	}

	@Test
	void aTextReadBackIsTheTextAsRendered() throws IOException {
		MarkdownRenderer.Rendered rendered = RENDERER.render(MARKDOWN, Lang.FA);
		assertThat(rendered.parts()).hasAtLeastOneElementOfType(LessonPart.Demo.class)
			.hasAtLeastOneElementOfType(LessonPart.Html.class);
		assertThat(rendered.toc()).hasSize(2);

		RenderedMarkdown back = read(bytes(of(Lang.FA, MARKDOWN, "Two.\n")));

		assertThat(back.size()).isEqualTo(2);
		assertThat(back.find(Lang.FA, MARKDOWN)).contains(rendered);
		assertThat(back.find(Lang.FA, "Two.\n")).contains(RENDERER.render("Two.\n", Lang.FA));
	}

	@Test
	void onlyTheVeryTextInItsLanguageIsFound() throws IOException {
		RenderedMarkdown back = read(bytes(of(Lang.FA, MARKDOWN)));
		assertThat(back.find(Lang.FA, MARKDOWN + "\nOne more line.\n")).isEmpty();
		assertThat(back.find(Lang.FA, MARKDOWN.replace("تأکید", "تاکید"))).isEmpty();
		assertThat(back.find(Lang.EN, MARKDOWN)).isEmpty();
		assertThat(RenderedMarkdown.none().find(Lang.FA, MARKDOWN)).isEmpty();
	}

	@Test
	void theSameTextsGiveTheSameBytesWhateverTheirOrder() throws IOException {
		assertThat(bytes(of(Lang.EN, "# One\n", "# Two\n"))).isEqualTo(bytes(of(Lang.EN, "# Two\n", "# One\n")));
	}

	@Test
	void whatIsNotSuchAFileIsRefused() throws IOException {
		byte[] good = bytes(of(Lang.FA, MARKDOWN));

		assertThatIOException().isThrownBy(() -> read("---\ntitle: x\n".getBytes()))
			.withMessageContaining("not a file of rendered Markdown");
		assertThatIOException().isThrownBy(() -> read(Arrays.copyOf(good, good.length - 3)));
		assertThatIOException().isThrownBy(() -> read(Arrays.copyOf(good, good.length + 1)))
			.withMessageContaining("trailing");
		byte[] otherVersion = good.clone();
		otherVersion[7] = 9;
		assertThatIOException().isThrownBy(() -> read(otherVersion)).withMessageContaining("version 9");
	}

	@Test
	void aDamagedCountLengthOrLanguageIsRefusedBeforeAnythingIsAllocated() throws IOException {
		byte[] header = Arrays.copyOf(bytes(RenderedMarkdown.none()), 8);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		DataOutputStream out = new DataOutputStream(bytes);

		out.write(header);
		out.writeInt(-1);
		assertThatIOException().isThrownBy(() -> read(bytes.toByteArray())).withMessageContaining("count of -1");

		bytes.reset();
		out.write(header);
		out.writeInt(1);
		out.writeInt(Integer.MAX_VALUE);
		assertThatIOException().isThrownBy(() -> read(bytes.toByteArray())).withMessageContaining("bytes");

		bytes.reset();
		out.write(header);
		out.writeInt(1);
		out.writeInt(2);
		out.write("de".getBytes());
		assertThatIOException().isThrownBy(() -> read(bytes.toByteArray())).withMessageContaining("language 'de'");
	}

}
