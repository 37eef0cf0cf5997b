package lab.business.users;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Users module as other modules and the web layer see it, in-process or over HTTP.
 */
public interface UsersApi {

	/** Every profile, oldest first. */
	List<User> all();

	Optional<User> find(long id);

	/**
	 * The profiles among {@code ids} that exist, by id; missing ids are simply absent.
	 */
	Map<Long, User> findAll(Collection<Long> ids);

	/**
	 * Creates a profile; fails with {@code user.name.size}, {@code user.handle.pattern}
	 * or {@code user.handle.taken}.
	 */
	User create(NewUser user);

}
