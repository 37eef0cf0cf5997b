package lab.business.posts;

import java.time.Instant;

/**
 * A post as readers see it. {@code authorName} is null when Users could not be asked.
 * {@code reactions} is stored in every version, shown from v2 on.
 */
public record Post(long id, long authorId, String authorName, String text, Instant createdAt, int reactions) {

	Post withAuthorName(String name) {
		return new Post(id, authorId, name, text, createdAt, reactions);
	}

}
