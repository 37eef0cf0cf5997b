package lab.business.payments;

import java.time.Instant;

/** A tip from one user to another, in cents. */
public record Tip(long id, long fromUserId, long toUserId, long amountCents, String idempotencyKey, Instant createdAt) {

	/**
	 * True if {@code request} asks for this same tip (a retry), false if it reuses the
	 * key for another one.
	 */
	boolean sameAs(NewTip request) {
		return fromUserId == request.fromUserId() && toUserId == request.toUserId()
				&& amountCents == request.amountCents();
	}

}
