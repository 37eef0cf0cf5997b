package lab.business.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lab.business.Stores;
import lab.business.shared.Database;
import lab.business.shared.Failure;
import lab.business.users.LocalUsers;
import lab.chassis.store.H2Database;

class LocalPaymentsTest {

	@TempDir
	Path dir;

	H2Database db;

	LocalPayments payments;

	@BeforeEach
	void open() {
		db = Stores.open(dir);
		payments = LocalPayments.open(db, LocalUsers.open(db));
	}

	@AfterEach
	void close() {
		db.close();
	}

	@Test
	void aRetryWithTheSameKeyReturnsTheFirstTipAndChargesOnce() {
		TipResult first = payments.tip(new NewTip(1L, 2L, 500L, "retry-key-1"));
		TipResult again = payments.tip(new NewTip(1L, 2L, 500L, "retry-key-1"));
		assertThat(first.replayed()).isFalse();
		assertThat(again.replayed()).isTrue();
		assertThat(again.tip()).isEqualTo(first.tip());
		assertThat(payments.tipsOf(2)).singleElement().isEqualTo(first.tip());
	}

	@Test
	void theSameKeyForAnotherTipIsAConflict() {
		payments.tip(new NewTip(1L, 2L, 500L, "retry-key-2"));
		assertCode(() -> payments.tip(new NewTip(1L, 2L, 501L, "retry-key-2")), "tip.idempotencyKey.conflict",
				Failure.Kind.CONFLICT);
		assertCode(() -> payments.tip(new NewTip(1L, 3L, 500L, "retry-key-2")), "tip.idempotencyKey.conflict",
				Failure.Kind.CONFLICT);
	}

	@Test
	void theDatabaseItselfRefusesASecondRowWithTheSameKey() {
		payments.tip(new NewTip(1L, 2L, 500L, "retry-key-3"));
		assertThatThrownBy(() -> db.inTransaction(c -> {
			try (PreparedStatement ps = c.prepareStatement("INSERT INTO tips "
					+ "(from_user_id, to_user_id, amount_cents, idempotency_key, created_at) VALUES (1, 2, 500, 'retry-key-3', 0)")) {
				return ps.executeUpdate();
			}
		})).hasCauseInstanceOf(SQLException.class)
			.satisfies(e -> assertThat(Database.isDuplicateKey((SQLException) e.getCause())).isTrue());
	}

	@Test
	void aTipSurvivesReopeningAndItsRetryStillReplays() {
		Tip tip = payments.tip(new NewTip(3L, 4L, 100_000L, "retry-key-4")).tip();
		db.close();
		db = Stores.open(dir);
		LocalPayments reopened = LocalPayments.open(db, LocalUsers.open(db));
		assertThat(reopened.tip(new NewTip(3L, 4L, 100_000L, "retry-key-4"))).isEqualTo(new TipResult(tip, true));
	}

	@Test
	void aKnownKeyReplaysEvenWithUsersDownButANewTipIsRefused() {
		Tip tip = payments.tip(new NewTip(1L, 2L, 700L, "retry-key-5")).tip();
		LocalPayments usersDown = LocalPayments.open(db, Stores.usersDown());
		assertThat(usersDown.tip(new NewTip(1L, 2L, 700L, "retry-key-5")).tip()).isEqualTo(tip);
		assertCode(() -> usersDown.tip(new NewTip(1L, 2L, 700L, "retry-key-6")), "peer.unavailable",
				Failure.Kind.UNAVAILABLE);
	}

	@Test
	void validation() {
		assertInvalid(new NewTip(null, 2L, 1L, "key-valid-1"), "tip.fromUserId.required");
		assertInvalid(new NewTip(1L, null, 1L, "key-valid-1"), "tip.toUserId.required");
		assertInvalid(new NewTip(1L, 1L, 1L, "key-valid-1"), "tip.self");
		assertInvalid(new NewTip(1L, 2L, 0L, "key-valid-1"), "tip.amount.range");
		assertInvalid(new NewTip(1L, 2L, 100_001L, "key-valid-1"), "tip.amount.range");
		assertInvalid(new NewTip(1L, 2L, null, "key-valid-1"), "tip.amount.range");
		assertInvalid(new NewTip(1L, 2L, 1L, "short"), "tip.idempotencyKey.size");
		assertInvalid(new NewTip(1L, 2L, 1L, "k".repeat(65)), "tip.idempotencyKey.size");
		assertInvalid(new NewTip(1L, 2L, 1L, null), "tip.idempotencyKey.size");
		assertInvalid(new NewTip(1L, 2L, 1L, "has a space"), "tip.idempotencyKey.pattern");
		assertInvalid(new NewTip(1L, 99L, 1L, "key-valid-1"), "user.notFound");
		assertInvalid(new NewTip(99L, 1L, 1L, "key-valid-1"), "user.notFound");
		assertThat(payments.tip(new NewTip(1L, 2L, 1L, "k".repeat(64))).replayed()).isFalse();
		assertThat(payments.tip(new NewTip(2L, 1L, 100_000L, "k".repeat(8))).replayed()).isFalse();
	}

	private void assertInvalid(NewTip tip, String code) {
		assertCode(() -> payments.tip(tip), code, Failure.Kind.INVALID);
	}

	private static void assertCode(ThrowingCallable call, String code, Failure.Kind kind) {
		assertThatThrownBy(call).isInstanceOfSatisfying(Failure.class, f -> {
			assertThat(f.code()).isEqualTo(code);
			assertThat(f.kind()).isEqualTo(kind);
		});
	}

}
