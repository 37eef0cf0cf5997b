/**
 * How a business module becomes an OS process: argument parsing, wiring (local module plus remote
 * peers), health, info, chaos, lifecycle (READY line, no orphans), and {@link lab.chassis.LaunchCommand}.
 */
package lab.chassis;
