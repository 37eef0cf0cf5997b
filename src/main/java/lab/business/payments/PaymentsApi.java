package lab.business.payments;

import java.util.List;

/** The Payments module as the web layer sees it, in-process or over HTTP. */
public interface PaymentsApi {

	/**
	 * Tips once per idempotency key: a retry with the same key and the same content
	 * returns the first tip ({@code replayed}); the same key with other content fails
	 * with {@code tip.idempotencyKey.conflict}. Other failures:
	 * {@code tip.fromUserId.required}, {@code tip.toUserId.required}, {@code tip.self},
	 * {@code tip.amount.range}, {@code tip.idempotencyKey.size},
	 * {@code tip.idempotencyKey.pattern}, {@code user.notFound}, and
	 * {@code peer.unavailable} when Users cannot be asked.
	 */
	TipResult tip(NewTip tip);

	/** The tips a user sent or received, newest first. */
	List<Tip> tipsOf(long userId);

}
