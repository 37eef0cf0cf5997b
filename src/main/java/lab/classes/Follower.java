package lab.classes;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.Consumer;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

/**
 * One open event stream, written with the servlet's non-blocking output: an event is
 * queued (a bounded queue) and written only while the socket takes it, so a slow or
 * stalled client never holds up the thread that serves everyone else. A client whose
 * queue overflows is dropped; its browser reconnects and gets the current state at once.
 */
final class Follower implements WriteListener, AsyncListener {

	private final AsyncContext async;

	private final ServletOutputStream out;

	private final ArrayBlockingQueue<byte[]> queue;

	private final Locale locale;

	private final String channel;

	private final Consumer<Follower> onClose;

	private boolean unflushed;

	private volatile boolean closed;

	Follower(AsyncContext async, ServletOutputStream out, int capacity, Locale locale, String channel,
			Consumer<Follower> onClose) {
		this.async = async;
		this.out = out;
		this.queue = new ArrayBlockingQueue<>(capacity);
		this.locale = locale;
		this.channel = channel;
		this.onClose = onClose;
	}

	Locale locale() {
		return this.locale;
	}

	/** The class code or walkthrough this stream follows. */
	String channel() {
		return this.channel;
	}

	boolean closed() {
		return this.closed;
	}

	/**
	 * Queues one event and writes what the socket takes now; false when the client was
	 * dropped.
	 */
	boolean offer(byte[] event) {
		if (this.closed) {
			return false;
		}
		if (!this.queue.offer(event)) {
			close();
			return false;
		}
		drain();
		return true;
	}

	private synchronized void drain() {
		if (this.closed) {
			return;
		}
		try {
			while (this.out.isReady()) {
				byte[] next = this.queue.poll();
				if (next == null) {
					if (this.unflushed) {
						this.unflushed = false;
						this.out.flush();
						// asks for onWritePossible if the flush could not finish
						this.out.isReady();
					}
					return;
				}
				this.out.write(next);
				this.unflushed = true;
			}
		}
		catch (IOException | IllegalStateException ex) {
			close();
		}
	}

	void close() {
		synchronized (this) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			this.queue.clear();
		}
		try {
			this.async.complete();
		}
		catch (IllegalStateException ex) {
			// already completed by the container
		}
		this.onClose.accept(this);
	}

	@Override
	public void onWritePossible() {
		drain();
	}

	@Override
	public void onError(Throwable t) {
		close();
	}

	@Override
	public void onComplete(AsyncEvent event) {
		close();
	}

	@Override
	public void onTimeout(AsyncEvent event) {
		close();
	}

	/**
	 * The client went away: end the exchange here, or the container would dispatch it to
	 * the error page.
	 */
	@Override
	public void onError(AsyncEvent event) {
		close();
		try {
			this.async.complete();
		}
		catch (IllegalStateException ex) {
			// already completed
		}
	}

	@Override
	public void onStartAsync(AsyncEvent event) {
		// nothing to do
	}

}
