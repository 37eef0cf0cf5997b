package lab.business.users;

/**
 * What a client sends to create a profile; fields may be missing (null) until validated.
 */
public record NewUser(String name, String handle) {
}
