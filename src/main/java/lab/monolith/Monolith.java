package lab.monolith;

import java.util.List;

import lab.business.payments.LocalPayments;
import lab.business.payments.PaymentsApi;
import lab.business.posts.LocalPosts;
import lab.business.posts.PostsApi;
import lab.business.shared.Database;
import lab.business.threads.LocalThreads;
import lab.business.threads.ThreadsApi;
import lab.business.users.LocalUsers;
import lab.business.users.UsersApi;

/**
 * The four modules in one process. They are the very classes each microservice runs; only
 * the wiring differs: here Posts gets the local Users, in a service it gets
 * {@code HttpUsersApi}. One crash takes all four down together, which is the point the
 * lab makes.
 */
public record Monolith(UsersApi users, PostsApi posts, ThreadsApi threads, PaymentsApi payments) {

	public static final List<String> MODULES = List.of("users", "posts", "threads", "payments");

	/**
	 * Opens all four modules on one database, creating and seeding their tables once per
	 * database (several monolith instances on one data dir share it, like a service's
	 * instances do).
	 */
	public static Monolith assemble(Database db) {
		UsersApi users = LocalUsers.open(db);
		PostsApi posts = LocalPosts.open(db, users);
		ThreadsApi threads = LocalThreads.open(db, posts, users);
		PaymentsApi payments = LocalPayments.open(db, users);
		return new Monolith(users, posts, threads, payments);
	}

}
