package lab.classroom;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Once the site listens, says how to reach it and, in classroom mode, how the instructor
 * signs in: the address(es) to give students and, when none was configured, the generated
 * password (printed this once, never kept in clear).
 */
@Component
class ClassroomBanner implements ApplicationListener<WebServerInitializedEvent> {

	private static final Logger log = LoggerFactory.getLogger(ClassroomBanner.class);

	private final ClassroomMode mode;

	private final InstructorAccount account;

	ClassroomBanner(ClassroomMode mode, InstructorAccount account) {
		this.mode = mode;
		this.account = account;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getParent() != null) {
			return;
		}
		int port = event.getWebServer().getPort();
		if (!this.mode.on()) {
			this.account.takeGenerated();
			log.info(
					"Microservices Lab on http://localhost:{}/ (classroom mode off: everyone here may operate the demos)",
					port);
			return;
		}
		StringBuilder text = new StringBuilder("\n\n  Classroom mode is on: only the instructor operates the demos.\n");
		text.append("  Give students: ");
		List<String> urls = urls(port, this.mode.beyondLoopback());
		text.append(String.join("  ", urls)).append('\n');
		String generated = this.account.takeGenerated();
		if (generated != null) {
			text.append("  Instructor sign-in: ")
				.append(urls.get(0))
				.append("en/login  user instructor  password ")
				.append(generated)
				.append("\n  (generated for this run and shown only now; set LAB_CLASSROOM_PASSWORD to choose one)\n");
		}
		else {
			text.append("  Instructor sign-in: ")
				.append(urls.get(0))
				.append("en/login  user instructor, the configured password\n");
		}
		log.warn(text.toString());
	}

	/**
	 * The addresses students can type: every non-loopback IPv4 address of the machine,
	 * else localhost.
	 */
	static List<String> urls(int port, boolean beyondLoopback) {
		List<String> out = new ArrayList<>();
		if (beyondLoopback) {
			try {
				for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
					if (!nic.isUp() || nic.isLoopback()) {
						continue;
					}
					for (InetAddress address : Collections.list(nic.getInetAddresses())) {
						if (address.getAddress().length == 4 && !address.isLinkLocalAddress()) {
							out.add("http://" + address.getHostAddress() + ":" + port + "/");
						}
					}
				}
			}
			catch (SocketException ex) {
				// no interfaces to list: localhost below
			}
		}
		if (out.isEmpty()) {
			out.add("http://localhost:" + port + "/");
		}
		return out;
	}

}
