package lab.business.payments;

/**
 * The tip, and whether it was already there (a retry of the same idempotency key) rather
 * than made now.
 */
public record TipResult(Tip tip, boolean replayed) {
}
