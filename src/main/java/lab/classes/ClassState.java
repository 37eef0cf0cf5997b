package lab.classes;

/**
 * What anyone may know of a class: its code, walkthrough and current step.
 * {@code version} grows with every move; it is the stream's event id, so a reconnecting
 * browser says what it has seen.
 */
record ClassState(String code, String walkthrough, int step, int steps, long version, long startedAt, boolean ended) {
}
