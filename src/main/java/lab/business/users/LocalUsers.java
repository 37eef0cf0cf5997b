package lab.business.users;

import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lab.business.shared.Database;
import lab.business.shared.Failure;

/** The Users module over its own table. */
public final class LocalUsers implements UsersApi {

	/** Caps on list sizes, so one request cannot ask for the whole world. */
	static final int MAX_LIST = 500;

	public static final int MAX_IDS = 200;

	private final Database db;

	private LocalUsers(Database db) {
		this.db = db;
	}

	/**
	 * Creates the table if missing, seeds it once per database, and returns the module.
	 */
	public static LocalUsers open(Database db) {
		db.inSetUp(c -> {
			UsersTable.createAndSeed(c);
			return null;
		});
		return new LocalUsers(db);
	}

	@Override
	public List<User> all() {
		return db.inTransaction(c -> UsersTable.all(c, MAX_LIST));
	}

	@Override
	public Optional<User> find(long id) {
		return db.inTransaction(c -> UsersTable.find(c, id));
	}

	@Override
	public Map<Long, User> findAll(Collection<Long> ids) {
		var distinct = new LinkedHashSet<>(ids);
		if (distinct.size() > MAX_IDS) {
			throw Failure.invalid("user.ids.size", "at most " + MAX_IDS + " ids at once");
		}
		return db.inTransaction(c -> UsersTable.findAll(c, distinct));
	}

	@Override
	public User create(NewUser user) {
		NewUser valid = UserRules.validate(user);
		return db.inTransaction(c -> {
			try {
				return UsersTable.insert(c, valid);
			}
			catch (SQLException e) {
				if (Database.isDuplicateKey(e)) {
					throw Failure.conflict("user.handle.taken", "handle " + valid.handle() + " is taken");
				}
				throw e;
			}
		});
	}

}
