package lab.business.threads;

/** What a client sends to reply; fields may be missing (null) until validated. */
public record NewReply(Long authorId, String text) {
}
