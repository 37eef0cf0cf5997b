package lab.business.payments;

import lab.business.shared.Failure;

/** Validation of tips. */
public final class TipRules {

	public static final long AMOUNT_MIN = 1;

	public static final long AMOUNT_MAX = 100_000;

	public static final int KEY_MIN = 8;

	public static final int KEY_MAX = 64;

	private TipRules() {
	}

	public static NewTip validate(NewTip tip) {
		if (tip.fromUserId() == null) {
			throw Failure.invalid("tip.fromUserId.required", "fromUserId is required");
		}
		if (tip.toUserId() == null) {
			throw Failure.invalid("tip.toUserId.required", "toUserId is required");
		}
		if (tip.fromUserId().equals(tip.toUserId())) {
			throw Failure.invalid("tip.self", "a user cannot tip themselves");
		}
		if (tip.amountCents() == null || tip.amountCents() < AMOUNT_MIN || tip.amountCents() > AMOUNT_MAX) {
			throw Failure.invalid("tip.amount.range", "amountCents must be " + AMOUNT_MIN + " to " + AMOUNT_MAX);
		}
		String key = tip.idempotencyKey();
		if (key == null || key.length() < KEY_MIN || key.length() > KEY_MAX) {
			throw Failure.invalid("tip.idempotencyKey.size",
					"idempotencyKey must have " + KEY_MIN + " to " + KEY_MAX + " characters");
		}
		for (int i = 0; i < key.length(); i++) {
			char ch = key.charAt(i);
			if (ch < 0x21 || ch > 0x7e) {
				throw Failure.invalid("tip.idempotencyKey.pattern", "idempotencyKey must be visible ASCII characters");
			}
		}
		return tip;
	}

	public static Failure keyConflict(String key) {
		return Failure.conflict("tip.idempotencyKey.conflict",
				"idempotencyKey " + key + " was already used for a different tip");
	}

}
