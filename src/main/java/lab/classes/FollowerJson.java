package lab.classes;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.json.JsonMapper;

import lab.fleet.live.FleetView;

/**
 * How the fleet's state is written on the class and walkthrough streams: the fleet's own
 * JSON minus what no page on those streams reads. A chart's {@code seconds} (the epoch
 * second of each bar, a third of each chart's numbers) is the one such part: the widget
 * draws the bars from {@code ok} and {@code failed} alone, so a follower is sent about
 * half the bytes each second. The fleet's own API and stream keep the full view.
 */
final class FollowerJson {

	private FollowerJson() {
	}

	/** A mapper like {@code json} that leaves out what followers never read. */
	static JsonMapper mapper(JsonMapper json) {
		return json.rebuild().addMixIn(FleetView.FeatureView.class, SlimFeature.class).build();
	}

	@JsonIgnoreProperties("seconds")
	private abstract static class SlimFeature {

	}

}
