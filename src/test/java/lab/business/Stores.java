package lab.business;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lab.business.shared.Failure;
import lab.business.users.NewUser;
import lab.business.users.User;
import lab.business.users.UsersApi;
import lab.chassis.store.H2Database;

/** Test helpers: a real H2 database in a temp dir, and a Users that is down. */
public final class Stores {

	private Stores() {
	}

	public static H2Database open(Path dir) {
		try {
			return H2Database.open(dir, "test");
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * A Users module whose process is gone: every call fails as a remote client would.
	 */
	public static UsersApi usersDown() {
		return new UsersApi() {
			@Override
			public List<User> all() {
				throw down();
			}

			@Override
			public Optional<User> find(long id) {
				throw down();
			}

			@Override
			public Map<Long, User> findAll(Collection<Long> ids) {
				throw down();
			}

			@Override
			public User create(NewUser user) {
				throw down();
			}

			private Failure down() {
				return Failure.peerUnavailable("users could not be reached");
			}
		};
	}

}
