package lab.chassis.remote;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import lab.business.users.NewUser;
import lab.business.users.User;
import lab.business.users.UsersApi;
import lab.chassis.api.UsersEndpoints;
import lab.chassis.http.Json;

/** {@link UsersApi} over HTTP, for modules whose Users lives in another process. */
public final class HttpUsersApi implements UsersApi {

	private final Peer peer;

	public HttpUsersApi(Peer peer) {
		this.peer = peer;
	}

	@Override
	public List<User> all() {
		return peer.get("/api/users", HttpUsersApi::users);
	}

	@Override
	public Optional<User> find(long id) {
		return peer.find("/api/users/" + id, Set.of("user.notFound"), UsersEndpoints::fromJson);
	}

	@Override
	public Map<Long, User> findAll(Collection<Long> ids) {
		Map<Long, User> found = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		String list = ids.stream().distinct().map(String::valueOf).collect(Collectors.joining(","));
		for (User user : peer.get("/api/users?ids=" + list, HttpUsersApi::users)) {
			found.put(user.id(), user);
		}
		return found;
	}

	@Override
	public User create(NewUser user) {
		return peer.post("/api/users", Json.object("name", user.name(), "handle", user.handle()),
				UsersEndpoints::fromJson);
	}

	@SuppressWarnings("unchecked")
	private static List<User> users(Object json) {
		List<Object> list = (List<Object>) ((Map<String, Object>) json).get("users");
		return list.stream().map(UsersEndpoints::fromJson).collect(Collectors.toList());
	}

}
