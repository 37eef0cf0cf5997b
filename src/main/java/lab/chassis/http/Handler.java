package lab.chassis.http;

/**
 * Answers one route. Throwing {@link lab.business.shared.Failure} gives a problem
 * response.
 */
@FunctionalInterface
public interface Handler {

	Result handle(Call call);

}
