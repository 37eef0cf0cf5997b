package lab.business.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lab.business.Stores;
import lab.business.shared.Failure;
import lab.business.users.LocalUsers;
import lab.chassis.store.H2Database;

class LocalPostsTest {

	@TempDir
	Path dir;

	H2Database db;

	LocalPosts posts;

	@BeforeEach
	void open() {
		db = Stores.open(dir);
		posts = LocalPosts.open(db, LocalUsers.open(db));
	}

	@AfterEach
	void close() {
		db.close();
	}

	@Test
	void theSeededFeedIsNewestFirstWithAuthorNames() {
		Feed feed = posts.feed(50);
		assertThat(feed.degraded()).isFalse();
		assertThat(feed.posts()).extracting(Post::id).containsExactly(4L, 3L, 2L, 1L);
		assertThat(feed.posts()).extracting(Post::authorName)
			.containsExactly("Maryam Mirzakhani", "Grace Hopper", "Alan Turing", "Ada Lovelace");
	}

	@Test
	void aNewPostComesFirstWithTrimmedText() {
		Post post = posts.create(new NewPost(1L, "  notes on the analytical engine  "));
		assertThat(post.text()).isEqualTo("notes on the analytical engine");
		assertThat(post.authorName()).isEqualTo("Ada Lovelace");
		assertThat(posts.feed(1).posts()).extracting(Post::id).containsExactly(post.id());
	}

	@Test
	void textIsOneTo280CharactersCountedAsPeopleCountThem() {
		assertThat(posts.create(new NewPost(4L, "س".repeat(280))).text()).hasSize(280);
		assertThat(posts.create(new NewPost(4L, "😀".repeat(280))).text()).hasSize(560);
		assertCode(() -> posts.create(new NewPost(4L, "x".repeat(281))), "post.text.size", Failure.Kind.INVALID);
		assertCode(() -> posts.create(new NewPost(4L, "   ")), "post.text.size", Failure.Kind.INVALID);
		assertCode(() -> posts.create(new NewPost(4L, null)), "post.text.size", Failure.Kind.INVALID);
	}

	@Test
	void theAuthorMustExist() {
		assertCode(() -> posts.create(new NewPost(null, "hi")), "post.authorId.required", Failure.Kind.INVALID);
		assertCode(() -> posts.create(new NewPost(99L, "hi")), "user.notFound", Failure.Kind.INVALID);
	}

	@Test
	void withUsersDownTheFeedDegradesAndWritesAreRefused() {
		LocalPosts withoutUsers = LocalPosts.open(db, Stores.usersDown());
		Feed feed = withoutUsers.feed(10);
		assertThat(feed.degraded()).isTrue();
		assertThat(feed.posts()).hasSize(4).allSatisfy(p -> assertThat(p.authorName()).isNull());
		assertThat(withoutUsers.find(1)).hasValueSatisfying(p -> assertThat(p.authorName()).isNull());
		assertCode(() -> withoutUsers.create(new NewPost(1L, "hi")), "peer.unavailable", Failure.Kind.UNAVAILABLE);
	}

	@Test
	void withFallbacksOffAFailedPeerFailsTheReadToo() {
		AtomicBoolean fallbacks = new AtomicBoolean(false);
		LocalPosts withoutUsers = LocalPosts.open(db, Stores.usersDown(), fallbacks::get);
		assertCode(() -> withoutUsers.feed(10), "peer.unavailable", Failure.Kind.UNAVAILABLE);
		assertCode(() -> withoutUsers.find(1), "peer.unavailable", Failure.Kind.UNAVAILABLE);
		// the switch is read on every request
		fallbacks.set(true);
		assertThat(withoutUsers.feed(10).degraded()).isTrue();
		assertThat(withoutUsers.find(1)).isPresent();
	}

	@Test
	void aStoreThatIsUnavailableIsNoReasonToDegrade() {
		LocalPosts storeDown = LocalPosts.open(db, new LocalUsersWhoseStoreIsDown());
		assertCode(() -> storeDown.feed(10), "store.unavailable", Failure.Kind.UNAVAILABLE);
	}

	@Test
	void reactionsCountUp() {
		posts.react(2);
		assertThat(posts.react(2).reactions()).isEqualTo(2);
		assertThat(posts.find(2)).hasValueSatisfying(p -> assertThat(p.reactions()).isEqualTo(2));
		assertCode(() -> posts.react(99), "post.notFound", Failure.Kind.NOT_FOUND);
	}

	@Test
	void theFeedLimitIsChecked() {
		assertCode(() -> posts.feed(0), "feed.limit.range", Failure.Kind.INVALID);
		assertCode(() -> posts.feed(201), "feed.limit.range", Failure.Kind.INVALID);
		assertThat(posts.feed(2).posts()).hasSize(2);
	}

	/**
	 * Users in the same process (the monolith) whose database is not reachable for now.
	 */
	private static final class LocalUsersWhoseStoreIsDown implements lab.business.users.UsersApi {

		@Override
		public java.util.List<lab.business.users.User> all() {
			throw down();
		}

		@Override
		public java.util.Optional<lab.business.users.User> find(long id) {
			throw down();
		}

		@Override
		public java.util.Map<Long, lab.business.users.User> findAll(java.util.Collection<Long> ids) {
			throw down();
		}

		@Override
		public lab.business.users.User create(lab.business.users.NewUser user) {
			throw down();
		}

		private static Failure down() {
			return Failure.storeUnavailable("the database cannot be reached yet");
		}

	}

	private static void assertCode(ThrowingCallable call, String code, Failure.Kind kind) {
		assertThatThrownBy(call).isInstanceOfSatisfying(Failure.class, f -> {
			assertThat(f.code()).isEqualTo(code);
			assertThat(f.kind()).isEqualTo(kind);
		});
	}

}
