/**
 * The demo fleet and its control plane. This package holds only the words its parts share
 * (topology, service, feature, refusal, settings, the event journal, per-second request
 * figures); each part lives in a subpackage.
 */
package lab.fleet;
