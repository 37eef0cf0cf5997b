package lab.business.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lab.business.Stores;
import lab.business.posts.Feed;
import lab.business.posts.LocalPosts;
import lab.business.posts.NewPost;
import lab.business.posts.Post;
import lab.business.posts.PostsApi;
import lab.business.shared.Failure;
import lab.business.shared.Fallbacks;
import lab.business.users.LocalUsers;
import lab.chassis.store.H2Database;

class LocalThreadsTest {

	@TempDir
	Path dir;

	H2Database db;

	LocalUsers users;

	LocalPosts posts;

	LocalThreads threads;

	@BeforeEach
	void open() {
		db = Stores.open(dir);
		users = LocalUsers.open(db);
		posts = LocalPosts.open(db, users);
		threads = LocalThreads.open(db, posts, users);
	}

	@AfterEach
	void close() {
		db.close();
	}

	@Test
	void repliesComeOldestFirstWithNames() {
		Reply reply = threads.reply(2, new NewReply(1L, " Only if they can also forget. "));
		assertThat(reply.text()).isEqualTo("Only if they can also forget.");
		Replies replies = threads.replies(2);
		assertThat(replies.degraded()).isFalse();
		assertThat(replies.replies()).extracting(Reply::authorName).containsExactly("Grace Hopper", "Ada Lovelace");
	}

	@Test
	void aReplyNeedsAPostAnAuthorAndText() {
		assertCode(() -> threads.reply(99, new NewReply(1L, "hi")), "post.notFound", Failure.Kind.NOT_FOUND);
		assertCode(() -> threads.replies(99), "post.notFound", Failure.Kind.NOT_FOUND);
		assertCode(() -> threads.reply(1, new NewReply(99L, "hi")), "user.notFound", Failure.Kind.INVALID);
		assertCode(() -> threads.reply(1, new NewReply(null, "hi")), "reply.authorId.required", Failure.Kind.INVALID);
		assertCode(() -> threads.reply(1, new NewReply(1L, "")), "reply.text.size", Failure.Kind.INVALID);
		assertCode(() -> threads.reply(1, new NewReply(1L, "x".repeat(281))), "reply.text.size", Failure.Kind.INVALID);
	}

	@Test
	void whenAPeerIsDownRepliesAreRefusedAndReadingDegrades() {
		LocalThreads usersDown = LocalThreads.open(db, posts, Stores.usersDown());
		assertCode(() -> usersDown.reply(2, new NewReply(1L, "hi")), "peer.unavailable", Failure.Kind.UNAVAILABLE);
		Replies replies = usersDown.replies(2);
		assertThat(replies.degraded()).isTrue();
		assertThat(replies.replies()).singleElement().satisfies(r -> assertThat(r.authorName()).isNull());

		LocalThreads postsDown = LocalThreads.open(db, postsDown(), users);
		assertCode(() -> postsDown.reply(2, new NewReply(1L, "hi")), "peer.unavailable", Failure.Kind.UNAVAILABLE);
		assertThat(postsDown.replies(2).degraded()).isTrue();
	}

	@Test
	void withFallbacksOffAFailedPeerFailsTheReplyListToo() {
		LocalThreads usersDown = LocalThreads.open(db, posts, Stores.usersDown(), Fallbacks.OFF);
		assertCode(() -> usersDown.replies(2), "peer.unavailable", Failure.Kind.UNAVAILABLE);
		LocalThreads postsDown = LocalThreads.open(db, postsDown(), users, Fallbacks.OFF);
		assertCode(() -> postsDown.replies(2), "peer.unavailable", Failure.Kind.UNAVAILABLE);
		// with every peer up, fallbacks change nothing
		assertThat(LocalThreads.open(db, posts, users, Fallbacks.OFF).replies(2).degraded()).isFalse();
	}

	private static PostsApi postsDown() {
		return new PostsApi() {
			@Override
			public Feed feed(int limit) {
				throw Failure.peerUnavailable("posts could not be reached");
			}

			@Override
			public Optional<Post> find(long id) {
				throw Failure.peerUnavailable("posts could not be reached");
			}

			@Override
			public Post create(NewPost post) {
				throw Failure.peerUnavailable("posts could not be reached");
			}

			@Override
			public Post react(long postId) {
				throw Failure.peerUnavailable("posts could not be reached");
			}
		};
	}

	private static void assertCode(ThrowingCallable call, String code, Failure.Kind kind) {
		assertThatThrownBy(call).isInstanceOfSatisfying(Failure.class, f -> {
			assertThat(f.code()).isEqualTo(code);
			assertThat(f.kind()).isEqualTo(kind);
		});
	}

}
