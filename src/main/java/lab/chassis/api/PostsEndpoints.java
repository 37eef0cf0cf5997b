package lab.chassis.api;

import java.util.Map;
import java.util.stream.Collectors;

import lab.business.posts.Feed;
import lab.business.posts.NewPost;
import lab.business.posts.Post;
import lab.business.posts.PostRules;
import lab.business.posts.PostsApi;
import lab.chassis.http.Call;
import lab.chassis.http.Json;
import lab.chassis.http.Result;
import lab.chassis.http.Router;

/**
 * {@code GET /api/posts} (feed, {@code ?limit=1..200}), {@code GET /api/posts/{id}},
 * {@code POST /api/posts} {"authorId","text"}, and in v2 only {@code POST
 * /api/posts/{id}/reactions}. v2 also shows {@code reactions} on every post; v1 stores
 * the count but does not show it.
 */
public final class PostsEndpoints {

	public static final String V1 = "v1";

	public static final String V2 = "v2";

	private PostsEndpoints() {
	}

	public static void register(Router router, PostsApi posts, String version) {
		boolean v2 = V2.equals(version);
		router.get("/api/posts", call -> {
			int limit = call.longQuery("limit").map(PostsEndpoints::toInt).orElse(PostsApi.DEFAULT_FEED_SIZE);
			return Result.ok(toJson(posts.feed(limit), version));
		});
		router.get("/api/posts/{id}", call -> {
			long id = call.idVariable("id");
			return Result.ok(toJson(posts.find(id).orElseThrow(() -> PostRules.notFound(id)), v2));
		});
		router.post("/api/posts", call -> {
			Map<String, Object> body = call.jsonObject();
			NewPost post = new NewPost(Call.longField(body, "authorId"), Call.stringField(body, "text"));
			return Result.created(toJson(posts.create(post), v2));
		});
		if (v2) {
			router.post("/api/posts/{id}/reactions",
					call -> Result.ok(toJson(posts.react(call.idVariable("id")), true)));
		}
	}

	public static Map<String, Object> toJson(Feed feed, String version) {
		boolean v2 = V2.equals(version);
		return Json.object("posts", feed.posts().stream().map(p -> toJson(p, v2)).collect(Collectors.toList()),
				"degraded", feed.degraded(), "version", version);
	}

	public static Map<String, Object> toJson(Post post, boolean withReactions) {
		Map<String, Object> json = Json.object("id", post.id(), "authorId", post.authorId(), "authorName",
				post.authorName(), "text", post.text(), "createdAt", post.createdAt());
		if (withReactions) {
			json.put("reactions", post.reactions());
		}
		return json;
	}

	public static Post postFromJson(Object json) {
		Map<String, Object> o = JsonFields.object(json);
		return new Post(JsonFields.requiredLong(o, "id"), JsonFields.requiredLong(o, "authorId"),
				JsonFields.string(o, "authorName"), JsonFields.string(o, "text"), JsonFields.instant(o, "createdAt"),
				JsonFields.intOrZero(o, "reactions"));
	}

	public static Feed feedFromJson(Object json) {
		Map<String, Object> o = JsonFields.object(json);
		return new Feed(
				JsonFields.list(o, "posts").stream().map(PostsEndpoints::postFromJson).collect(Collectors.toList()),
				JsonFields.bool(o, "degraded"));
	}

	private static int toInt(long value) {
		return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
	}

}
