package lab.business.threads;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import lab.business.posts.PostRules;
import lab.business.posts.PostsApi;
import lab.business.shared.Database;
import lab.business.shared.Failure;
import lab.business.shared.Fallbacks;
import lab.business.shared.Timestamps;
import lab.business.users.User;
import lab.business.users.UserRules;
import lab.business.users.UsersApi;

/**
 * The Threads module over its own table. A reply must be checked (post and author exist),
 * so it fails with {@code peer.unavailable} when that cannot be done; reading degrades
 * instead, as long as {@link Fallbacks} allow it. With fallbacks off, reading fails with
 * {@code peer.unavailable} too.
 */
public final class LocalThreads implements ThreadsApi {

	private final Database db;

	private final PostsApi posts;

	private final UsersApi users;

	private final Fallbacks fallbacks;

	private LocalThreads(Database db, PostsApi posts, UsersApi users, Fallbacks fallbacks) {
		this.db = db;
		this.posts = posts;
		this.users = users;
		this.fallbacks = fallbacks;
	}

	/**
	 * Creates the table if missing, seeds it once per database, and returns the module
	 * (fallbacks on).
	 */
	public static LocalThreads open(Database db, PostsApi posts, UsersApi users) {
		return open(db, posts, users, Fallbacks.ON);
	}

	/**
	 * As {@link #open(Database, PostsApi, UsersApi)}, degrading reads only while
	 * {@code fallbacks} say so.
	 */
	public static LocalThreads open(Database db, PostsApi posts, UsersApi users, Fallbacks fallbacks) {
		db.inSetUp(c -> {
			RepliesTable.createAndSeed(c);
			return null;
		});
		return new LocalThreads(db, posts, users, fallbacks);
	}

	@Override
	public Replies replies(long postId) {
		boolean degraded = false;
		try {
			if (posts.find(postId).isEmpty()) {
				throw PostRules.notFound(postId);
			}
		}
		catch (Failure f) {
			if (!mayDegrade(f)) {
				throw f;
			}
			degraded = true;
		}
		List<Reply> replies = db.inTransaction(c -> RepliesTable.under(c, postId));
		try {
			return new Replies(postId, withNames(replies), degraded);
		}
		catch (Failure f) {
			if (!mayDegrade(f)) {
				throw f;
			}
			return new Replies(postId, replies, true);
		}
	}

	private boolean mayDegrade(Failure f) {
		return f.isPeerUnavailable() && fallbacks.enabled();
	}

	@Override
	public Reply reply(long postId, NewReply reply) {
		NewReply valid = ReplyRules.validate(reply);
		// both checks happen before the transaction, so a slow peer never holds the
		// database
		if (posts.find(postId).isEmpty()) {
			throw PostRules.notFound(postId);
		}
		User author = users.find(valid.authorId()).orElseThrow(() -> {
			Failure missing = UserRules.notFound(valid.authorId());
			return Failure.invalid(missing.code(), missing.detail());
		});
		Reply saved = db.inTransaction(c -> RepliesTable.insert(c, postId, valid, Timestamps.now()));
		return saved.withAuthorName(author.name());
	}

	private List<Reply> withNames(List<Reply> replies) {
		if (replies.isEmpty()) {
			return replies;
		}
		List<Long> ids = replies.stream().map(Reply::authorId).distinct().collect(Collectors.toList());
		Map<Long, User> authors = users.findAll(ids);
		return replies.stream()
			.map(r -> r.withAuthorName(authors.containsKey(r.authorId()) ? authors.get(r.authorId()).name() : null))
			.collect(Collectors.toList());
	}

}
