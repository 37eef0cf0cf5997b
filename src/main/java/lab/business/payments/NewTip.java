package lab.business.payments;

/**
 * What a client sends to tip; fields may be missing (null) until validated. The client
 * makes up {@code idempotencyKey} (8-64 visible ASCII characters, a UUID is fine) once
 * per tip and sends the same key again when it retries.
 */
public record NewTip(Long fromUserId, Long toUserId, Long amountCents, String idempotencyKey) {
}
