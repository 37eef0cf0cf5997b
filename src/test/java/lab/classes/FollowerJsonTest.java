package lab.classes;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import lab.fleet.live.FleetView;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What followers are sent of the fleet's state: everything the widget reads, without the
 * charts' timestamps.
 */
class FollowerJsonTest {

	private final JsonMapper json = JsonMapper.builder().build();

	private final FleetView view = new FleetView(
			List.of(new FleetView.TopologyView("microservices", "Microservices", 1, "1 MB", List.of(),
					Map.of("feed",
							new FleetView.FeatureView(2.5, 0.1, 40, new long[] { 1796188952L, 1796188953L },
									new long[] { 3, 4 }, new long[] { 0, 1 })))),
			new FleetView.SettingsView(false, true), 5, 6, List.of(), List.of());

	@Test
	void followersGetTheChartsBarsWithoutTheirTimestamps() {
		String slim = FollowerJson.mapper(this.json).writeValueAsString(this.view);
		assertThat(slim).doesNotContain("seconds").doesNotContain("1796188952");
		assertThat(slim).contains("\"ok\":[3,4]", "\"failed\":[0,1]", "\"rps\":2.5", "\"p95Ms\":40",
				"\"resilience\":true", "\"rssLabel\":\"1 MB\"");
	}

	@Test
	void theFleetsOwnJsonKeepsEverything() {
		FollowerJson.mapper(this.json);
		assertThat(this.json.writeValueAsString(this.view)).contains("\"seconds\":[1796188952,1796188953]");
	}

	@Test
	void theSlimViewIsTheFullViewMinusTheTimestamps() {
		Map<?, ?> full = this.json.readValue(this.json.writeValueAsString(this.view), Map.class);
		Map<?, ?> slim = this.json.readValue(FollowerJson.mapper(this.json).writeValueAsString(this.view), Map.class);
		Set<Object> fullFeed = new HashSet<>(feed(full).keySet());
		fullFeed.remove("seconds");
		assertThat(new HashSet<Object>(feed(slim).keySet())).isEqualTo(fullFeed);
		assertThat(slim.keySet()).isEqualTo(full.keySet());
	}

	private static Map<?, ?> feed(Map<?, ?> view) {
		Map<?, ?> topology = (Map<?, ?>) ((List<?>) view.get("topologies")).get(0);
		return (Map<?, ?>) ((Map<?, ?>) topology.get("features")).get("feed");
	}

}
