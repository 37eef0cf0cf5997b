package lab.chassis.remote;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import lab.business.payments.NewTip;
import lab.business.payments.PaymentsApi;
import lab.business.payments.Tip;
import lab.business.payments.TipResult;
import lab.chassis.api.PaymentsEndpoints;
import lab.chassis.http.Json;

/** {@link PaymentsApi} over HTTP. */
public final class HttpPaymentsApi implements PaymentsApi {

	private final Peer peer;

	public HttpPaymentsApi(Peer peer) {
		this.peer = peer;
	}

	@Override
	public TipResult tip(NewTip tip) {
		return peer.post("/api/tips",
				Json.object("fromUserId", tip.fromUserId(), "toUserId", tip.toUserId(), "amountCents",
						tip.amountCents(), "idempotencyKey", tip.idempotencyKey()),
				PaymentsEndpoints::tipResultFromJson);
	}

	@Override
	public List<Tip> tipsOf(long userId) {
		return peer.get("/api/tips?userId=" + userId, HttpPaymentsApi::tips);
	}

	@SuppressWarnings("unchecked")
	private static List<Tip> tips(Object json) {
		List<Object> tips = (List<Object>) ((Map<String, Object>) json).get("tips");
		return tips.stream().map(PaymentsEndpoints::tipFromJson).collect(Collectors.toList());
	}

}
