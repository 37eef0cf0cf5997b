package lab.chassis.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import lab.business.shared.Failure;
import lab.business.users.LocalUsers;
import lab.business.users.NewUser;
import lab.business.users.User;
import lab.business.users.UserRules;
import lab.business.users.UsersApi;
import lab.chassis.http.Call;
import lab.chassis.http.Json;
import lab.chassis.http.Result;
import lab.chassis.http.Router;

/**
 * {@code GET /api/users} (optionally {@code ?ids=1,2,3}), {@code GET /api/users/{id}},
 * {@code POST /api/users} {"name","handle"}.
 */
public final class UsersEndpoints {

	private UsersEndpoints() {
	}

	public static void register(Router router, UsersApi users) {
		router.get("/api/users", call -> {
			List<User> found = call.query("ids").isPresent()
					? new ArrayList<>(users.findAll(ids(call.query("ids").get())).values()) : users.all();
			return Result
				.ok(Json.object("users", found.stream().map(UsersEndpoints::toJson).collect(Collectors.toList())));
		});
		router.get("/api/users/{id}", call -> {
			long id = call.idVariable("id");
			return Result.ok(toJson(users.find(id).orElseThrow(() -> UserRules.notFound(id))));
		});
		router.post("/api/users", call -> {
			Map<String, Object> body = call.jsonObject();
			NewUser user = new NewUser(Call.stringField(body, "name"), Call.stringField(body, "handle"));
			return Result.created(toJson(users.create(user)));
		});
	}

	public static Map<String, Object> toJson(User user) {
		return Json.object("id", user.id(), "name", user.name(), "handle", user.handle());
	}

	public static User fromJson(Object json) {
		Map<String, Object> o = JsonFields.object(json);
		return new User(JsonFields.requiredLong(o, "id"), JsonFields.string(o, "name"), JsonFields.string(o, "handle"));
	}

	/** Parses {@code 1,2,3}; fails with {@code request.query.invalid}. */
	static List<Long> ids(String text) {
		List<Long> ids = new ArrayList<>();
		for (String part : text.split(",")) {
			if (part.isBlank()) {
				continue;
			}
			try {
				ids.add(Long.parseLong(part.strip()));
			}
			catch (NumberFormatException e) {
				throw Failure.invalid("request.query.invalid", "ids must be whole numbers separated by commas");
			}
		}
		if (ids.size() > LocalUsers.MAX_IDS) {
			throw Failure.invalid("user.ids.size", "at most " + LocalUsers.MAX_IDS + " ids at once");
		}
		return ids;
	}

}
