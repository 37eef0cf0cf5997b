package lab.site;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import lab.content.ContentStore;
import lab.content.Lang;
import lab.content.Lesson;
import lab.system.SiteArchive;

/**
 * Serves a lesson page to itself once the site is ready, before the demo fleet starts:
 * the first render of a template is the slow one, and a visitor's first page should not
 * wait for it while five demo processes are starting on the same cores.
 */
@Component
class SiteWarmUp implements ApplicationListener<ApplicationReadyEvent>, Ordered {

	private static final Log log = LogFactory.getLog(SiteWarmUp.class);

	private final ContentStore content;

	/**
	 * A training run for the site's class-data archive ({@link SiteArchive}): exit after
	 * the warm-up.
	 */
	private final boolean trainingRun;

	SiteWarmUp(ContentStore content, Environment environment) {
		this.content = content;
		this.trainingRun = environment.getProperty(SiteArchive.TRAINING_RUN, Boolean.class, false);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
			return;
		}
		int port = web.getWebServer().getPort();
		List<Lesson> lessons = this.content.lessons(Lang.FA);
		String lesson = lessons.isEmpty() ? "" : "lessons/" + lessons.get(0).slug();
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		List<String> paths = this.trainingRun ? List.of("/fa/" + lesson, "/en/", "/en/" + lesson, "/fa/",
				"/fa/glossary", "/en/about", "/en/no-such-page") : List.of("/fa/" + lesson, "/en/");
		for (String path : paths) {
			try {
				HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
					.timeout(Duration.ofSeconds(5))
					.build();
				http.send(request, HttpResponse.BodyHandlers.discarding());
			}
			catch (Exception ex) {
				// a warm-up that fails costs nothing but the warm-up
				log.debug("warm-up of " + path + " failed: " + ex);
			}
		}
		if (this.trainingRun) {
			// a thread of its own: the context closes while this listener's caller is
			// still running
			ConfigurableApplicationContext context = event.getApplicationContext();
			new Thread(() -> System.exit(SpringApplication.exit(context)), "training-exit").start();
		}
	}

}
