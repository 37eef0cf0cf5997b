package lab.business.shared;

import java.time.Instant;

/**
 * Time as the tables store it: whole milliseconds, so a record reads back equal to what
 * was written.
 */
public final class Timestamps {

	private Timestamps() {
	}

	public static Instant now() {
		return Instant.ofEpochMilli(System.currentTimeMillis());
	}

}
