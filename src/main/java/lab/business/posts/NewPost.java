package lab.business.posts;

/** What a client sends to write a post; fields may be missing (null) until validated. */
public record NewPost(Long authorId, String text) {
}
