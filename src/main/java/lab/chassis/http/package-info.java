/**
 * HTTP for demo processes on the JDK's own server: JSON codec, routing, problem details,
 * chaos injection, request log and the {@code X-Instance} header. No framework, so a
 * process starts fast.
 */
package lab.chassis.http;
