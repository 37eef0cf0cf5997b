// Microservices Lab: N followers of one class on loopback, S of them stalled (connected, never
// reading), and a presenter who moves the class every two seconds. Prints how long each move took
// to reach each reading follower (p50 / p99 / max), how many moves a reading follower missed, and
// how many reading followers were dropped. Run by bench/classes.sh:
//   java bench/ClassFollowers.java <base-url> <code> <token> <followers> <stalled> <seconds>

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class ClassFollowers {

	static final Pattern STEP = Pattern.compile("\"step\":(\\d+)");

	public static void main(String[] args) throws Exception {
		URI base = URI.create(args[0]);
		String code = args[1];
		String token = args[2];
		int followers = Integer.parseInt(args[3]);
		int stalled = Integer.parseInt(args[4]);
		int seconds = Integer.parseInt(args[5]);
		String host = base.getHost();
		int port = base.getPort();

		// move number -> when the presenter sent it (nanoTime)
		Map<Integer, Long> sentAt = new ConcurrentHashMap<>();
		// move number -> latencies (ms) of the reading followers that got it
		Map<Integer, List<Double>> arrived = new ConcurrentHashMap<>();
		AtomicInteger dropped = new AtomicInteger();
		AtomicInteger connected = new AtomicInteger();
		List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
		CountDownLatch ready = new CountDownLatch(followers);
		String request = "GET /api/classes/" + code + "/stream?lang=en HTTP/1.1\r\nHost: " + host + ":" + port
				+ "\r\nAccept: text/event-stream\r\n\r\n";

		for (int n = 0; n < followers; n++) {
			boolean stall = n < stalled;
			Thread t = new Thread(() -> {
				try {
					Socket socket = new Socket();
					if (stall) {
						socket.setReceiveBufferSize(4096);
					}
					socket.connect(new InetSocketAddress(host, port), 5000);
					sockets.add(socket);
					OutputStream out = socket.getOutputStream();
					out.write(request.getBytes(StandardCharsets.US_ASCII));
					out.flush();
					connected.incrementAndGet();
					ready.countDown();
					if (stall) {
						return; // connected, never reads
					}
					BufferedReader in = new BufferedReader(
							new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8), 65536);
					String line;
					boolean stepEvent = false;
					while ((line = in.readLine()) != null) {
						if (line.equals("event: step")) {
							stepEvent = true;
						}
						else if (stepEvent && line.startsWith("data: ")) {
							long now = System.nanoTime();
							stepEvent = false;
							Matcher m = STEP.matcher(line);
							if (m.find()) {
								int move = moveOf(Integer.parseInt(m.group(1)), sentAt);
								Long sent = (move > 0) ? sentAt.get(move) : null;
								if (sent != null) {
									arrived.computeIfAbsent(move, k -> Collections.synchronizedList(new ArrayList<>()))
										.add((now - sent) / 1e6);
								}
							}
						}
						else if (line.isEmpty()) {
							stepEvent = false;
						}
					}
					dropped.incrementAndGet();
				}
				catch (IOException ex) {
					if (!stall) {
						dropped.incrementAndGet();
					}
					ready.countDown();
				}
			}, "follower-" + n);
			t.setDaemon(true);
			t.start();
		}
		ready.await(60, TimeUnit.SECONDS);
		Thread.sleep(3000);
		System.out.println("connected: " + connected.get() + " of " + followers + " (" + stalled + " stalled)");

		HttpClient http = HttpClient.newHttpClient();
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		int move = 0;
		while (System.nanoTime() < end) {
			move++;
			int step = 2 + (move % 7); // steps 2..8, never the same twice in a row
			sentAt.put(move, System.nanoTime());
			STEPS.put(move, step);
			HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/classes/" + code + "/step"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("X-Class-Token", token)
				.POST(HttpRequest.BodyPublishers.ofString("step=" + step))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (r.statusCode() != 200) {
				System.out.println("move " + move + ": HTTP " + r.statusCode() + " " + r.body());
			}
			Thread.sleep(2000);
		}
		Thread.sleep(2000);

		int reading = followers - stalled;
		List<Double> all = new ArrayList<>();
		long missed = 0;
		for (int m = 1; m <= move; m++) {
			List<Double> got = arrived.getOrDefault(m, List.of());
			all.addAll(got);
			missed += Math.max(0, reading - got.size());
		}
		Collections.sort(all);
		System.out.printf("moves: %d; deliveries: %d of %d; missed: %d%n", move, all.size(), (long) move * reading, missed);
		System.out.printf("step change to reading followers, ms: p50 %.1f, p99 %.1f, max %.1f%n", pct(all, 50),
				pct(all, 99), all.isEmpty() ? 0 : all.get(all.size() - 1));
		System.out.println("reading followers dropped: " + dropped.get());
		System.out.printf("RESULT p99_ms=%.1f max_ms=%.1f missed=%d dropped=%d connected=%d%n", pct(all, 99),
				all.isEmpty() ? 0 : all.get(all.size() - 1), missed, dropped.get(), connected.get());
		for (Socket s : sockets) {
			try {
				s.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
		}
	}

	/** move number -> the step it moved to; a follower sees only the step, consecutive moves differ. */
	static final Map<Integer, Integer> STEPS = new ConcurrentHashMap<>();

	static int moveOf(int step, Map<Integer, Long> sentAt) {
		int latest = 0;
		for (Map.Entry<Integer, Integer> e : STEPS.entrySet()) {
			if (e.getValue() == step && e.getKey() > latest) {
				latest = e.getKey();
			}
		}
		return latest;
	}

	static double pct(List<Double> sorted, int p) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int at = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, at)));
	}

}
