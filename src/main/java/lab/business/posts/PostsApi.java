package lab.business.posts;

import java.util.Optional;

/**
 * The Posts module as other modules and the web layer see it, in-process or over HTTP.
 */
public interface PostsApi {

	int DEFAULT_FEED_SIZE = 50;

	/** The newest {@code limit} posts (1..200), newest first. */
	Feed feed(int limit);

	Optional<Post> find(long id);

	/**
	 * Writes a post; fails with {@code post.authorId.required}, {@code post.text.size},
	 * {@code user.notFound}, or {@code peer.unavailable}.
	 */
	Post create(NewPost post);

	/** Adds one reaction to a post (a v2 feature); fails with {@code post.notFound}. */
	Post react(long postId);

}
