package lab.business.threads;

/** The Threads module as the web layer sees it, in-process or over HTTP. */
public interface ThreadsApi {

	/**
	 * The replies under a post; fails with {@code post.notFound} if Posts says there is
	 * no such post.
	 */
	Replies replies(long postId);

	/**
	 * Adds a reply; fails with {@code post.notFound}, {@code reply.authorId.required},
	 * {@code reply.text.size}, {@code user.notFound}, or {@code peer.unavailable} when
	 * the checks cannot be made.
	 */
	Reply reply(long postId, NewReply reply);

}
