/**
 * How a business module becomes an OS process: argument parsing, wiring (local module
 * over the service's shared database, plus remote peers), health, info, chaos, the
 * resilience settings ({@code GET|POST /settings}: peer timeout and fallbacks), lifecycle
 * (READY line, draining stop, no orphans), and {@link lab.chassis.LaunchCommand}.
 */
package lab.chassis;
