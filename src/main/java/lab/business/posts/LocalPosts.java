package lab.business.posts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import lab.business.shared.Database;
import lab.business.shared.Failure;
import lab.business.shared.Fallbacks;
import lab.business.shared.Timestamps;
import lab.business.users.User;
import lab.business.users.UserRules;
import lab.business.users.UsersApi;

/**
 * The Posts module over its own table. Writing needs Users (the author must exist), so a
 * write fails with {@code peer.unavailable} when Users is down; reading only wants the
 * names, so the feed degrades instead of failing, as long as {@link Fallbacks} allow it.
 * With fallbacks off, a read fails with {@code peer.unavailable} too (the failure
 * cascades).
 */
public final class LocalPosts implements PostsApi {

	private final Database db;

	private final UsersApi users;

	private final Fallbacks fallbacks;

	private LocalPosts(Database db, UsersApi users, Fallbacks fallbacks) {
		this.db = db;
		this.users = users;
		this.fallbacks = fallbacks;
	}

	/**
	 * Creates the table if missing, seeds it once per database, and returns the module
	 * (fallbacks on).
	 */
	public static LocalPosts open(Database db, UsersApi users) {
		return open(db, users, Fallbacks.ON);
	}

	/**
	 * As {@link #open(Database, UsersApi)}, degrading reads only while {@code fallbacks}
	 * say so.
	 */
	public static LocalPosts open(Database db, UsersApi users, Fallbacks fallbacks) {
		db.inSetUp(c -> {
			PostsTable.createAndSeed(c);
			return null;
		});
		return new LocalPosts(db, users, fallbacks);
	}

	@Override
	public Feed feed(int limit) {
		PostRules.checkFeedLimit(limit);
		List<Post> posts = db.inTransaction(c -> PostsTable.newest(c, limit));
		try {
			return new Feed(withNames(posts), false);
		}
		catch (Failure f) {
			if (!mayDegrade(f)) {
				throw f;
			}
			return new Feed(posts, true);
		}
	}

	@Override
	public Optional<Post> find(long id) {
		return db.inTransaction(c -> PostsTable.find(c, id)).map(this::withNameIfAvailable);
	}

	@Override
	public Post create(NewPost post) {
		NewPost valid = PostRules.validate(post);
		// asked before the transaction, so a slow Users never holds the database
		User author = users.find(valid.authorId()).orElseThrow(() -> authorMissing(valid.authorId()));
		Post saved = db.inTransaction(c -> PostsTable.insert(c, valid, Timestamps.now()));
		return saved.withAuthorName(author.name());
	}

	@Override
	public Post react(long postId) {
		boolean found = db.inTransaction(c -> PostsTable.addReaction(c, postId));
		if (!found) {
			throw PostRules.notFound(postId);
		}
		return find(postId).orElseThrow(() -> PostRules.notFound(postId));
	}

	private List<Post> withNames(List<Post> posts) {
		List<Long> ids = posts.stream().map(Post::authorId).distinct().collect(Collectors.toList());
		Map<Long, User> authors = users.findAll(ids);
		return posts.stream()
			.map(p -> p.withAuthorName(authors.containsKey(p.authorId()) ? authors.get(p.authorId()).name() : null))
			.collect(Collectors.toList());
	}

	private Post withNameIfAvailable(Post post) {
		try {
			return withNames(List.of(post)).get(0);
		}
		catch (Failure f) {
			if (!mayDegrade(f)) {
				throw f;
			}
			return post;
		}
	}

	private boolean mayDegrade(Failure f) {
		return f.isPeerUnavailable() && fallbacks.enabled();
	}

	private static Failure authorMissing(long authorId) {
		Failure notFound = UserRules.notFound(authorId);
		// the author is named in the body, so this is bad input (400), not a missing
		// resource
		return Failure.invalid(notFound.code(), notFound.detail());
	}

}
