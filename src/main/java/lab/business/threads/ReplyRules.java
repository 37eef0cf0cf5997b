package lab.business.threads;

import lab.business.shared.Failure;
import lab.business.shared.Texts;

/** Validation of replies. */
public final class ReplyRules {

	public static final int TEXT_MAX = 280;

	private ReplyRules() {
	}

	/** Returns the reply with its text trimmed, or fails with a stable code. */
	public static NewReply validate(NewReply reply) {
		if (reply.authorId() == null) {
			throw Failure.invalid("reply.authorId.required", "authorId is required");
		}
		String text = Texts.requireLength(reply.text(), 1, TEXT_MAX, "reply.text.size", "text");
		return new NewReply(reply.authorId(), text);
	}

}
