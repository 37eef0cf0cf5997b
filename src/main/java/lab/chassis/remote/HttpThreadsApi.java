package lab.chassis.remote;

import lab.business.threads.NewReply;
import lab.business.threads.Replies;
import lab.business.threads.Reply;
import lab.business.threads.ThreadsApi;
import lab.chassis.api.ThreadsEndpoints;
import lab.chassis.http.Json;

/** {@link ThreadsApi} over HTTP. */
public final class HttpThreadsApi implements ThreadsApi {

	private final Peer peer;

	public HttpThreadsApi(Peer peer) {
		this.peer = peer;
	}

	@Override
	public Replies replies(long postId) {
		return peer.get("/api/threads/" + postId + "/replies", ThreadsEndpoints::repliesFromJson);
	}

	@Override
	public Reply reply(long postId, NewReply reply) {
		return peer.post("/api/threads/" + postId + "/replies",
				Json.object("authorId", reply.authorId(), "text", reply.text()), ThreadsEndpoints::replyFromJson);
	}

}
