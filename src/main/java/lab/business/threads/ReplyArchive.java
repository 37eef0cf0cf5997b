package lab.business.threads;

import java.util.List;

import lab.business.shared.Database;

/**
 * The Threads module's data on its way to another version of the service and back
 * (Threads v3 keeps it in SQLite): every reply, a page at a time in id order, and replies
 * written back with their own ids, replacing a row with the same id. Moving the data is
 * the service team's job, so it lives here, beside the table it reads; the site only
 * carries pages from one version to the other.
 */
public final class ReplyArchive {

	/** The largest page one call reads. */
	public static final int MAX_PAGE = 1000;

	/**
	 * One page of replies (author names are not part of the data), the id to continue
	 * after, and the count of all.
	 */
	public record Page(List<Reply> replies, Long next, long total) {
	}

	private final Database db;

	private ReplyArchive(Database db) {
		this.db = db;
	}

	/**
	 * The archive of the replies table, creating and seeding it if missing (as
	 * {@link LocalThreads} does).
	 */
	public static ReplyArchive open(Database db) {
		db.inSetUp(c -> {
			RepliesTable.createAndSeed(c);
			return null;
		});
		return new ReplyArchive(db);
	}

	/**
	 * Up to {@code limit} replies (1 to {@link #MAX_PAGE}) with ids above
	 * {@code afterId}.
	 */
	public Page page(long afterId, int limit) {
		int size = Math.max(1, Math.min(MAX_PAGE, limit));
		return db.inTransaction(c -> {
			List<Reply> replies = RepliesTable.after(c, afterId, size);
			Long next = replies.size() == size ? replies.get(replies.size() - 1).id() : null;
			return new Page(replies, next, RepliesTable.count(c));
		});
	}

	/**
	 * Writes the replies with their ids in one transaction and returns how many replies
	 * there are now.
	 */
	public long putAll(List<Reply> replies) {
		return db.inTransaction(c -> {
			RepliesTable.putAll(c, replies);
			return RepliesTable.count(c);
		});
	}

}
