/**
 * Threads: replies under a post. Owns the {@code replies} table; checks the post with
 * {@link lab.business.posts.PostsApi} and takes author names from
 * {@link lab.business.users.UsersApi}.
 */
package lab.business.threads;
