package lab.classroom;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

import lab.FleetTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside classroom mode (a learner alone on localhost) everyone operates, yet no other
 * site and no forged host can: real HTTP against the real fleet.
 */
@FleetTest
class SiteGuardsIT {

	@LocalServerPort
	int port;

	@Autowired
	MessageSource messages;

	private SiteClient site() {
		return new SiteClient(this.port);
	}

	private String readyPayments(SiteClient site) {
		site.heal();
		return site.instances()
			.stream()
			.filter(i -> "payments".equals(i.get("service")) && "ready".equals(i.get("state")))
			.map(i -> (String) i.get("id"))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void aCrossSitePostIsRefusedAndChangesNothing() {
		SiteClient site = site();
		String payments = readyPayments(site);
		Object pid = site.instance(payments).get("pid");
		Map<String, Object> settings = site.settings();
		String[][] otherSites = { { "Origin", "http://evil.example" }, { "Origin", "null" },
				{ "Origin", "http://127.0.0.1:1" }, { "Sec-Fetch-Site", "cross-site" },
				{ "Sec-Fetch-Site", "same-site" }, { "Sec-Fetch-Site", "cross-site", "Origin", site.base() } };
		for (String[] headers : otherSites) {
			SiteClient.Answer kill = site.post("/api/fleet/instances/" + payments + "/kill?lang=fa", "", headers);
			assertThat(kill.status()).as(String.join(" ", headers)).isEqualTo(403);
			assertThat(kill.json().get("detail"))
				.isEqualTo(this.messages.getMessage("classroom.refused.crossSite", null, Locale.forLanguageTag("fa")));
			assertThat(site.post("/api/fleet/settings", "autoRestart=true&resilience=false", headers).status())
				.isEqualTo(403);
			assertThat(site.post("/en/demo/instances/" + payments + "/kill", "", headers).status()).isEqualTo(403);
			assertThat(site.post("/api/store/microservices/posts", "authorId=1&text=spam", headers).status())
				.isEqualTo(403);
		}
		assertThat(site.instance(payments).get("state")).isEqualTo("ready");
		assertThat(site.instance(payments).get("pid")).isEqualTo(pid);
		assertThat(site.settings()).isEqualTo(settings);
	}

	@Test
	void aSameOriginPostFromAScriptOrThePageWorks() {
		SiteClient site = site();
		Map<String, Object> settings = site.settings();
		Object autoRestart = settings.get("autoRestart");
		String flipped = String.valueOf(!Boolean.TRUE.equals(autoRestart));
		assertThat(site.post("/api/fleet/settings", "autoRestart=" + flipped).status()).isEqualTo(200);
		assertThat(site.settings().get("autoRestart")).isEqualTo(Boolean.valueOf(flipped));
		assertThat(site
			.post("/api/fleet/settings", "autoRestart=" + autoRestart, "Origin", site.base(), "Sec-Fetch-Site",
					"same-origin")
			.status()).isEqualTo(200);
		assertThat(site.settings().get("autoRestart")).isEqualTo(autoRestart);
	}

	@Test
	void aForgedHostReadsNothing() {
		SiteClient site = site();
		for (String path : new String[] { "/api/fleet", "/en/fleet", "/fa/lessons/monolith", "/api/fleet/stream" }) {
			SiteClient.Answer answer = site.raw("GET", path, "attacker.example:" + this.port);
			assertThat(answer.status()).as(path).isEqualTo(400);
			assertThat(answer.body()).doesNotContain("payments-").doesNotContain("\"topologies\"");
		}
		SiteClient.Answer json = site.raw("GET", "/api/fleet?lang=fa", "attacker.example");
		assertThat(json.body())
			.contains(this.messages.getMessage("classroom.refused.host", null, Locale.forLanguageTag("fa")));
		assertThat(site.raw("POST", "/api/fleet/settings?autoRestart=true", "rebind.attacker.example").status())
			.isEqualTo(400);
		assertThat(site.raw("GET", "/api/fleet", "localhost:" + this.port).status()).isEqualTo(200);
		assertThat(site.raw("GET", "/api/fleet", "127.0.0.1:" + this.port).status()).isEqualTo(200);
	}

	@Test
	void corsStaysClosed() {
		SiteClient site = site();
		SiteClient.Answer preflight = site.raw("OPTIONS", "/api/fleet/settings", "127.0.0.1:" + this.port, "Origin",
				"http://evil.example", "Access-Control-Request-Method", "POST");
		assertThat(preflight.body().toLowerCase(Locale.ROOT)).doesNotContain("access-control-allow-origin");
		SiteClient.Answer read = site.get("/api/fleet", "Origin", "http://evil.example");
		assertThat(read.header("Access-Control-Allow-Origin")).isNull();
	}

	@Test
	void requestBodiesAreCapped() {
		SiteClient site = site();
		String big = "text=" + "a".repeat(70 * 1024);
		SiteClient.Answer tooLarge = site.post("/api/store/microservices/posts?lang=fa", big);
		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(tooLarge.json().get("detail"))
			.isEqualTo(this.messages.getMessage("classroom.refused.tooLarge", null, Locale.forLanguageTag("fa")));
	}

}
