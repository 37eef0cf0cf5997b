package lab.business.posts;

import lab.business.shared.Failure;
import lab.business.shared.Texts;

/** Validation of posts and feed requests. */
public final class PostRules {

	public static final int TEXT_MAX = 280;

	public static final int FEED_MAX = 200;

	private PostRules() {
	}

	/** Returns the post with its text trimmed, or fails with a stable code. */
	public static NewPost validate(NewPost post) {
		if (post.authorId() == null) {
			throw Failure.invalid("post.authorId.required", "authorId is required");
		}
		String text = Texts.requireLength(post.text(), 1, TEXT_MAX, "post.text.size", "text");
		return new NewPost(post.authorId(), text);
	}

	public static int checkFeedLimit(int limit) {
		if (limit < 1 || limit > FEED_MAX) {
			throw Failure.invalid("feed.limit.range", "limit must be 1 to " + FEED_MAX);
		}
		return limit;
	}

	public static Failure notFound(long id) {
		return Failure.notFound("post.notFound", "no post with id " + id);
	}

}
