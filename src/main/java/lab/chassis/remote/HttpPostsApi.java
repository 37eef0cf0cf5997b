package lab.chassis.remote;

import java.util.Optional;
import java.util.Set;

import lab.business.posts.Feed;
import lab.business.posts.NewPost;
import lab.business.posts.Post;
import lab.business.posts.PostsApi;
import lab.chassis.api.PostsEndpoints;
import lab.chassis.http.Json;

/** {@link PostsApi} over HTTP, for modules whose Posts lives in another process. */
public final class HttpPostsApi implements PostsApi {

	private final Peer peer;

	public HttpPostsApi(Peer peer) {
		this.peer = peer;
	}

	@Override
	public Feed feed(int limit) {
		return peer.get("/api/posts?limit=" + limit, PostsEndpoints::feedFromJson);
	}

	@Override
	public Optional<Post> find(long id) {
		return peer.find("/api/posts/" + id, Set.of("post.notFound"), PostsEndpoints::postFromJson);
	}

	@Override
	public Post create(NewPost post) {
		return peer.post("/api/posts", Json.object("authorId", post.authorId(), "text", post.text()),
				PostsEndpoints::postFromJson);
	}

	@Override
	public Post react(long postId) {
		return peer.post("/api/posts/" + postId + "/reactions", Json.object(), PostsEndpoints::postFromJson);
	}

}
