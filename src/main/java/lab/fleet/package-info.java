/**
 * The demo fleet and its control plane: the supervisor of the demo processes, the site's load
 * balancer and API gateway in front of them, the live view, and the control actions.
 */
package lab.fleet;
