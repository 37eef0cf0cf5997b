/**
 * Users: profiles (id, name, handle). Owns the {@code users} table; other modules reach
 * it only through {@link lab.business.users.UsersApi}.
 */
package lab.business.users;
