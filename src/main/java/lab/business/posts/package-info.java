/**
 * Posts: writing a post and reading the feed (newest first, with author names from
 * Users). Owns the {@code posts} table; asks Users only through
 * {@link lab.business.users.UsersApi}.
 */
package lab.business.posts;
