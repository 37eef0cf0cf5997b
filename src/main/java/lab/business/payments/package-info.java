/**
 * Payments: tipping an author, exactly once per idempotency key (a unique constraint in
 * the {@code tips} table enforces it). Checks both users through
 * {@link lab.business.users.UsersApi}.
 */
package lab.business.payments;
