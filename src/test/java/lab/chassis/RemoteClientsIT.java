package lab.chassis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lab.business.payments.NewTip;
import lab.business.payments.TipResult;
import lab.business.posts.NewPost;
import lab.business.posts.Post;
import lab.business.shared.Failure;
import lab.business.threads.NewReply;
import lab.business.users.NewUser;
import lab.business.users.User;
import lab.chassis.remote.HttpPaymentsApi;
import lab.chassis.remote.HttpPostsApi;
import lab.chassis.remote.HttpThreadsApi;
import lab.chassis.remote.HttpUsersApi;
import lab.chassis.remote.Peer;

/**
 * The HTTP clients implement the module interfaces faithfully, including their failures.
 */
class RemoteClientsIT {

	@TempDir
	Path dir;

	@Test
	void clientsBehaveLikeTheLocalModules() throws Exception {
		try (DemoProcess monolith = DemoProcess.start(LaunchCommand.of("monolith").version("v2").dataDir(dir))) {
			HttpUsersApi users = new HttpUsersApi(peer("users", monolith.url()));
			HttpPostsApi posts = new HttpPostsApi(peer("posts", monolith.url()));
			HttpThreadsApi threads = new HttpThreadsApi(peer("threads", monolith.url()));
			HttpPaymentsApi payments = new HttpPaymentsApi(peer("payments", monolith.url()));

			assertThat(users.all()).hasSize(4);
			assertThat(users.find(1)).contains(new User(1, "Ada Lovelace", "ada"));
			assertThat(users.find(99)).isEmpty();
			assertThat(users.findAll(List.of(2L, 99L)).keySet()).containsExactly(2L);
			assertThat(users.create(new NewUser("Barbara Liskov", "barbara")).id()).isEqualTo(5);
			assertCode(() -> users.create(new NewUser("Barbara Again", "barbara")), "user.handle.taken",
					Failure.Kind.CONFLICT);

			Post post = posts.create(new NewPost(5L, "substitutable"));
			assertThat(posts.find(post.id())).contains(post);
			assertThat(posts.feed(1).posts()).containsExactly(post);
			assertThat(posts.react(post.id()).reactions()).isEqualTo(1);
			assertThat(posts.find(999)).isEmpty();
			assertCode(() -> posts.create(new NewPost(5L, "")), "post.text.size", Failure.Kind.INVALID);

			assertThat(threads.reply(post.id(), new NewReply(1L, "agreed")).authorName()).isEqualTo("Ada Lovelace");
			assertThat(threads.replies(post.id()).replies()).hasSize(1);
			assertCode(() -> threads.replies(999), "post.notFound", Failure.Kind.NOT_FOUND);

			TipResult tip = payments.tip(new NewTip(1L, 5L, 1234L, "client-key-1"));
			assertThat(payments.tip(new NewTip(1L, 5L, 1234L, "client-key-1")))
				.isEqualTo(new TipResult(tip.tip(), true));
			assertThat(payments.tipsOf(5)).containsExactly(tip.tip());

			// a URL where no such routes live is no peer at all
			HttpUsersApi misrouted = new HttpUsersApi(peer("users", monolith.url() + "/lb/nothing"));
			assertCode(() -> misrouted.find(1), "peer.unavailable", Failure.Kind.UNAVAILABLE);
		}
		// nobody listening
		HttpUsersApi gone = new HttpUsersApi(peer("users", "http://127.0.0.1:9"));
		assertCode(() -> gone.find(1), "peer.unavailable", Failure.Kind.UNAVAILABLE);
	}

	private static Peer peer(String name, String url) {
		return new Peer(name, url, Duration.ofSeconds(2));
	}

	private static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code,
			Failure.Kind kind) {
		assertThatThrownBy(call).isInstanceOfSatisfying(Failure.class, f -> {
			assertThat(f.code()).isEqualTo(code);
			assertThat(f.kind()).isEqualTo(kind);
		});
	}

}
