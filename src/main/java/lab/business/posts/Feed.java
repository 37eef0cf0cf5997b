package lab.business.posts;

import java.util.List;

/**
 * The newest posts. {@code degraded} is true when Users did not answer, so the posts came
 * without author names: the feed still works, only poorer (unless fallbacks are off, see
 * {@link lab.business.shared.Fallbacks}: then there is no feed but
 * {@code peer.unavailable}).
 */
public record Feed(List<Post> posts, boolean degraded) {
}
