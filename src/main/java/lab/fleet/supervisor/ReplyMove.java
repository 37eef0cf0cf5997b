package lab.fleet.supervisor;

import java.util.List;
import java.util.Map;

import lab.chassis.http.Json;

/**
 * The Threads team's data move between two versions of the service that keep their data in
 * different stores (H2 for Java, SQLite for Python): every reply is read from the old version a
 * page at a time ({@code GET /ops/replies}) and written into the new one with its id
 * ({@code POST /ops/replies}), which replaces a reply with the same id, so a move repeated after a
 * failure neither loses nor doubles a reply. Both versions speak the same operations contract.
 */
final class ReplyMove {

	/** Replies per page: a few hundred KB of JSON at most. */
	static final int PAGE = 500;

	private static final int WARM_UP_READS = 5;

	private final InstanceClient client;

	ReplyMove(InstanceClient client) {
		this.client = client;
	}

	/** Reads a few times through the new version before it takes traffic, so its first callers do not pay for a cold start. */
	void warmUp(Instance instance) {
		for (int n = 0; n < WARM_UP_READS; n++) {
			try {
				this.client.get(instance, "/api/threads/1/replies");
			}
			catch (IllegalStateException ex) {
				// a cold or busy process may refuse a warm-up read; the move itself will tell
			}
		}
	}

	/** Copies every reply from {@code from} to {@code to} and returns how many were copied. */
	long copy(Instance from, Instance to) {
		long moved = 0;
		long after = 0;
		while (true) {
			Map<String, Object> page = object(this.client.get(from, "/ops/replies?afterId=" + after + "&limit=" + PAGE));
			if (!(page.get("replies") instanceof List<?> replies)) {
				throw new IllegalStateException(from.id() + " gave no replies");
			}
			if (!replies.isEmpty()) {
				this.client.postForBody(to, "/ops/replies", Json.write(Json.object("replies", replies)));
				moved += replies.size();
			}
			if (!(page.get("next") instanceof Long next)) {
				return moved;
			}
			after = next;
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> object(String json) {
		Object value = Json.read(json);
		if (!(value instanceof Map)) {
			throw new IllegalStateException("not a JSON object");
		}
		return (Map<String, Object>) value;
	}

}
