package lab.business.threads;

import java.util.List;

/**
 * The replies under one post, oldest first. {@code degraded} is true when a peer (Posts
 * or Users) did not answer, so the post was not checked or the names are missing.
 */
public record Replies(long postId, List<Reply> replies, boolean degraded) {
}
