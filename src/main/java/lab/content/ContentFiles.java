package lab.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.Resource;

/**
 * Reading a content file (a lesson, a quiz, a walkthrough) and telling whether it
 * changed: one rule for every reader of {@code content/}.
 */
public final class ContentFiles {

	private ContentFiles() {
	}

	/** The file's text, UTF-8; an unreadable file fails naming it. */
	public static String read(Resource file) {
		try (InputStream in = file.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file.getDescription(), ex);
		}
	}

	/**
	 * When the file last changed; 0 for a file that is gone or cannot be asked (so a
	 * removed file counts as changed).
	 */
	public static long lastModified(Resource file) {
		try {
			return file.exists() ? file.lastModified() : 0L;
		}
		catch (IOException ex) {
			return 0L;
		}
	}

}
