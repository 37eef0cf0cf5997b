package lab.chassis.api;

import java.util.Map;
import java.util.stream.Collectors;

import lab.business.payments.NewTip;
import lab.business.payments.PaymentsApi;
import lab.business.payments.Tip;
import lab.business.payments.TipResult;
import lab.business.shared.Failure;
import lab.chassis.http.Call;
import lab.chassis.http.Json;
import lab.chassis.http.Result;
import lab.chassis.http.Router;

/**
 * {@code POST /api/tips} {"fromUserId","toUserId","amountCents","idempotencyKey"} (the
 * key may come in the {@code Idempotency-Key} header instead): 201 when made, 200 with
 * {@code "replayed": true} for a retry; {@code GET /api/tips?userId=}.
 */
public final class PaymentsEndpoints {

	public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

	private PaymentsEndpoints() {
	}

	public static void register(Router router, PaymentsApi payments) {
		router.post("/api/tips", call -> {
			Map<String, Object> body = call.jsonObject();
			String key = Call.stringField(body, "idempotencyKey");
			if (key == null) {
				key = call.header(IDEMPOTENCY_HEADER).orElse(null);
			}
			NewTip tip = new NewTip(Call.longField(body, "fromUserId"), Call.longField(body, "toUserId"),
					Call.longField(body, "amountCents"), key);
			TipResult result = payments.tip(tip);
			return Result.of(result.replayed() ? 200 : 201, toJson(result));
		});
		router.get("/api/tips", call -> {
			long userId = call.longQuery("userId")
				.orElseThrow(() -> Failure.invalid("tip.userId.required", "the userId query parameter is required"));
			return Result.ok(Json.object("userId", userId, "tips",
					payments.tipsOf(userId).stream().map(PaymentsEndpoints::toJson).collect(Collectors.toList())));
		});
	}

	public static Map<String, Object> toJson(Tip tip) {
		return Json.object("id", tip.id(), "fromUserId", tip.fromUserId(), "toUserId", tip.toUserId(), "amountCents",
				tip.amountCents(), "idempotencyKey", tip.idempotencyKey(), "createdAt", tip.createdAt());
	}

	public static Map<String, Object> toJson(TipResult result) {
		Map<String, Object> json = toJson(result.tip());
		json.put("replayed", result.replayed());
		return json;
	}

	public static Tip tipFromJson(Object json) {
		Map<String, Object> o = JsonFields.object(json);
		return new Tip(JsonFields.requiredLong(o, "id"), JsonFields.requiredLong(o, "fromUserId"),
				JsonFields.requiredLong(o, "toUserId"), JsonFields.requiredLong(o, "amountCents"),
				JsonFields.string(o, "idempotencyKey"), JsonFields.instant(o, "createdAt"));
	}

	public static TipResult tipResultFromJson(Object json) {
		return new TipResult(tipFromJson(json), JsonFields.bool(JsonFields.object(json), "replayed"));
	}

}
