package lab.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay in front of the site for one browser, so a test can drop that browser's
 * connections for real (as a Wi-Fi hiccup would) and keep it offline for a while.
 */
final class CuttableProxy implements AutoCloseable {

	private final ServerSocket server;

	private final int target;

	private final List<Socket> open = new CopyOnWriteArrayList<>();

	private volatile boolean offline;

	CuttableProxy(int target) throws IOException {
		this.target = target;
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "cuttable-proxy");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return this.server.getLocalPort();
	}

	/** Closes every connection and refuses new ones until {@link #online()}. */
	void cut() {
		this.offline = true;
		this.open.forEach(CuttableProxy::quietly);
		this.open.clear();
	}

	void online() {
		this.offline = false;
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				if (this.offline) {
					quietly(client);
					continue;
				}
				Socket site = new Socket(InetAddress.getLoopbackAddress(), this.target);
				this.open.add(client);
				this.open.add(site);
				pipe(client, site);
				pipe(site, client);
			}
			catch (IOException ex) {
				// the server socket closed, or one connection failed: the browser retries
			}
		}
	}

	private void pipe(Socket from, Socket to) {
		Thread t = new Thread(() -> {
			byte[] buffer = new byte[16384];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int n;
				while ((n = in.read(buffer)) >= 0) {
					out.write(buffer, 0, n);
					out.flush();
				}
			}
			catch (IOException ex) {
				// cut
			}
			finally {
				quietly(from);
				quietly(to);
			}
		}, "cuttable-proxy-pipe");
		t.setDaemon(true);
		t.start();
	}

	private static void quietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

	@Override
	public void close() throws IOException {
		cut();
		this.server.close();
	}

}
