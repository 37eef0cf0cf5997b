package lab.chassis.remote;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import lab.business.shared.Failure;
import lab.chassis.http.Attempts;
import lab.chassis.http.Deadline;
import lab.chassis.http.Json;

/**
 * One peer module reached over HTTP at a base URL (a service, or the load balancer in
 * front of its instances). Every call has a connect timeout and a request timeout, read
 * when the call starts, so a change through {@code POST /settings} applies to the next
 * call; a failed GET is repeated as the process's retries setting allows, within the
 * deadline budget of the request being served, if its caller set one. Whatever keeps an
 * answer from coming (refused, timed out, 5xx, garbage, a route the peer does not know)
 * becomes {@code peer.unavailable}; a peer's own problem answers (400, 404, 409 with a
 * code) pass through.
 */
public final class Peer {

	/**
	 * The JDK client and the connect timeout it was built with (which it cannot change).
	 */
	private record Client(HttpClient http, Duration connectTimeout) {
	}

	private final String name;

	private final String baseUrl;

	private final Supplier<Duration> timeout;

	private final IntSupplier retries;

	private volatile Client client;

	/**
	 * @param name the module's name, for messages ({@code users})
	 * @param baseUrl where its routes live, without a trailing slash
	 * ({@code http://127.0.0.1:8080/lb/users})
	 * @param timeout both the connect and the whole-request timeout
	 */
	public Peer(String name, String baseUrl, Duration timeout) {
		this(name, baseUrl, () -> timeout, () -> 0);
	}

	/**
	 * As above, with a timeout and a number of retries that may change between calls (see
	 * {@link Resilience#peerTimeout()} and {@link Resilience#retries()}).
	 */
	public Peer(String name, String baseUrl, Supplier<Duration> timeout, IntSupplier retries) {
		this.name = name;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.timeout = timeout;
		this.retries = retries;
	}

	public String name() {
		return name;
	}

	public String baseUrl() {
		return baseUrl;
	}

	/**
	 * GET; empty if the peer answers 404 with one of {@code absentCodes} (say,
	 * {@code user.notFound}).
	 */
	<T> Optional<T> find(String path, Set<String> absentCodes, Function<Object, T> decoder) {
		return exchange("GET", path, null, absentCodes).map(json -> decode(json, decoder));
	}

	<T> T get(String path, Function<Object, T> decoder) {
		return decode(exchange("GET", path, null, Set.of()).orElseThrow(), decoder);
	}

	<T> T post(String path, Map<String, Object> body, Function<Object, T> decoder) {
		return decode(exchange("POST", path, body, Set.of()).orElseThrow(), decoder);
	}

	private <T> T decode(Object json, Function<Object, T> decoder) {
		try {
			return decoder.apply(json);
		}
		catch (RuntimeException e) {
			// an answer we cannot read is no answer: the peer (or whatever stands at its
			// URL) is not usable
			throw Failure.peerUnavailable(name + " gave an answer that could not be read");
		}
	}

	/**
	 * The call, repeated on failure as {@link Attempts} allows: a GET is idempotent, a
	 * POST is not repeated here. Under the deadline of the request being served (see
	 * {@link Deadline#current()}) each attempt gets only what is left of the budget, and
	 * none starts once it is spent.
	 */
	private Optional<Object> exchange(String method, String path, Map<String, Object> body, Set<String> absentCodes) {
		Attempts attempts = new Attempts(retries.getAsInt(), body == null, Deadline.current());
		for (int attempt = 1;; attempt++) {
			if (attempts.spent(System.nanoTime())) {
				throw Failure.peerUnavailable(name + " was not called: the deadline budget is spent");
			}
			try {
				return once(method, path, body, absentCodes, attempt, attempts.deadline());
			}
			catch (Failure failure) {
				if (!Failure.PEER_UNAVAILABLE.equals(failure.code())
						|| !attempts.allows(attempt + 1, System.nanoTime())) {
					throw failure;
				}
			}
		}
	}

	private Optional<Object> once(String method, String path, Map<String, Object> body, Set<String> absentCodes,
			int attempt, Deadline deadline) {
		Duration base = this.timeout.get();
		long now = System.nanoTime();
		Duration timeout = (deadline == null) ? base : deadline.cap(base, now);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
			.timeout(timeout)
			.header("Accept", "application/json")
			.header(Deadline.ATTEMPT_HEADER, Integer.toString(attempt));
		if (deadline != null) {
			request.header(Deadline.HEADER, deadline.header(now));
		}
		if (body == null) {
			request.GET();
		}
		else {
			request.header("Content-Type", "application/json; charset=utf-8")
				.method(method, HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8));
		}
		HttpResponse<String> response;
		try {
			response = client(base).send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (HttpTimeoutException e) {
			throw Failure.peerUnavailable(name + " did not answer within " + timeout.toMillis() + " ms");
		}
		catch (IOException e) {
			throw Failure.peerUnavailable(name + " could not be reached");
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw Failure.peerUnavailable(name + " call was interrupted");
		}
		return read(response, absentCodes);
	}

	private Optional<Object> read(HttpResponse<String> response, Set<String> absentCodes) {
		int status = response.statusCode();
		Object json;
		try {
			json = response.body().isEmpty() ? null : Json.read(response.body());
		}
		catch (Json.Malformed e) {
			throw Failure.peerUnavailable(name + " answered " + status + " with a body that is not JSON");
		}
		if (status >= 200 && status < 300 && json != null) {
			return Optional.of(json);
		}
		String code = json instanceof Map<?, ?> problem && problem.get("code") instanceof String c ? c : null;
		if (status == 404 && code != null && absentCodes.contains(code)) {
			return Optional.empty();
		}
		Failure.Kind kind = switch (status) {
			case 400 -> Failure.Kind.INVALID;
			case 404 -> Failure.Kind.NOT_FOUND;
			case 409 -> Failure.Kind.CONFLICT;
			default -> null;
		};
		if (kind == null || code == null || code.equals("route.notFound")) {
			throw Failure.peerUnavailable(name + " answered " + status + (code == null ? "" : " " + code));
		}
		Object detail = ((Map<?, ?>) json).get("detail");
		throw new Failure(kind, code, detail == null ? name + " answered " + status : detail.toString());
	}

	private HttpClient client(Duration connectTimeout) {
		Client c = client;
		if (c == null || !c.connectTimeout().equals(connectTimeout)) {
			synchronized (this) {
				c = client;
				if (c == null || !c.connectTimeout().equals(connectTimeout)) {
					// built on first use (the JDK client costs start-up time a process
					// may never need),
					// and again when the timeout changes; the old one stops once
					// unreferenced
					c = new Client(HttpClient.newBuilder()
						.connectTimeout(connectTimeout)
						.version(HttpClient.Version.HTTP_1_1)
						.followRedirects(HttpClient.Redirect.NEVER)
						.sslContext(noTls())
						.build(), connectTimeout);
					client = c;
				}
			}
		}
		return c.http();
	}

	/**
	 * Peers are plain HTTP on the loopback interface. Without a context of its own the
	 * JDK client loads and parses the whole CA trust store on creation, which costs every
	 * service about 10 MB and 100 ms; this context has no trust at all, so TLS to a peer
	 * is refused outright.
	 */
	private static SSLContext noTls() {
		X509TrustManager trustNobody = new X509TrustManager() {
			@Override
			public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
				throw new CertificateException("demo processes do not speak TLS");
			}

			@Override
			public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
				throw new CertificateException("demo processes do not speak TLS");
			}

			@Override
			public X509Certificate[] getAcceptedIssuers() {
				return new X509Certificate[0];
			}
		};
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(new KeyManager[0], new TrustManager[] { trustNobody }, null);
			return context;
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("no TLS context: " + e.getMessage(), e);
		}
	}

}
