package lab.classes;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One stream's bounded queue: writes only while the socket takes them, drops a client
 * that falls behind.
 */
class FollowerTest {

	/** A socket that takes writes only while {@code ready}. */
	static final class Socket extends ServletOutputStream {

		final ByteArrayOutputStream written = new ByteArrayOutputStream();

		boolean ready = true;

		int flushes;

		@Override
		public boolean isReady() {
			return this.ready;
		}

		@Override
		public void setWriteListener(WriteListener listener) {
		}

		@Override
		public void write(int b) {
			this.written.write(b);
		}

		@Override
		public void flush() {
			this.flushes++;
		}

		String text() {
			return this.written.toString(StandardCharsets.UTF_8);
		}

	}

	private final AtomicInteger completed = new AtomicInteger();

	private final List<Follower> closed = new ArrayList<>();

	private final Socket socket = new Socket();

	private final Follower follower = new Follower(asyncContext(), this.socket, 3, Locale.ENGLISH, "class:ABCDEF",
			this.closed::add);

	@Test
	void eventsGoOutAtOnceWhileTheClientReads() {
		assertThat(this.follower.offer(bytes("one"))).isTrue();
		assertThat(this.follower.offer(bytes("two"))).isTrue();
		assertThat(this.socket.text()).isEqualTo("onetwo");
		assertThat(this.socket.flushes).isEqualTo(2);
	}

	@Test
	void aSlowClientsEventsWaitInItsQueueAndGoOutWhenItReadsAgain() {
		this.socket.ready = false;
		this.follower.offer(bytes("one"));
		this.follower.offer(bytes("two"));
		assertThat(this.socket.text()).isEmpty();
		this.socket.ready = true;
		this.follower.onWritePossible();
		assertThat(this.socket.text()).isEqualTo("onetwo");
		assertThat(this.closed).isEmpty();
	}

	@Test
	void aClientThatFallsTooFarBehindIsDroppedAndNeverBlocksTheSender() {
		this.socket.ready = false;
		assertThat(this.follower.offer(bytes("1"))).isTrue();
		assertThat(this.follower.offer(bytes("2"))).isTrue();
		assertThat(this.follower.offer(bytes("3"))).isTrue();
		assertThat(this.follower.offer(bytes("4"))).isFalse();
		assertThat(this.follower.closed()).isTrue();
		assertThat(this.closed).containsExactly(this.follower);
		assertThat(this.completed).hasValue(1);
		assertThat(this.follower.offer(bytes("5"))).isFalse();
	}

	private static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	private AsyncContext asyncContext() {
		return (AsyncContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { AsyncContext.class },
				(proxy, method, args) -> {
					if (method.getName().equals("complete")) {
						this.completed.incrementAndGet();
					}
					return null;
				});
	}

}
