package lab.fleet.supervisor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import lab.chassis.store.H2Server;

/**
 * Runs each demo process as a child of the site, with the command the first willing
 * {@link Launcher} plans (the Java launcher, last, takes any role). The child's stdin
 * stays an open pipe and the child watches the site's pid, so no child outlives the site,
 * even when the site is killed with SIGKILL. Its stderr goes to a log file; its stdout is
 * read for the {@code READY port=… pid=…} line.
 */
public class LocalProcessBackend implements ProcessBackend {

	private static final Pattern READY = Pattern.compile("READY port=(\\d+) pid=(\\d+)");

	private final List<Launcher> launchers;

	/**
	 * Java children open their services' databases themselves.
	 * @param launchers asked before the Java launcher, in order
	 */
	public LocalProcessBackend(List<Launcher> launchers) {
		this(launchers, null);
	}

	/**
	 * @param launchers asked before the Java launcher, in order
	 * @param databases serves the Java children's databases (null: they open their own)
	 */
	public LocalProcessBackend(List<Launcher> launchers, H2Server databases) {
		List<Launcher> all = new ArrayList<>(launchers);
		all.add(new JavaLauncher(databases));
		this.launchers = List.copyOf(all);
	}

	@Override
	public Running launch(Spec spec) throws IOException {
		LaunchSpec plan = this.launchers.stream()
			.flatMap(l -> l.plan(spec).stream())
			.findFirst()
			.orElseThrow(() -> new IOException("no launcher for " + spec));
		Files.createDirectories(spec.logFile().getParent());
		ProcessBuilder builder = new ProcessBuilder(plan.command()).directory(plan.workingDirectory().toFile())
			.redirectError(ProcessBuilder.Redirect.appendTo(spec.logFile().toFile()));
		builder.environment().putAll(plan.environment());
		return new LocalRunning(builder.start(), spec.instanceId());
	}

	private static final class LocalRunning implements Running {

		private final Process process;

		private final CompletableFuture<Integer> ready = new CompletableFuture<>();

		private final CompletableFuture<Integer> exit;

		LocalRunning(Process process, String name) {
			this.process = process;
			this.exit = process.onExit().thenApply(Process::exitValue);
			this.exit.thenAccept(code -> this.ready
				.completeExceptionally(new IllegalStateException("exited with code " + code + " before it was ready")));
			Thread reader = new Thread(this::readStdout, "stdout-" + name);
			reader.setDaemon(true);
			reader.start();
		}

		/**
		 * Waits for the READY line, then keeps draining stdout so the child never blocks
		 * on it.
		 */
		private void readStdout() {
			try (BufferedReader in = new BufferedReader(
					new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = in.readLine()) != null) {
					Matcher m = READY.matcher(line);
					if (!this.ready.isDone() && m.find()) {
						this.ready.complete(Integer.parseInt(m.group(1)));
					}
				}
			}
			catch (IOException ex) {
				// the child is gone; exit() reports it
			}
		}

		@Override
		public long pid() {
			return this.process.pid();
		}

		@Override
		public CompletableFuture<Integer> ready() {
			return this.ready;
		}

		@Override
		public CompletableFuture<Integer> exit() {
			return this.exit;
		}

		@Override
		public void terminate() {
			this.process.destroy();
		}

		@Override
		public void kill() {
			this.process.destroyForcibly();
		}

	}

}
