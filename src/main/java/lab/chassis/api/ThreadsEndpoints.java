package lab.chassis.api;

import java.util.Map;
import java.util.stream.Collectors;

import lab.business.threads.NewReply;
import lab.business.threads.Replies;
import lab.business.threads.Reply;
import lab.business.threads.ThreadsApi;
import lab.chassis.http.Call;
import lab.chassis.http.Json;
import lab.chassis.http.Result;
import lab.chassis.http.Router;

/**
 * {@code GET /api/threads/{postId}/replies}, {@code POST /api/threads/{postId}/replies}
 * {"authorId","text"}.
 */
public final class ThreadsEndpoints {

	private ThreadsEndpoints() {
	}

	public static void register(Router router, ThreadsApi threads) {
		router.get("/api/threads/{postId}/replies",
				call -> Result.ok(toJson(threads.replies(call.idVariable("postId")))));
		router.post("/api/threads/{postId}/replies", call -> {
			long postId = call.idVariable("postId");
			Map<String, Object> body = call.jsonObject();
			NewReply reply = new NewReply(Call.longField(body, "authorId"), Call.stringField(body, "text"));
			return Result.created(toJson(threads.reply(postId, reply)));
		});
	}

	public static Map<String, Object> toJson(Replies replies) {
		return Json.object("postId", replies.postId(), "replies",
				replies.replies().stream().map(ThreadsEndpoints::toJson).collect(Collectors.toList()), "degraded",
				replies.degraded());
	}

	public static Map<String, Object> toJson(Reply reply) {
		return Json.object("id", reply.id(), "postId", reply.postId(), "authorId", reply.authorId(), "authorName",
				reply.authorName(), "text", reply.text(), "createdAt", reply.createdAt());
	}

	public static Reply replyFromJson(Object json) {
		Map<String, Object> o = JsonFields.object(json);
		return new Reply(JsonFields.requiredLong(o, "id"), JsonFields.requiredLong(o, "postId"),
				JsonFields.requiredLong(o, "authorId"), JsonFields.string(o, "authorName"),
				JsonFields.string(o, "text"), JsonFields.instant(o, "createdAt"));
	}

	public static Replies repliesFromJson(Object json) {
		Map<String, Object> o = JsonFields.object(json);
		return new Replies(JsonFields.requiredLong(o, "postId"),
				JsonFields.list(o, "replies")
					.stream()
					.map(ThreadsEndpoints::replyFromJson)
					.collect(Collectors.toList()),
				JsonFields.bool(o, "degraded"));
	}

}
