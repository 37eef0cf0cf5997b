package lab.chassis.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import lab.business.shared.Failure;
import lab.business.threads.Reply;
import lab.business.threads.ReplyArchive;
import lab.chassis.http.Json;
import lab.chassis.http.Result;
import lab.chassis.http.Router;

/**
 * How the site moves the Threads data between versions of the service (the Python v3 has
 * the same routes): {@code GET /ops/replies?afterId=&limit=} gives
 * {"replies","next","total"}, {@code POST /ops/replies {"replies":[...]}} writes them
 * with their ids and gives {"imported","total"}. Operations routes, outside
 * {@code /api/}: never touched by chaos, and not business routes.
 */
public final class ReplyArchiveEndpoints {

	private ReplyArchiveEndpoints() {
	}

	public static void register(Router router, ReplyArchive archive) {
		router.get("/ops/replies", call -> {
			ReplyArchive.Page page = archive.page(call.longQuery("afterId").orElse(0L), (int) Math
				.min(ReplyArchive.MAX_PAGE, call.longQuery("limit").orElse((long) ReplyArchive.MAX_PAGE)));
			return Result.ok(Json.object("replies",
					page.replies().stream().map(ThreadsEndpoints::toJson).collect(Collectors.toList()), "next",
					page.next(), "total", page.total()));
		});
		router.post("/ops/replies", call -> {
			Map<String, Object> body = call.jsonObject();
			if (!(body.get("replies") instanceof List<?> items)) {
				throw Failure.invalid("request.field.type", "replies must be a list");
			}
			List<Reply> replies = new ArrayList<>();
			for (Object item : items) {
				try {
					replies.add(ThreadsEndpoints.replyFromJson(item));
				}
				catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
					throw Failure.invalid("request.field.type",
							"a reply needs id, postId, authorId, text and createdAt");
				}
			}
			long total = archive.putAll(replies);
			return Result.ok(Json.object("imported", replies.size(), "total", total));
		});
	}

}
