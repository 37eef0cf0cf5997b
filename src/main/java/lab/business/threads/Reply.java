package lab.business.threads;

import java.time.Instant;

/** A reply under a post. {@code authorName} is null when Users could not be asked. */
public record Reply(long id, long postId, long authorId, String authorName, String text, Instant createdAt) {

	Reply withAuthorName(String name) {
		return new Reply(id, postId, authorId, name, text, createdAt);
	}

}
