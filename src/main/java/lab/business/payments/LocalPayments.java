package lab.business.payments;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lab.business.shared.Database;
import lab.business.shared.Failure;
import lab.business.shared.Timestamps;
import lab.business.users.User;
import lab.business.users.UserRules;
import lab.business.users.UsersApi;

/**
 * The Payments module over its own table. A known key answers from the table without
 * asking Users, so a client retrying after a crash gets its first tip back even while
 * Users is down.
 */
public final class LocalPayments implements PaymentsApi {

	private final Database db;

	private final UsersApi users;

	private LocalPayments(Database db, UsersApi users) {
		this.db = db;
		this.users = users;
	}

	/** Creates the table if missing and returns the module. */
	public static LocalPayments open(Database db, UsersApi users) {
		db.inSetUp(c -> {
			TipsTable.create(c);
			return null;
		});
		return new LocalPayments(db, users);
	}

	@Override
	public TipResult tip(NewTip request) {
		NewTip tip = TipRules.validate(request);
		Optional<Tip> earlier = db.inTransaction(c -> TipsTable.byKey(c, tip.idempotencyKey()));
		if (earlier.isPresent()) {
			return replay(earlier.get(), tip);
		}
		checkUsersExist(tip);
		return db.inTransaction(c -> {
			try {
				return new TipResult(TipsTable.insert(c, tip, Timestamps.now()), false);
			}
			catch (SQLException e) {
				if (!Database.isDuplicateKey(e)) {
					throw e;
				}
				// another request with the same key won the race: answer with its tip
				Tip winner = TipsTable.byKey(c, tip.idempotencyKey()).orElseThrow(() -> e);
				return replay(winner, tip);
			}
		});
	}

	@Override
	public List<Tip> tipsOf(long userId) {
		return db.inTransaction(c -> TipsTable.of(c, userId));
	}

	private void checkUsersExist(NewTip tip) {
		Map<Long, User> found = users.findAll(List.of(tip.fromUserId(), tip.toUserId()));
		for (long id : List.of(tip.fromUserId(), tip.toUserId())) {
			if (!found.containsKey(id)) {
				Failure missing = UserRules.notFound(id);
				throw Failure.invalid(missing.code(), missing.detail());
			}
		}
	}

	private static TipResult replay(Tip earlier, NewTip request) {
		if (!earlier.sameAs(request)) {
			throw TipRules.keyConflict(request.idempotencyKey());
		}
		return new TipResult(earlier, true);
	}

}
