package lab.chassis;

import java.util.List;

import lab.business.payments.LocalPayments;
import lab.business.payments.PaymentsApi;
import lab.business.posts.LocalPosts;
import lab.business.posts.PostsApi;
import lab.business.shared.Database;
import lab.business.threads.LocalThreads;
import lab.business.threads.ReplyArchive;
import lab.business.threads.ThreadsApi;
import lab.business.users.LocalUsers;
import lab.business.users.UsersApi;
import lab.chassis.api.PaymentsEndpoints;
import lab.chassis.api.PostsEndpoints;
import lab.chassis.api.ReplyArchiveEndpoints;
import lab.chassis.api.ThreadsEndpoints;
import lab.chassis.api.UsersEndpoints;
import lab.chassis.http.Router;
import lab.chassis.remote.HttpPostsApi;
import lab.chassis.remote.HttpUsersApi;
import lab.chassis.remote.Peer;
import lab.chassis.remote.Resilience;
import lab.monolith.Monolith;

/**
 * The modules a process serves (null for those it does not), wired for its role: a
 * service gets its own module over its service's database plus HTTP clients for its
 * peers, whose timeout and fallbacks follow the process's {@link Resilience} settings;
 * the monolith gets all four in-process (no peer calls, so the settings do not matter
 * there).
 */
record Modules(UsersApi users, PostsApi posts, ThreadsApi threads, PaymentsApi payments, ReplyArchive replyArchive) {

	static Modules assemble(LaunchArgs args, Database db, Resilience resilience) {
		switch (args.role()) {
			case USERS:
				return new Modules(LocalUsers.open(db), null, null, null, null);
			case POSTS:
				return new Modules(null, LocalPosts.open(db, remoteUsers(args, resilience), resilience), null, null,
						null);
			case THREADS:
				PostsApi posts = new HttpPostsApi(peer(args, "posts", resilience));
				return new Modules(null, null, LocalThreads.open(db, posts, remoteUsers(args, resilience), resilience),
						null, ReplyArchive.open(db));
			case PAYMENTS:
				return new Modules(null, null, null, LocalPayments.open(db, remoteUsers(args, resilience)), null);
			case MONOLITH:
				Monolith monolith = Monolith.assemble(db);
				return new Modules(monolith.users(), monolith.posts(), monolith.threads(), monolith.payments(), null);
			default:
				throw new IllegalStateException("no wiring for " + args.role());
		}
	}

	/** Adds the routes of every module this process serves. */
	void register(Router router, String version) {
		if (users != null) {
			UsersEndpoints.register(router, users);
		}
		if (posts != null) {
			PostsEndpoints.register(router, posts, version);
		}
		if (threads != null) {
			ThreadsEndpoints.register(router, threads);
		}
		if (payments != null) {
			PaymentsEndpoints.register(router, payments);
		}
		if (replyArchive != null) {
			ReplyArchiveEndpoints.register(router, replyArchive);
		}
	}

	static List<String> names(LaunchArgs args) {
		return args.role().modules();
	}

	private static UsersApi remoteUsers(LaunchArgs args, Resilience resilience) {
		return new HttpUsersApi(peer(args, "users", resilience));
	}

	private static Peer peer(LaunchArgs args, String module, Resilience resilience) {
		return new Peer(module, args.peers().get(module), resilience::peerTimeout, resilience::retries);
	}

}
